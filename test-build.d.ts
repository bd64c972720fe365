/** True only in the test build (`LENS_TEST_BUILD=1`, see wxt.config.ts); production bundles drop what it guards. */
declare const __LENS_TEST_BUILD__: boolean;

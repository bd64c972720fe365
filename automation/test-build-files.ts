/**
 * Files the test build (`npm run build:test`) carries beside the extension and the production build does not: named
 * here once, for wxt.config.ts that copies them and for the tests that load them. Extension pages only (none is
 * web-accessible, so no web page can load or probe them).
 */

/** axe-core's engine (`axe-core/axe.min.js`), for the accessibility audits of extension pages (tests/e2e/a11y-tools.ts). */
export const AXE_FILE = 'lens-axe.js';

/**
 * The extension's API for the content script (its gate and its scanner stage), looked up when first used, not when
 * the script loads: wxt.config.ts puts this module in the place of `wxt/browser` for those two builds. Reading
 * `browser.runtime` makes the browser build that API's bindings in the frame, and `@wxt-dev/browser` reads it at load
 * (`browser.runtime.id`, to choose between `browser` and `chrome`) in every page and frame; a frame the gate stops
 * early (a tracking pixel, an ad below the fold, a hidden widget) never needs the API at all.
 */
import type { Browser } from '@wxt-dev/browser';

type Api = typeof Browser;
let api: Api | undefined;
const current = (): Api => {
  const world = globalThis as unknown as { browser?: Api; chrome: Api };
  return (api ??= world.browser?.runtime?.id ? world.browser : world.chrome);
};

export const browser: Api = new Proxy({} as Api, { get: (_target, key) => current()[key as keyof Api] });

/**
 * What WXT's content-script wrapper builds in place of its ContentScriptContext, in the content-script build only
 * (wxt.config.ts aliases `wxt/utils/content-script-context` here). WXT's context dispatches a start-up event on the
 * page's document in every frame, named with the extension's id, which a page that knows the id can hear; the
 * content script ignores it anyway and keeps its own lifetime (page/lifetime.ts). So the wrapper gets an object that
 * does nothing.
 */
export class ContentScriptContext {}

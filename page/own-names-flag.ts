/**
 * The gate's screen (lib/screen/frame-screen.ts) knows the fact base's names only. Where the reader has names of
 * their own, every frame must ask the background as before: the background then registers a tiny content script
 * (entrypoints/own-names-flag.ts, browser/own-names-flag.ts) that sets this flag on the extension's isolated global
 * before the gate runs, where no page can see or set it.
 */
export const OWN_NAMES_FLAG = 'lensOwnNames';

/** Whether the reader has names of their own (the flag is set in this frame). */
export const ownNamesFlagged = (): boolean => (globalThis as Record<string, unknown>)[OWN_NAMES_FLAG] === true;

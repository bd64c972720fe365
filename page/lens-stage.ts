/**
 * The seam between the content script's gate and its scanner stage. The gate (entrypoints/content, page/frame-gate.ts)
 * runs in every page and frame and is a few lines; the scanner stage (walk, match, paint, the card triggers) is
 * injected by the background into a frame only once the gate has found text worth scanning there, and hands its entry
 * point over on the content script's own global: both run in the extension's isolated world, which the page cannot
 * see, so the page learns nothing from the hand-over.
 */
import type { LensStart } from '~/lib/messaging/messages';
import type { Lifetime } from './lifetime';

/** The property of the isolated world's global the scanner stage sets. */
export const LENS_STAGE_GLOBAL = 'lensScannerStage';

type StartLens = (ctx: Lifetime, start: LensStart) => void;

/** The scanner stage's entry point, once the background has injected it into this frame. */
export function lensStageEntry(): StartLens | undefined {
  return (globalThis as Record<string, unknown>)[LENS_STAGE_GLOBAL] as StartLens | undefined;
}

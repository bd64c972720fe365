/**
 * The seam between the content script's gate and its scanner stage. The gate (entrypoints/content, page/frame-gate.ts)
 * runs in every page and frame and is a few lines; the scanner stage (walk, match, paint, the card triggers) is
 * injected by the background into a frame only once the gate has found text worth scanning there, and hands its entry
 * point over on the content script's own global: both run in the extension's isolated world, which the page cannot
 * see, so the page learns nothing from the hand-over.
 */
import type { LensStart } from '~/lib/messaging/messages';
import type { Lifetime } from './lifetime';
import type { TextBlock } from './text-blocks';
import type { ReaderSelection } from './reader-selection';
import type { SaveSelectionAnswer } from './save-selection';

/** The property of the isolated world's global the scanner stage sets. */
export const LENS_STAGE_GLOBAL = 'lensScannerStage';

/** What the top page's gate (page/top-gate.ts) hands the stage besides the background's start. */
export interface GateHandOver {
  /** Full scans of the page the gate numbered for the matcher (find-mentions' `scan`): the stage's follow on. */
  scans: number;
  /**
   * The blocks of the page's text the gate walked and sent as its last scan, whose matches the start holds (`found`),
   * with what changed in the page since the walk began, and the walk's main-thread milliseconds.
   */
  walked?: { blocks: readonly TextBlock[]; changes: readonly MutationRecord[]; ms: number };
  /** The gate's watch of the reader's selection, which has seen the reader's last release. */
  reader?: ReaderSelection;
}

/** What a started stage offers its gate: a save-selection message the gate took before the stage was there. */
export interface StageHandle {
  saveSelection: SaveSelectionAnswer;
}

type StartLens = (ctx: Lifetime, start: LensStart, handOver?: GateHandOver) => StageHandle;

/** The scanner stage's entry point, once the background has injected it into this frame. */
export function lensStageEntry(): StartLens | undefined {
  return (globalThis as Record<string, unknown>)[LENS_STAGE_GLOBAL] as StartLens | undefined;
}

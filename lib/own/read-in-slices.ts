/**
 * Own sources are read by the background's one matcher, which also answers every page's scan: a 50 KB source took it
 * tens of milliseconds in one piece, and 200 of them (a re-read after a restore) held pages' scans for seconds. So a
 * source is matched in pieces that end at paragraph breaks, with the matcher's page context carried from one to the
 * next (a full name in one piece decides a bare surname in a later one, as between a page's batches), and the worker
 * is handed back whenever a slice of work has run its time.
 */
import { newPageContext, type Matcher } from '../matcher';

/**
 * Characters matched in one call, as in a page's batch (page/scan-page.ts): about 10 ms of the matcher. As with a
 * page's batches, evidence that comes only later in the text (a full name after a bare surname) does not reach an
 * earlier piece: 4 of 2,300 names in 100 KB of the fact base's quotes (tests/unit/own-read-in-slices.test.ts).
 */
export const PIECE_CHARS = 16_384;
/** Work done before the worker is handed back: a page's message waits at most about this long. Milliseconds. */
export const SLICE_MS = 8;

export interface TextPiece {
  /** Offset of the piece in the whole text. */
  start: number;
  text: string;
}

/**
 * The text cut into pieces of at most `max` characters, each ending at a paragraph break (a blank line) where there
 * is one, else at a line break or a space, so a name is never cut in two.
 */
export function textPieces(text: string, max = PIECE_CHARS): TextPiece[] {
  const out: TextPiece[] = [];
  let at = 0;
  while (text.length - at > max) {
    const window = text.slice(at, at + max);
    const cut =
      lastBreak(window, /\n[ \t]*\n/g) ?? lastBreak(window, /\n/g) ?? lastBreak(window, /\s/g) ?? window.length;
    out.push({ start: at, text: text.slice(at, at + cut) });
    at += cut;
  }
  if (at < text.length || !out.length) out.push({ start: at, text: text.slice(at) });
  return out;
}

/** The end of the last match of `re` in `s` (a cut there keeps the break in the earlier piece), past its first half. */
function lastBreak(s: string, re: RegExp): number | undefined {
  let end: number | undefined;
  for (let m = re.exec(s); m; m = re.exec(s)) if (m.index >= s.length / 2) end = m.index + m[0].length;
  return end;
}

/**
 * Hands the worker back for one turn of its event loop: what is queued (a page's message) runs first. A message on a
 * channel, not setTimeout(0), which browsers clamp to 4 ms once timeouts nest.
 */
export function handBack(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export interface SlicedMatch {
  start: number;
  end: number;
  /** Index into the matcher's alias index entities. */
  entity: number;
}

/**
 * Every match in the text, sorted by start, found piece by piece with one matcher (one that a names change replaces
 * meanwhile still reads this text to the end: the re-read that change starts reads it again); `pause` is awaited
 * whenever SLICE_MS of matching has run since the last one (and may wait longer, to let pages go first).
 */
export async function findInSlices(
  matcher: Matcher,
  text: string,
  pause: () => Promise<void>,
  clock: () => number = () => performance.now(),
): Promise<SlicedMatch[]> {
  const context = newPageContext();
  const out: SlicedMatch[] = [];
  let sliceStarted = clock();
  for (const [i, piece] of textPieces(text).entries()) {
    if (i > 0 && clock() - sliceStarted >= SLICE_MS) {
      await pause();
      sliceStarted = clock();
    }
    for (const m of matcher.findInPage([piece.text], context)[0]!)
      out.push({ start: piece.start + m.start, end: piece.start + m.end, entity: m.entity });
  }
  return out;
}

/** After a page's last scan message, its scan counts as going on for this long (its batches come back to back). ms. */
export const PAGES_QUIET_MS = 150;
/** While pages scan, background work reads one slice per this long, leaving the worker (and a core) to them. ms. */
export const BESIDE_PAGES_GAP_MS = 50;

/**
 * Pages first: work a reader waits for (adding a source) only hands the worker back between slices; work nobody waits
 * for (reading every source again) also steps aside while pages are scanning, reading one slice per gap until they
 * have been quiet for a moment. A page that scans without end slows that work down but never stops it.
 */
export function createPagesFirst(
  deps: {
    clock?: () => number;
    wait?: (ms: number) => Promise<void>;
    handBack?: () => Promise<void>;
  } = {},
) {
  const clock = deps.clock ?? (() => performance.now());
  const wait = deps.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const yieldOnce = deps.handBack ?? handBack;
  let lastPageWork = -Infinity;
  return {
    /** What slices are timed with. */
    clock,
    /** A page's scan used the matcher just now. */
    pageWorked(): void {
      lastPageWork = clock();
    },
    /** Between slices of work someone waits for. */
    foreground: (): Promise<void> => yieldOnce(),
    /** Between slices of work nobody waits for. */
    async background(): Promise<void> {
      await yieldOnce();
      if (clock() - lastPageWork < PAGES_QUIET_MS) await wait(BESIDE_PAGES_GAP_MS);
    },
  };
}

export type PagesFirst = ReturnType<typeof createPagesFirst>;

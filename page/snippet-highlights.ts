/**
 * Paints the passages saved from this page when it is visited again (setting "highlightSnippets"), with the CSS
 * Custom Highlight API under `lens-snippet`: no element is added to the page. The background answers with the
 * quote selectors saved from this page's address only; each is found again in the page's text (exact text
 * scored by its context, then white-space-insensitive).
 *
 * Only a web page asks (http or https, with an origin of its own): the background also refuses about:blank, data:
 * and sandboxed frames (lib/snippets/page-saves.ts `paintablePage`), which any site can create.
 *
 * One pass when the setting is on and the page has loaded, and again after each save from this page. Text that a
 * page adds later (infinite scroll) is not searched again.
 */
import type { QuoteSelector, SendToBackground } from '~/lib/messaging/messages';
import { findQuote } from '~/lib/snippets/quote-selector';
import { buildTextIndex, rangeOfSpan } from './text-index';

const SNIPPET_HIGHLIGHT = 'lens-snippet';

export interface SnippetHighlights {
  /** Turns painting on (and paints) or off (and clears). */
  setEnabled(enabled: boolean): void;
  /** Asks again and repaints (after a save). */
  refresh(): void;
  /** How many saved passages are painted now. */
  readonly count: number;
}

/** `first`: the passages the background sent with the stage's start, painted first without asking again. */
export function startSnippetHighlights(
  doc: Document,
  send: SendToBackground,
  signal: AbortSignal,
  first?: QuoteSelector[],
): SnippetHighlights {
  const registry = doc.defaultView?.CSS?.highlights;
  const highlight = registry ? new Highlight() : null;
  let enabled = false;
  let generation = 0;
  let count = 0;

  const clear = () => {
    highlight?.clear();
    count = 0;
  };
  const win = doc.defaultView;
  const isWebPage = !!win && /^https?:$/.test(win.location.protocol) && win.origin !== 'null';
  const paint = async () => {
    const mine = ++generation;
    if (!isWebPage) return;
    const given = first;
    first = undefined;
    const quotes: QuoteSelector[] = given ?? (await send({ type: 'get-page-snippets' }).catch(() => [])) ?? [];
    if (mine !== generation || !enabled || signal.aborted || !highlight || !doc.body) return;
    clear();
    if (!quotes.length) return;
    const index = buildTextIndex(doc.body);
    for (const quote of quotes) {
      const span = findQuote(index.text, quote);
      const range = span && rangeOfSpan(index, span.start, span.end);
      if (range) {
        highlight.add(range);
        count++;
      }
    }
    if (count && !registry!.has(SNIPPET_HIGHLIGHT)) registry!.set(SNIPPET_HIGHLIGHT, highlight);
  };

  signal.addEventListener(
    'abort',
    () => {
      clear();
      registry?.delete(SNIPPET_HIGHLIGHT);
    },
    { once: true },
  );

  return {
    setEnabled(next) {
      if (next === enabled) return;
      enabled = next;
      if (enabled) void paint();
      else {
        generation++;
        clear();
      }
    },
    refresh() {
      if (enabled) void paint();
    },
    get count() {
      return count;
    },
  };
}

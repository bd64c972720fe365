/**
 * TextQuoteSelector helpers over plain strings (no DOM): make a selector for a span of a document's text, and find
 * a selector again in a document's text. The content script maps DOM ranges to and from offsets in that text.
 * Same idea as hypothesis/client's anchoring/match-quote.ts, kept much smaller: exact matches scored by context,
 * then a white-space-insensitive retry, which covers pages that re-flow their markup between visits.
 */
import type { TextQuoteSelector } from './types';

/** Characters of context kept either side: enough to tell apart repeated phrases, short enough to store cheaply. */
const QUOTE_CONTEXT_CHARS = 32;

interface TextSpan {
  start: number;
  end: number;
}

export function quoteSelectorAt(
  text: string,
  start: number,
  end: number,
  context = QUOTE_CONTEXT_CHARS,
): TextQuoteSelector {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  return {
    type: 'TextQuoteSelector',
    exact: text.slice(s, e),
    prefix: text.slice(Math.max(0, s - context), s),
    suffix: text.slice(e, e + context),
  };
}

/** Where the selector's quote sits in `text`, preferring the occurrence whose context matches best; null if absent. */
export function findQuote(
  text: string,
  selector: Pick<TextQuoteSelector, 'exact' | 'prefix' | 'suffix'>,
): TextSpan | null {
  if (!selector.exact) return null;
  const direct = bestOccurrence(text, selector.exact, selector.prefix, selector.suffix);
  if (direct) return direct;
  // Retry with white space collapsed on both sides, then map the offsets back to the original text.
  const folded = collapseSpace(text);
  const exact = collapseSpace(selector.exact).text.trim();
  if (!exact) return null;
  const hit = bestOccurrence(
    folded.text,
    exact,
    collapseSpace(selector.prefix).text,
    collapseSpace(selector.suffix).text,
  );
  if (!hit) return null;
  const start = folded.map[hit.start]!;
  const end = folded.map[hit.end - 1]! + 1;
  return { start, end };
}

/** Limits the work on pathological pages (a phrase repeated a million times). */
const MAX_OCCURRENCES = 10_000;

function bestOccurrence(text: string, exact: string, prefix: string, suffix: string): TextSpan | null {
  let best: TextSpan | null = null;
  let bestScore = -1;
  let seen = 0;
  for (let at = text.indexOf(exact); at !== -1 && seen < MAX_OCCURRENCES; at = text.indexOf(exact, at + 1), seen++) {
    const end = at + exact.length;
    const score = commonSuffix(text, at, prefix) + commonPrefix(text, end, suffix);
    if (score > bestScore) {
      best = { start: at, end };
      bestScore = score;
      if (score === prefix.length + suffix.length) break;
    }
  }
  return best;
}

/** How many characters of `prefix`, from its end, match the text just before `at`. */
function commonSuffix(text: string, at: number, prefix: string): number {
  let n = 0;
  while (n < prefix.length && at - n - 1 >= 0 && text[at - n - 1] === prefix[prefix.length - n - 1]) n++;
  return n;
}

/** How many characters of `suffix` match the text from `at`. */
function commonPrefix(text: string, at: number, suffix: string): number {
  let n = 0;
  while (n < suffix.length && at + n < text.length && text[at + n] === suffix[n]) n++;
  return n;
}

/** Collapses every run of white space to one space; `map[i]` is the original offset of folded character i. */
function collapseSpace(text: string): { text: string; map: number[] } {
  let out = '';
  const map: number[] = [];
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      if (inSpace) continue;
      inSpace = true;
      out += ' ';
    } else {
      inSpace = false;
      out += ch;
    }
    map.push(i);
  }
  return { text: out, map };
}

/** The reader's selection as stored: trimmed, runs of spaces and tabs folded, at most one blank line in a row. */
export function tidySelectionText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

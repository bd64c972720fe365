/**
 * A line typed informally: a comment, a chat message, a forum post, a list of search queries. Its writer starts
 * sentences and items in lowercase ("oguz_k: güzel yazı ama hazarın feribot sorunu aynı. aktauda 3 gün bekledik"),
 * while an edited text starts each with a capital, even when it has long runs of lowercase words between them. So
 * the line is read by how its sentences and items start, not by how many of its words are lowercase: one capitalised
 * word (a name, "TIP:", an acronym) in a chat line does not make it edited, and a lowercase brand or a wrapped line
 * does not make an article informal.
 */

import { caseOfUnit, isSpaceUnit, isWordUnit, LOWER, UPPER } from './char-kinds';

/** Fewer cased words say too little about their writer: a line of tags, a file name, a slug, a caption. */
const MIN_WORDS = 6;

/** How far either side of a name the line is read: a long line needs no more to tell what it is. */
const MAX_READ = 600;

/** Units that end a sentence or an item when a space follows them; the start of a line starts one too. */
const ENDS = new Uint8Array(0x10000);
for (const ch of '.!?\u00b7\u2022\u2027|\u2026\u061f\u0589\u3002') ENDS[ch.charCodeAt(0)] = 1;
const isLineBreak = (unit: number) => unit === 0x0a || unit === 0x0d;

/**
 * The last line read, and what it was: the names of one line come one after another, so the line is read once for
 * all of them (the text is compared by identity, which costs nothing).
 */
let lastText = '';
let lastFrom = -1;
let lastTo = -1;
let lastInformal = false;

/**
 * Whether the line around text[start, end) is typed informally: at least MIN_WORDS cased words, more of its
 * sentences and items starting in lowercase than with a capital, and either two lowercase starts or no capital at
 * all. Reads at most MAX_READ units either side, once per line; it runs only for a name a case rule turned away.
 */
export function inInformalLine(text: string, start: number, end: number): boolean {
  if (text === lastText && start >= lastFrom && end <= lastTo) return lastInformal;
  let from = start;
  const firstFrom = Math.max(0, start - MAX_READ);
  while (from > firstFrom && !isLineBreak(text.charCodeAt(from - 1))) from--;
  let to = end;
  const lastTo_ = Math.min(text.length, end + MAX_READ);
  while (to < lastTo_ && !isLineBreak(text.charCodeAt(to))) to++;
  let cased = 0;
  let capitalised = 0;
  let lowerStarts = 0;
  let upperStarts = 0;
  let atStart = true;
  for (let i = from; i < to; i++) {
    const unit = text.charCodeAt(i);
    if (ENDS[unit] === 1 && (i + 1 === to || isSpaceUnit(text.charCodeAt(i + 1)))) {
      atStart = true;
      continue;
    }
    if (!isWordUnit(unit) || (i > from && isWordUnit(text.charCodeAt(i - 1)))) continue;
    const c = caseOfUnit(unit);
    if (c === LOWER) {
      cased++;
      if (atStart) lowerStarts++;
    } else if (c === UPPER) {
      cased++;
      capitalised++;
      if (atStart) upperStarts++;
    } else continue; // a number or an emoji's neighbour leaves the item's start to the next cased word
    atStart = false;
  }
  lastText = text;
  lastFrom = from;
  lastTo = to;
  lastInformal = cased >= MIN_WORDS && lowerStarts > upperStarts && (lowerStarts >= 2 || capitalised === 0);
  return lastInformal;
}

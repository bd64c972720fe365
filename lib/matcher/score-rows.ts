/**
 * A city's or a region's name as a team's in a row of results: "Pakhtakor Taşkent 0-1 Ordabasy Şımkent", "Dinamo
 * Tiflis 2-2", "Qarabağ – Neftçi 2:0", "Astana 1-3 Neftçi Bakü". A club is named after its city, and a score beside
 * the run of capitalised words it stands in says the row is a match's. A country's name is not read so: a national
 * team is the country ("Türkiye 2-1 Gürcistan").
 */
import { caseOfUnit, isAsciiDigit, isSpaceOrNbsp, isWordUnit, LOWER, UPPER } from './char-kinds';

/** How many words, dashes or quotation marks may stand between the name and the score (the rest of a club's name). */
const MAX_STEPS = 4;

/** A score's separator: hyphen, en dash, colon ("2-1", "2–1", "2:1"). */
const isScoreSeparator = (u: number) => u === 0x2d || u === 0x2013 || u === 0x3a;
/** What may stand between two clubs or around a club's name: a dash or a quotation mark («Paxtakor» – «Dinamo»). */
const isJoiner = (u: number) =>
  u === 0x2d || u === 0x2013 || u === 0x2014 || u === 0xab || u === 0xbb || u === 0x22 || u === 0x201c || u === 0x201d;
const isLetter = (u: number) => isWordUnit(u) && !isAsciiDigit(u);

/**
 * A score of one digit a side ("2-1", "0:0") whose first digit is at `at`, with no digit or letter touching it: a
 * year ("2021–2022"), a time ("14:30") or a ratio in a word is no score.
 */
function scoreAt(text: string, at: number): boolean {
  return (
    isAsciiDigit(text.charCodeAt(at)) &&
    isScoreSeparator(text.charCodeAt(at + 1)) &&
    isAsciiDigit(text.charCodeAt(at + 2)) &&
    !isWordUnit(text.charCodeAt(at + 3)) &&
    (at === 0 || !isWordUnit(text.charCodeAt(at - 1)))
  );
}

/** Whether a lowercase word starts at `at` after spaces: "2-3 hours", "1-3 октября", "2:1 hesabı ilə" are no row. */
function lowercaseWordAfter(text: string, at: number): boolean {
  while (at < text.length && isSpaceOrNbsp(text.charCodeAt(at))) at++;
  return at < text.length && caseOfUnit(text.charCodeAt(at)) === LOWER;
}

/** Whether the word ending before `end` (after spaces) is a lowercase word: "saat 2-3 Bakü" is no row. */
function lowercaseWordBefore(text: string, end: number): boolean {
  while (end > 0 && isSpaceOrNbsp(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && isLetter(text.charCodeAt(start - 1))) start--;
  return start < end && caseOfUnit(text.charCodeAt(start)) !== UPPER;
}

/** Whether the name at [start, end) is a team's in a row of results or of a league table (see the module's comment). */
export function inScoreRow(text: string, start: number, end: number): boolean {
  return scoreAfter(text, end) || scoreBefore(text, start) || inTableRow(text, start, end);
}

/**
 * A row of a league table: a rank, the team's capitalised name, its points, and the row's end or the next rank ("7.
 * Araz-Naxçıvan 14 · 8. Kəpəz 11", "4. Ankara Keçiörengücü 22"). A list of cities by population has a unit or a
 * large number after the name, a numbered sentence a lowercase word: neither is a row.
 */
function inTableRow(text: string, start: number, end: number): boolean {
  const rank = rankBefore(text, start);
  return rank >= 0 && pointsAfter(text, end);
}

/** The start of a rank ("7. ") before the team's name, past its capitalised words and hyphens; -1 when none. */
function rankBefore(text: string, start: number): number {
  let i = start;
  for (let step = 0; step <= MAX_STEPS; step++) {
    const u = text.charCodeAt(i - 1);
    if (isSpaceOrNbsp(u) && text.charCodeAt(i - 2) === PERIOD) {
      let d = i - 2;
      while (d > 0 && isAsciiDigit(text.charCodeAt(d - 1))) d--;
      const digits = i - 2 - d;
      if (digits < 1 || digits > 2) return -1;
      return d === 0 || rowSeparatorOrSpace(text.charCodeAt(d - 1)) ? d : -1;
    }
    if (isSpaceOrNbsp(u) || isJoiner(u)) {
      i--;
      continue;
    }
    if (!isLetter(u)) return -1;
    let wordStart = i;
    while (wordStart > 0 && isLetter(text.charCodeAt(wordStart - 1))) wordStart--;
    if (caseOfUnit(text.charCodeAt(wordStart)) !== UPPER) return -1;
    i = wordStart;
  }
  return -1;
}

/** Points after the team's name, past its capitalised words: one to three digits, then the row's end. */
function pointsAfter(text: string, end: number): boolean {
  let i = end;
  for (let step = 0; step <= MAX_STEPS; step++) {
    while (i < text.length && isSpaceOrNbsp(text.charCodeAt(i))) i++;
    const u = text.charCodeAt(i);
    if (isAsciiDigit(u)) {
      if (i === end) return false;
      let n = i;
      while (isAsciiDigit(text.charCodeAt(n))) n++;
      if (n - i > 3) return false;
      while (n < text.length && isSpaceOrNbsp(text.charCodeAt(n))) n++;
      return n >= text.length || isRowSeparator(text.charCodeAt(n));
    }
    if (isJoiner(u)) i++;
    else if (caseOfUnit(u) === UPPER) while (i < text.length && isLetter(text.charCodeAt(i))) i++;
    else return false;
  }
  return false;
}

const PERIOD = 0x2e;
/** What stands between the rows of a table written on one line: · | ; or a bullet. */
const isRowSeparator = (u: number) => u === 0xb7 || u === 0x7c || u === 0x3b || u === 0x2022;
const rowSeparatorOrSpace = (u: number) =>
  isSpaceOrNbsp(u) || isRowSeparator(u) || u === 0x2014 || u === 0x2013 || u === 0x3a;

/** The name, then the rest of its club's name or the other club, then the score: "Taşkent 0-1", "Qarabağ – Neftçi 2:0". */
function scoreAfter(text: string, end: number): boolean {
  let i = end;
  // A word or a score stands apart from the name: after a space or a dash ("Bakü'de 2-1" is in the city).
  let apart = false;
  for (let step = 0; step <= MAX_STEPS; step++) {
    while (i < text.length && isSpaceOrNbsp(text.charCodeAt(i))) {
      i++;
      apart = true;
    }
    const u = text.charCodeAt(i);
    if (isAsciiDigit(u)) return apart && scoreAt(text, i) && !lowercaseWordAfter(text, i + 3);
    if (isJoiner(u)) {
      i++;
      apart = true;
    } else if (apart && caseOfUnit(u) === UPPER) {
      while (i < text.length && isLetter(text.charCodeAt(i))) i++;
      apart = false;
    } else return false;
  }
  return false;
}

/** The score, then the rest of the club's name, then the name: "0-1 Ordabasy Şımkent", "1-3 Neftçi Bakü". */
function scoreBefore(text: string, start: number): boolean {
  let i = start;
  let apart = false;
  for (let step = 0; step <= MAX_STEPS; step++) {
    while (i > 0 && isSpaceOrNbsp(text.charCodeAt(i - 1))) {
      i--;
      apart = true;
    }
    const u = text.charCodeAt(i - 1);
    if (isAsciiDigit(u)) return apart && i >= 3 && scoreAt(text, i - 3) && !lowercaseWordBefore(text, i - 3);
    if (isJoiner(u)) {
      i--;
      apart = true;
    } else if (apart && isLetter(u)) {
      let wordStart = i;
      while (wordStart > 0 && isLetter(text.charCodeAt(wordStart - 1))) wordStart--;
      if (caseOfUnit(text.charCodeAt(wordStart)) !== UPPER) return false;
      i = wordStart;
      apart = false;
    } else return false;
  }
  return false;
}

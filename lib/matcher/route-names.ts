/**
 * A place's name as one end of a route written with dashes: "Iğdır–Nahçıvan boru hattı", "Kars-Nahçıvan hattı",
 * "Баку–Тбилиси–Джейхан", "ბაქო-სუფსის ნავთობსადენი". The reader means the pipeline or the railway, not the city: if
 * the fact base has the route, its own name is the longer match and is marked; if not, nothing is.
 */
import { CASELESS, caseOfUnit, isAsciiDigit, isSpaceOrNbsp, isWordUnit, UPPER } from './char-kinds';
import { isApostropheUnit } from './fold';
import type { NamedAfterList } from './named-after';
import { wordAfterStart, wordBeforeStart, wordEnd } from './words';

const HYPHEN = 0x2d;
const NON_BREAKING_HYPHEN = 0x2011;
const EN_DASH = 0x2013;
const EM_DASH = 0x2014;

const isDash = (u: number) => u === HYPHEN || u === NON_BREAKING_HYPHEN || u === EN_DASH || u === EM_DASH;
/** A hyphen joins words written solid; an en or em dash may stand between spaces ("Хоргос – Ақтау – Баку"). */
const mayBeSpaced = (u: number) => u === EN_DASH || u === EM_DASH;
/** Georgian Mkhedruli: lowercase letters to Unicode, though the script writes names without capitals. */
const isGeorgian = (u: number) => u >= 0x10d0 && u <= 0x10ff;
/** A name's first letter: a capital, or a letter of a script without capitals (Georgian). */
const startsName = (u: number) =>
  caseOfUnit(u) === UPPER || isGeorgian(u) || (caseOfUnit(u) === CASELESS && isWordUnit(u) && !isAsciiDigit(u));

/** Where the name joined by a dash after `end` starts, or -1. */
function nextMember(text: string, end: number): number {
  let i = end;
  let spaced = false;
  if (i < text.length && isSpaceOrNbsp(text.charCodeAt(i))) {
    i++;
    spaced = true;
  }
  const dash = text.charCodeAt(i);
  if (!isDash(dash) || (spaced && !mayBeSpaced(dash))) return -1;
  i++;
  if (i < text.length && isSpaceOrNbsp(text.charCodeAt(i))) {
    if (!mayBeSpaced(dash)) return -1;
    i++;
  }
  return i < text.length && startsName(text.charCodeAt(i)) ? i : -1;
}

/** The start of the name joined by a dash before `start`, or -1. */
function previousMember(text: string, start: number): number {
  let i = start - 1;
  let spaced = false;
  if (i >= 0 && isSpaceOrNbsp(text.charCodeAt(i))) {
    i--;
    spaced = true;
  }
  const dash = text.charCodeAt(i);
  if (i < 0 || !isDash(dash) || (spaced && !mayBeSpaced(dash))) return -1;
  i--;
  if (i >= 0 && isSpaceOrNbsp(text.charCodeAt(i))) {
    if (!mayBeSpaced(dash)) return -1;
    i--;
  }
  const end = i + 1;
  // Back over letters, and an apostrophe inside the word ("Qirg‘iziston").
  while (i >= 0 && (isWordUnit(text.charCodeAt(i)) || (isApostropheUnit(text.charCodeAt(i)) && i + 1 < end))) i--;
  const first = i + 1;
  return first < end && startsName(text.charCodeAt(first)) ? first : -1;
}

/** `end` past a suffix written after an apostrophe ("Nahçıvan'ın"). */
function pastSuffix(text: string, end: number): number {
  return end + 1 < text.length && isApostropheUnit(text.charCodeAt(end)) && isWordUnit(text.charCodeAt(end + 1))
    ? wordEnd(text, end + 1)
    : end;
}

/** Whether a dash stands right before `start` or right after `end` (maybe past one space): the cheap first test. */
export function dashBeside(text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1);
  const after = text.charCodeAt(end);
  return (
    isDash(before) ||
    isDash(after) ||
    (isSpaceOrNbsp(before) && mayBeSpaced(text.charCodeAt(start - 2))) ||
    (isSpaceOrNbsp(after) && mayBeSpaced(text.charCodeAt(end + 1)))
  );
}

/**
 * Whether the city's name at [start, end) is one member of a chain of names joined by dashes that names a route:
 * three members or more joined solid ("Баку–Тбилиси–Джейхан"), or any chain followed by a word of `heads` (a
 * pipeline's, a railway's, a line's, a train's or a ferry's: "Kars-Nahçıvan hattı", "Bakı–Tbilisi qatarı"), or
 * preceded by a word of `headsBefore`, where Russian puts the head and the ends after it in the nominative ("поезд
 * Ташкент — Бишкек", "по трубопроводу Баку — Новороссийск"). Two cities alone ("the Moscow–Baku flight") stay
 * cities, and so does a chain with spaces and no head ("OB-HAVO — Toshkentda +12"); a city joined solid to a
 * capitalised word the fact base does not know is not marked (longer-name.ts).
 * Not for countries: "Кытай — Кыргызстан — Өзбекстан темир жолу" names the countries the railway crosses.
 */
export function insideRoute(
  text: string,
  start: number,
  end: number,
  heads: NamedAfterList,
  headsBefore: NamedAfterList,
): boolean {
  if (!dashBeside(text, start, end)) return false;
  let members = 1;
  let spaced = false;
  let first = start;
  for (let from = start, at = previousMember(text, from); at >= 0; from = at, at = previousMember(text, at)) {
    members++;
    spaced ||= isSpaceOrNbsp(text.charCodeAt(from - 1));
    first = at;
  }
  let last = pastSuffix(text, end);
  for (let at = nextMember(text, last); at >= 0; at = nextMember(text, last)) {
    members++;
    spaced ||= isSpaceOrNbsp(text.charCodeAt(at - 1));
    last = pastSuffix(text, wordEnd(text, at));
  }
  if (members < 2) return false;
  if (members >= 3 && !spaced) return true;
  return (
    heads.startsWordAt(text, wordAfterStart(text, last)) || headsBefore.startsWordAt(text, wordBeforeStart(text, first))
  );
}

/** Whether a name starting at `start` is the second or a later member of a dash-joined chain ("Кытай – Өзбекстан"). */
export const afterDash = (text: string, start: number): boolean => previousMember(text, start) >= 0;

/**
 * A name inside a web address, an e-mail address or a user handle (www.ornek.az/ilan/baku-2-1, tender@socar.az,
 * @caspian_rider, Nursultan_B) is part of the address or the account's name: it never mentions the place or the
 * person, and a card there would be a wrong card. A hashtag (#Baku2026) is a mention and is not read here.
 */
import { isSpaceUnit } from './char-kinds';

const AT = 0x40;
const UNDERSCORE = 0x5f;
const DOT = 0x2e;
const SLASH = 0x2f;
const COLON = 0x3a;
/** How far either way the run of non-space text around a name is read: longer runs are not read as addresses. */
const REACH = 160;

const isAsciiLower = (u: number) => u >= 0x61 && u <= 0x7a;

/**
 * Whether the name at [start, end) sits in an address or a handle: joined to it by "_" or "@", or inside a run of
 * non-space text that has "@", "://", "www." or a path after a domain, or followed by a domain's ending (".az").
 */
export function insideAddressOrHandle(text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1);
  const after = text.charCodeAt(end);
  if (before === UNDERSCORE || after === UNDERSCORE || before === AT || after === AT) return true;
  if (after === DOT && endsInDomain(text, end + 1, MAX_DOMAIN_ENDING)) return true;
  // Most names stand between spaces or punctuation that is not an address's: decide on the units next to them first.
  if (!mayJoinAddress(before) && !mayJoinAddress(after)) return false;
  let from = start;
  while (from > 0 && start - from < REACH && !isSpaceUnit(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && to - end < REACH && !isSpaceUnit(text.charCodeAt(to))) to++;
  let sawDomainDot = false;
  for (let i = from; i < to; i++) {
    const unit = text.charCodeAt(i);
    if (unit === AT) return true;
    if (unit === COLON && text.charCodeAt(i + 1) === SLASH && text.charCodeAt(i + 2) === SLASH) return true;
    if (unit === DOT && isAsciiLower(text.charCodeAt(i + 1))) {
      if (i >= from + 3 && text.startsWith('www', i - 3)) return true;
      // A site's name of joined words ends in its domain ("eurasia-daily.example"): the run is the address.
      if (i > end && endsInDomain(text, i + 1, MAX_JOINED_DOMAIN_ENDING)) return true;
      sawDomainDot = true;
    }
    if (unit === SLASH && sawDomainDot) return true;
  }
  return false;
}

/** "/", ".", "-", ":" and "=" join the words of an address; spaces, commas and quotes do not. */
function mayJoinAddress(unit: number): boolean {
  return unit === SLASH || unit === DOT || unit === 0x2d || unit === COLON || unit === 0x3d;
}

/** A domain's ending right after a name: longer ones (".then") are more often a missing space. */
const MAX_DOMAIN_ENDING = 6;
/** After a name joined to other words by "-" or ".", a longer ending is a domain too (".travel", ".example"). */
const MAX_JOINED_DOMAIN_ENDING = 10;

/** Whether two to `most` lowercase ASCII letters start at `at` and end the run there (".az", ".com", ".org/"). */
function endsInDomain(text: string, at: number, most: number): boolean {
  let i = at;
  while (i < text.length && i - at <= most && isAsciiLower(text.charCodeAt(i))) i++;
  const letters = i - at;
  if (letters < 2 || letters > most) return false;
  const next = text.charCodeAt(i);
  return i >= text.length || isSpaceUnit(next) || next === SLASH || next === COLON || !isLetterOrDigit(next);
}

function isLetterOrDigit(unit: number): boolean {
  return (unit >= 0x30 && unit <= 0x39) || (unit >= 0x41 && unit <= 0x5a) || isAsciiLower(unit) || unit > 0x7f;
}

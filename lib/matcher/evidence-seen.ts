/**
 * What the first, cheap look at a name's neighbours (`mayNameSomeoneElse`, disambiguate.ts) saw, a bit per kind of
 * evidence, so that the rules that read further (given-name.ts, things-named-after.ts, titles.ts) run only the checks
 * that can hold there: each test beside a name is made once.
 */
/** A check whose bit is not set cannot hold there, and is not run; one whose bit is set still reads all it needs. */
export const enum Seen {
  None = 0,
  /** A word of the name's lists right after it, or past a word or two of a thing's own name. */
  WordAfter = 1,
  /** A word of its lists right before it, or a head before a link ("University of"). */
  WordBefore = 2,
  /** A dash beside a place's name: one end of a route's name (route-names.ts). */
  Dash = 4,
  /** A place's name in a row of results or of a league table (score-rows.ts). */
  ScoreRow = 8,
  /** An opening quotation mark a little before the name. */
  Quote = 16,
  /** "(" right after the name: the kind of work may stand in it (titles.ts). */
  Parenthesis = 32,
  /** A cited work's title or its publisher (citations.ts): someone else's, with nothing more to read. */
  Cited = 64,
  /** A name that is also a given name (Nursultan), read wherever it stands. */
  GivenName = 128,
  /** Every check may hold. */
  Any = 255,
}

/**
 * Hashtags. One that is exactly one of our names (#Baku, #baku, #TANAP, a name of several words joined: #OrtaKoridor,
 * #middlecorridor) names it, in any case, as a tag is typed; so does the name before a number (#TEKNOFEST2026,
 * #Bışkek2026, the year of an event held there). One in which the name is only the start of a longer coined word
 * (#BakuNext, #TurkeyTrot, #Bakunext) names a campaign, a festival or a brand: the name must end where the tag does.
 */
const HASH = 0x23;
const FULLWIDTH_HASH = 0xff03;

/** Whether the unit before a name opens a hashtag ("#", or its full-width form). */
export function mayStartHashtag(before: number): boolean {
  return before === HASH || before === FULLWIDTH_HASH;
}

/** Whether a name that starts a hashtag may end at `end` although a letter or digit follows: only before a digit. */
export function endsInHashtag(text: string, end: number): boolean {
  const next = text.charCodeAt(end);
  return next >= 0x30 && next <= 0x39;
}

/**
 * The clause a name stands in: the text around it up to the nearest mark that ends a sentence or a clause (. ! ? ; :
 * and the separators of lists and menus, · • |), for evidence that must speak of the name itself. A port's word a
 * sentence away ("Паромов мало, порт в Курыке расширяется. И погода: когда в Актау шторм") speaks of another place.
 */

/** Per code unit: 1 when it ends a clause. A few marks, so a small table read by index. */
const ENDS_CLAUSE = new Uint8Array(0x10000);
for (const ch of '.!?;:·•|\n…。') ENDS_CLAUSE[ch.charCodeAt(0)] = 1;

/** The first offset of the clause that holds `start`, reading back at most `limit` code units. */
export function clauseStart(text: string, start: number, limit: number): number {
  const stop = Math.max(0, start - limit);
  let i = start;
  while (i > stop && ENDS_CLAUSE[text.charCodeAt(i - 1)] === 0) i--;
  return i;
}

/** The offset after the clause that holds `end`, reading on at most `limit` code units. */
export function clauseEnd(text: string, end: number, limit: number): number {
  const stop = Math.min(text.length, end + limit);
  let i = end;
  while (i < stop && ENDS_CLAUSE[text.charCodeAt(i)] === 0) i++;
  return i;
}

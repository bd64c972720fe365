/**
 * The clause a name stands in: the text around it up to the nearest mark that ends a sentence or a clause (. ! ? ; :
 * and the separators of lists and menus, · • |), for evidence that must speak of the name itself. A port's word a
 * sentence away ("Паромов мало, порт в Курыке расширяется. И погода: когда в Актау шторм") speaks of another place.
 */
import { caseOfUnit, isWordUnit, UPPER } from './char-kinds';

/** Per code unit: 1 when it ends a clause. A few marks, so a small table read by index. */
const ENDS_CLAUSE = new Uint8Array(0x10000);
for (const ch of '.!?;:·•|\n…。') ENDS_CLAUSE[ch.charCodeAt(0)] = 1;

const COLON = 0x3a;

/** The first offset of the clause that holds `start`, reading back at most `limit` code units. */
export function clauseStart(text: string, start: number, limit: number): number {
  const stop = Math.max(0, start - limit);
  let i = start;
  while (i > stop && ENDS_CLAUSE[text.charCodeAt(i - 1)] === 0) i--;
  return i;
}

/**
 * Where the evidence for a name at `start` begins: its clause's start, or, when its clause opens a list after a
 * colon and only the list's names stand between (capitalised words, commas, spaces: "Теңіз порттары: Ақтау,
 * Құрық", "Ports of call: Baku, Aktau"), the start of the clause before the colon, the list's head. A lowercase word
 * there makes the colon a sentence's ("Суда ждут у причалов: в Актау сегодня жара"), and so does a word with no case
 * (a digit; Georgian, which writes none): its head says nothing of the name.
 */
export function clauseOrListHeadStart(text: string, start: number, limit: number): number {
  const from = clauseStart(text, start, limit);
  if (from === 0 || text.charCodeAt(from - 1) !== COLON) return from;
  let wordStart = true;
  for (let i = from; i < start; i++) {
    const unit = text.charCodeAt(i);
    if (!isWordUnit(unit)) wordStart = true;
    else if (wordStart) {
      if (caseOfUnit(unit) !== UPPER) return from;
      wordStart = false;
    }
  }
  return clauseStart(text, from - 1, limit - (start - from));
}

/** The offset after the clause that holds `end`, reading on at most `limit` code units. */
export function clauseEnd(text: string, end: number, limit: number): number {
  const stop = Math.min(text.length, end + limit);
  let i = end;
  while (i < stop && ENDS_CLAUSE[text.charCodeAt(i)] === 0) i++;
  return i;
}

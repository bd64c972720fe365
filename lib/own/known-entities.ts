/** Shared by the content script (kept tiny: it ships in every frame that is scanned). */
import type { AliasIndex } from '../factbase/types';
import type { PackedMatches } from '../matcher/wire';
import type { FoundMentions } from '../messaging/messages';

/**
 * Takes a find-mentions answer's entity rows into the page's table, which holds only the rows of the names the page
 * found (a sparse array by entity number), and returns the matches the table now names. A row whose number the table
 * already holds for another entity (the background restarted and numbered the reader's own names anew) is not taken,
 * and the matches and namesakes of that number are dropped: a mark never opens another entity's card.
 */
export function takeEntityRows(found: FoundMentions, table: AliasIndex['entities']): PackedMatches {
  const known = new Set<number>();
  for (const [entity, id, name, type] of found.entities ?? []) {
    const held = table[entity];
    if (!held) table[entity] = [id, name, type];
    if (!held || held[0] === id) known.add(entity);
  }
  return keepKnownEntities(found, (entity) => known.has(entity));
}

/**
 * Drops matches whose entity `known` rejects, and those namesakes: flat [text, start, end, entity] quadruples, as
 * lib/matcher/wire.ts packs them, and their notes.
 */
export function keepKnownEntities(packed: PackedMatches, known: (entity: number) => boolean): PackedMatches {
  const flat = packed?.marks;
  if (!Array.isArray(flat)) return packed;
  let ok = true;
  for (let i = 3; i < flat.length; i += 4) if (!known(flat[i]!)) ok = false;
  const notes = Array.isArray(packed.notes) ? packed.notes : [];
  if (ok && notes.every((n) => !n.or || n.or.every(known))) return { marks: flat, notes };
  const marks: number[] = [];
  const renumbered = new Map<number, number>();
  for (let i = 0; i + 3 < flat.length; i += 4)
    if (known(flat[i + 3]!)) {
      renumbered.set(i / 4, marks.length / 4);
      marks.push(flat[i]!, flat[i + 1]!, flat[i + 2]!, flat[i + 3]!);
    }
  return {
    marks,
    notes: notes.flatMap((n) => {
      const mark = renumbered.get(n.mark);
      return mark === undefined ? [] : [{ ...n, mark, ...(n.or ? { or: n.or.filter(known) } : {}) }];
    }),
  };
}

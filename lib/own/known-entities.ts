/** Shared by the content script (kept tiny: it ships in every frame). */
import type { PackedMatches } from '../matcher/wire';

/**
 * Drops matches whose entity index is beyond the index a page holds (a name added after the page loaded its
 * index): flat [text, start, end, entity] quadruples, as lib/matcher/wire.ts packs them, and their notes.
 */
export function keepKnownEntities(packed: PackedMatches, entityCount: number): PackedMatches {
  const flat = packed?.marks;
  if (!Array.isArray(flat)) return packed;
  let ok = true;
  for (let i = 3; i < flat.length; i += 4) if (flat[i]! >= entityCount) ok = false;
  const notes = Array.isArray(packed.notes) ? packed.notes : [];
  if (ok && notes.every((n) => !n.or || n.or.every((e) => e < entityCount))) return packed;
  const marks: number[] = [];
  const renumbered = new Map<number, number>();
  for (let i = 0; i + 3 < flat.length; i += 4)
    if (flat[i + 3]! < entityCount) {
      renumbered.set(i / 4, marks.length / 4);
      marks.push(flat[i]!, flat[i + 1]!, flat[i + 2]!, flat[i + 3]!);
    }
  return {
    marks,
    notes: notes.flatMap((n) => {
      const mark = renumbered.get(n.mark);
      return mark === undefined ? [] : [{ ...n, mark, ...(n.or ? { or: n.or.filter((e) => e < entityCount) } : {}) }];
    }),
  };
}

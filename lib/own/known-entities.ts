/** Shared by the content script (kept tiny: it ships in every frame). */
/**
 * Drops matches whose entity index is beyond the index a page holds (a name added after the page loaded its
 * index): flat [text, start, end, entity] quadruples, as lib/matcher/wire.ts packs them.
 */
export function keepKnownEntities(flat: number[], entityCount: number): number[] {
  if (!Array.isArray(flat)) return flat;
  let ok = true;
  for (let i = 3; i < flat.length; i += 4) if (flat[i]! >= entityCount) ok = false;
  if (ok) return flat;
  const out: number[] = [];
  for (let i = 0; i + 3 < flat.length; i += 4)
    if (flat[i + 3]! < entityCount) out.push(flat[i]!, flat[i + 1]!, flat[i + 2]!, flat[i + 3]!);
  return out;
}

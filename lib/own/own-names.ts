/**
 * The reader's own names join the fact base's alias index, so the one matcher (lib/matcher) compiles and applies
 * them with the same rules as every other name: folding, word boundaries, case, Russian endings, overlaps.
 * Pure: the background rebuilds its matcher from this index whenever the names change.
 */
import type { AliasIndex } from '../factbase/types';
import type { OwnName } from './types';

/** The fact base's index followed by the reader's names; fact-base entity indexes stay as they were. */
export function withOwnNames(base: AliasIndex, names: readonly OwnName[]): AliasIndex {
  if (!names.length) return base;
  const entities = [...base.entities];
  const aliases = [...base.aliases];
  for (const own of names) {
    const i = entities.length;
    entities.push([own.id, own.name, own.type]);
    const seen = new Set<string>();
    for (const text of [own.name, ...own.aliases]) {
      const t = text.trim();
      if (t.length < 2 || seen.has(t)) continue;
      seen.add(t);
      aliases.push([t, i, 0]);
    }
  }
  return { ...base, entities, aliases };
}

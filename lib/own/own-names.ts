/**
 * The reader's own names join the fact base's alias index, so the one matcher (lib/matcher) compiles and applies
 * them with the same rules as every other name: folding, word boundaries, case, Russian endings, overlaps.
 * Pure: the background rebuilds its matcher from this index whenever the names change.
 */
import type { AliasIndex } from '../factbase/types';
import type { AliasEvidence, MatchingRules } from '../factbase/matching-rules';
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

/**
 * The rules for an index made by withOwnNames: the fact base's, plus the surname rule for a person's one-word names
 * when the person also has a name of several words (as the fact base requires of its people): "Mammadli" alone is
 * marked after a full mention, a given name of theirs or a title, and not after a different given name ("Elnur
 * Mammadli"). A person known by one word only keeps it unruled: no full mention could ever vouch for it.
 */
export function withOwnNameRules(base: MatchingRules | undefined, index: AliasIndex, from: number) {
  if (!base || index.aliases.length === from) return base;
  const words = (text: string) => text.trim().split(/\s+/u).length;
  const hasFullName = new Set<number>();
  for (let a = from; a < index.aliases.length; a++) {
    const [text, entity] = index.aliases[a]!;
    if (index.entities[entity]![2] === 'person' && words(text) > 1) hasFullName.add(entity);
  }
  const evidence: Record<number, AliasEvidence> = { ...base.evidence };
  for (let a = from; a < index.aliases.length; a++) {
    const [text, entity] = index.aliases[a]!;
    if (hasFullName.has(entity) && words(text) === 1) evidence[a] = { surname: true };
  }
  return { ...base, evidence };
}

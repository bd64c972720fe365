/**
 * A name as the reader types it into "Track this name" (library or popup): checked before anything is stored,
 * with the catalog key of a sentence saying what is wrong. Pure.
 */
import { nameProblem, type OwnProblem } from './source-file';
import { OWN_LIMITS } from './types';

/** Other spellings, one per line or separated by commas or semicolons, each once. */
export const splitAliases = (text: string): string[] => [
  ...new Set(
    text
      .split(/[\n,;]/)
      .map((a) => a.trim())
      .filter(Boolean),
  ),
];

/** The first problem with a name and its other spellings; null when it can be stored. */
export function nameDraftProblem(name: string, aliases: string): OwnProblem | null {
  const list = splitAliases(aliases);
  const found = nameProblem(name) ?? list.map((a) => nameProblem(a, 'alias')).find(Boolean) ?? null;
  if (found) return found;
  if (list.length > OWN_LIMITS.aliases) return { plural: 'ownTooManyAliases', count: OWN_LIMITS.aliases };
  return null;
}

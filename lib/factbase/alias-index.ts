/** Derives the content script's compact alias index from the full fact base. */
import { ALIAS_EXACT_CASE, ALIAS_NEAR, type AliasIndex, type FactBase } from './types';

const ALIAS_INDEX_VERSION = 1;

export function buildAliasIndex(base: FactBase): AliasIndex {
  const index: AliasIndex = { version: ALIAS_INDEX_VERSION, entities: [], aliases: [] };
  base.entities.forEach((entity, i) => {
    index.entities.push([entity.id, entity.name, entity.type]);
    // The name matches as it is, unless the fact base lists it again as an alias with a rule (Georgia: near).
    if (!entity.aliases.some((a) => a.text === entity.name)) index.aliases.push([entity.name, i, 0]);
    for (const alias of entity.aliases) {
      const flags = (alias.rule === 'exact-case' ? ALIAS_EXACT_CASE : 0) | (alias.rule === 'near' ? ALIAS_NEAR : 0);
      index.aliases.push([alias.text, i, flags]);
    }
  });
  return index;
}

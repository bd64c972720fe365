/** Reads and checks the disambiguation fields of an alias record (see data/FORMAT.md, "Aliases and rules"). */
import type { AliasInput } from './input-types';
import type { Alias } from './types';

type EvidenceFields = Pick<Alias, 'needs' | 'needsIn' | 'notNear' | 'notAfter' | 'notBefore' | 'morph'>;

function wordList(where: string, key: string, value: unknown, errors: string[]): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0 || value.some((w) => typeof w !== 'string' || !w.trim())) {
    errors.push(`${where}: ${key} must be a non-empty list of words`);
    return undefined;
  }
  return value.map((w: string) => w.trim());
}

export function aliasEvidenceFields(where: string, a: AliasInput, errors: string[]): EvidenceFields {
  const fields: EvidenceFields = {};
  const needs = wordList(where, 'needs', a.needs, errors);
  const notNear = wordList(where, 'not-near', a['not-near'], errors);
  const notAfter = wordList(where, 'not-after', a['not-after'], errors);
  const notBefore = wordList(where, 'not-before', a['not-before'], errors);
  if (needs) fields.needs = needs;
  if (a['needs-in'] !== undefined) {
    if (a['needs-in'] !== 'clause') errors.push(`${where}: needs-in must be clause`);
    else if (!needs) errors.push(`${where}: needs-in without needs`);
    else fields.needsIn = 'clause';
  }
  if (notNear) fields.notNear = notNear;
  if (notAfter) fields.notAfter = notAfter;
  if (notBefore) fields.notBefore = notBefore;
  if (a.morph !== undefined) {
    const morph = a.morph === 'none' ? [] : wordList(where, 'morph', a.morph, errors);
    if (morph) fields.morph = morph;
  }
  return fields;
}

/**
 * Two entities may share an alias only when the matcher can tell them apart on a page: bare surnames of two people
 * (the Aliyevs, the Berdimuhamedovs: given name, title or the last full mention decides), or a surname and a thing
 * that needs its own evidence (Bayraktar the minister, Bayraktar the drone: drone, Baykar, UAV).
 */
export function canShareAlias(a: Alias, b: Alias): boolean {
  const told = (x: Alias) => x.rule === 'surname' || (x.needs?.length ?? 0) > 0;
  return told(a) && told(b);
}

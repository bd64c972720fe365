/**
 * A short form that is also a common acronym (`rule: short-form`: RF is radio frequency, АР an autonomous republic,
 * TC a Turkish ID number's prefix or a tech site) is the entity's only with evidence of that very entity on the page
 * (data/FORMAT.md): the page spells it out as the entity (acronym-expansion.ts), or names the entity by another of its
 * names, in this batch or an earlier one, or has one of the alias's `needs` words (its kind) near it. Being on a page
 * about the region is no evidence: there every acronym has some other name near it.
 */
import type { AliasIndex } from '../factbase/types';
import type { PageContext } from './page-context';
import type { Pattern } from './patterns';

/** Per entity index: 1 when one of its aliases is a `short-form` one, whose other names the page is watched for. */
export function shortFormOwners(index: AliasIndex, patterns: readonly Pattern[]): Uint8Array {
  const owners = new Uint8Array(index.entities.length);
  for (const p of patterns) if (p.evidence?.shortForm) owners[p.entity] = 1;
  return owners;
}

/**
 * Notes the entity of a candidate that names it outright (no rule, not `near`, not typed in lowercase where it needs
 * company) when the entity has a short form: read for every candidate of a batch, so one typed-array read for most.
 */
export function noteNamed(owners: Uint8Array, p: Pattern, lowercase: boolean, ctx: PageContext): void {
  if (owners[p.entity] === 1 && !p.ruled && !p.near && !lowercase) ctx.named.add(p.entity);
}

/** Whether the page vouches for a short form's own entity without its `needs` words: spelled out so, or named. */
export const shortFormVouched = (p: Pattern, spelledAs: number | undefined, ctx: PageContext): boolean =>
  spelledAs === p.entity || ctx.named.has(p.entity);

/**
 * What an editor reads before a pass over the fact base (`npm run facts:report`): thin cards, the standpoints each
 * contested entity shows, events per year, and names the corpus uses often that no card covers. Pure.
 */
import type { FactBase, Source } from './types';
import { foldAlias } from '../matcher/fold';

/** Entities whose card rests on a single quote. */
export const oneFactEntities = (base: FactBase): string[] =>
  base.entities.filter((e) => e.facts.length === 1).map((e) => e.id);

/**
 * For each entity with views, the standpoints they come from (a chapter's own, not its volume's), so a contested
 * entity showing only one side stands out.
 */
export function standpointsPerEntity(base: FactBase): { id: string; views: number; standpoints: string[] }[] {
  const byId = new Map(base.sources.map((s) => [s.id, s]));
  const label = (s: Source | undefined) => (s ? `${s.authors[0] ?? s.publisher ?? s.title} (${s.stance})` : '?');
  return base.entities
    .filter((e) => e.views.length)
    .map((e) => ({
      id: e.id,
      views: e.views.length,
      standpoints: [...new Set(e.views.map((v) => label(byId.get(v.source))))],
    }));
}

export function eventsPerYear(base: FactBase): [string, number][] {
  const years = new Map<string, number>();
  for (const e of base.events) years.set(e.date.slice(0, 4), (years.get(e.date.slice(0, 4)) ?? 0) + 1);
  return [...years].sort((a, b) => a[0].localeCompare(b[0]));
}

/**
 * Events that may record one happening twice: the same year and at least two entities in common. The build already
 * refuses the same date with the same title or quote; these are for an editor to look at.
 */
export function possibleDuplicateEvents(base: FactBase): [string, string][] {
  const pairs: [string, string][] = [];
  const events = base.events;
  for (let i = 0; i < events.length; i++)
    for (let j = i + 1; j < events.length; j++) {
      const a = events[i]!;
      const b = events[j]!;
      if (a.date.slice(0, 4) !== b.date.slice(0, 4)) continue;
      const shared = a.entities.filter((id) => b.entities.includes(id));
      if (shared.length >= 2 && shared.includes(a.entities[0]!) && shared.includes(b.entities[0]!))
        pairs.push([a.id, b.id]);
    }
  return pairs;
}

/**
 * Facts whose quote names neither the entity nor any of its aliases: a pronoun or "the two countries" may refer to it
 * plainly, or the fact may pad the card with something else (FORMAT.md, rule 7). A machine cannot tell which, so an
 * editor reads these; facts the summary does not cite come first.
 */
export function factsNotNamingEntity(base: FactBase): { id: string; fact: number; cited: boolean; quote: string }[] {
  const out: { id: string; fact: number; cited: boolean; quote: string }[] = [];
  for (const e of base.entities) {
    const names = [e.name, ...e.aliases.map((a) => a.text)].map(foldAlias).filter((n) => n.length > 2);
    const cited = new Set(e.summarySentences.flatMap((s) => s.facts));
    e.facts.forEach((f, i) => {
      const quote = foldAlias(f.quote);
      if (!names.some((n) => quote.includes(n)))
        out.push({ id: e.id, fact: i + 1, cited: cited.has(i), quote: f.quote });
    });
  }
  return out.sort((a, b) => Number(a.cited) - Number(b.cited));
}

/** Capitalised words that start sentences or headings rather than naming anything. */
const NOT_NAMES = new Set(
  (
    'The A An In On At Of For And But Or As By To From With This That These Those It Its Their There Here When While ' +
    'Since After Before During Under Over Between Among Although Though However Yet Also Even Still Thus Both ' +
    'Such Some Many Most More Other Another Each Every All No Not Only First Second Third Fourth Fifth Finally ' +
    'Moreover Meanwhile Instead Indeed Similarly Likewise Today Now Then Later Ultimately Therefore Hence Further ' +
    'He She They We I You Our His Her Which What Who Why How Where If Unlike Like Despite Given Following Through ' +
    'January February March April May June July August September October November December President Minister ' +
    'Prime Republic State States Government Council Organization Ministry Foreign Defense Defence Energy Policy ' +
    'Introduction Conclusion Conclusions Implications Security Economic Relations Military Cooperation Contents ' +
    'Editor UPDATE Click Related Posts Leave Reply Source Sources Retrieved Accessed See Ibid https http www'
  ).split(' '),
);

/**
 * Names (runs of capitalised words) the corpus uses at least `min` times outside every mark the matcher makes: a
 * name readers meet with no card. `marked` gives, per document, the spans the fact base's matcher covers.
 */
export function uncoveredNames(
  documents: readonly string[],
  marked: readonly (readonly { start: number; end: number }[])[],
  min = 2,
): [string, number][] {
  const counts = new Map<string, number>();
  const NAME = /\p{Lu}[\p{L}\p{M}'’-]*(?:\s+(?:of\s+the\s+|of\s+|the\s+)?\p{Lu}[\p{L}\p{M}'’-]*)*/gu;
  documents.forEach((text, d) => {
    const spans = marked[d] ?? [];
    for (const m of text.matchAll(NAME)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (spans.some((s) => s.start < end && start < s.end)) continue;
      const words = m[0].split(/\s+/).filter((w) => !NOT_NAMES.has(w));
      if (!words.length || words.every((w) => w.length < 3)) continue;
      const name = words.join(' ');
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  });
  return [...counts].filter(([, n]) => n >= min).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/**
 * The languages each entity has a name in (`npm run facts:names`): labelled aliases count for their languages; an
 * unlabelled one counts for English when Latin and for Russian when Cyrillic, the languages such spellings are
 * written for (an acronym such as NATO serves more, but says nothing about what that press calls the thing).
 */
export function namesByLanguage(base: FactBase, languages: readonly string[]): Map<string, Set<string>> {
  const covered = new Map<string, Set<string>>();
  for (const e of base.entities) {
    const langs = new Set<string>();
    for (const a of [{ text: e.name, lang: undefined }, ...e.aliases]) {
      const labels = a.lang?.split(' ') ?? [];
      if (labels.length) labels.forEach((l) => langs.add(l));
      else if (/\p{Script=Latin}/u.test(a.text)) langs.add('en');
      else if (/\p{Script=Cyrillic}/u.test(a.text)) langs.add('ru');
    }
    covered.set(e.id, new Set(languages.filter((l) => langs.has(l))));
  }
  return covered;
}

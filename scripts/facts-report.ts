/**
 * `npm run facts:report`: what the fact base covers. Entities by type, facts and entities per document, aliases per
 * entity, entities with one fact, the standpoints each contested entity shows, events per year and possible
 * duplicates, how often each entity is mentioned in each document (by the same matcher the content script uses),
 * names the corpus uses often that no card covers, and the sizes of the runtime artefacts.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { createMatcher } from '../lib/matcher';
import {
  eventsPerYear,
  factsNotNamingEntity,
  oneFactEntities,
  possibleDuplicateEvents,
  standpointsPerEntity,
  uncoveredNames,
} from '../lib/factbase/coverage';
import type { AliasIndex, FactBase } from '../lib/factbase/types';
import { ARTEFACTS, CORPUS_DIR, ROOT } from './build-factbase';

const base = JSON.parse(readFileSync(ARTEFACTS.factBase, 'utf8')) as FactBase;
const index = JSON.parse(readFileSync(ARTEFACTS.aliasIndex, 'utf8')) as AliasIndex;
const out: string[] = [];
const line = (s = '') => out.push(s);
const pad = (s: string | number, n: number) => String(s).padEnd(n);
const lpad = (s: string | number, n: number) => String(s).padStart(n);

line(`# Fact base coverage`);
line();
line(
  `${base.entities.length} entities · ${base.entities.reduce((n, e) => n + e.facts.length, 0)} facts · ` +
    `${index.aliases.length} names and aliases · ${base.events.length} dated events · ` +
    `${base.entities.reduce((n, e) => n + e.relations.filter((r) => r.direction === 'out').length, 0)} relations · ` +
    `${base.entities.reduce((n, e) => n + e.views.length, 0)} attributed views`,
);
line();
line('## Entities by type');
const byType = new Map<string, number>();
for (const e of base.entities) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
for (const [type, n] of [...byType].sort((a, b) => b[1] - a[1])) line(`${pad(type, 18)}${lpad(n, 5)}`);
line();

line(`## Entities with one fact (${oneFactEntities(base).length})`);
line(oneFactEntities(base).join(', '));
line();

const unnamed = factsNotNamingEntity(base);
line(
  `## Facts whose quote names neither the entity nor an alias (${unnamed.length}; read: plain reference or padding?)`,
);
for (const f of unnamed)
  line(
    `${f.cited ? '  ' : '! '}${f.id} fact ${f.fact}${f.cited ? '' : ' (not cited by the summary)'}: ${f.quote.slice(0, 90)}`,
  );
line();

line('## Standpoints on each entity with views');
for (const r of standpointsPerEntity(base))
  line(`${pad(r.id.slice(0, 43), 44)}${lpad(r.views, 3)} views · ${r.standpoints.join('; ')}`);
line();

line('## Events per year');
line(
  eventsPerYear(base)
    .map(([y, n]) => `${y}: ${n}`)
    .join(' · '),
);
const maybe = possibleDuplicateEvents(base);
line(`possible duplicates (same year, same two entities): ${maybe.length}`);
for (const [a, b] of maybe) line(`  ${a} ~ ${b}`);
line();

line('## Per document');
line(`${pad('source', 30)}${lpad('facts', 7)}${lpad('entities', 10)}${lpad('quotes', 8)}  title`);
const documentOf = new Map(base.sources.map((s) => [s.id, s.partOf ?? s.id]));
const inDoc = (source: string | undefined, doc: string) => source !== undefined && documentOf.get(source) === doc;
for (const s of base.sources.filter((x) => !x.partOf)) {
  const facts = base.entities.flatMap((e) => e.facts.filter((f) => inDoc(f.source, s.id)));
  const entities = base.entities.filter((e) => e.facts.some((f) => inDoc(f.source, s.id))).length;
  const allQuotes =
    facts.length +
    base.entities.reduce(
      (n, e) =>
        n +
        e.relations.filter((r) => r.direction === 'out' && inDoc(r.evidence?.source, s.id)).length +
        e.views.filter((v) => inDoc(v.evidence?.source, s.id)).length,
      0,
    ) +
    base.events.reduce(
      (n, ev) => n + [ev.evidence, ...(ev.moreEvidence ?? [])].filter((x) => inDoc(x?.source, s.id)).length,
      0,
    );
  line(`${pad(s.id, 30)}${lpad(facts.length, 7)}${lpad(entities, 10)}${lpad(allQuotes, 8)}  ${s.title.slice(0, 60)}`);
}
line();

line('## Aliases per entity');
const counts = base.entities.map((e) => e.aliases.length + 1).sort((a, b) => a - b);
const pct = (p: number) => counts[Math.min(counts.length - 1, Math.floor((counts.length * p) / 100))];
const langs = new Map<string, number>();
for (const e of base.entities) for (const a of e.aliases) if (a.lang) langs.set(a.lang, (langs.get(a.lang) ?? 0) + 1);
const fromCorpus = base.entities.reduce((n, e) => n + e.aliases.filter((a) => a.inCorpus).length, 0);
const withRule = base.entities.reduce((n, e) => n + e.aliases.filter((a) => a.rule).length, 0);
line(`names per entity (name + aliases): min ${counts[0]} · median ${pct(50)} · p90 ${pct(90)} · max ${counts.at(-1)}`);
line(
  `aliases found in the corpus: ${fromCorpus}; from our own knowledge: ${index.aliases.length - base.entities.length - fromCorpus}; with an ambiguity rule: ${withRule}`,
);
line(
  `aliases by language: ${[...langs]
    .sort((a, b) => b[1] - a[1])
    .map(([l, n]) => `${l} ${n}`)
    .join(' · ')}`,
);
line();

if (existsSync(CORPUS_DIR)) {
  line('## Mentions per document (matcher over the corpus text)');
  const matcher = createMatcher(index);
  const perDoc = base.sources
    .filter((s) => !s.partOf)
    .map((s) => {
      const text = readFileSync(join(CORPUS_DIR, s.file), 'utf8');
      const tally = new Map<number, number>();
      for (const m of matcher.find(text)) tally.set(m.entity, (tally.get(m.entity) ?? 0) + 1);
      return tally;
    });
  const documents = base.sources.filter((s) => !s.partOf);
  line(`${pad('entity', 44)}${documents.map((_, i) => lpad(`d${i}`, 6)).join('')}${lpad('total', 7)}`);
  const rows = index.entities.map(([id], i) => ({ id, n: perDoc.map((t) => t.get(i) ?? 0) }));
  rows.sort((a, b) => b.n.reduce((x, y) => x + y, 0) - a.n.reduce((x, y) => x + y, 0) || a.id.localeCompare(b.id));
  for (const r of rows)
    line(
      `${pad(r.id.slice(0, 43), 44)}${r.n.map((n) => lpad(n || '·', 6)).join('')}${lpad(
        r.n.reduce((x, y) => x + y, 0),
        7,
      )}`,
    );
  line(`(d0…d${documents.length - 1} = ${documents.map((s) => s.id).join(', ')})`);
  const unseen = rows.filter((r) => r.n.every((n) => n === 0)).map((r) => r.id);
  line(`entities never matched in the corpus text: ${unseen.length}${unseen.length ? ` (${unseen.join(', ')})` : ''}`);
  line();
  line('## Names the corpus uses at least twice that no card covers (capitalised words outside every mark)');
  const texts = base.sources.filter((s) => !s.partOf).map((s) => readFileSync(join(CORPUS_DIR, s.file), 'utf8'));
  const names = uncoveredNames(
    texts,
    texts.map((t) => matcher.find(t)),
  );
  line(names.map(([n, c]) => `${n} ${c}`).join(' · '));
  line();
}

line('## Runtime artefacts');
const size = (path: string) => {
  if (!existsSync(path)) return 'not built';
  const raw = readFileSync(path);
  return `${(statSync(path).size / 1024).toFixed(1)} KB (${(gzipSync(raw).length / 1024).toFixed(1)} KB gzip)`;
};
line(`data/factbase.json       ${size(ARTEFACTS.factBase)}`);
line(`data/alias-index.json    ${size(ARTEFACTS.aliasIndex)}`);
line(`content script (chrome)  ${size(join(ROOT, '.output', 'chrome-mv3', 'content-scripts', 'content.js'))}`);
line(`background (chrome)      ${size(join(ROOT, '.output', 'chrome-mv3', 'background.js'))}`);
console.log(out.join('\n'));

/**
 * `npm run facts:build` on a directory of bad data: the same entry point the command runs (compileFromDisk), reading
 * YAML from disk, so a rule that only the unit-level compiler knew would not pass here unnoticed.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileFromDisk, ROOT } from '../../scripts/build-factbase';

const root = mkdtempSync(join(tmpdir(), 'lens-facts-'));
const corpus = join(root, 'corpus');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const DOC = [
  '# A Volume',
  '',
  '# First Chapter',
  '',
  'The pipeline carries gas from Azerbaijan across Türkiye toward Europe.',
  '',
  '# Second Chapter',
  '',
  'Baku hosted the summit in 2019, and the parade followed in 2020.',
].join('\n');

const SOURCES = `
- id: vol
  file: vol.txt
  title: A Volume
  authors: [A. Editor (ed.)]
  stance: edited volume
  chapters:
    - {id: one, heading: "# First Chapter", title: First Chapter, author: A. Author, stance: Western analyst}
    - {id: two, heading: "# Second Chapter", title: Second Chapter, author: B. Author}
`;

const GOOD = `
- id: pipeline
  name: The Pipeline
  type: pipeline
  summary: A gas pipeline across Türkiye. [1]
  facts:
    - {quote: "The pipeline carries gas from Azerbaijan across Türkiye toward Europe.", source: vol}
`;

/** Every fault at once: each must be reported, and nothing written. */
const BAD = `
- id: baku
  name: Baku
  type: place
  summary: A city the summit made liberated. [1]
  facts:
    - {quote: "Baku hosted the summit in 2019, and the parade followed in 2020.", source: vol}
  relations:
    - {type: related-to, target: pipeline, fact: 1}
    - {type: related-to, target: pipeline, fact: 1}
  views:
    - {source: vol, label: Baku, note: B. Author calls it Baku, fact: 1}
    - {source: vol, label: baku, note: B. Author calls it the city, fact: 1}
  events:
    - {date: 2019, title: Summit in Baku, fact: 1}
    - {date: 2019, title: The summit in Baku, fact: 1}
`;

/** The second \`summary\` would silently replace the first; YAML itself forbids it. */
const TWICE = `
- id: summit
  name: The Summit
  type: event
  summary: A summit. [1]
  summary: A summit in Baku. [1]
  facts:
    - {quote: "Baku hosted the summit in 2019", source: vol}
`;

/** A port entity with the given alias lines, for the alias-rule checks. */
const portWith = (aliases: string) => `
- id: port
  name: The Port
  type: port
  aliases:
${aliases}
  summary: A port in Baku. [1]
  facts:
    - {quote: "Baku hosted the summit in 2019, and the parade followed in 2020.", source: vol}
`;

/** Builds `entities`, with the project's languages.yaml or `languages` made of it. */
function build(entities: Record<string, string>, languages?: (text: string) => string) {
  const dir = mkdtempSync(join(root, 'data-'));
  mkdirSync(join(dir, 'data', 'entities'), { recursive: true });
  writeFileSync(join(dir, 'data', 'sources.yaml'), SOURCES);
  copyFileSync(join(ROOT, 'data', 'editorial.yaml'), join(dir, 'data', 'editorial.yaml'));
  const ownLanguages = readFileSync(join(ROOT, 'data', 'languages.yaml'), 'utf8');
  writeFileSync(join(dir, 'data', 'languages.yaml'), languages ? languages(ownLanguages) : ownLanguages);
  for (const [name, text] of Object.entries(entities)) writeFileSync(join(dir, 'data', 'entities', name), text);
  return compileFromDisk(dir, corpus).errors.join('\n');
}

describe('facts:build on bad data', () => {
  mkdirSync(corpus, { recursive: true });
  writeFileSync(join(corpus, 'vol.txt'), DOC);

  it('fails on a duplicate relation, view and event, a loaded word, and a chapter without its standpoint', () => {
    const errors = build({ 'good.yaml': GOOD, 'bad.yaml': BAD });
    expect(errors).toMatch(/baku relation 2: duplicate relation/);
    expect(errors).toMatch(/baku view 2: duplicate view/);
    expect(errors).toMatch(/baku event 2: duplicate event \(2019, same title or quote\)/);
    expect(errors).toMatch(/baku summary: loaded word "liberat…" in an unattributed own-voice sentence/);
    expect(errors).toMatch(/chapter two: no standpoint/);
    expect(errors).toMatch(/a chapter quote without its chapter's standpoint/);
  });

  it('fails on a standpoint said to be missing that a view gives, and on a malformed list', () => {
    const views = `
- id: summit
  name: The Summit
  type: event
  summary: A summit in Baku. [1]
  missing-standpoints: [Western]
  facts:
    - {quote: "The pipeline carries gas from Azerbaijan across Türkiye toward Europe.", source: vol}
  views:
    - {source: vol, label: the pipeline, note: A. Author writes of the pipeline, fact: 1}
- id: parade
  name: The Parade
  type: event
  summary: A parade in Baku. [1]
  missing-standpoints: Armenian
  facts:
    - {quote: "the parade followed in 2020", source: vol}
`;
    const errors = build({ 'good.yaml': GOOD, 'views.yaml': views });
    expect(errors).toMatch(/summit: missing-standpoints says no source gives the Western standpoint, but a view does/);
    expect(errors).toMatch(/parade: missing-standpoints must be a non-empty list of standpoint names/);
    const fine = build({
      'good.yaml': GOOD,
      'views.yaml': views
        .replace('[Western]', '[Armenian]')
        .replace('missing-standpoints: Armenian', 'missing-standpoints: [Armenian]'),
    });
    expect(fine).not.toMatch(/missing-standpoints/);
  });

  it('fails on needs-in other than clause, or without needs', () => {
    const errors = build({
      'good.yaml': GOOD,
      'port.yaml': portWith(
        '    - {text: Bakuport, needs: [port], needs-in: sentence}\n    - {text: Bakuhaven, needs-in: clause}',
      ),
    });
    expect(errors).toMatch(/alias "Bakuport": needs-in must be clause/);
    expect(errors).toMatch(/alias "Bakuhaven": needs-in without needs/);
    expect(
      build({ 'good.yaml': GOOD, 'port.yaml': portWith('    - {text: Bakuport, needs: [port], needs-in: clause}') }),
    ).not.toMatch(/needs-in/);
  });

  it('fails on a name that needs its own year or forms one from a date no event dates, or needs no entity', () => {
    const errors = build({
      'good.yaml': GOOD,
      'port.yaml': portWith(
        '    - {text: the port statement, needs: ["@its-year"]}\n    - {as: days-war}\n' +
          '    - {text: the port memorandum, needs: ["@entity:nowhere"]}',
      ),
    });
    expect(errors).toMatch(/alias "the port memorandum": needs @entity:nowhere, which is no entity/);
    expect(errors).toMatch(/alias "the port statement": needs @its-year, but no event of the fact base dates port/);
    expect(errors).toMatch(
      /formed name "as: days-war" \(en "\{D\}-day war"\) needs a date the entity's events do not give/,
    );
    const dated = portWith('    - {text: the port statement, needs: ["@its-year"]}').replace(
      '  summary:',
      '  events:\n    - {date: 2020, title: The port opens, fact: 1}\n  summary:',
    );
    expect(build({ 'good.yaml': GOOD, 'port.yaml': dated })).not.toMatch(/its-year/);
  });

  it('fails on a short-form rule on a name that is not a short form in capitals', () => {
    expect(build({ 'good.yaml': GOOD, 'port.yaml': portWith('    - {text: Bakuport, rule: short-form}') })).toMatch(
      /alias "Bakuport": rule short-form is for a short form in capitals/,
    );
    expect(build({ 'good.yaml': GOOD, 'port.yaml': portWith('    - {text: B.P., rule: short-form}') })).not.toMatch(
      /short-form/,
    );
  });

  it('fails on an event that carries one passage twice, one quote inside another', () => {
    const event = (also: string) => `
- id: parade
  name: The Parade
  type: event
  summary: A parade in Baku. [1]
  facts:
    - {quote: "Baku hosted the summit in 2019, and the parade followed in 2020.", source: vol}
  events:
    - {date: 2020, title: Parade in Baku, quote: "the parade followed in 2020", source: vol, also: [${also}]}
`;
    expect(build({ 'good.yaml': GOOD, 'event.yaml': event('{fact: 1}') })).toMatch(
      /parade event 1: passage 1 repeats words of passage 2; keep the longer one/,
    );
    expect(
      build({ 'good.yaml': GOOD, 'event.yaml': event('{quote: "Baku hosted the summit in 2019", source: vol}') }),
    ).not.toMatch(/repeats words/);
  });

  it('fails on a contested place stated as part of a state, without its recognition or the dispute shown', () => {
    const place = `
- id: azerbaijan
  name: Azerbaijan
  type: country
  summary: A state on the pipeline's route. [1]
  facts:
    - {quote: "The pipeline carries gas from Azerbaijan across Türkiye toward Europe.", source: vol}
- id: karabakh
  name: Karabakh
  type: place
  country: [azerbaijan]
  contested-status: A. Author and B. Author disagree on who holds it.
  summary: A region that is part of Azerbaijan. [1]
  facts:
    - {quote: "The pipeline carries gas from Azerbaijan across Türkiye toward Europe.", source: vol}
  relations:
    - {type: part-of, target: azerbaijan, fact: 1}
`;
    const errors = build({ 'good.yaml': GOOD, 'place.yaml': place });
    expect(errors).toMatch(/karabakh: contested status, but a part-of link to azerbaijan states it as fact/);
    expect(errors).toMatch(
      /karabakh: contested status: the summary must say whose part it is "internationally recognised"/,
    );
    expect(errors).toMatch(/karabakh: contested status, but no view or missing-standpoints shows the dispute/);
    const fixed = place
      .replace('that is part of', 'internationally recognised as part of')
      .replace('type: part-of', 'type: related-to')
      .replace(/(contested-status: .*\n)/, '$1  missing-standpoints: [Armenian]\n');
    expect(build({ 'good.yaml': GOOD, 'place.yaml': fixed })).not.toMatch(/contested/);
  });

  it('fails on an alias whose language label does not fit its letters (issue 21: "Erdoğan" was labelled Uzbek)', () => {
    const person = (lang: string) => `
- id: erdogan
  name: Recep Tayyip Erdoğan
  type: person
  summary: A president who met in Baku. [1]
  aliases:
    - {text: Erdoğan, lang: ${lang}, rule: surname}
  facts:
    - {quote: "Baku hosted the summit in 2019", source: vol}
`;
    expect(build({ 'good.yaml': GOOD, 'person.yaml': person('uz') })).toMatch(
      /erdogan: alias "Erdoğan": labelled uz, but "ğ" is not a letter of the Uzbek \(uz\) alphabet/,
    );
    expect(build({ 'good.yaml': GOOD, 'person.yaml': person('ru') })).toMatch(/labelled ru, but "E" is not Cyrillic/);
    expect(build({ 'good.yaml': GOOD, 'person.yaml': person('[tr, kk-Latn]') })).not.toMatch(/labelled/);
  });

  it('fails on a morphology class that writes an ending in another script (a Latin "a" in a Cyrillic class)', () => {
    const latinA = (text: string) => text.replace('"(с)Iн[ае]"', '"(с)Iн[ae]"');
    expect(build({ 'good.yaml': GOOD }, latinA)).toMatch(/kazakh mixes scripts \(Cyrillic, Latin\)/);
    expect(build({ 'good.yaml': GOOD })).not.toMatch(/mixes scripts/);
  });

  it('fails on a name whose inflected form is a word the rules list as something else', () => {
    const city = `
- id: baku
  name: Baku
  type: place
  summary: A city that hosted the summit. [1]
  aliases:
    - {text: Bakü, lang: tr}
  facts:
    - {quote: "Baku hosted the summit in 2019", source: vol}
`;
    const givenName = (text: string) => text.replace('given-names:\n  [', 'given-names:\n  [Bakude, ');
    expect(build({ 'good.yaml': GOOD, 'city.yaml': city }, givenName)).toMatch(
      /alias "Bakü": its form "bakude" is a word of given-names/,
    );
    expect(build({ 'good.yaml': GOOD, 'city.yaml': city })).not.toMatch(/its form/);
  });

  it('fails on a land suffix that is not a lowercase ending of two letters or more', () => {
    const bad = (text: string) => text.replace('land-suffixes: [stan,', 'land-suffixes: [Stan, n, stan,');
    const errors = build({ 'good.yaml': GOOD }, bad);
    expect(errors).toMatch(/land-suffixes: "Stan" is not a lowercase ending/);
    expect(errors).toMatch(/land-suffixes: "n" is not a lowercase ending/);
    expect(build({ 'good.yaml': GOOD })).not.toMatch(/land-suffixes/);
  });

  it("fails on a legal form that is not one word of its language's letters", () => {
    const dotted = (text: string) => text.replace('tr: [AŞ, Ltd, Şti]', 'tr: [A.Ş., Ltd, Şti]');
    expect(build({ 'good.yaml': GOOD }, dotted)).toMatch(
      /quoted-kinds\.legal-forms "A\.Ş\." is not one word of letters/,
    );
    // A Cyrillic С in the Uzbek Latin MChJ.
    const cyrillic = (text: string) => text.replace('uz: [MChJ, AJ, XK]', 'uz: [MСhJ, AJ, XK]');
    expect(build({ 'good.yaml': GOOD }, cyrillic)).toMatch(/quoted-kinds\.legal-forms "MСhJ" \(uz\)/);
    expect(build({ 'good.yaml': GOOD })).not.toMatch(/legal-forms/);
  });

  it('fails on a namesake phrase that is not of its language’s alphabet (a Latin "c" in Russian)', () => {
    const latinC = (text: string) => text.replace('ru: [не путать с,', 'ru: [не путать c,');
    expect(build({ 'good.yaml': GOOD }, latinC)).toMatch(/namesakes\.confused "не путать c" \(ru\)/);
    expect(build({ 'good.yaml': GOOD })).not.toMatch(/namesakes\.confused/);
  });

  it('fails on a genitive ending that is not one lowercase ending', () => {
    const bad = (text: string) => text.replace('genitive-endings: [ın,', 'genitive-endings: [Nın, "n in", ın,');
    const errors = build({ 'good.yaml': GOOD }, bad);
    expect(errors).toMatch(/genitive-endings: "Nın" is not one lowercase ending/);
    expect(errors).toMatch(/genitive-endings: "n in" is not one lowercase ending/);
    expect(build({ 'good.yaml': GOOD })).not.toMatch(/genitive-endings/);
  });

  it('fails on a key written twice in one YAML mapping', () => {
    expect(build({ 'good.yaml': GOOD, 'twice.yaml': TWICE })).toMatch(/twice\.yaml: Map keys must be unique/);
  });

  it('passes the same files once the faults are gone', () => {
    const fixed = BAD.replace('made liberated', 'hosted')
      .replace(/ {4}- \{type: related-to, target: pipeline, fact: 1\}\n(?= {2}views)/, '')
      .replace(/ {4}- \{source: vol, label: baku.*\n/, '')
      .replace(/ {4}- \{date: 2019, title: The summit in Baku.*\n/, '');
    const sources = SOURCES.replace('author: B. Author}', 'author: B. Author, stance: Baku-based analyst}');
    const dir = mkdtempSync(join(root, 'data-'));
    mkdirSync(join(dir, 'data', 'entities'), { recursive: true });
    writeFileSync(join(dir, 'data', 'sources.yaml'), sources);
    copyFileSync(join(ROOT, 'data', 'editorial.yaml'), join(dir, 'data', 'editorial.yaml'));
    copyFileSync(join(ROOT, 'data', 'languages.yaml'), join(dir, 'data', 'languages.yaml'));
    writeFileSync(join(dir, 'data', 'entities', 'good.yaml'), GOOD);
    writeFileSync(join(dir, 'data', 'entities', 'bad.yaml'), fixed);
    expect(compileFromDisk(dir, corpus).errors).toEqual([]);
  });
});

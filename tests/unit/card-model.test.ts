import { describe, expect, it } from 'vitest';
import russian from '~/_locales/ru/messages.json';
import { currentInterfaceText, setInterfaceText } from '~/lib/i18n/translator';
import { standpointWords } from '~/lib/i18n/standpoints';
import factBase from '../../data/factbase.json';
import type { FactBase } from '../../lib/factbase/types';
import { createFactBaseStore } from '../../lib/factbase/factbase-store';
import {
  attribute,
  byline,
  eventsAround,
  formatDate,
  groupViews,
  keyFacts,
  missingStandpointsSentence,
  nameInLanguage,
  relatedChips,
  shortCitation,
  singularStance,
  summaryLead,
  whyMatched,
} from '../../components/card/card-model';

const store = createFactBaseStore(factBase as unknown as FactBase);
const details = (id: string) => {
  const d = store.details(id);
  if (!d) throw new Error(`no entity ${id}`);
  return d;
};

describe('card model', () => {
  it('formats dates as precise as the source gives them', () => {
    expect(formatDate('2022-08-16')).toBe('16 Aug 2022');
    expect(formatDate('2022-08')).toBe('Aug 2022');
    expect(formatDate('2022')).toBe('2022');
    expect(formatDate(null)).toBe('');
  });

  it('attributes a chapter quote to the chapter author, chapter, volume, publisher, date, section and paragraph', () => {
    const d = details('shusha');
    const view = d.entity.views.find((v) => v.source === 'silk-road-2024-domestic')!;
    const a = attribute(view.evidence!, d.sources)!;
    expect(a.author).toBe('Svante E. Cornell');
    expect(a.stance).toBe('Western analyst');
    expect(a.chapter).toMatch(/Domestic Determinants/);
    expect(a.title).toBe("Türkiye's Return to Central Asia and the Caucasus");
    expect(a.publisher).toMatch(/Central Asia-Caucasus Institute/);
    expect(a.date).toBe('Jun 2024');
    expect(a.section).toBe('Foreign Policy Implications');
    expect(a.paragraph).toBe(28);
  });

  it('gives each chapter of the edited volume its own author, affiliation and standpoint', () => {
    const d = details('shusha-declaration');
    const fact = d.entity.facts.find((f) => f.source === 'silk-road-2024-azerbaijan')!;
    const a = attribute(fact, d.sources)!;
    expect(byline(a)).toBe('Ali Hajizade (Baku-based Hacizade Group)');
    expect(a.stance).toBe('Baku-based analyst');
    expect(a.title).toBe("Türkiye's Return to Central Asia and the Caucasus");
    expect(a.chapter).toMatch(/Türkiye-Azerbaijan Relations/);
  });

  it('leaves out a section heading that only repeats the title', () => {
    const d = details('shusha');
    const view = d.entity.views.find((v) => v.source === 'ne-strategic-ally')!;
    const a = attribute(view.evidence!, d.sources)!;
    expect(a.section).toBeUndefined();
    expect(a.publisher).toBe('News Explained');
    expect(a.stance).toBe('Armenian outlet');
  });

  it('picks two or three key facts, the summary’s first, without repeating a quote', () => {
    const entities = (factBase as unknown as FactBase).entities.slice(0, 50);
    for (const e of entities) {
      const facts = keyFacts(e);
      // As many as there are distinct quotes, up to three: two or three whenever the entity has them.
      expect(facts.length, e.id).toBe(Math.min(3, new Set(e.facts.map((f) => f.quote)).size));
      expect(new Set(facts.map((f) => f.quote)).size).toBe(facts.length);
    }
    expect(entities.filter((e) => keyFacts(e).length >= 2).length).toBeGreaterThan(entities.length / 2);
    const summarised = entities.filter((e) => e.summarySentences?.[0]?.facts.length);
    expect(summarised.length).toBeGreaterThan(0);
    for (const e of summarised) expect(keyFacts(e)[0], e.id).toBe(e.facts[e.summarySentences![0]!.facts[0]!]);
  });

  it('groups views by the name they use: Shushi beside Shusha', () => {
    const groups = groupViews(details('shusha').entity.views);
    expect(groups.map((g) => g.label).sort()).toEqual(['Shusha', 'Shushi']);
  });

  it('explains a match on another name, and who uses it', () => {
    const reason = whyMatched('Shushi', details('shusha'))!;
    expect(reason.usedBy).toEqual(['News Explained']);
    expect(whyMatched('Shusha', details('shusha'))).toBeNull();
    expect(whyMatched('SHUSHA', details('shusha'))).toBeNull();
  });

  it('explains a Russian alias, and an inflected one', () => {
    const d = details('tokayev');
    const ru = d.entity.aliases.find((a) => a.lang === 'ru' && /Токаев$/.test(a.text));
    expect(ru).toBeDefined();
    const plain = whyMatched('Токаев', d)!;
    expect(['ru', 'kk']).toContain(plain.alias?.lang); // the same Cyrillic spelling serves both
    const inflected = whyMatched('Токаеву', d)!;
    expect(inflected.inflected).toBe(true);
  });

  it('finds the events either side of the article’s date', () => {
    const events = [
      { id: 'a', date: '2020-09-27', title: 'A', entities: [] },
      { id: 'b', date: '2021-06', title: 'B', entities: [] },
      { id: 'c', date: '2022-08-24', title: 'C', entities: [] },
    ];
    expect(eventsAround(events, '2022-01-01')).toMatchObject({ previous: { id: 'b' }, next: { id: 'c' } });
    expect(eventsAround(events, '2021-06-15')).toMatchObject({ previous: { id: 'b' }, next: { id: 'c' } });
    expect(eventsAround(events, '2019')).toMatchObject({ previous: undefined, next: { id: 'a' } });
  });

  it('lists related entities once each, never the entity itself', () => {
    const d = details('anka');
    const chips = relatedChips(d);
    expect(new Set(chips.map((c) => c.id)).size).toBe(chips.length);
    expect(chips.some((c) => c.id === 'anka')).toBe(false);
    expect(chips.find((c) => c.id === 'turkish-aerospace-industries')?.relation).toBe('produced by');
  });
});

describe('card model: the first screen', () => {
  it('says why a word matched only when the title does not already say it', () => {
    // A word of the title, an abbreviation, a shorter form: nothing to explain.
    expect(whyMatched('Tokayev', details('tokayev'))).toBeNull();
    expect(whyMatched('Erdoğan', details('erdogan'))).toBeNull();
    expect(whyMatched("Erdoğan'ın", details('erdogan'))).toBeNull();
    expect(whyMatched('R. T. Erdoğan', details('erdogan'))).toBeNull();
    expect(whyMatched('OTS', details('ots'))).toBeNull();
    expect(whyMatched('TANAP', details('tanap'))).toBeNull();
    expect(whyMatched('Trans-Anatolian Pipeline', details('tanap'))).toBeNull();
    // Another script, another language's spelling, another spelling, a name some sources use, another name.
    expect(whyMatched('Токаеву', details('tokayev'))).toMatchObject({ inflected: true });
    expect(whyMatched('Tokaev', details('tokayev'))).toMatchObject({ respelling: true });
    expect(whyMatched('Shushi', details('shusha'))?.usedBy).toEqual(['News Explained']);
    expect(whyMatched('Turkic Council', details('ots'))).toMatchObject({ respelling: false, usedBy: [] });
    expect(whyMatched('Türk Devletleri Teşkilatı', details('ots'))?.langs).toEqual(['tr']);
  });

  it('cites a quote in one line, who and standpoint first', () => {
    const d = details('shusha');
    const chapter = d.entity.views.find((v) => v.source === 'silk-road-2024-domestic')!.evidence!;
    expect(shortCitation(chapter, d.sources)).toMatchObject({
      who: 'Cornell',
      stance: 'Western analyst',
      work: 'Silk Road Paper 2024',
      paragraph: 28,
    });
    expect(shortCitation(chapter, d.sources)!.stance).not.toMatch(/analysts|edited volume/);
    const outlet = d.entity.views.find((v) => v.source === 'ne-strategic-ally')!.evidence!;
    expect(shortCitation(outlet, d.sources)).toEqual({
      who: 'News Explained',
      stance: 'Armenian outlet',
      work: '2022',
      paragraph: 3,
    });
    expect(singularStance('Western analysts (edited volume)')).toBe('Western analyst');
  });

  it('leads with one or two sentences of the summary and keeps the rest for "more"', () => {
    const all = (factBase as unknown as FactBase).entities;
    for (const e of all) {
      const { lead, rest } = summaryLead(e);
      expect(lead.length).toBeGreaterThan(0);
      expect(`${lead} ${rest}`.trim().replace(/\s+/g, ' ')).toBe(e.summary.trim().replace(/\s+/g, ' '));
    }
    const ots = summaryLead(details('ots').entity);
    expect(ots.lead).toMatch(/^An intergovernmental organization/);
    expect(ots.rest).toMatch(/Hungary and Turkmenistan/);
  });
  it('says in one sentence which standpoints no source gives, and only on the cards that record them', () => {
    expect(missingStandpointsSentence(['Armenian'])).toBe(
      'None of the source documents gives the Armenian standpoint on this.',
    );
    expect(missingStandpointsSentence(['Armenian', 'Georgian', 'Russian'])).toBe(
      'None of the source documents gives the Armenian, Georgian or Russian standpoint on this.',
    );
    for (const id of ['first-karabakh-war', 'second-karabakh-war', 'azerbaijan-karabakh-operation-2023'])
      expect(details(id).entity.missingStandpoints).toEqual(['Armenian']);
    expect(details('karabakh').entity.missingStandpoints).toBeUndefined();
  });

  it('says the fact base’s standpoints in the interface language; a reader’s own label stays as written', () => {
    const english = currentInterfaceText();
    const d = details('shusha');
    const outlet = d.entity.views.find((v) => v.source === 'ne-strategic-ally')!.evidence!;
    setInterfaceText({ lang: 'ru', messages: russian, fallback: english.messages });
    try {
      expect(shortCitation(outlet, d.sources)!.stance).toBe('армянское издание');
      expect(attribute(outlet, d.sources)!.stance).toBe('армянское издание');
      expect(missingStandpointsSentence(['Kurdish', 'Syrian government'])).toBe(
        'Ни в одном из исходных документов не представлена курдская или официальная сирийская позиция.',
      );
      expect(standpointWords('state media, independent analyst')).toBe('state media, independent analyst');
    } finally {
      setInterfaceText(english);
    }
  });
  it('gives the name as the fact base writes it in the interface language, to show beside the English one', () => {
    const baku = (factBase as unknown as FactBase).entities.find((e) => e.id === 'baku')!;
    expect(nameInLanguage(baku, 'ru')).toBe('Баку');
    expect(nameInLanguage(baku, 'az')).toBe('Bakı');
    expect(nameInLanguage(baku, 'en')).toBeUndefined();
    // Nothing when it differs from the title only in case and accents, or is a word that needs company (a rule).
    const alias = (text: string, extra: object = {}) => ({ text, lang: 'tr', inCorpus: false, ...extra });
    const name = (aliases: object[]) =>
      ({ name: 'Turkiye', aliases }) as unknown as Parameters<typeof nameInLanguage>[0];
    expect(nameInLanguage(name([alias('Türkiye')]), 'tr')).toBeUndefined();
    expect(nameInLanguage(name([alias('Türk', { rule: 'needs-context' })]), 'tr')).toBeUndefined();
  });
});

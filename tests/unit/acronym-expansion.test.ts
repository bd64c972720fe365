/**
 * An acronym in parentheses takes its marks away from our entity only when the words before it spell it out as
 * something else. Sentences written for these tests, in no evaluation page.
 */
import { describe, expect, it } from 'vitest';
import { ids } from './project-matcher';
import { spelledOutAfter, spelledOutIn, spellsOut } from '../../lib/matcher/acronym-expansion';

const before = (acronym: string, text: string) => spellsOut(acronym, text, text.length);

describe('spellsOut', () => {
  it('reads initials in order, skipping lowercase words that give none, in any alphabet', () => {
    expect(before('CPC', 'Delegates of the Communist Party of China ')).toBe(true);
    expect(before('ŞİÖ', 'Zirve, Şanghay İşbirliği Örgütü ')).toBe(true);
    expect(before('КПК', 'Делегация Коммунистической партии Китая ')).toBe(true);
    expect(before('ECO', '“Economic Cooperation Organization” ')).toBe(true);
  });
  it('reads capitals inside a name written solid, or the letters of one word in order', () => {
    expect(before('KMG', 'the state firm KazMunayGas ')).toBe(true);
    expect(before('BTC', 'a slide in Bitcoin ')).toBe(true);
  });
  it('is not spelled out by a phrase in another alphabet, a description, or a word that gives no letter', () => {
    expect(before('TANAP', 'Անդրանատոլիական գազատարը ')).toBe(false);
    expect(before('TANAP', 'the new export line ')).toBe(false);
    expect(before('CPC', 'Reuters said the company ')).toBe(false);
    expect(before('CPC', 'China Petroleum ')).toBe(false);
  });
});

describe('spelledOutIn', () => {
  const run = (acronym: string, text: string) => {
    const at = spelledOutIn(acronym, text);
    return at && text.slice(at[0], at[1]);
  };
  it('finds a fenced run of capitalised words that gives the letters, after the acronym or before it', () => {
    expect(run('SCP', 'Here SCP stands for "Smart City Platform", a town project.')).toBe('Smart City Platform');
    expect(run('ACG', '"ACG" (Associated Contractors Group, a union) met.')).toBe('Associated Contractors Group');
    expect(run('ТДТ', 'ТДТ, то есть «Тюркский Деловой Том», вышел.')).toBe('Тюркский Деловой Том');
    // Without brackets a lowercase word never gives a letter: "officials tour Samarkand" would spell OTS.
    expect(run('ҰҚК', 'ҰҚК, яғни Ұлттық қауіпсіздік комитеті, хабарлады.')).toBeNull();
  });
  it('is not fooled by a Title Case headline, by words that run on, or by the acronym itself', () => {
    expect(run('OTS', 'Officials Tour Samarkand')).toBeNull();
    expect(run('OTS', 'New Officials Tour Samarkand Sites, says OTS')).toBeNull();
    expect(run('SCP', 'SCP and S.C.P. are one line')).toBeNull();
    expect(run('BTC', 'oil from Baku, Tbilisi, Ceyhan and BTC')).toBeNull();
  });
});

describe('spelledOutAfter', () => {
  const gloss = (acronym: string, text: string) => {
    const at = spelledOutAfter(acronym, text, text.indexOf(acronym) + acronym.length);
    return at && text.slice(at[0], at[1]);
  };
  it('reads a gloss in brackets, in any case and alphabet, skipping short linking words', () => {
    expect(gloss('PKK', 'Upload the PKK (public key kit) first.')).toBe('public key kit');
    expect(gloss('CIS', 'CIS (customer information system) logins')).toBe('customer information system');
    expect(gloss('ODT', 'ODT (order of delivery tasks) sheet')).toBe('order of delivery tasks');
    expect(gloss('ТДТ', 'ТДТ (технический диспетчерский талон) выдан')).toBe('технический диспетчерский талон');
    expect(gloss('SOB', 'SOB (satış ve operasyon bülteni) çıktı')).toBe('satış ve operasyon bülteni');
    expect(gloss('ԱՄՆ', 'ԱՄՆ (Ամերիկայի Միացյալ Նահանգներ) պատվիրակությունը')).toBe('Ամերիկայի Միացյալ Նահանգներ');
  });
  it('reads a gloss after a colon, an equals sign or a spaced dash, to the end of its phrase', () => {
    expect(gloss('ТАП', 'ТАП — технический анализ производства.')).toBe('технический анализ производства');
    expect(gloss('SCP', 'SCP: smart city platform, a pilot')).toBe('smart city platform');
    expect(gloss('ҚМГ', 'ҚМГ - қалалық медициналық газет; апталық')).toBe('қалалық медициналық газет');
    expect(gloss('MDH', 'MDH = maʼlumotlar diagrammasi holati')).toBe('maʼlumotlar diagrammasi holati');
  });
  it('reads one word, hyphens inside it allowed, that holds the letters in order', () => {
    expect(gloss('SSB', 'an SSB (single-sideband) set')).toBe('single-sideband');
    expect(gloss('BTC', 'BTC (bitcoin) slid')).toBe('bitcoin');
  });
  it('reads nothing that does not spell the acronym, or runs on past its letters, or is no gloss', () => {
    expect(gloss('OTS', 'the OTS (Turkic states) summit')).toBeNull();
    expect(gloss('OTS', 'OTS: one of three states to sign')).toBeNull();
    expect(gloss('SCO', 'The SCO (2001) met')).toBeNull();
    expect(gloss('NATO', 'NATO (not a typo) said')).toBeNull();
    expect(gloss('BTC', 'BTC-USD fell')).toBeNull();
    expect(gloss('BTC', 'BTC – TANAP – TAP')).toBeNull();
    expect(gloss('AB', 'AB – Avrupa Birliği ile görüşmeler')).toBeNull();
    expect(gloss('CIS', 'CIS (customer information (legacy) system)')).toBeNull();
  });
});

describe('an acronym the page spells out', () => {
  it('keeps our acronym after a name of it in a language the fact base lacks, or after a description', () => {
    expect(ids('Անդրանատոլիական գազատարը (TANAP) ընդլայնվում է։', 'Մինչ այդ TANAP ...')).toEqual(['tanap', 'tanap']);
    expect(ids('The export line (TANAP) doubled its flow; TANAP now runs full.')).toEqual(['tanap', 'tanap']);
  });
  it('still follows an acronym spelled out as something else', () => {
    expect(ids('Delegates of the Communist Party of China (CPC) arrived. The CPC spoke first.')).toEqual(['china']);
  });
  it('follows an acronym spelled out without brackets, as ours or as something else', () => {
    const other =
      'Posts said "the SCP will bring gas to Azerbaijan"; there SCP stands for "Smart City Platform", a town app.';
    expect(ids(other)).toEqual(['azerbaijan']);
    expect(ids('Gas from Azerbaijan: the SCP, that is the South Caucasus Pipeline, runs full.')).toEqual([
      'azerbaijan',
      'south-caucasus-pipeline',
      'south-caucasus-pipeline',
    ]);
  });
  it('follows a gloss right after the acronym, as something else or as ours', () => {
    expect(ids('Log in to NATO (network access terminal online) with your card; NATO sessions expire.')).toEqual([]);
    expect(ids('Заполните ОДКБ — общий документ контроля багажа. Без ОДКБ рейс не примут.')).toEqual([]);
    expect(ids('Ulgamda SOCAR (satyş ofisiniň çalt arhiw reýestri) täzelendi, SOCAR açyk.')).toEqual([]);
    expect(ids('Toplantıya NATO (Kuzey Atlantik Antlaşması Örgütü) heyeti geldi; NATO açıklama yaptı.')).toEqual([
      'nato',
      'nato',
      'nato',
    ]);
  });
});

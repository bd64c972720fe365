/**
 * Synthetic inputs for the matcher benchmark: alias lists shaped like the real one (people, places, projects,
 * acronyms, Cyrillic and Turkic spellings, some `near`) at any size, and long news-like text that mentions some of
 * them. Seeded, so every run measures the same work.
 */

import { ALIAS_NEAR, type AliasIndex } from '../../lib/factbase/types';

function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const FIRST =
  'Ilham Recep Kassym-Jomart Shavkat Serdar Sadyr Emomali Nikol Irakli Mevlüt Hakan Jeyhun Mukhtar Nursultan Heydar Bakhtiyar Ayaz Rovshan Elmar Dauren Askar Almazbek Gülnara Zhanna Leyla Mehriban Aigerim Dilnoza'.split(
    ' ',
  );
const SURNAMES =
  'Aliyev Erdoğan Tokayev Mirziyoyev Berdimuhamedov Japarov Rahmon Pashinyan Garibashvili Çavuşoğlu Fidan Bayramov Nazarbayev Mammadyarov Smailov Atambayev Karimov Sultanov Kurbanov Abdullayev Hasanov Ismayilov Yusupov Nurmagambetov Zhumabekov Orazov Şahin Yıldız Öztürk Aydın'.split(
    ' ',
  );
const PLACES =
  'Baku Ceyhan Tbilisi Aktau Kuryk Türkmenbaşy Shusha Ganja Nakhchivan Samarkand Bukhara Khiva Tashkent Astana Almaty Shymkent Bishkek Osh Dushanbe Ashgabat Kars Erzurum Mersin Trabzon Batumi Poti Anaklia Khorgos Dostyk Termez Zangezur Lachin Aghdam Fuzuli Karabakh Alat Sangachal Kashagan Tengiz'.split(
    ' ',
  );
const KINDS =
  'Port,Railway,Pipeline,Summit,Declaration,Forum,Agreement,Airport,Logistics Center,Gas Field,Refinery,Corridor'.split(
    ',',
  );
const SYLLABLES =
  'ka ba zar mur tok ay al ma ty nur sul tan gul dar shir bek kha lan ser gen ya da ru sy ok te mir ra'.split(' ');
const SUFFIXES = 'ov ev yan oğlu bayev ova li stan abad kent'.split(' ');
const IDEAS = ['pan-Turkism', 'multi-vector foreign policy', 'Turkic unity', 'strategic depth', 'Middle Corridor'];
const CYRILLIC: Record<string, string> = {
  a: 'а',
  b: 'б',
  c: 'ц',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'х',
  i: 'и',
  j: 'дж',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  q: 'к',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  v: 'в',
  w: 'в',
  x: 'кс',
  y: 'й',
  z: 'з',
};

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const toCyrillic = (s: string) =>
  s.replace(/[a-z]/gi, (ch) => {
    const cyr = CYRILLIC[ch.toLowerCase()] ?? ch;
    return ch === ch.toLowerCase() ? cyr : capitalize(cyr);
  });

function inventedName(random: () => number): string {
  const parts = 1 + Math.floor(random() * 3);
  let name = '';
  for (let i = 0; i < parts; i++) name += pick(random, SYLLABLES);
  return capitalize(name + pick(random, SUFFIXES));
}

/** Aliases in the proportions of the real list: mostly names, some projects, acronyms, Cyrillic, ambiguous words. */
export function syntheticAliasIndex(count: number, seed = 1): AliasIndex {
  const random = seededRandom(seed);
  const seen = new Set<string>();
  const aliases: [string, number, number][] = [];
  const add = (text: string, flags = 0) => {
    if (aliases.length >= count || seen.has(text.toLowerCase())) return;
    seen.add(text.toLowerCase());
    aliases.push([text, aliases.length % Math.max(1, Math.floor(count / 3)), flags]);
  };
  IDEAS.forEach((idea) => add(idea));
  for (const surname of SURNAMES) add(surname);
  for (const place of PLACES) add(place);
  for (const place of PLACES) for (const kind of KINDS) if (random() < 0.3) add(`${place} ${kind}`);
  for (const first of FIRST) for (const surname of SURNAMES) if (random() < 0.4) add(`${first} ${surname}`);
  for (const name of [...SURNAMES, ...PLACES]) add(toCyrillic(name));
  for (let guard = 0; aliases.length < count && guard < count * 20; guard++) {
    const roll = random();
    if (roll < 0.1)
      add(Array.from({ length: 3 + Math.floor(random() * 3) }, () => pick(random, [...'ABCDEFGHKMNOPRSTUZ'])).join(''));
    else if (roll < 0.15) add(inventedName(random), ALIAS_NEAR);
    else if (roll < 0.3) add(toCyrillic(inventedName(random)));
    else if (roll < 0.5) add(`${inventedName(random)} ${pick(random, KINDS)}`);
    else if (roll < 0.75) add(`${pick(random, FIRST)} ${inventedName(random)}`);
    else add(inventedName(random));
  }
  const entityCount = Math.max(1, Math.floor(count / 3));
  const entities = Array.from({ length: entityCount }, (_, i): AliasIndex['entities'][number] => [
    `e${i}`,
    `Entity ${i}`,
    'person',
  ]);
  return { version: 1, entities, aliases };
}

const WORDS = `the of and to in a that for on with as by was is from at said its an which were have has this be
government minister president visit agreement energy gas oil pipeline cooperation talks regional security trade
transport route corridor countries leaders summit project investment market export border officials week year
new between would also after more than their over about into under against during strategic economic military
Turkish Central Asian Caspian European Russian Chinese policy region relations support development network`.split(
  /\s+/,
);
const TURKISH =
  've bir bu için ile olarak değil çok büyük ülke işbirliği güvenlik enerji boru hattı Cumhurbaşkanı'.split(' ');
const RUSSIAN = 'и в на с по для что это как встреча президент газопровод сотрудничество безопасность регион'.split(
  ' ',
);

/** News-like text with a mention every few sentences: the density at which the matcher works on real pages. */
export function syntheticText(chars: number, index: AliasIndex, seed = 2): string {
  const random = seededRandom(seed);
  const names = index.aliases.map(([text]) => text);
  const out: string[] = [];
  let length = 0;
  while (length < chars) {
    const words: string[] = [];
    const lang = random();
    const vocabulary = lang < 0.8 ? WORDS : lang < 0.9 ? TURKISH : RUSSIAN;
    const sentenceLength = 8 + Math.floor(random() * 20);
    for (let i = 0; i < sentenceLength; i++) {
      words.push(random() < 0.03 && names.length > 0 ? pick(random, names) : pick(random, vocabulary));
    }
    const sentence = `${capitalize(words.join(' '))}.${random() < 0.15 ? '\n\n' : ' '}`;
    out.push(sentence);
    length += sentence.length;
  }
  return out.join('').slice(0, chars);
}

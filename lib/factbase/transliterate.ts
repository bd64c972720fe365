/**
 * Uzbek and Kazakh are each written in two alphabets, by rule: Uzbek in Latin (1995) and in Cyrillic, which much of
 * the press still uses; Kazakh in Cyrillic and in the Latin alphabet adopted in 2021. A name the fact base spells in
 * one of a pair is derived in the other at build time (deriveScriptTwins), so a record needs to write it once, and a
 * page in the other alphabet is not left unmarked because nobody typed the second spelling.
 *
 * The mappings are the official letter tables; what they cannot know (a Russian loan's ц in Uzbek, an irregular
 * spelling) a record still writes by hand, and the derived twin of a spelling that folds like one already there is
 * dropped.
 */
import type { Alias } from './types';

type Table = ReadonlyArray<readonly [from: string, to: string]>;

/** Uzbek Latin to Cyrillic, digraphs and the letters with a modifier first (o‘ g‘ in all their apostrophes). */
const UZ_LATIN_TO_CYRILLIC: Table = [
  ...['‘', 'ʻ', "'", '’', '`', 'ʼ'].flatMap((q): [string, string][] => [
    // yo‘ is й and ў (yo‘l, a road), not ё and a glottal stop.
    [`yo${q}`, 'йў'],
    [`o${q}`, 'ў'],
    [`g${q}`, 'ғ'],
  ]),
  ['sh', 'ш'],
  // ts is how the Latin alphabet writes a Russian loan's ц (Gretsiya, Греция).
  ['ts', 'ц'],
  ['ch', 'ч'],
  ['yo', 'ё'],
  ['yu', 'ю'],
  ['ya', 'я'],
  ['ye', 'е'],
  // prettier-ignore
  ...Object.entries({
    a: 'а', b: 'б', d: 'д', e: 'е', f: 'ф', g: 'г', h: 'ҳ', i: 'и', j: 'ж', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о',
    p: 'п', q: 'қ', r: 'р', s: 'с', t: 'т', u: 'у', v: 'в', x: 'х', y: 'й', z: 'з', c: 'с',
  }),
  // The tutuq belgisi (a glottal stop) after any other letter.
  ...['‘', 'ʻ', "'", '’', '`', 'ʼ'].map((q): [string, string] => [q, 'ъ']),
];

/** Uzbek Cyrillic to Latin. */
// prettier-ignore
const UZ_CYRILLIC_TO_LATIN: Table = Object.entries({
  а: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g‘', д: 'd', е: 'e', ё: 'yo', ж: 'j', з: 'z', и: 'i', й: 'y', к: 'k', қ: 'q',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: 'o‘', ф: 'f', х: 'x', ҳ: 'h', ц: 's',
  ч: 'ch', ш: 'sh', ъ: '’', ь: '', э: 'e', ю: 'yu', я: 'ya',
});

/** Kazakh Cyrillic to the 2021 Latin alphabet (decree of 2021: ä ğ ı ñ ö ş ū ü, и and й both i, і dotless ı). */
// prettier-ignore
const KK_CYRILLIC_TO_LATIN: Table = Object.entries({
  а: 'a', ә: 'ä', б: 'b', в: 'v', г: 'g', ғ: 'ğ', д: 'd', е: 'e', ё: 'io', ж: 'j', з: 'z', и: 'i', й: 'i', к: 'k',
  қ: 'q', л: 'l', м: 'm', н: 'n', ң: 'ñ', о: 'o', ө: 'ö', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ұ: 'ū', ү: 'ü',
  ф: 'f', х: 'h', һ: 'h', ц: 'ts', ч: 'ch', ш: 'ş', щ: 'şş', ъ: '', ы: 'y', і: 'ı', ь: '', э: 'e', ю: 'iu', я: 'ia',
});

/**
 * Kazakh Cyrillic to the Latin alphabet with acute accents (decree of 2018: á ǵ ń ó ú ý, sh, ch, и and й ı, і i),
 * which much of the Latin-script press kept after 2021. It folds like the 2021 spelling but for у (ý, not u), ш (sh,
 * not ş) and ю (ıý): a name with one of these gets this spelling too (Aqtaý, Shymkent, Iasaýı).
 */
// prettier-ignore
const KK_CYRILLIC_TO_LATIN_2018: Table = Object.entries({
  а: 'a', ә: 'á', б: 'b', в: 'v', г: 'g', ғ: 'ǵ', д: 'd', е: 'e', ё: 'ıo', ж: 'j', з: 'z', и: 'ı', й: 'ı', к: 'k',
  қ: 'q', л: 'l', м: 'm', н: 'n', ң: 'ń', о: 'o', ө: 'ó', п: 'p', р: 'r', с: 's', т: 't', у: 'ý', ұ: 'u', ү: 'ú',
  ф: 'f', х: 'h', һ: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shsh', ъ: '', ы: 'y', і: 'i', ь: '', э: 'e', ю: 'ıý', я: 'ıa',
});

const VOWELS_LATIN = 'aeiou';
const VOWELS_CYRILLIC = 'аеёиоуўэюяы';
const LETTER = /\p{L}/u;

/** Transliterates `text` by `table` (longest match first), keeping each word's capital. */
function transliterate(
  text: string,
  table: Table,
  special?: (lower: string, at: number, prev: string) => string | undefined,
): string {
  const lower = text.toLowerCase();
  let out = '';
  for (let at = 0; at < text.length;) {
    const prev = lower[at - 1] ?? ' ';
    let piece = special?.(lower, at, prev);
    let length = 1;
    if (piece === undefined) {
      const hit = table.find(([from]) => lower.startsWith(from, at));
      piece = hit ? hit[1] : text[at]!;
      length = hit ? hit[0].length : 1;
    }
    // A capital letter keeps its capital on the first letter of what it became (Sh → Ш, Ш → Sh).
    const upper = text[at] !== lower[at];
    out += upper && piece ? piece[0]!.toUpperCase() + piece.slice(1) : piece;
    at += length;
  }
  return out;
}

/** Uzbek Latin to Cyrillic: e and ye at a word's start or after a vowel are э and е. */
export function uzbekToCyrillic(latin: string): string {
  return transliterate(latin.normalize('NFC'), UZ_LATIN_TO_CYRILLIC, (lower, at, prev) =>
    lower[at] === 'e' && (!LETTER.test(prev) || VOWELS_LATIN.includes(prev)) ? 'э' : undefined,
  );
}

/** Uzbek Cyrillic to Latin: е at a word's start or after a vowel is ye. */
export function uzbekToLatin(cyrillic: string): string {
  return transliterate(cyrillic.normalize('NFC'), UZ_CYRILLIC_TO_LATIN, (lower, at, prev) =>
    lower[at] === 'е' && (!LETTER.test(prev) || VOWELS_CYRILLIC.includes(prev)) ? 'ye' : undefined,
  );
}

/** Kazakh Cyrillic to the 2021 Latin alphabet. */
export function kazakhToLatin(cyrillic: string): string {
  return transliterate(cyrillic.normalize('NFC'), KK_CYRILLIC_TO_LATIN);
}

/** Kazakh Cyrillic to the 2018 Latin alphabet, with acute accents. */
export function kazakhToLatin2018(cyrillic: string): string {
  return transliterate(cyrillic.normalize('NFC'), KK_CYRILLIC_TO_LATIN_2018);
}

/**
 * Each language whose spellings have a twin in another alphabet, how to write it, and the script they must be in
 * (digits too: a name formed from a number is written with it in both alphabets, "44 күндік соғыс", "44 kündık soğys").
 */
const TWINS: ReadonlyArray<{ from: string; to: string; write: (text: string) => string; script: RegExp }> = [
  { from: 'uz', to: 'uz-Cyrl', write: uzbekToCyrillic, script: /^[\p{Script=Latin}\p{Nd}\s\-‘ʻ'’`ʼ.]+$/u },
  { from: 'uz-Cyrl', to: 'uz', write: uzbekToLatin, script: /^[\p{Script=Cyrillic}\p{Nd}\s\-.]+$/u },
  { from: 'kk', to: 'kk-Latn', write: kazakhToLatin, script: /^[\p{Script=Cyrillic}\p{Nd}\s\-.]+$/u },
  { from: 'kk', to: 'kk-Latn', write: kazakhToLatin2018, script: /^[\p{Script=Cyrillic}\p{Nd}\s\-.]+$/u },
];

/** An acronym (two capitals in a row) or a very short name: letters, not sounds, so not transliterated. */
const NOT_A_WORD = /\p{Lu}{2}|^.{0,3}$/u;

/**
 * The aliases `aliases` gains in the other alphabet of its Uzbek and Kazakh spellings, with the same rule and evidence.
 * `taken` holds the folded form of every spelling already in the fact base (any entity's): a twin that folds like one
 * of them is left out, so a twin never doubles a written spelling or takes another entity's name. When the spelling
 * it folds like is this entity's own, labelled, and `fits` the twin's alphabet, that spelling gains the twin's language
 * instead: Kazakh Latin "Bışkek" folds like Turkish "Bişkek", and a page writes it with Kazakh endings ("Bışkekke"),
 * which only the language's label gives.
 */
export function deriveScriptTwins(
  aliases: readonly Alias[],
  taken: Set<string>,
  fold: (text: string) => string,
  fits: (text: string, lang: string) => boolean = () => false,
): Alias[] {
  const twins: Alias[] = [];
  for (const alias of aliases) {
    const langs = alias.lang?.split(' ') ?? [];
    for (const { from, to, write, script } of TWINS) {
      if (!langs.includes(from) || langs.includes(to)) continue;
      if (NOT_A_WORD.test(alias.text) || !script.test(alias.text)) continue;
      const text = write(alias.text);
      const key = fold(text);
      if (!key) continue;
      if (taken.has(key)) {
        const same = aliases.find((a) => a.lang && fold(a.text) === key && fits(a.text, to));
        if (same && !same.lang!.split(' ').includes(to)) same.lang = `${same.lang} ${to}`;
        continue;
      }
      taken.add(key);
      twins.push({ ...alias, text, lang: to, inCorpus: false });
    }
  }
  return twins;
}

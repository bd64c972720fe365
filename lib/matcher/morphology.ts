/**
 * The inflected forms of an alias, by rule: Turkic suffixes with vowel harmony, Armenian and Georgian endings, and
 * Russian declension of every word of a name with adjective–noun agreement. The classes are data
 * (data/languages.yaml, via data/matching-rules.json); this module only applies them.
 *
 * Forms are folded like page text (lib/matcher/fold), so they compare with what the automaton scans.
 */
import type {
  DeclensionRow,
  EndingsClass,
  MorphologyClass,
  RussianClass,
  SuffixClass,
} from '../factbase/matching-rules';
import { foldAlias } from './fold';

const LETTER = /\p{L}/u;

const dotlessClasses = new WeakMap<object, boolean>();

function lowerOf(text: string, cls: SuffixClass): string {
  // Turkic Latin alphabets lowercase I to ı: the harmony of "Qazaxıstan" is in its ı.
  let dotless = dotlessClasses.get(cls);
  if (dotless === undefined) dotlessClasses.set(cls, (dotless = JSON.stringify(cls.vowels ?? '').includes('ı')));
  return text.toLocaleLowerCase(dotless ? 'tr' : undefined).normalize('NFC');
}

/** Expanded, folded suffixes per class and stem shape (last vowel, last letter): thousands of aliases share a few. */
const suffixCache = new WeakMap<SuffixClass, Map<string, string[]>>();

/** What a stem's suffixes depend on: its last vowel that has a side, its last letter. */
function stemShape(cls: SuffixClass, lowerStem: string) {
  const vowels = cls.vowels ? cls.vowels.back + cls.vowels.front + (cls.vowels.neutral ?? '') : '';
  const isVowel = (ch: string) => vowels.includes(ch);
  // The last vowel that has a side decides harmony; after only neutral ones (Kazakh и, у), both sides are allowed.
  let lastVowel = '';
  for (const ch of lowerStem) if (isVowel(ch) && !cls.vowels?.neutral?.includes(ch)) lastVowel = ch;
  if (cls.vowels?.neutral?.includes([...lowerStem].reverse().find(isVowel) ?? '')) lastVowel = '';
  return { lastVowel, last: lowerStem.slice(-1), isVowel };
}

function suffixesFor(cls: SuffixClass, lowerStem: string): string[] {
  const { lastVowel, last, isVowel } = stemShape(cls, lowerStem);
  const key = `${lastVowel}|${last}`;
  let byShape = suffixCache.get(cls);
  if (!byShape) suffixCache.set(cls, (byShape = new Map()));
  let list = byShape.get(key);
  if (!list) {
    const raw = cls.suffixes.flatMap((template) => expandSuffix(lastVowel, last, isVowel, template, cls));
    const folded = raw.map((x) => foldAlias(`a${x}`).slice(1)); // folded as the end of a word
    list = [...new Set(cls.apostrophe === 'optional' ? [...folded, ...folded.map((x) => `'${x}`)] : folded)];
    byShape.set(key, list);
  }
  return list;
}

/** Suffix classes: every suffix template expanded for this stem, vowel harmony and consonant choice applied. */
function suffixForms(text: string, cls: SuffixClass): string[] {
  const lower = lowerOf(text, cls);
  if (!LETTER.test(lower.slice(-1))) return [];
  const stems = [text];
  for (const [from, to] of Object.entries(cls.final ?? {}))
    if (lower.endsWith(from) && from !== to) stems.push(text.slice(0, -from.length) + to);
  const forms: string[] = [];
  for (const stem of stems) {
    const folded = foldAlias(stem);
    if (stem !== text) forms.push(folded); // Türkiýä alone is a form (the dative)
    for (const suffix of suffixesFor(cls, lowerOf(stem, cls))) forms.push(folded + suffix);
  }
  return forms;
}

function expandSuffix(
  lastVowel: string,
  last: string,
  isVowel: (ch: string) => boolean,
  template: string,
  cls: SuffixClass,
): string[] {
  interface Partial {
    text: string;
    prev: string;
    vowel: string;
  }
  const emit = (p: Partial, ch: string): Partial => ({
    text: p.text + ch,
    prev: ch,
    vowel: isVowel(ch) ? ch : p.vowel,
  });
  // One template letter: a harmony vowel (each letter its value lists is an alternative the spelling leaves open), a
  // consonant chosen by the sound before, or itself.
  const step = (p: Partial, ch: string): Partial[] => {
    const h = cls.harmony?.[ch];
    if (h) {
      const sides =
        p.vowel === ''
          ? (['back', 'front'] as const)
          : ([cls.vowels!.back.includes(p.vowel) ? 'back' : 'front'] as const);
      const rounded = (h.rounded ?? cls.vowels!.rounded)?.includes(p.vowel) ?? false;
      return sides.flatMap((side) =>
        [...((rounded ? h[`${side}-rounded`] : undefined) ?? h[side] ?? '')].map((x) => emit(p, x)),
      );
    }
    const c = cls.consonants?.[ch];
    if (c) return [emit(p, (cls.voiceless ?? '').includes(p.prev) ? c.voiceless : c.other)];
    return [emit(p, ch)];
  };
  let partials: Partial[] = [{ text: '', prev: last, vowel: lastVowel }];
  for (let i = 0; i < template.length; i++) {
    const ch = template[i]!;
    if ((ch === '(' && template[i + 2] === ')') || (ch === '<' && template[i + 2] === '>')) {
      // (x) only after a vowel, <x> only after a consonant: a buffer letter (Turkish -nIn, -ImIz).
      const afterVowel = ch === '(';
      const x = template[i + 1]!;
      partials = partials.flatMap((p) => (isVowel(p.prev) === afterVowel ? step(p, x) : [p]));
      i += 2;
    } else if (ch === '[') {
      const close = template.indexOf(']', i);
      const set = [...template.slice(i + 1, close)];
      partials = partials.flatMap((p) => set.map((x) => emit(p, x)));
      i = close;
    } else partials = partials.flatMap((p) => step(p, ch));
  }
  return partials.map((p) => p.text);
}

/** Each form as the stem it was written on and its ending, so that agreement can read the case. */
function endingPairs(text: string, cls: EndingsClass): [stem: string, ending: string][] {
  const lower = text.toLowerCase();
  const last = lower.slice(-1);
  if (!LETTER.test(last)) return [];
  const pairs: [stem: string, ending: string][] = [];
  const list = cls.vowels.includes(last) ? cls['after-vowel'] : (cls['after-consonant'] ?? []);
  for (const e of list) pairs.push([text, e]);
  // Georgian drops a final ი before most endings (თურქეთი → თურქეთის, თურქეთში).
  if (cls.drop?.includes(last)) for (const e of cls['after-drop'] ?? []) pairs.push([text.slice(0, -1), e]);
  for (const change of cls['stem-changes'] ?? [])
    if (lower.endsWith(change.ends)) {
      const stem = text.slice(0, -change.ends.length) + change.to;
      for (const e of change.endings) pairs.push([stem, e]);
    }
  return pairs;
}

function endingForms(text: string, cls: EndingsClass, isPerson: boolean): string[] {
  const forms: string[] = [];
  for (const written of compoundSpellings(text, cls))
    for (const [stem, e] of endingPairs(written, cls)) forms.push(agreeing(stem, e, cls, isPerson) + e);
  // The bare stem, the first member of a compound with a name the fact base lacks (სომხეთ-საქართველოს).
  const bare = cls['compound-stem'];
  if (bare && text.endsWith(bare) && lastWordLength(text) > bare.length + 2) forms.push(text.slice(0, -bare.length));
  // Particles written solid after any form, the bare name's too (რუსეთიც, რუსეთმაც, რუსეთსაც).
  const particles = cls.particles;
  if (particles)
    for (const form of [text, ...forms]) {
      const vowelFinal = cls.vowels.includes(form.slice(-1).toLowerCase());
      for (const p of vowelFinal ? particles['after-vowel'] : particles['after-consonant']) forms.push(form + p);
    }
  return forms;
}

/** Letters of the last word of a name: a stem of two letters or fewer is too short to stand bare. */
const lastWordLength = (text: string) =>
  text.length - Math.max(text.lastIndexOf(' '), ...[...'-‐–—'].map((h) => text.lastIndexOf(h))) - 1;
const isHyphen = (ch: string | undefined) => ch === '-' || ch === '‐' || ch === '–' || ch === '—';

/**
 * The name as written, and, where the class has a `compound-stem` letter, with that letter left off every member
 * before a hyphen (Georgian ყარსი-ნახჭევანი → ყარს-ნახჭევანი), as the members of a compound are written.
 */
function compoundSpellings(text: string, cls: EndingsClass): string[] {
  const letter = cls['compound-stem'];
  if (!letter) return [text];
  let out = '';
  for (let i = 0; i < text.length; i++)
    if (text.startsWith(letter, i) && isHyphen(text[i + letter.length])) i += letter.length - 1;
    else out += text[i];
  return out === text ? [text] : [text, out];
}

/**
 * A phrase's stem with its modifiers in agreement with the head's ending: a Georgian adjective in -ი before the noun
 * drops it in the dative and adverbial (შავ ზღვაში) and ends in -მა in the ergative (შავმა ზღვამ). A person's given
 * name does not decline (ვლადიმერ პუტინმა).
 */
function agreeing(stem: string, ending: string, cls: EndingsClass, isPerson: boolean): string {
  const rule = cls.agreement;
  if (!rule || isPerson || !/\s/u.test(stem)) return stem;
  const bare = rule['bare-before'].includes(ending);
  const ergative = rule['ergative-before'].includes(ending);
  if (!bare && !ergative) return stem;
  const words = stem.split(' ');
  for (let i = 0; i < words.length - 1; i++) {
    const word = words[i]!;
    if (!word.endsWith(rule.ends)) continue;
    words[i] = word.slice(0, -rule.ends.length) + (ergative ? rule.ergative : '');
  }
  return words.join(' ');
}

/** The endings a row gives for case `c`: one, or several where the word's gender or stem decides ("и|я"). */
const endingsOf = (row: DeclensionRow, c: number) => row.forms[c]!.split('|');

/** Russian: forms for each of the six cases, every declining word in the same case (agreement). */
function russianForms(text: string, cls: RussianClass, isPerson: boolean, only?: number): string[] {
  const words = text.trim().split(/\s+/u);
  const rowFor = (word: string, rows: DeclensionRow[]) => {
    const lower = word.toLowerCase().replace(/ё/g, 'е');
    return rows.find((r) => lower.endsWith(r.ends) && lower.length - r.ends.length >= cls['min-stem']);
  };
  const isAdjective = (word: string, i: number) => i < words.length - 1 && rowFor(word, cls.adjectives) !== undefined;
  const pluralAdjective = (row: DeclensionRow | null) => row !== null && PLURAL_ADJECTIVE.has(row.ends);
  // Which words decline, with which paradigm: a person's every name; otherwise adjectives up to the head noun, a
  // plural one after a plural adjective or written in lowercase (a common noun; a foreign name that does not decline,
  // Тбилиси, is capitalised).
  const plan: (DeclensionRow | null)[] = [];
  let headSeen = false;
  words.forEach((word, i) => {
    const part = word.split(/[-‐–—]/u).pop()!;
    const lower = part.toLowerCase();
    if (headSeen || !/\p{Script=Cyrillic}/u.test(part) || /^[\p{Lu}\d]+$/u.test(part)) return plan.push(null);
    if (isPerson) {
      if (cls['indeclinable-after'].includes(lower.slice(-1))) return plan.push(null);
      return plan.push(rowFor(part, cls.persons) ?? null);
    }
    if (isAdjective(part, i)) return plan.push(rowFor(part, cls.adjectives)!);
    headSeen = true;
    const plural = (i > 0 && pluralAdjective(plan[i - 1]!)) || part === lower;
    const pluralRow = plural ? rowFor(part, cls.plurals ?? []) : undefined;
    if (pluralRow) return plan.push(pluralRow);
    if (cls['indeclinable-after'].includes(lower.slice(-1)) && !rowFor(part, cls.nouns)?.ends) return plan.push(null);
    return plan.push(rowFor(part, cls.nouns) ?? null);
  });
  if (plan.every((p) => p === null)) return [];
  const forms: string[] = [];
  for (let c = only ?? 0; c < (only ?? 5) + 1; c++) {
    let declined = [''];
    words.forEach((word, i) => {
      const row = plan[i];
      const options = row ? declinedWord(word, row, c, cls, isPerson) : [word];
      declined = declined.flatMap((head) => options.map((w) => (head ? `${head} ${w}` : w)));
    });
    forms.push(...declined);
  }
  return forms;
}

const PLURAL_ADJECTIVE = new Set(['ые', 'ие']);

/**
 * One word in case `c`. A person's name joined by a hyphen may decline in every part (Энвера-паши) or in its last
 * only (Касым-Жомарта): both are given, and the form a page does not write costs nothing.
 */
function declinedWord(word: string, row: DeclensionRow, c: number, cls: RussianClass, isPerson: boolean): string[] {
  const withEnding = (w: string, r: DeclensionRow) => {
    const stem = w.slice(0, w.length - r.ends.length);
    return endingsOf(r, c).map((ending) => {
      if (ending.startsWith('ы') && cls['soft-after'].includes(stem.slice(-1).toLowerCase()))
        ending = 'и' + ending.slice(1);
      return stem + ending;
    });
  };
  const out = withEnding(word, row);
  const lastOnly = [...out];
  const hyphen = word.search(/[-‐–—][^-‐–—]*$/u);
  if (isPerson && hyphen > 0) {
    const first = word.slice(0, hyphen);
    const firstRow = cls.persons.find((r) => first.toLowerCase().endsWith(r.ends));
    if (firstRow && !cls['indeclinable-after'].includes(first.slice(-1).toLowerCase()))
      for (const tail of lastOnly) for (const head of withEnding(first, firstRow)) out.push(head + tail.slice(hyphen));
  }
  return [...new Set(out)];
}

/** Every folded form of `text` under these classes, the folded alias itself first. */
export function inflectedForms(text: string, classes: readonly MorphologyClass[], isPerson: boolean): string[] {
  const forms = new Set<string>([foldAlias(text)]);
  for (const cls of classes) {
    const raw =
      cls.kind === 'suffixes'
        ? suffixForms(text, cls)
        : cls.kind === 'endings'
          ? endingForms(text, cls, isPerson)
          : russianForms(text, cls, isPerson);
    for (const form of raw) forms.add(cls.kind === 'suffixes' ? form : foldAlias(form));
  }
  forms.delete('');
  return [...forms];
}

/**
 * `text` in the case a class names in its `cases` (data/languages.yaml), as the page writes it (not folded), for the
 * names the build forms from another name ("Sowet Soýuzynyň dargamagy", "саммит в Самарканде"): a suffix template,
 * the endings of that case, or a Russian case's number. Empty when the class does not name the case.
 */
export function caseForms(text: string, cls: MorphologyClass, name: string): string[] {
  const spec = cls.cases?.[name];
  if (spec === undefined) return [];
  if (cls.kind === 'russian') return typeof spec === 'number' ? russianForms(text, cls, false, spec) : [];
  if (cls.kind === 'endings') {
    const endings = typeof spec === 'number' ? [] : [spec].flat();
    const pairs = endingPairs(text, cls).filter(([, e]) => endings.includes(e));
    // A stem that drops or changes a letter before the case's ending takes only that form (Georgian კავშირი →
    // კავშირის, not კავშირს; Armenian միություն → միության).
    const changed = pairs.filter(([stem]) => stem !== text);
    return (changed.length ? changed : pairs).map(([stem, e]) => agreeing(stem, e, cls, false) + e);
  }
  if (typeof spec !== 'string' || !LETTER.test(text.slice(-1))) return [];
  const { lastVowel, last, isVowel } = stemShape(cls, lowerOf(text, cls));
  return [...new Set(expandSuffix(lastVowel, last, isVowel, spec, cls))].map((suffix) => text + suffix);
}

/** The longest prefix all forms share: what the automaton looks for before the endings are checked. */
export function commonPrefix(forms: readonly string[]): string {
  let prefix = forms[0] ?? '';
  for (const f of forms) {
    let i = 0;
    while (i < prefix.length && i < f.length && prefix[i] === f[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

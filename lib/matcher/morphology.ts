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

function suffixesFor(cls: SuffixClass, lowerStem: string): string[] {
  const vowels = cls.vowels ? cls.vowels.back + cls.vowels.front + (cls.vowels.neutral ?? '') : '';
  const isVowel = (ch: string) => vowels.includes(ch);
  // The last vowel that has a side decides harmony; after only neutral ones (Kazakh и, у), both sides are allowed.
  let lastVowel = '';
  for (const ch of lowerStem) if (isVowel(ch) && !cls.vowels?.neutral?.includes(ch)) lastVowel = ch;
  if (cls.vowels?.neutral?.includes([...lowerStem].reverse().find(isVowel) ?? '')) lastVowel = '';
  const last = lowerStem.slice(-1);
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
  let partials: Partial[] = [{ text: '', prev: last, vowel: lastVowel }];
  const emit = (p: Partial, ch: string): Partial => ({
    text: p.text + ch,
    prev: ch,
    vowel: isVowel(ch) ? ch : p.vowel,
  });
  for (let i = 0; i < template.length; i++) {
    const ch = template[i]!;
    if (ch === '(' && template[i + 2] === ')') {
      const x = template[i + 1]!;
      partials = partials.map((p) => (isVowel(p.prev) ? emit(p, x) : p));
      i += 2;
    } else if (ch === '[') {
      const close = template.indexOf(']', i);
      const set = [...template.slice(i + 1, close)];
      partials = partials.flatMap((p) => set.map((x) => emit(p, x)));
      i = close;
    } else if (cls.harmony?.[ch]) {
      const h = cls.harmony[ch]!;
      partials = partials.flatMap((p) => {
        const sides =
          p.vowel === ''
            ? (['back', 'front'] as const)
            : ([cls.vowels!.back.includes(p.vowel) ? 'back' : 'front'] as const);
        const rounded = (h.rounded ?? cls.vowels!.rounded)?.includes(p.vowel) ?? false;
        return sides.map((side) => emit(p, (rounded ? h[`${side}-rounded`] : undefined) ?? h[side] ?? ''));
      });
    } else if (cls.consonants?.[ch]) {
      const c = cls.consonants[ch]!;
      partials = partials.map((p) => emit(p, (cls.voiceless ?? '').includes(p.prev) ? c.voiceless : c.other));
    } else partials = partials.map((p) => emit(p, ch));
  }
  return partials.map((p) => p.text);
}

function endingForms(text: string, cls: EndingsClass): string[] {
  const lower = text.toLowerCase();
  const last = lower.slice(-1);
  if (!LETTER.test(last)) return [];
  const list = cls.vowels.includes(last) ? cls['after-vowel'] : (cls['after-consonant'] ?? []);
  const forms = list.map((e) => text + e);
  // Georgian drops a final ი or ა before most endings (თურქეთი → თურქეთის, ზღვა → ზღვის).
  if (cls.drop?.includes(last)) forms.push(...(cls['after-drop'] ?? []).map((e) => text.slice(0, -1) + e));
  for (const change of cls['stem-changes'] ?? [])
    if (lower.endsWith(change.ends)) {
      const stem = text.slice(0, -change.ends.length) + change.to;
      for (const e of change.endings) forms.push(stem + e);
    }
  return forms;
}

/** Russian: forms for each of the six cases, every declining word in the same case (agreement). */
function russianForms(text: string, cls: RussianClass, isPerson: boolean): string[] {
  const words = text.trim().split(/\s+/u);
  const rowFor = (word: string, rows: DeclensionRow[]) => {
    const lower = word.toLowerCase().replace(/ё/g, 'е');
    return rows.find((r) => lower.endsWith(r.ends) && lower.length - r.ends.length >= cls['min-stem']);
  };
  const isAdjective = (word: string, i: number) => i < words.length - 1 && rowFor(word, cls.adjectives) !== undefined;
  // Which words decline, with which paradigm: a person's every name; otherwise adjectives up to the head noun.
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
    if (cls['indeclinable-after'].includes(lower.slice(-1)) && !rowFor(part, cls.nouns)?.ends) return plan.push(null);
    return plan.push(rowFor(part, cls.nouns) ?? null);
  });
  if (plan.every((p) => p === null)) return [];
  const forms: string[] = [];
  for (let c = 0; c < 6; c++) {
    const declined = words.map((word, i) => {
      const row = plan[i];
      if (!row) return word;
      const stem = word.slice(0, word.length - row.ends.length);
      let ending = row.forms[c]!;
      if (ending.startsWith('ы') && cls['soft-after'].includes(stem.slice(-1).toLowerCase()))
        ending = 'и' + ending.slice(1);
      return stem + ending;
    });
    forms.push(declined.join(' '));
  }
  return forms;
}

/** Every folded form of `text` under these classes, the folded alias itself first. */
export function inflectedForms(text: string, classes: readonly MorphologyClass[], isPerson: boolean): string[] {
  const forms = new Set<string>([foldAlias(text)]);
  for (const cls of classes) {
    const raw =
      cls.kind === 'suffixes'
        ? suffixForms(text, cls)
        : cls.kind === 'endings'
          ? endingForms(text, cls)
          : russianForms(text, cls, isPerson);
    for (const form of raw) forms.add(cls.kind === 'suffixes' ? form : foldAlias(form));
  }
  forms.delete('');
  return [...forms];
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

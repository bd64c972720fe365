/**
 * `insideQuotedName` stops reading at the first character that rules a quoted name out. These tests hold it to the
 * plain definition (the nearest quotation marks within reach, and the whole quotation a short proper name), written
 * out here as it stood before the shortcut, on names and on generated strings of the characters the shortcut reads.
 */
import { describe, expect, it } from 'vitest';
import {
  insideQuotedName,
  isOpeningQuote,
  openingQuoteBefore,
  openingQuoteBeforeIn,
  OPENING_QUOTES,
} from '../../lib/matcher/quoted-name';

const isOpening = (u: number) => u === 0xab || u === 0x201c || u === 0x201e || u === 0x22;
const isClosing = (u: number) => u === 0xbb || u === 0x201d || u === 0x201c || u === 0x22;
const NAME =
  /^[\p{Lu}\p{Lo}\p{sc=Georgian}][\p{L}\p{M}'’-]*(?:\s+[\p{Lu}\p{Lo}\p{sc=Georgian}][\p{L}\p{M}'’-]*){0,2}$/u;
const REACH = 40;

function plain(text: string, start: number, end: number): boolean {
  let open = start - 1;
  while (open >= 0 && start - open <= REACH && !(isOpening(text.charCodeAt(open)) || isClosing(text.charCodeAt(open))))
    open--;
  if (open < 0 || start - open > REACH || !isOpening(text.charCodeAt(open))) return false;
  let close = end;
  while (
    close < text.length &&
    close - end <= REACH &&
    !(isOpening(text.charCodeAt(close)) || isClosing(text.charCodeAt(close)))
  )
    close++;
  if (close >= text.length || !isClosing(text.charCodeAt(close))) return false;
  return NAME.test(text.slice(open + 1, close).trim());
}

/** The name "Baku" at its first place in `text`. */
const at = (text: string, name = 'Baku') => [text.indexOf(name), text.indexOf(name) + name.length] as const;

describe('a city’s name inside a quoted proper name', () => {
  it('takes a short capitalised name in quotation marks, with apostrophes, hyphens and scripts without capitals', () => {
    for (const text of [
      '«Baku»',
      'the “Dinamo Baku” club',
      '„Neftçi Baku-Ağdam“',
      '"FK O’Baku Star"',
      '«სპორტი Baku»',
      '«\u{1d400}rena Baku»', // a letter beyond the BMP
    ])
      expect(insideQuotedName(text, ...at(text)), text).toBe(true);
  });
  it('turns down a quoted sentence, a lowercase word, a digit, a word that starts with a hyphen, or no quotation', () => {
    for (const text of [
      '"Baku is ours"',
      '«in Baku»',
      '«Baku 2026»',
      '«Dinamo -Baku»',
      'the city of Baku today',
      '«Baku',
      '«Baku One Two Three»',
    ])
      expect(insideQuotedName(text, ...at(text)), text).toBe(false);
  });
  it('agrees with the plain definition on generated text around a name', () => {
    // The characters the shortcut reads differently: quotes, white space, capitals, lowercase, Georgian, marks,
    // apostrophes, hyphens, digits, punctuation and surrogate halves.
    const alphabet = [
      '«',
      '»',
      '“',
      '”',
      '„',
      '"',
      ' ',
      '\n',
      'D',
      'Ж',
      'd',
      'ж',
      'ს',
      'ა',
      '\u0301',
      "'",
      '’',
      '-',
      '7',
      ',',
      '.',
      '\ud835',
      '\udc00',
    ];
    let seed = 0x9e3779b9;
    const random = () => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    const piece = () =>
      Array.from({ length: Math.floor(random() * 50) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(
        '',
      );
    let taken = 0;
    for (let n = 0; n < 20_000; n++) {
      const text = `${piece()}Baku${piece()}`;
      const [start, end] = at(text);
      const expected = plain(text, start, end);
      if (expected) taken++;
      expect(insideQuotedName(text, start, end), JSON.stringify(text)).toBe(expected);
    }
    // Generated names in quotation marks, not only refusals.
    expect(taken).toBeGreaterThan(50);
  });
});

describe('the rules’ search for opening quotation marks', () => {
  it('looks for exactly the units insideQuotedName opens a quotation with', () => {
    // disambiguate.ts turns a city's name down unread when none of OPENING_QUOTES is within reach before it.
    const searched = new Set(OPENING_QUOTES.map((q) => q.charCodeAt(0)));
    const opening: number[] = [];
    for (let u = 0; u < 0x10000; u++) if (isOpeningQuote(u)) opening.push(u);
    expect([...searched].sort((a, b) => a - b)).toEqual(opening);
    expect(OPENING_QUOTES.every((q) => q.length === 1)).toBe(true);
  });
  it('reads a text forward for its names as it reads back from each, whatever order they come in', () => {
    // openingQuoteBeforeIn keeps how far it has read; names out of order or asked again must get the same answer.
    let seed = 0x2545f491;
    const random = () => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    const units = ['«', '“', '„', '"', '»', '”', ' ', 'a', 'Ж', '.'];
    let quoted = 0;
    for (let n = 0; n < 300; n++) {
      // Mostly letters and spaces, a mark now and then: names both within and beyond reach of one.
      const length = 20 + Math.floor(random() * 300);
      let text = '';
      for (let i = 0; i < length; i++)
        text += random() < 0.03 ? units[Math.floor(random() * 6)] : units[6 + Math.floor(random() * 4)];
      const cursor = { text, quotesReadTo: 0, lastOpeningQuote: -1 };
      for (let k = 0; k < 60; k++) {
        // Ascending with repeats, as the scan gives names, and now and then one further back.
        const start =
          random() < 0.15
            ? Math.floor(random() * length)
            : Math.min(length, cursor.quotesReadTo + Math.floor(random() * 12));
        const expected = openingQuoteBefore(text, start);
        if (expected) quoted++;
        expect(openingQuoteBeforeIn(cursor, start), `${JSON.stringify(text)} at ${start}`).toBe(expected);
      }
    }
    expect(quoted).toBeGreaterThan(100);
  });
});

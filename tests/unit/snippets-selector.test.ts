import { describe, expect, it } from 'vitest';
import { findQuote, quoteSelectorAt, tidySelectionText } from '../../lib/snippets/quote-selector';

const page =
  'Gas flows west. The pipeline opened in 2018. Critics said the pipeline opened too late. The pipeline opened in 2018, again.';

describe('TextQuoteSelector helpers', () => {
  it('makes a selector with up to 32 characters of context', () => {
    const start = page.indexOf('Critics');
    const sel = quoteSelectorAt(page, start, start + 'Critics said'.length);
    expect(sel).toEqual({
      type: 'TextQuoteSelector',
      exact: 'Critics said',
      prefix: page.slice(start - 32, start),
      suffix: page.slice(start + 12, start + 44),
    });
  });

  it('finds the right one of repeated phrases by its context', () => {
    const second = page.lastIndexOf('The pipeline opened in 2018');
    const sel = quoteSelectorAt(page, second, second + 27);
    expect(findQuote(page, sel)).toEqual({ start: second, end: second + 27 });
    const first = page.indexOf('The pipeline opened in 2018');
    expect(findQuote(page, quoteSelectorAt(page, first, first + 27))).toEqual({ start: first, end: first + 27 });
  });

  it('survives re-flowed white space', () => {
    const start = page.indexOf('Critics');
    const sel = quoteSelectorAt(page, start, start + 40);
    const reflowed = page.replace(/ /g, '\n   ');
    const hit = findQuote(reflowed, sel);
    expect(hit).not.toBeNull();
    expect(reflowed.slice(hit!.start, hit!.end).replace(/\s+/g, ' ')).toBe(sel.exact);
  });

  it('returns null when the quote is gone', () => {
    expect(findQuote(page, { exact: 'not on the page', prefix: '', suffix: '' })).toBeNull();
    expect(findQuote(page, { exact: '', prefix: '', suffix: '' })).toBeNull();
  });

  it('tidies selection text without losing paragraphs', () => {
    expect(tidySelectionText('  One\t two \r\n\r\n\r\n\nThree  ')).toBe('One two\n\nThree');
  });
});

import { describe, expect, it } from 'vitest';
import { sentenceAround } from '../../lib/hover/snippet';

describe('sentence around a mark', () => {
  const text = 'First sentence here. Tokayev met Aliyev in Baku on Wednesday. Then they left.';
  it('takes the sentence holding the mark, with context either side', () => {
    const start = text.indexOf('Aliyev');
    const q = sentenceAround(text, start, start + 6);
    expect(q.exact).toBe('Tokayev met Aliyev in Baku on Wednesday.');
    expect(q.prefix.endsWith('First sentence here. ')).toBe(true);
    expect(q.suffix.startsWith(' Then')).toBe(true);
  });
  it('reads line breaks of the page source as spaces, not sentence ends', () => {
    // How a paragraph's text node looks in indented HTML: the browser shows one line, the node holds several.
    const source =
      'The presidents met in the city known in Armenian\n          as Shushi, a move that officials in Baku\n   called a symbol. Then they left.';
    const start = source.indexOf('Shushi');
    const q = sentenceAround(source, start, start + 6);
    expect(q.exact.replace(/\s+/g, ' ')).toBe(
      'The presidents met in the city known in Armenian as Shushi, a move that officials in Baku called a symbol.',
    );
    expect(source.slice(source.indexOf(q.exact), source.indexOf(q.exact) + q.exact.length)).toBe(q.exact);
  });
  it('cuts a very long run-on sentence around the mark', () => {
    const long = 'word '.repeat(400) + 'Shusha ' + 'word '.repeat(400);
    const start = long.indexOf('Shusha');
    const q = sentenceAround(long, start, start + 6);
    expect(q.exact.length).toBeLessThanOrEqual(600);
    expect(q.exact).toContain('Shusha');
  });
});

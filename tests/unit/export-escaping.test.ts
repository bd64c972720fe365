/**
 * Export escaping against hostile snippet text (issue 22): CSV cells that a spreadsheet could run as formulas, Markdown
 * line breaks that could start a heading or list, and links the library or an export could make clickable. One test
 * per case. The cases the earlier codecs already handled (a leading = + - @ tab or CR; LF in text; javascript:, data:
 * and other non-web links) stay beside the 24 new ones, which all failed against them.
 */
import { describe, expect, it } from 'vitest';
import { csvField, exportSnippetsCsv } from '../../lib/snippets/csv-codec';
import { isLinkableUrl } from '../../lib/snippets/entity-names';
import { escapeMarkdown, exportSnippetsMarkdown } from '../../lib/snippets/markdown-codec';
import { snippet } from './snippets-fixtures';

/** The cell as a spreadsheet reads it: quotes removed and doubled quotes undone. */
const cell = (field: string) => (field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field);
const neutralised = (value: string) => cell(csvField(value)).startsWith("'");

describe('CSV: a cell whose first non-space character could start a formula is neutralised', () => {
  it.each([
    ['a leading =', '=1+1'],
    ['a leading +', '+cmd'],
    ['a leading -', '-2+3'],
    ['a leading @', '@SUM(A1)'],
    ['a leading tab', '\t=x'],
    ['a leading CR', '\r=x'],
    ['a leading space', ' =HYPERLINK("http://evil.example")'],
    ['several spaces', '   +1'],
    ['a leading line feed', '\n=1+1'],
    ['a no-break space', '\u00a0=1'],
    ['an ideographic space', '\u3000=1'],
    ['a zero-width space', '\u200b=1'],
    ['a fullwidth equals sign', '＝1+1'],
    ['a fullwidth plus sign', '＋1'],
    ['a fullwidth hyphen-minus', '－1'],
    ['a fullwidth commercial at', '＠SUM(A1)'],
  ])('%s: %j', (_case, value) => {
    expect(neutralised(value)).toBe(true);
  });

  it('a semicolon is quoted, so a `;` locale cannot split a formula off an unquoted cell', () => {
    expect(csvField('x;=1+1')).toBe('"x;=1+1"');
    const csv = exportSnippetsCsv([snippet({ title: 'x;=HYPERLINK("http://evil.example")' })]);
    expect(csv).not.toMatch(/(^|,)x;=/m);
  });

  it('leaves ordinary text alone, including minus signs and at signs inside it', () => {
    expect(csvField('Baku 2024')).toBe('Baku 2024');
    expect(csvField('1990-2024')).toBe('1990-2024');
    expect(csvField('press@example.org')).toBe('press@example.org');
    expect(csvField('  plain text')).toBe('  plain text');
  });
});

describe('Markdown: every line break is a line whose start is escaped', () => {
  it.each([
    ['LF', '\n'],
    ['CR', '\r'],
    ['CRLF', '\r\n'],
    ['vertical tab', '\v'],
    ['form feed', '\f'],
    ['NEL', '\u0085'],
    ['line separator', '\u2028'],
    ['paragraph separator', '\u2029'],
  ])('%s in text cannot start a heading or a list', (_case, br) => {
    const out = escapeMarkdown(`quiet${br}# Heading${br}- item`);
    expect(out).toBe('quiet\n\\# Heading\n\\- item');
  });

  it.each(['\r', '\u2028', '\r\n'])('a title with %j stays one heading line', (br) => {
    const md = exportSnippetsMarkdown([snippet({ title: `Report${br}# Injected heading` })]);
    expect(md).not.toMatch(/^# Injected/m);
    expect(md).toMatch(/^### Report \\# Injected heading$/m);
    expect(md).not.toMatch(/[\r\u2028\u2029\u0085\v\f]/);
  });
});

describe('Links: only http(s) addresses become links', () => {
  it.each([
    ['file:///etc/passwd', false],
    ['FILE:///C:/Windows/win.ini', false],
    ['javascript:alert(1)', false],
    [' javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['blob:https://example.com/1', false],
    ['about:blank', false],
    ['chrome://settings', false],
    ['https://example.com/a', true],
    ['http://example.com/a', true],
  ])('%s → %s', (url, linkable) => {
    expect(isLinkableUrl(url)).toBe(linkable);
  });

  it('a file: snippet is cited as text in the Markdown export', () => {
    const md = exportSnippetsMarkdown([snippet({ url: 'file:///etc/passwd', title: 'passwd' })]);
    expect(md).not.toContain('](');
  });
});

import { describe, expect, it } from 'vitest';
import { csvField, exportSnippetsCsv, CSV_COLUMNS } from '../../lib/snippets/csv-codec';
import { entityLookupFromRows, siteOf } from '../../lib/snippets/entity-names';
import { exportBackupJson, exportSnippetsJson, parseImportFile, SNIPPETS_FORMAT } from '../../lib/snippets/json-codec';
import { escapeMarkdown, exportSnippetsMarkdown } from '../../lib/snippets/markdown-codec';
import { SNIPPET_LIMITS, SNIPPET_SCHEMA_VERSION } from '../../lib/snippets/types';
import { snippet, V1_RECORDS } from './snippets-fixtures';

const lookup = entityLookupFromRows([
  ['tanap', 'Trans-Anatolian Natural Gas Pipeline', 'pipeline'],
  ['shah-deniz', 'Shah Deniz', 'gas-field'],
]);

/** A minimal RFC 4180 parser, to check the writer against an independent reader. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describe('JSON export and import', () => {
  it('round-trips every field exactly', () => {
    const list = [
      snippet(),
      snippet({ id: 'second-id', tags: [], note: '', entityIds: [], title: '<b>not markup</b>' }),
    ];
    const parsed = parseImportFile(exportSnippetsJson(list, 0));
    expect(parsed).toEqual({
      ok: true,
      kind: 'snippets',
      fromVersion: SNIPPET_SCHEMA_VERSION,
      snippets: list,
      own: { notes: [], sources: [], names: [] },
      settings: null,
    });
  });

  it('names its format, version and count', () => {
    const file = JSON.parse(exportSnippetsJson([snippet()], Date.UTC(2025, 0, 2)));
    expect(file).toMatchObject({
      format: SNIPPETS_FORMAT,
      version: SNIPPET_SCHEMA_VERSION,
      count: 1,
      exportedAt: '2025-01-02T00:00:00.000Z',
    });
  });

  it('upgrades a v1 export on import', () => {
    const text = JSON.stringify({ format: SNIPPETS_FORMAT, version: 1, count: 2, snippets: V1_RECORDS });
    const parsed = parseImportFile(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.fromVersion).toBe(1);
    expect(parsed.snippets.map((s) => [s.tags, s.selector.type, s.updatedAt])).toEqual([
      [[], 'TextQuoteSelector', V1_RECORDS[0]!.createdAt],
      [[], 'TextQuoteSelector', V1_RECORDS[1]!.createdAt],
    ]);
  });

  it('carries the settings in a backup', () => {
    const parsed = parseImportFile(exportBackupJson([snippet()], { settings: { paused: true } }));
    expect(parsed).toMatchObject({ ok: true, kind: 'backup', settings: { settings: { paused: true } } });
  });

  it('drops keys a hand-edited file added', () => {
    const file = JSON.parse(exportSnippetsJson([snippet()]));
    file.snippets[0].extra = 'x'.repeat(1000);
    const parsed = parseImportFile(JSON.stringify(file));
    if (!parsed.ok) throw new Error(`the import failed: ${JSON.stringify(parsed)}`);
    expect(parsed.snippets).toHaveLength(1);
    expect(parsed.snippets[0]).not.toHaveProperty('extra');
    expect(parsed.snippets[0]!.text).toBe(snippet().text);
  });

  const good = exportSnippetsJson([snippet(), snippet({ id: 'other' })]);
  const bad: [string, string, RegExp][] = [
    ['empty', '', /empty/],
    ['truncated', good.slice(0, good.length / 2), /truncated/],
    ['malformed', '{"format": "caspian-lens/snippets", "version": 2,, }', /not valid JSON/],
    ['foreign JSON', JSON.stringify({ bookmarks: [] }), /not a Caspian Lens export/],
    ['an array', '[1,2,3]', /not a Caspian Lens export/],
    ['newer version', good.replace(`"version": ${SNIPPET_SCHEMA_VERSION}`, '"version": 99'), /newer Caspian Lens/],
    ['no version', good.replace(`"version": ${SNIPPET_SCHEMA_VERSION},`, ''), /which version/],
    ['count mismatch', good.replace('"count": 2', '"count": 3'), /says it holds 3/],
    ['bad record', good.replace('"createdAt": 1710000000000', '"createdAt": "yesterday"'), /not valid.*createdAt/],
    ['duplicate ids', good.replace('"id": "other"', `"id": "${snippet().id}"`), /appears twice/],
    ['bad id', good.replace('"id": "other"', '"id": "../../etc"'), /id is missing or malformed/],
    ['no snippets', JSON.stringify({ format: SNIPPETS_FORMAT, version: 2 }), /no list of snippets/],
  ];
  it.each(bad)('refuses a %s file with a clear message', (_name, text, message) => {
    const parsed = parseImportFile(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(message);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const parsed = parseImportFile('{}', SNIPPET_LIMITS.importBytes + 1);
    expect(!parsed.ok && parsed.error).toMatch(/too large \(20\.0 MB\)/);
  });
});

describe('CSV export', () => {
  it('quotes per RFC 4180 and reads back to the same fields', () => {
    const s = snippet({ title: 'Comma, "quote"', text: 'Two\nlines' });
    const csv = exportSnippetsCsv([s], lookup);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const row = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[1]![i]]));
    expect(row).toMatchObject({
      id: s.id,
      title: 'Comma, "quote"',
      text: 'Two\nlines',
      note: s.note,
      site: 'example.com',
      tags: 'energy; gas',
      entity_ids: 'tanap; shah-deniz',
      entities: 'Trans-Anatolian Natural Gas Pipeline; Shah Deniz',
      created: new Date(s.createdAt).toISOString(),
    });
  });

  it.each(['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\t=x', '\r=x'])('neutralises formula-like cell %j', (value) => {
    expect(csvField(value).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
  });

  it('leaves ordinary text alone', () => {
    expect(csvField('Baku 2024')).toBe('Baku 2024');
    expect(csvField('a "b"')).toBe('"a ""b"""');
  });
});

describe('Markdown export', () => {
  it('quotes each snippet with its citation, entities, tags and note', () => {
    const md = exportSnippetsMarkdown([snippet()], lookup, Date.UTC(2025, 0, 1));
    expect(md).toContain('# Caspian Lens snippets');
    expect(md).toContain('1 snippet, exported 2025-01-01 00:00 UTC.');
    expect(md).toContain('> TANAP carries gas from Shah Deniz to Türkiye.');
    expect(md).toContain('[Southern Gas Corridor, explained](<https://www.example.com/tanap?ref=1>)');
    expect(md).toContain(
      '**Entities:** Trans\\-Anatolian Natural Gas Pipeline (pipeline), Shah Deniz (gas\\-field)'.replace(/\\-/g, '-'),
    );
    expect(md).toContain('**Tags:** energy, gas');
    expect(md).toContain('**Note:**');
  });

  it('keeps page text from becoming markup', () => {
    const md = exportSnippetsMarkdown([
      snippet({
        text: '# Heading\n![img](http://x/y.png) <script>alert(1)</script> [link](javascript:alert(1))',
        title: '**bold**',
      }),
    ]);
    expect(md).not.toMatch(/^# Heading/m);
    expect(md).toContain('\\!\\[img\\]');
    expect(md).toContain('\\<script\\>');
    expect(md).toContain('### \\*\\*bold\\*\\*');
  });

  it('does not link URLs that are not web addresses', () => {
    const md = exportSnippetsMarkdown([snippet({ url: 'javascript:alert(1)', title: 'x' })]);
    expect(md).not.toContain('](');
  });

  it('escapes line starts that would make lists or headings', () => {
    expect(escapeMarkdown('- item\n1. first\n> quote')).toBe('\\- item\n1\\. first\n\\> quote');
  });
});

describe('siteOf', () => {
  it('names a site by host without www, or by scheme', () => {
    expect(siteOf('https://www.bbc.co.uk/news')).toBe('bbc.co.uk');
    expect(siteOf('file:///home/a.html')).toBe('file');
    expect(siteOf('not a url')).toBe('unknown');
  });
});

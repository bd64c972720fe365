/** The settings model: every field validated on its own, site rules, patches, export and import. */
import { describe, expect, it } from 'vitest';
import {
  ALL_ENTITY_TYPES,
  DEFAULT_SETTINGS,
  MAX_DWELL_MS,
  MAX_LIST_LENGTH,
  MIN_DWELL_MS,
  activeOn,
  applySettingsPatch,
  defaultSettings,
  entityShown,
  isSiteEnabled,
  matchingSite,
  normalizeSettings,
  normalizeSite,
  settingsFromImport,
  settingsToExport,
  siteOf,
  withDisabledSite,
  withHiddenEntity,
  withSiteEnabled,
  type Settings,
} from '~/lib/settings/settings';

const defaults = (): Settings => defaultSettings();

describe('normalizeSettings', () => {
  it('fills every field from nothing', () => {
    for (const raw of [undefined, null, 0, 'settings', [], true, () => 1, Symbol('x')]) {
      expect(normalizeSettings(raw)).toEqual(DEFAULT_SETTINGS);
    }
    expect(DEFAULT_SETTINGS.entityTypes).toEqual(ALL_ENTITY_TYPES);
    expect(DEFAULT_SETTINGS).toMatchObject({
      mode: 'everywhere',
      markStyle: 'underline',
      dwellMs: 400,
      onDemand: 'off',
    });
  });

  it('keeps valid values', () => {
    const s: Settings = {
      version: 1,
      mode: 'allow-list',
      disabledSites: ['a.com'],
      allowedSites: ['b.org', 'news.c.net'],
      paused: true,
      hiddenEntities: ['ilham-aliyev'],
      entityTypes: ['person', 'pipeline'],
      markStyle: 'background',
      dwellMs: 750,
      onDemand: 'alt',
      mentions: 'first',
      theme: 'dark',
      highlightSnippets: false,
      corrections: [
        { entity: 'ilham-aliyev', text: 'алиев', site: 'sport.example' },
        { entity: 'bayraktar-tb2', text: 'bayraktar', site: '' },
      ],
      language: 'kk',
    };
    expect(normalizeSettings(s)).toEqual(s);
    expect(normalizeSettings(normalizeSettings(s))).toEqual(s);
  });

  it('replaces each bad field with its default and keeps the good ones', () => {
    const s = normalizeSettings({
      version: 99,
      mode: 'sometimes',
      disabledSites: 'a.com',
      allowedSites: [1, null, 'ok.com', { host: 'x' }, 'not a site!', 'OK.com'],
      paused: 'yes',
      hiddenEntities: ['good-id', '<script>', 'Bad Id', 5],
      entityTypes: ['person', 'alien', 'person', 'port'],
      markStyle: 'blink',
      dwellMs: Number.NaN,
      onDemand: 'shift',
      mentions: 1,
      theme: 'neon',
      language: 'klingon',
      highlightSnippets: 'no',
      extra: 'dropped',
    });
    expect(s).toEqual({
      ...defaults(),
      allowedSites: ['ok.com'],
      hiddenEntities: ['good-id'],
      entityTypes: ['person', 'port'],
    });
    expect('extra' in s).toBe(false);
  });

  it('clamps the dwell delay and rounds it', () => {
    expect(normalizeSettings({ dwellMs: 5 }).dwellMs).toBe(MIN_DWELL_MS);
    expect(normalizeSettings({ dwellMs: 1e9 }).dwellMs).toBe(MAX_DWELL_MS);
    expect(normalizeSettings({ dwellMs: Infinity }).dwellMs).toBe(400);
    expect(normalizeSettings({ dwellMs: 333.4 }).dwellMs).toBe(333);
    expect(normalizeSettings({ dwellMs: '500' }).dwellMs).toBe(400);
  });

  it("reads the first draft's shape (onDemand: false)", () => {
    expect(normalizeSettings({ onDemand: false, paused: true }).onDemand).toBe('off');
    expect(normalizeSettings({ onDemand: 'click' }).onDemand).toBe('click');
  });

  it('an empty entity-type list stays empty (the user chose no types), a missing one means all', () => {
    expect(normalizeSettings({ entityTypes: [] }).entityTypes).toEqual([]);
    expect(normalizeSettings({}).entityTypes).toEqual(ALL_ENTITY_TYPES);
  });

  it('bounds list lengths and item lengths', () => {
    const many = Array.from({ length: MAX_LIST_LENGTH + 100 }, (_, i) => `site${i}.com`);
    expect(normalizeSettings({ disabledSites: many }).disabledSites).toHaveLength(MAX_LIST_LENGTH);
    expect(normalizeSettings({ hiddenEntities: ['a'.repeat(10_000)] }).hiddenEntities).toEqual([]);
  });

  it('never throws on hostile objects', () => {
    const throwing = new Proxy(
      {},
      {
        get: () => {
          throw new Error('boom');
        },
        ownKeys: () => {
          throw new Error('boom');
        },
      },
    );
    expect(normalizeSettings(throwing)).toEqual(DEFAULT_SETTINGS);
    const getter = Object.defineProperty({}, 'paused', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    expect(normalizeSettings(getter)).toEqual(DEFAULT_SETTINGS);
    const cyclic: Record<string, unknown> = { paused: true };
    cyclic.self = cyclic;
    cyclic.disabledSites = [cyclic, 'x.com'];
    expect(normalizeSettings(cyclic)).toMatchObject({ paused: true, disabledSites: ['x.com'] });
    const sparse = new Array(3);
    sparse[2] = 'z.com';
    expect(normalizeSettings({ disabledSites: sparse }).disabledSites).toEqual(['z.com']);
    expect(normalizeSettings(JSON.parse('{"__proto__": {"paused": true}}')).paused).toBe(false);
  });
});

describe('sites', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  Example.COM ', 'example.com'],
    ['https://www.example.com/path?q=1#x', 'example.com'],
    ['http://user:pw@news.example.com:8080/', 'news.example.com'],
    ['*.example.com', 'example.com'],
    ['example.com.', 'example.com'],
    ['127.0.0.1:5173', '127.0.0.1'],
    ['localhost', 'localhost'],
    ['xn--80ak6aa92e.com', 'xn--80ak6aa92e.com'],
    ['пример.рф', 'пример.рф'],
  ])('normalizeSite(%j) = %j', (input, site) => {
    expect(normalizeSite(input)).toBe(site);
  });

  it.each(['', '   ', 'not a site', 'a..b', '[::1]', 'http://', '<script>', 'a/b'.slice(1)])('rejects %j', (input) => {
    expect(normalizeSite(input)).toBeNull();
  });

  it('a site covers its subdomains, not look-alikes', () => {
    expect(matchingSite(['example.com'], 'news.example.com')).toBe('example.com');
    expect(matchingSite(['example.com'], 'www.example.com')).toBe('example.com');
    expect(matchingSite(['example.com'], 'badexample.com')).toBeNull();
    expect(matchingSite(['news.example.com'], 'example.com')).toBeNull();
  });

  it('everywhere mode: on except disabled sites; paused beats everything', () => {
    const s = { ...defaults(), disabledSites: ['off.com'] };
    expect(isSiteEnabled(s, 'on.com')).toBe(true);
    expect(isSiteEnabled(s, 'a.off.com')).toBe(false);
    expect(isSiteEnabled(s, '')).toBe(true); // about:blank, data:, file:
    expect(isSiteEnabled({ ...s, paused: true }, 'on.com')).toBe(false);
  });

  it('allow-list mode: only listed sites; pages without a host are off', () => {
    const s: Settings = { ...defaults(), mode: 'allow-list', allowedSites: ['news.am'], disabledSites: ['news.am'] };
    expect(isSiteEnabled(s, 'news.am')).toBe(true);
    expect(isSiteEnabled(s, 'www.news.am')).toBe(true);
    expect(isSiteEnabled(s, 'other.am')).toBe(false);
    expect(isSiteEnabled(s, '')).toBe(false);
    expect(isSiteEnabled({ ...s, paused: true }, 'news.am')).toBe(false);
  });

  it('withSiteEnabled switches the site in whichever mode is active', () => {
    let s = withSiteEnabled(defaults(), 'https://www.a.com/x', false);
    expect(s.disabledSites).toEqual(['a.com']);
    expect(isSiteEnabled(s, 'a.com')).toBe(false);
    s = withSiteEnabled({ ...s, disabledSites: ['a.com', 'b.com'] }, 'news.a.com', true);
    expect(s.disabledSites).toEqual(['b.com']);
    let allow: Settings = { ...defaults(), mode: 'allow-list' };
    allow = withSiteEnabled(allow, 'c.com', true);
    expect(allow.allowedSites).toEqual(['c.com']);
    expect(withSiteEnabled(allow, 'x.c.com', true).allowedSites).toEqual(['c.com']);
    expect(withSiteEnabled(allow, 'c.com', false).allowedSites).toEqual([]);
    expect(withSiteEnabled(allow, 'not a host', false)).toBe(allow);
  });

  it('siteOf and activeOn read URLs', () => {
    expect(siteOf('https://www.Example.com/a')).toBe('example.com');
    expect(siteOf('file:///tmp/a.html')).toBeNull();
    expect(siteOf('nonsense')).toBeNull();
    const s = withDisabledSite(defaults(), 'example.com');
    expect(activeOn(s, 'https://example.com/')).toBe(false);
    expect(activeOn(s, 'data:text/html,hi')).toBe(true);
    expect(activeOn({ ...s, mode: 'allow-list' }, 'data:text/html,hi')).toBe(false);
  });
});

describe('changes', () => {
  it('patches are validated', () => {
    const s = applySettingsPatch(defaults(), { dwellMs: -5, markStyle: 'nope' as never, paused: true });
    expect(s).toMatchObject({ dwellMs: MIN_DWELL_MS, markStyle: 'underline', paused: true });
  });

  it('hiding an entity is idempotent and refuses bad ids', () => {
    const s = withHiddenEntity(defaults(), 'ilham-aliyev');
    expect(withHiddenEntity(s, 'ilham-aliyev')).toBe(s);
    expect(withHiddenEntity(s, '../x')).toBe(s);
    expect(s.hiddenEntities).toEqual(['ilham-aliyev']);
  });

  it('entityShown follows hidden entities and types', () => {
    const s: Settings = { ...defaults(), hiddenEntities: ['a'], entityTypes: ['person'] };
    expect(entityShown(s, 'a', 'person')).toBe(false);
    expect(entityShown(s, 'b', 'person')).toBe(true);
    expect(entityShown(s, 'b', 'pipeline')).toBe(false);
  });
});

describe('export and import', () => {
  const custom: Settings = { ...defaults(), paused: true, disabledSites: ['a.com'], theme: 'dark' };

  it('round-trips', () => {
    expect(settingsFromImport(settingsToExport(custom))).toEqual(custom);
    expect(settingsFromImport(JSON.parse(JSON.stringify(settingsToExport(custom))))).toEqual(custom);
  });

  it('reads an export file, a snippets backup and a bare settings object', () => {
    const file = { format: 'caspian-lens-settings', exportedAt: '2025-01-01', ...settingsToExport(custom) };
    expect(settingsFromImport(file)).toEqual(custom);
    const backup = { format: 'caspian-lens-backup', version: 1, snippets: [], settings: settingsToExport(custom) };
    expect(settingsFromImport(backup)).toEqual(custom);
    expect(settingsFromImport({ ...custom })).toEqual(custom);
    // The first draft's key (never released) is no longer read: such a file holds nothing settings-like.
    expect(settingsFromImport({ 'lens-settings': { paused: true } })).toBeNull();
  });

  it('refuses files with nothing settings-like instead of resetting', () => {
    for (const raw of [null, [], 'x', 1, {}, { snippets: [] }, { settings: 'x' }, { format: 'other', data: {} }]) {
      expect(settingsFromImport(raw)).toBeNull();
    }
  });

  it('validates what it imports', () => {
    expect(settingsFromImport({ settings: { paused: 'yes', theme: 'dark', dwellMs: 1e12 } })).toEqual({
      ...defaults(),
      theme: 'dark',
      dwellMs: MAX_DWELL_MS,
    });
  });
});

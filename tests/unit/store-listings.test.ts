import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const store = new URL('../../store/', import.meta.url);
const locales = ['en', 'tr', 'ru', 'az', 'kk', 'uz'];

/** The stores' screenshot sizes (store/README.md; `npm run store:screenshots` takes them). */
const SCREENSHOT_SIZES = { chrome: [1280, 800], firefox: [1280, 960] } as const;

/**
 * Splits a listing into its front matter (name, summary, screenshots: file → caption) and its long description.
 */
function readListing(locale: string): {
  name: string;
  summary: string;
  screenshots: Record<string, string>;
  body: string;
} {
  const text = readFileSync(new URL(`listings/${locale}.md`, store), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`store/listings/${locale}.md has no front matter`);
  const head = parse(match[1]!) as { name?: string; summary?: string; screenshots?: Record<string, string> };
  return {
    name: head.name ?? '',
    summary: head.summary ?? '',
    screenshots: head.screenshots ?? {},
    body: match[2]!.trim(),
  };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: URL): [number, number] {
  const png = readFileSync(file);
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('store listings', () => {
  it('exist for exactly the six interface languages', () => {
    const files = readdirSync(new URL('listings/', store)).map((f) => f.replace(/\.md$/, ''));
    expect(files.sort()).toEqual([...locales].sort());
  });

  it.each(locales)('%s keeps within both stores’ limits', (locale) => {
    const { name, summary, body } = readListing(locale);
    expect(name).toBe('Caspian Lens');
    expect(summary.length).toBeGreaterThan(40);
    expect(summary.length).toBeLessThanOrEqual(132);
    expect(body.length).toBeGreaterThan(400);
    expect(body.length).toBeLessThanOrEqual(16_000);
    // Neither store renders Markdown: no headings, emphasis or links that would show as punctuation.
    expect(body).not.toMatch(/^#|\*\*|\]\(/m);
    // Both keep line breaks as typed: each paragraph and each bullet is one line, never wrapped mid-sentence.
    const wrapped = body.split('\n').filter((line, i, lines) => line && lines[i + 1] && !lines[i + 1]!.startsWith('•'));
    expect(wrapped).toEqual([]);
  });

  it('every listing captions the same screenshots, and each is there at both stores’ sizes', () => {
    const files = readdirSync(new URL('screenshots/chrome/', store)).sort();
    expect(files.length).toBeGreaterThan(0);
    for (const [folder, size] of Object.entries(SCREENSHOT_SIZES)) {
      expect(readdirSync(new URL(`screenshots/${folder}/`, store)).sort(), folder).toEqual(files);
      for (const file of files) expect(pngSize(new URL(`screenshots/${folder}/${file}`, store)), file).toEqual(size);
    }
    for (const locale of locales) {
      const { screenshots } = readListing(locale);
      expect(Object.keys(screenshots).sort(), locale).toEqual(files);
      // A caption sits on a line under its picture: a sentence, not a paragraph.
      for (const caption of Object.values(screenshots)) expect(caption.length, caption).toBeLessThanOrEqual(120);
    }
  });

  it('has a privacy statement that names every permission the manifest asks for', () => {
    const config = readFileSync(new URL('../../wxt.config.ts', import.meta.url), 'utf8');
    const permissions = /permissions: \[([^\]]*)\]/
      .exec(config)![1]!
      .match(/'[^']+'/g)!
      .map((p) => p.slice(1, -1));
    expect(permissions.length).toBeGreaterThan(0);
    const privacy = readFileSync(new URL('privacy.md', store), 'utf8');
    for (const permission of permissions) expect(privacy).toContain(`\`${permission}\``);
    expect(config).toContain("data_collection_permissions: { required: ['none'] }");
    expect(privacy).toContain('required: ["none"]');
  });
});

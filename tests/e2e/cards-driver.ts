/**
 * Page objects for the hover-card tests that check geometry (zoom, right-to-left pages, iframes, touch, on-demand
 * modes): where a mark is, where the card's dialog is, and what the viewport of the mark's document is. Everything is
 * read from the real layout (getClientRects / getBoundingClientRect), in the coordinates of the document that holds
 * the mark, which is also the document whose content script shows the card (one card host per frame).
 */
import { expect } from 'vitest';
import { waitInPage, type LensBrowser, type LensPage } from '../../automation/lens-browser';
import type { HoverStep } from '../../page/hover-timing';

const OPEN_TIMEOUT_MS = 5_000;
interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface MarkGeometry {
  text: string;
  /** Every client rect of the mark (one per line), in its own document's viewport coordinates. */
  rects: Box[];
  /** The middle of its first rect, in the top page's viewport coordinates: where to point or tap. */
  x: number;
  y: number;
}

export interface CardGeometry {
  shown: boolean;
  loading: boolean;
  name: string;
  /** The dialog's border box, in the viewport coordinates of the document that holds the card host. */
  card: Box | null;
  /** That document's viewport: the box of a `position: fixed; inset: 0` element (scrollbars excluded). */
  viewport: Box;
  side: string | null;
}

/** Where to look: the top document, or the same-origin iframe matching a selector. */
export interface Where {
  frame?: string;
}

/**
 * The painted mark whose text is `text` (the `nth` such, in document order), read from the document's CSS highlights;
 * with `inside`, only marks within the element matching that selector.
 */
export function findMark(
  page: LensPage,
  text: string,
  options: Where & { inside?: string; nth?: number } = {},
): Promise<MarkGeometry> {
  return page
    .evaluate(
      ({ text, frame, inside, nth }) => {
        const iframe = frame ? document.querySelector<HTMLIFrameElement>(frame) : null;
        const doc = iframe ? iframe.contentDocument! : document;
        const win = doc.defaultView as Window & typeof globalThis;
        const offset = iframe ? iframe.getBoundingClientRect() : { left: 0, top: 0 };
        const border = iframe ? { x: iframe.clientLeft, y: iframe.clientTop } : { x: 0, y: 0 };
        const scope = inside ? doc.querySelector(inside) : null;
        const found: Range[] = [];
        const registry = (win.CSS as unknown as { highlights?: Map<string, Iterable<AbstractRange>> }).highlights;
        for (const [name, highlight] of registry ?? []) {
          if (!name.startsWith('lens-mention')) continue;
          for (const r of highlight) {
            const range = doc.createRange();
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
            if (range.toString().replace(/\s+/g, ' ') !== text) continue;
            if (scope && !scope.contains(range.startContainer)) continue;
            found.push(range);
          }
        }
        found.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
        const range = found[nth];
        if (!range) return `no mark "${text}"${inside ? ` in ${inside}` : ''} (${found.length} found)`;
        const rects = [...range.getClientRects()]
          .filter((r) => r.width > 0 && r.height > 0)
          .map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }));
        const first = rects[0]!;
        return {
          text,
          rects,
          x: offset.left + border.x + (first.left + first.right) / 2,
          y: offset.top + border.y + (first.top + first.bottom) / 2,
        };
      },
      { text, frame: options.frame ?? null, inside: options.inside ?? null, nth: options.nth ?? 0 },
    )
    .then((result) => {
      if (typeof result === 'string') throw new Error(result);
      return result;
    });
}

/** The card (in the given document) and that document's viewport. */
export function readCardGeometry(page: LensPage, where: Where = {}): Promise<CardGeometry> {
  return page.evaluate((frame) => {
    const doc = frame ? document.querySelector<HTMLIFrameElement>(frame)!.contentDocument! : document;
    const root = doc.querySelector('lens-card-host')?.shadowRoot ?? null;
    const frameEl = root?.querySelector<HTMLElement>('.lens-frame') ?? null;
    const card = root?.querySelector<HTMLElement>('.lens-card[role="dialog"]') ?? null;
    const shown = !!frameEl && !frameEl.hidden && !!card;
    const r = shown ? card!.getBoundingClientRect() : null;
    // A fixed element filling the viewport, made here so the fixture cannot get it wrong.
    const probe = doc.createElement('div');
    probe.style.cssText = 'position:fixed;inset:0;visibility:hidden;pointer-events:none';
    doc.documentElement.append(probe);
    const v = probe.getBoundingClientRect();
    probe.remove();
    return {
      shown,
      loading: !!root?.querySelector('.lens-loading'),
      name: root?.querySelector('.lens-name')?.textContent?.trim() ?? '',
      card: r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : null,
      viewport: { left: v.left, top: v.top, right: v.right, bottom: v.bottom },
      side: frameEl?.dataset.side ?? null,
    };
  }, where.frame ?? null);
}

/**
 * Waits until the card for `name` (any card, when null) is shown with its details (not the placeholder) in the given
 * document.
 */
export async function waitForCard(page: LensPage, name: string | null, where: Where = {}): Promise<CardGeometry> {
  await waitInPage(
    page,
    ({ frame, name }) => {
      const doc = frame ? document.querySelector<HTMLIFrameElement>(frame)?.contentDocument : document;
      const root = doc?.querySelector('lens-card-host')?.shadowRoot;
      const frameEl = root?.querySelector<HTMLElement>('.lens-frame');
      return (
        !!frameEl &&
        !frameEl.hidden &&
        !root!.querySelector('.lens-loading') &&
        (name === null || root!.querySelector('.lens-name')?.textContent?.trim() === name)
      );
    },
    `the card for ${name ?? 'a mark'}`,
    OPEN_TIMEOUT_MS,
    { frame: where.frame ?? null, name },
  ).catch(async (error: Error) => {
    // A card that never came says why: the hover machine's phase (test build) and what the host shows.
    throw new Error(`${error.message}; ${await describeCard(page, where).catch((e: Error) => e.message)}`);
  });
  return readCardGeometry(page, where);
}

/** The card's state in words, for a failed wait: the hover phase, whether it shows, loads, and whose name it has. */
async function describeCard(page: LensPage, where: Where): Promise<string> {
  const phase = await page.evaluate((frame) => {
    const doc = frame ? document.querySelector<HTMLIFrameElement>(frame)?.contentDocument : document;
    return doc?.querySelector<HTMLElement>('lens-card-host')?.dataset.phase ?? 'no card host';
  }, where.frame ?? null);
  const { shown, loading, name } = await readCardGeometry(page, where);
  return `hover phase ${phase}, card ${shown ? 'shown' : 'not shown'}${loading ? ' (loading)' : ''}, name "${name}"`;
}

export function waitForNoCard(page: LensPage, where: Where = {}): Promise<unknown> {
  return waitInPage(
    page,
    (frame) => {
      const doc = frame ? document.querySelector<HTMLIFrameElement>(frame)?.contentDocument : document;
      const frameEl = doc?.querySelector('lens-card-host')?.shadowRoot?.querySelector<HTMLElement>('.lens-frame');
      return !frameEl || frameEl.hidden;
    },
    'the card to close',
    OPEN_TIMEOUT_MS,
    where.frame ?? null,
  );
}

const intersects = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * The placement contract: the card is on screen, wholly inside its document's viewport, and covers no part of its
 * mark. Sub-pixel tolerance only, for layout rounding at fractional device pixel ratios.
 */
export function expectBesideMark(card: CardGeometry, mark: MarkGeometry): Box {
  expect(card.shown, 'card shown').toBe(true);
  const c = card.card!;
  const v = card.viewport;
  expect(c.right - c.left, 'card width').toBeGreaterThan(100);
  expect(c.bottom - c.top, 'card height').toBeGreaterThan(60);
  const inside = { left: c.left - v.left, top: c.top - v.top, right: v.right - c.right, bottom: v.bottom - c.bottom };
  for (const [edge, room] of Object.entries(inside))
    expect(room, `room between the card and the viewport's ${edge} edge`).toBeGreaterThanOrEqual(-0.5);
  for (const r of mark.rects)
    expect(intersects(c, r), `card ${JSON.stringify(c)} covers the mark's rect ${JSON.stringify(r)}`).toBe(false);
  return c;
}

/** The settings record as stored (one key, lib/settings/settings.ts), changed through an extension page's storage API. */
export async function changeSettings(lens: LensBrowser, patch: Record<string, unknown>): Promise<void> {
  const helper = await lens.openExtensionPage('options.html');
  try {
    await helper.evaluate(async (patch) => {
      type Api = {
        storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
      };
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      const api = g.browser ?? g.chrome;
      const current = ((await api.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
      await api.storage.local.set({ settings: { version: 1, ...current, ...patch } });
    }, patch);
  } finally {
    await helper.close();
  }
}

/** Scrolls the document that holds `where`'s marks by `dy` px, and waits a frame for the scroll to land. */
export function scrollBy(page: LensPage, dy: number, where: Where = {}): Promise<unknown> {
  return page.evaluate(
    ({ frame, dy }) => {
      const win = frame ? document.querySelector<HTMLIFrameElement>(frame)!.contentWindow! : window;
      win.scrollBy(0, dy);
      return new Promise((done) => win.requestAnimationFrame(() => win.requestAnimationFrame(done)));
    },
    { frame: where.frame ?? null, dy },
  );
}

/**
 * Sets the browser's own zoom (Ctrl+plus) for the web page used most recently, through the extension API
 * `tabs.setZoom` from an extension page (no permission needed). Both browsers keep zoom per site by default, so
 * pages of the same origin opened afterwards are zoomed too.
 */
export async function setBrowserZoom(lens: LensBrowser, factor: number): Promise<void> {
  const helper = await lens.openExtensionPage('popup.html');
  try {
    await helper.evaluate(async (factor) => {
      type Tab = { id: number; lastAccessed?: number };
      type Api = {
        tabs: {
          getCurrent(): Promise<Tab | undefined>;
          query(q: object): Promise<Tab[]>;
          setZoom(id: number, f: number): Promise<void>;
        };
      };
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      const api = g.browser ?? g.chrome;
      const me = await api.tabs.getCurrent();
      const [target] = (await api.tabs.query({}))
        .filter((t) => t.id !== me?.id)
        .sort((a, b) => (b.lastAccessed ?? b.id) - (a.lastAccessed ?? a.id));
      if (!target) throw new Error('no web page to zoom');
      await api.tabs.setZoom(target.id, factor);
    }, factor);
  } finally {
    await helper.close();
  }
}

/** One step of the hover state machine, as the test build announces it: the page's own type, not a copy. */
export type { HoverStep };

/**
 * Starts keeping the hover state machine's steps in the page (in `where`'s document). Call it before the pointer
 * first approaches a mark: the card's stage announces from its first step.
 */
export function recordHoverSteps(page: LensPage, where: Where = {}): Promise<unknown> {
  return page.evaluate((frame) => {
    const doc = frame ? document.querySelector<HTMLIFrameElement>(frame)!.contentDocument! : document;
    const w = doc.defaultView as unknown as { __lensHoverSteps?: string[] };
    if (w.__lensHoverSteps) return;
    const steps: string[] = [];
    w.__lensHoverSteps = steps;
    doc.addEventListener('lens-hover-step', (e) => steps.push(String((e as CustomEvent<unknown>).detail)));
  }, where.frame ?? null);
}

export async function hoverSteps(page: LensPage, where: Where = {}): Promise<HoverStep[]> {
  const raw = await page.evaluate((frame) => {
    const doc = frame ? document.querySelector<HTMLIFrameElement>(frame)!.contentDocument! : document;
    return (doc.defaultView as unknown as { __lensHoverSteps?: string[] }).__lensHoverSteps ?? null;
  }, where.frame ?? null);
  if (!raw) throw new Error('hover steps are not being recorded: call recordHoverSteps first');
  return raw.map((s) => JSON.parse(s) as HoverStep);
}

/** Timers and fetches the machine started whose expiry or answer has not come back yet. */
function pendingTimers(steps: readonly HoverStep[]): string[] {
  const started = new Set<string>();
  const answer: Record<string, string> = { 'dwell-elapsed': 'dwell', 'grace-elapsed': 'grace', details: 'fetch' };
  for (const step of steps) {
    const kind = answer[step.event];
    if (kind) started.delete(`${kind}:${step.token}`);
    for (const effect of step.effects)
      if (effect.type === 'dwell' || effect.type === 'grace' || effect.type === 'fetch')
        started.add(`${effect.type}:${effect.token}`);
  }
  return [...started];
}

/**
 * Time driven by the machine's own clock, not a sleep: waits until the machine has taken a step matching `reached`
 * (after the first `since` steps) and then until every dwell, grace period and fetch it started has come back (fired
 * or answered, stale or not). Whatever a negative check reads afterwards, no timer of the machine can still change.
 * Returns every step so far.
 */
export async function hoverSettled(
  page: LensPage,
  reached: (step: HoverStep) => boolean,
  {
    since = 0,
    where = {},
    what = 'the hover machine to settle',
  }: { since?: number; where?: Where; what?: string } = {},
): Promise<HoverStep[]> {
  const started = Date.now();
  for (;;) {
    const steps = await hoverSteps(page, where);
    if (steps.slice(since).some(reached) && pendingTimers(steps).length === 0) return steps;
    if (Date.now() - started > SETTLE_TIMEOUT_MS)
      throw new Error(
        `timed out waiting for ${what}: pending ${pendingTimers(steps).join(', ') || 'none'}, steps ${JSON.stringify(steps.slice(since))}`,
      );
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** Longer than the longest dwell a setting allows (3 s) plus a slow fetch. */
const SETTLE_TIMEOUT_MS = 10_000;

/** The pointer came to rest on a mark (as the machine saw it). */
export const pointerOnMark = (step: HoverStep) => step.event === 'pointer' && step.at === 'mark';
export const pointerOff = (step: HoverStep) => step.event === 'pointer' && step.at === null;

/** Waits until the machine has taken a step matching `reached` (after the first `since`); returns every step. */
export async function waitForStep(
  page: LensPage,
  reached: (step: HoverStep) => boolean,
  what: string,
  since = 0,
): Promise<HoverStep[]> {
  const started = Date.now();
  for (;;) {
    const steps = await hoverSteps(page);
    if (steps.slice(since).some(reached)) return steps;
    if (Date.now() - started > SETTLE_TIMEOUT_MS) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** A step that started a dwell on a mark. */
export const dwellStarted = (step: HoverStep) => step.effects.some((e) => e.type === 'dwell');

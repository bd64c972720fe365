/**
 * Page object for a web page with the hover card: its marks (the page's CSS highlights) and the card (read through
 * the card host's shadow root, open in the test build). Selectors live here and in cards-driver.ts (the geometry
 * shared by the placement, input and frame tests), so the tests read as what a reader does and sees.
 * `where` picks a same-origin iframe whose own content script shows the card inside it.
 */
import { waitInPage, type LensBrowser, type LensPage } from '../../../automation/lens-browser';
import {
  findMark,
  hoverSettled,
  hoverSteps,
  readCardGeometry,
  recordHoverSteps,
  scrollBy,
  waitForCard,
  waitForNoCard,
  waitForStep,
  type CardGeometry,
  type HoverStep,
  type MarkGeometry,
  type Where,
} from '../cards-driver';

/** A painted mark with its first client rect, in the top page's viewport coordinates. */
interface MarkBox {
  text: string;
  x: number;
  y: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Ranges painted in each mark style's highlight, -1 for a style not registered (see CardPage.markStyles). */
export interface MarkStyles {
  underline: number;
  background: number;
}

/** A toast on the page: its text and the middle of each of its buttons (labelled by aria-label, else text). */
export interface ToastAt {
  text: string;
  buttons: { label: string; x: number; y: number }[];
}

/** What the card shows, as a reader and a screen reader meet it. */
interface CardState {
  phase: string | null;
  shown: boolean;
  role: string | null;
  /** The text of the element aria-labelledby points at. */
  label: string | null;
  ariaHidden: boolean;
  name: string;
  type: string;
  why: string;
  quotes: number;
  attributions: string[];
  views: string[];
  timeline: string;
  chips: string[];
  buttons: string[];
  background: string;
  rect: { left: number; top: number; right: number; bottom: number } | null;
  focusInCard: string | null;
  styles: string | null;
}

/** What the card's first screen shows (see firstScreen). */
export interface FirstScreen {
  /** Sections whose start lies within the first screen (a quote counts when its citation and two lines show). */
  visible: string[];
  cardHeight: number;
  citation: string;
  /** The most lines any of the card's one-line citations takes. */
  citationLines: number;
  why: string;
  timeline: string;
}

export class CardPage {
  constructor(
    readonly page: LensPage,
    readonly where: Where = {},
  ) {}

  /**
   * Opens a page with its marks painted and loaded; with `recordSteps`, the hover machine's steps are kept from the
   * start (cards-driver.ts hoverSteps).
   */
  static async open(lens: LensBrowser, url: string, { recordSteps = true } = {}): Promise<CardPage> {
    const page = await lens.openPage(url);
    await lens.scanReport(page);
    await waitInPage(page, () => (document.readyState === 'complete' ? true : null), 'the page to load');
    if (recordSteps) await recordHoverSteps(page);
    return new CardPage(page);
  }

  /** The same page, looking at the card inside a same-origin iframe. */
  inFrame(frame: string): CardPage {
    return new CardPage(this.page, { frame });
  }

  close(): Promise<void> {
    return this.page.close();
  }

  hover(x: number, y: number): Promise<void> {
    return this.page.hover(x, y);
  }

  press(keys: string): Promise<void> {
    return this.page.press(keys);
  }

  click(x: number, y: number): Promise<void> {
    return this.page.click(x, y);
  }

  /** A finger tap, through the browser's touch input. */
  tap(x: number, y: number): Promise<void> {
    return this.page.tap(x, y);
  }

  keyDown(key: string): Promise<void> {
    return this.page.keyDown(key);
  }

  keyUp(key: string): Promise<void> {
    return this.page.keyUp(key);
  }

  /** Scrolls the document that holds the marks (`where`'s) by `dy` px, and waits for the scroll to land. */
  scrollBy(dy: number): Promise<unknown> {
    return scrollBy(this.page, dy, this.where);
  }

  /** The hover machine's steps so far (recorded from the page's open: see `open`). */
  hoverSteps(): Promise<HoverStep[]> {
    return hoverSteps(this.page, this.where);
  }

  /**
   * Waits until the machine has taken a step matching `reached` (after the first `since`) and every timer and fetch
   * it started has come back: time driven by the machine's own clock, not a sleep. Returns every step so far.
   */
  hoverSettled(reached: (step: HoverStep) => boolean, since = 0): Promise<HoverStep[]> {
    return hoverSettled(this.page, reached, { since, where: this.where });
  }

  /** Waits until the machine has taken a step matching `reached` (after the first `since`); returns every step. */
  waitForStep(reached: (step: HoverStep) => boolean, what: string, since = 0): Promise<HoverStep[]> {
    return waitForStep(this.page, reached, what, since);
  }

  /** A point with no text under it: the page's left margin, near its bottom. */
  async blankPoint(): Promise<{ x: number; y: number }> {
    return { x: 8, y: (await this.page.evaluate(() => innerHeight)) - 20 };
  }

  /** Every painted mark of the top document with its first client rect, in reading order (top to bottom). */
  marks(): Promise<MarkBox[]> {
    return this.page.evaluate(() => {
      const out: MarkBox[] = [];
      const registry = (CSS as unknown as { highlights?: Map<string, Iterable<AbstractRange>> }).highlights;
      for (const [name, highlight] of registry ?? []) {
        // Marks only (lens-mention, lens-mention-bg), not saved snippets or the reveal flash.
        if (!name.startsWith('lens-mention')) continue;
        for (const r of highlight) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          const b = range.getClientRects()[0];
          if (!b) continue;
          out.push({
            text: range.toString().replace(/\s+/g, ' '),
            x: b.left + b.width / 2,
            y: b.top + b.height / 2,
            left: b.left,
            top: b.top,
            right: b.right,
            bottom: b.bottom,
          });
        }
      }
      return out.sort((a, b) => a.top - b.top || a.left - b.left);
    });
  }

  /** The first mark reading `text`, in reading order. */
  async mark(text: string): Promise<MarkBox> {
    const marks = await this.marks();
    const mark = marks.find((m) => m.text === text);
    if (!mark) throw new Error(`no mark "${text}" among: ${marks.map((m) => m.text).join(', ')}`);
    return mark;
  }

  /**
   * The text of every painted mark of the top document, in no particular order, read from the highlights alone (no
   * layout: a mark counts even where it has no box).
   */
  markTexts(): Promise<string[]> {
    return this.page.evaluate(() => {
      const out: string[] = [];
      for (const [name, h] of (CSS as unknown as { highlights: Map<string, Iterable<AbstractRange>> }).highlights)
        if (name.startsWith('lens-mention'))
          for (const r of h) out.push(r.startContainer.textContent!.slice(r.startOffset, r.endOffset));
      return out;
    });
  }

  /** How many ranges each mark style paints: underline and background; -1 for a style whose highlight is not there. */
  markStyles(): Promise<MarkStyles> {
    return this.page.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights;
      return {
        underline: registry.get('lens-mention')?.size ?? -1,
        background: registry.get('lens-mention-bg')?.size ?? -1,
      };
    });
  }

  /** Waits until exactly `count` marks of the top document read `text`. */
  waitForMarkCount(text: string, count: number, what: string): Promise<unknown> {
    return waitInPage(
      this.page,
      ({ text, count }) => {
        let n = 0;
        for (const [name, h] of (CSS as unknown as { highlights: Map<string, Iterable<AbstractRange>> }).highlights)
          if (name.startsWith('lens-mention'))
            for (const r of h) if (r.startContainer.textContent!.slice(r.startOffset, r.endOffset) === text) n++;
        return n === count || null;
      },
      what,
      10_000,
      { text, count },
    );
  }

  /** How many marks read `text` (0 once it is unmarked). */
  async markCount(text: string): Promise<number> {
    return (await this.marks()).filter((m) => m.text === text).length;
  }

  /** A mark with all its rects, in `where`'s document (see cards-driver.ts findMark). */
  markGeometry(text: string, options: { inside?: string; nth?: number } = {}): Promise<MarkGeometry> {
    return findMark(this.page, text, { ...this.where, ...options });
  }

  /** Waits for the card (for `name`, or any) with its details; returns its geometry. */
  waitForCard(name: string | null = null): Promise<CardGeometry> {
    return waitForCard(this.page, name, this.where);
  }

  waitForNoCard(): Promise<unknown> {
    return waitForNoCard(this.page, this.where);
  }

  geometry(): Promise<CardGeometry> {
    return readCardGeometry(this.page, this.where);
  }

  /**
   * Rests the pointer on a mark until its card (for `name`) shows; with `fromBelow`, coming from that many px below
   * it, so the browser sees a move onto the mark.
   */
  async hoverUntilCard(
    mark: { x: number; y: number },
    name: string | null = null,
    { fromBelow = 0 } = {},
  ): Promise<CardGeometry> {
    if (fromBelow) await this.page.hover(mark.x, mark.y + fromBelow);
    await this.page.hover(mark.x, mark.y);
    return this.waitForCard(name);
  }

  /** Closes the card with Esc and waits until it has gone, so the next mark starts from nothing. */
  async closeWithEscape(): Promise<void> {
    await this.page.press('Escape');
    await this.waitForNoCard();
  }

  /** The visible one-line mark of the top document whose right edge is furthest right. */
  async rightmostMark(): Promise<MarkGeometry> {
    const text = await this.page.evaluate(() => {
      let best: { text: string; right: number } | null = null;
      const registry = (CSS as unknown as { highlights: Map<string, Iterable<AbstractRange>> }).highlights;
      for (const [name, highlight] of registry) {
        if (!name.startsWith('lens-mention')) continue;
        for (const r of highlight) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          const rects = [...range.getClientRects()];
          // One line only, on screen.
          if (rects.length !== 1 || rects[0]!.top < 0 || rects[0]!.bottom > innerHeight) continue;
          if (!best || rects[0]!.right > best.right)
            best = { text: range.toString().replace(/\s+/g, ' '), right: rects[0]!.right };
        }
      }
      return best?.text ?? null;
    });
    if (!text) throw new Error('no mark on screen');
    return this.markGeometry(text);
  }

  /** Everything the card shows (top document). */
  read(): Promise<CardState> {
    return this.page.evaluate(() => {
      const host = document.querySelector('lens-card-host');
      const root = host?.shadowRoot ?? null;
      const frame = root?.querySelector<HTMLElement>('.lens-frame') ?? null;
      const card = root?.querySelector<HTMLElement>('.lens-card') ?? null;
      const text = (sel: string) => root?.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      const all = (sel: string) =>
        [...(root?.querySelectorAll(sel) ?? [])].map((e) => e.textContent?.replace(/\s+/g, ' ').trim() ?? '');
      const labelId = card?.getAttribute('aria-labelledby');
      const r = frame && !frame.hidden ? card?.getBoundingClientRect() : null;
      const focused = root?.activeElement as HTMLElement | null | undefined;
      return {
        phase: host?.getAttribute('data-phase') ?? null,
        shown: !!frame && !frame.hidden && !!card,
        role: card?.getAttribute('role') ?? null,
        label: labelId ? (root?.getElementById(labelId)?.textContent?.trim() ?? null) : null,
        ariaHidden: !!host?.closest('[aria-hidden="true"]') || !!card?.closest('[aria-hidden="true"]'),
        name: text('.lens-name'),
        type: text('.lens-type'),
        why: text('.lens-why'),
        quotes: root?.querySelectorAll('.lens-quote blockquote').length ?? 0,
        attributions: all('.lens-quote .lens-attribution'),
        views: all('.lens-view-label'),
        timeline: text('.lens-events'),
        chips: all('.lens-chip'),
        buttons: all('button'),
        background: card ? getComputedStyle(card).backgroundColor : '',
        rect: r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : null,
        focusInCard: focused ? (focused.getAttribute('aria-label') ?? focused.className ?? focused.tagName) : null,
        styles: host?.getAttribute('data-styles') ?? null,
      };
    });
  }

  /**
   * Presses a button inside the card by its text, with the mouse: the card refuses synthetic clicks (issue 22).
   * False when the card has no such button.
   */
  async pressButton(label: string): Promise<boolean> {
    const at = await this.page.evaluate((label) => {
      const root = document.querySelector('lens-card-host')?.shadowRoot;
      const button = [...(root?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === label);
      if (!button) return null;
      // Scrolled into the card's own view (it scrolls inside itself), never by moving the page under the card. The
      // action row is sticky at the card's foot: a button of the body under it is covered, so it is scrolled too.
      const card = button.closest<HTMLElement>('.lens-card');
      const box = card?.getBoundingClientRect();
      const r0 = button.getBoundingClientRect();
      const actions = button.closest('.lens-actions') ? null : root!.querySelector('.lens-actions');
      const coveredFrom = actions?.getBoundingClientRect().top ?? Infinity;
      if (card && box && (r0.bottom > Math.min(box.bottom, coveredFrom) || r0.top < box.top))
        card.scrollTop += r0.top - box.top - (box.height - r0.height) / 2;
      const r = button.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }, label);
    if (at) await this.page.click(at.x, at.y);
    return !!at;
  }

  /** How many lines the card's action buttons take: their vertical middles, grouped when within 6 px. */
  actionRows(): Promise<number> {
    return this.page.evaluate(() => {
      const buttons =
        document.querySelector('lens-card-host')?.shadowRoot?.querySelectorAll('.lens-actions button') ?? [];
      const middles = [...buttons].map((b) => b.getBoundingClientRect()).map((r) => (r.top + r.bottom) / 2);
      middles.sort((a, b) => a - b);
      return middles.filter((m, i) => i === 0 || m - middles[i - 1]! > 6).length;
    });
  }

  /** "More ▾" opened: whether its toggle says so, and the buttons of the row it controls. */
  async moreRow(): Promise<{ expanded: string | null; row: (string | null)[] }> {
    await this.waitForPart('.lens-more-row', 'More');
    return this.page.evaluate(() => {
      const root = document.querySelector('lens-card-host')!.shadowRoot!;
      const toggle = root.querySelector('.lens-more')!;
      const row = root.getElementById(toggle.getAttribute('aria-controls') ?? '');
      return {
        expanded: toggle.getAttribute('aria-expanded'),
        row: [...(row?.querySelectorAll('button') ?? [])].map((b) => b.textContent),
      };
    });
  }

  /** Waits for the "Back" button a related card shows. */
  waitForBack(): Promise<unknown> {
    return this.waitForPart('.lens-back', 'Back');
  }

  /** The card's status line (after a save), once it says something. */
  status(): Promise<string> {
    return waitInPage(
      this.page,
      () => document.querySelector('lens-card-host')?.shadowRoot?.querySelector('.lens-status')?.textContent ?? '',
      'the card status',
    );
  }

  /** The line under "Save snippet" that says what a save keeps ('' when the card shows none). */
  saveWhat(): Promise<string> {
    return this.page.evaluate(
      () =>
        document
          .querySelector('lens-card-host')
          ?.shadowRoot?.querySelector('.lens-save-what')
          ?.textContent?.replace(/\s+/g, ' ')
          .trim() ?? '',
    );
  }

  /** Waits until the card's status line contains `words`; returns the whole line. */
  statusSays(words: string): Promise<string> {
    return waitInPage(
      this.page,
      (words) => {
        const text = document.querySelector('lens-card-host')?.shadowRoot?.querySelector('.lens-status')?.textContent;
        return text?.includes(words) ? text.replace(/\s+/g, ' ').trim() : null;
      },
      `the card status to say "${words}"`,
      10_000,
      words,
    );
  }

  /** The card's own computed styles that page CSS could break: corner radius, width, and its frame's position. */
  style(): Promise<{ radius: string; width: string; position: string }> {
    return this.page.evaluate(() => {
      const card = document.querySelector('lens-card-host')!.shadowRoot!.querySelector('.lens-card')!;
      const s = getComputedStyle(card);
      return {
        radius: s.borderTopLeftRadius,
        width: s.width,
        position: getComputedStyle(card.parentElement!).position,
      };
    });
  }

  /** Waits until no mark of the top document reads `text`. */
  waitForUnmarked(text: string): Promise<unknown> {
    return this.waitForMarkState(text, false);
  }

  /** Waits until a mark of the top document reads `text` (after the page added it, say). */
  waitForMarked(text: string): Promise<unknown> {
    return this.waitForMarkState(text, true);
  }

  private waitForMarkState(text: string, marked: boolean): Promise<unknown> {
    return waitInPage(
      this.page,
      ({ text, marked }) => {
        let found = false;
        for (const [name, h] of (CSS as unknown as { highlights: Map<string, Iterable<AbstractRange>> }).highlights)
          if (name.startsWith('lens-mention'))
            for (const r of h)
              if (r.startContainer.textContent?.slice(r.startOffset, r.endOffset) === text) found = true;
        return found === marked;
      },
      `${text} to be ${marked ? 'marked' : 'unmarked'}`,
      10_000,
      { text, marked },
    );
  }

  /** Waits until the top document has no mark at all. */
  waitForNoMarks(): Promise<unknown> {
    return waitInPage(
      this.page,
      () => {
        let n = 0;
        for (const [name, h] of (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights)
          if (name.startsWith('lens-mention')) n += h.size;
        return n === 0;
      },
      'every mark to go',
    );
  }

  /**
   * Scrolls the first mark reading `text` near the top (so its card opens below it at full size) and rests the
   * pointer on it until the card for `name` shows; a card open before is closed first, so it cannot cover the mark.
   */
  async openByText(text: string, name: string): Promise<void> {
    await this.page.press('Escape');
    await this.waitForNoCard();
    const point = await this.page.evaluate((want) => {
      const registry = (CSS as unknown as { highlights: Map<string, Iterable<AbstractRange>> }).highlights;
      for (const [key, highlight] of registry)
        if (key.startsWith('lens-mention'))
          for (const r of highlight) {
            const range = document.createRange();
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
            if (range.toString().replace(/\s+/g, ' ') !== want) continue;
            const top = range.getBoundingClientRect().top + scrollY;
            scrollTo(0, top - 80);
            const b = range.getClientRects()[0]!;
            return { x: b.left + Math.min(b.width / 2, 10), y: b.top + b.height / 2 };
          }
      return null;
    }, text);
    if (!point) throw new Error(`no mark "${text}"`);
    await this.page.hover(4, 4);
    await this.waitForPointerOff();
    await this.page.hover(point.x, point.y);
    await this.waitForCard(name);
  }

  /**
   * Waits until the hover machine has seen the pointer off the mark a card was just closed on (test build: the host's
   * `data-phase` leaves "closed"). It hit-tests once a frame, so a move off and back within one frame is no leave, and
   * that mark would open nothing: the Esc-then-reopen of the same card timed out in CI that way.
   */
  waitForPointerOff(): Promise<unknown> {
    return waitInPage(
      this.page,
      () => document.querySelector<HTMLElement>('lens-card-host')?.dataset.phase !== 'closed',
      'the hover machine to see the pointer leave the mark',
      5_000,
    );
  }

  /** Which sections start within the card's first `limit` px (scrolled to its top), and a few of their texts. */
  firstScreen(limit: number): Promise<FirstScreen> {
    return this.page.evaluate((limit) => {
      const root = document.querySelector('lens-card-host')!.shadowRoot!;
      const card = root.querySelector<HTMLElement>('.lens-card')!;
      card.scrollTop = 0;
      const top = card.getBoundingClientRect().top;
      const bottom = Math.min(top + limit, card.getBoundingClientRect().bottom);
      // The sticky actions row covers the card's bottom edge: what sits under it is not visible.
      const actions = root.querySelector('.lens-actions')?.getBoundingClientRect();
      const seenTo = actions && actions.top < bottom ? actions.top : bottom;
      const within = (el: Element | null, depth = Infinity) => {
        if (!el) return false;
        const r = el.getBoundingClientRect();
        return r.top >= top - 1 && Math.min(r.bottom, r.top + depth) <= seenTo + 1 && r.height > 0;
      };
      const lineHeight = (el: Element) => parseFloat(getComputedStyle(el).lineHeight) || 20;
      const quote = root.querySelector('.lens-facts .lens-quote blockquote');
      const sections: [string, boolean][] = [
        ['title', within(root.querySelector('.lens-name'))],
        ['summary', within(root.querySelector('.lens-summary'))],
        [
          'framing',
          within(root.querySelector('.lens-framing h3')) && within(root.querySelector('.lens-framing .lens-view')),
        ],
        [
          'quote',
          within(root.querySelector('.lens-facts .lens-cite')) && !!quote && within(quote, 2 * lineHeight(quote)),
        ],
        ['timeline', within(root.querySelector('.lens-events li'))],
        ['related', within(root.querySelector('.lens-chips'))],
      ];
      const text = (sel: string) => root.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      return {
        visible: sections.filter(([, v]) => v).map(([k]) => k),
        cardHeight: Math.round(card.getBoundingClientRect().height),
        citation: text('.lens-facts .lens-cite > summary'),
        citationLines: Math.max(
          0,
          ...[...root.querySelectorAll('.lens-cite > summary')].map((c) =>
            Math.round(c.getBoundingClientRect().height / lineHeight(c)),
          ),
        ),
        why: text('.lens-why'),
        timeline:
          [...root.querySelectorAll('.lens-section h3')]
            .map((h) => h.textContent)
            .find((t) => /^Timeline/.test(t ?? '')) ?? '',
      };
    }, limit);
  }

  /** Every text in the card (disclosures opened) whose contrast with what is behind it is below WCAG AA. */
  contrastFailures(): Promise<string[]> {
    return this.page.evaluate(() => {
      const root = document.querySelector('lens-card-host')!.shadowRoot!;
      const card = root.querySelector<HTMLElement>('.lens-card')!;
      for (const d of card.querySelectorAll('details')) d.open = true;
      const rgba = (c: string) => {
        const [r = 0, g = 0, b = 0, a = 1] = (c.match(/[\d.]+/g) ?? []).map(Number);
        return { r, g, b, a: c.startsWith('rgba') ? a : 1 };
      };
      const lum = ({ r, g, b }: { r: number; g: number; b: number }) => {
        const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const background = (el: Element | null) => {
        for (let e = el; e; e = e.parentElement) {
          const c = rgba(getComputedStyle(e).backgroundColor);
          if (c.a > 0.5) return c;
        }
        return rgba(getComputedStyle(card).backgroundColor);
      };
      const failures: string[] = [];
      const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || !n.nodeValue?.trim() || !el.getClientRects().length) continue;
        const s = getComputedStyle(el);
        const fg = rgba(s.color);
        const bg = background(el);
        const opacity = parseFloat(s.opacity);
        const mix = (f: number, b: number) => f * fg.a * opacity + b * (1 - fg.a * opacity);
        const seen = { r: mix(fg.r, bg.r), g: mix(fg.g, bg.g), b: mix(fg.b, bg.b) };
        const [hi, lo] = [lum(seen), lum(bg)].sort((a, b) => b - a) as [number, number];
        const ratio = (hi + 0.05) / (lo + 0.05);
        const size = parseFloat(s.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
        if (ratio < (large ? 3 : 4.5))
          failures.push(
            `${ratio.toFixed(2)}:1 ${s.color} on ${JSON.stringify(bg)} "${n.nodeValue.trim().slice(0, 40)}"`,
          );
      }
      for (const d of card.querySelectorAll('details')) d.open = false;
      return failures;
    });
  }

  /**
   * Elements of the card's first `limit` px whose text is cut off without saying so (a framing row ending in "…"
   * that opens in full says so).
   */
  clippedText(limit: number): Promise<string[]> {
    return this.page.evaluate((limit) => {
      const root = document.querySelector('lens-card-host')!.shadowRoot!;
      const card = root.querySelector<HTMLElement>('.lens-card')!;
      const bottom = card.getBoundingClientRect().top + limit;
      const found: string[] = [];
      for (const el of card.querySelectorAll<HTMLElement>('*')) {
        if (!el.firstChild || el.getBoundingClientRect().top > bottom || !el.getClientRects().length) continue;
        const s = getComputedStyle(el);
        const clips = s.overflowX !== 'visible' || s.textOverflow === 'ellipsis';
        if (!clips || el.scrollWidth <= el.clientWidth + 1 || el === card) continue;
        // A framing row ends in "…" and is a disclosure: the whole row is one click away.
        const announced = s.textOverflow === 'ellipsis' && !!el.closest('details, .lens-framing');
        if (!announced) found.push(`${el.className}: ${el.textContent?.slice(0, 50)}`);
      }
      return found;
    }, limit);
  }

  /** Scrolls the card to its end: whether it scrolled, and whether the title is still in view at its top. */
  scrollToEnd(): Promise<{ scrolled: boolean; inView: boolean }> {
    return this.page.evaluate(() => {
      const root = document.querySelector('lens-card-host')!.shadowRoot!;
      const card = root.querySelector<HTMLElement>('.lens-card')!;
      card.scrollTop = card.scrollHeight;
      const scrolled = card.scrollTop > 100;
      const c = card.getBoundingClientRect();
      const t = root.querySelector('.lens-name')!.getBoundingClientRect();
      return { scrolled, inView: t.top >= c.top - 1 && t.bottom <= c.top + 90 };
    });
  }

  /** The card's whole text once it has its details and contains `text` (waits for the card to show it). */
  waitForText(text: string, what: string): Promise<string> {
    return waitInPage(
      this.page,
      (want) => {
        const t =
          document.querySelector('lens-card-host')?.shadowRoot?.querySelector('.lens-card:not(.lens-loading)')
            ?.textContent ?? '';
        return t.includes(want) ? t : null;
      },
      what,
      10_000,
      text,
    );
  }

  /** The trimmed texts of the card's buttons, as the page's own script can read them in the test build's open root. */
  buttonLabels(): Promise<string[]> {
    return this.page.evaluate(() => [
      ...[...(document.querySelector('lens-card-host')?.shadowRoot?.querySelectorAll('button') ?? [])].map(
        (b) => b.textContent?.trim() ?? '',
      ),
    ]);
  }

  /**
   * The page's own script clicks the card's button labelled `label` (no real input: what a hostile page can do with
   * the test build's open root). False when there is no such button.
   */
  pressButtonByScript(label: string): Promise<boolean> {
    return this.page.evaluate((label) => {
      const root = document.querySelector('lens-card-host')?.shadowRoot;
      const button = [...(root?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === label);
      button?.click();
      return !!button;
    }, label);
  }

  /** Waits until the top document has at least `atLeast` marks; returns how many. */
  waitForMarks(atLeast = 1): Promise<number> {
    return waitInPage(
      this.page,
      (min) => {
        let n = 0;
        const registry = (CSS as unknown as { highlights?: Map<string, { size: number }> }).highlights;
        for (const [name, h] of registry ?? []) if (name.startsWith('lens-mention')) n += h.size;
        return n >= min ? n : null;
      },
      `at least ${atLeast} marks`,
      20_000,
      atLeast,
    );
  }

  /** Waits until marks are painted in the text of the element with id `id`; returns how many. */
  waitForMarksIn(id: string, what: string): Promise<number> {
    return waitInPage(
      this.page,
      (id) => {
        const registry = (CSS as unknown as { highlights?: Map<string, Iterable<AbstractRange>> }).highlights;
        let n = 0;
        for (const [k, h] of registry ?? [])
          if (k.startsWith('lens-mention'))
            for (const r of h) if ((r.startContainer.parentElement as Element | null)?.id === id) n++;
        return n || null;
      },
      what,
      15_000,
      id,
    );
  }

  /** How many marks and painted saved passages `where`'s document shows (0 for a frame the lens does not run in). */
  paintCounts(): Promise<{ marks: number; snippets: number }> {
    return this.page.evaluate((frame) => {
      const win = (frame ? document.querySelector<HTMLIFrameElement>(frame)?.contentWindow : window) as
        (Window & typeof globalThis) | null | undefined;
      const registry = (win?.CSS as unknown as { highlights?: Map<string, { size: number }> } | undefined)?.highlights;
      const count = (prefix: string) => {
        let n = 0;
        for (const [k, h] of registry ?? []) if (k.startsWith(prefix)) n += h.size;
        return n;
      };
      return { marks: count('lens-mention'), snippets: count('lens-snippet') };
    }, this.where.frame ?? null);
  }

  /** Waits until a saved passage is painted on the page (the snippet highlight); returns how many ranges. */
  waitForSnippetPainted(what: string): Promise<number> {
    return waitInPage(
      this.page,
      () => (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights.get('lens-snippet')?.size,
      what,
    );
  }

  /** Whether a card shows in the top document now (its frame is there and not hidden, details loaded or not). */
  isOpen(): Promise<boolean> {
    return this.page.evaluate(() => {
      const frame = document.querySelector('lens-card-host')?.shadowRoot?.querySelector<HTMLElement>('.lens-frame');
      return !!frame && !frame.hidden;
    });
  }

  /** Whether a card host element is in the page at all (the card's code was loaded and mounted). */
  hasHost(): Promise<boolean> {
    return this.page.evaluate(() => !!document.querySelector('lens-card-host'));
  }

  waitForHost(what: string): Promise<unknown> {
    return waitInPage(this.page, () => !!document.querySelector('lens-card-host'), what);
  }

  /** Whether the page can reach into the card's root (the test build leaves it open; the production build closes it). */
  rootOpen(): Promise<boolean> {
    return this.page.evaluate(() => !!document.querySelector('lens-card-host')?.shadowRoot);
  }

  /** The middle of the card's first button whose text starts with `label`, once it shows. */
  buttonAt(label: string): Promise<{ x: number; y: number }> {
    return waitInPage(
      this.page,
      (label) => {
        const root = document.querySelector('lens-card-host')?.shadowRoot;
        const button = [...(root?.querySelectorAll('button') ?? [])].find((b) =>
          b.textContent?.trim().startsWith(label),
        );
        const r = button?.getBoundingClientRect();
        return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
      },
      `the card's "${label}" button`,
      10_000,
      label,
    );
  }

  /**
   * The page's own script presses every button of the card (close buttons aside), `rounds` times over, with clicks,
   * untrusted click events and Enter keys: what a hostile page can do with the test build's open root. Returns the
   * labels it reached.
   */
  pressEveryButtonByScript(rounds = 3): Promise<string[]> {
    return this.page.evaluate(async (rounds) => {
      const root = document.querySelector('lens-card-host')?.shadowRoot;
      const labels = new Set<string>();
      for (let round = 0; round < rounds; round++) {
        for (const button of [...(root?.querySelectorAll('button') ?? [])]) {
          labels.add(button.textContent?.trim() ?? '');
          if (/close/i.test(button.getAttribute('aria-label') ?? '')) continue;
          button.click();
          button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
          button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
          await new Promise((r) => setTimeout(r, 20));
        }
      }
      return [...labels];
    }, rounds);
  }

  // ---- The toast (saved, hidden, off on this site… with Undo) ----

  /** Waits for a toast whose text matches `pattern`; returns its text and the middle of each of its buttons. */
  waitForToast(pattern: RegExp): Promise<ToastAt> {
    return waitInPage(
      this.page,
      (source) => {
        const box = document.querySelector('lens-toast')?.shadowRoot?.querySelector('.toast');
        const text = box?.querySelector('.msg')?.textContent ?? '';
        if (!box || !new RegExp(source).test(text)) return null;
        const buttons = [...box.querySelectorAll('button')].map((b) => {
          const r = b.getBoundingClientRect();
          return {
            label: b.getAttribute('aria-label') ?? b.textContent ?? '',
            x: r.left + r.width / 2,
            y: r.top + r.height / 2,
          };
        });
        return { text, buttons };
      },
      `a toast saying ${pattern}`,
      10_000,
      pattern.source,
    );
  }

  /** Whether a toast is shown. */
  waitForAnyToast(what: string): Promise<unknown> {
    return waitInPage(this.page, () => !!document.querySelector('lens-toast'), what);
  }

  /**
   * The page's own script presses every button of the toast but Dismiss, three times over (the test build's root is
   * open). Returns how many buttons it found.
   */
  pressToastByScript(): Promise<number> {
    return this.page.evaluate(async () => {
      const buttons = [...(document.querySelector('lens-toast')?.shadowRoot?.querySelectorAll('button') ?? [])];
      for (let round = 0; round < 3; round++)
        for (const button of buttons.filter((b) => b.getAttribute('aria-label') !== 'Dismiss')) {
          button.click();
          button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
          button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
          await new Promise((r) => setTimeout(r, 20));
        }
      return buttons.length;
    });
  }

  // ---- The reader's own section ("Yours": snippets and note) ----

  /** The text of the card's own section, or '' while no full card with one is open. */
  ownSection(): Promise<string> {
    return this.page.evaluate(
      () =>
        document.querySelector('lens-card-host')?.shadowRoot?.querySelector('[data-own-section]')?.textContent ?? '',
    );
  }

  /** The own section's text once it contains `text`. */
  waitForOwnSection(text: string, what: string): Promise<string> {
    return waitInPage(
      this.page,
      (want) => {
        const t = document
          .querySelector('lens-card-host')
          ?.shadowRoot?.querySelector('[data-own-section]')?.textContent;
        return t?.includes(want) ? t : null;
      },
      what,
      10_000,
      text,
    );
  }

  /**
   * The own section once its body is on screen (in a hover card it may be laid out a frame after the card): where the
   * section starts in the card (px from the card's top) and whether the card scrolls.
   */
  ownLayout(): Promise<{ top: number; scrolls: boolean }> {
    return waitInPage(
      this.page,
      () => {
        const card = document.querySelector('lens-card-host')?.shadowRoot?.querySelector<HTMLElement>('.lens-card');
        const own = card?.querySelector('[data-own-section]');
        if (!card || !own?.querySelector('.lens-own-body')?.getClientRects().length) return null;
        const top = own.getBoundingClientRect().top - card.getBoundingClientRect().top + card.scrollTop;
        return { top: Math.round(top), scrolls: card.scrollHeight > card.clientHeight + 1 };
      },
      'the own section’s body on screen',
      5_000,
    );
  }

  /** The passages under "Your snippets", top to bottom: each one's text, its line below (page title · date) and date. */
  ownSnippets(): Promise<{ text: string; meta: string; dateTime: string }[]> {
    return this.page.evaluate(() =>
      [...(document.querySelector('lens-card-host')?.shadowRoot?.querySelectorAll('.lens-own-snippets li') ?? [])].map(
        (li) => ({
          text: li.querySelector('.lens-own-snippet')?.textContent ?? '',
          meta: (li.querySelector('.lens-own-meta')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
          dateTime: li.querySelector('time')?.getAttribute('datetime') ?? '',
        }),
      ),
    );
  }

  /** For each section of the card, top to bottom: whether it is the own section. */
  sectionsOwn(): Promise<boolean[]> {
    return this.page.evaluate(() =>
      [...document.querySelector('lens-card-host')!.shadowRoot!.querySelectorAll('.lens-card section')].map((s) =>
        s.hasAttribute('data-own-section'),
      ),
    );
  }

  /** Waits until the card's focused element reads `label`. */
  waitForFocusOn(label: string): Promise<unknown> {
    return waitInPage(
      this.page,
      (label) => document.querySelector('lens-card-host')?.shadowRoot?.activeElement?.textContent?.trim() === label,
      `focus on "${label}"`,
      5_000,
      label,
    );
  }

  /** Waits until the note editor (the card's text area) has the focus. */
  waitForNoteEditor(): Promise<unknown> {
    return waitInPage(
      this.page,
      () => document.querySelector('lens-card-host')?.shadowRoot?.activeElement?.tagName === 'TEXTAREA',
      'focus in the note editor',
    );
  }

  /** Types into the focused field key by key, as a person does (the card refuses synthetic input). */
  async typeText(text: string): Promise<void> {
    for (const ch of text) await this.page.press(ch);
  }

  /** Waits until the own section's status line contains `text` ("Note saved", "Note removed"). */
  waitForOwnStatus(text: string, what: string): Promise<unknown> {
    return waitInPage(
      this.page,
      (want) =>
        document
          .querySelector('lens-card-host')
          ?.shadowRoot?.querySelector('.lens-own-status')
          ?.textContent?.includes(want),
      what,
      10_000,
      text,
    );
  }

  /** Waits until the card shows the reader's note reading exactly `text`. */
  waitForOwnNote(text: string, what: string): Promise<unknown> {
    return waitInPage(
      this.page,
      (want) =>
        document.querySelector('lens-card-host')?.shadowRoot?.querySelector('.lens-own-note')?.textContent === want,
      what,
      10_000,
      text,
    );
  }

  private waitForPart(selector: string, what: string): Promise<unknown> {
    return waitInPage(
      this.page,
      (selector) => !!document.querySelector('lens-card-host')?.shadowRoot?.querySelector(selector),
      what,
      10_000,
      selector,
    );
  }
}

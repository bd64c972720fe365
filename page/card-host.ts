/**
 * The one element the hover card lives in: `<lens-card-host>` on the document element, with a closed shadow root that
 * Preact renders into. Page CSS cannot reach inside; the card's CSS cannot leak out; page scripts cannot read the card
 * or press its buttons (synthetic input is refused at the root as well, page/trusted-input.ts); the host is
 * fixed-position and zero-sized, so adding it never moves the page's layout. One host per document, re-rendered with
 * new props. The test build leaves the root open so end-to-end tests can read the card from the page.
 */
import { render, type ComponentChild } from 'preact';
import { cardCss } from '~/components/card/styles';
// Host styles, inside the shadow root: why each rule is there is said in the stylesheet.
import hostCss from './card-host.css?inline';
import type { Placement } from '~/lib/hover/placement';
import { refuseSyntheticInput, watchGestures } from './trusted-input';

const CARD_HOST_TAG = 'lens-card-host';
/**
 * A hover card is a glance, not a page: past this height it scrolls inside itself (px; page/hover-card.ts places it
 * with this cap, less where the viewport is short). So it is also the card's first screen: nothing that starts further
 * down is on screen when the card opens.
 */
export const MAX_CARD_HEIGHT = 560;

type StyleMode = 'adopted' | 'adopted-page' | 'style-element';

export class CardHost {
  readonly element: HTMLElement;
  readonly root: ShadowRoot;
  readonly frame: HTMLElement;
  readonly styleMode: StyleMode;
  /** Whether the reader pressed something inside the card just now (page/trusted-input.ts). */
  readonly gesture: { recent(): boolean };

  /** `extraCss`: the card extras' stylesheet (page/card-extras/shared.ts), adopted with the card's own. */
  constructor(
    private readonly doc: Document,
    extraCss = '',
  ) {
    this.element = doc.createElement(CARD_HOST_TAG);
    this.root = this.element.attachShadow({ mode: __LENS_TEST_BUILD__ ? 'open' : 'closed' });
    refuseSyntheticInput(this.root);
    this.gesture = watchGestures(this.root);
    this.frame = doc.createElement('div');
    this.frame.className = 'lens-frame';
    this.frame.hidden = true;
    this.root.append(this.frame);
    doc.documentElement.append(this.element);
    this.styleMode = adoptStyles(this.root, hostCss + cardCss + extraCss, doc, this.element);
    // Which styling path worked in this browser, for tests (test build only: the page sees a bare element).
    if (__LENS_TEST_BUILD__) this.element.dataset.styles = this.styleMode;
  }

  get isShown(): boolean {
    return !this.frame.hidden;
  }

  /** Renders the card (or nothing); Preact diffs against what is there, so focus and scroll inside survive. */
  render(vnode: ComponentChild): void {
    if (!this.element.isConnected) this.doc.documentElement.append(this.element);
    render(vnode, this.frame);
    this.frame.hidden = vnode === null || vnode === undefined;
  }

  /**
   * The card's natural size, before it is placed: one forced layout. The card has a fixed width, so where the frame
   * sits while it is measured does not change its height.
   *
   * Parts of the card that wait for its first paint (`data-lens-later`, hidden: the body of the reader's own section,
   * components/own/OwnSection.tsx) are shown now, and the card measured again, when they start within its first
   * screen: there the reader would see them arrive, and the card's height (so where it goes) may depend on them.
   * Further down the card is at its height cap with or without them, and its first screen is the same, so they are
   * laid out and painted after it: the card is on screen sooner (issue 18, scripts/bench/own-card-bench.ts).
   */
  measure(): { width: number; height: number } {
    const card = this.frame.firstElementChild as HTMLElement | null;
    if (!card) return { width: 0, height: 0 };
    card.style.removeProperty('max-height');
    card.style.removeProperty('max-width');
    const size = () => ({ width: card.offsetWidth, height: card.offsetHeight });
    const natural = size();
    return this.showWaitingOnFirstScreen(card) ? size() : natural;
  }

  /** Shows the waiting parts (see measure) that start within the card's first screen; whether there were any. */
  private showWaitingOnFirstScreen(card: HTMLElement): boolean {
    const waiting = card.querySelectorAll<HTMLElement>('[data-lens-later]');
    if (!waiting.length) return false;
    // Without its max-height (just removed) the card does not scroll: its top is its content's top.
    const cardTop = card.getBoundingClientRect().top;
    let shown = false;
    for (const part of waiting) {
      // A hidden part has no box: it would start at or below its parent's top.
      const top = (part.parentElement ?? part).getBoundingClientRect().top - cardTop;
      if (top >= MAX_CARD_HEIGHT) continue;
      part.hidden = false;
      part.removeAttribute('data-lens-later');
      shown = true;
    }
    return shown;
  }

  /**
   * Pays the first card's one-off costs ahead of time (the stylesheet parsed, fonts resolved, Preact's first render)
   * by rendering `vnode` invisibly once, then clearing it.
   */
  warm(vnode: ComponentChild): void {
    const f = this.frame;
    f.classList.add('lens-measuring');
    render(vnode, f);
    f.hidden = false;
    void f.offsetHeight;
    render(null, f);
    f.hidden = true;
    f.classList.remove('lens-measuring');
  }

  /**
   * On the card itself, not as custom properties on the frame: custom properties are inherited, so a change to one
   * restyles the card's every element (in Firefox, 10-20 ms for the first card, whose placing follows its first
   * layout); these four are not inherited, so only the card's own box is restyled.
   */
  place(p: Placement): void {
    const card = this.frame.firstElementChild as HTMLElement | null;
    if (card) {
      const s = card.style;
      s.setProperty('left', `${p.left}px`);
      s.setProperty('top', `${p.top}px`);
      s.setProperty('max-height', `${p.maxHeight}px`);
      s.setProperty('max-width', `${p.maxWidth}px`);
    }
    this.frame.dataset.side = p.side;
  }

  /** Whether an event's path runs through the card. */
  containsEvent(event: Event): boolean {
    return event.composedPath().includes(this.element);
  }

  /** The focused element inside the card, if any. */
  get activeElement(): Element | null {
    return this.root.activeElement;
  }

  destroy(): void {
    render(null, this.frame);
    this.element.remove();
  }
}

/**
 * Styles the shadow root without being subject to the page's CSP: a constructed stylesheet (CSSOM is not covered by
 * `style-src`). Firefox content scripts see the page's objects through Xray wrappers, and a sheet constructed in the
 * content script's compartment cannot be adopted by the page's shadow root; there the sheet is built with the page's
 * own constructor (`wrappedJSObject`) and the array handed over with `cloneInto`. A `<style>` element is the last
 * resort (blocked by `style-src` on strict pages in some browsers, so it is checked and only kept if nothing else took).
 */
function adoptStyles(root: ShadowRoot, css: string, doc: Document, host: HTMLElement): StyleMode {
  const win = doc.defaultView!;
  const applied = () => win.getComputedStyle(host).zIndex === '2147483647';
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    if (applied()) return 'adopted';
  } catch {
    /* Firefox content script: fall through */
  }
  const pageWin = (win as Window & { wrappedJSObject?: Window & typeof globalThis }).wrappedJSObject;
  const clone = (globalThis as { cloneInto?: <T>(v: T, scope: object, o?: object) => T }).cloneInto;
  if (pageWin && clone) {
    try {
      const sheet = new pageWin.CSSStyleSheet();
      sheet.replaceSync(css);
      const pageRoot = (root as ShadowRoot & { wrappedJSObject?: ShadowRoot }).wrappedJSObject ?? root;
      pageRoot.adoptedStyleSheets = clone([sheet], pageWin, { wrapReflectors: true });
      if (applied()) return 'adopted-page';
    } catch {
      /* fall through to a style element */
    }
  }
  const style = doc.createElement('style');
  style.textContent = css;
  root.prepend(style);
  return 'style-element';
}

/**
 * The one element the hover card lives in: `<lens-card-host>` on the document element, with a closed shadow root that
 * Preact renders into. Page CSS cannot reach inside; the card's CSS cannot leak out; page scripts cannot read the card
 * or press its buttons (synthetic input is refused at the root as well, page/trusted-input.ts); the host is
 * fixed-position and zero-sized, so adding it never moves the page's layout. One host per document, re-rendered with
 * new props. The test build leaves the root open so end-to-end tests can read the card from the page.
 */
import { render, type ComponentChild } from 'preact';
import { cardCss } from '~/components/card/styles';
import type { Placement } from '~/lib/hover/placement';
import { refuseSyntheticInput, watchGestures } from './trusted-input';

const CARD_HOST_TAG = 'lens-card-host';

/**
 * Host styles, inside the shadow root. `!important` here beats even `!important` page rules aimed at the host
 * (for important declarations the shadow tree's own context wins), so a page cannot hide, move or restyle it.
 */
const HOST_CSS = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  inset: 0 auto auto 0 !important;
  width: 0 !important;
  height: 0 !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
  overflow: visible !important;
  z-index: 2147483647 !important;
  visibility: visible !important;
  opacity: 1 !important;
  transform: none !important;
  pointer-events: none !important;
  contain: style;
}
/* The frame never moves: the card inside is placed through custom properties, so a card replaced by another (the
   placeholder by the full card) is a new element appearing, not a visible element shifting. */
.lens-frame {
  position: absolute;
  left: 0;
  top: 0;
  width: 0;
  height: 0;
}
.lens-frame > .lens-card {
  position: absolute;
  left: var(--lens-x, 0);
  top: var(--lens-y, 0);
  max-width: var(--lens-max-w, none);
  max-height: var(--lens-max-h, none);
  pointer-events: auto;
  /* Scrolls inside its own border when the viewport is short, so the scrollbar never sits outside it. */
  overflow-y: auto;
  overscroll-behavior: contain;
  scrollbar-width: thin;
}
.lens-frame[hidden] { display: none; }
.lens-frame.lens-measuring { visibility: hidden; }
`;

type StyleMode = 'adopted' | 'adopted-page' | 'style-element';

export class CardHost {
  readonly element: HTMLElement;
  readonly root: ShadowRoot;
  readonly frame: HTMLElement;
  readonly styleMode: StyleMode;
  /** Whether the reader pressed something inside the card just now (page/trusted-input.ts). */
  readonly gesture: { recent(): boolean };

  constructor(private readonly doc: Document) {
    this.element = doc.createElement(CARD_HOST_TAG);
    this.root = this.element.attachShadow({ mode: __LENS_TEST_BUILD__ ? 'open' : 'closed' });
    refuseSyntheticInput(this.root);
    this.gesture = watchGestures(this.root);
    this.frame = doc.createElement('div');
    this.frame.className = 'lens-frame';
    this.frame.hidden = true;
    this.root.append(this.frame);
    doc.documentElement.append(this.element);
    this.styleMode = adoptStyles(this.root, HOST_CSS + cardCss, doc, this.element);
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
   */
  measure(): { width: number; height: number } {
    const s = this.frame.style;
    s.removeProperty('--lens-max-h');
    s.removeProperty('--lens-max-w');
    const card = this.frame.firstElementChild as HTMLElement | null;
    return { width: card?.offsetWidth ?? 0, height: card?.offsetHeight ?? 0 };
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

  place(p: Placement): void {
    const s = this.frame.style;
    s.setProperty('--lens-x', `${p.left}px`);
    s.setProperty('--lens-y', `${p.top}px`);
    s.setProperty('--lens-max-h', `${p.maxHeight}px`);
    s.setProperty('--lens-max-w', `${p.maxWidth}px`);
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

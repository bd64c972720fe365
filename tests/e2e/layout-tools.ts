/**
 * Layout faults a longer, accented, right-to-left language shows (the pseudo-locale, lib/i18n/pseudo.ts), measured
 * in the page's own world so it works in Chromium and Firefox alike. Each fault is one line naming the element:
 *
 * - **sideways**: the page scrolls sideways, an element reaches past the left or right edge of the viewport (or of
 *   the page's own width, the popup's 380 pixels), or a panel must scroll sideways to show what is in it (tables,
 *   charts and code may);
 * - **clipped**: an element's own text is wider than its box (`scrollWidth > clientWidth`): cut off, or spilling
 *   over what is beside it. Not a fault: a box that scrolls sideways on purpose (`overflow-x: auto | scroll`), and
 *   a one-line text cut with an ellipsis on purpose (a list row's title, a citation line that opens to the whole
 *   citation), which shows the reader that it is cut;
 * - **overlap**: two controls (links, buttons, fields, summaries, tabs) that are not inside one another cover each
 *   other, so one hides or steals the other's clicks. A button drawn inside a text field (its clear button) is part
 *   of the field.
 *
 * Only what is rendered and visible counts, and only the part of it that its ancestors do not clip (a list that
 * scrolls shows only its visible rows); the visually hidden (a 1-pixel box, `clip`) are skipped, and while a modal
 * dialog is open only what is in it (the page behind is inert). Charts (SVG) are left out: they place their labels
 * with their own layout maths (lib/explore, unit-tested), and their marks may overlap by design.
 */
import type { LensPage } from '../../automation/lens-browser';

/**
 * The faults on the page, or within the element `within` names: a selector, or a path through open shadow roots
 * (the host, then the element in it; `['lens-card-host']` is the card's whole shadow root).
 */
export function layoutFaults(page: LensPage, within?: string[]): Promise<string[]> {
  return page.evaluate((within) => {
    const faults: string[] = [];
    let root: Document | ShadowRoot | Element = document;
    for (const selector of within ?? []) {
      const found: Element = root.querySelector(selector)!;
      root = found.shadowRoot ?? found;
    }
    const label = (el: Element) => {
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/)[0]}` : '';
      const text = ((el as HTMLElement).innerText ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 30);
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls} "${text}"`;
    };
    const all: Element[] = [];
    const collect = (r: ParentNode) => {
      for (const el of r.querySelectorAll('*')) {
        all.push(el);
        if (el.shadowRoot) collect(el.shadowRoot);
      }
    };
    collect(root);
    const modal = document.querySelector('dialog[open]');
    const parentOf = (e: Element): Element | null =>
      e.parentElement ?? ((e.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
    /** The part of the element its ancestors let be seen (those that clip or scroll), or null when none is. */
    const visibleBox = (el: Element) => {
      const r = el.getBoundingClientRect();
      let [left, right, top, bottom] = [r.left, r.right, r.top, r.bottom];
      for (let a = parentOf(el); a && a !== document.documentElement && a !== document.body; a = parentOf(a)) {
        const s = getComputedStyle(a);
        if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
        const c = a.getBoundingClientRect();
        [left, right, top, bottom] = [
          Math.max(left, c.left),
          Math.min(right, c.right),
          Math.max(top, c.top),
          Math.min(bottom, c.bottom),
        ];
      }
      return right - left > 1 && bottom - top > 1 ? { left, right, top, bottom } : null;
    };
    const shown = (el: Element) => {
      if (modal && !modal.contains(el)) return false;
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true }))
        return false;
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) return false;
      const s = getComputedStyle(el);
      return (s.clip === 'auto' || !s.clip.startsWith('rect')) && !!visibleBox(el);
    };

    // The page's own width: the viewport's, or the popup's 380 px (its html and body are that wide).
    const html = document.documentElement.getBoundingClientRect();
    const edge = { left: Math.max(0, html.left), right: Math.min(document.documentElement.clientWidth, html.right) };
    for (const box of [document.scrollingElement!, document.body])
      if (box.scrollWidth > box.clientWidth + 1)
        faults.push(`sideways: ${box.tagName.toLowerCase()} is ${box.scrollWidth} px wide in ${box.clientWidth} px`);

    for (const el of all) {
      if (el.closest('svg') || !shown(el)) continue;
      const r = visibleBox(el)!;
      if (r.right > edge.right + 1 || r.left < edge.left - 1)
        faults.push(`sideways: ${label(el)} spans ${Math.round(r.left)}–${Math.round(r.right)} px`);
      const s = getComputedStyle(el);
      // A panel or list that scrolls (up and down) but has to scroll sideways too: something in it is too wide.
      // Tables, charts and code scroll sideways on purpose.
      if (
        /auto|scroll/.test(s.overflowX) &&
        el.scrollWidth > el.clientWidth + 1 &&
        !el.querySelector('table, svg, pre')
      )
        faults.push(`sideways: ${label(el)} scrolls sideways, ${el.scrollWidth} px of content in ${el.clientWidth} px`);
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      if (!ownText || s.display === 'inline' || /auto|scroll/.test(s.overflowX) || s.textOverflow === 'ellipsis')
        continue;
      if (el.scrollWidth > el.clientWidth + 1)
        faults.push(`clipped: ${label(el)} has ${el.scrollWidth} px of text in ${el.clientWidth} px`);
    }

    const CONTROL =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="tab"], [role="switch"], [role="option"], [role="menuitem"]';
    const controls = all.filter((el) => el.matches(CONTROL) && !el.closest('svg') && shown(el));
    const inside = (a: Element, b: Element) => {
      for (let e: Node | null = b; e; e = e.parentNode ?? (e as ShadowRoot).host ?? null) if (e === a) return true;
      return false;
    };
    for (let i = 0; i < controls.length; i++)
      for (let j = i + 1; j < controls.length; j++) {
        const [a, b] = [controls[i]!, controls[j]!];
        if (inside(a, b) || inside(b, a)) continue;
        // An input and the label around it are one control.
        const labelOf = (el: Element) => (el as HTMLInputElement).labels?.[0] ?? null;
        if (labelOf(a)?.contains(b) || labelOf(b)?.contains(a)) continue;
        const [ra, rb] = [visibleBox(a)!, visibleBox(b)!];
        const field = (f: Element) => f.matches('input:not([type="checkbox"]):not([type="radio"]), textarea');
        const insideBox = (x: typeof ra, y: typeof ra) =>
          x.left >= y.left - 1 && x.right <= y.right + 1 && x.top >= y.top - 1 && x.bottom <= y.bottom + 1;
        if ((field(a) && insideBox(rb, ra)) || (field(b) && insideBox(ra, rb))) continue;
        const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (w > 2 && h > 2)
          faults.push(`overlap: ${label(a)} and ${label(b)} share ${Math.round(w)}×${Math.round(h)} px`);
      }
    return faults;
  }, within ?? null);
}

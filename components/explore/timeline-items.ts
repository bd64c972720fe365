/**
 * The timeline's event elements, built and kept in step with the DOM API rather than rendered by Preact: one <g> per
 * event holding its marker, and its label once the label is first shown (at the opening zoom most labels have no
 * room). The chart moves them itself on every zoom frame; building them through Preact's diff took 13-23 ms of the
 * first render, cloning them takes a few.
 */
import type { TimelineItem } from '~/lib/explore/timeline-model';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface ItemLook {
  /** The <g>'s classes (precision, family, selection). */
  className: string;
  /** The label's text (truncated to its room), for a label already made. */
  label: string;
}

/** An event's element, cloned from a template per precision: a dot for a day, a pill for a month, a band for a year. */
const template = (() => {
  const made = new Map<string, SVGGElement>();
  return (precision: string): SVGGElement => {
    let g = made.get(precision);
    if (!g) {
      g = document.createElementNS(SVG_NS, 'g');
      const mark = document.createElementNS(SVG_NS, precision === 'day' ? 'circle' : 'rect');
      mark.setAttribute('class', precision === 'year' ? 'ev-band' : 'ev-mark');
      mark.setAttribute(precision === 'day' ? 'cy' : 'x', '0');
      g.append(mark);
      made.set(precision, g);
    }
    return g;
  };
})();

function create(item: TimelineItem, look: ItemLook): SVGGElement {
  const g = template(item.span.precision).cloneNode(true) as SVGGElement;
  g.setAttribute('class', look.className);
  g.setAttribute('data-event-id', item.event.id);
  g.setAttribute('data-precision', item.span.precision);
  return g;
}

/** Gives an event's element its label. */
export function addLabel(g: SVGGElement, text: string): SVGTextElement {
  const label = document.createElementNS(SVG_NS, 'text');
  label.setAttribute('class', 'ev-label');
  label.setAttribute('y', '0.5');
  label.textContent = text;
  g.append(label);
  return label;
}

/**
 * Makes `parent`'s children one element per item, in the items' order: existing elements (from `previous`, by event
 * id) are kept and updated, new ones created, the rest removed. Returns the elements by event id.
 */
export function syncItemElements(
  parent: SVGGElement,
  items: readonly TimelineItem[],
  lookOf: (item: TimelineItem) => ItemLook,
  previous: ReadonlyMap<string, SVGGElement>,
): Map<string, SVGGElement> {
  const next = new Map<string, SVGGElement>();
  let cursor = parent.firstElementChild;
  for (const item of items) {
    const look = lookOf(item);
    let g = previous.get(item.event.id);
    if (!g) g = create(item, look);
    else {
      if (g.getAttribute('class') !== look.className) g.setAttribute('class', look.className);
      const label = g.querySelector('.ev-label');
      if (label && label.textContent !== look.label) label.textContent = look.label;
    }
    if (g === cursor) cursor = cursor.nextElementSibling;
    else parent.insertBefore(g, cursor);
    next.set(item.event.id, g);
  }
  for (const [id, g] of previous) if (!next.has(id)) g.remove();
  return next;
}

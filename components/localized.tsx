/**
 * An extension page's root in the interface language: rendered once the page's catalog is installed, and rendered
 * afresh (a new tree: charts and memoized labels included) when the reader picks another language in Options, with
 * the focus put back on the element that had it, found by its id.
 */
import { Fragment, render, type ComponentChild } from 'preact';
import { onInterfaceTextChange } from '~/lib/i18n';

export function renderLocalized(root: Element, app: () => ComponentChild): void {
  let generation = 0;
  const paint = () => render(<Fragment key={generation++}>{app()}</Fragment>, root);
  paint();
  onInterfaceTextChange(() => {
    const focused = document.activeElement?.id;
    paint();
    if (focused) document.getElementById(focused)?.focus({ preventScroll: true });
  });
}

/**
 * Replaces the static search box of popup.html with the app, keeping what was typed into it, where the caret was and
 * the focus: all in one task, so no key pressed meanwhile can land between the two boxes.
 */
import { renderLocalized } from '../localized';
import { PopupApp } from './PopupApp';
import { createPopupApi } from './popup-api';
import type { SearchIndexData } from '~/lib/search/search-index';

/** `searchIndex`: the search artefact, when the caller has started loading it already. */
export function mountPopup(root: HTMLElement, searchIndex?: Promise<unknown>): void {
  const boot = document.getElementById('lens-boot');
  const old = boot?.querySelector('input');
  const typed = old?.value ?? '';
  // The box had the focus, or nothing had (a popup that opened without focusing its autofocus box).
  const focused = !old || document.activeElement === old || document.activeElement === document.body;
  const api = createPopupApi(typed, searchIndex as Promise<SearchIndexData> | undefined);
  renderLocalized(root, () => <PopupApp api={api} />);
  const box = root.querySelector<HTMLInputElement>('.search-input');
  boot?.remove();
  if (box && focused) {
    box.focus({ preventScroll: true });
    if (old && typed) box.setSelectionRange(old.selectionStart, old.selectionEnd, old.selectionDirection ?? undefined);
  }
  // For the benchmark and tests: when the app took over, in ms since the page started.
  document.documentElement.dataset.takeover = String(Math.round(performance.now()));
}

/** Replaces the static search box of popup.html with the app, keeping what was typed into it. */
import { render } from 'preact';
import { PopupApp } from './PopupApp';
import { createPopupApi } from './popup-api';

export function mountPopup(root: HTMLElement): void {
  const boot = document.getElementById('lens-boot');
  const typed = boot?.querySelector('input')?.value ?? '';
  render(<PopupApp api={createPopupApi(typed)} />, root);
  boot?.remove();
}

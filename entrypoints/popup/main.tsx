import '~/components/theme.css';
import '~/components/popup/popup.css';
import { unlessLeaving } from '~/browser/page-leaving';

// Opened by a card's "Search" in a window of its own (entrypoints/background.ts): the page fills that window.
if (new URLSearchParams(location.search).has('window')) document.documentElement.classList.add('lens-window');

// The static box speaks the browser's language (the `chrome.i18n` both browsers give extension pages: synchronous,
// and no polyfill in this first module); the app speaks the one the settings choose, as soon as its catalog is read
// (browser/interface-text.ts), which it fetches beside the app's code.
const i18n = (globalThis as { chrome?: { i18n?: { getMessage(key: string): string } } }).chrome?.i18n;
const boot = document.querySelector<HTMLInputElement>('#lens-boot input');
if (boot && i18n) {
  boot.placeholder = i18n.getMessage('popupSearchPlaceholder') || boot.placeholder;
  boot.setAttribute('aria-label', i18n.getMessage('popupSearchLabel') || boot.getAttribute('aria-label')!);
}

// popup.html's static search box is the first paint. This module stays tiny so nothing delays that frame. After it,
// the app (Preact, the search) and the search artefact are fetched side by side; the app takes over the box, keeping
// what was typed and the focus (components/popup/mount.tsx), and searches as soon as the artefact is indexed.
const root = document.getElementById('app')!;
requestAnimationFrame(() =>
  setTimeout(() => {
    const searchIndex = import('~/data/search-index.json').then((m) => m.default);
    searchIndex.catch(unlessLeaving);
    const text = import('~/browser/interface-text').then((m) => m.startInterfaceText(document, 'extName'));
    Promise.all([import('~/components/popup/mount'), text])
      .then(([m]) => m.mountPopup(root, searchIndex))
      .catch(unlessLeaving);
  }, 0),
);

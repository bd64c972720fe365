import '~/components/theme.css';
import '~/components/popup/popup.css';

// Opened by a card's "Search" in a window of its own (entrypoints/background.ts): the page fills that window.
if (new URLSearchParams(location.search).has('window')) document.documentElement.classList.add('lens-window');

// popup.html's static search box is the first paint. This module stays tiny so nothing delays that frame. After it,
// the app (Preact, the search) and the search artefact are fetched side by side; the app takes over the box, keeping
// what was typed and the focus (components/popup/mount.tsx), and searches as soon as the artefact is indexed.
requestAnimationFrame(() =>
  setTimeout(() => {
    const searchIndex = import('~/data/search-index.json').then((m) => m.default);
    void import('~/components/popup/mount').then((m) => m.mountPopup(document.getElementById('app')!, searchIndex));
  }, 0),
);

import '~/components/theme.css';
import '~/components/card/card.css';
import '~/components/popup/popup.css';

// popup.html's static search box is the first paint. This module stays tiny so nothing delays that frame; the app
// (Preact, the card, the search) is loaded after it and takes over the box, keeping what was typed.
requestAnimationFrame(() =>
  setTimeout(
    () => void import('~/components/popup/mount').then((m) => m.mountPopup(document.getElementById('app')!)),
    0,
  ),
);

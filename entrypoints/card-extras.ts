import { OwnSection } from '~/components/own/OwnSection';
import ownCss from '~/components/own/own-section.css?inline';
import { registerExtras } from '~/page/card-extras/shared';
import { arrived } from '~/page/card-stage';

// The reader's own section on cards (page/card-extras/shared.ts): injected into one frame by the background right
// after the card stage, in the same call. Never web-accessible, so no page can load or probe it. The last file of
// that call: it tells the first stage that both have run (page/card-stage.ts).
export default defineUnlistedScript(() => {
  registerExtras({ OwnSection, css: ownCss });
  arrived();
});

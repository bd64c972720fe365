/** The card's stylesheet as a string, for shadow roots (page/card-host.ts) and anything else that adopts it. */
import css from './card.css?inline';
import ownCss from '../own/own-section.css?inline';

export const cardCss: string = css + ownCss;

/**
 * The card's stylesheet as a string, for the hover card's shadow root (page/card-host.ts). The reader's own section
 * brings its stylesheet with the card extras there (entrypoints/card-extras.ts); extension pages import both files.
 */
import css from './card.css?inline';

export const cardCss: string = css;

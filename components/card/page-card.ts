/**
 * The card as an extension page (popup, explore) shows it, with its stylesheet: one chunk, loaded when the page opens
 * its first card, so the page's first paint waits for neither.
 */
import './card.css';
import '../own/own-section.css';

export { EntityCard } from './EntityCard';

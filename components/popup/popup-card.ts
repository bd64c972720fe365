/** The card as the popup shows it, with its stylesheet: one chunk, loaded when the first card is opened. */
import '~/components/card/card.css';

export { EntityCard } from '~/components/card/EntityCard';

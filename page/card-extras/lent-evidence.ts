/** The card stage's quote component, for the card extras' build (page/card-extras/shared.ts). */
import { lent } from './shared';

export const { Quote } = lent();

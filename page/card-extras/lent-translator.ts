/** The card stage's translator, which holds the card's catalog, for the card extras' build (./shared.ts). */
import { lent } from './shared';

export const { t, tp, formatDate } = lent();

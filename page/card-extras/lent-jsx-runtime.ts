/** The card stage's JSX runtime, for the card extras' build (page/card-extras/shared.ts). */
import { lent } from './shared';

export const { jsx, jsxs, Fragment } = lent();
export const jsxDEV = jsx;

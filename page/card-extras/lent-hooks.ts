/** The card stage's Preact hooks, for the card extras' build (page/card-extras/shared.ts). */
import { lent } from './shared';

export const { useEffect, useId, useRef, useState } = lent();

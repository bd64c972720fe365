/**
 * The card's own-material parts (the reader's own section on a card, with its stylesheet) are built apart from the
 * card stage, as `card-extras.js`, so the stage keeps room under its size budget. The background injects both in one
 * call, the stage first (entrypoints/background.ts): every card shows the section (its note button at least), so the
 * extras are there before the first card and never loaded after a dwell. They render with the card stage's Preact,
 * hooks and words, which the stage lends on the isolated world's global (no page can see it): wxt.config.ts points
 * the extras build's imports of them at ./lent-*.ts. A second copy of Preact's hooks would not work with the stage's
 * renderer, and a second translator would have no catalog.
 */
import type { Fragment, jsx, jsxs } from 'preact/jsx-runtime';
import type { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { formatDate, t, tp } from '~/lib/i18n/translator';
import type { Quote } from '~/components/card/Evidence';
import type { OwnSection } from '~/components/own/OwnSection';

/** The global the card stage sets before the extras run. */
export const CARD_LENT_GLOBAL = 'lensCardLent';
/** The global the extras set when they have run. */
export const CARD_EXTRAS_GLOBAL = 'lensCardExtras';

export interface CardLent {
  jsx: typeof jsx;
  jsxs: typeof jsxs;
  Fragment: typeof Fragment;
  useEffect: typeof useEffect;
  useId: typeof useId;
  useRef: typeof useRef;
  useState: typeof useState;
  t: typeof t;
  tp: typeof tp;
  formatDate: typeof formatDate;
  Quote: typeof Quote;
}

export interface CardExtras {
  OwnSection: typeof OwnSection;
  /** Their stylesheet, adopted in the card's shadow root with the card's own (page/card-host.ts). */
  css: string;
}

const world = globalThis as unknown as Record<string, unknown>;

/** What the stage lends (read by the extras' stand-ins for Preact, the hooks and the translator). */
export const lent = (): CardLent => world[CARD_LENT_GLOBAL] as CardLent;
export const lend = (parts: CardLent): void => void (world[CARD_LENT_GLOBAL] = parts);

export const cardExtras = (): CardExtras | undefined => world[CARD_EXTRAS_GLOBAL] as CardExtras | undefined;
export const registerExtras = (extras: CardExtras): void => void (world[CARD_EXTRAS_GLOBAL] = extras);

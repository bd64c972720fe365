/**
 * The card stage's OwnSection (wxt.config.ts puts it in place of components/own/OwnSection in that build): the real
 * one, with its stylesheet, is in the card extras, injected right behind the stage (./shared.ts). Without them (they
 * failed to run) the section is left out and the rest of the card still shows. In the hover card the section's body
 * waits for the card's first paint where the card host finds it below the first screen (`later`, page/card-host.ts).
 */
import { jsx } from 'preact/jsx-runtime';
import type { OwnSection as Real } from '~/components/own/OwnSection';
import { cardExtras } from './shared';

export type { OwnCardActions } from '~/components/own/OwnSection';

export function OwnSection(props: Parameters<typeof Real>[0]) {
  const real = cardExtras()?.OwnSection;
  return real ? jsx(real, { ...props, later: true }) : null;
}

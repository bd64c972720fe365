/**
 * The card's part of the interface text, which a page's first stage asks for (`get-card-text`) while the background
 * injects the card stage, and hands to it (page/card-triggers.ts → entrypoints/card-stage.ts), and again when the
 * reader changes the language: the keys
 * the card, its toasts and its vocabularies use (`card…`), with English filled in for any the language lacks. The
 * content script never carries a catalog of its own, and the page can reach none (no web-accessible resource).
 */
import type { EntityDetails } from '../messaging/messages';
import type { Catalog } from './catalog';
import { prepareFormats, type InterfaceText, type PreparedFormats } from './translator';

const CARD_KEY = /^card[A-Z]/;

export function cardText(text: InterfaceText): InterfaceText {
  const messages: Catalog = {};
  for (const catalog of [text.fallback ?? {}, text.messages])
    for (const [key, { message, placeholders }] of Object.entries(catalog))
      if (CARD_KEY.test(key)) messages[key] = placeholders ? { message, placeholders } : { message };
  return { lang: text.lang, messages };
}

/** Whether a value is interface text as cardText makes it (what a stage reads from its global or a reply). */
export function isInterfaceText(value: unknown): value is InterfaceText {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<InterfaceText>;
  return typeof v.lang === 'string' && typeof v.messages === 'object' && v.messages !== null;
}

/**
 * What a card of these details formats, prepared by the background in the interface language (translator.ts,
 * PreparedFormats): the dates of its sources and events and the article's date (`asOf`) that heads its timeline, and
 * the languages of its spellings, which "why this matched" names.
 */
export function cardFormats(details: EntityDetails, asOf?: string): PreparedFormats {
  const dates = new Set<string>();
  for (const { date } of [...details.sources, ...details.events]) if (date) dates.add(date);
  if (asOf) dates.add(asOf);
  const languages = new Set(details.entity.aliases.flatMap((a) => a.lang?.split(' ') ?? []));
  return prepareFormats(dates, languages);
}

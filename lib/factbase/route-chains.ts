/**
 * A railway's or a pipeline's name with its generic head left off or said another way. Records write a route with its
 * head ("Baku–Tbilisi–Kars railway", "Bakü-Tiflis-Kars Demiryolu", "Нефтепровод Баку — Супса"); pages also write the
 * chain of places alone ("the Kars–Nakhchivan project", "the Baku–Tbilisi–Kars") or with another head ("Bakü-Tiflis-
 * Kars hattı", a line). The chain names the route by itself, so the build derives it from every alias that has one,
 * in the alias's language, and a record does not need to list it. A chain two routes share (Baku–Tbilisi–… where one
 * entity's alias says more) is derived for neither: the page does not say which.
 */
import type { Alias, Entity } from './types';

/** The types whose names are chains of the places they join. Corridors are not: "Caspian–Black Sea–Europe…". */
const ROUTE_TYPES = new Set(['railway', 'pipeline']);

/** One member: a capitalised word (apostrophes inside, "Qirg‘iziston"); members joined by a dash, maybe spaced. */
const MEMBER = String.raw`\p{Lu}[\p{L}\p{M}'’ʻ‘]*`;
const JOINER = String.raw`(?:[-‐‑–—]|\s[–—]\s)`;
const CHAIN = `${MEMBER}(?:${JOINER}${MEMBER})+`;
/** A chain before the head ("Baku–Tbilisi–Kars railway") or after it ("Железная дорога Карс — Нахичевань"). */
const CHAIN_FIRST = new RegExp(`^(${CHAIN})\\s+\\S`, 'u');
const CHAIN_LAST = new RegExp(`\\S\\s+(${CHAIN})$`, 'u');

/** A prefix joined by a hyphen is a word's part, not a place: "Trans-Caspian", "Pan-Turkic". */
const PREFIX = /^(?:trans|транс|pan|пан)[-‐‑]/iu;

/** The chain of places in a route's alias that has a head beside it, or null. */
export function routeChainOf(text: string): string | null {
  const chain = CHAIN_FIRST.exec(text)?.[1] ?? CHAIN_LAST.exec(text)?.[1] ?? null;
  return chain && !PREFIX.test(chain) ? chain : null;
}

/**
 * The chains to add as aliases, per entity index: each in the language of the alias it comes from, where no alias of
 * any entity folds alike and no other route's alias gives the same chain. `fold` compares as the matcher does.
 */
export function deriveRouteChains(entities: readonly Entity[], fold: (text: string) => string): Map<number, Alias[]> {
  const taken = new Set(entities.flatMap((e) => [e.name, ...e.aliases.map((a) => a.text)].map(fold)));
  const found = new Map<string, { entity: number; alias: Alias }>();
  const shared = new Set<string>();
  for (const [i, e] of entities.entries()) {
    if (!ROUTE_TYPES.has(e.type)) continue;
    for (const alias of [{ text: e.name, inCorpus: false }, ...e.aliases]) {
      const chain = routeChainOf(alias.text);
      if (!chain) continue;
      const key = fold(chain);
      const prior = found.get(key);
      if (prior && prior.entity !== i) shared.add(key);
      else if (!prior) found.set(key, { entity: i, alias: derived(chain, alias) });
    }
  }
  const out = new Map<number, Alias[]>();
  for (const [key, { entity, alias }] of found) {
    if (shared.has(key) || taken.has(key)) continue;
    const list = out.get(entity) ?? [];
    list.push(alias);
    out.set(entity, list);
  }
  return out;
}

/** The chain as an alias of its own, in the language of the alias it was read from, with no rule of that alias's. */
function derived(chain: string, from: Alias): Alias {
  return { text: chain, inCorpus: false, ...(from.lang ? { lang: from.lang } : {}) };
}

/**
 * What the matcher remembers about one page while its text arrives in batches: who a bare surname last meant and which acronyms the page spelled out. One per page (the
 * background keeps one per tab and frame); plain data, so it costs nothing to drop.
 */
export interface PageContext {
  /** Characters of earlier batches: places events of different batches in page order. */
  offset: number;
  /** Per surname (folded alias): the latest mention's page order and entity, -1 for someone else. */
  surnames: Map<string, { order: number; entity: number }>;
  /** Acronyms spelled out on this page: the entity index they stand for, -1 for something else (CPC, the party). */
  acronyms: Map<string, number>;
  /** Per acronym not yet spelled out: how many times the words around it were read for a spelling-out. */
  acronymReads: Map<string, number>;
  /** People named in full so far (entity indexes): namesakes both named leave a bare surname undecided. */
  namedInFull: Set<number>;
  /** Entities with a `short-form` alias that the page named by another name so far (short-form.ts). */
  named: Set<number>;
  /**
   * Entities the page has marked so far by a name no ambiguity left open: a comment or a chat line that types one of
   * their names in lowercase further down means them (select.ts).
   */
  marked: Set<number>;
  /**
   * People (entity indexes) whose given name and surname the page gave a namesake, known by another father's
   * patronymic ("İlham Nazim oğlu Əliyev"): their full name on this page is his (see `keepFullName`).
   */
  namesakesInFull: Set<number>;
  /**
   * The article's publication date as the page states it (ISO: `2025-12-12`, or a year), when it does: namesakes the
   * text does not tell apart are told apart by who held the office then.
   */
  date?: string;
}

export function newPageContext(): PageContext {
  return {
    offset: 0,
    surnames: new Map(),
    acronyms: new Map(),
    acronymReads: new Map(),
    namedInFull: new Set(),
    namesakesInFull: new Set(),
    named: new Set(),
    marked: new Set(),
  };
}

/**
 * The explore page's state in its URL, so the popup, cards and library can link straight to a view and the reader
 * can bookmark or share one: `explore.html?view=map&entity=tanap`, `explore.html?view=timeline&entity=erdogan`.
 * Pure: URLSearchParams only.
 */
import type { EntityType } from '../factbase/types';

export type ExploreView = 'timeline' | 'map';
export type Presentation = 'chart' | 'list';

export interface ExploreState {
  view: ExploreView;
  /** Map: the centre. Timeline: only this entity's events. Both: its card is open. */
  entity?: string;
  /** Timeline: the selected event. */
  event?: string;
  hops: 1 | 2;
  as: Presentation;
  country?: string;
  type?: EntityType;
  source?: string;
  /** Timeline: the visible range, as ISO prefixes (`2016`, `2016-06`); the default view when absent. */
  from?: string;
  to?: string;
}

export const DEFAULT_MAP_CENTRE = 'tanap';

const ID = /^[a-z0-9][a-z0-9-]{0,80}$/;
const id = (v: string | null) => (v && ID.test(v) ? v : undefined);
const ISO_PREFIX = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const isoPrefix = (v: string | null) => (v && ISO_PREFIX.test(v) ? v : undefined);

export function parseExploreSearch(search: string): ExploreState {
  const p = new URLSearchParams(search);
  const view = p.get('view') === 'map' ? 'map' : 'timeline';
  return {
    view,
    entity: id(p.get('entity')),
    event: id(p.get('event')),
    hops: p.get('hops') === '2' ? 2 : 1,
    as: p.get('as') === 'list' ? 'list' : 'chart',
    country: id(p.get('country')),
    type: id(p.get('type')) as EntityType | undefined,
    source: id(p.get('source')),
    from: isoPrefix(p.get('from')),
    to: isoPrefix(p.get('to')),
  };
}

/** The query string for a state, defaults left out so links stay short. */
export function exploreSearch(state: ExploreState): string {
  const p = new URLSearchParams();
  p.set('view', state.view);
  if (state.entity) p.set('entity', state.entity);
  if (state.view === 'timeline') {
    if (state.event) p.set('event', state.event);
    if (state.country) p.set('country', state.country);
    if (state.type) p.set('type', state.type);
    if (state.source) p.set('source', state.source);
    if (state.from && state.to) {
      p.set('from', state.from);
      p.set('to', state.to);
    }
  }
  if (state.view === 'map' && state.hops === 2) p.set('hops', '2');
  if (state.as === 'list') p.set('as', 'list');
  return `?${p.toString()}`;
}

/** The link other pages use: `explore.html?view=map&entity=tanap` (relative to the extension's root). */
export function exploreHref(view: ExploreView, entity?: string): string {
  return `explore.html${exploreSearch({ view, entity, hops: 1, as: 'chart' })}`;
}

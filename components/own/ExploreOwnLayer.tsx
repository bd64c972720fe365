/**
 * Your material on the explore page, as a layer switched on and off from the page's toolbar: your snippets by the
 * month you saved them, the names your sources quote, and the names you track. Choosing a name opens its card in
 * the side panel, like a node or an event. Reads IndexedDB only while the layer is on.
 */
import { useEffect, useState } from 'preact/hooks';
import { ownLayer, type OwnLayer } from '~/lib/own/own-layer';
import { useLatest } from '~/components/use-latest';
import { t, tp } from '~/lib/i18n/translator';
import { isoDate } from '../library/format';
import { typeLabel } from '~/lib/i18n/words';
import './own-explore.css';

/** The words, in the interface language when read (lib/i18n). */
const TEXT = {
  get heading() {
    return t('ownPopupHeading');
  },
  get toggleTitle() {
    return t('ownLayerToggleTitle');
  },
  get loading() {
    return t('ownLayerLoading');
  },
  get failed() {
    return t('ownLayerFailed');
  },
  get empty() {
    return t('ownLayerEmpty');
  },
  get snippets() {
    return t('ownLayerSnippets');
  },
  get recent() {
    return t('ownLayerRecent');
  },
  get sources() {
    return t('ownLayerSources');
  },
  get names() {
    return t('ownNamesHeading');
  },
  get yours() {
    return t('ownBadge');
  },
  quotes: (n: number) => tp('ownQuoteCount', n),
  count: (n: number) => tp('ownSnippetCount', n),
};

const STORAGE_KEY = 'lens-explore-own-layer';

/** The layer's switch, remembered on this page. */
export function useOwnLayerSwitch(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => localStorage.getItem(STORAGE_KEY) === 'on');
  return [
    on,
    (next) => {
      setOn(next);
      if (next) localStorage.setItem(STORAGE_KEY, 'on');
      else localStorage.removeItem(STORAGE_KEY);
    },
  ];
}

export function OwnLayerSwitch(props: { on: boolean; onChange: (on: boolean) => void }) {
  return (
    <button
      type="button"
      class="ex-button own-layer-switch"
      aria-pressed={props.on}
      aria-controls={props.on ? 'own-layer' : undefined}
      title={TEXT.toggleTitle}
      onClick={() => props.onChange(!props.on)}
    >
      {TEXT.heading}
    </button>
  );
}

async function readLayer(isKnown: (id: string) => boolean): Promise<OwnLayer> {
  const [snippetStore, ownStore] = await Promise.all([
    import('~/browser/snippets-db/snippet-store'),
    import('~/browser/snippets-db/own-store'),
  ]);
  const [snippets, quotes, names] = await Promise.all([
    snippetStore.listSnippets(),
    ownStore.quoteCountsByEntity(),
    ownStore.listNames(),
  ]);
  return ownLayer(snippets, quotes, names, isKnown);
}

export function ExploreOwnLayer(props: {
  isKnown: (id: string) => boolean;
  nameOf: (id: string) => string;
  onOpenEntity: (id: string) => void;
}) {
  const [layer, setLayer] = useState<OwnLayer | null | 'failed'>(null);
  // The layer loads once and reloads when own material changes; it reads the latest `isKnown` then.
  const isKnown = useLatest(props.isKnown);
  useEffect(() => {
    let live = true;
    const load = () =>
      void readLayer(isKnown.current).then(
        (l) => live && setLayer(l),
        () => live && setLayer('failed'),
      );
    load();
    let stop = () => {};
    void import('~/browser/snippets-db/own-events').then((m) => {
      if (live) stop = m.onOwnChanged(load);
    });
    return () => {
      live = false;
      stop();
    };
  }, [isKnown]);

  const entity = (id: string, extra?: string) => (
    <button key={id} type="button" class="own-layer-entity" onClick={() => props.onOpenEntity(id)}>
      {props.nameOf(id)}
      {extra && <span class="own-layer-count"> {extra}</span>}
    </button>
  );
  const max = layer && layer !== 'failed' ? Math.max(1, ...layer.months.map((m) => m.count)) : 1;

  return (
    <section class="own-layer" id="own-layer" aria-label={TEXT.heading} data-own-layer>
      <h2 class="own-layer-title">
        {TEXT.heading} <span class="own-layer-tag">{TEXT.yours}</span>
      </h2>
      {layer === null ? (
        <p class="own-layer-muted">{TEXT.loading}</p>
      ) : layer === 'failed' ? (
        <p class="own-layer-muted">{TEXT.failed}</p>
      ) : layer.empty ? (
        <p class="own-layer-muted">{TEXT.empty}</p>
      ) : (
        <div class="own-layer-grid">
          {layer.months.length > 0 && (
            <div class="own-layer-part" data-part="snippets">
              <h3>{TEXT.snippets}</h3>
              <ol class="own-layer-months" aria-label={TEXT.snippets}>
                {layer.months.map((m) => {
                  // A screen reader hears every month with its count; the eye gets the bars and the range below.
                  const said = `${isoDate(m.month)}: ${TEXT.count(m.count)}`;
                  return (
                    <li key={m.month} title={said}>
                      <span class="own-layer-bar" style={{ height: `${Math.round((m.count / max) * 100)}%` }} />
                      <span class="own-layer-hidden">{said}</span>
                    </li>
                  );
                })}
              </ol>
              <p class="own-layer-range" aria-hidden="true">
                {[...new Set([layer.months[0]!.month, layer.months.at(-1)!.month])].map(isoDate).join(' – ')}
              </p>
              <h4>{TEXT.recent}</h4>
              <ul class="own-layer-list">
                {layer.recent.map((s) => (
                  <li key={s.id} data-snippet-id={s.id}>
                    <time dateTime={s.date}>{isoDate(s.date)}</time> <span class="own-layer-snippet">{s.text}</span>{' '}
                    {s.entityIds.map((id) => entity(id))}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {layer.sourceEntities.length > 0 && (
            <div class="own-layer-part" data-part="sources">
              <h3>{TEXT.sources}</h3>
              <p class="own-layer-entities">{layer.sourceEntities.map((e) => entity(e.id, TEXT.quotes(e.quotes)))}</p>
            </div>
          )}
          {layer.names.length > 0 && (
            <div class="own-layer-part" data-part="names">
              <h3>{TEXT.names}</h3>
              <ul class="own-layer-list">
                {layer.names.map((n) => (
                  <li key={n.id} data-name-id={n.id}>
                    <strong>{n.name}</strong> <span class="own-layer-muted">{typeLabel(n.type)}</span>
                    {n.summary && <span class="own-layer-muted"> — {n.summary}</span>}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </section>
  );
}

/**
 * The map as a table: every relation the map shows, one row each, read from subject to object, with the share and
 * the quote that states it. The accessible alternative to the map, and the easiest way to check one relation.
 */
import { shortSourceName } from '~/components/card/card-model';
import type { GraphEdge, Neighbourhood } from '~/lib/explore/graph';
import type { ExploreModel } from '~/lib/explore/model';
import { relationWords } from '~/lib/explore/relations';
import { EventQuote } from './event-parts';
import { t, tp } from '~/lib/i18n/translator';

interface Props {
  model: ExploreModel;
  hood: Neighbourhood;
  selectedId?: string;
  onOpenEntity: (id: string) => void;
}

export function MapTable({ model, hood, selectedId, onOpenEntity }: Props) {
  const depth = new Map(hood.nodes.map((n) => [n.id, n.depth]));
  const rank = (e: GraphEdge) => Math.min(depth.get(e.source) ?? 9, depth.get(e.target) ?? 9);
  const edges = [...hood.edges].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      Number(a.type === 'related-to') - Number(b.type === 'related-to') ||
      name(a.source).localeCompare(name(b.source)),
  );
  function name(id: string) {
    return model.graph.names.get(id) ?? id;
  }
  const centreName = name(hood.centre);
  const entityButton = (id: string) => (
    <button
      type="button"
      class={`ex-entity-link${id === hood.centre ? ' is-centre' : ''}`}
      aria-pressed={id === selectedId}
      onClick={() => onOpenEntity(id)}
      title={t('exploreOpenCardFor', name(id))}
    >
      {name(id)}
    </button>
  );
  return (
    <div class="ex-list-wrap">
      <table class="ex-table" data-testid="map-table">
        <caption>
          {t(
            'exploreTableCaption',
            centreName,
            tp('exploreEntityCount', hood.nodes.length),
            tp('exploreRelationCount', hood.edges.length),
          )}
          {hood.omitted ? `, ${tp('exploreMoreEntitiesNotShown', hood.omitted)}` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('exploreColSubject')}</th>
            <th scope="col">{t('exploreColRelation')}</th>
            <th scope="col">{t('exploreColObject')}</th>
            <th scope="col">{t('exploreColShare')}</th>
            <th scope="col">{t('exploreColSource')}</th>
          </tr>
        </thead>
        <tbody>
          {edges.map((e) => (
            <tr key={e.id} data-edge-id={e.id}>
              <th scope="row">{entityButton(e.source)}</th>
              <td class="ex-rel">{relationWords(e.type)}</td>
              <td>{entityButton(e.target)}</td>
              <td class="ex-share">{e.share ?? ''}</td>
              <td class="ex-src">
                {e.evidence[0] ? (
                  <details>
                    <summary>
                      {shortSourceName(e.evidence[0].source, model.base.sources, e.evidence[0].where.chapterAuthor)}
                      {e.evidence.length > 1 ? ` +${e.evidence.length - 1}` : ''}
                    </summary>
                    {e.evidence.map((ev, i) => (
                      <EventQuote key={i} evidence={ev} sources={model.base.sources} />
                    ))}
                  </details>
                ) : model.hasDetails ? (
                  t('exploreNotQuoted')
                ) : (
                  t('exploreLoading')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

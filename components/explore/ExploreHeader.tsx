/**
 * Explore's header: the page's name, the timeline/map tabs (arrow keys move between them), chart or list, the colour
 * scheme, the "Your material" switch and Export (only for a chart).
 */
import type { ExploreView, Presentation } from '~/lib/explore/url-state';
import { OwnLayerSwitch } from '~/components/own/ExploreOwnLayer';
import type { SchemeChoice } from './use-scheme';
import { t } from '~/lib/i18n/translator';

interface Props {
  view: ExploreView;
  presentation: Presentation;
  onView: (view: ExploreView) => void;
  onPresentation: (as: Presentation) => void;
  scheme: SchemeChoice;
  onScheme: (scheme: SchemeChoice) => void;
  ownLayer: boolean;
  onOwnLayer: (on: boolean) => void;
  onExport: () => void;
}

export function ExploreHeader({ view, presentation, ...on }: Props) {
  const onTabKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const next: ExploreView = view === 'timeline' ? 'map' : 'timeline';
    on.onView(next);
    document.getElementById(`ex-tab-${next}`)?.focus();
  };
  return (
    <header class="ex-top">
      <h1 class="ex-brand">
        Caspian Lens <span class="ex-brand-sub">{t('exploreTitle')}</span>
      </h1>
      <div class="ex-tabs" role="tablist" aria-label={t('exploreViews')}>
        {(['timeline', 'map'] as const).map((v) => (
          <button
            key={v}
            id={`ex-tab-${v}`}
            type="button"
            role="tab"
            class="ex-tab"
            aria-selected={view === v}
            aria-controls="ex-tabpanel"
            tabIndex={view === v ? 0 : -1}
            onClick={() => on.onView(v)}
            onKeyDown={onTabKey}
          >
            {t(v === 'timeline' ? 'exploreTimeline' : 'exploreMap')}
          </button>
        ))}
      </div>
      <div class="ex-top-tools">
        <div class="ex-seg" role="group" aria-label={t('exploreShowAs')}>
          {(['chart', 'list'] as const).map((p) => (
            <button key={p} type="button" aria-pressed={presentation === p} onClick={() => on.onPresentation(p)}>
              {t(
                p === 'chart'
                  ? view === 'map'
                    ? 'exploreAsMap'
                    : 'exploreAsChart'
                  : view === 'map'
                    ? 'exploreAsTable'
                    : 'exploreAsList',
              )}
            </button>
          ))}
        </div>
        <div class="ex-seg" role="group" aria-label={t('exploreScheme')}>
          {(['auto', 'light', 'dark'] as const).map((s) => (
            <button key={s} type="button" aria-pressed={on.scheme === s} onClick={() => on.onScheme(s)}>
              {t(s === 'auto' ? 'exploreSchemeAuto' : s === 'light' ? 'exploreSchemeLight' : 'exploreSchemeDark')}
            </button>
          ))}
        </div>
        <OwnLayerSwitch on={on.ownLayer} onChange={on.onOwnLayer} />
        <button
          type="button"
          class="ex-button ex-button-primary"
          disabled={presentation !== 'chart'}
          title={t(presentation === 'chart' ? 'exploreExportHint' : 'exploreExportSwitch')}
          onClick={on.onExport}
        >
          {t('exploreExport')}
        </button>
      </div>
    </header>
  );
}

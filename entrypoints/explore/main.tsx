import '~/browser/page-leaving';
import exploreBaseJson from '~/data/explore-base.json';
import type { FactBase } from '~/lib/factbase/types';
import { createExploreModel } from '~/lib/explore/model';
import { parseExploreSearch } from '~/lib/explore/url-state';
import { typeLabel } from '~/components/card/card-model';
import { ExploreApp } from '~/components/explore/ExploreApp';
import { startInterfaceText } from '~/browser/interface-text';
import { renderLocalized } from '~/components/localized';
import '~/components/theme.css';
import '~/components/explore/explore.css';
import '~/components/explore/chart.css';

// Marks read by scripts/bench/explore-bench.ts: script start, model built, first chart laid out and painted (in
// ExploreApp). The page opens on the compact explore base (200 KB: events, names, relations); the full fact base
// (1.5 MB: cards, relation quotes, aliases) is a separate chunk, loaded after the first render, as is the entity
// card (components/card/card-chunk.ts). A module, not a JSON file read with fetch and Response.json(): browsers
// parse a module's source off the main thread, leaving it only JSON.parse of the string Vite wrote (wxt.config.ts
// `json.stringify`), while Response.json() parses on it. Tried in issue 21: the after-load's worst frame grew in both
// browsers (explore-bench --compare, same run, load 9: Chromium 50 → 83 ms, Firefox 51 → 100 ms on the timeline).
performance.mark('lens-explore-start');
const model = createExploreModel(
  exploreBaseJson as unknown as FactBase,
  typeLabel,
  async () => (await import('~/data/factbase.json')).default as unknown as FactBase,
);
performance.mark('lens-explore-model');
// Every word of the page comes from the interface catalog: rendered before it is read, the page showed its keys
// ("cardRelShareholderOf 30%"). A change of language renders the page afresh in the view the URL holds now. The root
// is taken before that wait: looked up after it, a document changed meanwhile (an embedding test page) handed Preact
// a null root.
const root = document.getElementById('app')!;
void startInterfaceText(document, 'titleExplore').then(() =>
  renderLocalized(root, () => <ExploreApp model={model} initial={parseExploreSearch(location.search)} />),
);

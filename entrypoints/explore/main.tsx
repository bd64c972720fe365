import { render } from 'preact';
import factBaseJson from '~/data/factbase.json';
import type { FactBase } from '~/lib/factbase/types';
import { createExploreModel } from '~/lib/explore/model';
import { parseExploreSearch } from '~/lib/explore/url-state';
import { typeLabel } from '~/components/card/card-model';
import { ExploreApp } from '~/components/explore/ExploreApp';
import '~/components/theme.css';
import '~/components/card/card.css';
import '~/components/explore/explore.css';
import '~/components/explore/chart.css';

// Marks read by scripts/bench/explore-bench.ts: script start, model built, first chart laid out (in ExploreApp).
performance.mark('lens-explore-start');
const model = createExploreModel(factBaseJson as unknown as FactBase, typeLabel);
performance.mark('lens-explore-model');
render(<ExploreApp model={model} initial={parseExploreSearch(location.search)} />, document.getElementById('app')!);

import type { Citation } from '~/lib/explore/caption';

/** What a view hands the export dialog: its live SVG, what it shows, and the sources behind that. */
export interface ExportRequest {
  kind: 'timeline' | 'map';
  svg: SVGSVGElement;
  /** First caption line, e.g. "Timeline 1990–2025 · 183 events · Country: Kazakhstan". */
  title: string;
  citations: Citation[];
  /** How to read the figure (markers, shapes, lines), printed under the title. */
  key: string;
  /** File name without extension. */
  fileBase: string;
}

export type Exporter = () => ExportRequest | null;

/**
 * Turns a live chart into a standalone figure: the SVG as it is on screen (current zoom, filters, selection), its
 * stylesheet with the current scheme's colours written in, and a caption citing the sources below it; and that SVG
 * drawn to a PNG at twice the size. The string assembly is pure (lib/explore/svg-export); this part reads the DOM.
 */
import { captionText, wrapText } from '~/lib/explore/caption';
import { composeSvg, resolveCssVars, type CaptionLine } from '~/lib/explore/svg-export';
import chartCss from './chart.css?inline';
import type { ExportRequest } from './export-types';
import { CAPTION_FONT, textMeasurer } from './text-measure';
import { t } from '~/lib/i18n/translator';

const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";
const PADDING = 16;
/** PNGs are drawn at twice the CSS size, sharp on high-density screens and in print. */
export const PNG_SCALE = 2;

interface Figure {
  svg: string;
  width: number;
  height: number;
  /** The caption as plain text, for the dialog and the clipboard. */
  caption: string;
}

export function buildFigure(req: ExportRequest): Figure {
  const live = req.svg;
  const width = Number(live.getAttribute('width')) || live.clientWidth;
  const height = Number(live.getAttribute('height')) || live.clientHeight;
  const clone = live.cloneNode(true) as SVGSVGElement;
  // Hidden items, tooltips and on-screen hints (like "+12 more") only add weight to the file.
  for (const el of Array.from(clone.querySelectorAll('[display="none"], [visibility="hidden"], title, .ex-ui-only')))
    el.remove();
  const serializer = new XMLSerializer();
  const body = Array.from(clone.childNodes)
    .map((n) => serializer.serializeToString(n))
    .join('');

  const style = getComputedStyle(document.documentElement);
  const names = new Set(chartCss.match(/--[\w-]+/g) ?? []);
  for (const n of ['--ex-surface', '--ex-fg', '--ex-muted', '--ex-border']) names.add(n);
  const vars: Record<string, string> = {};
  for (const n of names) vars[n] = style.getPropertyValue(n).trim();

  const { title, sources } = captionText(req.title, req.citations);
  const key = req.key;
  const measure = textMeasurer(CAPTION_FONT);
  const maxWidth = Math.max(200, width - PADDING * 2);
  const captionLines: CaptionLine[] = [
    { text: title, strong: true },
    ...wrapText(key, maxWidth, measure).map((text) => ({ text })),
    ...wrapText(sources, maxWidth, measure).map((text) => ({ text })),
  ];
  const svg = composeSvg({
    width,
    height,
    body,
    css: resolveCssVars(chartCss, vars),
    colors: {
      background: vars['--ex-surface']!,
      text: vars['--ex-fg']!,
      muted: vars['--ex-muted']!,
      rule: vars['--ex-border']!,
    },
    fontFamily: FONT_FAMILY,
    title,
    description: `${title}. ${key} ${sources}`,
    captionLines,
    padding: PADDING,
  });
  const h = Number(/<svg[^>]* height="(\d+)"/.exec(svg)?.[1] ?? height);
  return { svg, width, height: h, caption: `${title}. ${key} ${sources}` };
}

/** Draws the SVG into a canvas and encodes it as PNG. */
export function svgToPng(svg: string, width: number, height: number, scale = PNG_SCALE): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      const ctx = canvas.getContext('2d');
      if (!ctx) {
        URL.revokeObjectURL(url);
        reject(new Error(t('explorePngNoCanvas')));
        return;
      }
      ctx.scale(scale, scale);
      ctx.drawImage(img, 0, 0, width, height);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(t('explorePngNotEncoded')))), 'image/png');
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error(t('explorePngNotDrawn')));
    };
    img.src = url;
  });
}

/**
 * Assembles an exported figure as one standalone SVG document: the view's markup, its stylesheet with every CSS
 * custom property resolved to a plain value (so editors that do not know `var()` draw it right), a background, and
 * the caption citing the sources below the figure. Pure string work: no DOM, no browser.
 */

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
  // Characters XML 1.0 forbids even when escaped (controls other than tab, newline, return) are dropped.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/**
 * Replaces `var(--name)` and `var(--name, fallback)` with values from `vars` (names without the leading dashes or
 * with them). Unknown names take their fallback, or are left as they are.
 */
export function resolveCssVars(css: string, vars: Readonly<Record<string, string>>): string {
  const lookup = (name: string) => vars[name] ?? vars[name.replace(/^--/, '')];
  let out = css;
  // Fallbacks may themselves hold var(): resolve innermost first, a few rounds at most.
  for (let round = 0; round < 4 && out.includes('var('); round++) {
    out = out.replace(/var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*))?\)/g, (whole, name: string, fallback?: string) => {
      const value = lookup(name);
      if (value !== undefined && value.trim() !== '') return value.trim();
      return fallback !== undefined ? fallback.trim() : whole;
    });
  }
  return out;
}

/** CSS text is placed in CDATA; a literal `]]>` inside it must be split. */
const cdata = (text: string) => `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

export interface CaptionLine {
  text: string;
  /** The title line is set in bold. */
  strong?: boolean;
}

interface ExportFigure {
  /** The view's width and height in px; the caption is added below. */
  width: number;
  height: number;
  /** SVG markup of the view (serialized elements, already valid XML). */
  body: string;
  /** Stylesheet for `body`, custom properties already resolved. */
  css: string;
  colors: { background: string; text: string; muted: string; rule: string };
  fontFamily: string;
  /** Document title (`<title>`), read by screen readers and file browsers. */
  title: string;
  /** The full caption as one string (`<desc>`), for tools that read it. */
  description: string;
  /** The caption as already-wrapped lines. */
  captionLines: CaptionLine[];
  fontSize?: number;
  lineHeight?: number;
  padding?: number;
}

/** A standalone SVG 1.1 document (with the XML declaration). */
export function composeSvg(fig: ExportFigure): string {
  const fontSize = fig.fontSize ?? 12;
  const lineHeight = fig.lineHeight ?? Math.round(fontSize * 1.45);
  const padding = fig.padding ?? 16;
  const captionTop = fig.height + padding;
  const captionHeight = fig.captionLines.length * lineHeight + padding;
  const width = Math.ceil(fig.width);
  const height = Math.ceil(captionTop + captionHeight);
  const lines = fig.captionLines
    .map((line, i) => {
      const y = captionTop + (i + 1) * lineHeight - Math.round((lineHeight - fontSize) / 2);
      const cls = line.strong ? 'lens-export-caption lens-export-strong' : 'lens-export-caption';
      return `<text class="${cls}" x="${padding}" y="${y}">${escapeXml(line.text)}</text>`;
    })
    .join('\n    ');
  const css = [
    fig.css,
    `.lens-export-caption { font-family: ${fig.fontFamily}; font-size: ${fontSize}px; fill: ${fig.colors.muted}; }`,
    `.lens-export-strong { font-weight: 600; fill: ${fig.colors.text}; }`,
  ].join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(fig.fontFamily)}">`,
    `  <title>${escapeXml(fig.title)}</title>`,
    `  <desc>${escapeXml(fig.description)}</desc>`,
    `  <style type="text/css">${cdata(css)}</style>`,
    `  <rect width="${width}" height="${height}" fill="${escapeXml(fig.colors.background)}"/>`,
    `  <g class="lens-export-view">${fig.body}</g>`,
    `  <line x1="${padding}" x2="${width - padding}" y1="${fig.height + 0.5}" y2="${fig.height + 0.5}" stroke="${escapeXml(fig.colors.rule)}"/>`,
    `  <g class="lens-export-caption-block">`,
    `    ${lines}`,
    '  </g>',
    '</svg>',
    '',
  ].join('\n');
}

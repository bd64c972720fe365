/** Text widths for labels, measured once with a canvas so layout never waits for the SVG to render. */

/** The charts' label font (chart.css `.ev-label`); canvas needs the full shorthand. */
export const LABEL_FONT =
  "11.5px system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";
export const CAPTION_FONT =
  "12px system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";

const cache = new Map<string, (s: string) => number>();

/** A width function for a CSS font; falls back to an estimate where canvas text metrics are unavailable. */
export function textMeasurer(font: string): (s: string) => number {
  let m = cache.get(font);
  if (m) return m;
  const ctx = document.createElement('canvas').getContext('2d');
  if (ctx) {
    ctx.font = font;
    // Labels are measured to truncate them and then again for their width: each string is shaped once.
    const widths = new Map<string, number>();
    m = (s: string) => {
      let w = widths.get(s);
      if (w === undefined) widths.set(s, (w = ctx.measureText(s).width));
      return w;
    };
  } else {
    const size = Number(/([\d.]+)px/.exec(font)?.[1] ?? 12);
    m = (s: string) => s.length * size * 0.55;
  }
  cache.set(font, m);
  return m;
}

/** Text widths for labels, measured once with a canvas so layout never waits for the SVG to render. */

/** The charts' label font (chart.css `.ev-label`); canvas needs the full shorthand. */
export const LABEL_FONT =
  "11.5px system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";
/** The timeline axis's dates (chart.css `.tl-axis .tick text`). */
export const AXIS_FONT =
  "11px system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";
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
    // A label's width is the sum of its characters' widths, each character measured once: shaping every label
    // (twice, to truncate it) took 7-24 ms of the timeline's first render, the 70-odd distinct characters 1-2 ms.
    // The sum leaves out kerning and ligatures, which only narrow text: it is at most ~3% wider than the label
    // drawn, so a label always has the room it is given.
    const widths = new Map<string, number>();
    m = (s: string) => {
      let sum = 0;
      for (const ch of s) {
        let w = widths.get(ch);
        if (w === undefined) widths.set(ch, (w = ctx.measureText(ch).width));
        sum += w;
      }
      return sum;
    };
  } else {
    const size = Number(/([\d.]+)px/.exec(font)?.[1] ?? 12);
    m = (s: string) => s.length * size * 0.55;
  }
  cache.set(font, m);
  return m;
}

/**
 * The path animated zooms and pans follow. d3-zoom's default (van Wijk and Nuij's "smooth and efficient" path) zooms
 * out and back in on the way, which suits flying across a map but makes a short pan of the timeline change its scale
 * on every frame: every item then moves and resizes instead of the whole layer sliding, and more of the fact base
 * comes into view mid-flight. For the short steps of buttons and arrow keys a direct path is smoother: the centre
 * moves linearly and the scale changes geometrically (constant zoom speed). d3-zoom still runs the transition.
 *
 * A view is d3-zoom's `[centre x, centre y, width]`. Pure.
 */
type ZoomView = [number, number, number];

export function directZoomPath(a: ZoomView, b: ZoomView): (t: number) => ZoomView {
  const ratio = b[2] / a[2];
  return (t) => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] * Math.pow(ratio, t)];
}

/**
 * What the map and the timeline share around their drawing: d3-zoom bound to the chart's SVG (wheel, drag, pinch,
 * and the animated zooms and pans of buttons and keys), glides from one layout to the next on animation frames, the
 * keyboard table of a stage, and the stage's size. Each chart keeps its own values (zoom range, durations, keys);
 * `destroy()` unbinds the gestures and stops a glide under way.
 */
import { select, type Selection } from 'd3-selection';
import 'd3-transition';
import { zoom as d3zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { directZoomPath } from '~/lib/explore/zoom-path';

type Extent = [[number, number], [number, number]];
export type StageZoomEvent = D3ZoomEvent<SVGSVGElement, unknown>;

interface ZoomStageOptions {
  scaleExtent: [number, number];
  /** How long animated zooms and pans (buttons, keys, fitting) take, in ms. */
  duration: number;
  /** The viewport the gestures act on (d3's default: the SVG's viewBox). */
  extent?: Extent;
  /** How far the content may be panned. */
  translateExtent?: Extent;
  /** Which input events start a gesture (d3's default filter otherwise). */
  filter?: (event: Event & { button?: number; ctrlKey?: boolean; type: string }) => boolean;
  /** Every frame of a gesture or an animated move, with the new transform. */
  onZoom: (t: ZoomTransform) => void;
  onStart?: (event: StageZoomEvent) => void;
  onEnd?: (event: StageZoomEvent) => void;
}

/** Whether the reader asked for less motion: moves then jump instead of gliding. */
export const reducedMotion = (): boolean => matchMedia('(prefers-reduced-motion: reduce)').matches;

export class ZoomStage {
  /** The current transform; kept across re-binding (a resize) and set before `onZoom` is called. */
  transform: ZoomTransform = zoomIdentity;
  private behaviour: ZoomBehavior<SVGSVGElement, unknown> | null = null;
  private duration = 0;
  private glideFrame: number | null = null;

  constructor(private readonly svg: SVGSVGElement) {}

  /** Whether gestures are bound (the chart knows its size). */
  get bound(): boolean {
    return this.behaviour !== null;
  }

  /** Binds the gestures with these options (replacing earlier ones) and re-applies the current transform. */
  bind(options: ZoomStageOptions): void {
    this.unbind();
    this.duration = options.duration;
    const behaviour = d3zoom<SVGSVGElement, unknown>().scaleExtent(options.scaleExtent).interpolate(directZoomPath);
    if (options.extent) behaviour.extent(options.extent);
    if (options.translateExtent) behaviour.translateExtent(options.translateExtent);
    if (options.filter) behaviour.filter(options.filter);
    if (options.onStart) behaviour.on('start', options.onStart);
    behaviour.on('zoom', (event: StageZoomEvent) => {
      this.transform = event.transform;
      options.onZoom(event.transform);
    });
    if (options.onEnd) behaviour.on('end', options.onEnd);
    this.behaviour = behaviour;
    const sel = select(this.svg);
    sel.call(behaviour).on('dblclick.zoom', null);
    sel.call(behaviour.transform, this.transform);
  }

  /** Zooms by `factor` about a point of the viewport (its middle by default). */
  zoomBy(factor: number, about?: [number, number], animate = true): void {
    if (this.behaviour) this.mover(animate).call(this.behaviour.scaleBy as never, factor, about);
  }

  /** Pans by (dx, dy) in content units. */
  translateBy(dx: number, dy: number, animate = true): void {
    if (this.behaviour) this.mover(animate).call(this.behaviour.translateBy as never, dx, dy);
  }

  /** Pans so the content point (x, y) is at the viewport's middle. */
  translateTo(x: number, y: number, animate = true): void {
    if (this.behaviour) this.mover(animate).call(this.behaviour.translateTo as never, x, y);
  }

  /** Moves to a transform. */
  zoomTo(t: ZoomTransform, animate = true): void {
    if (this.behaviour) this.mover(animate).call(this.behaviour.transform as never, t);
  }

  /**
   * Runs `frame(eased progress)` on each animation frame for `ms`, then `end()`; a glide under way is stopped first.
   * The caller checks reducedMotion() and jumps instead.
   */
  glide(ms: number, ease: (p: number) => number, frame: (e: number) => void, end: () => void): void {
    this.stopGlide();
    const started = performance.now();
    const step = (now: number) => {
      const p = Math.min(1, (now - started) / ms);
      if (p >= 1) {
        this.glideFrame = null;
        end();
        return;
      }
      frame(ease(p));
      this.glideFrame = requestAnimationFrame(step);
    };
    this.glideFrame = requestAnimationFrame(step);
  }

  stopGlide(): void {
    if (this.glideFrame !== null) cancelAnimationFrame(this.glideFrame);
    this.glideFrame = null;
  }

  destroy(): void {
    this.stopGlide();
    this.unbind();
  }

  private unbind(): void {
    if (this.behaviour) select(this.svg).on('.zoom', null);
    this.behaviour = null;
  }

  /** The selection to move: animated unless asked not to or the reader prefers less motion. */
  private mover(animate: boolean) {
    const sel: Selection<SVGSVGElement, unknown, null, undefined> = select(this.svg);
    return !animate || reducedMotion() ? sel : sel.transition().duration(this.duration);
  }
}

/** Easing of a glide between two layouts (d3's cubic in-out and cubic out). */
export const easeCubicInOut = (k: number): number => (k < 0.5 ? 4 * k * k * k : 1 - Math.pow(-2 * k + 2, 3) / 2);
export const easeCubicOut = (p: number): number => 1 - (1 - p) * (1 - p) * (1 - p);

/**
 * Runs the action a stage's key table gives for `e.key`, unless a modifier (Alt, Ctrl, Meta) is held: those belong to
 * the browser and the page. Returns whether a key was handled (its default then prevented).
 */
export function handleStageKey(e: KeyboardEvent, keys: Readonly<Record<string, () => void>>): boolean {
  const action = keys[e.key];
  if (!action || e.altKey || e.ctrlKey || e.metaKey) return false;
  e.preventDefault();
  action();
  return true;
}

export interface StageSize {
  width: number;
  height: number;
}

/**
 * Calls `onSize` with the element's size inside its border at once (waiting for a ResizeObserver's first call would
 * cost a frame) and whenever it changes by a pixel or more, with the size reported before. Returns the disconnect.
 * Inside the border, because the chart's svg fills that box: sized to the border box, its viewBox was scaled down to
 * fit (0.4 % at 1280 px), which set the map's smallest text at 10.96 px where 11 was meant.
 */
export function observeSize(el: Element, onSize: (size: StageSize, before: StageSize | null) => void): () => void {
  let last: StageSize | null = null;
  const read = () => {
    const r = innerSize(el);
    if (last && Math.abs(last.width - r.width) < 1 && Math.abs(last.height - r.height) < 1) return;
    const before = last;
    last = r;
    onSize(last, before);
  };
  read();
  const observer = new ResizeObserver(read);
  observer.observe(el);
  return () => observer.disconnect();
}

/** The element's size inside its border, to the fraction of a pixel (clientWidth rounds it). */
function innerSize(el: Element): StageSize {
  const r = el.getBoundingClientRect();
  const s = getComputedStyle(el);
  const px = (v: string) => parseFloat(v) || 0;
  return {
    width: r.width - px(s.borderLeftWidth) - px(s.borderRightWidth),
    height: r.height - px(s.borderTopWidth) - px(s.borderBottomWidth),
  };
}

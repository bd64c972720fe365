/**
 * A keyboard-only walk through a page, with real Tab and Shift+Tab presses: where focus goes at each press, whether
 * every control of the page is reached, whether focus comes back round (nothing traps it), and whether each focused
 * control shows a focus indicator that can be seen.
 *
 * A `focusin` listener in the page records every element focus lands on (through open shadow roots: the test build's
 * card) and measures it at that moment, so a round of presses needs no round trip per press to read where focus is.
 * Everything runs in the page's own world through `LensPage.evaluate`, so it works in Chromium and Firefox alike.
 */
import type { LensPage } from '../../automation/lens-browser';

interface FocusStop {
  /** `tag#id.class[role] "name"`: enough to find it and to read a failure. */
  label: string;
  /** Index into the page's `__lensWalk` list of elements (the same element keeps its index). */
  index: number;
}

export interface TabWalk {
  /** The stops of one round, from the first control to the last. */
  stops: FocusStop[];
  /** Whether Tab came back to the first stop within the press budget (false: focus was trapped or lost). */
  cycled: boolean;
}

/** What the recorder keeps in the page. */
interface Recorder {
  /** Every element focus has landed on, once each; a stop's index points here. */
  walk: Element[];
  labels: string[];
  /** How each element looked while it had focus (see `indicators` in `installRecorder`). */
  focusedLooks: string[][];
  /** Indexes in the order focus landed since the last `clear`. */
  log: number[];
  /** Measures an element's focus indicators and the background behind it (installed with the recorder). */
  indicators(el: Element): string[];
  contrastBehind(el: Element, color: string): number;
}

/**
 * Installs the recorder once per page. An indicator is one thing drawn around or on a control that can show focus:
 * the element's outline, its box-shadow, its border colour, its parent's outline or shadow (a wrapper that draws the
 * ring, `:focus-within`), or a stroked SVG shape inside it that is displayed (a map node's ring). Each is a string
 * `kind|css|colour`; a focused look's indicators that the unfocused look lacks are what focus added.
 */
function installRecorder(): void {
  const w = window as unknown as { __lensFocus?: Recorder };
  if (w.__lensFocus) return;
  const paint = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
  /** Any CSS colour the browser can compute (rgb, color(srgb …), oklch …) as [r, g, b, a] in 0–255 / 0–1. */
  const rgba = (css: string): number[] => {
    paint.clearRect(0, 0, 1, 1);
    paint.fillStyle = 'rgba(0, 0, 0, 0)';
    paint.fillStyle = css;
    paint.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = paint.getImageData(0, 0, 1, 1).data;
    return [r!, g!, b!, a! / 255];
  };
  const parentOf = (e: Element): Element | null =>
    e.parentElement ?? ((e.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
  /** The colour painted behind `el`: its ancestors' backgrounds composited over the page's canvas colour. */
  const backgroundBehind = (el: Element): number[] => {
    const layers: number[][] = [];
    for (let e: Element | null = parentOf(el); e; e = parentOf(e)) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c[3]! > 0) layers.push(c);
      if (c[3]! >= 1) break;
    }
    if (!layers.length || layers[layers.length - 1]![3]! < 1) {
      // The canvas colour of the root's colour scheme (white, or the browser's dark canvas).
      const probe = document.createElement('div');
      probe.style.cssText = 'background: Canvas; position: absolute;';
      document.documentElement.append(probe);
      layers.push(rgba(getComputedStyle(probe).backgroundColor));
      probe.remove();
    }
    let [r, g, b] = layers.pop()!;
    for (const [lr, lg, lb, la] of layers.reverse()) {
      r = lr! * la! + r! * (1 - la!);
      g = lg! * la! + g! * (1 - la!);
      b = lb! * la! + b! * (1 - la!);
    }
    return [r!, g!, b!];
  };
  const luminance = ([r, g, b]: number[]) => {
    const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
  };
  /** WCAG contrast of `color` (composited over the background) against the background behind `el`. */
  const contrastBehind = (el: Element, color: string): number => {
    const back = backgroundBehind(el);
    const [r, g, b, a] = rgba(color);
    const front = [r! * a! + back[0]! * (1 - a!), g! * a! + back[1]! * (1 - a!), b! * a! + back[2]! * (1 - a!)];
    const [hi, lo] = [luminance(front), luminance(back)].sort((x, y) => y - x);
    return (hi! + 0.05) / (lo! + 0.05);
  };
  const COLOR = /(?:rgba?|color|oklch|oklab|lab|lch|hsla?)\([^)]*\)|#[0-9a-f]{3,8}\b/gi;
  const ownIndicators = (e: Element, kind: string): string[] => {
    const s = getComputedStyle(e);
    const found: string[] = [];
    if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
      found.push(
        `${kind}outline|${s.outlineStyle} ${s.outlineWidth}|${s.outlineStyle === 'auto' ? 'auto' : s.outlineColor}`,
      );
    if (s.boxShadow && s.boxShadow !== 'none')
      for (const color of s.boxShadow.match(COLOR) ?? []) found.push(`${kind}shadow|${s.boxShadow}|${color}`);
    return found;
  };
  const indicators = (el: Element): string[] => {
    const s = getComputedStyle(el);
    const found = ownIndicators(el, '');
    if (parseFloat(s.borderTopWidth) > 0 && s.borderTopStyle !== 'none')
      found.push(`border|${s.borderTopWidth}|${s.borderTopColor}`);
    const parent = parentOf(el);
    if (parent) found.push(...ownIndicators(parent, 'parent '));
    if (el instanceof SVGElement)
      for (const shape of el.querySelectorAll('*')) {
        const ss = getComputedStyle(shape);
        if (ss.display !== 'none' && ss.stroke && ss.stroke !== 'none' && parseFloat(ss.strokeWidth) > 0)
          found.push(`ring ${shape.getAttribute('class') ?? shape.tagName}|${ss.strokeWidth}|${ss.stroke}`);
      }
    return found;
  };
  const LEFT = -1;
  const recorder: Recorder = { walk: [], labels: [], focusedLooks: [], log: [], indicators, contrastBehind };
  w.__lensFocus = recorder;
  // Focus that moves inside a shadow tree is not dispatched past its root (the host would be both target and related
  // target), so each open shadow root gets the listener too; an event seen twice counts once.
  const seen = new WeakSet<Event>();
  const watched = new WeakSet<Node>();
  const onFocus = (event: Event) => {
    if (seen.has(event)) return;
    seen.add(event);
    const el = event.composedPath()[0];
    if (!(el instanceof Element) || el === document.body || el === document.documentElement) return;
    watchRootsOf(el);
    let index = recorder.walk.indexOf(el);
    if (index < 0) {
      index = recorder.walk.push(el) - 1;
      const labelled = (el as HTMLInputElement).labels?.[0]?.innerText;
      const name = (
        el.getAttribute('aria-label') ||
        labelled ||
        (el as HTMLElement).innerText ||
        el.getAttribute('title') ||
        ''
      )
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 40);
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/)[0]}` : '';
      const role = el.getAttribute('role') ? `[${el.getAttribute('role')}]` : '';
      recorder.labels[index] = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls}${role} "${name}"`;
    }
    recorder.focusedLooks[index] = indicators(el);
    recorder.log.push(index);
  };
  const listen = (target: Document | ShadowRoot) => {
    if (watched.has(target)) return;
    watched.add(target);
    target.addEventListener('focusin', onFocus, true);
  };
  const watchRootsOf = (el: Element) => {
    for (let root = el.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) listen(root);
  };
  listen(document);
  for (const el of document.querySelectorAll('*')) if (el.shadowRoot) listen(el.shadowRoot);
  // Focus that leaves for nothing in the page (the browser's own controls, after the last stop): logged as -1.
  document.addEventListener(
    'focusout',
    (event) => {
      if (!(event as FocusEvent).relatedTarget && !seen.has(event)) recorder.log.push(LEFT);
      seen.add(event);
    },
    true,
  );
}

/**
 * Installs the recorder, puts the browser's sequential-navigation starting point at the start of `container` (a
 * blur alone leaves it where focus was: a scratch element there is focused and removed) and starts a new log.
 */
async function startAt(page: LensPage, container: string): Promise<void> {
  await page.evaluate(installRecorder);
  await page.evaluate((container) => {
    const recorder = (window as unknown as { __lensFocus: Recorder }).__lensFocus;
    (document.activeElement as HTMLElement | null)?.blur?.();
    const start = document.createElement('span');
    start.tabIndex = -1;
    // The whole document's walk starts in its body (`html` also counts what is appended after it: the card's host).
    (container === 'html' ? document.body : document.querySelector(container)!).prepend(start);
    start.focus();
    start.remove();
    recorder.log.length = 0;
  }, container);
}

/** The log so far: stops, and -1 where focus left the page. */
function readLog(page: LensPage): Promise<FocusStop[]> {
  return page.evaluate(() => {
    const recorder = (window as unknown as { __lensFocus: Recorder }).__lensFocus;
    return recorder.log.map((index) => ({ index, label: index < 0 ? '(left the page)' : recorder.labels[index]! }));
  });
}

/**
 * How many Tab stops `container` should have, and which is the last: enabled, rendered controls and tabindex≥0
 * elements in composed order (a shadow root's content where its host is). The walk presses that many times in one
 * go, then one at a time, so it ends on the last control without pressing past it (in Firefox, Tab past the last
 * control gives focus to the browser's own toolbar, from where automation's keys no longer reach the page).
 */
function expectedStops(page: LensPage, container: string): Promise<{ count: number; last: number }> {
  return page.evaluate((container) => {
    const recorder = (window as unknown as { __lensFocus: Recorder }).__lensFocus;
    const tabbable = (el: Element) =>
      el instanceof HTMLElement &&
      el.tabIndex >= 0 &&
      !(el as HTMLButtonElement).disabled &&
      el.matches(
        'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex], [contenteditable="true"]',
      ) &&
      !el.closest('[inert], dialog:not([open])') &&
      el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: false }) &&
      !(
        el instanceof HTMLInputElement &&
        el.type === 'radio' &&
        !el.checked &&
        document.querySelector(`input[type="radio"][name="${CSS.escape(el.name)}"]:checked`)
      );
    const found: Element[] = [];
    const visit = (root: ParentNode) => {
      for (const el of root.children) {
        if (tabbable(el)) found.push(el);
        if (el.shadowRoot) visit(el.shadowRoot);
        visit(el);
      }
    };
    visit(document.querySelector(container)!);
    const last = found[found.length - 1];
    let index = last ? recorder.walk.indexOf(last) : -1;
    if (last && index < 0) index = recorder.walk.push(last) - 1;
    if (last && !recorder.labels[index]) recorder.labels[index] = '(last control)';
    return { count: found.length, last: index };
  }, container);
}

/**
 * Presses Tab from the start of `container` (the document's body, or a modal dialog) until focus reaches its last
 * control, leaves the page for the browser's own controls, or comes back to the first stop, at most `budget`
 * presses: one round, in order.
 */
export async function tabRound(page: LensPage, budget = 120, container = 'body'): Promise<TabWalk> {
  await startAt(page, container);
  const { count, last } = await expectedStops(page, container);
  let pressed = Math.min(count, budget);
  await page.pressRepeatedly('Tab', pressed);
  for (;;) {
    const log = await readLog(page);
    const end = log.findIndex(
      (stop, i) => stop.index < 0 || stop.index === last || (i > 0 && stop.index === log[0]!.index),
    );
    if (end >= 0 && log[end]!.index === last) return { stops: distinctRuns(log.slice(0, end + 1)), cycled: true };
    if (end > 0) return { stops: distinctRuns(log.slice(0, end)), cycled: true };
    if (pressed >= budget) return { stops: distinctRuns(log.filter((stop) => stop.index >= 0)), cycled: false };
    await page.press('Tab');
    pressed++;
  }
}

/**
 * Whether Tab on the last stop moves focus on (out of the page, or round to the first stop in a modal dialog):
 * nothing traps it there. Call it last on a page: in Firefox focus is then in the browser's toolbar, where
 * automation's keys no longer reach the page.
 */
export async function tabLeavesLastStop(page: LensPage, last: FocusStop): Promise<boolean> {
  await page.evaluate((index) => {
    const recorder = (window as unknown as { __lensFocus: Recorder }).__lensFocus;
    (recorder.walk[index] as HTMLElement).focus();
    recorder.log.length = 0;
  }, last.index);
  await page.press('Tab');
  const after = await readLog(page);
  return after.length > 0 && after[0]!.index !== last.index;
}

/** Drops a stop that repeats the one before it (focus that lands twice on the same control, e.g. re-rendered). */
function distinctRuns(log: FocusStop[]): FocusStop[] {
  return log.filter((stop, i) => i === 0 || stop.index !== log[i - 1]!.index);
}

/** Puts focus on `from` and presses Shift+Tab `count` times, returning each stop reached. */
export async function shiftTabStops(page: LensPage, from: FocusStop, count: number): Promise<FocusStop[]> {
  await page.evaluate((index) => {
    const recorder = (window as unknown as { __lensFocus: Recorder }).__lensFocus;
    (recorder.walk[index] as HTMLElement).focus();
    recorder.log.length = 0;
  }, from.index);
  await page.pressRepeatedly('Shift+Tab', count);
  return distinctRuns(await readLog(page));
}

/**
 * The page's keyboard-reachable controls that Tab never reached: enabled, rendered, not inert, not taken out of the
 * order with tabindex=-1 (roving groups keep one member at 0), and for radio buttons the one of its group Tab stops on.
 * `within` is a selector, or a list of them through open shadow roots (a host, then an element inside it).
 */
export function unreachedControls(page: LensPage, within?: string | string[]): Promise<string[]> {
  return page.evaluate((within) => {
    const visited = new Set((window as unknown as { __lensFocus?: Recorder }).__lensFocus?.walk ?? []);
    let root: ParentNode = document;
    for (const selector of [within ?? []].flat()) {
      const found = root.querySelector(selector)!;
      root = found.shadowRoot ?? found;
    }
    const selector =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex], [contenteditable="true"]';
    const missed: string[] = [];
    for (const el of root.querySelectorAll<HTMLElement>(selector)) {
      if ((el as HTMLButtonElement).disabled) continue;
      // Out of the order on purpose only in a roving group (one member takes Tab, arrows move within): a control
      // with tabindex=-1 elsewhere, or a non-control with it (a focus target for scripts), is not a stop.
      if (el.tabIndex < 0) {
        const native = el.matches('a[href], button, input, select, textarea, summary');
        const group = el.closest(
          '[role="tablist"], [role="toolbar"], [role="radiogroup"], [role="listbox"], [role="grid"], [role="tree"], [role="menu"], [role="menubar"]',
        );
        if (!native || (group && [...visited].some((v) => group.contains(v)))) continue;
      }
      if (el.closest('[inert], [hidden], dialog:not([open])')) continue;
      // Not rendered, invisible, or inside a closed <details> (content-visibility: hidden keeps its client rects).
      if (!el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: false })) continue;
      if (el instanceof HTMLInputElement && el.type === 'radio' && !el.checked) {
        const group = el.form?.elements.namedItem(el.name) ?? document.getElementsByName(el.name);
        if ([...(group as unknown as Iterable<HTMLInputElement>)].some((r) => r.checked)) continue;
      }
      if (visited.has(el)) continue;
      const name = (el.getAttribute('aria-label') ?? el.innerText ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      missed.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className} "${name}"`);
    }
    return missed;
  }, within ?? null);
}

/**
 * WCAG 2.2's focus appearance asks for an indicator with 3:1 contrast against what surrounds it (non-text contrast,
 * 1.4.11). Browsers' own `outline-style: auto` rings are two-coloured to contrast on any background and count as seen.
 */
const FOCUS_CONTRAST = 3;

/**
 * The stops with no visible focus indicator: nothing that focus added (an indicator present while the control had
 * focus and absent without it) contrasts at least 3:1 with the background behind the control. Each failure names the
 * best contrast it found. Focus is taken off the page first, to read each control's unfocused look.
 */
export function stopsWithoutFocusIndicator(page: LensPage, stops: readonly FocusStop[]): Promise<string[]> {
  return page.evaluate(
    ({ stops, minimum }) => {
      const recorder = (window as unknown as { __lensFocus: Recorder }).__lensFocus;
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      (active as HTMLElement | null)?.blur?.();
      const failures: string[] = [];
      for (const stop of stops) {
        const el = recorder.walk[stop.index]!;
        const unfocused = new Set(recorder.indicators(el));
        const added = recorder.focusedLooks[stop.index]!.filter((look) => !unfocused.has(look));
        let best = 0;
        for (const look of added) {
          const color = look.slice(look.lastIndexOf('|') + 1);
          best = Math.max(best, color === 'auto' ? Infinity : recorder.contrastBehind(el, color));
        }
        if (best < minimum)
          failures.push(
            `${stop.label}: ${added.length ? `best ${best.toFixed(2)}:1 (${added.join('; ')})` : 'nothing'}`,
          );
      }
      return failures;
    },
    { stops: stops.map((s) => ({ ...s })), minimum: FOCUS_CONTRAST },
  );
}

/**
 * Consecutive stops where focus went backwards in document order (a positive tabindex, or a reordered layout). Order
 * is the composed one: a control inside a shadow root sits where its host is.
 */
export function outOfOrder(page: LensPage, stops: readonly FocusStop[]): Promise<string[]> {
  return page.evaluate(
    (stops) => {
      const list = (window as unknown as { __lensFocus: Recorder }).__lensFocus.walk;
      /** The element and the shadow hosts around it, outermost first. */
      const chain = (e: Element) => {
        const out = [e];
        for (let root = e.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode())
          out.unshift(root.host);
        return out;
      };
      const precedes = (a: Element, b: Element) => {
        const [ca, cb] = [chain(a), chain(b)];
        let i = 0;
        while (ca[i] === cb[i] && i < ca.length - 1 && i < cb.length - 1) i++;
        if (ca[i] === cb[i]) return ca.length < cb.length; // b is inside a's shadow tree
        return !!(ca[i]!.compareDocumentPosition(cb[i]!) & Node.DOCUMENT_POSITION_FOLLOWING);
      };
      const wrong: string[] = [];
      for (let i = 1; i < stops.length; i++) {
        const [a, b] = [list[stops[i - 1]!.index]!, list[stops[i]!.index]!];
        if (!precedes(a, b)) wrong.push(`${stops[i - 1]!.label} → ${stops[i]!.label}`);
      }
      return wrong;
    },
    stops.map((s) => ({ ...s })),
  );
}

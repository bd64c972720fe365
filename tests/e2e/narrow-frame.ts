/**
 * An extension page laid out at a small width (issue 21: "library, options and explore work from 360 px up, with no
 * sideways scrolling"): the page is loaded in a frame of that width inside a host extension page, which works the
 * same in both browsers (neither harness resizes a window the same way), and what reaches past the frame is listed.
 */
import { waitInPage, type LensPage } from '../../automation/lens-browser';

interface Sideways {
  /** The frame's layout width. */
  width: number;
  /** How wide the framed document scrolls. */
  scrollWidth: number;
  /** Elements out of the frame sideways and not inside something that scrolls or clips them within it. */
  outside: string[];
}

/**
 * Loads `path` (an extension page) in a `width` px frame that replaces `host`'s content, waits until `ready` (a CSS
 * selector) is in it, and measures what overflows sideways.
 */
export async function sidewaysAt(host: LensPage, path: string, width: number, ready: string): Promise<Sideways> {
  await host.evaluate(
    ({ path, width }) => {
      const frame = document.createElement('iframe');
      frame.style.cssText = `width:${width}px;height:720px;border:0;display:block`;
      frame.src = path;
      document.body.replaceChildren(frame);
    },
    { path, width },
  );
  await waitInPage(
    host,
    (ready) => {
      const doc = document.querySelector('iframe')?.contentDocument;
      return doc?.readyState === 'complete' && !!doc.querySelector(ready);
    },
    `${path} at ${width} px`,
    10_000,
    ready,
  );
  return host.evaluate(() => {
    const doc = document.querySelector('iframe')!.contentDocument!;
    const win = doc.defaultView!;
    const width = win.innerWidth;
    const clips = (el: Element) => ['hidden', 'auto', 'scroll', 'clip'].includes(win.getComputedStyle(el).overflowX);
    const outside = (el: Element) => {
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height || (r.left >= -1 && r.right <= width + 1)) return false;
      for (let p = el.parentElement; p && p !== doc.body; p = p.parentElement)
        if (clips(p)) {
          const b = p.getBoundingClientRect();
          if (b.left >= -1 && b.right <= width + 1) return false;
        }
      return true;
    };
    return {
      width,
      scrollWidth: doc.documentElement.scrollWidth,
      outside: Array.from(doc.body.querySelectorAll('*'))
        .filter(outside)
        .map((el) => `${el.localName}.${el.getAttribute('class') ?? ''} “${(el.textContent ?? '').slice(0, 30)}”`),
    };
  });
}

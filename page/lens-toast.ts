/**
 * A small in-page confirmation ("Saved to Caspian Lens · Undo") in a closed shadow root, so the page's CSS cannot
 * reach it and its scripts cannot read it or press its buttons. One at a time: a new toast replaces the old one. Sizes are in px
 * because `rem` would follow the page's root font size.
 *
 * Content scripts cannot define custom elements in Chromium (no `customElements` in the isolated world), so
 * `<lens-toast>` is an undefined custom element used only as a shadow host; its name still cannot collide with the
 * page's elements.
 */
import { refuseSyntheticInput } from './trusted-input';

export interface ToastOptions {
  message: string;
  /** `error` toasts stay longer and are announced assertively. */
  kind?: 'ok' | 'error';
  action?: { label: string; run: () => void };
  /** How long the toast stays; long enough to read a sentence and reach Undo. Milliseconds. */
  durationMs?: number;
  /** The close button's label in the interface language (the caller has the catalog; the first stage does not). */
  dismissLabel?: string;
}

const TOAST_TAG = 'lens-toast';
const DEFAULT_DURATION_MS = 8_000;

const STYLE = `
:host { all: initial; position: fixed; z-index: 2147483647; right: 16px; bottom: 16px; }
.toast { display: flex; align-items: center; gap: 12px; max-width: 420px; box-sizing: border-box;
  padding: 10px 12px 10px 14px; border-radius: 8px; background: #1d232b; color: #f4f6f8;
  font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; box-shadow: 0 6px 24px rgba(0,0,0,.28); }
.toast.error { background: #7a1f1f; }
.msg { flex: 1; }
button { all: unset; cursor: pointer; font-weight: 600; color: #7fd4ff; padding: 4px 6px; border-radius: 4px; }
button:focus-visible { outline: 2px solid #7fd4ff; outline-offset: 1px; }
.close { color: #aab4bf; font-weight: 400; }
@media (prefers-reduced-motion: no-preference) { .toast { animation: in 160ms ease-out; } }
@keyframes in { from { transform: translateY(8px); opacity: 0; } }
`;

interface ToastHandle {
  close(): void;
  update(options: ToastOptions): void;
}

let current: ToastHandle | null = null;

export function showToast(doc: Document, options: ToastOptions, signal?: AbortSignal): ToastHandle {
  current?.close();
  const host = doc.createElement(TOAST_TAG);
  // Open in the test build only, as the card's is, so end-to-end tests can read it and find its buttons.
  const shadow = host.attachShadow({ mode: __LENS_TEST_BUILD__ ? 'open' : 'closed' });
  // Undo and confirmations answer the reader only, never a page's synthetic click.
  refuseSyntheticInput(shadow);
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const box = doc.createElement('div');
  shadow.append(style, box);
  (doc.body ?? doc.documentElement).append(host);

  let timer: ReturnType<typeof setTimeout> | undefined;
  const handle: ToastHandle = {
    close() {
      clearTimeout(timer);
      host.remove();
      if (current === handle) current = null;
    },
    update(next) {
      clearTimeout(timer);
      box.className = `toast ${next.kind === 'error' ? 'error' : 'ok'}`;
      box.setAttribute('role', next.kind === 'error' ? 'alert' : 'status');
      const msg = doc.createElement('span');
      msg.className = 'msg';
      msg.textContent = next.message;
      const parts: Node[] = [msg];
      if (next.action) {
        const { run, label } = next.action;
        const button = doc.createElement('button');
        button.textContent = label;
        button.addEventListener('click', () => run());
        parts.push(button);
      }
      const close = doc.createElement('button');
      close.className = 'close';
      close.textContent = '✕';
      close.setAttribute('aria-label', next.dismissLabel ?? options.dismissLabel ?? 'Dismiss');
      close.addEventListener('click', () => handle.close());
      parts.push(close);
      box.replaceChildren(...parts);
      timer = setTimeout(
        () => handle.close(),
        next.durationMs ?? (next.kind === 'error' ? 12_000 : DEFAULT_DURATION_MS),
      );
    },
  };
  handle.update(options);
  signal?.addEventListener('abort', () => handle.close(), { once: true });
  current = handle;
  return handle;
}

/**
 * The theme setting on an extension page (options, popup, library): 'light' or 'dark' force the scheme through
 * `data-theme` on <html> (components/theme.css), 'auto' removes it so the system's scheme applies.
 */
import type { ThemeSetting } from '~/lib/settings/settings';

export function applyTheme(doc: Document, theme: ThemeSetting): void {
  const root = doc.documentElement;
  if (theme === 'auto') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
}

/** The scheme in effect: the forced one, or the system's. For components that pick colours in script. */
export function effectiveScheme(doc: Document, theme: ThemeSetting): 'light' | 'dark' {
  if (theme !== 'auto') return theme;
  return doc.defaultView?.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

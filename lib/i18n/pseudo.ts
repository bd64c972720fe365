/**
 * The pseudo-locale: every English message made about 40% longer, its letters accented and wrapped in brackets,
 * shown right-to-left. A layout that survives it survives Russian or Kazakh (longer words) and any script; a string
 * that appears without brackets on screen was never looked up. Placeholders (`$name$`, `$1`) are kept as they are.
 */
import type { Catalog } from './catalog';

const ACCENTED: Record<string, string> = {
  a: 'á',
  e: 'ë',
  i: 'ï',
  o: 'ö',
  u: 'ü',
  c: 'ç',
  n: 'ñ',
  s: 'š',
  z: 'ž',
  y: 'ý',
  A: 'Å',
  E: 'É',
  I: 'Î',
  O: 'Ø',
  U: 'Ü',
  C: 'Ç',
  N: 'Ñ',
  S: 'Š',
  Z: 'Ž',
  Y: 'Ý',
};

/** One message in the pseudo-locale. */
export function pseudoMessage(message: string): string {
  // Placeholders and dollar escapes pass through untouched; everything else is accented.
  const pieces = message.split(/(\$\$|\$[A-Za-z0-9_@]+\$|\$[1-9])/);
  const body = pieces.map((p, i) => (i % 2 ? p : [...p].map((ch) => ACCENTED[ch] ?? ch).join(''))).join('');
  const letters = message.replace(/\$[A-Za-z0-9_@]+\$|\$[1-9]/g, '').length;
  // The extra length in word-sized pieces, so it wraps as a longer sentence would (one run would never wrap).
  const padding = ' ~~~~'.repeat(Math.ceil((letters * 0.4) / 5));
  return `[${body}${padding}]`;
}

/** The whole catalog in the pseudo-locale. */
export function pseudoCatalog(en: Catalog): Catalog {
  const out: Catalog = {};
  for (const [key, entry] of Object.entries(en)) out[key] = { ...entry, message: pseudoMessage(entry.message) };
  return out;
}

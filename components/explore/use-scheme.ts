/**
 * Explore's light/dark choice: "auto" follows the system, "light" and "dark" are kept in the page's localStorage and
 * set on the root element (explore.css reads `data-scheme`). Returns the choice, its setter and the scheme in effect.
 */
import { useEffect, useState } from 'preact/hooks';

export type SchemeChoice = 'auto' | 'light' | 'dark';

const SCHEME_KEY = 'lens-explore-scheme';

export function useScheme(): [SchemeChoice, (s: SchemeChoice) => void, 'light' | 'dark'] {
  const [choice, setChoice] = useState<SchemeChoice>(() => {
    const saved = localStorage.getItem(SCHEME_KEY);
    return saved === 'light' || saved === 'dark' ? saved : 'auto';
  });
  // One query list for the page's life, so the listener below is added once.
  const [media] = useState(() => matchMedia('(prefers-color-scheme: dark)'));
  const [systemDark, setSystemDark] = useState(media.matches);
  useEffect(() => {
    const onChange = () => setSystemDark(media.matches);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, [media]);
  useEffect(() => {
    const root = document.documentElement;
    if (choice === 'auto') {
      delete root.dataset.scheme;
      localStorage.removeItem(SCHEME_KEY);
    } else {
      root.dataset.scheme = choice;
      localStorage.setItem(SCHEME_KEY, choice);
    }
  }, [choice]);
  return [choice, setChoice, choice === 'auto' ? (systemDark ? 'dark' : 'light') : choice];
}

/** A problem found by lib/own (a bad file, a name too short) in the interface language. */
import { t, tp } from '~/lib/i18n/translator';
import type { OwnProblem } from '~/lib/own/source-file';

export const problemText = (p: OwnProblem): string => ('plural' in p ? tp(p.plural, p.count) : t(p.key, ...p.subs));

/**
 * "Why this matched" when the page's word is plainly the name but a disambiguation rule decided who it is (a bare
 * surname, a word that is also a common word or a company): the rule's evidence, in the page's own words.
 */
import { t } from '~/lib/i18n/translator';
import { evidenceWords } from './card-model';
export function RuleEvidence({ matched, evidence }: { matched: string; evidence: string }) {
  return (
    <p class="lens-why">
      <span class="lens-why-label">{t('cardWhyLabel')}</span> {t('cardRuleLine', matched, evidenceWords(evidence))}
    </p>
  );
}

/**
 * Whether the evidence tells the reader anything: a bare "Erdoğan" on a page that named Recep Tayyip Erdoğan in full
 * is plainly him, and saying so is noise (issue 21); a title, a neighbouring word or a namesake ruled out is not.
 */
export function evidenceIsNews(matched: string, title: string, evidence: string): boolean {
  const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase();
  return !(evidence.startsWith('named in full') && fold(title).includes(fold(matched)));
}

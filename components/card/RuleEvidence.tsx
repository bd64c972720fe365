/**
 * "Why this matched" when the page's word is plainly the name but a disambiguation rule decided who it is (a bare
 * surname, a word that is also a common word or a company): the rule's evidence, in the page's own words.
 */
export function RuleEvidence({ matched, evidence }: { matched: string; evidence: string }) {
  return (
    <p class="lens-why">
      <span class="lens-why-label">On this page:</span> “{matched}”, matched {evidence}.
    </p>
  );
}

/**
 * The editorial rules the build enforces (data/FORMAT.md, "Editorial rules"): the extension's own voice states only
 * what no source disputes, so a loaded word in a summary sentence, claim, view note or event title must come with
 * whose word it is, in the same sentence: a name (an author, a publisher, a standpoint, a listed speaker) and a verb
 * that makes it the speaker ("Hajizade calls…", "according to News Explained…"). A view's note always names its
 * source's author, publisher or standpoint: the note is read beside other sources' notes. Pure: the caller hands in the lists from data/editorial.yaml.
 */
import type { Entity, Source, TimelineEvent } from './types';
import type { EditorialInput } from './input-types';
import { foldText } from '../matcher/fold';

/** Relations that read the same either way round: written once, on either side. */
const SYMMETRIC = new Set(['ally-of', 'borders', 'related-to']);
const INVERSE: Record<string, string> = { 'signed-by': 'signed' };

/** One key per relation however it is written: `a ally-of b` = `b ally-of a`, `x signed-by p` = `p signed x`. */
export function relationKey(from: string, type: string, to: string): string {
  if (INVERSE[type]) return `${to}\u0000${INVERSE[type]}\u0000${from}`;
  if (SYMMETRIC.has(type) && to < from) return `${to}\u0000${type}\u0000${from}`;
  return `${from}\u0000${type}\u0000${to}`;
}

const fold = (text: string) => ` ${foldText(text).folded.replace(/[^\p{L}\p{N}]+/gu, ' ')} `;

/** Sentences of a short text; a summary sentence is one already. */
const sentences = (text: string): string[] =>
  text
    .split(/(?<=[.!?…])\s+(?=[\p{Lu}“"‘'(])/u)
    .map((s) => s.trim())
    .filter(Boolean);

/** Who may be named to attribute a sentence: each source's authors (by surname), publisher and standpoint, and the
 * speakers listed in data/editorial.yaml. */
function attributionNames(sources: readonly Source[], editorial: EditorialInput): string[] {
  const names = new Set<string>(editorial.speakers);
  for (const s of sources) {
    for (const a of s.authors) {
      const plain = a.replace(/\(.*?\)/g, '').trim();
      if (plain) names.add(plain.split(/\s+/).at(-1)!);
    }
    if (s.publisher && !s.partOf) names.add(s.publisher);
    if (s.stance) names.add(s.stance);
  }
  return [...names].map(fold).filter((n) => n.trim());
}

/** Errors for own-voice sentences that carry a loaded word and name nobody it belongs to. */
export function checkOwnVoice(
  entities: readonly Entity[],
  events: readonly TimelineEvent[],
  sources: readonly Source[],
  editorial: EditorialInput,
): string[] {
  const stems = editorial['loaded-words'].map((w) => fold(w).trim());
  const names = attributionNames(sources, editorial);
  const verbs = editorial['attribution-verbs'].map((w) => ` ${fold(w).trim()}`);
  const properNames = (editorial['proper-names'] ?? []).map(fold);
  const errors: string[] = [];
  const check = (where: string, text: string) => {
    for (const sentence of sentences(text)) {
      let folded = fold(sentence);
      for (const name of properNames) folded = folded.split(name).join(' ');
      const word = stems.find((stem) => folded.includes(` ${stem}`));
      if (!word) continue;
      if (names.some((n) => folded.includes(n)) && verbs.some((v) => folded.includes(v))) continue;
      errors.push(
        `${where}: loaded word "${word}…" in an unattributed own-voice sentence: "${sentence.slice(0, 100)}"`,
      );
    }
  };
  for (const e of entities) {
    for (const s of e.summarySentences) check(`${e.id} summary`, s.text);
    e.facts.forEach((f, i) => f.claim && check(`${e.id} fact ${i + 1} claim`, f.claim));
    e.views.forEach((v, i) => {
      check(`${e.id} view ${i + 1} note`, v.note);
      const source = sources.find((s) => s.id === v.source);
      const own = source ? attributionNames([source], { ...editorial, speakers: [] }) : [];
      if (own.length && !own.some((n) => fold(v.note).includes(n)))
        errors.push(
          `${e.id} view ${i + 1}: the note does not name its source (${source!.authors[0] ?? source!.publisher})`,
        );
    });
  }
  for (const ev of events) {
    check(`event ${ev.id} title`, ev.title);
    if (ev.dateNote) check(`event ${ev.id} date note`, ev.dateNote);
  }
  return errors;
}

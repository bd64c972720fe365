/**
 * Content side of "save the selection" (keyboard command and context menu; the hover card saves its own
 * sentence): capture the selected text with a TextQuoteSelector over the page's text, send it to the background
 * as a `save-snippet` draft, and confirm with a toast that offers Undo.
 */
import { answerExtension, sendToBackground } from '~/browser/messages';
import type {
  MessageOf,
  SaveSelectionText,
  SendToBackground,
  SnippetDraft,
  SnippetSaved,
  ToContent,
} from '~/lib/messaging/messages';
import { quoteSelectorAt, tidySelectionText } from '~/lib/snippets/quote-selector';
import { SNIPPET_LIMITS } from '~/lib/snippets/types';
import { showToast } from './lens-toast';
import { buildTextIndex, offsetOfPoint } from './text-index';
import { hasCommandFocus, watchReaderSelection, type ReaderSelection } from './reader-selection';

/** The answer to one save-selection message: the receipt, null, or undefined (not this frame's to answer). */
export type SaveSelectionAnswer = (
  message: MessageOf<ToContent, 'save-selection'>,
) => Promise<SnippetSaved | null> | undefined;

/** The selection as a snippet draft, or null when nothing (or only white space) is selected. */
function captureSelection(doc: Document): SnippetDraft | null {
  const base = { url: doc.URL, title: doc.title, entityIds: [] as string[] };
  const field = doc.activeElement;
  if (field instanceof HTMLTextAreaElement || (field instanceof HTMLInputElement && field.type === 'text')) {
    const { selectionStart: s, selectionEnd: e, value } = field;
    if (s === null || e === null || s === e) return null;
    const text = tidySelectionText(value.slice(s, e));
    return text ? { ...base, text, quote: quoteSelectorAt(value, s, e) } : null;
  }
  const selection = doc.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !doc.body) return null;
  const text = tidySelectionText(selection.toString());
  if (!text) return null;
  const first = selection.getRangeAt(0);
  const last = selection.getRangeAt(selection.rangeCount - 1);
  const index = buildTextIndex(doc.body);
  let start = offsetOfPoint(index, first.startContainer, first.startOffset);
  let end = offsetOfPoint(index, last.endContainer, last.endOffset);
  while (start < end && /\s/.test(index.text[start]!)) start++;
  while (end > start && /\s/.test(index.text[end - 1]!)) end--;
  // A selection the index cannot place (inside a shadow root, say) still saves; only finding it again is harder.
  const quote = end > start ? quoteSelectorAt(index.text, start, end) : { exact: text, prefix: '', suffix: '' };
  return { ...base, text, quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix } };
}

/** Sends a draft, shows "Saved" with Undo (or the reason it failed), and resolves with the receipt. */
async function saveDraft(
  doc: Document,
  draft: SnippetDraft,
  send: SendToBackground,
  words: SaveSelectionText,
  signal?: AbortSignal,
): Promise<SnippetSaved> {
  const dismissLabel = words.dismiss;
  if (draft.text.length > SNIPPET_LIMITS.text || draft.quote.exact.length > SNIPPET_LIMITS.text) {
    showToast(doc, { message: words.tooLong, kind: 'error', dismissLabel }, signal);
    throw new Error(words.tooLong);
  }
  let receipt: SnippetSaved;
  try {
    receipt = await send({ type: 'save-snippet', snippet: draft });
    if (!receipt?.saved) throw new Error(words.noAnswer);
  } catch (err) {
    const message = err instanceof Error && err.message ? err.message : words.notSaved;
    showToast(doc, { message, kind: 'error', dismissLabel }, signal);
    throw err;
  }
  const toast = showToast(
    doc,
    {
      message: savedMessage(words, receipt.entityIds.length),
      dismissLabel,
      action: {
        label: words.undo,
        run: () => {
          void send({ type: 'undo-save-snippet', id: receipt.id, undoToken: receipt.undoToken }).then(
            (removed) => toast.update({ message: removed ? words.removed : words.tooLate, durationMs: 4_000 }),
            () => toast.update({ message: words.undoFailed, kind: 'error' }),
          );
        },
      },
    },
    signal,
  );
  return receipt;
}

/** "Saved", with the number of linked names in the plural form the language's rules choose. */
function savedMessage(words: SaveSelectionText, entities: number): string {
  if (!entities) return words.saved;
  const forms = words.savedLinked;
  const form = forms[new Intl.PluralRules(words.locale).select(entities)] ?? forms.other ?? words.saved;
  return form.replace('#', entities.toLocaleString(words.locale));
}

/**
 * Answers the background's `save-selection`, sent to every frame for the command and to the frame the reader
 * right-clicked for the context menu. Only a selection the reader made is saved (watchReaderSelection), and for the
 * command only in the frame that has focus (hasCommandFocus): a cross-origin ad frame holding a selection of its own
 * stays silent.
 * Frames with nothing to save stay silent for the command and answer null for the context menu.
 */
export function listenForSaveSelection(
  doc: Document,
  signal: AbortSignal,
  onSaved: () => void = () => {},
  send: SendToBackground = sendToBackground,
  reader: ReaderSelection = watchReaderSelection(doc, signal),
): SaveSelectionAnswer {
  const answer: SaveSelectionAnswer = (message) => {
    const mine = reader.isReaderMade() && (message.via === 'context-menu' || hasCommandFocus(doc));
    const draft = mine ? captureSelection(doc) : null;
    if (!draft) return message.via === 'context-menu' ? Promise.resolve(null) : undefined;
    return saveDraft(doc, draft, send, message.text, signal).then((receipt) => {
      onSaved();
      return receipt;
    });
  };
  answerExtension({ 'save-selection': answer }, signal);
  return answer;
}

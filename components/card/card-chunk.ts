/**
 * The entity card as a chunk of its own (component and stylesheet), for the extension pages that show it only once
 * the reader opens one (popup, explore): fetched once and shared. The content script's card comes in its second
 * stage instead (page/card-stage.ts).
 */
import { lazyPart } from '../lazy-part';

export const cardChunk = lazyPart(async () => (await import('./page-card')).EntityCard);

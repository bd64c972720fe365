/**
 * Shape checks for messages that arrive from content scripts. A page can run code next to our content script
 * (and in a compromised renderer, forge messages), so nothing it sends is trusted until it passes here.
 */
import type { ContentToBackground, MentionCount, ScanReport } from './messages';

const MAX_ID = 200;
const MAX_TEXT = 2_000;
const MAX_MENTIONS = 5_000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isShortString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1e9;
const isMs = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function isMention(v: unknown): v is MentionCount {
  return (
    isRecord(v) &&
    isShortString(v.entityId, MAX_ID) &&
    isShortString(v.name, MAX_TEXT) &&
    isShortString(v.text, MAX_TEXT) &&
    isCount(v.count)
  );
}

function isScanReport(v: unknown): v is ScanReport {
  return (
    isRecord(v) &&
    isShortString(v.url, 8_192) &&
    Array.isArray(v.mentions) &&
    v.mentions.length <= MAX_MENTIONS &&
    v.mentions.every(isMention) &&
    isMs(v.scanMs) &&
    isMs(v.longestSliceMs)
  );
}

/** Returns the message when its shape is one we handle, otherwise null. */
export function parseContentMessage(raw: unknown): ContentToBackground | null {
  if (!isRecord(raw) || typeof raw.type !== 'string') return null;
  switch (raw.type) {
    case 'get-alias-index':
      return { type: 'get-alias-index' };
    case 'get-entity':
      return isShortString(raw.id, MAX_ID) ? { type: 'get-entity', id: raw.id } : null;
    case 'scan-report':
      return isScanReport(raw.report) ? { type: 'scan-report', report: raw.report } : null;
    default:
      return null;
  }
}

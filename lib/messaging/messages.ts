/**
 * Every message between the extension's parts, as discriminated unions by direction.
 * Content scripts run next to page code, so the background validates what they send (see validate.ts).
 */
import type { AliasIndex, Entity, Source, TimelineEvent } from '../factbase/types';

/** Mentions of one entity under one surface text, as the scanner counted them. */
export interface MentionCount {
  entityId: string;
  name: string;
  text: string;
  count: number;
}

export interface ScanReport {
  url: string;
  mentions: MentionCount[];
  /** Main-thread milliseconds the scan took, summed over its slices. */
  scanMs: number;
  /** The longest single slice of scanning work, in milliseconds. */
  longestSliceMs: number;
}

/** What a card needs to render an entity: the entity plus everything it points at, resolved. */
export interface EntityDetails {
  entity: Entity;
  sources: Source[];
  /** Names and types of the entities its relations point at. */
  related: Record<string, { name: string; type: string }>;
  /** The entity's dated events, oldest first. */
  events: TimelineEvent[];
}

export type ContentToBackground =
  | { type: 'get-alias-index' }
  | { type: 'get-entity'; id: string }
  | { type: 'scan-report'; report: ScanReport };

export interface ContentToBackgroundReplies {
  'get-alias-index': AliasIndex;
  'get-entity': EntityDetails | null;
  'scan-report': void;
}

export type PopupToContent = { type: 'get-scan-report' } | { type: 'reveal-entity'; entityId: string };

export interface PopupToContentReplies {
  'get-scan-report': ScanReport | null;
  'reveal-entity': boolean;
}

/**
 * The matcher as the background hands it to pages: patterns and automaton tables compiled once per browser session,
 * in a form that survives extension messaging (Chromium sends messages as JSON, so typed arrays travel as base64).
 * A page then only loads the tables, a few milliseconds, instead of building the automaton itself; the character
 * tables come along, so a page does not compile the Unicode property regexes for ordinary text either.
 */

import type { AliasIndex } from '../factbase/types';
import { compileAutomaton, type AutomatonTables } from './automaton';
import type { CaseRule } from './case-rules';
import { charTablesRange, preloadCharTables } from './char-kinds';
import { foldTableRange, preloadFoldTable } from './fold';
import { compilePatterns, type PatternRule } from './patterns';

export const PACKED_MATCHER_FORMAT = 1;

/** [folded length, alias, entity, near (0/1), case ('any' | 'capitalized' | the exact cases as digits), endings]. */
export type PackedRule = [number, number, number, 0 | 1, string, readonly string[] | null];

export interface PackedMatcher {
  format: typeof PACKED_MATCHER_FORMAT;
  rules: PackedRule[];
  /** Each AutomatonTables array, its bytes in base64. */
  tables: Record<keyof AutomatonTables, string>;
  /** Folds, kinds and cases of the units in CHAR_RANGES, concatenated, in base64. */
  chars: { fold: string; kind: string; case: string };
}

/**
 * Latin, Greek, Cyrillic and Armenian, and general punctuation (dashes, quotes, spaces): nearly every unit of the
 * pages this extension reads. A page learns the rest lazily, as before.
 */
const CHAR_RANGES: readonly (readonly [number, number])[] = [
  [0, 0x600],
  [0x2000, 0x2070],
];

export interface UnpackedMatcher {
  rules: PatternRule[];
  tables: AutomatonTables;
}

export function packMatcher(index: AliasIndex): PackedMatcher {
  const patterns = compilePatterns(index.aliases);
  const tables = compileAutomaton(patterns.map((p) => p.text));
  return {
    format: PACKED_MATCHER_FORMAT,
    rules: patterns.map((p) => [p.length, p.alias, p.entity, p.near ? 1 : 0, packCase(p.caseRule), p.endings]),
    tables: {
      classUnits: toBase64(tables.classUnits),
      childCounts: toBase64(tables.childCounts),
      edgeUnits: toBase64(tables.edgeUnits),
      fail: toBase64(tables.fail),
      patternEnds: toBase64(tables.patternEnds),
    },
    chars: packCharTables(),
  };
}

function packCharTables(): PackedMatcher['chars'] {
  const folds = CHAR_RANGES.map(([from, to]) => foldTableRange(from, to));
  const kinds = CHAR_RANGES.map(([from, to]) => charTablesRange(from, to));
  return {
    fold: toBase64(concat(Uint16Array, folds)),
    kind: toBase64(
      concat(
        Uint8Array,
        kinds.map((k) => k.kinds),
      ),
    ),
    case: toBase64(
      concat(
        Uint8Array,
        kinds.map((k) => k.cases),
      ),
    ),
  };
}

/** Gives this page the character tables the background computed, so ordinary text needs no Unicode regexes. */
function preloadChars(chars: PackedMatcher['chars']): void {
  const folds = new Uint16Array(fromBase64(chars.fold));
  const kinds = new Uint8Array(fromBase64(chars.kind));
  const cases = new Uint8Array(fromBase64(chars.case));
  const total = CHAR_RANGES.reduce((n, [from, to]) => n + to - from, 0);
  if (folds.length !== total || kinds.length !== total || cases.length !== total)
    throw new Error('packed matcher character tables mismatch');
  let at = 0;
  for (const [from, to] of CHAR_RANGES) {
    const n = to - from;
    preloadFoldTable(from, folds.subarray(at, at + n));
    preloadCharTables(from, kinds.subarray(at, at + n), cases.subarray(at, at + n));
    at += n;
  }
}

function concat<T extends Uint8Array | Uint16Array>(Type: { new (length: number): T }, parts: readonly T[]): T {
  const out = new Type(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Throws on anything that is not a packed matcher of this format (loadAutomaton checks the tables' consistency). */
export function unpackMatcher(packed: PackedMatcher): UnpackedMatcher {
  if (packed?.format !== PACKED_MATCHER_FORMAT || !Array.isArray(packed.rules))
    throw new Error('not a packed matcher of this version');
  const { tables } = packed;
  const unpacked: UnpackedMatcher = {
    rules: packed.rules.map(([length, alias, entity, near, caseRule, endings]) => ({
      length,
      alias,
      entity,
      near: near === 1,
      caseRule: unpackCase(caseRule),
      endings,
    })),
    tables: {
      classUnits: new Uint16Array(fromBase64(tables.classUnits)),
      childCounts: new Uint16Array(fromBase64(tables.childCounts)),
      edgeUnits: new Uint16Array(fromBase64(tables.edgeUnits)),
      fail: new Int32Array(fromBase64(tables.fail)),
      patternEnds: new Int32Array(fromBase64(tables.patternEnds)),
    },
  };
  if (unpacked.tables.patternEnds.length !== unpacked.rules.length) throw new Error('packed matcher rules mismatch');
  preloadChars(packed.chars);
  return unpacked;
}

function packCase(rule: CaseRule): string {
  return rule.kind === 'exact' ? rule.cases.join('') : rule.kind;
}

function unpackCase(packed: string): CaseRule {
  if (packed === 'any' || packed === 'capitalized') return { kind: packed };
  return { kind: 'exact', cases: Uint8Array.from(packed, Number) };
}

/** Chunked, since String.fromCharCode with hundreds of thousands of arguments overflows the stack. */
function toBase64(array: Uint8Array | Uint16Array | Int32Array): string {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Native in current browsers (Chromium 140+, Firefox 133+); Node 20 and older browsers take the loop below. */
const nativeFromBase64 = (Uint8Array as { fromBase64?: (text: string) => Uint8Array }).fromBase64;

/** An ArrayBuffer, so each view gets fresh, aligned memory. */
function fromBase64(text: string): ArrayBuffer {
  if (nativeFromBase64) return nativeFromBase64(text).buffer as ArrayBuffer;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

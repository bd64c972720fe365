/**
 * The matcher as the background hands it to pages: patterns and automaton tables compiled once per browser session,
 * in a form that survives extension messaging (Chromium sends messages as JSON, so typed arrays travel as base64).
 * A page then only loads the tables, a few milliseconds, instead of building the automaton itself.
 */

import type { AliasIndex } from '../factbase/types';
import { compileAutomaton, type AutomatonTables } from './automaton';
import type { CaseRule } from './case-rules';
import { compilePatterns, type PatternRule } from './patterns';

export const PACKED_MATCHER_FORMAT = 1;

/** [folded length, alias, entity, near (0/1), case ('any' | 'capitalized' | the exact cases as digits), endings]. */
export type PackedRule = [number, number, number, 0 | 1, string, readonly string[] | null];

export interface PackedMatcher {
  format: typeof PACKED_MATCHER_FORMAT;
  rules: PackedRule[];
  /** Each AutomatonTables array, its bytes in base64. */
  tables: Record<keyof AutomatonTables, string>;
}

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
  };
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
function toBase64(array: Uint16Array | Int32Array): string {
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

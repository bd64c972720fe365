/**
 * Whether the corpus (the source documents the fact base quotes) is here, and what a check that needs it does when it
 * is not: a clone from the project's host has no corpus, so those checks say in one line that they were skipped and
 * how to run them; CI sets LENS_REQUIRE_CORPUS=1 (.ci/run), and there a missing corpus is an error.
 */
import { existsSync } from 'node:fs';

/** True when checks must not be skipped for want of a corpus. */
const corpusRequired = (): boolean => process.env.LENS_REQUIRE_CORPUS === '1';

/**
 * The one line a skipped check prints. `what` names the check, `command` is how to run it.
 */
export function corpusSkipLine(what: string, dir: string, command: string): string {
  return `${what}: skipped, no corpus at ${dir}. Run it with LENS_CORPUS=/path/to/corpus ${command}`;
}

/** Whether the checks that need the corpus can run; throws when it is missing and required. */
export function corpusPresent(dir: string): boolean {
  if (existsSync(dir)) return true;
  if (corpusRequired()) throw new Error(`corpus not found at ${dir} (LENS_REQUIRE_CORPUS=1: set LENS_CORPUS)`);
  return false;
}

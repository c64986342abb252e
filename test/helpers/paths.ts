/** Shared by the tests: the repository root (tests run from bundles under out/test). */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above the test');
    dir = up;
  }
  return dir;
}

/** The date every test lints against, so that review findings do not depend on the calendar. */
export const TODAY = '2026-11-27';

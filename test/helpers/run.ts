/**
 * Shared by the CLI tests: run `charters` either as the real spawned bin or in process through
 * `main`, with the same clean environment (no colour, no Finnish locale from the machine).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { repoRoot } from './paths';

const BIN = path.join(repoRoot(), 'bin/charters.js');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** Standard output as bytes (binary formats such as xlsx). */
  bytes: Buffer;
}

export type Mode = 'spawned' | 'in process';

export function cliEnv(): Record<string, string | undefined> {
  const e: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8' };
  for (const key of ['LC_ALL', 'LC_MESSAGES', 'FORCE_COLOR']) delete e[key];
  return e;
}

export async function runCli(mode: Mode, args: string[], cwd: string): Promise<Run> {
  if (mode === 'spawned') {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: cliEnv(), timeout: 30_000 });
    assert.equal(r.error, undefined, String(r.error));
    return { code: r.status ?? -1, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), bytes: r.stdout };
  }
  let stdout = '';
  let stderr = '';
  const code = await main({ argv: args, cwd, env: cliEnv(), stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr, bytes: Buffer.from(stdout) };
}

/**
 * Content hashes from git, for `--cache`: in a git work tree, the blob id git's index holds for
 * a file that git reports unchanged is the hash of its bytes, so the cache can be checked
 * without reading the file. This is what makes a warm run on a fresh CI checkout (every file's
 * ctime new, so no stat matches) as quick as one on a developer's machine.
 *
 * The cache's content hash is git's blob id (see contentHash in cache.ts), computed the same way
 * for files git does not vouch for. Git is asked read-only (`GIT_OPTIONAL_LOCKS=0`); a file is
 * taken from the index only when it is a regular file at stage 0, with no assume-unchanged or
 * skip-worktree bit, and `git diff-files` does not list it (git compares stat data and, for
 * racily clean entries, the content). Anything else, or no git at all, falls back to reading and
 * hashing the file.
 */
import { execFile } from 'node:child_process';
import * as nodePath from 'node:path';

/**
 * Absolute path → blob id, for the unchanged tracked files under `dir`; undefined without git.
 * Asynchronous, so that git works (it stats every file) while the caller loads its cache.
 */
export async function gitBlobIds(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<Map<string, string> | undefined> {
  const git = (args: string[]): Promise<string | undefined> =>
    new Promise((resolve) => {
      try {
        execFile(
          'git',
          ['-C', dir, ...args],
          { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' }, windowsHide: true },
          (error, stdout) => resolve(error ? undefined : stdout),
        );
      } catch {
        resolve(undefined);
      }
    });
  // Both with paths relative to `dir`. `-v`: a tag first, `H` for a cached entry (lower case:
  // assume-unchanged; `S`: skip-worktree).
  const [staged, changed] = await Promise.all([
    git(['ls-files', '--stage', '-v', '-z', '--', '.']),
    git(['diff-files', '-z', '--name-only', '--relative', '--', '.']),
  ]);
  if (staged === undefined || changed === undefined) return undefined;
  const modified = new Set(changed.split('\0').filter((p) => p !== ''));
  const ids = new Map<string, string>();
  for (const record of staged.split('\0')) {
    // "H 100644 <id> 0\t<path>"
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [tag, mode, id, stage] = record.slice(0, tab).split(' ');
    const path = record.slice(tab + 1);
    if (tag !== 'H' || stage !== '0' || (mode !== '100644' && mode !== '100755') || !id || modified.has(path)) continue;
    ids.set(nodePath.join(dir, path), id);
  }
  return ids;
}

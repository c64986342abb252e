/**
 * What changed since a base commit: which files and lines of the handbook a pull request (or a
 * local branch, for a pre-commit hook) touched, so that findings there can come first.
 *
 * Guarantees:
 * - git runs only through `runGit` (src/cli/git.ts: hardened, read-only): `rev-parse`,
 *   `merge-base`, `ls-tree` and `cat-file --batch` on the object database. Nothing here asks
 *   git about the work tree (no `git diff` against it, so no clean filter or textconv can run);
 *   the file on disk is read by us and compared in JavaScript (the `diff` package) with the
 *   base's blob, which covers committed and uncommitted changes alike.
 * - A base that cannot be resolved (a shallow clone without the base branch, no git, not a
 *   repository) is an `error` the caller reports as a note; the lint goes on unordered.
 * - A ref is never taken as an option: it must not start with `-`, and `--end-of-options`
 *   ends git's option parsing before it.
 */
import { diffLines } from 'diff';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { findRepository, runGit, type GitRepository } from './git';

/** Lines [start, end] (1-based, inclusive) of the file on disk that differ from the base. */
export interface LineRange {
  start: number;
  end: number;
}

/** Where a finding stands relative to the change: on a changed line, in a changed file, or neither. */
export type ChangeClass = 'line' | 'file' | undefined;

export interface BaseCommit {
  repo: GitRepository;
  /** The ref: as resolved, then as the user (or GITHUB_BASE_REF) named it, for texts. */
  ref: string;
  /** The merge base of the ref and HEAD: what the change is measured against. */
  commit: string;
}

/** Resolve `ref` to a commit in the repository holding `dir`, then its merge base with HEAD. */
export async function resolveBase(dir: string, refs: string[], env: NodeJS.ProcessEnv = process.env): Promise<BaseCommit | { error: 'no-repository' | 'no-ref' }> {
  const repo = findRepository(dir);
  if (!repo) return { error: 'no-repository' };
  for (const ref of refs) {
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    if (ref === '' || ref.startsWith('-') || /[\0-\x1f\x7f]/.test(ref)) continue;
    const sha = (await runGit(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], { env }))?.trim();
    if (!sha || !/^[0-9a-f]{40,64}$/.test(sha)) continue;
    const base = (await runGit(repo, ['merge-base', '--end-of-options', sha, 'HEAD'], { env }))?.trim();
    // No common history (an orphan branch): measure against the ref itself.
    return { repo, ref, commit: base && /^[0-9a-f]{40,64}$/.test(base) ? base : sha };
  }
  return { error: 'no-ref' };
}

/** The refs to try for a base: `--changed-since REF` as given; GitHub's base branch as fetched from origin. */
export function baseRefs(changedSince: string | undefined, env: Record<string, string | undefined>): string[] {
  if (changedSince !== undefined) return [changedSince];
  const ref = env['GITHUB_BASE_REF'];
  return ref ? [`refs/remotes/origin/${ref}`, `origin/${ref}`, ref] : [];
}

/** `path` (absolute) relative to the repository's work tree with `/`, or undefined when outside it. */
export function repoPath(repo: GitRepository, path: string): string | undefined {
  let real: string;
  try {
    real = fs.realpathSync(path);
  } catch {
    // A file that is gone: its directory may still resolve.
    try {
      real = nodePath.join(fs.realpathSync(nodePath.dirname(path)), nodePath.basename(path));
    } catch {
      return undefined;
    }
  }
  const rel = nodePath.relative(repo.workTree, real);
  if (rel === '' || rel.startsWith('..') || nodePath.isAbsolute(rel)) return undefined;
  return rel.split(nodePath.sep).join('/');
}

/**
 * Blobs of `paths` (repository-relative) at `commit`, in one `cat-file --batch`; a path missing
 * there (a new file) is absent from the map. Paths with a line break cannot be asked for and are
 * absent too.
 */
export async function readBlobs(repo: GitRepository, commit: string, paths: string[], env: NodeJS.ProcessEnv = process.env): Promise<Map<string, Buffer> | undefined> {
  const asked = paths.filter((p) => !/[\r\n]/.test(p));
  const out = new Map<string, Buffer>();
  if (asked.length === 0) return out;
  const stdout = await runGit(repo, ['cat-file', '--batch'], { env, encoding: 'buffer', input: asked.map((p) => `${commit}:${p}\n`).join('') });
  if (stdout === undefined) return undefined;
  return parseBatch(stdout, asked, out);
}

/** Blobs by object id (`cat-file --batch` with ids as input). */
export async function readObjects(repo: GitRepository, ids: string[], env: NodeJS.ProcessEnv = process.env): Promise<Map<string, Buffer> | undefined> {
  if (ids.length === 0) return new Map();
  const stdout = await runGit(repo, ['cat-file', '--batch'], { env, encoding: 'buffer', input: ids.map((id) => `${id}\n`).join('') });
  if (stdout === undefined) return undefined;
  return parseBatch(stdout, ids, new Map());
}

/** `<oid> <type> <size>\n<content>\n` or `<input> missing\n`, one per input line, in order. */
function parseBatch(stdout: Buffer, keys: string[], out: Map<string, Buffer>): Map<string, Buffer> | undefined {
  let at = 0;
  for (const key of keys) {
    const nl = stdout.indexOf(0x0a, at);
    if (nl < 0) return undefined;
    const header = stdout.toString('utf8', at, nl);
    at = nl + 1;
    const m = /^[0-9a-f]{40,64} (\w+) (\d+)$/.exec(header);
    if (!m) continue; // "<input> missing" (or ambiguous): no content follows
    const size = Number(m[2]);
    if (at + size > stdout.length) return undefined;
    if (m[1] === 'blob') out.set(key, stdout.subarray(at, at + size));
    at += size + 1;
  }
  return out;
}

/**
 * Lines of `head` that differ from `base`: inserted or replaced lines, and for a deletion the
 * line that now stands where the deleted text was (so the change has a place to be shown).
 */
export function changedRanges(base: string, head: string): LineRange[] {
  const ranges: LineRange[] = [];
  const mark = (start: number, end: number): void => {
    const last = ranges[ranges.length - 1];
    if (last && start <= last.end + 1) last.end = Math.max(last.end, end);
    else ranges.push({ start, end });
  };
  let line = 1;
  for (const part of diffLines(base, head)) {
    const count = part.count ?? 0;
    if (part.added) {
      mark(line, line + count - 1);
      line += count;
    } else if (part.removed) {
      mark(line, line);
    } else {
      line += count;
    }
  }
  return ranges;
}

/** The change of each file: `all` for a file the base does not have, else its changed lines. */
export type FileChanges = Map<string, LineRange[] | 'all'>;

/**
 * Compare each of `files` (absolute paths) on disk with its version at the base commit. Files
 * equal to the base are left out; unreadable files are left out too (the lint reports them).
 */
export async function changedFiles(base: BaseCommit, files: string[], env: NodeJS.ProcessEnv = process.env): Promise<FileChanges | undefined> {
  const rel = new Map<string, string>();
  for (const f of files) {
    const r = repoPath(base.repo, f);
    if (r !== undefined) rel.set(f, r);
  }
  const blobs = await readBlobs(base.repo, base.commit, [...new Set(rel.values())], env);
  if (!blobs) return undefined;
  const out: FileChanges = new Map();
  for (const [abs, r] of rel) {
    let now: Buffer;
    try {
      now = fs.readFileSync(abs);
    } catch {
      continue;
    }
    const before = blobs.get(r);
    if (before === undefined) out.set(abs, 'all');
    else if (!before.equals(now)) out.set(abs, changedRanges(before.toString('utf8'), now.toString('utf8')));
  }
  return out;
}

/** Classify a place in a file against the changes. */
export function classify(changes: FileChanges, absFile: string, startLine: number, endLine: number): ChangeClass {
  const c = changes.get(absFile);
  if (c === undefined) return undefined;
  if (c === 'all') return 'line';
  return c.some((r) => r.start <= endLine && startLine <= r.end) ? 'line' : 'file';
}

export interface ChangeContext {
  base: BaseCommit;
  /** What the formatters say the change is measured against (`origin/main`, or the PR's base branch). */
  label: string;
  changes: FileChanges;
  /** A finding's place (file relative to the working directory) against the change. */
  classify: (file: string, startLine: number, endLine: number) => ChangeClass;
}

/**
 * The change a lint is measured against: `--changed-since REF`, else a pull request's base
 * branch on GitHub (`GITHUB_BASE_REF`), else none. `files` are the paths (relative to `cwd`)
 * whose changes matter: those with findings. An error names why there is no base.
 */
export async function changeContext(o: {
  cwd: string;
  /** A directory in the repository (the first linted handbook). */
  dir: string;
  changedSince: string | undefined;
  env: Record<string, string | undefined>;
  files: string[];
}): Promise<ChangeContext | { error: 'no-repository' | 'no-ref'; ref: string } | undefined> {
  const refs = baseRefs(o.changedSince, o.env);
  if (refs.length === 0) return undefined;
  const label = o.changedSince ?? o.env['GITHUB_BASE_REF']!;
  const env = process.env;
  const base = await resolveBase(o.dir, refs, env);
  if ('error' in base) return { error: base.error, ref: label };
  base.ref = label;
  const abs = [...new Set(o.files.filter((f) => f !== '' && f !== '.'))].map((f) => nodePath.resolve(o.cwd, f));
  const changes: FileChanges = (await changedFiles(base, abs, env)) ?? new Map<string, LineRange[] | 'all'>();
  return {
    base,
    label,
    changes,
    classify: (file, start, end) => (file === '' || file === '.' ? undefined : classify(changes, nodePath.resolve(o.cwd, file), start, end)),
  };
}

/**
 * A handbook on some file system: find its config and discover its charters (`pipeline.ts`
 * lints them).
 * The file system comes in through `HandbookFs`, so the CLI (node:fs), the desktop extension
 * and vscode.dev (vscode.workspace.fs) share this code.
 */
import picomatch from 'picomatch/posix';
import { CONFIG_FILE, parseConfig, type ConfigError, type ConfigResult, type ResolvedConfig, defaultConfig } from './config';
import { t } from './i18n';
import type { Lang, SkippedFile } from './types';

/** The code of a file-system error (ENOENT, EACCES…), or its message. */
function errorText(e: unknown): string {
  const err = e as { code?: string; message?: string };
  return err?.code ?? err?.message ?? String(e);
}

export interface DirEntry {
  name: string;
  /** What the entry is, symbolic links followed; a broken or looping link is a `file` (reading it says why). */
  type: 'file' | 'directory' | 'other';
  /** A symbolic link: discovery follows it only when it stays inside the handbook. */
  link?: boolean;
}

/** Paths are absolute and use `/`. */
export interface HandbookFs {
  readFile(path: string): Promise<Uint8Array>;
  readDirectory(path: string): Promise<DirEntry[]>;
  /** What `path` is, symbolic links followed; `link` when `path` itself is a symbolic link (where the host can tell). */
  stat(path: string): Promise<{ type: 'file' | 'directory' | 'other'; size: number; link?: boolean }>;
  /**
   * Canonical path (every symbolic link resolved). Without it, discovery follows no link at all
   * (it cannot tell where one leads), see `readRefusal`.
   */
  realpath?(path: string): Promise<string>;
}

export const MARKDOWN = /\.(md|markdown|mdown|mkd)$/i;

export function dirname(path: string): string {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 47 /* / */) end--; // not /\/+$/: quadratic on a run of slashes
  const i = path.lastIndexOf('/', end - 1);
  return i <= 0 ? '/' : path.slice(0, i);
}

export function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

/** `path` relative to `from` (both absolute, `/`-separated). */
export function relativePath(from: string, path: string): string {
  const a = from.split('/').filter(Boolean);
  const b = path.split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rel = [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
  return rel === '' ? '.' : rel;
}

export interface FoundConfig {
  /** Directory of the handbook (where `charters.yaml` is, or the start directory). */
  root: string;
  /** Absolute path of `charters.yaml`, if there is one. */
  file: string | undefined;
  result: ConfigResult;
}

/** Find `charters.yaml` from `start` (a directory) upwards and parse it. */
export async function findConfig(fs: HandbookFs, start: string, lang: Lang = 'en'): Promise<FoundConfig> {
  let dir = start;
  for (;;) {
    const candidate = joinPath(dir, CONFIG_FILE);
    const st = await fs.stat(candidate).catch(() => undefined);
    if (st?.type === 'file') {
      // A `charters.yaml` that is a link into `.git` or out of its folder is not read (its
      // errors would quote the target's lines).
      const refused = await readRefusal(fs, dir, candidate, lang);
      if (refused !== undefined) {
        return { root: dir, file: candidate, result: { ok: false, errors: [{ file: candidate, line: 1, column: 1, message: refused }] } };
      }
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(await fs.readFile(candidate));
      } catch (e) {
        const error: ConfigError = { file: candidate, line: 1, column: 1, message: `cannot read: ${(e as Error).message}` };
        return { root: dir, file: candidate, result: { ok: false, errors: [error] } };
      }
      return { root: dir, file: candidate, result: parseConfig(text, candidate) };
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return { root: start, file: undefined, result: { ok: true, config: defaultConfig() } };
}

// ---------------------------------------------------------------------------------------------
// What may be read. Everything in a handbook is untrusted (docs/security.md): a symbolic link can
// point at `.git/config` (which holds the CI token after a checkout) or anywhere on the machine.
// This is the one decision both hosts (CLI, extension) use before reading a file.

/** Whether a `/`-separated path passes through a directory named `.git` (any case). */
export function inGitDir(path: string): boolean {
  return path.split('/').some((segment) => segment.toLowerCase() === '.git');
}

/** Whether `path` is `root` or lies under it (both absolute, `/`-separated, resolved). */
export function isInsideRoot(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith('/') ? root : `${root}/`);
}

/** Why a resolved path may not be read. */
export type PathRefusal = { reason: 'git' } | { reason: 'outside'; target: string } | { reason: 'excluded'; target: string } | { reason: 'link' };

/**
 * The rule for a resolved path `real` (every symbolic link followed) of a handbook whose root
 * resolves to `realRoot`: it may be read when it is inside the root, inside no `.git`
 * directory and, when `excluded` is given, not excluded by the handbook's globs (relative to the
 * root). Undefined when it may be read.
 */
export function refusePath(realRoot: string, real: string, excluded?: (rel: string) => boolean): PathRefusal | undefined {
  if (inGitDir(real)) return { reason: 'git' };
  if (!isInsideRoot(realRoot, real)) return { reason: 'outside', target: real };
  if (excluded && real !== realRoot) {
    const rel = relativePath(realRoot, real);
    if (excluded(rel) || excluded(`${rel}/`)) return { reason: 'excluded', target: rel };
  }
  return undefined;
}

/** A refusal as the localised reason of a skipped file. */
export function refusalText(lang: Lang, refusal: PathRefusal, isLink = true): string {
  switch (refusal.reason) {
    case 'git':
      return t(lang, 'skip.git');
    case 'outside':
      return t(lang, isLink ? 'skip.outside' : 'skip.outsideFile', { target: refusal.target });
    case 'excluded':
      return t(lang, 'skip.linkExcluded', { target: refusal.target });
    case 'link':
      return t(lang, 'skip.link');
  }
}

/**
 * Why the file `path` of the handbook at `root` must not be read (a localised reason), or
 * undefined when it may. The path is resolved through `fs.realpath` and `refusePath` decides; a
 * path reached through a link also has its target checked against `excluded`. A host without
 * real paths (vscode.workspace.fs) refuses every symbolic link it can see. A path that does not
 * resolve (missing, a dangling link) is left to the read, which says why it failed.
 */
export async function readRefusal(fs: HandbookFs, root: string, path: string, lang: Lang, excluded?: (rel: string) => boolean): Promise<string | undefined> {
  if (inGitDir(path)) return t(lang, 'skip.git');
  if (!fs.realpath) {
    const st = await fs.stat(path).catch(() => undefined);
    return st?.link ? t(lang, 'skip.link') : undefined;
  }
  const realRoot = await fs.realpath(root).catch(() => root);
  let real: string;
  try {
    real = await fs.realpath(path);
  } catch {
    return undefined;
  }
  const lexical = isInsideRoot(root, path) ? joinPath(realRoot, relativePath(root, path)) : path;
  const viaLink = real !== lexical;
  const refusal = refusePath(realRoot, real, viaLink ? excluded : undefined);
  return refusal && refusalText(lang, refusal, viaLink);
}

export interface Discovery {
  files: string[];
  skipped: SkippedFile[];
}

/** Every Markdown file under `dir` that the config does not exclude, sorted. */
export async function discover(fs: HandbookFs, root: string, dir: string, config: ResolvedConfig, lang: Lang = 'en'): Promise<Discovery> {
  const excluded = picomatch(config.exclude, { dot: true });
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  const seen = new Set<string>();
  const stack = [dir];
  const realRoot = fs.realpath ? await fs.realpath(root).catch(() => root) : root;
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (inGitDir(current)) {
      skipped.push({ file: current, reason: t(lang, 'skip.git') });
      continue;
    }
    // Where this directory really is (it may be reached through a link): its entries' excludes
    // are checked at their real place too.
    let realCurrent: string | undefined;
    if (fs.realpath) {
      const real = await fs.realpath(current).catch(() => current);
      realCurrent = real;
      if (inGitDir(real)) {
        skipped.push({ file: current, reason: t(lang, 'skip.git') });
        continue;
      }
      if (seen.has(real)) {
        skipped.push({ file: current, reason: t(lang, 'skip.loop') });
        continue;
      }
      seen.add(real);
    }
    let entries: DirEntry[];
    try {
      entries = await fs.readDirectory(current);
    } catch (e) {
      skipped.push({ file: current, reason: t(lang, 'skip.dir', { detail: errorText(e) }) });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    for (const entry of entries) {
      const path = joinPath(current, entry.name);
      const rel = relativePath(root, path);
      // `.git` is never walked, whatever the config says (and in any case, for file systems
      // that ignore it).
      if (entry.name.toLowerCase() === '.git' || excluded(rel) || excluded(`${rel}/`)) continue;
      const wanted = entry.type === 'directory' || (entry.type === 'file' && MARKDOWN.test(entry.name));
      if (!wanted) continue;
      if (realCurrent !== undefined && !entry.link) {
        // Only where the real place differs from the path it was found under (a linked folder).
        const real = joinPath(realCurrent, entry.name);
        const refusal = isInsideRoot(realRoot, real) && relativePath(realRoot, real) === rel ? undefined : refusePath(realRoot, real, excluded);
        if (refusal) {
          skipped.push({ file: path, reason: refusalText(lang, refusal, false) });
          continue;
        }
      }
      if (entry.link) {
        // A link is judged by where it leads: out of the handbook (`evil -> /`), into `.git`
        // (`notes.md -> .git/config`) or to an excluded path, it is not followed.
        if (!fs.realpath) {
          skipped.push({ file: path, reason: refusalText(lang, { reason: 'link' }) });
          continue;
        }
        const real = await fs.realpath(path).catch(() => undefined);
        const refusal = real === undefined ? undefined : refusePath(realRoot, real, excluded);
        if (refusal) {
          skipped.push({ file: path, reason: refusalText(lang, refusal) });
          continue;
        }
      }
      if (entry.type === 'directory') stack.push(path);
      else files.push(path);
    }
  }
  files.sort();
  return { files, skipped };
}

/** Plain functions (not methods): callers take them out of the object and call them alone. */
export interface Globs {
  /** The config's `include` globs make this file a charter whatever its frontmatter. */
  included: (rel: string) => boolean;
  excluded: (rel: string) => boolean;
}

/** Matchers for a config's include/exclude globs (paths relative to the handbook root). */
export function globs(config: ResolvedConfig): Globs {
  const inc = config.include ? picomatch(config.include, { dot: true }) : undefined;
  const exc = picomatch(config.exclude, { dot: true });
  return {
    included: (rel) => (inc ? inc(rel) : false),
    excluded: (rel) => exc(rel) || exc(`${rel}/`),
  };
}

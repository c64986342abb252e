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
  stat(path: string): Promise<{ type: 'file' | 'directory' | 'other'; size: number }>;
  /** Canonical path (symlinks resolved), to walk each directory once; optional. */
  realpath?(path: string): Promise<string>;
}

export const MARKDOWN = /\.(md|markdown|mdown|mkd)$/i;

export function dirname(path: string): string {
  const i = path.replace(/\/+$/, '').lastIndexOf('/');
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
export async function findConfig(fs: HandbookFs, start: string): Promise<FoundConfig> {
  let dir = start;
  for (;;) {
    const candidate = joinPath(dir, CONFIG_FILE);
    const st = await fs.stat(candidate).catch(() => undefined);
    if (st?.type === 'file') {
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
  const inside = (real: string): boolean => real === realRoot || real.startsWith(realRoot.endsWith('/') ? realRoot : `${realRoot}/`);
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (fs.realpath) {
      const real = await fs.realpath(current).catch(() => current);
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
      if (excluded(rel) || excluded(`${rel}/`)) continue;
      const wanted = entry.type === 'directory' || (entry.type === 'file' && MARKDOWN.test(entry.name));
      if (wanted && entry.link && fs.realpath) {
        // A link out of the handbook (`evil -> /`) would lint, or walk, whatever it points at.
        const real = await fs.realpath(path).catch(() => undefined);
        if (real !== undefined && !inside(real)) {
          skipped.push({ file: path, reason: t(lang, 'skip.outside', { target: real }) });
          continue;
        }
      }
      if (entry.type === 'directory') stack.push(path);
      else if (wanted) files.push(path);
    }
  }
  files.sort();
  return { files, skipped };
}

export interface Globs {
  /** The config's `include` globs make this file a charter whatever its frontmatter. */
  included(rel: string): boolean;
  excluded(rel: string): boolean;
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

/**
 * A handbook on some file system: find its config, discover its charters, lint them all.
 * The file system comes in through `HandbookFs`, so the CLI (node:fs), the desktop extension
 * and vscode.dev (vscode.workspace.fs) share this code.
 */
import picomatch from 'picomatch/posix';
import { CONFIG_FILE, parseConfig, type ConfigError, type ConfigResult, type ResolvedConfig, defaultConfig } from './config';
import { applyFixes } from './fix';
import { t } from './i18n';
import { Linter, sortFindings } from './lint';
import type { CharterSummary, Finding, Lang, RunResult, SkippedFile } from './types';

/** The code of a file-system error (ENOENT, EACCES…), or its message. */
function errorText(e: unknown): string {
  const err = e as { code?: string; message?: string };
  return err?.code ?? err?.message ?? String(e);
}

export interface DirEntry {
  name: string;
  type: 'file' | 'directory' | 'other';
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

export type Decoded = { ok: true; text: string } | { ok: false; reason: 'binary' | 'encoding'; line: number };

/** UTF-8 text, or why not: binary (NUL bytes) or invalid UTF-8, with the line of the first bad byte. */
export function decodeText(bytes: Uint8Array): Decoded {
  const nul = bytes.subarray(0, 8192).indexOf(0);
  if (nul >= 0) return { ok: false, reason: 'binary', line: lineOfByte(bytes, nul) };
  try {
    // ignoreBOM keeps a byte-order mark in the text: the linter skips it and --fix writes it back
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'encoding', line: lineOfByte(bytes, firstInvalidByte(bytes)) };
  }
}

/** 1-based line of byte `offset`. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}

/**
 * Offset of the byte that makes `bytes` invalid UTF-8. (Searching the leniently decoded text for
 * U+FFFD would stop at a replacement character the file legitimately contains.) A prefix that
 * fails to decode keeps failing when it grows, so a binary search over prefixes finds it.
 */
function firstInvalidByte(bytes: Uint8Array): number {
  const fails = (n: number): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  if (!fails(bytes.length)) return Math.max(0, bytes.length - 1); // only the end is cut short
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (fails(mid)) hi = mid;
    else lo = mid;
  }
  return hi - 1;
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
      if (entry.type === 'directory') stack.push(path);
      else if (entry.type === 'file' && MARKDOWN.test(entry.name)) files.push(path);
    }
  }
  files.sort();
  return { files, skipped };
}

export interface LintFilesOptions {
  fs: HandbookFs;
  /** Handbook root: findings' paths are relative to `base`, globs to `root`. */
  root: string;
  config: ResolvedConfig;
  linter: Linter;
  files: string[];
  /** Base directory for the paths printed in findings (usually the working directory). */
  base: string;
  /** Run handbook-level rules over the files' summaries; `configFile` is where they point. */
  handbook: { configFile: string | undefined } | undefined;
  today?: string;
  /** Apply fixes and save the fixed text through this function (`--fix`). */
  writeFixed?: (path: string, text: string) => Promise<void>;
}

/** Lint files of one handbook: read, decode, size-check, lint, then the handbook-level rules. */
export async function lintFiles(o: LintFilesOptions): Promise<RunResult> {
  const isIncluded = o.config.include ? picomatch(o.config.include, { dot: true }) : undefined;
  const findings: Finding[] = [];
  const charters: string[] = [];
  const ignored: string[] = [];
  const skipped: SkippedFile[] = [];
  const summaries: CharterSummary[] = [];
  let fixed = 0;
  for (const path of o.files) {
    const rel = relativePath(o.base, path);
    let bytes: Uint8Array;
    try {
      const st = await o.fs.stat(path);
      if (st.size > o.config.maxFileSize) {
        skipped.push({ file: rel, reason: t(o.linter.lang, 'skip.size', { limit: o.config.maxFileSize, size: st.size }) });
        continue;
      }
      bytes = await o.fs.readFile(path);
    } catch (e) {
      skipped.push({ file: rel, reason: t(o.linter.lang, 'skip.read', { detail: errorText(e) }) });
      continue;
    }
    const decoded = decodeText(bytes);
    if (!decoded.ok) {
      skipped.push({
        file: rel,
        reason: t(o.linter.lang, decoded.reason === 'binary' ? 'skip.binary' : 'skip.encoding', { line: decoded.line }),
      });
      continue;
    }
    const forceCharter = isIncluded ? isIncluded(relativePath(o.root, path)) : false;
    const options = { forceCharter, ...(o.today ? { today: o.today } : {}) };
    let result = o.linter.lintText(rel, decoded.text, options);
    if (o.writeFixed && result.findings.some((f) => f.fix)) {
      const bom = decoded.text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
      let text = result.charter.text;
      // Overlapping fixes wait for the next pass; a few passes settle every case we know of.
      for (let pass = 0; pass < 5; pass++) {
        const fixes = result.findings.flatMap((f) => (f.fix ? [f.fix] : []));
        if (fixes.length === 0) break;
        const applied = applyFixes(text, fixes);
        if (applied.applied === 0 || applied.text === text) break;
        fixed += applied.applied;
        text = applied.text;
        result = o.linter.lintText(rel, text, options);
      }
      if (text !== result.charter.text || bom + text !== decoded.text) await o.writeFixed(path, bom + text);
    }
    if (!result.summary) {
      ignored.push(rel);
      continue;
    }
    charters.push(rel);
    summaries.push(result.summary);
    findings.push(...result.findings);
  }
  if (o.handbook) {
    const configFile = o.handbook.configFile ? relativePath(o.base, o.handbook.configFile) : '';
    findings.push(...o.linter.lintHandbook(summaries, configFile));
  }
  const run: RunResult = { findings: sortFindings(findings), charters, ignored, skipped, rules: o.linter.rules };
  if (o.writeFixed) run.fixed = fixed;
  return run;
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

/**
 * A handbook on some file system: find its config, discover its charters, lint them all.
 * The file system comes in through `HandbookFs`, so the CLI (node:fs), the desktop extension
 * and vscode.dev (vscode.workspace.fs) share this code.
 */
import picomatch from 'picomatch/posix';
import { CONFIG_FILE, parseConfig, type ConfigError, type ConfigResult, type ResolvedConfig, defaultConfig } from './config';
import { Deadline, lintWithinBudget, type FileBudget } from './budget';
import { applyFixes } from './fix';
import { t } from './i18n';
import { Linter, sortFindings, type CharterLint } from './lint';
import type { CharterSummary, Finding, Lang, RunResult, SkippedFile } from './types';

/** The code of a file-system error (ENOENT, EACCES…), or its message. */
function errorText(e: unknown): string {
  const err = e as { code?: string; message?: string };
  return err?.code ?? err?.message ?? String(e);
}

/** Why a file could not be read, for the list of skipped files. */
function readFailure(lang: Lang, e: unknown): string {
  const code = (e as { code?: string })?.code;
  if (code === 'ENOENT') return t(lang, 'skip.missing');
  if (code === 'ELOOP') return t(lang, 'skip.loop');
  if (code === 'EACCES' || code === 'EPERM') return t(lang, 'skip.denied', { detail: code });
  return t(lang, 'skip.read', { detail: errorText(e) });
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
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
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(await fs.readFile(candidate));
      } catch (e) {
        const error: ConfigError = { file: candidate, line: 1, column: 1, message: `cannot read: ${(e as Error).message}` };
        return { root: dir, file: candidate, result: { ok: false, errors: [error] } };
      }
      return { root: dir, file: candidate, result: parseConfig(text, candidate, lang) };
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
  // Anywhere in the file, not only near the start: a NUL deep in a text is as invisible in an
  // editor as it is in a lint report, and the Markdown parser turns it into U+FFFD.
  const nul = bytes.indexOf(0);
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
  /** Time each file may take (the fix passes included); a file over it is skipped with the reason. */
  budget?: FileBudget;
}

/**
 * Lint files of one handbook: read, decode, size-check, lint, then the handbook-level rules.
 * A file that cannot be linted (unreadable, too big, not UTF-8, too complex for the parser, or
 * any failure while linting it) is listed in `skipped` with the reason, and the run goes on.
 */
export async function lintFiles(o: LintFilesOptions): Promise<RunResult> {
  const isIncluded = o.config.include ? picomatch(o.config.include, { dot: true }) : undefined;
  const lang = o.linter.lang;
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
        skipped.push({ file: rel, reason: t(lang, 'skip.size', { limit: o.config.maxFileSize, size: st.size }) });
        continue;
      }
      bytes = await o.fs.readFile(path);
    } catch (e) {
      skipped.push({ file: rel, reason: readFailure(lang, e) });
      continue;
    }
    // It grew between the stat and the read.
    if (bytes.byteLength > o.config.maxFileSize) {
      skipped.push({ file: rel, reason: t(lang, 'skip.size', { limit: o.config.maxFileSize, size: bytes.byteLength }) });
      continue;
    }
    const decoded = decodeText(bytes);
    if (!decoded.ok) {
      skipped.push({
        file: rel,
        reason: t(lang, decoded.reason === 'binary' ? 'skip.binary' : 'skip.encoding', { line: decoded.line }),
      });
      continue;
    }
    let result: CharterLint;
    try {
      const forceCharter = isIncluded ? isIncluded(relativePath(o.root, path)) : false;
      const options = { forceCharter, ...(o.today ? { today: o.today } : {}) };
      const deadline = o.budget ? new Deadline(o.budget) : undefined;
      result = lintWithinBudget(o.linter, rel, decoded.text, options, deadline);
      if (o.writeFixed && result.findings.some((f) => f.fix)) {
        const original = result;
        const bom = decoded.text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
        let text = result.charter.text;
        let applied = 0;
        // Overlapping fixes wait for the next pass; a few passes settle every case we know of.
        for (let pass = 0; pass < 5; pass++) {
          const fixes = result.findings.flatMap((f) => (f.fix ? [f.fix] : []));
          if (fixes.length === 0) break;
          const out = applyFixes(text, fixes);
          if (out.applied === 0 || out.text === text) break;
          applied += out.applied;
          text = out.text;
          result = lintWithinBudget(o.linter, rel, text, options, deadline);
          if (result.unlintable !== undefined) break; // over the budget: nothing is written
        }
        if (result.unlintable === undefined && bom + text !== decoded.text) {
          const problem = await writeFixes(o, path, bytes, bom + text);
          if (problem === undefined) {
            fixed += applied;
          } else {
            // Nothing was written: report the file as it is on disk.
            skipped.push({ file: rel, reason: problem });
            result = original;
          }
        }
      }
    } catch (e) {
      skipped.push({ file: rel, reason: t(lang, 'skip.failed', { detail: errorText(e) }) });
      continue;
    }
    if (result.unlintable !== undefined) {
      skipped.push({ file: rel, reason: result.unlintable });
      continue;
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

/**
 * Save fixed text, unless the file changed since it was read (an editor saved it meanwhile: the
 * fixes were computed for the old text and would drop the new one). Undefined when written,
 * else why not. `writeFixed` itself writes a temporary file and renames it.
 */
async function writeFixes(o: LintFilesOptions, path: string, read: Uint8Array, text: string): Promise<string | undefined> {
  const lang = o.linter.lang;
  try {
    const now = await o.fs.readFile(path);
    if (!sameBytes(now, read)) return t(lang, 'skip.changed');
    await o.writeFixed!(path, text);
    return undefined;
  } catch (e) {
    // `EACCES: read-only file` from writeFileAtomic; node's own errors say no more than their code.
    const err = e as { code?: string; message?: string };
    return t(lang, 'skip.write', { detail: err?.code && err.message && !err.message.startsWith(err.code) ? `${err.code}: ${err.message}` : errorText(e) });
  }
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

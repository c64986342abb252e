/**
 * The one path from a file to its outcome, and from outcomes to a run:
 *
 * ```
 * path ──readSource──▶ text        (or skipped: unreadable, too big, binary, not UTF-8)
 * text ──lintSource──▶ FileOutcome  (a charter with findings and summary, not a charter, or
 *                                    skipped: refused by the parser guards, or the lint failed)
 *      ──fixFile (--fix)──▶ FileOutcome of the fixed text, written back
 * FileOutcome[] ──foldOutcomes (+ handbook findings)──▶ RunResult
 * ```
 *
 * `lintFile` is readSource, lintSource and fixFile. `charters lint` (in process and in its
 * worker threads), `charters render` and `matrix`, and the VS Code extension all take files
 * through `lintFile` (the extension's open documents through `lintSource`), so a file is
 * read, decoded, refused or linted the same way everywhere, and every skip reason is
 * localised here. A file that cannot be linted is an outcome with its reason; nothing throws.
 */
import { Deadline, lintWithinBudget, type FileBudget } from './budget';
import type { ResolvedConfig } from './config';
import { applyFixes, findingKey, fixedCount } from './fix';
import { globs as configGlobs, relativePath, type Globs, type HandbookFs } from './handbook';
import { t } from './i18n';
import { sortFindings, type CharterLint, type Linter } from './lint';
import { sourceOf } from './text';
import { explainSplitCharters } from './split';
import type { CharterSummary, Finding, Lang, RunResult, RunRule, SkippedFile } from './types';

// ---------------------------------------------------------------------------------------------
// Outcomes

interface OutcomeBase {
  /** The path relative to the context's `base`, `/`-separated: as findings name it. */
  file: string;
  /** Fixes written to this file (`--fix`). */
  fixed?: number;
  /**
   * The core's lint of the file's text (the charter model, for previews, renderers and the
   * editor). Only in the thread that linted it: an outcome sent between threads or kept in a
   * cache goes without it.
   */
  lint?: CharterLint;
}

export type FileOutcome =
  | (OutcomeBase & {
      kind: 'charter';
      findings: Finding[];
      summary: CharterSummary;
      /** Why `--fix` did not write the file (it changed meanwhile, a read-only file): reported beside its findings. */
      note?: string;
    })
  | (OutcomeBase & { kind: 'ignored' })
  | (OutcomeBase & { kind: 'skipped'; reason: string });

/** What every file of one run shares. */
export interface FileContext {
  readonly linter: Linter;
  /** Handbook root (absolute, `/`-separated): the config's `include` globs are relative to it. */
  readonly root: string;
  /** Outcomes' and findings' paths are relative to `base` (the working directory, or the handbook). */
  readonly base: string;
  /** Today as YYYY-MM-DD; the linter's default (the current UTC date) when undefined. */
  readonly today: string | undefined;
  /** Whether the config's `include` globs make a file (relative to `root`) a charter. */
  readonly included: (rel: string) => boolean;
  /** Apply fixes and save the fixed text through this function (`--fix`); it writes atomically. */
  readonly writeFixed: ((path: string, text: string) => Promise<void>) | undefined;
  /** Time one file's lint may take (its fix passes get as much again); over it, the file is skipped with the reason. */
  readonly budget: FileBudget | undefined;
  /**
   * `--fix` over a handbook: the other charters' summaries, from a first pass without fixes. A fix
   * that would insert a stub for an element a sibling charter of the same tier and unit holds (a
   * charter split over files) is dropped (`explainSplitCharters`): it would be a second copy.
   */
  readonly siblings: readonly CharterSummary[] | undefined;
}

export function fileContext(o: {
  linter: Linter;
  root: string;
  base: string;
  today?: string | undefined;
  writeFixed?: ((path: string, text: string) => Promise<void>) | undefined;
  /** The config's globs, when the caller keeps them compiled. */
  globs?: Globs;
  budget?: FileBudget | undefined;
  siblings?: readonly CharterSummary[] | undefined;
}): FileContext {
  return {
    linter: o.linter,
    root: o.root,
    base: o.base,
    today: o.today,
    included: (o.globs ?? configGlobs(o.linter.config)).included,
    writeFixed: o.writeFixed,
    budget: o.budget,
    siblings: o.siblings,
  };
}

// ---------------------------------------------------------------------------------------------
// Read and decode

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

export type ReadSource =
  | { ok: true; bytes: Uint8Array; text: string }
  /** `unreadable`: the file system refused (missing, denied…), as opposed to a file that was read and refused. */
  | { ok: false; reason: string; unreadable: boolean };

/**
 * A file's text, or why it is skipped (localised): it cannot be read, it is larger than the
 * config's `max-file-size` (checked before and after the read, as it may grow meanwhile), or it
 * is binary or not UTF-8.
 */
export async function readSource(fs: HandbookFs, path: string, config: ResolvedConfig, lang: Lang): Promise<ReadSource> {
  const tooBig = (size: number): ReadSource => ({ ok: false, reason: t(lang, 'skip.size', { limit: config.maxFileSize, size }), unreadable: false });
  let bytes: Uint8Array;
  try {
    const st = await fs.stat(path);
    if (st.size > config.maxFileSize) return tooBig(st.size);
    bytes = await fs.readFile(path);
  } catch (e) {
    return { ok: false, reason: readFailure(lang, e), unreadable: true };
  }
  if (bytes.byteLength > config.maxFileSize) return tooBig(bytes.byteLength);
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    return { ok: false, reason: t(lang, decoded.reason === 'binary' ? 'skip.binary' : 'skip.encoding', { line: decoded.line }), unreadable: false };
  }
  return { ok: true, bytes, text: decoded.text };
}

// ---------------------------------------------------------------------------------------------
// Lint

/** The outcome of a lint: refused by the parser guards, not a charter, or a charter. */
function outcomeOf(file: string, lint: CharterLint): FileOutcome & { lint: CharterLint } {
  if (lint.unlintable !== undefined) return { kind: 'skipped', file, reason: lint.unlintable, lint };
  if (!lint.summary) return { kind: 'ignored', file, lint };
  return { kind: 'charter', file, findings: lint.findings, summary: lint.summary, lint };
}

function failed(ctx: FileContext, file: string, e: unknown, text?: string): FileOutcome {
  const reason = t(ctx.linter.lang, 'skip.failed', { detail: errorText(e) });
  return text === undefined ? { kind: 'skipped', file, reason } : { kind: 'skipped', file, reason, lint: ctx.linter.unlintable(file, sourceOf(text).text, reason) };
}

/**
 * `text` as the file at `path` (absolute): the outcome of its lint, always with the lint
 * (`lint`; an unlintable one, with the reason, when the linter failed). Never throws.
 */
export function lintSource(path: string, text: string, ctx: FileContext): FileOutcome & { lint: CharterLint } {
  const file = relativePath(ctx.base, path);
  try {
    return outcomeOf(file, lintWithinBudget(ctx.linter, file, text, lintOptions(ctx, path), deadlineOf(ctx)));
  } catch (e) {
    return failed(ctx, file, e, text) as FileOutcome & { lint: CharterLint };
  }
}

function deadlineOf(ctx: FileContext): Deadline | undefined {
  return ctx.budget ? new Deadline(ctx.budget) : undefined;
}

function lintOptions(ctx: FileContext, path: string): { forceCharter: boolean; today?: string } {
  const forceCharter = ctx.included(relativePath(ctx.root, path));
  return ctx.today ? { forceCharter, today: ctx.today } : { forceCharter };
}

/** Read, decode and lint the file at `path` (absolute); with `ctx.writeFixed`, fix it too. Never throws. */
export async function lintFile(fs: HandbookFs, path: string, ctx: FileContext): Promise<FileOutcome> {
  const read = await readSource(fs, path, ctx.linter.config, ctx.linter.lang);
  if (!read.ok) return { kind: 'skipped', file: relativePath(ctx.base, path), reason: read.reason };
  const outcome = lintSource(path, read.text, ctx);
  return ctx.writeFixed ? fixFile(fs, path, read, outcome, ctx) : outcome;
}

// ---------------------------------------------------------------------------------------------
// Fix

/**
 * Apply a lint's fixes and lint again until nothing changes (overlapping fixes wait for the
 * next pass; a few passes settle every case we know of). The text without its byte-order mark,
 * the fixes applied, and the last lint.
 */
export function fixText(
  first: CharterLint,
  relint: (text: string) => CharterLint,
  /** Which findings' fixes to apply (default: all). */
  apply: (f: Finding) => boolean = () => true,
): { text: string; applied: number; lint: CharterLint; fixable: Finding[] } {
  let lint = first;
  let text = lint.charter.text;
  let applied = 0;
  // Every finding that carried a fix in some pass (a later pass sees findings the first could not,
  // e.g. headings matched once `tier:` is added): what `fixedCount` measures against the end.
  const fixable = lint.findings.filter((f) => f.fix && apply(f));
  const seen = new Set(fixable.map(findingKey));
  for (let pass = 0; pass < 5; pass++) {
    const fixes = lint.findings.flatMap((f) => (f.fix && apply(f) ? [f.fix] : []));
    if (fixes.length === 0) break;
    const out = applyFixes(text, fixes);
    if (out.applied === 0 || out.text === text) break;
    applied += out.applied;
    text = out.text;
    lint = relint(text);
    for (const f of lint.findings) {
      if (!f.fix || !apply(f) || seen.has(findingKey(f))) continue;
      seen.add(findingKey(f));
      fixable.push(f);
    }
  }
  return { text, applied, lint, fixable };
}

/**
 * `--fix`: apply the charter's fixes, write the file and give the outcome of the fixed text. A
 * file that cannot be written keeps the outcome read from disk, with the reason as its note.
 */
async function fixFile(fs: HandbookFs, path: string, read: { bytes: Uint8Array; text: string }, outcome: FileOutcome, ctx: FileContext): Promise<FileOutcome> {
  if (outcome.kind !== 'charter' || !outcome.lint || !outcome.findings.some((f) => f.fix)) return outcome;
  try {
    const options = lintOptions(ctx, path);
    const deadline = deadlineOf(ctx);
    // A charter split over files: no stub for what a sibling file holds.
    const siblings = ctx.siblings?.filter((s) => s.file !== outcome.file);
    const explain = (l: CharterLint): CharterLint =>
      siblings && siblings.length > 0 && l.summary ? { ...l, findings: explainSplitCharters(l.findings, [...siblings, l.summary], ctx.linter.lang) } : l;
    const fixed = fixText(explain(outcome.lint), (text) => explain(lintWithinBudget(ctx.linter, outcome.file, text, options, deadline)));
    // Over the budget while fixing: skipped with the reason, nothing written.
    if (fixed.lint.unlintable !== undefined) return outcomeOf(outcome.file, fixed.lint);
    const text = sourceOf(read.text).bom + fixed.text;
    if (text === read.text) return outcome;
    const problem = await writeFixes(fs, path, read.bytes, text, ctx);
    // Nothing was written: report the file as it is on disk.
    if (problem !== undefined) return { ...outcome, note: problem };
    // Only findings that are gone count: a fix that leaves its finding is no fix.
    return { ...outcomeOf(outcome.file, fixed.lint), fixed: fixed.applied > 0 ? fixedCount(fixed.fixable, fixed.lint.findings) : 0 };
  } catch (e) {
    return failed(ctx, outcome.file, e);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Save fixed text, unless the file changed since it was read (an editor saved it meanwhile: the
 * fixes were computed for the old text and would drop the new one). Undefined when written,
 * else why not. `writeFixed` itself writes a temporary file and renames it.
 */
async function writeFixes(fs: HandbookFs, path: string, read: Uint8Array, text: string, ctx: FileContext): Promise<string | undefined> {
  const lang = ctx.linter.lang;
  try {
    const now = await fs.readFile(path);
    if (!sameBytes(now, read)) return t(lang, 'skip.changed');
    await ctx.writeFixed!(path, text);
    return undefined;
  } catch (e) {
    // `EACCES: read-only file` from writeFileAtomic; node's own errors say no more than their code.
    const err = e as { code?: string; message?: string };
    return t(lang, 'skip.write', { detail: err?.code && err.message && !err.message.startsWith(err.code) ? `${err.code}: ${err.message}` : errorText(e) });
  }
}

// ---------------------------------------------------------------------------------------------
// Fold

/** The summaries of the charters among `outcomes`, in order: what the handbook-level rules read. */
export function summariesOf(outcomes: readonly FileOutcome[]): CharterSummary[] {
  const out: CharterSummary[] = [];
  for (const o of outcomes) if (o.kind === 'charter') out.push(o.summary);
  return out;
}

/**
 * A run's result from its files' outcomes (in file order) and its handbook-level findings. Pure:
 * the same outcomes give the same result, whichever thread, cache or command made them.
 */
export function foldOutcomes(
  outcomes: readonly FileOutcome[],
  o: {
    rules: RunRule[];
    handbookFindings?: readonly Finding[];
    fix?: boolean;
    /** Explain charters split over files (`explainSplitCharters`), with messages in this language. */
    lang?: Lang;
    /** The summaries to explain them by, when the outcomes are not all of them (a CI shard). */
    splitSummaries?: readonly CharterSummary[];
  },
): RunResult {
  const findings: Finding[] = [];
  const charters: string[] = [];
  const ignored: string[] = [];
  const skipped: SkippedFile[] = [];
  let fixed = 0;
  for (const out of outcomes) {
    fixed += out.fixed ?? 0;
    if (out.kind === 'skipped') skipped.push({ file: out.file, reason: out.reason });
    else if (out.kind === 'ignored') ignored.push(out.file);
    else {
      // A charter `--fix` could not write is listed as skipped too: its findings still count
      // (and decide the exit code); the reason is reported beside them.
      if (out.note !== undefined) skipped.push({ file: out.file, reason: out.note });
      charters.push(out.file);
      for (const f of out.findings) findings.push(f);
    }
  }
  // A charter split over files: its elements are in a sibling file (only when the run is a handbook's).
  const explained = o.lang !== undefined ? explainSplitCharters(findings, o.splitSummaries ?? summariesOf(outcomes), o.lang) : findings;
  if (o.handbookFindings) for (const f of o.handbookFindings) explained.push(f);
  const run: RunResult = { findings: sortFindings(explained), charters, ignored, skipped, rules: o.rules };
  if (o.fix) run.fixed = fixed;
  return run;
}

// ---------------------------------------------------------------------------------------------
// A handbook in one thread

export interface LintFilesOptions {
  fs: HandbookFs;
  /** Handbook root: findings' paths are relative to `base`, globs to `root`. */
  root: string;
  /** Its config (`linter.config`) gives the size limit and the `include` globs. */
  linter: Linter;
  files: string[];
  /** Base directory for the paths printed in findings (usually the working directory). */
  base: string;
  /** Run handbook-level rules over the files' summaries; `configFile` is where they point. */
  handbook: { configFile: string | undefined } | undefined;
  today?: string;
  /** Apply fixes and save the fixed text through this function (`--fix`). */
  writeFixed?: (path: string, text: string) => Promise<void>;
  /** Time each file may take; a file over it is skipped with the reason. */
  budget?: FileBudget;
}

/** Every file through `lintFile`, in order. */
export async function lintEach(fs: HandbookFs, paths: readonly string[], ctx: FileContext): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const path of paths) outcomes.push(await lintFile(fs, path, ctx));
  return outcomes;
}

/** The handbook-level findings over the charters among `outcomes`; `configFile` (absolute) is where they point. */
export function handbookFindings(linter: Linter, outcomes: readonly FileOutcome[], base: string, configFile: string | undefined): Finding[] {
  return linter.lintHandbook(summariesOf(outcomes), configFile ? relativePath(base, configFile) : '');
}

/**
 * Lint files of one handbook in this thread: each through `lintFile`, then the handbook-level
 * rules, folded into a run.
 */
export async function lintFiles(o: LintFilesOptions): Promise<RunResult> {
  const ctx = fileContext({ linter: o.linter, root: o.root, base: o.base, today: o.today, writeFixed: o.writeFixed, budget: o.budget });
  const outcomes = await lintEach(o.fs, o.files, ctx);
  const found = o.handbook ? handbookFindings(o.linter, outcomes, o.base, o.handbook.configFile) : undefined;
  return foldOutcomes(outcomes, { rules: o.linter.rules, ...(found ? { handbookFindings: found, lang: o.linter.lang } : {}), fix: o.writeFixed !== undefined });
}

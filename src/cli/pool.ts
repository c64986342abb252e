/**
 * Linting a handbook's files on several cores, with an optional content cache and CI shards.
 *
 * - `lintBatch` takes a list of files through the core's `lintFile` in this thread (so reading,
 *   size limits, decoding, `--fix` and skipped-file reasons are the core's, as everywhere) and
 *   returns one outcome per file: findings and the charter's summary (small).
 * - `LintPool` runs `lintBatch` in worker threads (dist/worker.js), handing out small batches
 *   so that both cores stay busy to the end.
 * - `lintTarget` puts it together for one handbook, in named steps: this shard's files, the
 *   cache lookup, lint the misses (in process for small runs, else in the pool), the
 *   handbook-level rules on the main thread over every charter's summary, save the cache, and
 *   the core's fold of the outcomes into the run.
 *
 * The result is the same `RunResult`, byte for byte in every formatter, whatever the number of
 * threads, the batch size or the cache state.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as nodePath from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '../core/config';
import { summaryFromFrontmatter } from '../core/frontmatter-only';
import { globs, relativePath, type HandbookFs } from '../core/handbook';
import { Linter } from '../core/lint';
import { fileContext, fixText, foldOutcomes, lintFile, readSource, summariesOf, type FileContext, type FileOutcome } from '../core/pipeline';
import type { CharterSummary, Finding, Lang, RunResult } from '../core/types';
import { type LintCache, cacheKey, contentHash, openCache as openCacheFile, settingsKey, userCacheDir, type CachedOutcome, type FileStamp } from './cache';
import { m } from './messages';
import { nodeFs, SymlinkRefused, writeFileAtomic } from './node-fs';
import { shardOf, type Shard } from './shard';
import { charterKeys } from '../core/split';

/** Runs with fewer files than this lint in process: starting workers would cost more. */
export const IN_PROCESS_BELOW = 200;

/**
 * Runs of at least this many files lint in a worker even on one thread: the main thread's heap,
 * with its small young generation, lets so much garbage be promoted that V8 grows it past
 * 500 MB on 10,000 charters before collecting; a worker's (see LintPool) stays near 300 MB.
 */
export const ONE_WORKER_FROM = 2000;

/** What every thread needs to lint files of one handbook the same way. Structured-cloneable. */
export interface LintJob {
  /** Handbook root (absolute, `/`-separated): `include` globs are relative to it. */
  root: string;
  /** Findings' paths are relative to `base` (the working directory). */
  base: string;
  config: ResolvedConfig;
  lang: Lang;
  today: string;
  /** Apply fixes and write the files (`--fix`). */
  fix: boolean;
  /** Hash every file's bytes (for the cache). */
  hash: boolean;
  /** Milliseconds one file may take to lint (`--file-budget`); 0: no limit. */
  fileBudgetMs: number;
  /** `--fix`: every charter's summary from a first pass, so no fix copies a sibling file's section. */
  siblings?: CharterSummary[];
}

/** What the cache needs of a file that was read: its content hash and stat. */
export interface ReadStamp {
  hash: string;
  stamp: FileStamp;
}

/**
 * The core's outcome of a file as it crosses threads: without the charter model, and with the
 * content hash and stat of the bytes linted when the cache wants them.
 */
export type LintOutcome = FileOutcome & { read?: ReadStamp };

/** Bytes the main thread already read (to check the cache), with their stamp. */
interface Preread {
  bytes: Uint8Array;
  stamp: FileStamp;
}

/**
 * The core's file system over synchronous node:fs calls (in a worker, blocking costs nothing),
 * recording each file's stat and content hash when `reads` is given (for the cache).
 */
function syncFs(preread?: Map<string, Preread>, reads?: Map<string, ReadStamp>): HandbookFs {
  const stats = new Map<string, { size: number; mtimeMs: number; ctimeMs: number }>();
  return {
    ...nodeFs,
    // eslint-disable-next-line @typescript-eslint/require-await -- HandbookFs is async: a sync throw must become a rejection
    async readFile(path) {
      const known = preread?.get(path);
      if (known) {
        // Once: a second read (the check before `--fix` writes) must see the disk.
        preread!.delete(path);
        reads?.set(path, { hash: contentHash(known.bytes), stamp: known.stamp });
        return known.bytes;
      }
      const readAt = Date.now();
      const bytes = readFileSync(path);
      const st = stats.get(path);
      if (reads && st) reads.set(path, { hash: contentHash(bytes), stamp: { ...st, readAt } });
      return bytes;
    },
    // eslint-disable-next-line @typescript-eslint/require-await -- HandbookFs is async: a sync throw must become a rejection
    async stat(path) {
      const known = preread?.get(path);
      if (known) return { type: 'file', size: known.bytes.byteLength };
      const st = statSync(path);
      if (reads) stats.set(path, { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs });
      return { type: st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'other', size: st.size };
    },
  };
}

const contexts = new WeakMap<LintJob, FileContext>();

/** One context (and linter) per job and thread. */
function contextOf(job: LintJob): FileContext {
  let ctx = contexts.get(job);
  if (!ctx) {
    const writeFixed = job.fix ? (path: string, text: string) => writeFixedFile(job, path, text) : undefined;
    ctx = fileContext({ linter: new Linter(job.config, job.lang), root: job.root, base: job.base, today: job.today, writeFixed, ...(job.fileBudgetMs > 0 ? { budget: { ms: job.fileBudgetMs, now: () => performance.now() } } : {}), siblings: job.siblings });
    contexts.set(job, ctx);
  }
  return ctx;
}

/** `--fix` saves a file; never through a symbolic link (docs/security.md). */
async function writeFixedFile(job: LintJob, path: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(path, text, { base: job.root });
  } catch (e) {
    if (e instanceof SymlinkRefused) throw new Error(m(job.lang, 'fixLink', relativePath(job.base, e.path)), { cause: e });
    throw e;
  }
}

/** Lint `paths` in this thread: one outcome per path, in order. */
export async function lintBatch(job: LintJob, paths: readonly string[], preread?: Map<string, Preread>): Promise<LintOutcome[]> {
  const ctx = contextOf(job);
  const reads = job.hash ? new Map<string, ReadStamp>() : undefined;
  const fs = syncFs(preread, reads);
  const outcomes: LintOutcome[] = [];
  for (const path of paths) {
    const out = await lintFile(fs, path, ctx);
    delete out.lint; // the charter model stays in this thread
    const read = out.kind === 'skipped' ? undefined : reads?.get(path);
    outcomes.push(read ? { ...out, read } : out);
  }
  return outcomes;
}

// ---------------------------------------------------------------------------------------------
// Worker threads

interface Request {
  id: number;
  paths: string[];
}
type Reply = { id: number; result: LintOutcome[] } | { id: number; error: string };

/** dist/worker.js beside this bundle, if it was built. */
export function workerScript(): string | undefined {
  const candidate = nodePath.join(__dirname, 'worker.js');
  try {
    return statSync(candidate).isFile() ? candidate : undefined;
  } catch {
    return undefined;
  }
}

export class LintPool {
  private readonly workers: Worker[] = [];

  constructor(
    readonly size: number,
    job: LintJob,
    script: string,
  ) {
    for (let i = 0; i < size; i++) {
      // A bigger young generation than a worker's default: parsing makes many short-lived
      // objects, and scavenges otherwise take a good share of the time (32 MB measured as
      // fast as 64 MB, with 50 MB less peak RSS).
      this.workers.push(new Worker(script, { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: 32 } }));
    }
  }

  /** Lint `paths` over the workers; outcomes come back in the order of `paths`. */
  run(paths: readonly string[]): Promise<LintOutcome[]> {
    const batch = Math.max(8, Math.min(64, Math.ceil(paths.length / (this.size * 16))));
    const outcomes = new Array<LintOutcome>(paths.length);
    let next = 0;
    let pending = 0;
    return new Promise((resolve, reject) => {
      let failed = false;
      const fail = (e: Error): void => {
        if (failed) return;
        failed = true;
        reject(e);
      };
      const feed = (w: Worker): void => {
        if (failed) return;
        if (next >= paths.length) {
          if (pending === 0) resolve(outcomes);
          return;
        }
        const start = next;
        const slice = paths.slice(start, start + batch);
        next += slice.length;
        pending++;
        const onMessage = (reply: Reply): void => {
          if (reply.id !== start) return;
          w.off('message', onMessage);
          w.off('error', onError);
          w.off('exit', onExit);
          pending--;
          if ('error' in reply) return fail(new Error(reply.error));
          reply.result.forEach((o, i) => (outcomes[start + i] = o));
          feed(w);
        };
        const onError = (e: Error): void => fail(e);
        const onExit = (code: number): void => fail(new Error(`worker exited with code ${code}`));
        w.on('message', onMessage);
        w.once('error', onError);
        w.once('exit', onExit);
        w.postMessage({ id: start, paths: slice } satisfies Request);
      };
      for (const w of this.workers) feed(w);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** The worker side: lint each batch the main thread sends. */
export function serveWorker(
  job: LintJob,
  port: { on(event: 'message', listener: (r: Request) => void): void; postMessage(r: Reply): void },
): void {
  port.on('message', (req) => {
    lintBatch(job, req.paths).then(
      (result) => port.postMessage({ id: req.id, result }),
      (e: unknown) => port.postMessage({ id: req.id, error: (e as Error)?.stack ?? String(e) }),
    );
  });
}

// ---------------------------------------------------------------------------------------------
// One handbook

export interface LintTargetOptions extends Omit<LintJob, 'hash'> {
  linter: Linter;
  /** Every Markdown file found (sorted), before sharding. */
  files: string[];
  /** Run handbook-level rules; `configFile` is where their findings point. */
  handbook: { configFile: string | undefined } | undefined;
  /** Threads to lint on; `explicit` when the user chose it (then small runs use it too). */
  concurrency: { n: number; explicit: boolean };
  shard: Shard | undefined;
  /** Cache file to read and update; undefined without `--cache`. */
  cacheFile: string | undefined;
  /** Where the cache's key lives (default: the user's cache directory). */
  cacheKeyDir?: string;
  /** The directory the cache file is written under, no symbolic link below it (see writeFileAtomic). */
  cacheBase?: string;
  /**
   * Content hashes from git's index for the cache (git.ts), asked by the caller before it
   * discovers the files, so that git works meanwhile. Undefined: git is not asked.
   */
  gitIds?: Promise<Map<string, string> | undefined>;
  toolVersion: string;
  /** A note for standard error (a corrupt or unwritable cache). */
  note(message: string): void;
  /** Diagnostics (`CHARTERS_DEBUG=1`): how the run was split, what the cache held. */
  debug?: (message: string) => void;
  /** `--fix` of files named on the command line: the rest of their handbook, where a split charter's other part may be. */
  siblingFiles?: string[];
}

export function defaultConcurrency(): number {
  return Math.max(1, availableParallelism());
}

/** `relativePath(from, …)` for many paths: a prefix cut for the paths under `from`. */
function relativeTo(from: string): (path: string) => string {
  const prefix = from.endsWith('/') ? from : `${from}/`;
  return (path) => (path.startsWith(prefix) && path.length > prefix.length ? path.slice(prefix.length) : relativePath(from, path));
}

export async function lintTarget(o: LintTargetOptions): Promise<RunResult> {
  const paths = shardFiles(o);
  const cache = await openCache(o);
  const looked = await cacheLookup(o, cache, paths);
  const outcomes = await lintMisses(o, cache, paths, looked, await fixSiblings(o, paths));
  const handbookFindings = await handbookRules(o, paths, outcomes);
  const splitSummaries = await shardSplitSummaries(o, paths, outcomes);
  await saveCache(o, cache);
  return foldOutcomes(outcomes, { rules: o.linter.rules, ...(handbookFindings ? { handbookFindings } : {}), lang: o.linter.lang, ...(splitSummaries ? { splitSummaries } : {}), fix: o.fix });
}

/** The files of this shard (every file without `--shard`). */
function shardFiles(o: LintTargetOptions): string[] {
  if (!o.shard) return o.files;
  const { index, count } = o.shard;
  const rootRel = relativeTo(o.root);
  return o.files.filter((p) => shardOf(rootRel(p), count) === index);
}

/**
 * The cache to read and update (`--cache`; `--fix` ignores it: it changes the files it keys on),
 * authenticated with the machine's key (cache.ts): a planted or edited file is not used.
 */
async function openCache(o: LintTargetOptions): Promise<LintCache | undefined> {
  if (!o.cacheFile || o.fix) return undefined;
  const keyDir = o.cacheKeyDir ?? userCacheDir();
  const key = await cacheKey(keyDir);
  if (!key) {
    o.note(m(o.lang, 'cacheNoKey', nodePath.join(keyDir, 'key')));
    return undefined;
  }
  const settings = settingsKey({ toolVersion: o.toolVersion, config: o.config, lang: o.lang, today: o.today });
  const loaded = await openCacheFile(o.cacheFile, settings, { key, lang: o.lang, ...(o.cacheBase !== undefined ? { base: o.cacheBase } : {}) });
  if (loaded.tracked) o.note(m(o.lang, 'cacheTracked', shown(o.base, o.cacheFile)));
  else if (loaded.problem !== undefined) o.note(m(o.lang, 'cacheCorrupt', shown(o.base, o.cacheFile), loaded.problem));
  return loaded.cache;
}

interface Lookup {
  /** One per path: the cached outcome, or undefined for a miss. */
  outcomes: (LintOutcome | undefined)[];
  /** Indexes of the paths to lint. */
  misses: number[];
  /** Misses the lookup read already (to hash them): linted from these bytes, not read again. */
  preread: Map<string, Preread>;
}

/**
 * Files whose bytes hash as last time take their outcome from the cache: by git's index first
 * (no stat, no read), then by the stat, then by the content hash.
 */
async function cacheLookup(o: LintTargetOptions, cache: LintCache | undefined, paths: readonly string[]): Promise<Lookup> {
  const outcomes = new Array<LintOutcome | undefined>(paths.length);
  const misses: number[] = [];
  const preread = new Map<string, Preread>();
  if (!cache) return { outcomes, misses: paths.map((_, i) => i), preread };
  const included = globs(o.config).included;
  const rootRel = relativeTo(o.root);
  const baseRel = relativeTo(o.base);
  // In a git work tree, git's index gives the content hash of every unchanged tracked file.
  const fromGit = cache.size > 0 ? await o.gitIds : undefined;
  let vouched = 0;
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i]!;
    const rel = baseRel(path);
    const hit = cache.has(rel) ? lookupOne(o, cache, path, rel, included(rootRel(path)), fromGit?.get(path), preread) : undefined;
    if (hit?.git) vouched++;
    if (hit) outcomes[i] = hit.outcome.kind === 'charter' ? { kind: 'charter', file: rel, findings: hit.outcome.findings, summary: hit.outcome.summary } : { kind: 'ignored', file: rel };
    else misses.push(i);
  }
  if (fromGit) o.debug?.(`git's index vouched for ${vouched} of ${paths.length} files`);
  return { outcomes, misses, preread };
}

/** One file's cached outcome, if its bytes are the ones cached; a miss that was read goes to `preread`. */
function lookupOne(
  o: LintTargetOptions,
  cache: LintCache,
  path: string,
  rel: string,
  forced: boolean,
  blobId: string | undefined,
  preread: Map<string, Preread>,
): { outcome: CachedOutcome; git: boolean } | undefined {
  const byGit = blobId ? cache.byGit(rel, forced, blobId) : undefined;
  if (byGit) return { outcome: byGit, git: true };
  let st;
  try {
    st = statSync(path);
  } catch {
    return undefined; // the lint reports it
  }
  if (!st.isFile()) return undefined;
  const byStat = cache.byStat(rel, forced, st);
  if (byStat) return { outcome: byStat, git: false };
  if (st.size > o.config.maxFileSize) return undefined;
  const readAt = Date.now();
  const bytes = readIntoScratch(path);
  if (!bytes) return undefined;
  const stamp = { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, readAt };
  const byHash = cache.byHash(rel, forced, contentHash(bytes), stamp);
  if (byHash) return { outcome: byHash, git: false };
  // The scratch buffer is reused by the next read: a file to lint keeps a copy.
  preread.set(path, { bytes: Buffer.from(bytes), stamp });
  return undefined;
}

/** Lint what the cache did not know (in process for small runs, else on worker threads), and cache it. */
async function lintMisses(o: LintTargetOptions, cache: LintCache | undefined, paths: readonly string[], looked: Lookup, siblings?: CharterSummary[]): Promise<LintOutcome[]> {
  const { outcomes, misses, preread } = looked;
  if (misses.length === 0) {
    o.debug?.(`all ${paths.length} files unchanged: findings from the cache`);
    return outcomes as LintOutcome[];
  }
  const job: LintJob = { root: o.root, base: o.base, config: o.config, lang: o.lang, today: o.today, fix: o.fix, hash: !!cache, fileBudgetMs: o.fileBudgetMs, ...(siblings ? { siblings } : {}) };
  const missPaths = misses.map((i) => paths[i]!);
  const threads = Math.max(1, Math.min(o.concurrency.n, Math.ceil(missPaths.length / 8)));
  const pooled = threads > 1 ? o.concurrency.explicit || missPaths.length >= IN_PROCESS_BELOW : missPaths.length >= ONE_WORKER_FROM;
  const script = pooled ? workerScript() : undefined;
  o.debug?.(
    `linting ${missPaths.length} of ${paths.length} files ${script ? `on ${threads} worker thread${threads > 1 ? 's' : ''}` : 'in process'}` +
      (cache ? `; ${paths.length - missPaths.length} unchanged files from the cache` : ''),
  );
  let linted: LintOutcome[];
  if (script) {
    const pool = new LintPool(threads, job, script);
    try {
      linted = await pool.run(missPaths);
    } finally {
      await pool.close();
    }
  } else {
    linted = await lintBatch(job, missPaths, preread);
  }
  const included = globs(o.config).included;
  const rootRel = relativeTo(o.root);
  linted.forEach((out, k) => {
    const i = misses[k]!;
    outcomes[i] = out;
    if (cache && out.kind !== 'skipped' && out.read) {
      const cached: CachedOutcome = out.kind === 'charter' ? { kind: 'charter', findings: out.findings, summary: out.summary } : { kind: 'ignored' };
      cache.set(out.file, out.read.hash, included(rootRel(paths[i]!)), out.read.stamp, cached);
    }
  });
  return outcomes as LintOutcome[];
}

/**
 * The full summaries (with their elements) of those `candidates` whose frontmatter names one of
 * `keys` (tier and unit): read first by frontmatter alone, then only the matching ones linted
 * (without fixes). What a charter split over files needs from the files outside the run's view.
 */
async function chartersSharing(
  o: LintTargetOptions,
  candidates: readonly string[],
  select: (found: { path: string; keys: string[] }[]) => string[],
): Promise<{ paths: string[]; summaries: CharterSummary[] }> {
  const summaryOf = frontmatterSummaries(o);
  const found: { path: string; keys: string[] }[] = [];
  // --fix: a charter is read as its fixes will repair it (`Taso:` becomes `tier:`, `##Name` a
  // heading), without the stubs, so the other part of a split charter knows what it holds.
  const repaired = new Map<string, CharterSummary>();
  for (const path of candidates) {
    const s = await summaryOf(path);
    if (!s) continue;
    const fixed = o.fix && s.tiers.length === 0 ? await repairedSummary(o, path) : undefined;
    if (fixed) repaired.set(path, fixed);
    found.push({ path, keys: charterKeys(fixed ?? s) });
  }
  const related = select(found);
  if (related.length === 0) return { paths: [], summaries: [] };
  o.debug?.(`${related.length} charters share a tier and unit with the files of this run; read for split charters`);
  if (o.fix) {
    // Only the few files that share a tier and unit: read in this thread, as repaired.
    const summaries: CharterSummary[] = [];
    for (const path of related) {
      const s = repaired.get(path) ?? (await repairedSummary(o, path));
      if (s) summaries.push(s);
    }
    return { paths: related, summaries };
  }
  const first = await lintMisses({ ...o, fix: false }, undefined, related, { outcomes: related.map(() => undefined), misses: related.map((_, i) => i), preread: new Map() });
  return { paths: related, summaries: summariesOf(first) };
}

/**
 * A charter's summary once the fixes that repair what the author wrote are applied in memory:
 * every fix but the stubs (a missing element's section, a missing tier's section).
 */
async function repairedSummary(o: LintTargetOptions, path: string): Promise<CharterSummary | undefined> {
  const read = await readSource(syncFs(), path, o.config, o.lang);
  if (!read.ok) return undefined;
  const file = relativeTo(o.base)(path);
  const options = { today: o.today, forceCharter: globs(o.config).included(relativeTo(o.root)(path)) };
  const isStub = (f: Finding): boolean => (f.ruleId === 'element-missing' && !f.related) || (f.ruleId === 'tier-missing' && f.tier !== undefined);
  const fixed = fixText(o.linter.lintText(file, read.text, options), (text) => o.linter.lintText(file, text, options), (f) => !isStub(f));
  return fixed.lint.summary;
}

/**
 * `--fix`: a first pass without fixes gives the summaries of the charters that could hold part of
 * a fixed charter (same tier and unit), so that a fix never inserts a stub for an element a sibling
 * file holds (a charter split over files). The candidates are the run's files and, for files named
 * on the command line, the rest of their handbook (`siblingFiles`). Undefined without `--fix` or in a shard.
 */
async function fixSiblings(o: LintTargetOptions, paths: readonly string[]): Promise<CharterSummary[] | undefined> {
  if (!o.fix || o.shard) return undefined;
  const candidates = [...new Set([...paths, ...(o.siblingFiles ?? [])])];
  if (candidates.length < 2) return undefined;
  // From every candidate's frontmatter: the tier-and-unit keys that two or more files share and a
  // file being fixed has. Only those files are linted first: in a handbook without split
  // charters that is none, and --fix costs what it did.
  const own = new Set(paths);
  const { summaries } = await chartersSharing(o, candidates, (found) => {
    const count = new Map<string, number>();
    const fixing = new Set<string>();
    for (const f of found) {
      for (const k of new Set(f.keys)) count.set(k, (count.get(k) ?? 0) + 1);
      if (own.has(f.path)) for (const k of f.keys) fixing.add(k);
    }
    const wanted = (k: string): boolean => fixing.has(k) && (count.get(k) ?? 0) >= 2;
    return found.filter((f) => f.keys.some(wanted)).map((f) => f.path);
  });
  return summaries.length >= 2 ? summaries : undefined;
}

/**
 * A shard sees only its own files: the summaries of the other shards' charters that share a tier
 * and unit with one of its charters missing an element, so that a split charter is explained
 * exactly as in an unsharded run. Undefined outside a shard (the run's own summaries serve).
 */
async function shardSplitSummaries(o: LintTargetOptions, paths: readonly string[], outcomes: readonly LintOutcome[]): Promise<CharterSummary[] | undefined> {
  if (!o.shard) return undefined;
  const own = summariesOf(outcomes);
  const wanted = new Set<string>();
  for (const out of outcomes) {
    if (out.kind === 'charter' && out.findings.some((f) => f.ruleId === 'element-missing' && !f.related)) for (const k of charterKeys(out.summary)) wanted.add(k);
  }
  if (wanted.size === 0) return own;
  const mine = new Set(paths);
  const others = o.files.filter((p) => !mine.has(p));
  const { summaries } = await chartersSharing(o, others, (found) => found.filter((f) => f.keys.some((k) => wanted.has(k))).map((f) => f.path));
  return [...own, ...summaries];
}

/**
 * Handbook-level findings: once per handbook (by shard 1), from every charter's summary; the
 * other shards' charters are known from their frontmatter alone.
 */
async function handbookRules(o: LintTargetOptions, paths: readonly string[], outcomes: readonly LintOutcome[]): Promise<Finding[] | undefined> {
  if (!o.handbook || (o.shard && o.shard.index !== 1)) return undefined;
  const summaries = o.shard ? await allSummaries(o, paths, outcomes) : summariesOf(outcomes);
  const configFile = o.handbook.configFile ? relativePath(o.base, o.handbook.configFile) : '';
  return o.linter.lintHandbook(summaries, configFile);
}

/** Update and write the cache; one that cannot be written is a note, not an error. */
async function saveCache(o: LintTargetOptions, cache: LintCache | undefined): Promise<void> {
  if (!cache) return;
  const baseRel = relativeTo(o.base);
  cache.prune(new Set(o.files.map(baseRel)));
  try {
    await cache.save();
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (e instanceof SymlinkRefused) o.note(m(o.lang, 'cacheLink', shown(o.base, cache.file), shown(o.base, e.path)));
    else o.note(m(o.lang, 'cacheUnwritable', shown(o.base, cache.file), err.code ?? err.message));
  }
}

/**
 * Every charter's summary in file order: this shard's from its lint, the other shards' from
 * their frontmatter (read as the core reads every file: what it skips has no summary).
 */
async function allSummaries(o: LintTargetOptions, mine: readonly string[], outcomes: readonly LintOutcome[]): Promise<CharterSummary[]> {
  const own = new Map<string, CharterSummary>();
  mine.forEach((path, i) => {
    const out = outcomes[i]!;
    if (out.kind === 'charter') own.set(path, out.summary);
  });
  const rootRel = relativeTo(o.root);
  const summaryOf = frontmatterSummaries(o);
  const out: CharterSummary[] = [];
  for (const path of o.files) {
    const summary = own.get(path);
    if (summary) {
      out.push(summary);
      continue;
    }
    if (shardOf(rootRel(path), o.shard!.count) === o.shard!.index) continue;
    const theirs = await summaryOf(path);
    if (theirs) out.push(theirs);
  }
  return out;
}

/**
 * A reader of charters' summaries from their frontmatter alone, for files this run does not lint
 * (another shard's, a split charter's other part): read as the core reads every file, so what it
 * skips has no summary.
 */
function frontmatterSummaries(o: LintTargetOptions): (path: string) => Promise<CharterSummary | undefined> {
  const included = globs(o.config).included;
  const rootRel = relativeTo(o.root);
  const baseRel = relativeTo(o.base);
  const fs = syncFs();
  return async (path) => {
    const read = await readSource(fs, path, o.config, o.lang);
    return read.ok ? summaryFromFrontmatter(baseRel(path), read.text, o.linter, { forceCharter: included(rootRel(path)) }) : undefined;
  };
}

let scratch = Buffer.allocUnsafe(1 << 20);

/**
 * A file's bytes read into one buffer reused from call to call (valid until the next call), or
 * undefined when it cannot be read. Checking 10,000 files by content hash after a fresh checkout
 * then allocates nothing per file, which spares the collector about 130 MB of garbage.
 */
function readIntoScratch(path: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    let n = 0;
    for (;;) {
      if (n === scratch.length) {
        const bigger = Buffer.allocUnsafe(scratch.length * 2);
        scratch.copy(bigger, 0, 0, n);
        scratch = bigger;
      }
      const got = readSync(fd, scratch, n, scratch.length - n, null);
      if (got === 0) return scratch.subarray(0, n);
      n += got;
    }
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function shown(base: string, file: string): string {
  const rel = relativePath(base, file);
  return rel.startsWith('../../') ? file : rel;
}

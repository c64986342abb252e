/**
 * The handbook's history from git, for the follow-up series (`charters history`, the site's
 * history page) and "what changed since the last review" on each charter page. The model is
 * pure (src/core/history.ts); this module reads git and keeps a cache.
 *
 * - Git only through `findRepository`/`runGit` (git.ts): one `log --first-parent --raw` over the
 *   handbook's folder (blob ids of the files each commit changed; `--no-ext-diff --no-textconv`,
 *   no renames, no colour, no follow), one `cat-file --batch-check` (sizes) and one
 *   `cat-file --batch` (the blobs). Nothing reads the work tree through git.
 * - Only the blobs the sampled points (and the changes since each charter's review) need are
 *   read and linted, each once per blob id.
 * - What linting a blob gave (`CharterFacts`) is cached on the machine, outside the work tree
 *   (the user's cache directory of cache.ts: `$XDG_CACHE_HOME/leadership-charters/`, else
 *   `~/.cache/leadership-charters/`), keyed by blob id, the tool version and a hash of the
 *   configuration and language. The cache is an optimisation, never trusted input: the file is
 *   authenticated as the lint cache is (an HMAC-SHA-256 with the machine's key, `cacheKey`), every
 *   entry is checked on load (`checkFacts`), a corrupt or foreign file is ignored, writes are
 *   atomic, and a write that fails is dropped silently.
 * - A shallow clone (its history is cut), a folder outside git or a repository git refuses
 *   (e.g. dubious ownership) gives the snapshot of the work tree with a note instead.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { promises as fsp, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import * as nodePath from 'node:path';
import picomatch from 'picomatch/posix';
import type { ResolvedConfig } from '../core/config';
import { MARKDOWN } from '../core/handbook';
import { decodeText } from '../core/pipeline';
import {
  changeBlobs,
  changesSince,
  charterFacts,
  checkFacts,
  historySeries,
  neededBlobs,
  planSamples,
  snapshotSeries,
  type CharterChange,
  type CharterFacts,
  type HistoryCommit,
  type HistorySeries,
} from '../core/history';
import type { CharterLint, Linter } from '../core/lint';
import { isIsoDate } from '../core/text';
import { cacheKey, userCacheDir } from './cache';
import { findRepository, runGit, type GitRepository } from './git';
import type { HistoryWorkerData, HistoryWorkItem } from './history-worker';
import { writeFileAtomic } from './node-fs';

/** Bump when CharterFacts or the cache file's shape changes. */
export const HISTORY_CACHE_FORMAT = 1;

/** Entries a cache file keeps at most (the ones used by the latest run first). */
const CACHE_LIMIT = 200_000;

export interface HistoryInput {
  /** The handbook's directory (absolute). */
  dir: string;
  /** The directory the configuration's globs are relative to (absolute). */
  root: string;
  linter: Linter;
  today: string;
  /** The work tree's charters (handbook-relative paths): the snapshot, and their `reviewed:` dates. */
  current: CharterLint[];
  env: Record<string, string | undefined>;
  toolVersion: string;
  /** Sampling; `auto` by default. */
  granularity?: 'auto' | 'commit' | 'week';
}

export interface HandbookHistory {
  series: HistorySeries;
  /** Per charter (handbook-relative path) with a `reviewed:` date: the commits since then. */
  changes: Map<string, { since: string; changes: CharterChange[] }>;
  /** Blobs linted in this run (the rest came from the cache), and on how many threads. */
  linted: number;
  threads: number;
}

/** The cache directory for history facts: the user's cache directory of the tool (cache.ts). */
export function historyCacheDir(env: Record<string, string | undefined>): string {
  return userCacheDir(env);
}

export async function readHistory(input: HistoryInput): Promise<HandbookHistory> {
  const lookup = input.linter.lookup;
  const tiers = lookup.framework.tiers.map((t) => ({ id: t.id, name: { ...t.name } }));
  const snapshot = (note: 'shallow' | 'no-git' | 'no-commits'): HandbookHistory => ({
    series: snapshotSeries(
      input.current.map((c) => charterFacts(c, lookup)).filter((f): f is CharterFacts => f !== undefined),
      tiers,
      input.today,
      note,
    ),
    changes: new Map(),
    linted: 0,
    threads: 0,
  });

  const repo = findRepository(input.dir);
  if (!repo) return snapshot('no-git');
  const realDir = await fsp.realpath(input.dir).catch(() => undefined);
  if (!realDir) return snapshot('no-git');
  const rel = nodePath.relative(repo.workTree, realDir).split(nodePath.sep).join('/');
  if (rel.startsWith('..') || nodePath.isAbsolute(rel)) return snapshot('no-git');
  const shallow = await runGit(repo, ['rev-parse', '--is-shallow-repository'], { env: input.env });
  if (shallow === undefined) return snapshot('no-git');
  if (shallow.trim() === 'true') return snapshot('shallow');

  const log = await runGit(
    repo,
    ['log', '--first-parent', '--reverse', '-z', '--raw', '--root', '--no-renames', '--no-abbrev', '--no-ext-diff', '--no-textconv', '--no-color', '--no-relative', '--no-follow', '--diff-merges=first-parent', '--encoding=UTF-8', '--format=%x1e%H%x1f%cI%x1f%s', 'HEAD', '--', rel === '' ? '.' : rel],
    { env: input.env },
  );
  if (log === undefined) return snapshot('no-commits');
  const configRootRel = nodePath.relative(await fsp.realpath(input.root).catch(() => input.root), realDir).split(nodePath.sep).join('/');
  const commits = parseLog(log, rel, candidateFilter(input.linter.config, configRootRel));
  if (commits.length === 0) return snapshot('no-commits');

  const plan = planSamples(commits, { today: input.today, granularity: input.granularity ?? 'auto' });
  const needed = neededBlobs(commits, plan.samples);
  const reviewed = new Map<string, string>();
  for (const c of input.current) {
    const since = c.charter.reviewed;
    if (c.summary && since !== undefined && isIsoDate(since)) {
      reviewed.set(c.charter.file, since);
      for (const key of changeBlobs(commits, c.charter.file, since)) needed.add(key);
    }
  }

  const facts = await factsFor(repo, [...needed], input);
  const lookupFacts = (key: string): CharterFacts | undefined => facts.map.get(key) ?? undefined;
  const series = historySeries({ commits, granularity: plan.granularity, samples: plan.samples, facts: lookupFacts, tiers, today: input.today });
  const changes = new Map<string, { since: string; changes: CharterChange[] }>();
  for (const [file, since] of reviewed) changes.set(file, { since, changes: changesSince(commits, file, since, lookupFacts) });
  return { series, changes, linted: facts.linted, threads: facts.threads };
}

// ---------------------------------------------------------------------------------------------
// The log

/** For a handbook-relative path: undefined when it is no candidate charter, else whether `include` forces it. */
function candidateFilter(config: ResolvedConfig, configRootRel: string): (path: string) => boolean | undefined {
  const excluded = picomatch(config.exclude, { dot: true });
  const included = config.include ? picomatch(config.include, { dot: true }) : undefined;
  return (path) => {
    if (!MARKDOWN.test(path)) return undefined;
    const fromRoot = configRootRel === '' ? path : `${configRootRel}/${path}`;
    // A file is excluded when it or any folder above it matches (as discovery prunes folders).
    const parts = fromRoot.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const p = parts.slice(0, i).join('/');
      if (excluded(p) || (i < parts.length && excluded(`${p}/`))) return undefined;
    }
    return included ? included(fromRoot) : false;
  };
}

// The log's own separators (RS, US) are control characters by design.
// eslint-disable-next-line no-control-regex
const HEADER = /^\n?\x1e([0-9a-f]{40,64})\x1f(\d{4}-\d{2}-\d{2})T[^\x1f]*\x1f/;
const RAW = /^\n?:(\d{6}) (\d{6}) ([0-9a-f]{40,64}) ([0-9a-f]{40,64}) ([A-Z])\d*$/;
const ZERO = /^0+$/;
const BLOB_MODE = /^100(644|755)$/;

/**
 * Parse `git log -z --raw --format=%x1e%H%x1f%cI%x1f%s`: records of a header (`\x1e` id, date,
 * subject, ended by NUL) and raw entries (`:mode mode id id status` NUL path NUL). Paths under
 * `rel` become handbook-relative; only candidate charters are kept. A token of any other shape
 * is skipped, so a subject cannot forge an entry (it ends at its NUL).
 */
export function parseLog(out: string, rel: string, candidate: (path: string) => boolean | undefined): HistoryCommit[] {
  const tokens = out.split('\0');
  const commits: HistoryCommit[] = [];
  const prefix = rel === '' ? '' : `${rel}/`;
  let current: HistoryCommit | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const head = HEADER.exec(token);
    if (head) {
      // eslint-disable-next-line no-control-regex
      const subject = token.slice(head[0].length).replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, 200);
      current = { id: head[1]!, date: head[2]!, subject, changes: [] };
      commits.push(current);
      continue;
    }
    const raw = RAW.exec(token);
    if (!raw || !current) continue;
    const path = tokens[++i];
    if (path === undefined || !path.startsWith(prefix)) continue;
    const relPath = path.slice(prefix.length);
    const force = candidate(relPath);
    if (force === undefined) continue;
    const key = (mode: string, id: string): string | null => (BLOB_MODE.test(mode) && !ZERO.test(id) ? `${id}${force ? '+' : ''}` : null);
    const before = key(raw[1]!, raw[3]!);
    const after = key(raw[2]!, raw[4]!);
    if (before === after) continue;
    current.changes.push({ path: relPath, before, after });
  }
  return commits;
}

// ---------------------------------------------------------------------------------------------
// Facts of blobs: from the cache, else read and linted

interface CacheFile {
  format: number;
  settings: string;
  entries: Record<string, CharterFacts | null>;
}

function settingsHash(input: HistoryInput): string {
  return createHash('sha256')
    .update(JSON.stringify([HISTORY_CACHE_FORMAT, input.toolVersion, input.linter.lang, input.linter.config]))
    .digest('hex');
}

/** `{"hmac":"<64 hex>",` then the rest of the JSON object, which the MAC covers (as cache.ts). */
const MAC_HEAD = '{"hmac":"';

function mac(key: Buffer, body: string): Buffer {
  return createHmac('sha256', key).update(body, 'utf8').digest();
}

async function loadCache(file: string, settings: string, key: Buffer): Promise<Map<string, CharterFacts | null>> {
  const map = new Map<string, CharterFacts | null>();
  const st = await fsp.lstat(file).catch(() => undefined);
  if (!st?.isFile()) return map;
  const text = await fsp.readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined || !text.startsWith(MAC_HEAD) || text.slice(MAC_HEAD.length + 64, MAC_HEAD.length + 66) !== '",') return map;
  const stored = Buffer.from(text.slice(MAC_HEAD.length, MAC_HEAD.length + 64), 'hex');
  const body = text.slice(MAC_HEAD.length + 66);
  const expected = mac(key, body);
  if (stored.length !== expected.length || !timingSafeEqual(stored, expected)) return map;
  try {
    const data = JSON.parse(`{${body}`) as Partial<CacheFile>;
    if (data.format !== HISTORY_CACHE_FORMAT || data.settings !== settings || typeof data.entries !== 'object' || data.entries === null) return map;
    for (const [k, value] of Object.entries(data.entries)) {
      if (!/^[0-9a-f]{40,64}\+?$/.test(k)) continue;
      const checked = checkFacts(value);
      if (checked !== undefined) map.set(k, checked);
    }
  } catch {
    // a corrupt cache is no cache
  }
  return map;
}

async function factsFor(repo: GitRepository, keys: string[], input: HistoryInput): Promise<{ map: Map<string, CharterFacts | null>; linted: number; threads: number }> {
  const settings = settingsHash(input);
  const dir = historyCacheDir(input.env);
  const key = await cacheKey(dir).catch(() => undefined);
  const file = key ? nodePath.join(dir, `history-${settings.slice(0, 16)}.json`) : undefined;
  const cached = file && key ? await loadCache(file, settings, key) : new Map<string, CharterFacts | null>();
  const map = new Map<string, CharterFacts | null>();
  const missing: string[] = [];
  let threads = 0;
  for (const key of keys) {
    const hit = cached.get(key);
    if (hit !== undefined) map.set(key, hit);
    else missing.push(key);
  }
  if (missing.length > 0) {
    const texts = await readBlobs(repo, [...new Set(missing.map((k) => k.replace(/\+$/, '')))], input);
    const work: { key: string; item: HistoryWorkItem }[] = [];
    for (const key of missing) {
      const text = texts.get(key.replace(/\+$/, ''));
      if (text === undefined) map.set(key, null);
      else work.push({ key, item: { text, force: key.endsWith('+') } });
    }
    const linted = await lintItems(
      work.map((w) => w.item),
      input,
    );
    threads = linted.threads;
    work.forEach((w, i) => map.set(w.key, linted.facts[i] ?? null));
    if (file && key) {
      const merged: Record<string, CharterFacts | null> = {};
      let n = 0;
      for (const [k, v] of [...map, ...cached]) {
        if (n >= CACHE_LIMIT) break;
        if (k in merged) continue;
        merged[k] = v;
        n++;
      }
      const data: CacheFile = { format: HISTORY_CACHE_FORMAT, settings, entries: merged };
      const body = JSON.stringify(data).slice(1);
      await writeFileAtomic(file, `${MAC_HEAD}${mac(key, body).toString('hex')}",${body}`).catch(() => undefined);
    }
  }
  return { map, linted: missing.length, threads };
}

/** Blobs to lint from which on, worker threads share the work (one per core, at most four). */
export const WORKERS_FROM = 400;

/**
 * The facts of each item, in order: on worker threads (dist/history-worker.js) for a long list
 * on a machine with more than one core, else on this thread. `CHARTERS_HISTORY_WORKERS=N` sets
 * the number of threads (0 or 1: this thread only), for any list length.
 */
async function lintItems(items: HistoryWorkItem[], input: HistoryInput): Promise<{ facts: (CharterFacts | null)[]; threads: number }> {
  const forced = input.env['CHARTERS_HISTORY_WORKERS'];
  const wanted = forced !== undefined && /^\d{1,2}$/.test(forced) ? Number(forced) : items.length >= WORKERS_FROM ? Math.min(4, availableParallelism()) : 1;
  const script = nodePath.join(__dirname, 'history-worker.js');
  let usable = false;
  try {
    usable = statSync(script).isFile();
  } catch {
    usable = false;
  }
  const threads = Math.min(wanted, items.length);
  if (threads < 2 || !usable) {
    return { facts: items.map((item) => charterFacts(input.linter.lintText('history.md', item.text, { forceCharter: item.force, today: input.today }), input.linter.lookup) ?? null), threads: 1 };
  }
  const data: HistoryWorkerData = { config: input.linter.config, lang: input.linter.lang, today: input.today };
  const workers = Array.from({ length: threads }, () => new Worker(script, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 32 } }));
  try {
    // Batches handed out as workers finish, so that a slow batch does not hold the others up.
    const out: (CharterFacts | null)[] = new Array(items.length);
    const batch = Math.max(8, Math.min(64, Math.ceil(items.length / (threads * 8))));
    let next = 0;
    await Promise.all(
      workers.map(async (w) => {
        while (next < items.length) {
          const start = next;
          const slice = items.slice(start, start + batch);
          next += slice.length;
          const facts = await new Promise<(CharterFacts | null)[]>((resolve, reject) => {
            const onError = (e: Error): void => reject(e);
            w.once('error', onError);
            w.once('message', (reply: (CharterFacts | null)[]) => {
              w.off('error', onError);
              resolve(reply);
            });
            w.postMessage(slice);
          });
          facts.forEach((f, i) => (out[start + i] = f));
        }
      }),
    );
    return { facts: out, threads };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** The text of each blob that is not too large, binary or invalid UTF-8. */
async function readBlobs(repo: GitRepository, ids: string[], input: HistoryInput): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  if (ids.length === 0) return texts;
  const check = await runGit(repo, ['cat-file', '--batch-check=%(objectname) %(objecttype) %(objectsize)'], { env: input.env, input: `${ids.join('\n')}\n` });
  if (check === undefined) return texts;
  const max = input.linter.config.maxFileSize;
  const wanted: string[] = [];
  for (const line of check.split('\n')) {
    const m = /^([0-9a-f]{40,64}) blob (\d+)$/.exec(line);
    if (m && Number(m[2]) <= max) wanted.push(m[1]!);
  }
  if (wanted.length === 0) return texts;
  const out = await runGit(repo, ['cat-file', '--batch'], { env: input.env, input: `${wanted.join('\n')}\n`, encoding: 'buffer' });
  if (out === undefined) return texts;
  let pos = 0;
  while (pos < out.length) {
    const nl = out.indexOf(10, pos);
    if (nl < 0) break;
    const m = /^([0-9a-f]{40,64}) blob (\d+)$/.exec(out.toString('latin1', pos, nl));
    if (!m) break;
    const size = Number(m[2]);
    const start = nl + 1;
    const end = start + size;
    if (end > out.length) break;
    const decoded = decodeText(out.subarray(start, end));
    if (decoded.ok) texts.set(m[1]!, decoded.text);
    pos = end + 1; // the LF after the content
  }
  return texts;
}

/**
 * `charters lint --cache`: what each file's lint gave last time, keyed by the file's content.
 *
 * One JSON file per handbook in the cache directory (`--cache-location`, default the user's
 * cache directory, see below). An entry is used only when the file's bytes hash to
 * the same content hash (computed as git's blob id) as when it was linted, and the whole file
 * only when the settings key matches:
 * the cache format, the tool version, the resolved configuration, the message language and the
 * date reviews are checked against (so the cache turns over once a day, when `review-overdue`
 * may change).
 *
 * Reading and hashing every file is most of a warm run's time, so, as git's index does, an
 * entry also keeps the file's size, mtime and ctime: when all three are unchanged and the file
 * had not been touched for two seconds before it was read (so a write in the same clock tick
 * cannot hide), the file is known unchanged without reading it. Anything else (a fresh CI
 * checkout, `touch`, a copy) falls back to the content hash, which in a git work tree comes
 * from git's index for the files git reports unchanged (git.ts).
 *
 * A cache file that cannot be read or parsed is ignored with a note and rewritten; writes go to
 * a temporary file renamed over the old one, so a crash never leaves half a cache.
 *
 * The cache is a local optimisation, never input (docs/security.md): a cache file can be planted
 * in a repository to hide findings. So:
 * - its default place is the user's cache directory (`$XDG_CACHE_HOME/leadership-charters/`,
 *   else `~/.cache/leadership-charters/`), one file per handbook named by a hash of the
 *   handbook's real path, never the work tree (`--cache-location` still puts it anywhere);
 * - the file is authenticated: it starts with an HMAC-SHA-256 of the rest, keyed by a random
 *   key kept in the user's cache directory (mode 0600, made on first use), so a file written
 *   anywhere else, or edited, is ignored (with a note) and rewritten;
 * - a cache file that git tracks is ignored and never written (it would be someone else's);
 * - a link or anything but a regular file is never read nor written through; a parse error is
 *   reported without quoting the file's bytes.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isAscii } from 'node:buffer';
import { constants, lstatSync, openSync, closeSync, fstatSync, readSync, promises as fsp } from 'node:fs';
import { homedir } from 'node:os';
import * as nodePath from 'node:path';
import type { ResolvedConfig } from '../core/config';
import { RULES } from '../core/rules/index';
import type { CharterSummary, ElementStatus, Finding, Lang, RuleMeta } from '../core/types';
import { findRepository, runGit } from './git';
import { m } from './messages';
import { writeFileAtomic } from './node-fs';

/** Bump when the entry shape changes: an older cache file is then ignored silently. */
export const CACHE_FORMAT = 4;

/** The tool's folder in the user's cache directory: default cache files and the key. */
export const CACHE_APP_DIR = 'leadership-charters';

/** The user's cache directory for the tool (outside every work tree). */
export function userCacheDir(env: Record<string, string | undefined> = process.env): string {
  const xdg = env['XDG_CACHE_HOME'];
  if (xdg && nodePath.isAbsolute(xdg)) return nodePath.join(xdg, CACHE_APP_DIR);
  if (process.platform === 'win32' && env['LOCALAPPDATA']) return nodePath.join(env['LOCALAPPDATA'], CACHE_APP_DIR, 'cache');
  return nodePath.join(env['HOME'] || homedir(), '.cache', CACHE_APP_DIR);
}

/** The default cache file of the handbook whose root's real path is `realRoot`. */
export function defaultCacheFile(cacheDir: string, realRoot: string): string {
  return nodePath.join(cacheDir, `lint-${createHash('sha256').update(realRoot).digest('hex').slice(0, 32)}.json`);
}

/**
 * The machine's cache key (32 random bytes, hex) in `dir`, made with mode 0600 on first use.
 * Undefined (no cache) when it cannot be made or read, or is not a private regular file of
 * this user: a key anyone else could read or write authenticates nothing.
 */
export async function cacheKey(dir: string): Promise<Buffer | undefined> {
  const file = nodePath.join(dir, 'key');
  const read = (): Buffer | undefined => {
    let fd: number;
    try {
      fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    } catch {
      return undefined;
    }
    try {
      const st = fstatSync(fd);
      if (!st.isFile() || st.size !== 64) return undefined;
      if (process.platform !== 'win32' && ((st.mode & 0o077) !== 0 || (process.getuid && st.uid !== process.getuid()))) return undefined;
      const buf = Buffer.alloc(64);
      if (readSync(fd, buf, 0, 64, 0) !== 64) return undefined;
      const text = buf.toString('latin1');
      return /^[0-9a-f]{64}$/.test(text) ? Buffer.from(text, 'hex') : undefined;
    } finally {
      closeSync(fd);
    }
  };
  const existing = read();
  if (existing) return existing;
  try {
    await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
    if (lstatSync(dir).isSymbolicLink()) return undefined;
    // Written in full under a temporary name, then linked into place: a key is never half there,
    // and of two runs racing to make it, one wins and both use it.
    const tmp = nodePath.join(dir, `.key.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await fsp.open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
    try {
      await handle.writeFile(randomBytes(32).toString('hex'));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsp.link(tmp, file).catch(() => undefined);
    await fsp.unlink(tmp).catch(() => undefined);
  } catch {
    return undefined;
  }
  return read();
}

/** `{"hmac":"<64 hex>",` then the rest of the JSON object: the MAC covers every byte after it. */
const MAC_HEAD = '{"hmac":"';
const MAC_LENGTH = MAC_HEAD.length + 64 + 2;

function mac(key: Buffer, body: Uint8Array): string {
  return createHmac('sha256', key).update(body).digest('hex');
}

/** Whether git tracks `file` (then it is someone else's: never used, never written). */
export async function trackedByGit(file: string): Promise<boolean> {
  let dir = nodePath.dirname(nodePath.resolve(file));
  for (;;) {
    const st = lstatSync(dir, { throwIfNoEntry: false });
    if (st) break;
    const up = nodePath.dirname(dir);
    if (up === dir) return false;
    dir = up;
  }
  const repo = findRepository(dir);
  if (!repo) return false;
  let realFile: string;
  try {
    realFile = nodePath.join(await fsp.realpath(nodePath.dirname(file)), nodePath.basename(file));
  } catch {
    return false;
  }
  const rel = nodePath.relative(repo.workTree, realFile);
  if (rel.startsWith('..') || nodePath.isAbsolute(rel)) return false;
  const out = await runGit(repo, ['ls-files', '-z', '--', rel]);
  return out !== undefined && out !== '';
}

export interface CacheOpenOptions {
  /** The key that authenticates the file (cacheKey). */
  key: Buffer;
  lang: Lang;
  /** The directory whose subdirectories the cache file may be written under (no links below it). */
  base?: string;
}

/**
 * Open the cache for a run: `LintCache.load`, after checking that git does not track the file.
 * A tracked cache file is ignored and left alone, with a note.
 */
export async function openCache(file: string, settings: string, o: CacheOpenOptions): Promise<CacheLoad> {
  if (await trackedByGit(file)) {
    return { cache: LintCache.load(file, settings, { ...o, ignore: true }).cache, tracked: true };
  }
  return LintCache.load(file, settings, o);
}

/** A file whose mtime or ctime is this close to the moment it was read is hashed, never trusted by its stat. */
const RACY_MS = 2000;

/** What linting one file gave (files that were skipped are not cached: that is cheap to find again). */
export type CachedOutcome = { kind: 'charter'; findings: Finding[]; summary: CharterSummary } | { kind: 'ignored' };

/** A file's stat when it was read, and when. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  /** Date.now() just before the bytes were read. */
  readAt: number;
}

/** The summary's element statuses as rows: a smaller cache file, quicker to parse. */
type ElementRow = [elementId: string, tier: string, status: ElementStatus, line: number];

/** A finding less what its rule and file give back: `ruleName`, `url`, `source` and `file`. */
type StoredFinding = Omit<Finding, 'ruleName' | 'url' | 'source' | 'file'>;

interface StoredOutcome {
  kind: 'charter' | 'ignored';
  findings?: StoredFinding[];
  summary?: Omit<CharterSummary, 'elements' | 'file'>;
  elements?: ElementRow[];
}

const RULE_META = new Map<string, RuleMeta>(RULES.map((r) => [r.meta.id, r.meta]));

interface Entry {
  /** The file's content hash: its git blob id (see contentHash). */
  h: string;
  /** Whether the config's `include` made the file a charter. */
  f: boolean;
  /** Size, mtime, ctime and read time (see FileStamp). */
  s: [number, number, number, number];
  o: StoredOutcome;
}

interface CacheFile {
  format: number;
  settings: string;
  files: Record<string, Entry>;
}

/**
 * The hash of a file's bytes as git computes a blob id (SHA-1 of `blob <size>\0` and the bytes),
 * so that in a git work tree the ids in git's index can stand in for reading the files (git.ts).
 */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}

/** Everything besides a file's bytes that its findings depend on. */
export function settingsKey(parts: { toolVersion: string; config: ResolvedConfig; lang: Lang; today: string }): string {
  return createHash('sha256')
    .update(JSON.stringify([CACHE_FORMAT, parts.toolVersion, parts.lang, parts.today, parts.config]))
    .digest('hex');
}

/** The cache, and why a file was not used: `problem` (corrupt, not ours) or `tracked` by git. */
export type CacheLoad = { cache: LintCache; problem?: string; tracked?: boolean };

export class LintCache {
  private dirty = false;

  private constructor(
    readonly file: string,
    private readonly settings: string,
    private readonly entries: Map<string, Entry>,
    private readonly key: Buffer,
    private readonly base: string | undefined,
  ) {}

  /**
   * Read the cache file. A missing file gives an empty cache; a corrupt, unauthenticated or
   * unreadable one an empty cache and `problem` (the caller notes it; it never quotes the file);
   * one written with other settings an empty cache, silently. With `ignore`, the file is neither
   * read nor ever written.
   */
  static load(file: string, settings: string, o: CacheOpenOptions & { ignore?: boolean }): CacheLoad {
    const empty = (): LintCache => {
      const cache = new LintCache(file, settings, new Map(), o.key, o.base);
      cache.dirty = !o.ignore;
      cache.frozen = !!o.ignore;
      return cache;
    };
    if (o.ignore) return { cache: empty() };
    let text: string;
    try {
      // One synchronous read: the run waits for the cache anyway, and it is faster than chunks.
      // The file is written as ASCII (see save), which reads as a one-byte string, far faster
      // than decoding UTF-8. Only a regular file is read (O_NOFOLLOW: not a link; a FIFO or a
      // device would block or never end).
      const bytes = readRegularFile(file);
      if (bytes === undefined) return { cache: empty(), problem: m(o.lang, 'cacheNotFile') };
      if (bytes.length < MAC_LENGTH || bytes.toString('latin1', 0, MAC_HEAD.length) !== MAC_HEAD) return { cache: empty(), problem: m(o.lang, 'cacheNotOurs') };
      const stored = Buffer.from(bytes.toString('latin1', MAC_HEAD.length, MAC_HEAD.length + 64), 'hex');
      const body = bytes.subarray(MAC_LENGTH);
      const expected = Buffer.from(mac(o.key, body), 'hex');
      if (stored.length !== expected.length || !timingSafeEqual(stored, expected)) return { cache: empty(), problem: m(o.lang, 'cacheNotOurs') };
      text = `{${bytes.toString(isAscii(body) ? 'latin1' : 'utf8', MAC_LENGTH)}`;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return { cache: empty() };
      return { cache: empty(), problem: code ?? m(o.lang, 'cacheNotOurs') };
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      // JSON.parse's message quotes the text: never echoed.
      return { cache: empty(), problem: m(o.lang, 'cacheNotOurs') };
    }
    const shaped = data as Partial<CacheFile> | null;
    if (!shaped || typeof shaped !== 'object' || typeof shaped.files !== 'object' || shaped.files === null || Array.isArray(shaped.files)) {
      return { cache: empty(), problem: m(o.lang, 'cacheNotOurs') };
    }
    if (shaped.format !== CACHE_FORMAT || shaped.settings !== settings) return { cache: empty() };
    const entries = new Map<string, Entry>();
    for (const [rel, e] of Object.entries(shaped.files)) {
      if (isEntry(e)) entries.set(rel, e);
    }
    return { cache: new LintCache(file, settings, entries, o.key, o.base) };
  }

  /** Never written (a file git tracks). */
  private frozen = false;

  /** How many files the cache knows. */
  get size(): number {
    return this.entries.size;
  }

  /** Whether there is an entry for `rel` at all (so reading and hashing the file can pay off). */
  has(rel: string): boolean {
    return this.entries.has(rel);
  }

  /** The outcome when the file's stat shows it untouched since it was read (no read needed). */
  byStat(rel: string, forced: boolean, st: { size: number; mtimeMs: number; ctimeMs: number }): CachedOutcome | undefined {
    const e = this.entries.get(rel);
    if (!e || e.f !== forced) return undefined;
    const [size, mtimeMs, ctimeMs, readAt] = e.s;
    if (size !== st.size || mtimeMs !== st.mtimeMs || ctimeMs !== st.ctimeMs) return undefined;
    if (mtimeMs > readAt - RACY_MS || ctimeMs > readAt - RACY_MS) return undefined;
    return decode(rel, e.o);
  }

  /**
   * The outcome when git's index vouches for the file's content (git.ts). The entry keeps its
   * stamp: on a fresh checkout no stamp matches, and rewriting them all would cost more than
   * the check.
   */
  byGit(rel: string, forced: boolean, blobId: string): CachedOutcome | undefined {
    const e = this.matching(rel, forced, blobId);
    return e && decode(rel, e.o);
  }

  /** The outcome when the file's bytes hash as before; the entry then keeps the new stamp. */
  byHash(rel: string, forced: boolean, hash: string, stamp: FileStamp): CachedOutcome | undefined {
    const e = this.matching(rel, forced, hash);
    if (!e) return undefined;
    const s = stampRow(stamp);
    if (s.some((v, i) => v !== e.s[i])) {
      e.s = s;
      this.dirty = true;
    }
    return decode(rel, e.o);
  }

  private matching(rel: string, forced: boolean, hash: string): Entry | undefined {
    const e = this.entries.get(rel);
    return e && e.f === forced && e.h === hash ? e : undefined;
  }

  set(rel: string, hash: string, forced: boolean, stamp: FileStamp, outcome: CachedOutcome): void {
    this.entries.set(rel, { h: hash, f: forced, s: stampRow(stamp), o: encode(outcome) });
    this.dirty = true;
  }

  /** Forget files that are gone (keeps the files of other shards, which `keep` lists too). */
  prune(keep: Set<string>): void {
    for (const rel of this.entries.keys()) {
      if (!keep.has(rel)) {
        this.entries.delete(rel);
        this.dirty = true;
      }
    }
  }

  /** Write the cache if anything changed. Throws what the file system throws. */
  async save(): Promise<boolean> {
    if (!this.dirty || this.frozen) return false;
    const files: Record<string, Entry> = {};
    for (const [rel, e] of [...this.entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) files[rel] = e;
    const data: CacheFile = { format: CACHE_FORMAT, settings: this.settings, files };
    // ASCII only (\uXXXX escapes): it loads twice as fast, see load. The MAC covers every byte
    // after `{"hmac":"…",`, and the whole stays one JSON object.
    const json = asciiJson(JSON.stringify(data));
    const body = Buffer.from(json.slice(1), 'latin1');
    await writeFileAtomic(this.file, `${MAC_HEAD}${mac(this.key, body)}",${json.slice(1)}`, this.base === undefined ? {} : { base: this.base });
    this.dirty = false;
    return true;
  }
}

/**
 * Every charter summary a cache file holds, whatever its settings (for tools such as the
 * editor benchmark, which needs a real handbook's summaries without linting it again).
 */
export function cachedSummaries(file: string): CharterSummary[] {
  const bytes = readRegularFile(file);
  if (!bytes) return [];
  const data = JSON.parse(bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8')) as CacheFile;
  const out: CharterSummary[] = [];
  for (const [rel, e] of Object.entries(data.files)) {
    if (!isEntry(e)) continue;
    const o = decode(rel, e.o);
    if (o.kind === 'charter') out.push(o.summary);
  }
  return out;
}

/** A regular file's bytes (not through a link); undefined for anything else; throws ENOENT. */
function readRegularFile(file: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw e;
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return undefined;
    const buf = Buffer.allocUnsafe(st.size);
    let n = 0;
    while (n < st.size) {
      const got = readSync(fd, buf, n, st.size - n, n);
      if (got === 0) break;
      n += got;
    }
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** JSON text with every non-ASCII character escaped (they only occur inside strings). */
function asciiJson(json: string): string {
  // A loop and slices: about twice as fast as a regular-expression replace on Finnish text.
  let out = '';
  let from = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c > 0x7e) {
      out += `${json.slice(from, i)}\\u${c.toString(16).padStart(4, '0')}`;
      from = i + 1;
    }
  }
  return from === 0 ? json : out + json.slice(from);
}

function stampRow(st: FileStamp): [number, number, number, number] {
  return [st.size, st.mtimeMs, st.ctimeMs, st.readAt];
}

function encode(o: CachedOutcome): StoredOutcome {
  if (o.kind === 'ignored') return { kind: 'ignored' };
  const { elements, file: _file, ...summary } = o.summary;
  const findings = o.findings.map(({ ruleName: _n, url: _u, source: _s, file: _f, ...stored }) => stored);
  return { kind: 'charter', findings, summary, elements: elements.map((e) => [e.elementId, e.tier, e.status, e.line]) };
}

/** The outcome as the linter gave it: objects of the same shape, keys in the same order. */
function decode(rel: string, o: StoredOutcome): CachedOutcome {
  if (o.kind === 'ignored') return { kind: 'ignored' };
  const elements = o.elements!.map(([elementId, tier, status, line]) => ({ elementId, tier, status, line }));
  const findings = o.findings!.map((f): Finding => {
    const meta = RULE_META.get(f.ruleId)!;
    const { ruleId, reason, severity, place, ...optional } = f;
    return { ruleId, ruleName: meta.name, source: 'charters', reason, severity, file: rel, place, url: meta.url, ...optional };
  });
  return { kind: 'charter', findings, summary: { file: rel, ...o.summary!, elements } };
}

function isEntry(e: unknown): e is Entry {
  const x = e as Partial<Entry> | null;
  if (!x || typeof x !== 'object' || typeof x.h !== 'string' || typeof x.f !== 'boolean' || !x.o || typeof x.o !== 'object') return false;
  if (!Array.isArray(x.s) || x.s.length !== 4 || !x.s.every((v) => typeof v === 'number')) return false;
  if (x.o.kind === 'ignored') return true;
  if (x.o.kind !== 'charter' || !Array.isArray(x.o.findings) || !Array.isArray(x.o.elements)) return false;
  const s = x.o.summary as Partial<CharterSummary> | undefined;
  if (!s || typeof s !== 'object' || !Array.isArray(s.tiers)) return false;
  return x.o.elements.every((r) => Array.isArray(r) && r.length === 4) && x.o.findings.every(isFinding);
}

/** Enough of a finding's shape that formatters cannot trip over a hand-edited entry. */
function isFinding(f: unknown): f is StoredFinding {
  const x = f as Partial<StoredFinding> | null;
  return (
    !!x &&
    typeof x.ruleId === 'string' &&
    RULE_META.has(x.ruleId) &&
    typeof x.reason === 'string' &&
    (x.severity === 'error' || x.severity === 'warning' || x.severity === 'note') &&
    !!x.place &&
    typeof x.place.start?.line === 'number' &&
    typeof x.place.start.column === 'number' &&
    typeof x.place.end?.line === 'number' &&
    typeof x.place.end.column === 'number'
  );
}

/**
 * Follow-up over time: how the handbook's charters developed along its history. Pure: the CLI
 * reads git (src/cli/history.ts) and hands in
 *
 * - the commits, oldest first, each with the handbook files it changed as opaque blob keys
 *   (`before`/`after`, null when the file did not exist), and
 * - the facts of each blob key (`CharterFacts`, what linting that version of the file gave;
 *   undefined when it is not a charter).
 *
 * From these it plans the points to sample (every commit, or every week when there are many),
 * says which blob keys those points need (so only they are linted), and computes the series:
 * charters, defined elements, elements with a goal line and overdue reviews per tier at each
 * point, with "overdue" judged as of the point's own date. It also lists the commits that
 * touched one charter since a date, with the elements each added, removed or changed.
 *
 * Guarantees: the output depends only on the input (no clock: `today` is a parameter); every
 * point's numbers are those of the files live after the point's commit; a commit's date that
 * runs backwards (a rebase) never makes the series go back in time (dates are taken as the
 * running maximum).
 */
import type { FrameworkLookup } from './framework/lookup';
import type { CharterLint } from './lint';
import { reviewState } from './render/review';
import { isIsoDate } from './text';
import type { ElementStatus, LocalText } from './types';

export const HISTORY_VERSION = 1;

/** Above this many commits the series is sampled once a week instead of at every commit. */
export const PER_COMMIT_LIMIT = 120;

/** One framework element in a charter version: tier, id, status, goal lines, digest of its text. */
export type FactElement = [tier: string, elementId: string, status: ElementStatus, goals: number, digest: string];

/** What the history needs of one version of a charter; small, so it can be cached per blob. */
export interface CharterFacts {
  tiers: string[];
  nextReview: string | undefined;
  reviewed: string | undefined;
  /** Every element its (known) tiers require, `missing` ones included (digest `''`). */
  elements: FactElement[];
}

/** A change of one handbook file (handbook-relative path) in one commit. */
export interface FileChange {
  path: string;
  /** Blob key before the commit; null when the file was added. */
  before: string | null;
  /** Blob key after the commit; null when the file was deleted. */
  after: string | null;
}

export interface HistoryCommit {
  id: string;
  /** The committer's calendar date, YYYY-MM-DD. */
  date: string;
  /** The first line of the message (untrusted text: escape it when shown). */
  subject: string;
  changes: FileChange[];
}

export interface Sample {
  /** The date the point stands for; overdue reviews are judged as of it. */
  date: string;
  /** The state after commits[0..index]. */
  index: number;
}

export interface TierPoint {
  /** Charters of the tier (a charter of two tiers counts in both). */
  charters: number;
  /** Charters whose next review had passed on the point's date. */
  overdue: number;
  /** Elements the charters define completely (status `defined`). */
  defined: number;
  /** Elements the charters must define: elements × charters. */
  required: number;
  /** Elements with at least one goal or indicator line. */
  withGoal: number;
}

export interface HistoryPoint extends TierPoint {
  date: string;
  /** The commit whose state the point shows; null for a snapshot of the work tree. */
  commit: string | null;
  tiers: Record<string, TierPoint>;
}

export type HistoryGranularity = 'commit' | 'week' | 'snapshot';

/** Why the series is only a snapshot: a shallow clone, no git repository, no commits. */
export type HistoryNote = 'shallow' | 'no-git' | 'no-commits';

export interface HistorySeries {
  version: typeof HISTORY_VERSION;
  granularity: HistoryGranularity;
  note?: HistoryNote;
  today: string;
  /** Commits that touched the handbook (0 for a snapshot). */
  commits: number;
  tiers: { id: string; name: LocalText }[];
  points: HistoryPoint[];
}

// ---------------------------------------------------------------------------------------------
// Facts of one charter version

/** A short digest of a text (two 32-bit FNV-1a hashes), to tell changed element text. */
export function digest(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return (a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0')).slice(0, 16);
}

/** The facts of a linted file; undefined when it is not a charter. */
export function charterFacts(lint: CharterLint, lookup: FrameworkLookup): CharterFacts | undefined {
  const s = lint.summary;
  if (!s) return undefined;
  const c = lint.charter;
  const elements: FactElement[] = s.elements.map((e) => {
    const occ = c.occurrences.find((o) => o.tier === e.tier && o.elementId === e.elementId);
    if (!occ || e.status === 'missing') return [e.tier, e.elementId, 'missing', 0, ''];
    return [e.tier, e.elementId, e.status, occ.goals.length, digest(`${occ.title}\n${c.text.slice(occ.contentStart, occ.contentEnd).trim()}`)];
  });
  return { tiers: s.tiers.filter((t) => lookup.tier(t) !== undefined), nextReview: c.nextReview, reviewed: c.reviewed, elements };
}

const STATUS_SET = new Set<string>(['defined', 'empty', 'placeholder', 'missing', 'no-goal']);

/**
 * `value` if it has the shape of CharterFacts (or is null for "not a charter"), else undefined.
 * Used on what a cache file holds: the cache is an optimisation, never trusted input.
 */
export function checkFacts(value: unknown): CharterFacts | null | undefined {
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const str = (x: unknown, max = 200): boolean => typeof x === 'string' && x.length <= max;
  const optDate = (x: unknown): boolean => x === undefined || str(x, 100);
  if (!Array.isArray(v['tiers']) || !v['tiers'].every((t) => str(t)) || !optDate(v['nextReview']) || !optDate(v['reviewed'])) return undefined;
  if (!Array.isArray(v['elements'])) return undefined;
  for (const e of v['elements'] as unknown[]) {
    if (!Array.isArray(e) || e.length !== 5 || !str(e[0]) || !str(e[1]) || !STATUS_SET.has(e[2] as string) || !Number.isSafeInteger(e[3]) || (e[3] as number) < 0 || !str(e[4], 32)) return undefined;
  }
  return {
    tiers: v['tiers'] as string[],
    nextReview: v['nextReview'] as string | undefined,
    reviewed: v['reviewed'] as string | undefined,
    elements: v['elements'] as FactElement[],
  };
}

// ---------------------------------------------------------------------------------------------
// Sampling

const DAY = 86_400_000;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * DAY).toISOString().slice(0, 10);
}

/** The Sunday ending the ISO week (Monday to Sunday) of `date`. */
function weekEnd(date: string): string {
  const day = new Date(Date.parse(date)).getUTCDay(); // 0 = Sunday
  return addDays(date, (7 - day) % 7);
}

/** Commit dates as a running maximum, so that the series never goes back in time. */
function effectiveDates(commits: HistoryCommit[]): string[] {
  const out: string[] = [];
  let max = '';
  for (const c of commits) {
    if (isIsoDate(c.date) && c.date > max) max = c.date;
    out.push(max || c.date);
  }
  return out;
}

export interface PlanOptions {
  today: string;
  /** `auto` (default): per commit up to PER_COMMIT_LIMIT commits, else per week. */
  granularity?: 'auto' | 'commit' | 'week';
  perCommitLimit?: number;
}

/**
 * The points of the series. Per commit: one point after each commit, at its date, and one more
 * at `today` when today is later (reviews fall overdue while nobody commits). Per week: one point
 * at the end of every week (Sunday; `today` for the running week) from the first commit's week
 * to today's, each showing the state after the last commit made by then.
 */
export function planSamples(commits: HistoryCommit[], o: PlanOptions): { granularity: 'commit' | 'week'; samples: Sample[] } {
  const dates = effectiveDates(commits);
  const limit = o.perCommitLimit ?? PER_COMMIT_LIMIT;
  // Weeks need real dates; git always gives them, a caller might not.
  const datable = dates.every((d) => isIsoDate(d));
  const granularity = !datable ? 'commit' : o.granularity === 'commit' || o.granularity === 'week' ? o.granularity : commits.length > limit ? 'week' : 'commit';
  const samples: Sample[] = [];
  if (commits.length === 0) return { granularity, samples };
  const last = dates[dates.length - 1]!;
  if (granularity === 'commit') {
    dates.forEach((date, index) => samples.push({ date, index }));
    if (isIsoDate(o.today) && o.today > last) samples.push({ date: o.today, index: commits.length - 1 });
    return { granularity, samples };
  }
  const end = isIsoDate(o.today) && o.today > last ? o.today : last;
  let index = -1;
  for (let week = weekEnd(dates[0]!); ; week = addDays(week, 7)) {
    const date = week < end ? week : end;
    while (index + 1 < commits.length && dates[index + 1]! <= date) index++;
    samples.push({ date, index });
    if (date >= end) break;
  }
  return { granularity, samples };
}

/** Walk the commits; call `visit` with the live files (path → blob key) at each sample. */
function replay(commits: HistoryCommit[], samples: Sample[], visit: (sample: Sample, live: Map<string, string>) => void): void {
  const live = new Map<string, string>();
  let next = 0;
  for (let i = 0; i < commits.length && next < samples.length; i++) {
    for (const ch of commits[i]!.changes) {
      if (ch.after === null) live.delete(ch.path);
      else live.set(ch.path, ch.after);
    }
    while (next < samples.length && samples[next]!.index === i) visit(samples[next++]!, live);
  }
}

/** The blob keys the samples need facts for: those live at some sample. */
export function neededBlobs(commits: HistoryCommit[], samples: Sample[]): Set<string> {
  const needed = new Set<string>();
  replay(commits, samples, (_s, live) => {
    for (const key of live.values()) needed.add(key);
  });
  return needed;
}

// ---------------------------------------------------------------------------------------------
// Series

const zero = (): TierPoint => ({ charters: 0, overdue: 0, defined: 0, required: 0, withGoal: 0 });

/** The numbers of one point: the facts of the charters live then, reviews judged on `date`. */
export function pointOf(date: string, commit: string | null, charters: Iterable<CharterFacts>, tierIds: readonly string[]): HistoryPoint {
  const point: HistoryPoint = { date, commit, ...zero(), tiers: Object.fromEntries(tierIds.map((t) => [t, zero()])) };
  for (const f of charters) {
    const overdue = reviewState(f.nextReview, date).status === 'overdue' ? 1 : 0;
    point.charters++;
    point.overdue += overdue;
    for (const t of new Set(f.tiers)) {
      const tp = point.tiers[t];
      if (!tp) continue;
      tp.charters++;
      tp.overdue += overdue;
    }
    for (const [tier, , status, goals] of f.elements) {
      const tp = point.tiers[tier];
      if (!tp) continue;
      tp.required++;
      if (status === 'defined') tp.defined++;
      if (goals > 0) tp.withGoal++;
    }
  }
  for (const tp of Object.values(point.tiers)) {
    point.required += tp.required;
    point.defined += tp.defined;
    point.withGoal += tp.withGoal;
  }
  return point;
}

export interface SeriesInput {
  commits: HistoryCommit[];
  granularity: 'commit' | 'week';
  samples: Sample[];
  facts: (blobKey: string) => CharterFacts | undefined;
  tiers: { id: string; name: LocalText }[];
  today: string;
}

/** The series at the planned samples. */
export function historySeries(input: SeriesInput): HistorySeries {
  const tierIds = input.tiers.map((t) => t.id);
  const points: HistoryPoint[] = [];
  replay(input.commits, input.samples, (sample, live) => {
    const facts: CharterFacts[] = [];
    for (const key of live.values()) {
      const f = input.facts(key);
      if (f) facts.push(f);
    }
    points.push(pointOf(sample.date, input.commits[sample.index]!.id, facts, tierIds));
  });
  // Weeks before the first commit have no state: they are not planned (index -1 never visits).
  return { version: HISTORY_VERSION, granularity: input.granularity, today: input.today, commits: input.commits.length, tiers: input.tiers, points };
}

/** A one-point series of the charters as they are now (no usable history), with the reason. */
export function snapshotSeries(charters: CharterFacts[], tiers: { id: string; name: LocalText }[], today: string, note: HistoryNote): HistorySeries {
  return {
    version: HISTORY_VERSION,
    granularity: 'snapshot',
    note,
    today,
    commits: 0,
    tiers,
    points: [pointOf(today, null, charters, tiers.map((t) => t.id))],
  };
}

// ---------------------------------------------------------------------------------------------
// What changed in one charter since its last review

export interface ElementRef {
  tier: string;
  elementId: string;
}

export interface CharterChange {
  commit: string;
  date: string;
  subject: string;
  /** `added`: the file appeared in this commit; `deleted`: it went away; else `modified`. */
  kind: 'added' | 'modified' | 'deleted';
  added: ElementRef[];
  removed: ElementRef[];
  changed: ElementRef[];
}

/** The commits after `since` that touched `path`, newest last: the blob keys to know. */
export function changeBlobs(commits: HistoryCommit[], path: string, since: string): Set<string> {
  const out = new Set<string>();
  for (const c of commits) {
    if (!(c.date > since)) continue;
    for (const ch of c.changes) {
      if (ch.path !== path) continue;
      if (ch.before !== null) out.add(ch.before);
      if (ch.after !== null) out.add(ch.after);
    }
  }
  return out;
}

/** Each commit after `since` (a YYYY-MM-DD date) that touched `path`, with its element changes. */
export function changesSince(commits: HistoryCommit[], path: string, since: string, facts: (blobKey: string) => CharterFacts | undefined): CharterChange[] {
  const out: CharterChange[] = [];
  for (const c of commits) {
    if (!(c.date > since)) continue;
    for (const ch of c.changes) {
      if (ch.path !== path) continue;
      const before = ch.before === null ? undefined : facts(ch.before);
      const after = ch.after === null ? undefined : facts(ch.after);
      const present = (f: CharterFacts | undefined): Map<string, FactElement> => new Map((f?.elements ?? []).filter((e) => e[2] !== 'missing').map((e) => [`${e[0]}\u0000${e[1]}`, e]));
      const b = present(before);
      const a = present(after);
      const ref = (e: FactElement): ElementRef => ({ tier: e[0], elementId: e[1] });
      const change: CharterChange = {
        commit: c.id,
        date: c.date,
        subject: c.subject,
        kind: ch.before === null ? 'added' : ch.after === null ? 'deleted' : 'modified',
        added: [...a].filter(([k]) => !b.has(k)).map(([, e]) => ref(e)),
        removed: [...b].filter(([k]) => !a.has(k)).map(([, e]) => ref(e)),
        changed: [...a].filter(([k, e]) => b.has(k) && b.get(k)![4] !== e[4]).map(([, e]) => ref(e)),
      };
      out.push(change);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Output: JSON and CSV

/** The series as JSON: the model itself, two-space indent, a final newline. */
export function historyJson(series: HistorySeries): string {
  return `${JSON.stringify(series, null, 2)}\n`;
}

const METRICS = ['charters', 'overdue', 'defined', 'required', 'withGoal'] as const;
const CSV_NAMES: Record<(typeof METRICS)[number], string> = { charters: 'charters', overdue: 'overdue', defined: 'defined', required: 'required', withGoal: 'with_goal' };

/** An RFC 4180 field; a text that a spreadsheet would read as a formula is prefixed with `'`. */
export function csvField(value: string | number, delimiter = ','): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The series as CSV (RFC 4180, CRLF line ends): one row per point; columns `date`, `commit`, the
 * totals, then the same numbers per tier (`<tier>:charters`, …).
 */
export function historyCsv(series: HistorySeries, delimiter = ','): string {
  const head = ['date', 'commit', ...METRICS.map((m) => CSV_NAMES[m]), ...series.tiers.flatMap((t) => METRICS.map((m) => `${t.id}:${CSV_NAMES[m]}`))];
  const rows = series.points.map((p) => [p.date, p.commit ?? '', ...METRICS.map((m) => p[m]), ...series.tiers.flatMap((t) => METRICS.map((m) => p.tiers[t.id]?.[m] ?? 0))]);
  return [head, ...rows].map((r) => r.map((v) => csvField(v, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
}

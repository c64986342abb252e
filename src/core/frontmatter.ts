/**
 * A document's frontmatter: the one scanner that finds the block, its YAML, and the one
 * decision whether a document is a charter (`charterVerdict`). The full lint (`parse.ts`, `lint.ts`), the
 * frontmatter-only summary of another shard's charters (`frontmatter-only.ts`) and the parser
 * guards all take the block from here, so they cannot disagree about where it is.
 *
 * The block is found exactly as micromark-extension-frontmatter (under remark-frontmatter)
 * finds it, and the value is what mdast-util-frontmatter puts in the `yaml` node; the
 * differential test (test/unit/core/differential.test.ts) checks both against remark's tree:
 *
 * - the first line (after an optional byte-order mark, which micromark skips) is `---` with
 *   optional spaces or tabs, then a line ending (`\r\n`, `\n` or a lone `\r`);
 * - the block ends at the first later line that is `---` with optional spaces or tabs, ended
 *   by a line ending or the end of the text; without such a line there is no block (remark
 *   reads `---` as a thematic break) and the scan says `unclosed`;
 * - the value is the text between the fence lines, less one line ending at each end, with NUL
 *   as U+FFFD (micromark's replacement).
 */
import yaml from 'js-yaml';
import { boundedDistance, type FrameworkLookup } from './framework/lookup';
import { isSpaceCode, matchKey, trimEndWhere } from './text';
import type { Charter, Frontmatter, Place } from './types';

export type FrontmatterScan =
  /** The text does not start with a frontmatter fence. */
  | { kind: 'none' }
  /** `---` opens the first line, and no line closes it: remark sees no frontmatter. */
  | { kind: 'unclosed'; start: number }
  | ClosedFrontmatter;

export interface ClosedFrontmatter {
  kind: 'closed';
  /** The YAML between the fences (mdast-util-frontmatter's value). */
  raw: string;
  /** Offset of the opening fence (1 after a byte-order mark). */
  start: number;
  /** Offset just after the closing fence's dashes and trailing blanks (the `yaml` node's end). */
  end: number;
  /** Offset of the closing fence's line: new fields go in before it. */
  closeLineStart: number;
  /** Offset of the line after the closing fence (the text's length + 1 when the fence ends the text). */
  bodyStart: number;
}

const LF = 10;
const CR = 13;

/** The length of the line ending at `i` (`\r\n` 2, `\n` or `\r` 1), or 0. */
function lineEnding(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === CR) return text.charCodeAt(i + 1) === LF ? 2 : 1;
  return c === LF ? 1 : 0;
}

/** The offset after `---` and optional blanks at `i`, or -1 when the line does not start with a fence there. */
function fenceEnd(text: string, i: number): number {
  if (!text.startsWith('---', i)) return -1;
  let j = i + 3;
  while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
  return j;
}

/** Where the leading frontmatter block of `text` is, as remark-frontmatter finds it. */
export function scanFrontmatter(text: string): FrontmatterScan {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const open = fenceEnd(text, start);
  if (open < 0) return { kind: 'none' };
  const openEol = lineEnding(text, open);
  if (openEol === 0) return { kind: 'none' };
  const valueStart = open + openEol;
  let line = valueStart;
  for (;;) {
    const close = fenceEnd(text, line);
    if (close >= 0) {
      const eol = close === text.length ? 0 : lineEnding(text, close);
      if (close === text.length || eol > 0) {
        let valueEnd = line;
        // One line ending before the closing fence belongs to the fence, not to the value.
        if (valueEnd > valueStart) valueEnd -= text.charCodeAt(valueEnd - 1) === LF && text.charCodeAt(valueEnd - 2) === CR && valueEnd - 2 >= valueStart ? 2 : 1;
        const raw = text.slice(valueStart, valueEnd);
        return {
          kind: 'closed',
          raw: raw.includes('\0') ? raw.replace(/\0/g, '\ufffd') : raw,
          start,
          end: close,
          closeLineStart: line,
          bodyStart: close === text.length ? text.length + 1 : close + eol,
        };
      }
    }
    // The next line: after the next line ending (a lone CR ends a line too).
    let i = line;
    while (i < text.length && text.charCodeAt(i) !== LF && text.charCodeAt(i) !== CR) i++;
    if (i >= text.length) return { kind: 'unclosed', start };
    line = i + lineEnding(text, i);
  }
}

/** Characters a frontmatter block may hold (a real one holds a few hundred). */
export const MAX_FRONTMATTER_CHARS = 64 * 1024;
/** Keys and list items a frontmatter block may hold (a real one holds about ten). */
export const MAX_FRONTMATTER_ENTRIES = 1000;

/**
 * Whether a frontmatter block is over the limits, as a frontmatter error: js-yaml builds an
 * object per key and the parse keeps a line per key, about 300 bytes of memory per byte of YAML
 * (a 1.5 MB block of 150,000 keys took 459 MB). One linear pass, before any YAML is parsed.
 * Entries are lines that start a key (`key:`) or a list item (`- `), at any depth.
 */
export function frontmatterLimit(raw: string, firstValueLine: number): { message: string; line: number; column: number; params: Record<string, number> } | undefined {
  if (raw.length > MAX_FRONTMATTER_CHARS) {
    return { message: 'too-large', line: firstValueLine, column: 1, params: { size: raw.length, limit: MAX_FRONTMATTER_CHARS } };
  }
  let entries = 0;
  let line = 0;
  for (let start = 0; start <= raw.length; line++) {
    let end = raw.indexOf('\n', start);
    if (end < 0) end = raw.length;
    let i = start;
    while (i < end && (raw.charCodeAt(i) === 32 || raw.charCodeAt(i) === 9)) i++;
    const c = raw.charCodeAt(i);
    const item = c === 45 /* - */ && (i + 1 === end || raw.charCodeAt(i + 1) === 32 || raw.charCodeAt(i + 1) === 13);
    const colon = raw.indexOf(':', i);
    const key = c !== 35 /* # */ && colon >= 0 && colon < end && (colon + 1 === end || isSpaceCode(raw.charCodeAt(colon + 1)));
    if ((item || key) && ++entries > MAX_FRONTMATTER_ENTRIES) {
      return { message: 'too-many-keys', line: firstValueLine + line, column: 1, params: { limit: MAX_FRONTMATTER_ENTRIES, line: firstValueLine + line } };
    }
    start = end + 1;
  }
  return undefined;
}

/**
 * The YAML of a frontmatter block as a mapping, or the error to report (`firstValueLine` is the
 * document line of the block's first value line, so errors point into the document).
 */
export function loadFrontmatterYaml(
  raw: string,
  firstValueLine: number,
): { data: Record<string, unknown>; error?: undefined } | { data?: undefined; error: { message: string; line: number; column: number; params?: Record<string, number> } } {
  const limit = frontmatterLimit(raw, firstValueLine);
  if (limit) return { error: limit };
  try {
    // Not `json: true`: a repeated key is an error the user should see, not a silent overwrite.
    const data = yaml.load(raw, { schema: yaml.CORE_SCHEMA });
    if (data === null || data === undefined) return { data: {} };
    if (typeof data === 'object' && !Array.isArray(data)) return { data: data as Record<string, unknown> };
    return { error: { message: 'not-mapping', line: firstValueLine, column: 1 } };
  } catch (e) {
    const err = e as { reason?: string; message?: string; mark?: { line: number; column: number } };
    if (err.mark) {
      const reason = err.reason ?? String(err.message);
      // js-yaml finds an unclosed quote at the end of the block; the author wants the line it opens on.
      const quote = /within a (double|single) quoted scalar/.exec(reason);
      const opened = quote ? unclosedQuoteLine(raw, quote[1] === 'double' ? '"' : "'") : undefined;
      if (opened) return { error: { message: reason, line: firstValueLine + opened.line, column: opened.column + 1 } };
      return { error: { message: reason, line: firstValueLine + err.mark.line, column: err.mark.column + 1 } };
    }
    // RangeError from absurdly deep nesting and the like
    return { error: { message: err.message ?? String(e), line: firstValueLine, column: 1 } };
  }
}

/**
 * The first line (0-based in `raw`) whose value opens a `q`-quoted scalar that the line does not
 * close (`unit: "Tukipalvelut`), and the column of the quote; undefined when there is none.
 * Escapes (`\\"` in double quotes, `''` in single ones) do not close. One pass per line: linear.
 */
function unclosedQuoteLine(raw: string, q: '"' | "'"): { line: number; column: number } | undefined {
  const lines = raw.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // The value's first character: after `key:` and spaces, or after a list item's `- `.
    let at = line.indexOf(': ');
    at = at >= 0 ? at + 2 : /^\s*-\s/.test(line) ? line.indexOf('-') + 2 : -1;
    if (at < 0) continue;
    while (at < line.length && (line[at] === ' ' || line[at] === '\t')) at++;
    if (line[at] !== q) continue;
    let closed = false;
    for (let j = at + 1; j < line.length; j++) {
      if (q === '"' && line[j] === '\\') j++;
      else if (line[j] === q) {
        if (q === "'" && line[j + 1] === "'") j++;
        else {
          closed = true;
          break;
        }
      }
    }
    if (!closed) return { line: i, column: at };
  }
  return undefined;
}

/** The document's frontmatter model (see `Frontmatter`), from one scan and one YAML load. */
export function readFrontmatter(text: string, scan: FrontmatterScan = scanFrontmatter(text)): Frontmatter {
  const fm: Frontmatter = { data: undefined, place: undefined, insertOffset: undefined, raw: undefined, keyLines: {}, error: undefined };
  if (scan.kind === 'unclosed') {
    // `---` on the first line without a closing fence: the user meant frontmatter.
    fm.error = { message: 'unclosed', line: 1, column: 1 };
    return fm;
  }
  if (scan.kind === 'none') return fm;
  fm.place = placeIn(text, scan.start, scan.end);
  fm.insertOffset = scan.closeLineStart;
  fm.raw = scan.raw;
  // The block opens the document: its first value line is line 2.
  const firstValueLine = 2;
  // Before anything reads it line by line or parses it (150,000 keys took 459 MB).
  const limit = frontmatterLimit(scan.raw, firstValueLine);
  if (limit) {
    fm.error = limit;
    return fm;
  }
  scan.raw.split('\n').forEach((line, i) => {
    const key = frontmatterKey(line);
    if (key !== undefined && !(key in fm.keyLines)) fm.keyLines[key.replace(/^["']|["']$/g, '')] = firstValueLine + i;
  });
  const loaded = loadFrontmatterYaml(scan.raw, firstValueLine);
  if (loaded.error) fm.error = loaded.error;
  else fm.data = loaded.data;
  return fm;
}

/**
 * The key of a top-level `key: value` line of YAML: what `/^([^\s#:][^:]*?)\s*:(?:\s|$)/`
 * captures, by a loop (the pattern backtracked over long runs of spaces before a non-colon).
 */
function frontmatterKey(line: string): string | undefined {
  const first = line.charCodeAt(0);
  if (line === '' || isSpaceCode(first) || first === 35 /* # */ || first === 58 /* : */) return undefined;
  const colon = line.indexOf(':');
  if (colon < 0) return undefined;
  if (colon + 1 < line.length && !isSpaceCode(line.charCodeAt(colon + 1))) return undefined;
  return trimEndWhere(line.slice(0, colon), isSpaceCode);
}

/** Lines and columns of two offsets near the start of `text` (as `LineIndex` counts them: lines end at `\n`). */
function placeIn(text: string, start: number, end: number): Place {
  let line = 1;
  let lineStart = 0;
  let startPoint = { line: 1, column: start + 1, offset: start };
  for (let i = 0; i < end; i++) {
    if (i === start) startPoint = { line, column: i - lineStart + 1, offset: i };
    if (text.charCodeAt(i) === LF) {
      line++;
      lineStart = i + 1;
    }
  }
  if (start >= end) startPoint = { line, column: start - lineStart + 1, offset: start };
  return { start: startPoint, end: { line, column: end - lineStart + 1, offset: end } };
}

export type TierHint = Charter['tierHint'];

/**
 * Whether a document is a charter: the one decision, used by the full lint (`parseCharter`), the
 * parser guards (`Linter.lintText`, before parsing) and the frontmatter-only summary of the
 * other shards' charters. A charter
 *
 * - names a `tier` or `tiers` key (with any value, even an empty or unknown one, so that the
 *   rules can say what is wrong), or the handbook's `include` globs make it one;
 * - or has broken YAML with a line that starts like a tier key (`tier:`, `taso:`): the user
 *   meant one, and hears why it does not parse;
 * - or has a frontmatter that looks like a charter's without naming its tier (never a silent
 *   pass): a key meant as `tier` (`Tier:`, `taso:`, `teir:`), a tier's name as a value beside a
 *   template key, or two template keys and headings that name two elements of one tier. Then
 *   `tierHint` says what it seems to mean.
 *
 * `headings`: the document's headings; undefined before parsing. `charter` is then undefined
 * when only the headings can tell (two template keys and nothing else).
 */
export function charterVerdict(
  fm: Frontmatter,
  text: string,
  forceCharter: boolean,
  lookup: FrameworkLookup,
  headings: readonly { text: string; depth: number }[] | undefined,
): { charter: boolean | undefined; tierHint: TierHint } {
  const data = fm.data ?? {};
  const namesTier = 'tier' in data || 'tiers' in data || (fm.error !== undefined && /^(?:tiers?|taso|tasot)\s*:/im.test(fm.raw ?? text.slice(0, 4096)));
  if (namesTier) return { charter: true, tierHint: undefined };
  const tierHint = fm.error ? undefined : charterLikeFrontmatter(data, fm.keyLines, lookup, headings);
  if (forceCharter || tierHint !== undefined) return { charter: true, tierHint };
  // Only the headings could still make it one.
  if (headings === undefined && !fm.error && templateKeys(data) >= 2) return { charter: undefined, tierHint: undefined };
  return { charter: false, tierHint: undefined };
}

/** Keys meant as `tier` (folded): the key itself, the plural and the Finnish words. */
const TIER_KEYS = ['tier', 'tiers', 'taso', 'tasot', 'johtotaso', 'johtotasot'];
/** Keys whose value describes a page rather than naming its tier. */
const DESCRIPTIVE_KEYS = ['title', 'description', 'summary', 'tags', 'keywords', 'audience', 'otsikko', 'kuvaus'];
/** Keys of the charter template besides the tier. */
const CHARTER_KEYS = ['owner', 'next-review', 'reviewed', 'unit'];

/** Whether a folded key is meant as `tier`: one typo or one swap of neighbours away. */
function isTierKey(key: string): boolean {
  if (key.length < 3) return false;
  return TIER_KEYS.some((k) => key === k || boundedDistance(key, k, 1) <= 1 || swapped(key, k));
}

function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** The tier a frontmatter value names (a text, or a list of texts), as written. */
function tierValue(v: unknown, lookup: FrameworkLookup): string | undefined {
  const values = Array.isArray(v) ? v : [v];
  for (const x of values) if (typeof x === 'string' && x.length <= 200 && lookup.resolveTier(x)) return x.trim();
  return undefined;
}

/**
 * Whether a frontmatter without `tier`/`tiers` is nevertheless a charter's, and what to suggest:
 * a key meant as `tier` (`Tier:`, `taso:`, `teir:`); a tier's name as the value of another key
 * together with one of the template's keys (`owner`, `next-review`, `reviewed`, `unit`); or two
 * of those keys and headings that name two elements of one tier. A README or a note without such
 * a frontmatter is not a charter.
 */
function charterLikeFrontmatter(
  data: Record<string, unknown>,
  keyLines: Record<string, number>,
  lookup: FrameworkLookup,
  headings: readonly { text: string; depth: number }[] | undefined,
): Charter['tierHint'] {
  const keys = Object.keys(data);
  const line = (k: string) => keyLines[k] ?? 1;
  for (const k of keys) {
    if (k.length > 40 || !isTierKey(matchKey(k))) continue;
    const v = data[k];
    return { key: k, line: line(k), value: tierValue(v, lookup) ?? tierOfHeadings(lookup, headings) };
  }
  const charterKeys = templateKeys(data);
  if (charterKeys >= 1) {
    for (const k of keys) {
      // a page titled after a tier ("title: Esihenkilöt") is a guide, not a charter without its key
      if (DESCRIPTIVE_KEYS.includes(k.toLowerCase())) continue;
      const value = tierValue(data[k], lookup);
      if (value) return { key: undefined, line: line(k), value };
    }
  }
  const fromHeadings = charterKeys >= 2 ? tierOfHeadings(lookup, headings) : undefined;
  return fromHeadings ? { key: undefined, line: line(keys[0]!), value: fromHeadings } : undefined;
}

/** The tier (id) whose elements the headings name most, at least two of them. */
function tierOfHeadings(lookup: FrameworkLookup, headings: readonly { text: string }[] | undefined): string | undefined {
  if (!headings) return undefined;
  let best: { id: string; n: number } | undefined;
  for (const tier of lookup.framework.tiers) {
    const named = new Set<string>();
    for (const h of headings.slice(0, 200)) {
      const el = lookup.elementOfTitle(tier.id, h.text);
      if (el) named.add(el.id);
    }
    if (named.size >= 2 && (!best || named.size > best.n)) best = { id: tier.id, n: named.size };
  }
  return best?.id;
}

/** How many of the charter template's keys (besides the tier) a frontmatter has. */
function templateKeys(data: Record<string, unknown>): number {
  return Object.keys(data).filter((k) => CHARTER_KEYS.includes(k.toLowerCase())).length;
}

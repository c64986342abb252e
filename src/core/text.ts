/** Text helpers: matching keys, line index, positions. Pure. */
import type { Place, Point } from './types';

/**
 * A key for forgiving matching: NFC/NFD-insensitive, diacritics folded, case folded, leading
 * emoji/bullets/numbering and trailing colons removed, punctuation and spaces collapsed.
 * Only for comparison; the user's text is never rewritten with it.
 */
export function matchKey(text: string): string {
  const head = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[*_`~]+/g, ' ')
    // eslint-disable-next-line no-misleading-character-class -- ZWJ and VS16 listed on purpose as single code points: the class skips emoji sequences one code point at a time
    .replace(/^[\s\p{Extended_Pictographic}\p{So}\u200d\ufe0f•·▪◆◇►▶→\-–—+>#]+/u, '')
    .replace(/^\d+[.)]\s+/, '');
  // Trailing colons and punctuation by a loop: `/[\s:.]+$/` retries from every character of a
  // long run of spaces that is not at the end (quadratic). After the collapse below every run
  // of spaces is one space, so `\s*` around the dash looks at one character at most.
  return trimEndWhere(head, (c) => isSpaceCode(c) || TRAILING_PUNCTUATION.includes(c))
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/\s*[–—-]\s*/g, ' - ')
    .trim();
}

const TRAILING_PUNCTUATION = [0x3a /* : */, 0xff1a /* ： */, 0x2e /* . */, 0x3b /* ; */, 0x2c /* , */, 0x21 /* ! */, 0x3f /* ? */];

/** Whether a UTF-16 code unit is whitespace as a regex's `\s` has it (all of `\s` is in the BMP). */
export function isSpaceCode(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** `text` without the trailing code units for which `drop` holds: what `/[…]+$/` does, in linear time. */
export function trimEndWhere(text: string, drop: (code: number) => boolean): string {
  let end = text.length;
  while (end > 0 && drop(text.charCodeAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}

/**
 * Where the line's label pattern stops looking: a label (`Mittarit:`, `🔹 Visio:`) and what
 * precedes it must fit in this many code units. Together with the loops below this bounds the
 * work on a line, whatever it holds.
 */
export const LABEL_SCAN_LIMIT = 1000;

export interface LabelSyntax {
  /** Characters that may end the label (`:`, or `:` and the full-width `：`). */
  colons: string;
  /** Length of the label in code points (as a `u`-flag `{min,max}` counts). */
  min: number;
  max: number;
  /** A closing `**` or `__` before the colon is markup, not label text. */
  emphasis: boolean;
  /** Characters the label may not hold (`*_` for element titles). */
  forbid?: string;
  /** Without a colon, the label runs to the end of the line (a heading such as `### Mittarit`). */
  colonOptional?: boolean;
}

export interface Label {
  /** The label's text (leading text is the caller's prefix; trailing spaces and markup are dropped). */
  text: string;
  /** Offset just after the colon, or the line's length when there is none. */
  end: number;
  colon: boolean;
}

/**
 * The label that starts at `start` in `line`: the text up to the first colon, less trailing
 * whitespace and (with `emphasis`) one closing `**`/`__`. This is what a lazy pattern such as
 * `([^:\n]{1,40}?)(?:\*\*|__)?\s*:` captures when the label starts right after a greedy prefix,
 * found with one pass instead of a backtracking search: the pattern version retried every split
 * of a long run of spaces between prefix, label and `\s*` (cubic time on `' '.repeat(n) + '_:'`).
 * Labels shorter than `min` are not labels (the pattern would have backtracked into the prefix
 * and captured its spaces or bullets, which name nothing).
 */
export function labelAt(line: string, start: number, syntax: LabelSyntax): Label | undefined {
  if (start > LABEL_SCAN_LIMIT) return undefined;
  const limit = Math.min(line.length, LABEL_SCAN_LIMIT);
  let colon = -1;
  for (let i = start; i < limit; i++) {
    if (syntax.colons.includes(line[i]!)) {
      colon = i;
      break;
    }
    if (line.charCodeAt(i) === 10) return undefined;
  }
  let end: number;
  if (colon >= 0) end = colon;
  else if (!syntax.colonOptional || line.indexOf('\n', start) >= 0) return undefined;
  else end = line.length;
  // Trailing spaces, then one `**`/`__` (the pattern's `(?:\*\*|__)?\s*` before the colon).
  while (end > start && isSpaceCode(line.charCodeAt(end - 1))) end--;
  if (syntax.emphasis && end - start >= 2 && (line.startsWith('**', end - 2) || line.startsWith('__', end - 2))) end -= 2;
  if (end - start > 2 * syntax.max) return undefined; // more code units than a label can have code points
  const text = line.slice(start, end);
  let points = 0;
  for (const ch of text) {
    if (syntax.forbid?.includes(ch)) return undefined;
    if (++points > syntax.max) return undefined;
  }
  if (points < syntax.min) return undefined;
  return { text, end: colon >= 0 ? colon + 1 : line.length, colon: colon >= 0 };
}

/** Offset after a `**` or `__` at `at`, else `at`. */
export function skipEmphasis(line: string, at: number): number {
  return line.startsWith('**', at) || line.startsWith('__', at) ? at + 2 : at;
}

/** Offset of the first non-whitespace code unit at or after `at`. */
export function skipSpaces(line: string, at: number): number {
  while (at < line.length && isSpaceCode(line.charCodeAt(at))) at++;
  return at;
}

/**
 * An explicit element id at the end of a heading (`## Title {#element-id}`, optionally followed
 * by a closing `#` sequence): the id and the offset where the title ends (before the spaces
 * that precede the `{`). The pattern `\s*\{#…\}\s*#*\s*$` this replaces was quadratic on long
 * runs of spaces (each one a new start, each scanning the run).
 */
export function explicitId(text: string): { id: string; start: number } | undefined {
  const m = EXPLICIT_ID_TAIL.exec(text);
  if (!m) return undefined;
  // The tail after `}`: spaces, then `#`s, then spaces (nothing else, no `#` after the spaces).
  let i = m.index + m[0].length - m[2]!.length;
  i = skipSpaces(text, i);
  while (text.charCodeAt(i) === 35 /* # */) i++;
  i = skipSpaces(text, i);
  if (i !== text.length) return undefined;
  let start = m.index;
  while (start > 0 && isSpaceCode(text.charCodeAt(start - 1))) start--;
  return { id: m[1]!, start };
}

// Each `{` is a candidate, and the id's characters, `}` and the tail class `[\s#]` are disjoint
// from `{`: every candidate scans what follows it at most once, up to the next `{`.
const EXPLICIT_ID_TAIL = /\{#([A-Za-z0-9_.-]+)\}([\s#]*)$/;

/** `text` without an explicit id at its end (see `explicitId`). */
export function stripExplicitId(text: string): string {
  const found = explicitId(text);
  return found ? text.slice(0, found.start) : text;
}

/** Offsets of the start of every line of `text`. */
export class LineIndex {
  private readonly starts: number[];
  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) starts.push(i + 1);
    }
    this.starts = starts;
  }
  get lineCount(): number {
    return this.starts.length;
  }
  /** 1-based line of a 0-based offset. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
  point(offset: number): Point {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(o);
    return { line, column: o - (this.starts[line - 1] as number) + 1, offset: o };
  }
  place(start: number, end: number): Place {
    return { start: this.point(start), end: this.point(Math.max(start, end)) };
  }
  /** Offset of the start of a 1-based line. */
  lineStart(line: number): number {
    const i = Math.max(1, Math.min(line, this.starts.length)) - 1;
    return this.starts[i] as number;
  }
  /** Offset of the end of a 1-based line, before its line break. */
  lineEnd(line: number): number {
    const next = line < this.starts.length ? (this.starts[line] as number) : this.text.length + 1;
    let end = next - 1;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13 && end <= this.text.length) end--;
    return Math.min(end, this.text.length);
  }
  /** The place of a whole 1-based line (without its line break). */
  linePlace(line: number): Place {
    return this.place(this.lineStart(line), this.lineEnd(line));
  }
}

/** The end-of-line sequence a text mostly uses. */
export function detectEol(text: string): string {
  const crlf = text.indexOf('\r\n');
  return crlf >= 0 && crlf <= text.indexOf('\n') ? '\r\n' : '\n';
}

/** A valid calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

/** Today as YYYY-MM-DD in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A file-name-safe slug: "Myynti ja markkinointi" → "myynti-ja-markkinointi". */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A document as the linter reads it (`Linter.lintText`, the frontmatter-only summary). */
export interface Source {
  /** The text without a leading byte-order mark: what is linted, fixed and reported on. */
  text: string;
  /** The byte-order mark the file starts with (`\ufeff`), or `''`: `--fix` writes it back. */
  bom: string;
  /**
   * `text` as the parsers take it: every lone CR (old Mac line ends) an LF. A lone CR ends a
   * line for remark and for editors, not for the line index; the copy has the same length, so
   * offsets stay the user's and lines agree with remark and the editor.
   */
  parsed: string;
  /** Whether `text` has a lone CR (then `parsed` differs from it). */
  loneCr: boolean;
}

/** The one place where a byte-order mark and lone CRs are handled before parsing. */
export function sourceOf(text: string): Source {
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const src = bom ? text.slice(1) : text;
  const loneCr = src.includes('\r') && /\r(?!\n)/.test(src);
  return { text: src, bom, parsed: loneCr ? src.replace(/\r(?!\n)/g, '\n') : src, loneCr };
}

/**
 * A frontmatter value as a message shows it: text, numbers and booleans as written, a date as
 * `YYYY-MM-DD`, a list or mapping as compact JSON (cut at 80 characters), never `[object Object]`.
 */
export function valueText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  let json: string | undefined;
  try {
    json = JSON.stringify(v);
  } catch {
    json = undefined; // a YAML alias can make a structure refer to itself
  }
  const text = json ?? (Array.isArray(v) ? '[…]' : '{…}');
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

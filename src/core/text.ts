/** Text helpers: matching keys, line index, positions. Pure. */
import type { Place, Point } from './types';

/**
 * A key for forgiving matching: NFC/NFD-insensitive, diacritics folded, case folded, leading
 * emoji/bullets/numbering and trailing colons removed, punctuation and spaces collapsed.
 * Only for comparison; the user's text is never rewritten with it.
 */
export function matchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[*_`~]+/g, ' ')
    .replace(/^[\s\p{Extended_Pictographic}\p{So}\u200d\ufe0f•·▪◆◇►▶→\-–—+>#]+/u, '')
    .replace(/^\d+[.)]\s+/, '')
    .replace(/[\s:：.;,!?]+$/u, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/\s*[–—-]\s*/g, ' - ')
    .trim();
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

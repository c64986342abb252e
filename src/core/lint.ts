/**
 * The runner: text → charter → findings, and summaries → handbook findings. Rules only report;
 * the runner stamps rule metadata, applies configured severities and drops `off` rules.
 */
import { toString } from 'mdast-util-to-string';
import type { ResolvedConfig } from './config';
import { defaultConfig } from './config';
import { FrameworkLookup } from './framework/lookup';
import { BudgetExceeded, type Deadline } from './budget';
import { charterVerdict, readFrontmatter, scanFrontmatter, type FrontmatterScan } from './frontmatter';
import { t } from './i18n';
import { lineIndexOf, parseCharter, parseMarkdown } from './parse';
import { CHARTER_RULES, HANDBOOK_RULES, RULES } from './rules/index';
import type { Report, Rule } from './rules/rule';
import { summarize } from './status';
import { detectEol, isoDay, sourceOf } from './text';
import type { Charter, CharterSummary, Finding, Frontmatter, Lang, RunRule, Severity } from './types';

export interface CharterLint {
  /** The parsed charter; `charter.text` is the text linted (without a byte-order mark). */
  charter: Charter;
  findings: Finding[];
  /** Present when the file is a charter. */
  summary: CharterSummary | undefined;
  /**
   * Why this charter could not be linted (nested too deeply for the Markdown parser, a YAML
   * alias bomb, the parser failed), localised. Then `charter` is empty and there are no findings.
   */
  unlintable?: string;
}

export interface LintTextOptions {
  /** The handbook config includes this file as a charter. */
  forceCharter?: boolean;
  /** Today as YYYY-MM-DD; defaults to the current UTC date. */
  today?: string;
  /** The file's time budget: the parser and the runner throw `BudgetExceeded` past it (see `lintWithinBudget`). */
  deadline?: Deadline;
}

export class Linter {
  readonly lookup: FrameworkLookup;
  readonly lang: Lang;

  constructor(
    readonly config: ResolvedConfig = defaultConfig(),
    lang?: Lang,
  ) {
    this.lookup = new FrameworkLookup(config.framework);
    this.lang = lang ?? config.language ?? 'fi';
  }

  /** Every rule's metadata (`defaultSeverity` stays the built-in one) with the severity this config gives it. */
  get rules(): RunRule[] {
    return RULES.map((r) => ({ ...r.meta, severity: this.config.rules[r.meta.id] ?? r.meta.defaultSeverity }));
  }

  severityOf(rule: Rule): Severity | undefined {
    const s = this.config.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
    return s === 'off' ? undefined : s;
  }

  lintText(file: string, text: string, options: LintTextOptions = {}): CharterLint {
    const source = sourceOf(text);
    const { parsed, loneCr } = source;
    const forceCharter = options.forceCharter === true;
    const scan = scanFrontmatter(parsed);
    const frontmatter = readFrontmatter(parsed, scan);
    // Before parsing, the headings are unknown: a file they might make a charter counts as one here.
    const charterLike = charterVerdict(frontmatter, parsed, forceCharter, this.lookup, undefined).charter !== false;
    const refused = this.refuse(file, parsed, scan, frontmatter, charterLike);
    if (refused) return loneCr ? { ...refused, charter: { ...refused.charter, text: source.text } } : refused;
    const deadline = options.deadline;
    deadline?.check();
    let charter: Charter;
    try {
      charter = parseCharter(file, parsed, this.lookup, { forceCharter, defaultLang: this.lang, ...(this.config.language ? { handbookLang: this.config.language } : {}), frontmatter, ...(deadline ? { deadline } : {}) });
    } catch (e) {
      if (e instanceof BudgetExceeded) throw e;
      // remark recursing past the stack on input the guard did not foresee, and the like
      return this.unlintable(file, source.text, t(this.lang, 'skip.parse', { detail: errorMessage(e) }));
    }
    const lines = lineIndexOf(charter);
    if (loneCr) {
      // The charter keeps the user's text and line ends (fixes insert CRs).
      const crs = (source.text.match(/\r(?!\n)/g) ?? []).length;
      const lfs = (source.text.match(/\n/g) ?? []).length;
      charter = { ...charter, text: source.text, eol: crs > lfs ? '\r' : charter.eol };
    }
    const findings: Finding[] = [];
    if (!charter.isCharter) return { charter, findings, summary: undefined };
    const today = options.today ?? isoDay(new Date());
    for (const rule of CHARTER_RULES) {
      const severity = this.severityOf(rule);
      if (!severity) continue;
      deadline?.check();
      rule.check({
        charter,
        lines,
        lookup: this.lookup,
        lang: this.lang,
        today,
        report: (r) => findings.push(this.stamp(rule, severity, file, r)),
      });
    }
    withholdIneffectiveFixes(charter, findings);
    return { charter, findings: sortFindings(findings), summary: summarize(charter, this.lookup) };
  }

  /**
   * Input that would hang or crash the Markdown or YAML parser (see `markdownComplexity` and
   * `frontmatterExpansion`): an unlintable result for a charter, an empty one (not a charter)
   * for any other file, undefined for ordinary text.
   */
  private refuse(file: string, src: string, scan: FrontmatterScan, fm: Frontmatter, charter: boolean): CharterLint | undefined {
    const complex = markdownComplexity(src, scan);
    if (complex) {
      if (!charter) return { charter: blankCharter(file, src, this.lang), findings: [], summary: undefined };
      const reason =
        complex.kind === 'nesting'
          ? t(this.lang, 'skip.nesting', { depth: complex.depth, line: complex.line, limit: MAX_NESTING })
          : complex.kind === 'heading'
            ? t(this.lang, 'skip.heading', { line: complex.line, markers: complex.markers, limit: MAX_HEADING_MARKERS })
            : complex.kind === 'blocks'
              ? t(this.lang, 'skip.blocks', { line: complex.line, limit: MAX_BLOCKS })
              : t(this.lang, 'skip.complex', { line: complex.line });
      return this.unlintable(file, src, reason);
    }
    if (charter) {
      const bomb = frontmatterExpansion(fm);
      if (bomb) return this.unlintable(file, src, t(this.lang, 'skip.aliases', { limit: MAX_YAML_VALUES, line: bomb.line }));
    }
    return undefined;
  }

  /** The result for a file that cannot be linted, with the reason (localised): no charter, no findings. */
  unlintable(file: string, src: string, reason: string): CharterLint {
    return { charter: blankCharter(file, src, this.lang), findings: [], summary: undefined, unlintable: reason };
  }

  /** Handbook-level findings from the summaries of every charter of the handbook. */
  lintHandbook(summaries: CharterSummary[], configFile: string): Finding[] {
    const findings: Finding[] = [];
    for (const rule of HANDBOOK_RULES) {
      const severity = this.severityOf(rule);
      if (!severity) continue;
      rule.check({
        summaries,
        lookup: this.lookup,
        lang: this.lang,
        configFile,
        report: (r) => findings.push(this.stamp(rule, severity, r.file, r)),
      });
    }
    return findings;
  }

  private stamp(rule: Rule, severity: Severity, file: string, r: Report): Finding {
    const f: Finding = {
      ruleId: rule.meta.id,
      ruleName: rule.meta.name,
      source: 'charters',
      reason: r.reason,
      severity,
      file,
      place: r.place,
      url: rule.meta.url,
    };
    if (r.elementId !== undefined) f.elementId = r.elementId;
    if (r.tier !== undefined) f.tier = r.tier;
    if (r.expected !== undefined) f.expected = r.expected;
    if (r.actual !== undefined) f.actual = r.actual;
    if (r.related !== undefined) f.related = r.related;
    if (r.fix !== undefined) f.fix = r.fix;
    return f;
  }
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.place.start.line - b.place.start.line ||
      a.place.start.column - b.place.start.column,
  );
}

// ---------------------------------------------------------------------------------------------
// Input the parsers cannot take
//
// remark (micromark and mdast-util-from-markdown) is superlinear on some shapes: a line nested
// 1,000 lists deep takes seconds and 10,000 deep takes hours; every list or quote that closes
// re-splices the events read so far; thousands of emphasis markers in one paragraph or heading
// cost quadratic time and recursion deep enough to overflow the stack. The per-file size limit
// does not bound any of that (a 200 KB file can take minutes), and the editor lints on its
// extension host's thread, so the linter measures the shapes that cost before parsing, in one
// linear pass, and refuses a charter that would cost more than about ten seconds. (Should the
// parse become linear in the number of lists, drop the term for closed lists and quotes.)

/** Lists or block quotes nested deeper than this on one line are refused (markdown-it's `maxNesting` is 100 too). */
export const MAX_NESTING = 100;
/** Emphasis and link markers (`*`, `_`, `[`, `]`) one heading may hold. */
export const MAX_HEADING_MARKERS = 1000;
/**
 * Parser work one charter may cost, in the units of `markdownComplexity` (about a microsecond
 * each on a busy 2-core machine, so at most about ten seconds). A real 16 KB charter costs a few
 * hundred; real charters pasted together into one file cost 1.2 million at 300 KB and 20 million
 * at 1.2 MB (micromark then takes 10-20 s: every list or quote that closes re-splices the events
 * of everything before it, so a long document of lists is quadratic).
 */
export const MAX_PARSE_WORK = 10_000_000;
/**
 * Headings, paragraphs and list items one charter may hold: remark takes some 10 KB of memory
 * and 0.1 ms for each (100,000 one-line headings: 1.2 GB, 10 s). A real charter has a few hundred.
 */
export const MAX_BLOCKS = 20_000;
/** Values the frontmatter's YAML aliases may expand to (a "billion laughs" expands to 10^9). */
export const MAX_YAML_VALUES = 100_000;

export type Complexity =
  | { kind: 'nesting'; depth: number; line: number }
  | { kind: 'heading'; markers: number; line: number }
  | { kind: 'blocks'; line: number }
  | { kind: 'work'; line: number };

/**
 * Whether remark would take too long (or overflow the stack) on `text`, and where, from one pass
 * over its lines. Work counted: twice the square of each line's nesting depth (list and quote
 * markers and the indentation before them); for every list or quote closed, the line number
 * (micromark re-splices everything read so far), four times for a nested list item replaced by
 * the next; for every paragraph or list item, the square of its
 * emphasis and link markers over 25 (inline parsing is quadratic in them, and cheaper per unit).
 * Blocks (headings, paragraphs, list items) are counted apart: they cost memory more than time.
 */
export function markdownComplexity(text: string, scan: FrontmatterScan = scanFrontmatter(text)): Complexity | undefined {
  const n = text.length;
  // The frontmatter is YAML, not Markdown (its own parser has limits of its own).
  let line = 0;
  let pos = 0;
  if (scan.kind === 'closed') {
    pos = scan.bodyStart;
    for (let i = text.indexOf('\n'); i >= 0 && i < scan.closeLineStart; i = text.indexOf('\n', i + 1)) line++;
    line++; // the closing fence's line
  }
  let work = 0;
  let prevDepth = 0;
  let prevBlank = true;
  let blockMarkers = 0;
  let blockLine = 1;
  let prevHeadingCandidate = false;
  let blocks = 0;
  /** The fence of the open fenced code block (its text is not Markdown), e.g. "```". */
  let fence = '';
  while (pos <= n) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = n;
    line++;
    // The container prefix: indentation, `>` and list markers.
    let i = pos;
    let indent = 0;
    let lead = -1;
    let markers = 0;
    let listItem = false;
    /** The nesting level of the line's first list marker (quote markers before it continue their quotes). */
    let firstList = 0;
    for (; i < end; ) {
      const c = text.charCodeAt(i);
      if (c === 32) {
        indent++;
        i++;
      } else if (c === 9) {
        indent += 4 - (indent % 4);
        i++;
      } else if (c === 62 /* > */) {
        if (lead < 0) lead = indent;
        markers++;
        i++;
      } else if ((c === 45 || c === 42 || c === 43) /* - * + */ && isSpaceOrEnd(text, i + 1, end)) {
        if (lead < 0) lead = indent;
        markers++;
        if (!listItem) firstList = markers + (lead >> 1);
        listItem = true;
        i++;
      } else if (c >= 48 && c <= 57) {
        let j = i;
        while (j < end && j - i < 9 && isDigit(text.charCodeAt(j))) j++;
        const d = text.charCodeAt(j);
        if (j >= end || (d !== 46 && d !== 41) /* . ) */ || !isSpaceOrEnd(text, j + 1, end)) break;
        if (lead < 0) lead = indent;
        markers++;
        if (!listItem) firstList = markers + (lead >> 1);
        listItem = true;
        i = j + 1;
      } else {
        break;
      }
    }
    const blank = markers === 0 && i >= end;
    const first = text.charCodeAt(i);
    const fenceHere = first === 96 || first === 126 ? /^(`{3,}|~{3,})/.exec(text.slice(i, Math.min(end, i + 64))) : null; // ` ~
    if (fence) {
      if (fenceHere && fenceHere[1]![0] === fence[0] && fenceHere[1]!.length >= fence.length && text.slice(i + fenceHere[1]!.length, end).trim() === '') fence = '';
      pos = end + 1;
      continue;
    }
    if (fenceHere) fence = fenceHere[1]!;
    if (blank) {
      if (blockMarkers > 0) work += (blockMarkers * blockMarkers) / 25;
      blockMarkers = 0;
      prevHeadingCandidate = false;
    } else {
      let depth: number;
      if (markers > 0) depth = markers + (lead >> 1);
      // A heading or a code fence is never a lazy continuation: it closes the lists it does not
      // sit in (`## x` after `- y`, 10,000 times, took micromark 10 s and was not counted).
      else if (prevBlank || (indent < 4 && (fenceHere || isAtxHeading(text, i, end)))) depth = Math.min(prevDepth, indent >> 1);
      else depth = prevDepth; // continuation or lazy line
      if (depth > MAX_NESTING) return { kind: 'nesting', depth, line };
      work += 2 * depth * depth;
      if (listItem) {
        // The items this line's list markers replace, from its first one's level down; closing
        // one below the top level costs far more than closing a top-level one (measured: 5,000
        // lines of `- - x` take a minute, 20,000 of `- x` two seconds).
        const nested = prevDepth - Math.max(firstList, 2) + 1;
        if (nested > 0) work += 4 * nested * line;
      } else if (depth < prevDepth) {
        work += (prevDepth - depth) * line;
      }
      prevDepth = depth;
      if ((prevBlank || listItem || isAtxHeading(text, i, end)) && ++blocks > MAX_BLOCKS) return { kind: 'blocks', line };
      // A list item starts a new paragraph; a setext underline ends the heading above it.
      if (listItem) {
        if (blockMarkers > 0) work += (blockMarkers * blockMarkers) / 25;
        blockMarkers = 0;
        blockLine = line;
      } else if (prevBlank) {
        blockLine = line;
      }
      let lineMarkers = 0;
      for (let k = i; k < end; k++) {
        const c = text.charCodeAt(k);
        if (c === 42 || c === 95 || c === 91 || c === 93) lineMarkers++; // * _ [ ]
      }
      if (lineMarkers > MAX_HEADING_MARKERS && isAtxHeading(text, i, end)) return { kind: 'heading', markers: lineMarkers, line };
      if (prevHeadingCandidate && blockMarkers > MAX_HEADING_MARKERS && isSetextUnderline(text, i, end)) {
        return { kind: 'heading', markers: blockMarkers, line: blockLine };
      }
      blockMarkers += lineMarkers;
      prevHeadingCandidate = true;
    }
    if (work > MAX_PARSE_WORK) return { kind: 'work', line };
    prevBlank = blank;
    pos = end + 1;
  }
  work += (blockMarkers * blockMarkers) / 25;
  return work > MAX_PARSE_WORK ? { kind: 'work', line } : undefined;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpaceOrEnd(text: string, i: number, end: number): boolean {
  if (i >= end) return true;
  const c = text.charCodeAt(i);
  return c === 32 || c === 9 || c === 13;
}

function isAtxHeading(text: string, i: number, end: number): boolean {
  let k = i;
  while (k < end && text.charCodeAt(k) === 35 /* # */) k++;
  return k > i && k - i <= 6 && isSpaceOrEnd(text, k, end);
}

function isSetextUnderline(text: string, i: number, end: number): boolean {
  const c = text.charCodeAt(i);
  if (c !== 61 && c !== 45) return false; // = -
  let k = i;
  while (k < end && text.charCodeAt(k) === c) k++;
  while (k < end && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9 || text.charCodeAt(k) === 13)) k++;
  return k >= end;
}

/**
 * Whether the frontmatter's YAML aliases expand to more than `MAX_YAML_VALUES` values, with the
 * document line of the first alias. js-yaml shares aliased values instead of copying them, so
 * loading is cheap; anything that walks or stringifies the result (`String(tiers)`) is not.
 */
export function frontmatterExpansion(fm: Frontmatter): { line: number } | undefined {
  const raw = fm.raw;
  // Broken YAML loads nothing (the parse reports it as a finding).
  if (raw === undefined || fm.data === undefined) return undefined;
  const alias = /(?:^|[\s[{,:-])\*[^\s,[\]{}]/m.exec(raw);
  if (!alias) return undefined;
  let count = 0;
  const stack: unknown[] = [fm.data];
  while (stack.length > 0) {
    const v = stack.pop();
    // The block's first value line is the document's line 2.
    if (++count > MAX_YAML_VALUES) return { line: raw.slice(0, alias.index + 1).split('\n').length + 1 };
    if (v !== null && typeof v === 'object') {
      for (const child of Object.values(v as Record<string, unknown>)) stack.push(child);
    }
  }
  return undefined;
}

/**
 * A fix that would not take: the finding would stay, and every `--fix` run would insert the same
 * text again. Such fixes are withheld (the finding stays, without a fix):
 *
 * - an element heading must be deeper than its tier's heading: under a level-6 tier heading no
 *   heading can be (and `#######` is text);
 * - fixes insert at headings, at list items or at the end of the document, and at the end an
 *   unclosed block (a code fence, an HTML comment, `<pre>`) swallows whatever is appended. Cheap
 *   unless the text holds an opener of such a block: only then is it parsed once more, with a
 *   heading appended.
 */
function withholdIneffectiveFixes(charter: Charter, findings: Finding[]): void {
  const { text, eol } = charter;
  for (const f of findings) {
    if (!f.fix) continue;
    const section = f.tier !== undefined && f.ruleId === 'element-missing' ? charter.tierSections.find((s) => s.tier === f.tier) : undefined;
    const floor = section ? section.depth : 0;
    const headings = f.fix.edits.flatMap((e) => [...e.text.matchAll(/^(#+)[ \t]/gm)].map((m) => m[1]!.length));
    if (headings.some((d) => d > 6 || d <= floor)) delete f.fix;
  }
  const atEnd = (f: Finding) => f.fix?.edits.some((e) => e.start === text.length) === true;
  if (!findings.some(atEnd) || !mayEndOpen(text)) return;
  const tree = parseMarkdown(`${text}${eol}${eol}# x${eol}`);
  const last = tree.children[tree.children.length - 1];
  if (last && last.type === 'heading' && toString(last) === 'x') return;
  for (const f of findings) if (atEnd(f)) delete f.fix;
}

/** Whether `text` might end inside a fenced code block or an HTML block that runs to the end. */
function mayEndOpen(text: string): boolean {
  // (Without any `<!--`, -1 > -1 - 3 held, and every charter missing its last element was parsed twice.)
  const comment = text.lastIndexOf('<!--');
  return (
    text.includes('```') ||
    text.includes('~~~') ||
    (comment >= 0 && comment > text.lastIndexOf('-->') - 3) ||
    /<(?:pre|script|style|textarea)(?:[\s>]|$)|<\?|<![A-Za-z[]/i.test(text)
  );
}

/** The model of a file that was not parsed: no frontmatter, no tiers, no elements. */
function blankCharter(file: string, text: string, lang: Lang): Charter {
  return {
    file,
    text,
    eol: detectEol(text),
    frontmatter: { data: undefined, place: undefined, insertOffset: undefined, raw: undefined, keyLines: {}, error: undefined },
    isCharter: false,
    tiers: [],
    tierHint: undefined,
    unknownTiers: [],
    multiTier: false,
    lang,
    unit: undefined,
    owner: undefined,
    reviewed: undefined,
    nextReview: undefined,
    title: undefined,
    tierSections: [],
    occurrences: [],
    unknownIds: [],
    nearMisses: [],
    unrecognisedHeadings: [],
  };
}

function errorMessage(e: unknown): string {
  const err = e as { message?: unknown };
  return typeof err?.message === 'string' ? err.message : String(e);
}

/**
 * What each element of a charter says, in plain data: its opening sentence, its Markdown and its
 * goal and indicator lines; and every goal line of a handbook as a row for HR (`charters goals`,
 * CSV, JSON, xlsx). Pure: the matrix, the leader pages and the CLI share it, so a goal reads the
 * same in every view.
 *
 * Guarantees (test/unit/core/goals.test.ts):
 * - a goal's text is the whole goal: a goal line wrapped onto following lines keeps them, and a
 *   goal heading or label followed by a list keeps each item, one per line; Markdown marks
 *   (emphasis, links, code) are reduced to their text;
 * - the opening sentence is plain text from the first paragraph that is not a goal line;
 * - one goal row per owner of the charter (one row with no owner when it names none), in
 *   handbook order: tier (framework order), file, line, owner as written; a person has one
 *   spelling in every row (the first, charters by path: `canonicalOwners`);
 * - `csvText` writes RFC 4180 (quoted where needed, quotes doubled, CRLF) with a byte-order
 *   mark, and every cell that a spreadsheet would read as a formula (starting with `=`, `+`,
 *   `-`, `@`, a tab or a carriage return) starts with `'` instead, in CSV and in the xlsx cells
 *   (`goalsTable`).
 */
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { FrameworkLookup } from './framework/lookup';
import { canonicalOwners, ownersOf, type Owner } from './owners';
import { lineIndexOf, parseMarkdown } from './parse';
import { label } from './render/i18n';
import { matchKey } from './text';
import type { Charter, ElementOccurrence, Lang } from './types';

export interface GoalLine {
  /** The label as the framework spells it (`Tavoite`, `Indicator`), else as written. */
  label: string;
  /** The whole goal as plain text; list items on lines of their own. */
  text: string;
  /** 1-based line of the goal's label. */
  line: number;
}

export interface ElementDetails {
  tier: string;
  element: string;
  /** The heading or item title as written. */
  heading: string;
  /** 1-based first line of the element (its heading) and last line of its content (not blank). */
  line: number;
  endLine: number;
  /** The opening sentence, plain text ('' when the section has only goals or nothing). */
  lead: string;
  /** The section's Markdown as written, without HTML comments, trimmed. */
  text: string;
  goals: GoalLine[];
}

// ---------------------------------------------------------------------------------------------
// Plain text

/**
 * Markdown as plain text: one line per paragraph, heading, list item or table row; emphasis,
 * links and code reduced to their text; raw HTML kept as the text it is (HTML comments are
 * already gone from element content).
 */
export function plainText(markdown: string): string {
  return blocks(parseMarkdown(markdown)).join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** The text of the block nodes of a tree, in order, each on one line. */
function blocks(root: Root | Nodes): string[] {
  const out: string[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableRow') {
      out.push(oneLine(toString(node, { includeHtml: true })));
    } else if (node.type === 'code' || node.type === 'html') {
      // Raw HTML is the author's text, shown as text (as the preview does), never dropped.
      out.push(...node.value.split('\n').map(oneLine));
    } else if (node.type !== 'yaml' && node.type !== 'definition' && node.type !== 'thematicBreak' && 'children' in node) {
      for (const c of node.children) walk(c);
    }
  };
  walk(root);
  return out.filter((l) => l !== '');
}

/**
 * The first sentence of a text: up to a `.`, `!`, `?` or `…` followed by white space and a
 * capital letter, an opening quote or parenthesis; else the whole text. "esim. näin" and
 * "n. 600" do not end a sentence.
 */
export function firstSentence(text: string): string {
  const t = oneLine(text);
  const m = /[.!?…](?=\s+["'”’«(\p{Lu}])/u.exec(t);
  return m ? t.slice(0, m.index + 1) : t;
}

// ---------------------------------------------------------------------------------------------
// Element details

const detailsMemo = new WeakMap<ElementOccurrence, { lookup: FrameworkLookup; details: ElementDetails }>();

/** The label of a goal as the framework spells it (the first configured label with its key). */
function goalLabel(key: string, lookup: FrameworkLookup, lang: Lang): string {
  const labels = [...lookup.framework.goalLabels[lang], ...lookup.framework.goalLabels[lang === 'fi' ? 'en' : 'fi']];
  return labels.find((l) => matchKey(l) === key) ?? key;
}

const ITEM_START = /^\s*(?:>\s*)*(?:[-*+]|\d{1,9}[.)])\s/;
const HEADING_LINE = /^\s*#{1,6}(?:\s|$)/;
const GOAL_LABEL = /^[\s>]*(?:[-*+]\s+|\d{1,9}[.)]\s+)?(?:#{1,6}\s+)?(?:\*\*|__)?([^:：\n]{1,40}?)(?:\*\*|__)?\s*[:：]/u;

/**
 * The whole goal: a goal whose text starts on its label's line takes the lines that continue
 * it (up to a blank line, a new list item, a heading, another goal or the end of the element);
 * a goal whose text is a block under its label (a list) is that block.
 */
function wholeGoal(charter: Charter, occ: ElementOccurrence, goal: ElementOccurrence['goals'][number], lookup: FrameworkLookup): string {
  if (goal.text.includes('\n')) return plainText(goal.text);
  const idx = lineIndexOf(charter);
  const parts = [goal.text];
  for (let line = goal.place.start.line + 1; line <= idx.lineCount; line++) {
    const start = idx.lineStart(line);
    if (start >= occ.contentEnd) break;
    const raw = charter.text.slice(start, Math.min(idx.lineEnd(line), occ.contentEnd));
    if (raw.trim() === '' || ITEM_START.test(raw) || HEADING_LINE.test(raw) || raw.includes('<!--')) break;
    const m = raw.includes(':') || raw.includes('：') ? GOAL_LABEL.exec(raw) : null;
    if (m && lookup.isGoalLabel(m[1]!)) break;
    parts.push(raw.trim());
  }
  return plainText(parts.join('\n'));
}

/** The offset just after the last character of `text[start, end)` that is not white space (`start` when none). */
function lastNonBlank(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && /\s/.test(text[i - 1]!)) i--;
  return i;
}

/** What one element occurrence of a charter says (remembered per occurrence and framework). */
export function elementDetails(charter: Charter, occ: ElementOccurrence, lookup: FrameworkLookup): ElementDetails {
  const known = detailsMemo.get(occ);
  if (known && known.lookup === lookup) return known.details;
  const markdown = occ.contentText.trim();
  let lead = '';
  if (markdown !== '') {
    for (const b of blocks(parseMarkdown(markdown))) {
      const m = GOAL_LABEL.exec(b);
      if (m && lookup.isGoalLabel(m[1]!)) continue;
      if (lookup.isGoalLabel(b)) continue; // "Mittarit" as a heading
      lead = firstSentence(b);
      break;
    }
  }
  const details: ElementDetails = {
    tier: occ.tier,
    element: occ.elementId,
    heading: occ.title,
    line: occ.headingPlace.start.line,
    endLine: Math.max(occ.headingPlace.start.line, lineIndexOf(charter).lineOf(Math.max(occ.contentStart, lastNonBlank(charter.text, occ.contentStart, occ.contentEnd) - 1))),
    lead,
    text: markdown,
    goals: occ.goals.map((g) => ({ label: goalLabel(g.label, lookup, charter.lang), text: wholeGoal(charter, occ, g, lookup), line: g.place.start.line })),
  };
  detailsMemo.set(occ, { lookup, details });
  return details;
}

/** The details of an element of a charter, or undefined when the charter lacks it. */
export function detailsOf(charter: Charter, tier: string, element: string, lookup: FrameworkLookup): ElementDetails | undefined {
  const occ = charter.occurrences.find((o) => o.tier === tier && o.elementId === element);
  return occ ? elementDetails(charter, occ, lookup) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Goal rows

export interface GoalRow {
  /** The owner's name (normalised), or undefined when the charter names none. */
  owner: string | undefined;
  tier: string;
  unit: string | undefined;
  element: string;
  label: string;
  text: string;
  nextReview: string | undefined;
  file: string;
  line: number;
}

/** Every goal line of the charters, one row per owner, in handbook order. */
export function goalRows(charters: Charter[], lookup: FrameworkLookup): GoalRow[] {
  const tierOrder = new Map(lookup.framework.tiers.map((t, i) => [t.id, i]));
  const rows: (GoalRow & { order: [number, number] })[] = [];
  const sorted = [...charters].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const named = canonicalOwners(sorted.map((c) => ownersOf(c.frontmatter.data)));
  sorted.forEach((charter, ci) => {
    const owners: (Owner | undefined)[] = named[ci]!;
    if (owners.length === 0) owners.push(undefined);
    for (const occ of charter.occurrences) {
      const tier = tierOrder.get(occ.tier);
      if (tier === undefined) continue;
      const details = elementDetails(charter, occ, lookup);
      for (const goal of details.goals) {
        owners.forEach((o, i) => {
          rows.push({
            owner: o?.name,
            tier: occ.tier,
            unit: charter.unit,
            element: occ.elementId,
            label: goal.label,
            text: goal.text,
            nextReview: charter.nextReview,
            file: charter.file,
            line: goal.line,
            order: [tier, i],
          });
        });
      }
    }
  });
  rows.sort((a, b) => a.order[0] - b.order[0] || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.order[1] - b.order[1]);
  return rows.map(({ order: _order, ...row }) => row);
}

export interface GoalFilters {
  /** An owner's name: case, accents and spacing ignored; a part of the name is enough. */
  owner?: string | undefined;
  /** A tier id (checked by the caller with `lookup.resolveTier`). */
  tier?: string | undefined;
  /** A unit's name: forgiving as tier and element names; exact matches win over partial ones. */
  unit?: string | undefined;
}

/** Keep the rows that match every given filter. An exact owner or unit match wins over a partial one. */
export function filterGoalRows(rows: GoalRow[], filters: GoalFilters): GoalRow[] {
  let out = rows;
  if (filters.tier !== undefined) out = out.filter((r) => r.tier === filters.tier);
  const forgiving = (query: string | undefined, get: (r: GoalRow) => string | undefined): void => {
    if (query === undefined) return;
    const q = matchKey(query);
    const exact = out.filter((r) => matchKey(get(r) ?? '') === q);
    out = exact.length > 0 ? exact : q === '' ? [] : out.filter((r) => matchKey(get(r) ?? '').includes(q));
  };
  forgiving(filters.owner, (r) => r.owner);
  forgiving(filters.unit, (r) => r.unit);
  return out;
}

export const GOALS_SCHEMA_VERSION = 1;

/** The rows as JSON: ids for tiers and elements, `null` for absent values, a final newline. */
export function goalsJson(rows: GoalRow[]): string {
  const data = {
    schemaVersion: GOALS_SCHEMA_VERSION,
    rows: rows.map((r) => ({
      owner: r.owner ?? null,
      tier: r.tier,
      unit: r.unit ?? null,
      element: r.element,
      label: r.label,
      text: r.text,
      nextReview: r.nextReview ?? null,
      file: r.file,
      line: r.line,
    })),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

/**
 * A cell a spreadsheet cannot take for a formula: one that starts with `=`, `+`, `-`, `@`, a tab
 * or a carriage return gets a leading `'` (OWASP's advice for CSV injection).
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export const GOAL_COLUMNS = ['owner', 'tier', 'unit', 'element', 'label', 'text', 'nextReview', 'file', 'line'] as const;

/**
 * The rows as a table for CSV and xlsx: a header in `lang`, tier and element names in `lang`,
 * every text cell neutralised against formulas; the line stays a number.
 */
export function goalsTable(rows: GoalRow[], lookup: FrameworkLookup, lang: Lang): { header: string[]; rows: (string | number)[][] } {
  const header = GOAL_COLUMNS.map((c) => label(lang, `goals.${c}`));
  const cell = (s: string | undefined): string => neutraliseFormula(s ?? '');
  return {
    header,
    rows: rows.map((r) => [
      cell(r.owner),
      cell(lookup.tier(r.tier)?.name[lang] ?? r.tier),
      cell(r.unit),
      cell(lookup.element(r.element)?.name[lang] ?? r.element),
      cell(r.label),
      cell(r.text),
      cell(r.nextReview),
      cell(r.file),
      r.line,
    ]),
  };
}

/** One CSV field: quoted when it holds the delimiter, a quote, CR or LF; quotes doubled. */
function csvField(value: string | number, delimiter: string): string {
  const s = String(value);
  return s.includes(delimiter) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A table as RFC 4180 CSV: CRLF after every record, UTF-8 byte-order mark first (for Excel). */
export function csvText(table: { header: string[]; rows: (string | number)[][] }, delimiter: string): string {
  const lines = [table.header, ...table.rows].map((r) => r.map((v) => csvField(v, delimiter)).join(delimiter));
  return `\ufeff${lines.map((l) => `${l}\r\n`).join('')}`;
}

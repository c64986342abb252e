/**
 * The handbook's "whose job is what" matrix: tiers and their units as columns, elements as
 * rows, each cell the status of one element in one charter. One model, three renderings:
 * Markdown (for a README), JSON (a stable, documented shape) and an HTML fragment (the site's
 * index and the VS Code matrix view).
 *
 * The model is plain data; `matrixJson` is exactly the model. Its shape is versioned
 * (`schemaVersion`) and documented in docs/matrix-json.md; a test checks the document against
 * real output.
 *
 * A cell carries what the element says (its opening sentence, its Markdown, its goal and
 * indicator lines, its lines in the file) when `buildMatrix` is given the charters, not only
 * their summaries. The HTML shows the opening sentence and the goals short on screen (a
 * `<details>` opens them, no script) and complete in print.
 */
import { escapeControls } from '../text-safety';
import type { Element, ElementContent } from 'hast';
import type { FrameworkLookup } from '../framework/lookup';
import { detailsOf, type GoalLine } from '../goals';
import { canonicalOwners, ownerKey, ownersOf, ownersOfValue } from '../owners';
import type { Charter, CharterSummary, ElementStatus, Lang, LocalText } from '../types';
import { reviewBadge, statusBadge } from './charter';
import { h, safeHref, toHtml, type Child } from './html';
import { label, statusDescription, statusEmoji, statusLabel, STATUSES } from './i18n';
import { reviewState, type ReviewState } from './review';

export const MATRIX_VERSION = 2;

export interface MatrixTier {
  id: string;
  name: LocalText;
  role: LocalText;
  elements: { id: string; name: LocalText }[];
  /** Indices into `columns` of this tier's charters, in order. */
  columns: number[];
}

export interface MatrixColumn {
  /** Tier of this column. A charter of several tiers has one column in each of them. */
  tier: string;
  /** The charter's path as the summaries give it (handbook-relative, `/`-separated). */
  file: string;
  unit: string | undefined;
  /** Every owner the charter names, normalised, in the order written (empty when none). */
  owners: string[];
  title: string | undefined;
  lang: Lang;
  /** `reviewed` of the frontmatter (known when the matrix was built from the charters). */
  reviewed?: string | undefined;
  nextReview: string | undefined;
  review: ReviewState;
}

export interface MatrixCell {
  status: ElementStatus;
  file: string;
  /** 1-based line of the element in the charter (1 when it is missing). */
  line: number;
  /** Last line of the element's section (when the element is there and the charter was given). */
  endLine?: number;
  /** The element's heading or item title as written. */
  heading?: string;
  /** The opening sentence, plain text ('' when there is none). */
  lead?: string;
  /** The section's Markdown as written, without HTML comments. */
  text?: string;
  /** The goal and indicator lines, whole, as plain text. */
  goals?: GoalLine[];
}

export interface MatrixRow {
  tier: string;
  element: string;
  name: LocalText;
  /** One entry per column: a cell for the columns of this row's tier, `null` for the others. */
  cells: (MatrixCell | null)[];
}

export interface TierCoverage {
  tier: string;
  /** Charters (columns) of the tier. */
  charters: number;
  /** Cells with status `defined`. */
  defined: number;
  /** Cells the tier's charters must define: elements × charters. */
  required: number;
  /** Cells per status. */
  counts: Record<ElementStatus, number>;
}

export interface OverdueReview {
  file: string;
  unit: string | undefined;
  owners: string[];
  tiers: string[];
  nextReview: string;
  /** Days since the review was due (> 0). */
  daysOverdue: number;
}

export interface MatrixModel {
  schemaVersion: typeof MATRIX_VERSION;
  today: string;
  /** Tiers of the framework, in framework order. */
  tiers: MatrixTier[];
  /** Columns grouped by tier (framework order), charters sorted by path within a tier. */
  columns: MatrixColumn[];
  /** Rows grouped by tier, elements in framework order. */
  rows: MatrixRow[];
  coverage: TierCoverage[];
  /** Charters whose `next-review` has passed, most overdue first. */
  overdue: OverdueReview[];
  /** Charters whose review is due within 30 days. */
  dueSoon: { file: string; unit: string | undefined; owners: string[]; nextReview: string; days: number }[];
  /** Tier ids no charter covers. */
  tiersWithoutCharter: string[];
  /** Charters that name no tier of the framework. */
  chartersWithoutTier: string[];
}

/**
 * Build the matrix of a handbook from its charters' summaries. With `charterOf` (the parsed
 * charter of a summary's file), cells carry the elements' text and goals, and columns every
 * owner and the `reviewed` date; without it, owners come from the summary's `owner` text.
 */
export function buildMatrix(summaries: CharterSummary[], lookup: FrameworkLookup, today: string, charterOf?: (file: string) => Charter | undefined): MatrixModel {
  const sorted = [...summaries].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const charters = new Map<string, Charter>();
  if (charterOf) {
    for (const s of sorted) {
      const c = charterOf(s.file);
      if (c) charters.set(s.file, c);
    }
  }
  const owners = canonicalOwners(sorted.map((s) => {
    const c = charters.get(s.file);
    return c ? ownersOf(c.frontmatter.data) : ownersOfValue(s.owner);
  }));
  const ownersOfFile = new Map(sorted.map((s, i) => [s.file, owners[i]!.map((o) => o.name)]));
  const tiers: MatrixTier[] = [];
  const columns: MatrixColumn[] = [];
  for (const t of lookup.framework.tiers) {
    const tier: MatrixTier = { id: t.id, name: { ...t.name }, role: { ...t.role }, elements: t.elements.map((e) => ({ id: e.id, name: { ...e.name } })), columns: [] };
    for (const s of sorted) {
      if (!s.tiers.includes(t.id)) continue;
      tier.columns.push(columns.length);
      columns.push({
        tier: t.id,
        file: s.file,
        unit: s.unit,
        owners: ownersOfFile.get(s.file)!,
        title: s.title,
        lang: s.lang,
        ...(charters.has(s.file) ? { reviewed: charters.get(s.file)!.reviewed } : {}),
        nextReview: s.nextReview,
        review: reviewState(s.nextReview, today),
      });
    }
    tiers.push(tier);
  }
  const byFile = new Map(sorted.map((s) => [s.file, s]));
  const rows: MatrixRow[] = [];
  const coverage: TierCoverage[] = [];
  for (const tier of tiers) {
    const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<ElementStatus, number>;
    for (const el of tier.elements) {
      const cells = columns.map((col): MatrixCell | null => {
        if (col.tier !== tier.id) return null;
        const s = byFile.get(col.file)!;
        const e = s.elements.find((x) => x.tier === tier.id && x.elementId === el.id);
        const cell: MatrixCell = { status: e?.status ?? 'missing', file: s.file, line: e?.line ?? 1 };
        const charter = charters.get(s.file);
        const d = charter && e && e.status !== 'missing' ? detailsOf(charter, tier.id, el.id, lookup) : undefined;
        if (d) Object.assign(cell, { endLine: d.endLine, heading: d.heading, lead: d.lead, text: d.text, goals: d.goals });
        counts[cell.status]++;
        return cell;
      });
      rows.push({ tier: tier.id, element: el.id, name: el.name, cells });
    }
    coverage.push({ tier: tier.id, charters: tier.columns.length, defined: counts.defined, required: tier.columns.length * tier.elements.length, counts });
  }
  const overdue: OverdueReview[] = [];
  const dueSoon: MatrixModel['dueSoon'] = [];
  for (const s of sorted) {
    const r = reviewState(s.nextReview, today);
    const owners = ownersOfFile.get(s.file)!;
    if (r.status === 'overdue') overdue.push({ file: s.file, unit: s.unit, owners, tiers: s.tiers, nextReview: r.date!, daysOverdue: -r.days! });
    if (r.status === 'due-soon') dueSoon.push({ file: s.file, unit: s.unit, owners, nextReview: r.date!, days: r.days! });
  }
  overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || (a.file < b.file ? -1 : 1));
  dueSoon.sort((a, b) => a.days - b.days || (a.file < b.file ? -1 : 1));
  return {
    schemaVersion: MATRIX_VERSION,
    today,
    tiers,
    columns,
    rows,
    coverage,
    overdue,
    dueSoon,
    tiersWithoutCharter: tiers.filter((t) => t.columns.length === 0).map((t) => t.id),
    chartersWithoutTier: sorted.filter((s) => !s.tiers.some((id) => lookup.tier(id))).map((s) => s.file),
  };
}

/** The model as JSON: stable key order, two-space indent, a final newline. */
export function matrixJson(model: MatrixModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Markdown

/**
 * Text for a Markdown table cell or heading: one line, `<`, `>` and `&` as entities (no HTML
 * and no autolink can start), other Markdown punctuation backslash-escaped (no link, emphasis
 * or code), pipes escaped so the table stays a table; other control characters visibly escaped
 * (escapeControls). File names too: none is put in a code span, which a newline could end.
 */
function mdCell(text: string): string {
  return escapeControls(text.replace(/[\r\n]+/g, ' '))
    .replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)
    .replace(/([\\`*_[\]|#!~])/g, '\\$1')
    .trim();
}

/** A URL for a Markdown link destination: no spaces, parentheses or angle brackets left raw. */
function mdUrl(href: string): string {
  return href.replace(/[\s()<>\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function columnName(col: MatrixColumn): string {
  return col.unit ?? col.title ?? col.file;
}

/** Characters of the opening sentence in a Markdown table cell. */
const MD_LEAD = 100;

/** `text` cut to at most `max` characters at a word boundary, with `…` when cut. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/u, '')}…`;
}

/** Whether a cell's text is worth showing: real content (not a template, not an empty heading). */
function hasContent(cell: MatrixCell): boolean {
  return cell.status === 'defined' || cell.status === 'no-goal';
}

/**
 * The matrix as Markdown for a handbook's README: a legend, then one table per tier (elements
 * as rows, the tier's charters as columns) with its coverage; overdue reviews and tiers without
 * a charter last. Every value from a charter is escaped, so the table cannot be broken or made
 * to link anywhere by a unit or owner name.
 */
export function matrixMarkdown(model: MatrixModel, lang: Lang, linkFor?: (file: string, line: number) => string): string {
  const out: string[] = [];
  const linked = (text: string, file: string): string => {
    const href = linkFor ? safeHref(linkFor(file, 1)) : undefined;
    return href ? `[${text}](${mdUrl(href)})` : text;
  };
  const legend = (['defined', 'no-goal', 'placeholder', 'empty', 'missing'] as const)
    .map((s) => `${statusEmoji(s)} ${statusLabel(s, lang).toLowerCase()}: ${statusDescription(s, lang)}`)
    .join(' · ');
  out.push(`**${label(lang, 'legend')}:** ${legend}`, '');
  for (const tier of model.tiers) {
    const cov = model.coverage.find((c) => c.tier === tier.id)!;
    out.push(`### ${mdCell(tier.name[lang])}${tier.role[lang] ? ` – ${mdCell(tier.role[lang])}` : ''}`, '');
    if (tier.columns.length === 0) {
      out.push(`${statusEmoji('no-charter')} ${label(lang, 'statusLong.no-charter')}.`, '');
      continue;
    }
    out.push(`${label(lang, 'coverage')}: ${label(lang, 'coverageOf', { defined: cov.defined, required: cov.required })}`, '');
    const cols = tier.columns.map((i) => model.columns[i]!);
    out.push(`| ${label(lang, 'element')} | ${cols.map((c) => linked(mdCell(columnName(c)), c.file)).join(' | ')} |`);
    out.push(`| --- | ${cols.map(() => ':---:').join(' | ')} |`);
    out.push(`| _${label(lang, 'owner')}_ | ${cols.map((c) => (c.owners.length > 0 ? mdCell(c.owners.join(', ')) : '–')).join(' | ')} |`);
    const rows = model.rows.filter((r) => r.tier === tier.id);
    for (const row of rows) {
      const cells = tier.columns.map((i) => {
        const cell = row.cells[i];
        if (!cell) return '';
        const status = cell.status === 'defined' ? statusEmoji('defined') : `${statusEmoji(cell.status)} ${statusLabel(cell.status, lang).toLowerCase()}`;
        return hasContent(cell) && cell.lead ? `${status} ${mdCell(clip(cell.lead, MD_LEAD))}` : status;
      });
      out.push(`| ${mdCell(row.name[lang])} | ${cells.join(' | ')} |`);
    }
    out.push('');
    // The goals in full below the table: a table cell is no place for them.
    const goals: string[] = [];
    for (const i of tier.columns) {
      const col = model.columns[i]!;
      const items: string[] = [];
      for (const row of rows) {
        const cell = row.cells[i];
        if (!cell?.goals || cell.goals.length === 0) continue;
        items.push(`  - ${mdCell(row.name[lang])}`);
        for (const g of cell.goals) items.push(`    - ${mdCell(g.label)}: ${mdCell(g.text.split('\n').join('; '))}`);
      }
      if (items.length > 0) goals.push(`- ${linked(mdCell(columnName(col)), col.file)}${col.owners.length > 0 ? ` (${mdCell(col.owners.join(', '))})` : ''}`, ...items);
    }
    if (goals.length > 0) out.push(`**${label(lang, 'cellGoals')}**`, '', ...goals, '');
  }
  out.push(`### ${label(lang, 'overdue')}`, '');
  if (model.overdue.length === 0) out.push(label(lang, 'noOverdue'), '');
  else {
    for (const o of model.overdue) {
      out.push(`- ${linked(mdCell(o.unit ?? o.file), o.file)}${o.owners.length > 0 ? ` (${mdCell(o.owners.join(', '))})` : ''}: ${o.nextReview}, ${label(lang, 'overdueDays', { days: o.daysOverdue })} – ${mdCell(o.file)}`);
    }
    out.push('');
  }
  if (model.tiersWithoutCharter.length > 0) {
    const names = model.tiersWithoutCharter.map((id) => mdCell(model.tiers.find((t) => t.id === id)!.name[lang]));
    out.push(`### ${label(lang, 'tiersWithoutCharter')}`, '', ...names.map((n) => `- ${statusEmoji('no-charter')} ${n}`), '');
  }
  if (model.chartersWithoutTier.length > 0) {
    out.push(`### ${label(lang, 'chartersWithoutTier')}`, '', ...model.chartersWithoutTier.map((f) => `- ${mdCell(f)}`), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

// ---------------------------------------------------------------------------------------------
// HTML

export interface MatrixHtmlOptions {
  /** Prefix of every id in the fragment (default `''`). */
  idPrefix?: string;
  /** Show the coverage summary, overdue list and gaps above the table (default true). */
  summary?: boolean;
  /**
   * Href of an owner's own view (the site's leader page, the editor's leader view), by the
   * owner's name and identity key (`ownerKey`); no link when it returns undefined or an unsafe href.
   */
  linkForOwner?: (name: string, key: string) => string | undefined;
}

/**
 * The matrix as an HTML fragment: a coverage summary per tier, one table (tier groups of
 * columns, with a sticky header), overdue reviews, tiers without a charter. Each cell links to
 * `linkFor(file, line, elementId)` and carries `data-file`, `data-line` and `data-element` for a
 * webview script. Unsafe hrefs are dropped; all text is escaped.
 */
export function matrixHtml(
  model: MatrixModel,
  lang: Lang,
  linkFor: (file: string, line: number, elementId?: string) => string,
  options: MatrixHtmlOptions = {},
): string {
  return toHtml(matrixHast(model, lang, linkFor, options));
}

export function matrixHast(
  model: MatrixModel,
  lang: Lang,
  linkFor: (file: string, line: number, elementId?: string) => string,
  options: MatrixHtmlOptions = {},
): Element {
  const p = options.idPrefix ?? '';
  const link = (file: string, line: number, elementId?: string): string | undefined => safeHref(linkFor(file, line, elementId));
  const tierName = (id: string): string => model.tiers.find((t) => t.id === id)?.name[lang] ?? id;
  const totalColumns = model.tiers.reduce((n, t) => n + Math.max(1, t.columns.length), 0);
  const ownerLinks = (owners: string[]): Child[] =>
    owners.map((name, i) => {
      const href = options.linkForOwner ? safeHref(options.linkForOwner(name, ownerKey(name))) : undefined;
      return [i > 0 ? ', ' : null, href ? h('a', { href, className: ['owner-link'] }, name) : name];
    });

  // ---- summary: coverage cards per tier
  const summary = h(
    'section',
    { className: ['matrix-summary'], ariaLabel: label(lang, 'coverage') },
    h(
      'ul',
      { className: ['coverage-list'] },
      model.tiers.map((tier) => {
        const cov = model.coverage.find((c) => c.tier === tier.id)!;
        const none = tier.columns.length === 0;
        return h(
          'li',
          { className: ['card', 'coverage', none ? 'coverage-none' : cov.defined === cov.required ? 'coverage-full' : 'coverage-partial'] },
          h('p', { className: ['coverage-tier'] }, h('a', { href: `#${p}tier-${tier.id}` }, tier.name[lang])),
          tier.role[lang] ? h('p', { className: ['coverage-role'] }, tier.role[lang]) : null,
          none
            ? h('p', { className: ['coverage-count'] }, statusBadge('no-charter', lang))
            : [
                h('p', { className: ['coverage-count'] }, h('meter', { min: '0', max: String(cov.required), value: String(cov.defined), ariaHidden: 'true' }), ' ', label(lang, 'coverageOf', { defined: cov.defined, required: cov.required })),
                h('p', { className: ['coverage-charters'] }, cov.charters === 1 ? label(lang, 'chartersOfTier1') : label(lang, 'chartersOfTier', { count: cov.charters })),
              ],
        );
      }),
    ),
  );

  // ---- the table
  const headTop: ElementContent[] = [h('th', { scope: 'col', rowSpan: 2, className: ['corner'] }, label(lang, 'element'))];
  const headUnits: ElementContent[] = [];
  for (const tier of model.tiers) {
    headTop.push(h('th', { scope: 'colgroup', colSpan: Math.max(1, tier.columns.length), className: ['tier-group', `tier-${tier.id}`] }, tier.name[lang]));
    if (tier.columns.length === 0) {
      headUnits.push(h('th', { scope: 'col', className: ['unit', 'no-charter'] }, statusBadge('no-charter', lang)));
      continue;
    }
    for (const i of tier.columns) {
      const col = model.columns[i]!;
      const href = link(col.file, 1);
      const name = columnName(col);
      headUnits.push(
        h(
          'th',
          { scope: 'col', className: ['unit', `review-${col.review.status}`], dataFile: col.file },
          href ? h('a', { href, dataFile: col.file, dataLine: '1', className: ['unit-name'] }, name) : h('span', { className: ['unit-name'] }, name),
          ' ',
          h('span', { className: ['unit-owner'] }, col.owners.length > 0 ? ownerLinks(col.owners) : label(lang, 'notSet')),
          col.review.status !== 'ok' ? [' ', reviewBadge(col.review, lang)] : null,
        ),
      );
    }
  }
  const bodies: Element[] = model.tiers.map((tier) => {
    const cov = model.coverage.find((c) => c.tier === tier.id)!;
    const rows: ElementContent[] = [
      h(
        'tr',
        { className: ['tier-row'] },
        h(
          'th',
          { scope: 'rowgroup', colSpan: totalColumns + 1, id: `${p}tier-${tier.id}` },
          h('span', { className: ['tier-name'] }, tier.name[lang]),
          tier.role[lang] ? [' ', h('span', { className: ['tier-role'] }, tier.role[lang])] : null,
          ' ',
          h('span', { className: ['tier-coverage'] }, tier.columns.length === 0 ? label(lang, 'statusLong.no-charter') : label(lang, 'coverageOf', { defined: cov.defined, required: cov.required })),
        ),
      ),
    ];
    for (const row of model.rows.filter((r) => r.tier === tier.id)) {
      const cells: ElementContent[] = [h('th', { scope: 'row', className: ['element-name'] }, row.name[lang])];
      for (const t of model.tiers) {
        if (t.columns.length === 0) {
          cells.push(t.id === tier.id ? h('td', { className: ['cell', 'status-no-charter'] }, statusBadge('no-charter', lang)) : h('td', { className: ['cell', 'na'] }));
          continue;
        }
        for (const i of t.columns) {
          const cell = row.cells[i];
          if (!cell) {
            cells.push(h('td', { className: ['cell', 'na'] }));
            continue;
          }
          const href = link(cell.file, cell.line, row.element);
          const badge = statusBadge(cell.status, lang);
          const attrs = { className: ['cell-status'], dataFile: cell.file, dataLine: String(cell.line), dataElement: row.element, title: `${row.name[lang]}: ${statusDescription(cell.status, lang)}` };
          cells.push(h('td', { className: ['cell', `status-${cell.status}`] }, href ? h('a', { href, ...attrs }, badge) : h('span', attrs, badge), cellContent(cell, lang)));
        }
      }
      rows.push(h('tr', { dataElement: row.element }, cells));
    }
    return h('tbody', { className: ['tier-rows', `tier-${tier.id}`] }, rows);
  });
  const table = h(
    'div',
    { className: ['matrix-scroll'], role: 'region', ariaLabel: label(lang, 'matrix'), tabIndex: 0 },
    h('table', { className: ['matrix'] }, h('caption', {}, label(lang, 'matrixCaption')), h('thead', {}, h('tr', {}, headTop), h('tr', {}, headUnits)), bodies),
  );

  const legend = h(
    'div',
    { className: ['legend'] },
    h('p', { className: ['legend-title'] }, label(lang, 'legend')),
    h(
      'ul',
      { className: ['legend-list'] },
      (['defined', 'no-goal', 'placeholder', 'empty', 'missing'] as const).map((s) => h('li', {}, statusBadge(s, lang), ' ', statusDescription(s, lang))),
    ),
  );

  // ---- follow-up: overdue, due soon, gaps
  const who = (unit: string | undefined, owners: string[], file: string): Child[] => [
    h('span', { className: ['unit-name'] }, unit ?? file),
    owners.length > 0 ? [' ', h('span', { className: ['unit-owner'] }, owners.join(', '))] : null,
  ];
  const followUp = h(
    'section',
    { className: ['matrix-follow-up'] },
    h(
      'div',
      { className: ['card', 'overdue'] },
      h('h2', {}, label(lang, 'overdue')),
      model.overdue.length === 0
        ? h('p', { className: ['none'] }, label(lang, 'noOverdue'))
        : h(
            'ul',
            {},
            model.overdue.map((o) => {
              const href = link(o.file, 1);
              return h(
                'li',
                { dataFile: o.file },
                href ? h('a', { href, dataFile: o.file, dataLine: '1' }, who(o.unit, o.owners, o.file)) : who(o.unit, o.owners, o.file),
                ' ',
                reviewBadge({ status: 'overdue', date: o.nextReview, days: -o.daysOverdue }, lang),
                ' ',
                h('span', { className: ['date'] }, o.nextReview),
              );
            }),
          ),
      model.dueSoon.length > 0
        ? [
            h('h3', {}, label(lang, 'dueSoon')),
            h(
              'ul',
              {},
              model.dueSoon.map((d) => {
                const href = link(d.file, 1);
                return h('li', { dataFile: d.file }, href ? h('a', { href, dataFile: d.file, dataLine: '1' }, who(d.unit, d.owners, d.file)) : who(d.unit, d.owners, d.file), ' ', reviewBadge({ status: 'due-soon', date: d.nextReview, days: d.days }, lang));
              }),
            ),
          ]
        : null,
    ),
    model.tiersWithoutCharter.length > 0
      ? h('div', { className: ['card', 'gaps'] }, h('h2', {}, label(lang, 'tiersWithoutCharter')), h('ul', {}, model.tiersWithoutCharter.map((id) => h('li', {}, statusBadge('no-charter', lang), ' ', tierName(id)))))
      : null,
    model.chartersWithoutTier.length > 0
      ? h(
          'div',
          { className: ['card', 'gaps'] },
          h('h2', {}, label(lang, 'chartersWithoutTier')),
          h('ul', {}, model.chartersWithoutTier.map((f) => {
            const href = link(f, 1);
            return h('li', {}, href ? h('a', { href, dataFile: f, dataLine: '1' }, h('code', {}, f)) : h('code', {}, f));
          })),
        )
      : null,
  );

  return h(
    'section',
    { className: ['charters-view', 'matrix-view'], lang },
    options.summary === false ? null : summary,
    model.columns.length === 0 ? h('p', { className: ['card', 'no-charters'] }, label(lang, 'noCharters')) : null,
    table,
    legend,
    options.summary === false ? null : followUp,
  );
}

/**
 * What a cell says, under its status: the opening sentence and the goal lines. On screen the
 * sentence is the summary of a `<details>` (clamped to a few lines by the stylesheet) that opens
 * to the goals; the same goals follow in a list that only print shows, so a printed matrix is
 * complete whatever was open. Only real content is shown (not a template's or placeholder's).
 */
export function cellContent(cell: MatrixCell, lang: Lang): Child {
  if (!hasContent(cell)) return null;
  const lead = cell.lead ?? '';
  const goals = cell.goals ?? [];
  if (lead === '' && goals.length === 0) return null;
  const goalList = (extra: string[]): Element =>
    h(
      'ul',
      { className: ['cell-goals', ...extra] },
      goals.map((g) => h('li', { dataLine: String(g.line) }, h('span', { className: ['goal-label'] }, g.label), ' ', g.text)),
    );
  const count = goals.length === 1 ? label(lang, 'goalCount1') : label(lang, 'goalCount', { n: goals.length });
  return [
    h(
      'details',
      { className: ['cell-details'] },
      h(
        'summary',
        { title: label(lang, 'cellMore') },
        lead !== '' ? h('span', { className: ['cell-lead'] }, lead) : null,
        goals.length > 0 ? h('span', { className: ['cell-goal-count'] }, count) : null,
      ),
      goals.length > 0 ? goalList([]) : null,
    ),
    goals.length > 0 ? goalList(['print-only']) : null,
  ];
}

/**
 * The handbook's "whose job is what" matrix: tiers and their units as columns, elements as
 * rows, each cell the status of one element in one charter. One model, three renderings:
 * Markdown (for a README), JSON (a stable, documented shape) and an HTML fragment (the site's
 * index and the VS Code matrix view).
 *
 * The model is plain data; `matrixJson` is exactly the model. Its shape is versioned
 * (`version: 1`) and documented in docs/previews.md.
 */
import { escapeControls } from '../text-safety';
import type { Element, ElementContent } from 'hast';
import type { FrameworkLookup } from '../framework/lookup';
import type { CharterSummary, ElementStatus, Lang, LocalText } from '../types';
import { reviewBadge, statusBadge } from './charter';
import { h, safeHref, toHtml, type Child } from './html';
import { label, statusDescription, statusEmoji, statusLabel, STATUSES } from './i18n';
import { reviewState, type ReviewState } from './review';

export const MATRIX_VERSION = 1;

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
  owner: string | undefined;
  title: string | undefined;
  lang: Lang;
  nextReview: string | undefined;
  review: ReviewState;
}

export interface MatrixCell {
  status: ElementStatus;
  owner: string | undefined;
  file: string;
  /** 1-based line of the element in the charter (1 when it is missing). */
  line: number;
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
  owner: string | undefined;
  tiers: string[];
  nextReview: string;
  /** Days since the review was due (> 0). */
  daysOverdue: number;
}

export interface MatrixModel {
  version: typeof MATRIX_VERSION;
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
  dueSoon: { file: string; unit: string | undefined; owner: string | undefined; nextReview: string; days: number }[];
  /** Tier ids no charter covers. */
  tiersWithoutCharter: string[];
  /** Charters that name no tier of the framework. */
  chartersWithoutTier: string[];
}

/** Build the matrix of a handbook from its charters' summaries. */
export function buildMatrix(summaries: CharterSummary[], lookup: FrameworkLookup, today: string): MatrixModel {
  const sorted = [...summaries].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
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
        owner: s.owner,
        title: s.title,
        lang: s.lang,
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
        const cell: MatrixCell = { status: e?.status ?? 'missing', owner: s.owner, file: s.file, line: e?.line ?? 1 };
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
    if (r.status === 'overdue') overdue.push({ file: s.file, unit: s.unit, owner: s.owner, tiers: s.tiers, nextReview: r.date!, daysOverdue: -r.days! });
    if (r.status === 'due-soon') dueSoon.push({ file: s.file, unit: s.unit, owner: s.owner, nextReview: r.date!, days: r.days! });
  }
  overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || (a.file < b.file ? -1 : 1));
  dueSoon.sort((a, b) => a.days - b.days || (a.file < b.file ? -1 : 1));
  return {
    version: MATRIX_VERSION,
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
    out.push(`| _${label(lang, 'owner')}_ | ${cols.map((c) => (c.owner ? mdCell(c.owner) : '–')).join(' | ')} |`);
    for (const row of model.rows.filter((r) => r.tier === tier.id)) {
      const cells = tier.columns.map((i) => {
        const cell = row.cells[i];
        if (!cell) return '';
        return cell.status === 'defined' ? statusEmoji('defined') : `${statusEmoji(cell.status)} ${statusLabel(cell.status, lang).toLowerCase()}`;
      });
      out.push(`| ${mdCell(row.name[lang])} | ${cells.join(' | ')} |`);
    }
    out.push('');
  }
  out.push(`### ${label(lang, 'overdue')}`, '');
  if (model.overdue.length === 0) out.push(label(lang, 'noOverdue'), '');
  else {
    for (const o of model.overdue) {
      out.push(`- ${linked(mdCell(o.unit ?? o.file), o.file)}${o.owner ? ` (${mdCell(o.owner)})` : ''}: ${o.nextReview}, ${label(lang, 'overdueDays', { days: o.daysOverdue })} – ${mdCell(o.file)}`);
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
          h('span', { className: ['unit-owner'] }, col.owner ?? label(lang, 'notSet')),
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
          const content = [badge, ' ', h('span', { className: ['cell-owner'] }, cell.owner ?? label(lang, 'notSet'))];
          const attrs = { dataFile: cell.file, dataLine: String(cell.line), dataElement: row.element, title: `${row.name[lang]}: ${statusDescription(cell.status, lang)}` };
          cells.push(h('td', { className: ['cell', `status-${cell.status}`] }, href ? h('a', { href, ...attrs }, content) : h('span', attrs, content)));
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
  const who = (unit: string | undefined, owner: string | undefined, file: string): Child[] => [
    h('span', { className: ['unit-name'] }, unit ?? file),
    owner ? [' ', h('span', { className: ['unit-owner'] }, owner)] : null,
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
                href ? h('a', { href, dataFile: o.file, dataLine: '1' }, who(o.unit, o.owner, o.file)) : who(o.unit, o.owner, o.file),
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
                return h('li', { dataFile: d.file }, href ? h('a', { href, dataFile: d.file, dataLine: '1' }, who(d.unit, d.owner, d.file)) : who(d.unit, d.owner, d.file), ' ', reviewBadge({ status: 'due-soon', date: d.nextReview, days: d.days }, lang));
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

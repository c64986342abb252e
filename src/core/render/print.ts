/**
 * Printing: the matrix cut into printable tables (one tier per table, at most PRINT_COLUMNS
 * charters side by side, so no column is ever cut off an A4 landscape page), and the one-file
 * print edition of the whole handbook (`charters render --print` → print.html): a cover with the
 * contents, the matrix, the follow-up summary, then every charter on its own pages. Chromium
 * prints it to PDF as it is; the stylesheet (media/charters.css, `@media print`) sets the page
 * sizes, breaks and repeated table headers.
 */
import type { Element } from 'hast';
import { renderCharterHast } from './charter';
import { changesSection, historyCharts, historyLabel, historyNote, historySummary } from './history';
import { h, toHtml } from './html';
import { label } from './i18n';
import { buildMatrix, matrixHast, type MatrixModel } from './matrix';
import { page } from './page';
import type { SiteInput } from './site';

/** Charters side by side in one printed table at most. */
export const PRINT_COLUMNS = 6;

/**
 * The model of one tier, its columns `from` to `to` (exclusive): what `matrixHast` draws as a
 * table of that tier alone. Every other field of the model is kept as it is.
 */
export function tierSlice(model: MatrixModel, tierId: string, from = 0, to = Number.POSITIVE_INFINITY): MatrixModel {
  const tier = model.tiers.find((t) => t.id === tierId);
  if (!tier) return { ...model, tiers: [], columns: [], rows: [] };
  const picked = tier.columns.slice(from, to);
  return {
    ...model,
    tiers: [{ ...tier, columns: picked.map((_, k) => k) }],
    columns: picked.map((i) => model.columns[i]!),
    rows: model.rows.filter((r) => r.tier === tierId).map((r) => ({ ...r, cells: picked.map((i) => r.cells[i] ?? null) })),
    coverage: model.coverage.filter((c) => c.tier === tierId),
    overdue: [],
    dueSoon: [],
    tiersWithoutCharter: model.tiersWithoutCharter.filter((t) => t === tierId),
    chartersWithoutTier: [],
  };
}

/**
 * The matrix as printable tables: per tier, in parts of at most PRINT_COLUMNS charters, each a
 * section that starts a new page only when it does not fit on the current one.
 */
export function printMatrix(model: MatrixModel, lang: SiteInput['lang'], linkFor: (file: string, line: number, elementId?: string) => string, idPrefix = 'print-'): Element {
  const parts: Element[] = [];
  for (const tier of model.tiers) {
    const count = Math.max(1, Math.ceil(tier.columns.length / PRINT_COLUMNS));
    for (let k = 0; k < count; k++) {
      const slice = tierSlice(model, tier.id, k * PRINT_COLUMNS, (k + 1) * PRINT_COLUMNS);
      const heading = count > 1 ? `${tier.name[lang]} (${k + 1}/${count})` : tier.name[lang];
      parts.push(h('section', { className: ['print-tier'] }, h('h3', { className: ['print-tier-name'] }, heading), matrixHast(slice, lang, linkFor, { idPrefix: `${idPrefix}${tier.id}-${k}-`, summary: false })));
    }
  }
  return h('div', { className: ['print-matrix'] }, parts);
}

export interface PrintInput extends SiteInput {
  /** Nonce of the inline stylesheet (the CSP allows only it). */
  cspNonce: string;
}

/** print.html: the whole handbook in one self-contained document, made to be printed. */
export function buildPrintEdition(input: PrintInput): string {
  const lang = input.lang;
  const charters = input.charters.filter((c) => c.summary).sort((a, b) => (a.charter.file < b.charter.file ? -1 : 1));
  const anchor = new Map(charters.map((c, i) => [c.charter.file, `charter-${i + 1}`]));
  const model = buildMatrix(
    charters.map((c) => c.summary!),
    input.lookup,
    input.today,
  );
  const linkFor = (file: string): string => {
    const a = anchor.get(file);
    return a ? `#${a}` : '';
  };
  const nameOf = (c: (typeof charters)[number]): string => c.summary!.unit ?? c.summary!.title ?? c.charter.file;
  const tierNames = (ids: string[]): string => ids.map((t) => input.lookup.tier(t)?.name[lang] ?? t).join(', ');

  const cover = h(
    'header',
    { className: ['print-cover'] },
    h('p', { className: ['site-kicker'] }, label(lang, 'siteTitle')),
    h('h1', {}, input.name),
    h('p', { className: ['site-subtitle'] }, label(lang, 'siteSubtitle')),
    h('p', { className: ['print-date'] }, label(lang, 'generated', { version: input.version ?? '', date: input.today })),
    h(
      'nav',
      { className: ['print-contents'], ariaLabel: printLabel(lang, 'contents') },
      h('h2', {}, printLabel(lang, 'contents')),
      h(
        'ol',
        {},
        h('li', {}, h('a', { href: '#matrix' }, label(lang, 'matrix'))),
        input.history ? h('li', {}, h('a', { href: '#follow-up' }, historyLabel(lang, 'summaryTitle'))) : null,
        charters.map((c) => h('li', {}, h('a', { href: `#${anchor.get(c.charter.file)!}` }, nameOf(c)), ' – ', tierNames(c.summary!.tiers), c.summary!.owner ? ` – ${c.summary!.owner}` : '')),
      ),
    ),
  );

  // The overview (coverage per tier, overdue reviews, gaps) comes from the full matrix view with
  // its wide table hidden; the table itself is printed per tier below it.
  const matrix = h(
    'section',
    { className: ['print-section', 'print-matrix-section'], id: 'matrix' },
    h('h2', {}, label(lang, 'matrix')),
    h('div', { className: ['print-overview'] }, matrixHast(model, lang, linkFor, { idPrefix: 'overview-' })),
    printMatrix(model, lang, linkFor),
  );

  const followUp = input.history
    ? h(
        'section',
        { className: ['print-section', 'print-follow-up'], id: 'follow-up' },
        h('h2', {}, historyLabel(lang, 'summaryTitle')),
        historyNote(input.history.series, lang),
        historySummary(input.history.series, lang),
        historyCharts(input.history.series, { lang, idPrefix: 'follow-up-', maxRows: 13, level: 3 }),
      )
    : null;

  const sections = charters.map((c, i) => {
    const id = anchor.get(c.charter.file)!;
    const rewriteLink = (href: string): string => rewriteToAnchor(href, c.charter.file, anchor);
    const changes = input.history?.changes.get(c.charter.file);
    return h(
      'section',
      { className: ['print-section', 'print-charter'], id, ariaLabel: nameOf(c) },
      renderCharterHast(c, input.lookup, { lang, today: input.today, idPrefix: `c${i + 1}-`, rewriteLink }),
      changes ? changesSection(changes.changes, changes.since, input.lookup, lang, `c${i + 1}-`) : null,
    );
  });

  const body = toHtml([h('main', { className: ['site-main', 'print-edition'] }, cover, matrix, followUp, sections)]);
  return page({ title: `${input.name} – ${printLabel(lang, 'edition')}`, lang, inlineCss: input.css, cspNonce: input.cspNonce, body, bodyClass: 'charters-page print-page' });
}

/** A relative link to another charter of the handbook becomes a link to its section. */
function rewriteToAnchor(href: string, file: string, anchors: Map<string, string>): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#') || href.startsWith('/')) return href;
  const path = /^([^?#]*)/.exec(href)?.[1] ?? '';
  let target: string;
  try {
    target = decodeURIComponent(path);
  } catch {
    return href;
  }
  const parts = file.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  const a = anchors.get(parts.join('/'));
  return a ? `#${a}` : href;
}

const PRINT_LABELS = {
  en: { contents: 'Contents', edition: 'print edition' },
  fi: { contents: 'Sisällys', edition: 'tulostettava versio' },
} as const;

function printLabel(lang: SiteInput['lang'], key: keyof (typeof PRINT_LABELS)['en']): string {
  return PRINT_LABELS[lang][key];
}

/**
 * Views of the handbook's history (src/core/history.ts): the site's history page (four line
 * charts, each with its numbers in a table beside it), the short history summary of the print
 * edition, and the "changed since the last review" section of a charter page.
 *
 * The charts are inline SVG built as hast (no script, no inline style: the CSP allows neither),
 * each `role="img"` with a `<title>` and a `<desc>` that says what it shows in words; the series
 * differ by dash pattern and marker as well as by colour. All text goes through the serialiser.
 */
import type { Element, ElementContent } from 'hast';
import type { FrameworkLookup } from '../framework/lookup';
import type { CharterChange, HistoryPoint, HistorySeries, TierPoint } from '../history';
import type { Lang } from '../types';
import { h, type Child } from './html';

const en = {
  title: 'Follow-up over time',
  subtitle: 'How the charters of the handbook have developed, from its git history.',
  perCommit: 'One point after each commit that changed the handbook ({commits} commits), and one for today.',
  perWeek: 'One point at the end of each week ({commits} commits that changed the handbook), from the first commit to today.',
  'note.shallow': 'This is a shallow clone: its history is cut off, so only today’s state is shown. Fetch the whole history (git fetch --unshallow) to see the development.',
  'note.no-git': 'The handbook is not in a git repository that could be read, so only today’s state is shown.',
  'note.no-commits': 'No commit touches the handbook yet, so only today’s state is shown.',
  latest: 'Now',
  first: 'At the start',
  chartDefined: 'Defined elements per tier',
  chartDefinedDesc: 'Elements defined completely (with content and a goal line) in each tier’s charters, {from} to {to}: {values}.',
  chartCharters: 'Charters per tier',
  chartChartersDesc: 'Number of charters of each tier, {from} to {to}: {values}.',
  chartOverdue: 'Overdue reviews',
  chartOverdueDesc: 'Charters whose next review date had passed, judged on each date, {from} to {to}: {values}.',
  chartGoals: 'Goal coverage',
  chartGoalsDesc: 'Share of the required elements that have at least one goal or indicator line, {from} to {to}: {values}.',
  allCharters: 'All charters',
  date: 'Date',
  commit: 'Commit',
  today: 'today',
  tableOf: 'Numbers of the chart “{chart}”',
  tableSampled: 'Every {step}th point shown (of {count}); the site’s history page lists them all.',
  backToIndex: 'Back to the handbook',
  historyLink: 'Follow-up over time',
  summaryTitle: 'Follow-up summary',
  summaryCharters: 'Charters',
  summaryDefined: 'Defined elements',
  summaryGoals: 'Elements with a goal line',
  summaryOverdue: 'Overdue reviews',
  changesTitle: 'Changed since the last review ({date})',
  changesNone: 'No commit has changed this charter since it was last reviewed.',
  changesCount: '{count} commits have changed this charter since it was last reviewed.',
  changesCount1: 'One commit has changed this charter since it was last reviewed.',
  changesUncommitted: 'Changes not yet committed are not listed.',
  'kind.added': 'charter created',
  'kind.deleted': 'charter removed',
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
  otherText: 'other text only (frontmatter, introduction or formatting)',
};

type Key = keyof typeof en;

const fi: Record<Key, string> = {
  title: 'Seuranta ajan mittaan',
  subtitle: 'Miten käsikirjan peruskirjat ovat kehittyneet, sen git-historiasta.',
  perCommit: 'Yksi piste jokaisen käsikirjaa muuttaneen muutoksen (commit) jälkeen ({commits} muutosta) ja yksi tälle päivälle.',
  perWeek: 'Yksi piste kunkin viikon lopussa ({commits} käsikirjaa muuttanutta muutosta) ensimmäisestä muutoksesta tähän päivään.',
  'note.shallow': 'Tämä on matala klooni (shallow clone): sen historia on katkaistu, joten näytetään vain nykytila. Hae koko historia (git fetch --unshallow) nähdäksesi kehityksen.',
  'note.no-git': 'Käsikirja ei ole luettavassa git-tietovarastossa, joten näytetään vain nykytila.',
  'note.no-commits': 'Mikään muutos (commit) ei vielä koske käsikirjaa, joten näytetään vain nykytila.',
  latest: 'Nyt',
  first: 'Alussa',
  chartDefined: 'Määritellyt osa-alueet johtotasoittain',
  chartDefinedDesc: 'Kokonaan määritellyt osa-alueet (sisältö ja tavoiterivi) kunkin johtotason peruskirjoissa, {from}–{to}: {values}.',
  chartCharters: 'Peruskirjat johtotasoittain',
  chartChartersDesc: 'Kunkin johtotason peruskirjojen määrä, {from}–{to}: {values}.',
  chartOverdue: 'Myöhässä olevat katselmoinnit',
  chartOverdueDesc: 'Peruskirjat, joiden seuraava katselmointipäivä oli ohitettu kunakin päivänä, {from}–{to}: {values}.',
  chartGoals: 'Tavoitteiden kattavuus',
  chartGoalsDesc: 'Osuus vaadituista osa-alueista, joilla on vähintään yksi tavoite- tai mittaririvi, {from}–{to}: {values}.',
  allCharters: 'Kaikki peruskirjat',
  date: 'Päivä',
  commit: 'Muutos',
  today: 'tänään',
  tableOf: 'Kaavion ”{chart}” luvut',
  tableSampled: 'Näytetään joka {step}. piste ({count} pisteestä); sivuston seurantasivulla ovat kaikki.',
  backToIndex: 'Takaisin käsikirjaan',
  historyLink: 'Seuranta ajan mittaan',
  summaryTitle: 'Seurannan yhteenveto',
  summaryCharters: 'Peruskirjat',
  summaryDefined: 'Määritellyt osa-alueet',
  summaryGoals: 'Osa-alueet, joilla on tavoiterivi',
  summaryOverdue: 'Myöhässä olevat katselmoinnit',
  changesTitle: 'Muutokset edellisen katselmoinnin ({date}) jälkeen',
  changesNone: 'Mikään muutos (commit) ei ole muuttanut tätä peruskirjaa edellisen katselmoinnin jälkeen.',
  changesCount: '{count} muutosta (commit) on muuttanut tätä peruskirjaa edellisen katselmoinnin jälkeen.',
  changesCount1: 'Yksi muutos (commit) on muuttanut tätä peruskirjaa edellisen katselmoinnin jälkeen.',
  changesUncommitted: 'Muutoksia, joita ei ole vielä tallennettu gitiin (commit), ei luetella.',
  'kind.added': 'peruskirja luotu',
  'kind.deleted': 'peruskirja poistettu',
  added: 'Lisätty',
  removed: 'Poistettu',
  changed: 'Muutettu',
  otherText: 'vain muuta tekstiä (frontmatter, johdanto tai muotoilu)',
};

const CATALOGUE: Record<Lang, Record<Key, string>> = { en, fi };

export function historyLabel(lang: Lang, key: Key, params: Record<string, string | number> = {}): string {
  return CATALOGUE[lang][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

// ---------------------------------------------------------------------------------------------
// Line charts

/** One line of a chart. */
interface Line {
  name: string;
  values: number[];
}

interface ChartSpec {
  id: string;
  title: string;
  desc: string;
  dates: string[];
  lines: Line[];
  /** Values are percentages (0–100). */
  percent?: boolean;
}

const W = 720;
const H = 260;
const M = { left: 52, right: 20, top: 14, bottom: 40 };
/** Dash patterns, so that lines differ without colour. */
const DASHES = ['', '8 4', '2 4', '12 4 2 4', '4 4'];
const MARKERS = 60;

/** A round step for about four grid lines up to `max`. */
function niceStep(max: number, percent: boolean): number {
  if (percent) return 25;
  if (max <= 4) return 1;
  const raw = max / 4;
  const pow = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * pow >= raw) return m * pow;
  return 10 * pow;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** An inline SVG line chart with a title, a description, axes with labels, and a legend. */
function lineChart(spec: ChartSpec): Element {
  const max = Math.max(1, ...spec.lines.flatMap((l) => l.values));
  const step = niceStep(spec.percent ? 100 : max, spec.percent === true);
  const top = spec.percent ? 100 : Math.ceil(max / step) * step;
  const times = spec.dates.map((d) => Date.parse(d));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const x = (i: number): number => (t1 === t0 ? M.left + plotW / 2 : M.left + ((times[i]! - t0) / (t1 - t0)) * plotW);
  const y = (v: number): number => M.top + plotH - (v / top) * plotH;
  const r = (n: number): string => n.toFixed(1);

  const grid: ElementContent[] = [];
  for (let v = 0; v <= top + 1e-9; v += step) {
    grid.push(h('line', { className: ['grid'], x1: r(M.left), x2: r(W - M.right), y1: r(y(v)), y2: r(y(v)), stroke: 'currentColor', strokeOpacity: '0.2' }));
    grid.push(h('text', { className: ['axis'], x: r(M.left - 6), y: r(y(v) + 4), textAnchor: 'end', fill: 'currentColor', fontSize: '12' }, spec.percent ? `${v} %` : fmt(v)));
  }
  const n = spec.dates.length;
  const ticks = n <= 1 ? [0] : n === 2 ? [0, 1] : [0, Math.floor((n - 1) / 2), n - 1];
  for (const [k, i] of ticks.entries()) {
    const anchor = ticks.length === 1 ? 'middle' : k === 0 ? 'start' : k === ticks.length - 1 ? 'end' : 'middle';
    grid.push(h('text', { className: ['axis'], x: r(x(i)), y: r(H - M.bottom + 18), textAnchor: anchor, fill: 'currentColor', fontSize: '12' }, spec.dates[i]!));
  }
  grid.push(h('line', { className: ['axis-line'], x1: r(M.left), x2: r(W - M.right), y1: r(y(0)), y2: r(y(0)), stroke: 'currentColor' }));

  const lines: ElementContent[] = spec.lines.map((line, li) => {
    const pts = line.values.map((v, i) => `${r(x(i))},${r(y(v))}`);
    const markers = (n <= MARKERS ? line.values.map((_, i) => i) : [n - 1]).map((i) => marker(li, x(i), y(line.values[i]!)));
    return h(
      'g',
      { className: ['series', `series-${li % DASHES.length}`] },
      n > 1 ? h('polyline', { points: pts.join(' '), fill: 'none', stroke: 'currentColor', strokeWidth: '2.5', strokeDasharray: DASHES[li % DASHES.length] || undefined, strokeLinejoin: 'round' }) : null,
      markers,
    );
  });

  const titleId = `${spec.id}-title`;
  const descId = `${spec.id}-desc`;
  const svg = h(
    'svg',
    { className: ['chart'], viewBox: `0 0 ${W} ${H}`, role: 'img', ariaLabelledBy: [titleId, descId], xmlns: 'http://www.w3.org/2000/svg', preserveAspectRatio: 'xMidYMid meet' },
    h('title', { id: titleId }, spec.title),
    h('desc', { id: descId }, spec.desc),
    grid,
    lines,
  );
  const legend = h(
    'ul',
    { className: ['chart-legend'], ariaHidden: 'true' },
    spec.lines.map((line, li) =>
      h(
        'li',
        { className: ['series', `series-${li % DASHES.length}`] },
        h(
          'svg',
          { className: ['swatch'], viewBox: '0 0 40 12', width: '40', height: '12', ariaHidden: 'true', focusable: 'false' },
          h('line', { x1: '2', x2: '38', y1: '6', y2: '6', stroke: 'currentColor', strokeWidth: '2.5', strokeDasharray: DASHES[li % DASHES.length] || undefined }),
          marker(li, 20, 6),
        ),
        ' ',
        line.name,
      ),
    ),
  );
  return h('div', { className: ['chart-figure'] }, svg, spec.lines.length > 1 ? legend : null);
}

/** A marker shape per series: circle, square, triangle, diamond, cross. */
function marker(series: number, cx: number, cy: number): Element {
  const r = (n: number): string => n.toFixed(1);
  switch (series % 5) {
    case 0:
      return h('circle', { cx: r(cx), cy: r(cy), r: '3.5', fill: 'currentColor' });
    case 1:
      return h('rect', { x: r(cx - 3.5), y: r(cy - 3.5), width: '7', height: '7', fill: 'currentColor' });
    case 2:
      return h('polygon', { points: `${r(cx)},${r(cy - 4.5)} ${r(cx + 4.5)},${r(cy + 3.5)} ${r(cx - 4.5)},${r(cy + 3.5)}`, fill: 'currentColor' });
    case 3:
      return h('polygon', { points: `${r(cx)},${r(cy - 5)} ${r(cx + 5)},${r(cy)} ${r(cx)},${r(cy + 5)} ${r(cx - 5)},${r(cy)}`, fill: 'currentColor' });
    default:
      return h('path', { d: `M${r(cx - 4)} ${r(cy - 4)}L${r(cx + 4)} ${r(cy + 4)}M${r(cx + 4)} ${r(cy - 4)}L${r(cx - 4)} ${r(cy + 4)}`, stroke: 'currentColor', strokeWidth: '2', fill: 'none' });
  }
}

// ---------------------------------------------------------------------------------------------
// The history view

export interface HistoryViewOptions {
  lang: Lang;
  /** Prefix of element ids (the print edition holds several views in one document). */
  idPrefix?: string;
  /** At most this many rows per table (evenly spaced, first and last kept); default all. */
  maxRows?: number;
  /** Heading level of the charts' headings (default 2). */
  level?: 2 | 3;
}

interface Metric {
  key: 'defined' | 'charters' | 'overdue' | 'goals';
  title: Key;
  desc: Key;
  /** Lines per tier, or one line for all charters. */
  perTier: boolean;
  percent?: boolean;
  value: (p: TierPoint) => number;
  /** The table's cell text. */
  cell: (p: TierPoint) => string;
}

const pct = (p: TierPoint): number => (p.required === 0 ? 0 : Math.round((p.withGoal / p.required) * 1000) / 10);

const METRICS: Metric[] = [
  { key: 'defined', title: 'chartDefined', desc: 'chartDefinedDesc', perTier: true, value: (p) => p.defined, cell: (p) => `${p.defined} / ${p.required}` },
  { key: 'charters', title: 'chartCharters', desc: 'chartChartersDesc', perTier: true, value: (p) => p.charters, cell: (p) => String(p.charters) },
  { key: 'overdue', title: 'chartOverdue', desc: 'chartOverdueDesc', perTier: false, value: (p) => p.overdue, cell: (p) => String(p.overdue) },
  { key: 'goals', title: 'chartGoals', desc: 'chartGoalsDesc', perTier: true, percent: true, value: pct, cell: (p) => `${fmt(pct(p))} % (${p.withGoal} / ${p.required})` },
];

/** Rows to show: all, or at most `max` evenly spaced (first and last always). */
function rowIndices(count: number, max: number | undefined): { indices: number[]; step: number } {
  if (max === undefined || count <= max) return { indices: [...Array(count).keys()], step: 1 };
  const step = Math.ceil((count - 1) / (max - 1));
  const indices: number[] = [];
  for (let i = 0; i < count - 1; i += step) indices.push(i);
  indices.push(count - 1);
  return { indices, step };
}

/** The charts and their tables (the history page's body, and the print edition's summary). */
export function historyCharts(series: HistorySeries, o: HistoryViewOptions): Element[] {
  const lang = o.lang;
  const p = o.idPrefix ?? '';
  const points = series.points;
  const dates = points.map((pt) => pt.date);
  const tierName = (id: string): string => series.tiers.find((t) => t.id === id)?.name[lang] ?? id;
  const hn = `h${o.level ?? 2}`;
  const isToday = (pt: HistoryPoint, i: number): boolean => i > 0 && pt.commit !== null && pt.commit === points[i - 1]!.commit && series.granularity === 'commit';
  return METRICS.map((metric) => {
    const lines: Line[] = metric.perTier
      ? series.tiers.map((t) => ({ name: tierName(t.id), values: points.map((pt) => metric.value(pt.tiers[t.id] ?? zero())) }))
      : [{ name: historyLabel(lang, 'allCharters'), values: points.map((pt) => metric.value(pt)) }];
    const values = lines.map((l) => `${l.name} ${fmt(l.values[0] ?? 0)}${metric.percent ? ' %' : ''} → ${fmt(l.values[l.values.length - 1] ?? 0)}${metric.percent ? ' %' : ''}`).join('; ');
    const title = historyLabel(lang, metric.title);
    const id = `${p}chart-${metric.key}`;
    const chart = lineChart({ id, title, desc: historyLabel(lang, metric.desc, { from: dates[0] ?? '', to: dates[dates.length - 1] ?? '', values }), dates, lines, percent: metric.percent === true });
    const { indices, step } = rowIndices(points.length, o.maxRows);
    const columns = metric.perTier ? series.tiers.map((t) => ({ name: tierName(t.id), get: (pt: HistoryPoint) => metric.cell(pt.tiers[t.id] ?? zero()) })) : [{ name: historyLabel(lang, 'allCharters'), get: (pt: HistoryPoint) => metric.cell(pt) }];
    const table = h(
      'div',
      { className: ['history-table'], role: 'region', tabIndex: 0, ariaLabel: historyLabel(lang, 'tableOf', { chart: title }) },
      h(
        'table',
        { className: ['numbers'] },
        h('caption', {}, historyLabel(lang, 'tableOf', { chart: title }), step > 1 ? [' ', h('span', { className: ['sampled'] }, historyLabel(lang, 'tableSampled', { step, count: points.length }))] : null),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, historyLabel(lang, 'date')), series.granularity === 'snapshot' ? null : h('th', { scope: 'col' }, historyLabel(lang, 'commit')), columns.map((c) => h('th', { scope: 'col', className: ['num'] }, c.name)))),
        h(
          'tbody',
          {},
          indices.map((i) => {
            const pt = points[i]!;
            return h(
              'tr',
              {},
              h('th', { scope: 'row' }, pt.date),
              series.granularity === 'snapshot' ? null : h('td', {}, pt.commit ? h('code', {}, pt.commit.slice(0, 7)) : null, isToday(pt, i) ? ` (${historyLabel(lang, 'today')})` : null),
              columns.map((c) => h('td', { className: ['num'] }, c.get(pt))),
            );
          }),
        ),
      ),
    );
    return h('section', { className: ['card', 'history-metric', `history-${metric.key}`], ariaLabelledBy: [`${id}-h`] }, h(hn, { id: `${id}-h` }, title), h('div', { className: ['history-pair'] }, chart, table));
  });
}

const zero = (): TierPoint => ({ charters: 0, overdue: 0, defined: 0, required: 0, withGoal: 0 });

/** What the series is made of: per commit, per week, or a snapshot and why. */
export function historyNote(series: HistorySeries, lang: Lang): Element {
  if (series.granularity === 'snapshot') return h('p', { className: ['history-note', 'note-warning'], role: 'note' }, historyLabel(lang, `note.${series.note ?? 'no-git'}`));
  return h('p', { className: ['history-note'] }, historyLabel(lang, series.granularity === 'week' ? 'perWeek' : 'perCommit', { commits: series.commits }));
}

/** First and latest numbers side by side. */
export function historySummary(series: HistorySeries, lang: Lang): Element {
  const first = series.points[0];
  const last = series.points[series.points.length - 1];
  const row = (key: Key, get: (pt: HistoryPoint) => string): Element => h('tr', {}, h('th', { scope: 'row' }, historyLabel(lang, key)), series.points.length > 1 ? h('td', { className: ['num'] }, first ? get(first) : '') : null, h('td', { className: ['num'] }, last ? get(last) : ''));
  return h(
    'table',
    { className: ['history-summary'] },
    h('thead', {}, h('tr', {}, h('td', {}), series.points.length > 1 ? h('th', { scope: 'col' }, `${historyLabel(lang, 'first')} (${first?.date ?? ''})`) : null, h('th', { scope: 'col' }, `${historyLabel(lang, 'latest')} (${last?.date ?? ''})`))),
    h(
      'tbody',
      {},
      row('summaryCharters', (pt) => String(pt.charters)),
      row('summaryDefined', (pt) => `${pt.defined} / ${pt.required}`),
      row('summaryGoals', (pt) => `${pt.withGoal} / ${pt.required}`),
      row('summaryOverdue', (pt) => String(pt.overdue)),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// "Changed since the last review" on a charter page

export function changesSection(changes: CharterChange[], since: string, lookup: FrameworkLookup, lang: Lang, idPrefix = ''): Element {
  const name = (id: string): string => lookup.element(id)?.name[lang] ?? id;
  const titleId = `${idPrefix}changes-since-review`;
  const items = [...changes].reverse().map((c) => {
    const parts: Child[] = [];
    const list = (key: 'added' | 'removed' | 'changed', refs: { elementId: string }[]): Child =>
      refs.length > 0 ? h('li', { className: [`change-${key}`] }, h('span', { className: ['change-kind'] }, `${historyLabel(lang, key)}:`), ' ', refs.map((r) => name(r.elementId)).join(', ')) : null;
    parts.push(list('added', c.added), list('removed', c.removed), list('changed', c.changed));
    const empty = c.added.length + c.removed.length + c.changed.length === 0;
    return h(
      'li',
      { className: ['change'] },
      h('span', { className: ['date'] }, c.date),
      ' ',
      h('code', { className: ['commit'] }, c.commit.slice(0, 7)),
      ' ',
      h('span', { className: ['subject'] }, c.subject),
      c.kind !== 'modified' ? [' ', h('span', { className: ['change-file'] }, `(${historyLabel(lang, `kind.${c.kind}`)})`)] : null,
      empty ? h('ul', {}, h('li', { className: ['change-other'] }, historyLabel(lang, 'otherText'))) : h('ul', {}, parts),
    );
  });
  return h(
    'section',
    { className: ['card', 'charter-changes'], ariaLabelledBy: [titleId] },
    h('h2', { id: titleId }, historyLabel(lang, 'changesTitle', { date: since })),
    h('p', {}, changes.length === 0 ? historyLabel(lang, 'changesNone') : changes.length === 1 ? historyLabel(lang, 'changesCount1') : historyLabel(lang, 'changesCount', { count: changes.length }), ' ', historyLabel(lang, 'changesUncommitted')),
    items.length > 0 ? h('ol', { className: ['changes'] }, items) : null,
  );
}

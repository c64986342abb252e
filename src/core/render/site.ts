/**
 * The static site of a handbook, as a list of files to write: `index.html` (the matrix, the
 * charters, coverage, overdue reviews, gaps), one page per charter (its path mirrors the
 * charter's, `.md` → `.html`) and `charters.css`. Pure: the CLI writes the files, after its own
 * checks that every path stays inside the output directory.
 */
import type { Element, ElementContent } from 'hast';
import type { FrameworkLookup } from '../framework/lookup';
import type { CharterLint } from '../lint';
import type { CharterSummary, Finding, Lang, SkippedFile } from '../types';
import { renderCharterHast, reviewBadge } from './charter';
import { h, safeHref, toHtml, withCode } from './html';
import { label } from './i18n';
import { ownersOf, type Owner } from '../owners';
import { buildLeaders, leaderHast, leaderListHast, leaderPaths } from './leader';
import type { CharterChange, HistorySeries } from '../history';
import { changesSection, historyCharts, historyLabel, historyNote, historySummary } from './history';
import { buildMatrix, matrixHast } from './matrix';
import { page } from './page';
import { printMatrix } from './print';
import { reviewState } from './review';

/** Written into the output directory; a directory holding it was made by `charters render`. */
export const SITE_MARKER = '.charters-site.json';
export const SITE_CSS = 'charters.css';
export const SITE_INDEX = 'index.html';
/** The history page (written when the site is given a history). */
export const SITE_HISTORY = 'history.html';
/** The one-file print edition (`charters render --print`). */
export const SITE_PRINT = 'print.html';
const RESERVED = new Set([SITE_MARKER, SITE_CSS, SITE_INDEX, SITE_HISTORY, SITE_PRINT].map((s) => s.toLowerCase()));

/**
 * The output path of a charter's page: its handbook-relative path with `.md` (or `.markdown`…)
 * replaced by `.html`; undefined when the path could leave the output directory or is otherwise
 * unusable (absolute, a drive letter, `..` or `.` segments, empty segments, control characters,
 * backslashes). The CLI still checks the resolved path and symlinks before writing.
 */
export function sitePagePath(file: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (file === '' || /[\u0000-\u001f\u007f\\]/.test(file)) return undefined;
  if (file.startsWith('/') || /^[A-Za-z]:/.test(file)) return undefined;
  const segments = file.split('/');
  for (const s of segments) {
    if (s === '' || s === '.' || s === '..' || s.trim() === '' || /^\.+$/.test(s.trim())) return undefined;
  }
  const last = segments.pop()!;
  const base = last.replace(/\.(md|markdown|mdown|mkd)$/i, '');
  if (base === '') return undefined;
  return [...segments, `${base}.html`].join('/');
}

/** `to` relative to the directory of `from` (both site-relative, `/`-separated). */
export function relativeHref(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  const rel = [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
  return rel.split('/').map(encodeURIComponent).join('/');
}

export interface SiteInput {
  /** Lint results of the handbook's charters; `charter.file` is handbook-relative with `/`. */
  charters: CharterLint[];
  lookup: FrameworkLookup;
  /** Language of the site's labels. */
  lang: Lang;
  today: string;
  /** The handbook's name, shown in titles (e.g. its directory name). */
  name: string;
  /** Content of the stylesheet written as `charters.css`. */
  css: string;
  /** Handbook-level findings (tier without a charter, …). */
  handbookFindings?: Finding[];
  /** Files that could not be read, shown on the index. */
  skipped?: SkippedFile[];
  /** Tool version for the footer. */
  version?: string;
  /** The handbook's history: adds history.html and "changed since the last review" to charter pages. */
  history?: SiteHistory;
}

export interface SiteHistory {
  series: HistorySeries;
  /** Per charter (handbook-relative path) with a `reviewed:` date: the commits since then. */
  changes: Map<string, { since: string; changes: CharterChange[] }>;
}

export interface SiteFile {
  /** Site-relative path with `/` separators. */
  path: string;
  text: string;
}

export interface Site {
  files: SiteFile[];
  /** Page of each charter, by its handbook-relative path. */
  pages: Map<string, string>;
  /** Charters with no page because their path was unsafe. */
  rejected: string[];
  /** Page of each leader (`leaders/<slug>.html`), by owner identity key. */
  leaders: Map<string, string>;
}

export function buildSite(input: SiteInput): Site {
  const lang = input.lang;
  const charters = input.charters.filter((c) => c.summary).sort((a, b) => (a.charter.file < b.charter.file ? -1 : 1));
  const pages = new Map<string, string>();
  const taken = new Set(RESERVED);
  const rejected: string[] = [];
  for (const c of charters) {
    let path = sitePagePath(c.charter.file);
    if (!path) {
      rejected.push(c.charter.file);
      continue;
    }
    for (let n = 2; taken.has(path.toLowerCase()); n++) path = path.replace(/(?:-\d+)?\.html$/, `-${n}.html`);
    taken.add(path.toLowerCase());
    pages.set(c.charter.file, path);
  }
  const summaries: CharterSummary[] = charters.map((c) => c.summary!);
  const byFile = new Map(charters.map((c) => [c.charter.file, c.charter]));
  const model = buildMatrix(summaries, input.lookup, input.today, (file) => byFile.get(file));
  const leaders = buildLeaders(charters, input.today);
  const leaderPages = leaderPaths(leaders, taken);
  const files: SiteFile[] = [];

  const footer = (): Element =>
    h('footer', { className: ['site-footer'] }, label(lang, 'generated', { version: input.version ?? '', date: input.today }));
  const cssHref = (from: string): string => relativeHref(from, SITE_CSS);
  const siteTitle = `${label(lang, 'siteTitle')} – ${input.name}`;

  // ---- charter pages
  for (const c of charters) {
    const path = pages.get(c.charter.file);
    if (!path) continue;
    const rewriteLink = (href: string): string => rewriteCharterLink(href, c.charter.file, path, pages);
    const article = renderCharterHast(c, input.lookup, { lang, today: input.today, rewriteLink });
    const nav = h('nav', { className: ['site-nav'], ariaLabel: input.name }, h('a', { href: relativeHref(path, SITE_INDEX) }, '← ', label(lang, 'backToIndex')), ' ', h('span', { className: ['site-name'] }, siteTitle));
    const changes = input.history?.changes.get(c.charter.file);
    const main = h('main', { className: ['site-main'] }, article, changes ? changesSection(changes.changes, changes.since, input.lookup, lang) : null);
    const tierNames = c.charter.tiers.map((t) => input.lookup.tier(t)?.name[c.charter.lang] ?? t).join(', ');
    const title = [c.charter.title?.text ?? c.charter.unit ?? c.charter.file, tierNames].filter(Boolean).join(' – ');
    files.push({ path, text: page({ title, lang, cssHref: cssHref(path), body: toHtml([nav, main, footer()]) }) });
  }

  // ---- leader pages: what each owner's part is
  for (const leader of leaders) {
    const path = leaderPages.get(leader.key)!;
    const linkFor = (file: string, _line: number, anchor?: string): string => {
      const target = pages.get(file);
      return target ? `${relativeHref(path, target)}${anchor ? `#${anchor}` : ''}` : '';
    };
    const rewriteLink = (file: string, href: string): string => rewriteCharterLink(href, file, path, pages);
    const nav = h('nav', { className: ['site-nav'], ariaLabel: input.name }, h('a', { href: relativeHref(path, SITE_INDEX) }, '← ', label(lang, 'backToIndex')), ' ', h('span', { className: ['site-name'] }, siteTitle));
    const head = h('header', { className: ['site-header', 'leader-header'] }, h('p', { className: ['site-kicker'] }, input.name), h('h1', {}, label(lang, 'leaderTitle', { name: leader.name })), h('p', { className: ['site-subtitle'] }, label(lang, 'leaderSubtitle', { name: leader.name })));
    const main = h('main', { className: ['site-main'] }, leaderHast(leader, input.lookup, { lang, today: input.today, linkFor, rewriteLink }));
    files.push({ path, text: page({ title: `${label(lang, 'leaderTitle', { name: leader.name })} – ${input.name}`, lang, cssHref: cssHref(path), body: toHtml([nav, head, main, footer()]), bodyClass: 'charters-page leader-page' }) });
  }

  // ---- index
  // A cell opens the charter at the element's section, or at its checklist entry when missing.
  const linkFor = (file: string, _line: number, elementId?: string): string => {
    const target = pages.get(file);
    if (!target) return '';
    if (!elementId) return relativeHref(SITE_INDEX, target);
    const status = summaries.find((s) => s.file === file)?.elements.find((e) => e.elementId === elementId)?.status;
    return `${relativeHref(SITE_INDEX, target)}#${status === 'missing' ? 'check' : 'el'}-${elementId}`;
  };
  const header = h(
    'header',
    { className: ['site-header'] },
    h('p', { className: ['site-kicker'] }, input.name),
    h('h1', {}, label(lang, 'siteTitle')),
    h('p', { className: ['site-subtitle'] }, label(lang, 'siteSubtitle')),
    input.history ? h('p', { className: ['site-links'] }, h('a', { href: SITE_HISTORY }, historyLabel(lang, 'historyLink'))) : null,
  );
  const ownerHref = (key: string): string | undefined => {
    const target = leaderPages.get(key);
    return target ? relativeHref(SITE_INDEX, target) : undefined;
  };
  const list = charterList(charters, pages, input, linkFor, ownerHref);
  const extras: ElementContent[] = [];
  const hbFindings = input.handbookFindings ?? [];
  if (hbFindings.length > 0) {
    extras.push(
      h(
        'section',
        { className: ['card', 'handbook-findings'] },
        h('h2', {}, label(lang, 'handbookFindings')),
        h('ul', { className: ['findings'] }, hbFindings.map((f) => h('li', { className: ['finding', `severity-${f.severity}`] }, h('span', { className: ['severity', `severity-${f.severity}`] }, label(lang, `severity.${f.severity}`)), ' ', h('span', { className: ['finding-reason'] }, withCode(f.reason)), ' ', safeHref(f.url) ? h('a', { className: ['finding-rule'], href: safeHref(f.url) }, f.ruleId) : null))),
      ),
    );
  }
  const skipped = [...(input.skipped ?? []), ...rejected.map((file) => ({ file, reason: 'unsafe output path' }))];
  if (skipped.length > 0) {
    extras.push(h('section', { className: ['card', 'skipped'] }, h('h2', {}, label(lang, 'skippedFiles')), h('ul', {}, skipped.map((s) => h('li', {}, h('code', {}, s.file), ': ', s.reason)))));
  }
  const main = h('main', { className: ['site-main'] }, h('section', { className: ['matrix-section'] }, h('h2', { className: ['visually-hidden'] }, label(lang, 'matrix')), matrixHast(model, lang, linkFor, { linkForOwner: (_name, key) => ownerHref(key) }), h('div', { className: ['print-only'] }, printMatrix(model, lang, linkFor))), list, leaders.length > 0 ? leaderListHast(leaders, lang, ownerHref) : null, extras);
  files.unshift({ path: SITE_INDEX, text: page({ title: siteTitle, lang, cssHref: SITE_CSS, body: toHtml([header, main, footer()]), bodyClass: 'charters-page site-index' }) });
  if (input.history) files.push({ path: SITE_HISTORY, text: historyPage(input, input.history.series, siteTitle, footer()) });
  files.push({ path: SITE_CSS, text: input.css });
  return { files, pages, rejected, leaders: leaderPages };
}

/** history.html: the follow-up charts, each with its numbers. */
function historyPage(input: SiteInput, series: HistorySeries, siteTitle: string, footer: Element): string {
  const lang = input.lang;
  const nav = h('nav', { className: ['site-nav'], ariaLabel: input.name }, h('a', { href: SITE_INDEX }, '← ', label(lang, 'backToIndex')), ' ', h('span', { className: ['site-name'] }, siteTitle));
  const header = h('header', { className: ['site-header'] }, h('p', { className: ['site-kicker'] }, input.name), h('h1', {}, historyLabel(lang, 'title')), h('p', { className: ['site-subtitle'] }, historyLabel(lang, 'subtitle')), historyNote(series, lang));
  const main = h('main', { className: ['site-main', 'history-view'] }, h('section', { className: ['card', 'history-summary-card'], ariaLabel: historyLabel(lang, 'summaryTitle') }, historySummary(series, lang)), historyCharts(series, { lang }));
  return page({ title: `${historyLabel(lang, 'title')} – ${input.name}`, lang, cssHref: SITE_CSS, body: toHtml([nav, header, main, footer]), bodyClass: 'charters-page site-history' });
}

function charterList(charters: CharterLint[], pages: Map<string, string>, input: SiteInput, linkFor: (file: string, line: number) => string, ownerHref: (key: string) => string | undefined): Element {
  const lang = input.lang;
  const rows = charters.map((c) => {
    const s = c.summary!;
    const defined = s.elements.filter((e) => e.status === 'defined').length;
    const href = pages.has(s.file) ? linkFor(s.file, 1) : '';
    const name = s.unit ?? s.title ?? s.file;
    const tiers = s.tiers.map((t) => input.lookup.tier(t)?.name[lang] ?? t).join(', ');
    return h(
      'tr',
      {},
      h('th', { scope: 'row' }, href ? h('a', { href }, name) : name, h('span', { className: ['charter-file'] }, s.file)),
      h('td', {}, tiers || h('span', { className: ['unset'] }, label(lang, 'noTier'))),
      h('td', {}, ownerCell(ownersOf(c.charter.frontmatter.data), ownerHref) ?? h('span', { className: ['unset'] }, label(lang, 'notSet'))),
      h('td', {}, s.nextReview ?? '', ' ', reviewBadge(reviewState(s.nextReview, input.today), lang)),
      h('td', { className: ['num'] }, s.elements.length > 0 ? label(lang, 'coverageOf', { defined, required: s.elements.length }) : '–'),
    );
  });
  return h(
    'section',
    { className: ['card', 'charter-list'] },
    h('h2', {}, label(lang, 'allCharters')),
    charters.length === 0
      ? h('p', {}, label(lang, 'noCharters'))
      : h(
          'div',
          { className: ['table-scroll'] },
          h(
            'table',
            { className: ['charters'] },
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, label(lang, 'unit')), h('th', { scope: 'col' }, label(lang, 'tiers')), h('th', { scope: 'col' }, label(lang, 'owner')), h('th', { scope: 'col' }, label(lang, 'nextReview')), h('th', { scope: 'col' }, label(lang, 'coverage')))),
            h('tbody', {}, rows),
          ),
        ),
  );
}

/** The owners of a charter, each linked to their leader page; undefined when there are none. */
function ownerCell(owners: Owner[], hrefOf: (key: string) => string | undefined): ElementContent[] | undefined {
  if (owners.length === 0) return undefined;
  return owners.flatMap((o, i) => {
    const href = safeHref(hrefOf(o.key));
    const name: ElementContent = href ? h('a', { href, className: ['owner-link'] }, o.name) : { type: 'text', value: o.name };
    return i > 0 ? [{ type: 'text', value: ', ' }, name] : [name];
  });
}

/** A link in a charter to another charter of the handbook points to that charter's page. */
function rewriteCharterLink(href: string, file: string, page: string, pages: Map<string, string>): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#') || href.startsWith('/') || href.startsWith('//')) return href;
  const m = /^([^?#]*)(\?[^#]*)?(#.*)?$/.exec(href);
  if (!m || !m[1]) return href;
  let target: string;
  try {
    target = decodeURIComponent(m[1]);
  } catch {
    return href;
  }
  const parts = file.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') {
      if (parts.length === 0) return href;
      parts.pop();
    } else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  const to = pages.get(parts.join('/'));
  return to ? relativeHref(page, to) + (m[3] ?? '') : href;
}

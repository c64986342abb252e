/**
 * "What is my part": one view per person named as owner. It lists the charters they own (alone
 * or with others), every element of those charters with its text and goals, the next review and
 * the open findings. The static site writes it as `leaders/<slug>.html`; the editor shows the
 * same tree in a webview. Pure.
 *
 * A person is an owner identity (`ownerKey`: the normalised name, case-folded), so `Anna Laine`
 * in one charter and `anna  laine` in another are one page, titled as first written (charters in
 * path order). The element text goes through the same sanitising pipeline as the charter preview
 * (`renderBody`: remark → rehype-sanitize), every other value is a text node of a hast tree.
 */
import type { Element, ElementContent } from 'hast';
import type { FrameworkLookup } from '../framework/lookup';
import type { CharterLint } from '../lint';
import { canonicalOwners, ownerKey, ownersOf } from '../owners';
import { occurrenceStatus } from '../status';
import { slug } from '../text';
import type { ElementStatus, Finding, Lang } from '../types';
import { reviewBadge, statusBadge } from './charter';
import { h, safeHref, withCode } from './html';
import { label, statusDescription } from './i18n';
import { renderBody } from './markdown';
import { reviewState, type ReviewState } from './review';

export interface LeaderCharter {
  result: CharterLint;
  file: string;
  unit: string | undefined;
  title: string | undefined;
  /** Every owner of the charter, this leader included, each spelled as first written in the handbook. */
  owners: string[];
  review: ReviewState;
}

export interface Leader {
  /** The name as first written (normalised). */
  name: string;
  /** Identity: `ownerKey(name)`. */
  key: string;
  /** The charters this person owns, by path. */
  charters: LeaderCharter[];
}

/** Every person named as owner in the charters, with their charters; sorted by identity key. */
export function buildLeaders(charters: CharterLint[], today: string): Leader[] {
  const byKey = new Map<string, Leader>();
  const sorted = charters.filter((c) => c.summary).sort((a, b) => (a.charter.file < b.charter.file ? -1 : a.charter.file > b.charter.file ? 1 : 0));
  const named = canonicalOwners(sorted.map((c) => ownersOf(c.charter.frontmatter.data)));
  for (const [i, result] of sorted.entries()) {
    const owners = named[i]!;
    const entry: LeaderCharter = {
      result,
      file: result.charter.file,
      unit: result.charter.unit,
      title: result.charter.title?.text,
      owners: owners.map((o) => o.name),
      review: reviewState(result.charter.nextReview, today),
    };
    for (const o of owners) {
      let leader = byKey.get(o.key);
      if (!leader) {
        leader = { name: o.name, key: o.key, charters: [] };
        byKey.set(o.key, leader);
      }
      leader.charters.push(entry);
    }
  }
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * Site-relative paths of the leader pages, `leaders/<slug>.html`: the slug is the name's
 * letters and digits (accents folded), `leader` when none are left; `-2`, `-3`… make it unique
 * among the leaders and against `taken` (lower-cased paths already used, e.g. charter pages).
 */
export function leaderPaths(leaders: Leader[], taken: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const l of leaders) {
    const base = slug(l.name).slice(0, 60).replace(/-+$/, '') || 'leader';
    let path = `leaders/${base}.html`;
    for (let n = 2; taken.has(path.toLowerCase()); n++) path = `leaders/${base}-${n}.html`;
    taken.add(path.toLowerCase());
    out.set(l.key, path);
  }
  return out;
}

export interface LeaderRenderOptions {
  /** Language of the labels; element and tier names follow each charter's language. */
  lang: Lang;
  today: string;
  /**
   * Href of a charter: at its top (`anchor` undefined), at an element (`el-<id>`, or
   * `check-<id>` when it is missing) or at a finding (`finding-<n>`); `line` is the 1-based line.
   * Unsafe or empty hrefs give no link.
   */
  linkFor: (file: string, line: number, anchor?: string) => string;
  /** Rewrite links of a charter's text (relative to `file`) for where the view is shown. */
  rewriteLink?: (file: string, href: string) => string;
  /** Prefix of every id of the view. */
  idPrefix?: string;
}

/** The view of one leader as a hast `<article>`: a summary table, then each charter in full. */
export function leaderHast(leader: Leader, lookup: FrameworkLookup, o: LeaderRenderOptions): Element {
  const ui = o.lang;
  const p = o.idPrefix ?? '';
  const link = (file: string, line: number, anchor?: string): string | undefined => {
    const href = safeHref(o.linkFor(file, line, anchor));
    return href === '' ? undefined : href;
  };
  const charterName = (c: LeaderCharter): string => c.unit ?? c.title ?? c.file;
  const tierNames = (c: LeaderCharter): string =>
    c.result.charter.tiers.map((t) => lookup.tier(t)?.name[c.result.charter.lang] ?? t).join(', ');
  const coverage = (c: LeaderCharter): { defined: number; total: number } => {
    const els = c.result.summary?.elements ?? [];
    return { defined: els.filter((e) => e.status === 'defined').length, total: els.length };
  };

  // ---- summary: one row per charter
  const summaryRows = leader.charters.map((c, i) => {
    const cov = coverage(c);
    const others = c.owners.filter((n) => ownerKey(n) !== leader.key);
    return h(
      'tr',
      {},
      h('th', { scope: 'row' }, h('a', { href: `#${p}charter-${i + 1}` }, charterName(c)), h('span', { className: ['charter-file'] }, c.file)),
      h('td', {}, tierNames(c) || h('span', { className: ['unset'] }, label(ui, 'noTier'))),
      h('td', {}, others.length > 0 ? others.join(', ') : '–'),
      h('td', {}, c.review.date ?? '', ' ', reviewBadge(c.review, ui)),
      h('td', { className: ['num'] }, cov.total > 0 ? label(ui, 'coverageOf', { defined: cov.defined, required: cov.total }) : '–'),
      h('td', { className: ['num'] }, String(c.result.findings.length)),
    );
  });
  const summary = h(
    'section',
    { className: ['card', 'leader-summary'] },
    h('h2', {}, leader.charters.length === 1 ? label(ui, 'leaderCharters1') : label(ui, 'leaderCharters', { count: leader.charters.length })),
    h(
      'div',
      { className: ['table-scroll'] },
      h(
        'table',
        { className: ['charters'] },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, label(ui, 'unit')),
            h('th', { scope: 'col' }, label(ui, 'tiers')),
            h('th', { scope: 'col' }, label(ui, 'sharedWith')),
            h('th', { scope: 'col' }, label(ui, 'nextReview')),
            h('th', { scope: 'col' }, label(ui, 'coverage')),
            h('th', { scope: 'col' }, label(ui, 'openFindings')),
          ),
        ),
        h('tbody', {}, summaryRows),
      ),
    ),
  );

  // ---- each charter in full
  const sections = leader.charters.map((c, i) => charterSection(c, i, lookup, o, link, charterName(c), tierNames(c), coverage(c)));
  return h('article', { className: ['charters-view', 'leader-view'], lang: ui, dataOwner: leader.key }, summary, sections);
}

function charterSection(
  c: LeaderCharter,
  i: number,
  lookup: FrameworkLookup,
  o: LeaderRenderOptions,
  link: (file: string, line: number, anchor?: string) => string | undefined,
  name: string,
  tiers: string,
  cov: { defined: number; total: number },
): Element {
  const ui = o.lang;
  const p = `${o.idPrefix ?? ''}c${i + 1}-`;
  const { charter, findings } = c.result;
  const clang = charter.lang;
  const top = link(c.file, 1);
  const fact = (key: 'owners' | 'reviewed' | 'nextReview', value: ElementContent | string | undefined, extra?: ElementContent): Element =>
    h('div', { className: ['fact', `fact-${key}`] }, h('dt', {}, label(ui, key)), h('dd', {}, value ?? h('span', { className: ['unset'] }, label(ui, 'notSet')), extra ? [' ', extra] : []));

  const elements: ElementContent[] = [];
  const multi = charter.tiers.filter((t) => lookup.tier(t)).length > 1;
  for (const tierId of charter.tiers) {
    const tier = lookup.tier(tierId);
    if (!tier) continue;
    if (multi) elements.push(h('h3', { className: ['leader-tier'], lang: clang }, tier.name[clang], tier.role[clang] ? [' – ', h('span', { className: ['tier-role'] }, tier.role[clang])] : null));
    for (const el of tier.elements) {
      const occ = charter.occurrences.find((x) => x.tier === tierId && x.elementId === el.id);
      const status: ElementStatus = occ ? occurrenceStatus(occ, lookup) : 'missing';
      const line = occ ? occ.headingPlace.start.line : 1;
      const href = link(c.file, line, `${occ ? 'el' : 'check'}-${el.id}`);
      const heading = h(
        multi ? 'h4' : 'h3',
        { className: ['leader-element-name'], lang: clang },
        href ? h('a', { href, dataFile: c.file, dataLine: String(line), dataElement: el.id }, el.name[clang]) : el.name[clang],
        ' ',
        statusBadge(status, ui),
      );
      let body: ElementContent[];
      if (occ && occ.contentText.trim() !== '') {
        const rendered = renderBody(occ.contentText.trim(), {
          lang: ui,
          idPrefix: `${p}${el.id}-`,
          lookup,
          elements: [],
          tierSections: [],
          ...(o.rewriteLink ? { rewriteLink: (href: string) => o.rewriteLink!(c.file, href) } : {}),
        });
        body = [h('div', { className: ['leader-element-text', 'charter-body', 'markdown-body'], lang: clang }, ...(rendered.nodes as ElementContent[]))];
        if (status !== 'defined') body.push(h('p', { className: ['check-hint'] }, statusDescription(status, ui), ': ', h('span', { lang: clang }, el.description[clang])));
      } else {
        body = [h('p', { className: ['check-hint'] }, statusDescription(status, ui), el.description[clang] ? [': ', h('span', { lang: clang }, el.description[clang])] : null)];
      }
      elements.push(h('section', { className: ['leader-element', `status-${status}`], dataElement: el.id }, heading, body));
    }
  }

  const findingList =
    findings.length === 0
      ? h('p', { className: ['no-findings'] }, label(ui, 'noOpenFindings'))
      : h(
          'ol',
          { className: ['findings'] },
          findings.map((f: Finding, n: number) => {
            const fhref = link(c.file, f.place.start.line, `finding-${n + 1}`);
            const where = label(ui, 'line', { line: f.place.start.line });
            return h(
              'li',
              { className: ['finding', `severity-${f.severity}`] },
              h('span', { className: ['severity', `severity-${f.severity}`] }, label(ui, `severity.${f.severity}`)),
              ' ',
              fhref ? h('a', { className: ['finding-line'], href: fhref, dataFile: c.file, dataLine: String(f.place.start.line) }, where) : h('span', { className: ['finding-line'] }, where),
              ' ',
              h('span', { className: ['finding-reason'] }, withCode(f.reason)),
            );
          }),
        );

  return h(
    'section',
    { className: ['card', 'leader-charter'], id: `${o.idPrefix ?? ''}charter-${i + 1}`, dataFile: c.file },
    h('h2', {}, top ? h('a', { href: top, dataFile: c.file, dataLine: '1' }, name) : name, tiers ? [' ', h('span', { className: ['leader-tiers'], lang: clang }, tiers)] : null),
    h('p', { className: ['card-kicker'] }, label(ui, 'charter'), ' · ', h('span', { className: ['card-file'] }, c.file)),
    h(
      'dl',
      { className: ['card-facts'] },
      fact('owners', c.owners.join(', ')),
      fact('reviewed', charter.reviewed),
      fact('nextReview', charter.nextReview, reviewBadge(c.review, ui)),
    ),
    cov.total > 0
      ? h('p', { className: ['card-progress'] }, h('meter', { min: '0', max: String(cov.total), value: String(cov.defined), ariaHidden: 'true' }), ' ', label(ui, 'checklistSummary', { defined: cov.defined, total: cov.total }))
      : null,
    elements,
    h('section', { className: ['leader-findings'] }, h('h3', {}, label(ui, 'openFindings'), findings.length > 0 ? h('span', { className: ['count'] }, ` ${findings.length}`) : null), findingList),
  );
}

/**
 * The index's list of leaders: each person's name linked to their view (`hrefOf` by identity
 * key), how many charters they own and their next review.
 */
export function leaderListHast(leaders: Leader[], lang: Lang, hrefOf: (key: string) => string | undefined): Element {
  const next = (l: Leader): ReviewState | undefined => {
    const dated = l.charters.map((c) => c.review).filter((r) => r.date !== undefined && r.days !== undefined);
    return dated.sort((a, b) => a.days! - b.days!)[0];
  };
  return h(
    'section',
    { className: ['card', 'leader-list'] },
    h('h2', {}, label(lang, 'leaders')),
    h('p', { className: ['leader-list-intro'] }, label(lang, 'leadersIntro')),
    h(
      'ul',
      {},
      leaders.map((l) => {
        const href = safeHref(hrefOf(l.key));
        const r = next(l);
        return h(
          'li',
          { dataOwner: l.key },
          href ? h('a', { href, className: ['owner-link'] }, l.name) : l.name,
          ' ',
          h('span', { className: ['leader-count'] }, l.charters.length === 1 ? label(lang, 'leaderCharters1') : label(lang, 'leaderCharters', { count: l.charters.length })),
          r ? [' ', h('span', { className: ['date'] }, r.date ?? ''), ' ', reviewBadge(r, lang)] : null,
        );
      }),
    ),
  );
}

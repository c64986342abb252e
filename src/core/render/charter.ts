/**
 * The charter preview: a header card (tier and role in the charter's language, unit, owner,
 * review status), the element checklist, the rendered charter with goals and elements marked,
 * and the lint findings. Pure: the VS Code webview and the static site both call it.
 *
 * Every id in the fragment starts with `idPrefix`. Links of the checklist and the findings carry
 * `data-line` (1-based) and, for elements, `data-element`, so a webview script can turn a click
 * into "reveal this line in the editor" without parsing hrefs.
 */
import type { Element, ElementContent } from 'hast';
import type { FrameworkLookup } from '../framework/lookup';
import type { CharterLint } from '../lint';
import { occurrenceStatus } from '../status';
import { LineIndex } from '../text';
import type { ElementStatus, Finding, Lang } from '../types';
import { h, safeHref, toHtml, withCode } from './html';
import { label, statusDescription, statusGlyph, statusLabel, STATUSES } from './i18n';
import { renderBody, type BodyElement } from './markdown';
import { reviewState, type ReviewState } from './review';

export interface CharterRenderOptions {
  /** Language of the view's labels. The tier, role and element names follow the charter's `lang`. */
  lang: Lang;
  /** Today as YYYY-MM-DD, for the review status. */
  today: string;
  /** Prefix of every id in the fragment (default `''`); use one per fragment on a shared page. */
  idPrefix?: string;
  /**
   * Href of a checklist entry: the element's section, or the line where a missing element
   * belongs. Default: the anchor in the rendered body (or the finding for a missing element).
   * Unsafe schemes (javascript:, data:, vbscript:, …) are dropped; http(s), mailto, command: and
   * relative links are kept.
   */
  linkForElement?: (elementId: string, line: number) => string;
  /** Href of a finding's line. Default: the nearest anchor in the rendered body. */
  linkForLine?: (line: number) => string;
  /** Rewrite links of the charter's own text before sanitising (the site maps `x.md` → `x.html`). */
  rewriteLink?: (href: string) => string;
}

export interface ChecklistItem {
  tier: string;
  elementId: string;
  /** The element's name in the charter's language. */
  name: string;
  /** What the charter must say for this element, in the charter's language. */
  description: string;
  status: ElementStatus;
  /** 1-based line of the element's heading or item, or where a missing element belongs. */
  line: number;
  /** The heading or item title as written, when the element is there. */
  title: string | undefined;
}

export interface CharterView {
  file: string;
  /** The charter's language (tier, role and element names are in it). */
  lang: Lang;
  title: string | undefined;
  tiers: { id: string; name: string; role: string }[];
  /** Tier values of the frontmatter that name no tier of the framework, as written. */
  unknownTiers: string[];
  unit: string | undefined;
  owner: string | undefined;
  reviewed: string | undefined;
  nextReview: string | undefined;
  review: ReviewState;
  checklist: ChecklistItem[];
  counts: Record<ElementStatus, number>;
  findings: Finding[];
}

/** The data of the preview without markup, for hosts that draw their own. */
export function charterView(result: CharterLint, lookup: FrameworkLookup, today: string): CharterView {
  const { charter, findings } = result;
  const lines = new LineIndex(charter.text);
  const lang = charter.lang;
  const checklist: ChecklistItem[] = [];
  for (const tierId of charter.tiers) {
    const tier = lookup.tier(tierId);
    if (!tier) continue;
    const section = charter.tierSections.find((s) => s.tier === tierId);
    for (const el of tier.elements) {
      const occ = charter.occurrences.find((o) => o.tier === tierId && o.elementId === el.id);
      let line: number;
      if (occ) line = occ.headingPlace.start.line;
      else {
        const f = findings.find((x) => x.ruleId === 'element-missing' && x.elementId === el.id);
        const edit = f?.fix?.edits[0];
        line = edit ? lines.lineOf(edit.start) : (f?.place.start.line ?? section?.headingPlace.start.line ?? charter.title?.place.start.line ?? 1);
      }
      checklist.push({
        tier: tierId,
        elementId: el.id,
        name: el.name[lang],
        description: el.description[lang],
        status: occ ? occurrenceStatus(occ, lookup) : 'missing',
        line,
        title: occ?.title,
      });
    }
  }
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<ElementStatus, number>;
  for (const item of checklist) counts[item.status]++;
  return {
    file: charter.file,
    lang,
    title: charter.title?.text,
    tiers: charter.tiers.flatMap((id) => {
      const t = lookup.tier(id);
      return t ? [{ id, name: t.name[lang], role: t.role[lang] }] : [];
    }),
    unknownTiers: charter.unknownTiers.map((u) => u.value),
    unit: charter.unit,
    owner: charter.owner,
    reviewed: charter.reviewed,
    nextReview: charter.nextReview,
    review: reviewState(charter.nextReview, today),
    checklist,
    counts,
    findings,
  };
}

/** The preview of one charter as an HTML fragment (an `<article>`), sanitised and escaped. */
export function renderCharterHtml(result: CharterLint, lookup: FrameworkLookup, options: CharterRenderOptions): string {
  return toHtml(renderCharterHast(result, lookup, options));
}

/** The same as a hast element, for hosts that compose pages as trees. */
export function renderCharterHast(result: CharterLint, lookup: FrameworkLookup, options: CharterRenderOptions): Element {
  const o = options;
  const p = o.idPrefix ?? '';
  const ui = o.lang;
  const view = charterView(result, lookup, o.today);
  const { charter } = result;

  const elements: BodyElement[] = [];
  for (const occ of charter.occurrences) elements.push({ occurrence: occ, status: occurrenceStatus(occ, lookup) });
  const body = renderBody(charter.text, {
    lang: ui,
    idPrefix: p,
    lookup,
    elements,
    tierSections: charter.tierSections,
    ...(o.rewriteLink ? { rewriteLink: o.rewriteLink } : {}),
  });

  const frontmatterEnd = charter.frontmatter.place?.end.line ?? 0;
  const anchoredLines = [...body.lineIds.keys()].sort((a, b) => a - b);
  const lineHref = (line: number, elementId?: string): string => {
    if (o.linkForLine) return safeHref(o.linkForLine(line)) ?? '#';
    if (elementId && body.elementIds.has(elementId)) return `#${body.elementIds.get(elementId)!}`;
    if (line <= frontmatterEnd) return `#${p}card`;
    let best: number | undefined;
    for (const l of anchoredLines) if (l <= line) best = l;
    return best !== undefined ? `#${body.lineIds.get(best)!}` : `#${p}body`;
  };
  const findingId = (i: number): string => `${p}finding-${i + 1}`;

  // ---- header card
  const card = charterCard(view, ui, p, true);
  const total = view.checklist.length;
  const defined = view.counts.defined;

  // ---- checklist
  const groups = new Map<string, ChecklistItem[]>();
  for (const item of view.checklist) groups.set(item.tier, [...(groups.get(item.tier) ?? []), item]);
  const checklistItem = (item: ChecklistItem): Element => {
    const missingFinding = view.findings.findIndex((f) => f.ruleId === 'element-missing' && f.elementId === item.elementId);
    const fallback = body.elementIds.has(item.elementId)
      ? `#${body.elementIds.get(item.elementId)!}`
      : missingFinding >= 0
        ? `#${findingId(missingFinding)}`
        : lineHref(item.line);
    const href = o.linkForElement ? (safeHref(o.linkForElement(item.elementId, item.line)) ?? fallback) : fallback;
    return h(
      'li',
      { className: ['check', `status-${item.status}`], id: `${p}check-${item.elementId}`, dataElement: item.elementId, dataLine: String(item.line) },
      h(
        'a',
        { href, dataElement: item.elementId, dataLine: String(item.line), title: statusDescription(item.status, ui) },
        statusBadge(item.status, ui),
        ' ',
        h('span', { className: ['check-name'], lang: view.lang }, item.name),
      ),
      item.status !== 'defined' && item.description ? h('p', { className: ['check-hint'], lang: view.lang }, item.description) : null,
    );
  };
  const multi = groups.size > 1;
  const checklist = h(
    'section',
    { className: ['card', 'charter-checklist'], id: `${p}checklist`, ariaLabelledBy: [`${p}checklist-title`] },
    h('h2', { id: `${p}checklist-title` }, label(ui, 'elements'), total > 0 ? h('span', { className: ['count'] }, ` ${label(ui, 'checklistSummary', { defined, total })}`) : null),
    total === 0 ? h('p', { className: ['unset'] }, label(ui, view.unknownTiers.length > 0 ? 'unknownTier' : 'noTier')) : null,
    [...groups].map(([tierId, items]) => {
      const t = view.tiers.find((x) => x.id === tierId);
      return [multi && t ? h('h3', { lang: view.lang }, t.name) : null, h('ol', { className: ['checklist'] }, items.map(checklistItem))];
    }),
    total > 0 ? h('p', { className: ['check-hint', 'goal-hint'] }, label(ui, 'goalsHint')) : null,
  );

  // ---- rendered charter
  const bodySection = h('section', { className: ['charter-body', 'markdown-body'], id: `${p}body`, lang: view.lang }, ...(body.nodes as ElementContent[]));

  // ---- findings
  const findings = h(
    'section',
    { className: ['card', 'charter-findings'], id: `${p}findings`, ariaLabelledBy: [`${p}findings-title`] },
    h('h2', { id: `${p}findings-title` }, label(ui, 'findings'), view.findings.length > 0 ? h('span', { className: ['count'] }, ` ${view.findings.length}`) : null),
    view.findings.length === 0
      ? h('p', { className: ['no-findings'] }, label(ui, 'noFindings'))
      : h(
          'ol',
          { className: ['findings'] },
          view.findings.map((f, i) =>
            h(
              'li',
              { className: ['finding', `severity-${f.severity}`], id: findingId(i), dataLine: String(f.place.start.line), dataElement: f.elementId },
              h('span', { className: ['severity', `severity-${f.severity}`] }, label(ui, `severity.${f.severity}`)),
              ' ',
              h('a', { className: ['finding-line'], href: lineHref(f.place.start.line, f.elementId), dataLine: String(f.place.start.line), dataElement: f.elementId }, label(ui, 'line', { line: f.place.start.line })),
              ' ',
              h('span', { className: ['finding-reason'] }, withCode(f.reason)),
              ' ',
              safeHref(f.url) ? h('a', { className: ['finding-rule'], href: safeHref(f.url) }, f.ruleId) : h('span', { className: ['finding-rule'] }, f.ruleId),
            ),
          ),
        ),
  );

  return h('article', { className: ['charters-view', 'charter-view'], lang: ui, dataFile: view.file }, card, checklist, bodySection, findings);
}

/**
 * The header card of a charter: tier and role (in the charter's language), unit, owner, review
 * dates and status, and how many elements are defined. `withLinks`: the counts link to the
 * checklist and findings of the full preview (hosts that show the card alone pass false).
 */
export function charterCard(view: CharterView, ui: Lang, p: string, withLinks: boolean): Element {
  const link = (href: string, text: string): ElementContent => (withLinks ? h('a', { href }, text) : h('span', {}, text));
  const fact = (key: 'unit' | 'owner' | 'reviewed' | 'nextReview', value: string | undefined, extra?: ElementContent): Element =>
    h(
      'div',
      { className: ['fact', `fact-${key}`] },
      h('dt', {}, label(ui, key)),
      h('dd', {}, value !== undefined ? value : h('span', { className: ['unset'] }, label(ui, 'notSet')), extra ? [' ', extra] : []),
    );
  const total = view.checklist.length;
  const defined = view.counts.defined;
  const errors = view.findings.filter((f) => f.severity === 'error').length;
  const warnings = view.findings.filter((f) => f.severity === 'warning').length;
  const tierLines: ElementContent[] = view.tiers.map((t) =>
    h('p', { className: ['card-tier'], lang: view.lang }, h('span', { className: ['tier-name'] }, t.name), t.role ? h('span', { className: ['tier-role'] }, t.role) : null),
  );
  for (const u of view.unknownTiers) {
    tierLines.push(h('p', { className: ['card-tier', 'tier-unknown'] }, h('span', { className: ['tier-name'] }, label(ui, 'unknownTier')), ' ', h('code', {}, u)));
  }
  if (view.tiers.length === 0 && view.unknownTiers.length === 0) {
    tierLines.push(h('p', { className: ['card-tier', 'tier-unknown'] }, h('span', { className: ['tier-name'] }, label(ui, 'noTier'))));
  }
  return h(
    'header',
    { className: ['card', 'charter-card'], id: `${p}card` },
    h('p', { className: ['card-kicker'] }, label(ui, 'charter'), ' · ', h('span', { className: ['card-file'] }, view.file)),
    tierLines,
    h(
      'dl',
      { className: ['card-facts'] },
      fact('unit', view.unit),
      fact('owner', view.owner),
      fact('reviewed', view.reviewed),
      fact('nextReview', view.nextReview, reviewBadge(view.review, ui)),
    ),
    total > 0
      ? h(
          'p',
          { className: ['card-progress'] },
          h('meter', { min: '0', max: String(total), value: String(defined), ariaHidden: 'true' }),
          ' ',
          link(`#${p}checklist`, label(ui, 'checklistSummary', { defined, total })),
          view.findings.length > 0 ? [' · ', link(`#${p}findings`, findingCount(errors, warnings, view.findings.length - errors - warnings, ui))] : null,
        )
      : null,
  );
}

function findingCount(errors: number, warnings: number, notes: number, lang: Lang): string {
  const parts: string[] = [];
  if (errors) parts.push(label(lang, errors === 1 ? 'count.error1' : 'count.error', { n: errors }));
  if (warnings) parts.push(label(lang, warnings === 1 ? 'count.warning1' : 'count.warning', { n: warnings }));
  if (notes) parts.push(label(lang, notes === 1 ? 'count.note1' : 'count.note', { n: notes }));
  return `${label(lang, 'findings')}: ${parts.join(', ')}`;
}

/** A status badge: a glyph (hidden from screen readers) and the status label. */
export function statusBadge(status: ElementStatus | 'no-charter', lang: Lang): Element {
  return h(
    'span',
    { className: ['status-badge', `status-${status}`] },
    h('span', { className: ['status-glyph'], ariaHidden: 'true' }, statusGlyph(status)),
    ' ',
    h('span', { className: ['status-label'] }, statusLabel(status, lang)),
  );
}

/** The review status as a badge ("Overdue by 12 days"). */
export function reviewBadge(review: ReviewState, lang: Lang): Element {
  let text: string;
  switch (review.status) {
    case 'ok':
      text = label(lang, 'review.ok');
      break;
    case 'due-soon':
      text = review.days === 0 ? label(lang, 'review.due-today') : label(lang, 'review.due-soon', { days: review.days ?? 0 });
      break;
    case 'overdue':
      text = label(lang, 'review.overdue', { days: -(review.days ?? 0) });
      break;
    case 'missing':
      text = label(lang, 'review.missing');
      break;
    case 'invalid':
      text = label(lang, 'review.invalid');
      break;
  }
  const glyph = review.status === 'ok' ? '✓' : review.status === 'due-soon' ? '!' : '✗';
  return h('span', { className: ['review-badge', `review-${review.status}`] }, h('span', { className: ['status-glyph'], ariaHidden: 'true' }, glyph), ' ', text);
}

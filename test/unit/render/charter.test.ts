/**
 * The charter preview: a snapshot per fixture (test/fixtures/render/<name>.expected.html;
 * `UPDATE_SNAPSHOTS=1 npm run test:unit` rewrites them), plus what a leader must see in each:
 * the tier and role in the charter's language, the review status, each element's status, goal
 * lines marked, the findings.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { Linter } from '../../../src/core/lint';
import { charterView, renderCharterHtml, type CharterRenderOptions } from '../../../src/core/render/charter';
import { reviewState } from '../../../src/core/render/review';
import type { Lang } from '../../../src/core/types';
import { assertSafeFragment, visibleText } from './assert-safe';
import { elementsWhere } from '../../helpers/hast';

// The bundle lives in out/test/unit/render/; the repository root is four levels up.
const ROOT = path.resolve(__dirname, '../../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/render');
const TODAY = '2027-01-15';

/** Lint a fixture with findings in `lang`, as a host does (the messages follow its language). */
function lint(name: string, lang: Lang = 'fi'): ReturnType<Linter['lintText']> {
  const linter = new Linter(undefined, lang);
  return linter.lintText(name, readFileSync(path.join(FIXTURES, name), 'utf8'), { today: TODAY });
}

function render(name: string, lang: Lang, extra: Partial<CharterRenderOptions> = {}): string {
  const linter = new Linter();
  return renderCharterHtml(lint(name, lang), linter.lookup, { lang, today: TODAY, ...extra });
}

function snapshot(name: string, html: string): void {
  const file = path.join(FIXTURES, name.replace(/\.md$/, '.expected.html'));
  const text = `${html}\n`;
  if (process.env['UPDATE_SNAPSHOTS'] === '1' || !existsSync(file)) {
    writeFileSync(file, text);
    if (process.env['UPDATE_SNAPSHOTS'] !== '1') assert.fail(`snapshot ${path.basename(file)} was missing and has been written; rerun`);
    return;
  }
  assert.equal(text, readFileSync(file, 'utf8'), `${path.basename(file)} differs; UPDATE_SNAPSHOTS=1 rewrites it after review`);
}

const all = elementsWhere;

const hasClass = (e: Element, c: string): boolean => Array.isArray(e.properties['className']) && e.properties['className'].includes(c);
const byClass = (tree: Root, c: string): Element[] => all(tree, (e) => hasClass(e, c));
const text = (e: Nodes): string => visibleText(e).replace(/\s+/g, ' ').trim();

describe('render: charter preview', () => {
  it('clean fi charter: snapshot, tier and role in Finnish, review ok, every element defined', () => {
    const html = render('clean-fi.md', 'fi');
    snapshot('clean-fi.md', html);
    const tree = assertSafeFragment(html);
    const card = byClass(tree, 'charter-card')[0]!;
    assert.match(text(card), /Esihenkilöt/);
    assert.match(text(card), /Valmentavat oppimisen mahdollistajat/);
    assert.match(text(card), /Kaarnakosken vedenpuhdistamo/);
    assert.match(text(card), /Sari Nieminen \(käyttöpäällikkö\)/);
    assert.match(text(byClass(tree, 'review-badge')[0]!), /Ajan tasalla/);
    const checks = byClass(tree, 'check');
    assert.equal(checks.length, 4);
    assert.ok(checks.every((c) => hasClass(c, 'status-defined')));
    assert.match(text(byClass(tree, 'charter-findings')[0]!), /Ei huomautettavaa/);
  });

  it('clean fi charter: goal and indicator lines are marked on the tree, frontmatter is not shown', () => {
    const tree = assertSafeFragment(render('clean-fi.md', 'fi'));
    const goals = byClass(tree, 'goal').map(text);
    // list items, a bold "Seuranta:" paragraph, a goal line inside a paragraph, a "### Mittarit" section
    assert.ok(goals.some((g) => g.startsWith('Tavoite: jokaisella vuorolla')));
    assert.ok(goals.some((g) => g.startsWith('Mittari: suunnitelmien toteutuminen')));
    assert.ok(goals.some((g) => g.startsWith('Seuranta: niiden osuus')));
    assert.ok(goals.some((g) => g === 'Tavoite: yksi kirjattu kokeilu kuukaudessa jokaisella vuorolla.'));
    assert.ok(goals.some((g) => g.startsWith('Vuoron psykologisen turvallisuuden pulssikysely')));
    assert.deepEqual(byClass(tree, 'goal-heading').map(text), ['Mittarit']);
    // the plain paragraph before the goal line stays unmarked
    assert.ok(!goals.some((g) => g.startsWith('Uudet prosessinhoitajat')));
    const body = text(byClass(tree, 'charter-body')[0]!);
    assert.doesNotMatch(body, /next-review|owner:|tier: supervisors/);
  });

  it('checklist entries link to the element sections and carry data-line for a webview', () => {
    const tree = assertSafeFragment(render('clean-fi.md', 'fi'));
    const links = all(tree, (e) => e.tagName === 'a' && e.properties['dataElement'] !== undefined && hasClass(e, 'finding-line') === false);
    const psych = links.find((a) => a.properties['dataElement'] === 'psychological-safety')!;
    assert.equal(psych.properties['href'], '#el-psychological-safety');
    assert.equal(psych.properties['dataLine'], '37');
    const target = all(tree, (e) => e.properties['id'] === 'el-psychological-safety')[0]!;
    assert.equal(target.tagName, 'h2');
    assert.equal(target.properties['dataLine'], '37');
  });

  it('en charter with defects: snapshot, each status labelled, overdue review, findings listed', () => {
    const html = render('defects-en.md', 'en');
    snapshot('defects-en.md', html);
    const tree = assertSafeFragment(html);
    const status = Object.fromEntries(
      byClass(tree, 'check').map((c) => [String(c.properties['dataElement']), (c.properties['className'] as string[]).find((x) => x.startsWith('status-'))]),
    );
    assert.deepEqual(status, {
      'strategy-interpreter': 'status-defined',
      'removing-obstacles': 'status-placeholder',
      'knowledge-sharing': 'status-no-goal',
      'coaching-supervisors': 'status-missing',
      'monitoring-learning': 'status-empty',
    });
    const labels = byClass(tree, 'check').map((c) => text(byClass(c as unknown as Root, 'status-label')[0]!));
    assert.deepEqual(labels, ['Defined', 'Placeholder', 'No goal', 'Missing', 'Empty']);
    assert.match(text(byClass(tree, 'review-badge')[0]!), /Overdue by 45 days/);
    const findings = byClass(tree, 'finding');
    assert.ok(findings.some((f) => /Missing element Coaching leadership of supervisors/.test(text(f))));
    // a missing element links to where it belongs: its finding, which carries the insertion line
    const missing = byClass(tree, 'check').find((c) => c.properties['dataElement'] === 'coaching-supervisors')!;
    const a = all(missing, (e) => e.tagName === 'a')[0]!;
    const href = String(a.properties['href']);
    assert.match(href, /^#finding-\d+$/);
    assert.ok(all(tree, (e) => e.properties['id'] === href.slice(1)).length === 1);
    assert.ok(Number(a.properties['dataLine']) > 20, 'the line where the missing element would be inserted');
  });

  it('the labels follow options.lang; tier, role and element names follow the charter', () => {
    const tree = assertSafeFragment(render('defects-en.md', 'fi'));
    const card = text(byClass(tree, 'charter-card')[0]!);
    assert.match(card, /Middle management/);
    assert.match(card, /Omistaja/);
    assert.match(card, /Myöhässä 45 päivää/);
    assert.ok(byClass(tree, 'check-name').map(text).includes('Removing obstacles'));
  });

  it('multi-tier article-style charter: snapshot, one checklist group per tier, inline items anchored', () => {
    const html = render('article-multi.md', 'fi');
    snapshot('article-multi.md', html);
    const tree = assertSafeFragment(html);
    const groups = all(byClass(tree, 'charter-checklist')[0]!, (e) => e.tagName === 'h3').map(text);
    assert.deepEqual(groups, ['Ylin johto', 'Keskijohto', 'Esihenkilöt']);
    assert.equal(byClass(tree, 'card-tier').length, 3);
    const inline = byClass(tree, 'element-inline');
    assert.equal(inline.length, 12);
    const vision = inline.find((e) => e.properties['id'] === 'el-vision-and-culture')!;
    assert.match(text(vision), /^🔹 Luodaan visio ja kulttuuri: Johto kertoo/);
    // the goal line after an inline item is marked on its own, not the whole paragraph
    const goals = byClass(tree, 'goal').map(text);
    assert.ok(goals.includes('Tavoite: jokainen strateginen hanke nimeää osaamisen, jota se tarvitsee.'));
    const status = Object.fromEntries(byClass(tree, 'check').map((c) => [String(c.properties['dataElement']), (c.properties['className'] as string[])[1]]));
    assert.equal(status['leading-by-example'], 'status-no-goal');
    assert.equal(status['removing-obstacles'], 'status-placeholder');
    assert.equal(status['monitoring-learning'], 'status-missing');
    assert.equal(byClass(tree, 'tier-heading').length, 3);
  });

  it('idPrefix prefixes every id, and links follow it', () => {
    const tree = assertSafeFragment(render('defects-en.md', 'en', { idPrefix: 'p1-' }));
    const ids = all(tree, (e) => e.properties['id'] !== undefined).map((e) => String(e.properties['id']));
    assert.ok(ids.length > 10);
    assert.ok(ids.every((id) => id.startsWith('p1-')), ids.join(' '));
    const hrefs = all(tree, (e) => e.tagName === 'a').map((e) => String(e.properties['href'])).filter((h) => h.startsWith('#'));
    for (const h of hrefs) assert.ok(ids.includes(h.slice(1)), `dangling ${h}`);
  });

  it('linkForElement and linkForLine set the hrefs; unsafe ones are dropped', () => {
    const tree = assertSafeFragment(
      render('defects-en.md', 'en', {
        linkForElement: (id, line) => (id === 'knowledge-sharing' ? 'javascript:alert(1)' : `command:charters.reveal?${encodeURIComponent(JSON.stringify([id, line]))}`),
        linkForLine: (line) => `#line-${line}`,
      }),
    );
    const check = (id: string): string => String(all(byClass(tree, 'check').find((c) => c.properties['dataElement'] === id) as unknown as Root, (e) => e.tagName === 'a')[0]!.properties['href']);
    assert.match(check('removing-obstacles'), /^command:charters\.reveal\?/);
    assert.equal(check('knowledge-sharing'), '#el-knowledge-sharing');
    assert.ok(all(tree, (e) => hasClass(e, 'finding-line')).every((a) => /^#line-\d+$/.test(String(a.properties['href']))));
  });

  it('charterView gives the same data without markup', () => {
    const linter = new Linter();
    const view = charterView(lint('defects-en.md', 'en'), linter.lookup, TODAY);
    assert.equal(view.lang, 'en');
    assert.deepEqual(view.tiers, [{ id: 'middle-management', name: 'Middle management', role: 'Leader of learning and implementer of strategy' }]);
    assert.deepEqual(view.counts, { defined: 1, 'no-goal': 1, placeholder: 1, empty: 1, missing: 1 });
    assert.equal(view.review.status, 'overdue');
    assert.equal(view.review.days, -45);
  });
});

describe('render: review status', () => {
  it('ok beyond 30 days, due soon within 30 (today included), overdue after, missing, invalid', () => {
    assert.deepEqual(reviewState('2027-02-15', '2027-01-15'), { status: 'ok', date: '2027-02-15', days: 31 });
    assert.deepEqual(reviewState('2027-02-14', '2027-01-15'), { status: 'due-soon', date: '2027-02-14', days: 30 });
    assert.deepEqual(reviewState('2027-01-15', '2027-01-15'), { status: 'due-soon', date: '2027-01-15', days: 0 });
    assert.deepEqual(reviewState('2027-01-14', '2027-01-15'), { status: 'overdue', date: '2027-01-14', days: -1 });
    assert.deepEqual(reviewState(undefined, '2027-01-15'), { status: 'missing', date: undefined, days: undefined });
    assert.deepEqual(reviewState('2027-02-30', '2027-01-15'), { status: 'invalid', date: '2027-02-30', days: undefined });
  });

  it('the card shows each review status in words', () => {
    const linter = new Linter();
    const text0 = readFileSync(path.join(FIXTURES, 'clean-fi.md'), 'utf8');
    const cases: [string, RegExp][] = [
      ['2027-02-01', /Katselmointi 17 päivän päästä/],
      ['2027-01-15', /Katselmointi tänään/],
      ['2026-12-01', /Myöhässä 45 päivää/],
    ];
    for (const [date, expected] of cases) {
      const r = linter.lintText('x.md', text0.replace('next-review: 2027-04-01', `next-review: ${date}`), { today: TODAY });
      const tree = fromHtml(renderCharterHtml(r, linter.lookup, { lang: 'fi', today: TODAY }), { fragment: true });
      assert.match(text(byClass(tree, 'review-badge')[0]!), expected);
    }
  });
});

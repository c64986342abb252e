/**
 * "What is my part": the leader views of test/fixtures/render/site-owners (Anna Laine owns the
 * board and operations charters, Matti Virtanen the board and the crane team, Pekka Mäkinen
 * operations and the crane team, spelled differently from charter to charter) and the leader
 * pages of the static site.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { parseConfig } from '../../../src/core/config';
import { Linter, type CharterLint } from '../../../src/core/lint';
import { toHtml } from '../../../src/core/render/html';
import { buildLeaders, leaderHast, leaderPaths, type Leader } from '../../../src/core/render/leader';
import { buildSite } from '../../../src/core/render/site';
import { elementsWhere } from '../../helpers/hast';
import { repoRoot } from '../../helpers/paths';
import { assertSafeFragment, assertSafePage, visibleText } from './assert-safe';

const ROOT = repoRoot();
const HANDBOOK = path.join(ROOT, 'test/fixtures/render/site-owners');
const TODAY = '2027-05-20';

function load(lang: 'fi' | 'en' = 'en'): { linter: Linter; results: CharterLint[] } {
  const cfg = parseConfig(readFileSync(path.join(HANDBOOK, 'charters.yaml'), 'utf8'));
  assert.ok(cfg.ok);
  const linter = new Linter(cfg.config, lang);
  const files = (readdirSync(HANDBOOK)).filter((f) => f.endsWith('.md') && f !== 'README.md');
  return { linter, results: files.map((f) => linter.lintText(f, readFileSync(path.join(HANDBOOK, f), 'utf8'), { today: TODAY })) };
}

const squash = (s: string): string => s.replace(/\s+/g, ' ');
/** The text of a tree with a space between nodes (cells, list items), squashed. */
const words = (n: Nodes): string => squash(n.type === 'text' ? n.value : 'children' in n ? n.children.map((c) => words(c as Nodes)).join(' ') : '').trim();
const links = (html: string): string[] => elementsWhere(fromHtml(html), (e) => e.tagName === 'a').map((a) => String(a.properties['href']));

describe('render: leaders', () => {
  const { linter, results } = load();
  const leaders = buildLeaders(results, TODAY);
  const by = (name: string): Leader => leaders.find((l) => l.name.startsWith(name))!;

  it('one leader per person named as owner, spelled as first written, with their charters by path', () => {
    assert.deepEqual(
      leaders.map((l) => [l.name, l.key, l.charters.map((c) => c.file)]),
      [
        ['Anna Laine', 'anna laine', ['board.md', 'operations.md']],
        ['Matti Virtanen', 'matti virtanen', ['board.md', 'team.md']],
        ['Pekka Mäkinen (HR; Tampere)', 'pekka mäkinen (hr; tampere)', ['operations.md', 'team.md']],
      ],
    );
    assert.deepEqual(by('Anna').charters[1]!.owners, ['Anna Laine', 'Pekka Mäkinen (HR; Tampere)'], '"anna  LAINE" is Anna Laine');
    assert.equal(by('Matti').charters[1]!.review.status, 'overdue');
  });

  it('page paths: leaders/<slug>.html, unique, never a taken path', () => {
    const taken = new Set(['leaders/anna-laine.html']);
    const odd: Leader[] = [
      ...leaders,
      { name: 'ANNA-laine', key: 'anna-laine', charters: [] },
      { name: '王芳', key: '王芳', charters: [] },
      { name: '../../x', key: '../../x', charters: [] },
    ];
    const paths = leaderPaths(odd, taken);
    assert.deepEqual([...paths.values()], [
      'leaders/anna-laine-2.html',
      'leaders/matti-virtanen.html',
      'leaders/pekka-makinen-hr-tampere.html',
      'leaders/anna-laine-3.html',
      'leaders/leader.html',
      'leaders/x.html',
    ]);
  });

  it('the view: a row per charter, then every element of each charter with its text and goals, the review and the findings', () => {
    const html = toHtml(leaderHast(by('Matti'), linter.lookup, { lang: 'en', today: TODAY, linkFor: (file, line, anchor) => `${file}?line=${line}${anchor ? `#${anchor}` : ''}` }));
    const tree = assertSafeFragment(html, 'leader');
    const text = words(tree);
    // the summary table: two charters, the other owners, the review and coverage
    const rows = elementsWhere(elementsWhere(tree, (e) => e.tagName === 'tbody')[0]!, (e) => e.tagName === 'tr');
    assert.deepEqual(rows.map(words), [
      'Board board.md Top management Anna Laine 2027-11-01 ✓ Up to date 4 of 4 defined ' + String(results.find((r) => r.charter.file === 'board.md')!.findings.length),
      'Crane team team.md Supervisors Pekka Mäkinen (HR; Tampere) 2027-01-10 ✗ Overdue by 130 days 2 of 4 defined ' + String(results.find((r) => r.charter.file === 'team.md')!.findings.length),
    ]);
    // every element, its text (rendered) and its goals (marked)
    const sections = elementsWhere(tree, (e) => e.tagName === 'section' && (e.properties['className'] as string[]).includes('leader-element'));
    assert.deepEqual(sections.map((s) => s.properties['dataElement']), ['vision-and-culture', 'structures-and-resources', 'leading-by-example', 'ecosystem-thinking', 'team-learning-plans', 'individual-development', 'agile-learning', 'psychological-safety']);
    assert.match(text, /Vision and culture ✓ Defined Learning is how we keep the harbour safe\. Every unit links its learning to the strategy\. Goal: every unit plan names one learning goal by March 2027\./);
    const goals = elementsWhere(tree, (e) => (e.properties['className'])?.includes('goal') === true);
    assert.ok(goals.length >= 7, `goal lines marked: ${goals.length}`);
    assert.match(text, /Facilitating agile learning ! No goal We rotate operators between cranes every month\. content, but no goal or indicator: /);
    assert.match(text, /Psychological safety ✗ Missing missing from the charter: /);
    // links: the charter, an element, a missing element's checklist entry, a finding
    const hrefs = links(html);
    for (const h of ['board.md?line=1', 'board.md?line=12#el-vision-and-culture', 'team.md?line=1#check-psychological-safety']) assert.ok(hrefs.includes(h), h);
    assert.ok(hrefs.some((h) => /^team\.md\?line=\d+#finding-\d+$/.test(h)));
    // the open findings of the crane team, with their messages
    assert.match(text, /Open findings \d+ .*Missing element `?Psychological safety/);
    assert.match(text, /Overdue by 130 days/);
  });

  it('labels in Finnish; element names in the charter language', () => {
    const fi = load('fi');
    const html = toHtml(leaderHast(buildLeaders(fi.results, TODAY)[0]!, fi.linter.lookup, { lang: 'fi', today: TODAY, linkFor: () => '' }));
    const text = words(assertSafeFragment(html));
    assert.match(text, /2 peruskirjaa Yksikkö Johtotasot Yhdessä Seuraava katselmointi Kattavuus Avoimet huomiot/);
    assert.match(text, /Vision and culture ✓ Määritelty/);
    assert.deepEqual(links(html).filter((h) => !h.startsWith('#')), [], 'no link when linkFor gives none');
  });
});

describe('render: leader pages of the site', () => {
  const { linter, results } = load();
  const site = buildSite({ charters: results, lookup: linter.lookup, lang: 'en', today: TODAY, name: 'Harbour Works', css: '' });
  const file = (p: string): string => site.files.find((f) => f.path === p)!.text;

  it('a page per owner, safe, linking back to the index and to the charter pages at the element', () => {
    assert.deepEqual([...site.leaders.values()], ['leaders/anna-laine.html', 'leaders/matti-virtanen.html', 'leaders/pekka-makinen-hr-tampere.html']);
    for (const p of site.leaders.values()) assertSafePage(file(p), p);
    const page = file('leaders/anna-laine.html');
    assert.match(page, /<title>Anna Laine: my part – Harbour Works<\/title>/);
    assert.match(page, /<link rel="stylesheet" href="..\/charters.css">/);
    const hrefs = links(page);
    for (const h of ['../index.html', '../board.html', '../board.html#el-vision-and-culture', '../operations.html#el-knowledge-sharing']) assert.ok(hrefs.includes(h), h);
    const text = words(fromHtml(page));
    assert.match(text, /Anna Laine: my part/);
    assert.match(text, /Operations .*Pekka Mäkinen \(HR; Tampere\) 2027-04-01 ✗ Overdue by 49 days/);
    assert.match(text, /Indicators share of reports that led to a changed instruction reports discussed in the monthly meeting/);
  });

  it('the index lists the leaders and links the owners in the matrix and the charter list', () => {
    const index = file('index.html');
    const tree = fromHtml(index);
    const list = elementsWhere(tree, (e) => e.tagName === 'section' && (e.properties['className'] as string[]).includes('leader-list'))[0]!;
    assert.match(words(list), /Leaders .*Anna Laine 2 charters 2027-04-01 ✗ Overdue by 49 days Matti Virtanen 2 charters 2027-01-10 ✗ Overdue by 130 days Pekka Mäkinen \(HR; Tampere\) 2 charters/);
    const ownerLinks = elementsWhere(tree, (e) => e.tagName === 'a' && (e.properties['className'])?.includes('owner-link') === true);
    const targets = new Set(ownerLinks.map((a) => String(a.properties['href'])));
    assert.deepEqual([...targets].sort(), ['leaders/anna-laine.html', 'leaders/matti-virtanen.html', 'leaders/pekka-makinen-hr-tampere.html']);
    // matrix header (3 columns: 2 + 2 + 2 owners), charter list (6), leader list (3)
    assert.equal(ownerLinks.length, 6 + 6 + 3);
    // "anna  LAINE" of operations.md reads as Anna Laine in the matrix
    const header = elementsWhere(tree, (e) => e.tagName === 'th' && e.properties['dataFile'] === 'operations.md')[0]!;
    assert.match(squash(visibleText(header)), /Operations Anna Laine, Pekka Mäkinen \(HR; Tampere\)/);
  });
});

/**
 * The "whose job is what" matrix of test/fixtures/render/site-en (five charters over three tiers,
 * every element status, one review overdue and one due soon on 2027-05-20): the model, and its
 * Markdown, JSON and HTML renderings.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseConfig } from '../../../src/core/config';
import { Linter } from '../../../src/core/lint';
import { buildMatrix, matrixHtml, matrixJson, matrixMarkdown, type MatrixModel } from '../../../src/core/render/matrix';
import type { CharterSummary, Lang } from '../../../src/core/types';
import { assertSafeFragment, visibleText } from './assert-safe';
import { elementsWhere } from '../../helpers/hast';

const ROOT = path.resolve(__dirname, '../../../..');
const HANDBOOK = path.join(ROOT, 'test/fixtures/render/site-en');
const TODAY = '2027-05-20';

function summaries(lang: Lang = 'en'): { linter: Linter; list: CharterSummary[] } {
  const cfg = parseConfig(readFileSync(path.join(HANDBOOK, 'charters.yaml'), 'utf8'));
  assert.ok(cfg.ok);
  const linter = new Linter(cfg.config, lang);
  const files = (readdirSync(HANDBOOK, { recursive: true }) as string[]).filter((f) => f.endsWith('.md') && !f.endsWith('README.md'));
  const list = files.map((f) => linter.lintText(f.split(path.sep).join('/'), readFileSync(path.join(HANDBOOK, f), 'utf8'), { today: TODAY }).summary!);
  return { linter, list };
}

function model(): MatrixModel {
  const { linter, list } = summaries();
  return buildMatrix(list, linter.lookup, TODAY);
}

const elements = elementsWhere;

describe('render: matrix model', () => {
  it('columns: one per charter, grouped by tier in framework order, by path within a tier', () => {
    const m = model();
    assert.deepEqual(
      m.columns.map((c) => `${c.tier} ${c.file}`),
      [
        'top-management board/management-team.md',
        'middle-management operations/customer-service.md',
        'middle-management operations/depots.md',
        'supervisors teams/service-desk.md',
        'supervisors teams/vantaa-depot.md',
      ],
    );
    assert.deepEqual(m.tiers.map((t) => [t.id, t.columns]), [['top-management', [0]], ['middle-management', [1, 2]], ['supervisors', [3, 4]]]);
  });

  it('rows: elements grouped by tier; a column only has cells for its tier', () => {
    const m = model();
    assert.equal(m.rows.length, 13);
    assert.deepEqual(m.rows.slice(0, 4).map((r) => r.element), ['vision-and-culture', 'structures-and-resources', 'leading-by-example', 'ecosystem-thinking']);
    for (const row of m.rows) {
      row.cells.forEach((cell, i) => assert.equal(cell !== null, m.columns[i]!.tier === row.tier, `${row.element} × ${m.columns[i]!.file}`));
    }
    const cs = (id: string): MatrixModel['rows'][number]['cells'][number] => m.rows.find((r) => r.element === id)!.cells[1]!;
    assert.deepEqual(cs('strategy-interpreter'), { status: 'defined', file: 'operations/customer-service.md', line: 12 });
    assert.deepEqual(m.columns[1]!.owners, ['Jonas Berg']);
    assert.equal(cs('removing-obstacles')!.status, 'placeholder');
    assert.equal(cs('knowledge-sharing')!.status, 'no-goal');
    assert.equal(cs('coaching-supervisors')!.status, 'missing');
    assert.equal(cs('monitoring-learning')!.status, 'empty');
  });

  it('coverage per tier, overdue and due-soon reviews, gaps', () => {
    const m = model();
    assert.deepEqual(
      m.coverage.map((c) => [c.tier, c.charters, c.defined, c.required]),
      [
        ['top-management', 1, 4, 4],
        ['middle-management', 2, 6, 10],
        ['supervisors', 2, 6, 8],
      ],
    );
    assert.deepEqual(m.coverage[1]!.counts, { defined: 6, 'no-goal': 1, placeholder: 1, empty: 1, missing: 1 });
    assert.deepEqual(m.overdue.map((o) => [o.file, o.daysOverdue]), [['teams/vantaa-depot.md', 80], ['operations/customer-service.md', 20]]);
    assert.deepEqual(m.dueSoon.map((d) => [d.file, d.days]), [['operations/depots.md', 21]]);
    assert.deepEqual(m.tiersWithoutCharter, []);
    assert.deepEqual(m.chartersWithoutTier, []);
  });

  it('tiers without a charter, and charters without a known tier', () => {
    const { linter, list } = summaries();
    const m = buildMatrix([...list.filter((s) => !s.tiers.includes('supervisors')), { ...list[0]!, file: 'odd.md', tiers: [] }], linter.lookup, TODAY);
    assert.deepEqual(m.tiersWithoutCharter, ['supervisors']);
    assert.deepEqual(m.chartersWithoutTier, ['odd.md']);
    assert.equal(m.coverage[2]!.required, 0);
  });

  it('a charter of several tiers has a column in each of its tiers', () => {
    const { linter } = summaries();
    const doc = readFileSync(path.join(ROOT, 'test/fixtures/render/article-multi.md'), 'utf8');
    const s = new Linter(undefined, 'fi').lintText('all.md', doc, { today: TODAY }).summary!;
    const m = buildMatrix([s], linter.lookup, TODAY);
    assert.deepEqual(m.columns.map((c) => c.tier), ['top-management', 'middle-management', 'supervisors']);
    assert.ok(m.rows.every((r) => r.cells.filter(Boolean).length === 1));
  });
});

describe('render: matrix outputs', () => {
  it('JSON is the model, versioned, with a stable key order', () => {
    const m = model();
    const json = matrixJson(m);
    assert.ok(json.endsWith('}\n'));
    const data = JSON.parse(json) as MatrixModel;
    assert.deepEqual(data, JSON.parse(JSON.stringify(m)));
    assert.equal(data.schemaVersion, 2);
    assert.deepEqual(Object.keys(data), ['schemaVersion', 'today', 'tiers', 'columns', 'rows', 'coverage', 'overdue', 'dueSoon', 'tiersWithoutCharter', 'chartersWithoutTier']);
    assert.deepEqual(Object.keys(data.columns[0]!), ['tier', 'file', 'unit', 'owners', 'title', 'lang', 'nextReview', 'review']);
    assert.deepEqual(Object.keys(data.rows[0]!.cells[0]!), ['status', 'file', 'line']);
    assert.equal(matrixJson(model()), json, 'the same handbook gives the same JSON');
  });

  it('Markdown: a legend with ✅ ⚠️ ❌, one table per tier with the owners, overdue reviews', () => {
    const md = matrixMarkdown(model(), 'en', (file, line) => `../${file}#L${line}`);
    assert.match(md, /^\*\*Legend:\*\* ✅ defined: .*⚠️ no goal: .*⚠️ placeholder: .*⚠️ empty: .*❌ missing: /);
    assert.match(md, /### Middle management – Leader of learning and implementer of strategy\n\nCoverage: 6 of 10 defined\n\n\| Element \| \[Customer service\]\(\.\.\/operations\/customer-service\.md#L1\) \| \[Depots\]\(\.\.\/operations\/depots\.md#L1\) \|/);
    assert.match(md, /\| _Owner_ \| Jonas Berg \| Maria Lind \|/);
    assert.match(md, /\| Removing obstacles \| ⚠️ placeholder \| ✅ \|/);
    assert.match(md, /\| Coaching leadership of supervisors \| ❌ missing \| ✅ \|/);
    assert.match(md, /\| Monitoring learning and development \| ⚠️ empty \| ✅ \|/);
    assert.match(md, /### Overdue reviews\n\n- \[Vantaa depot\]\(\.\.\/teams\/vantaa-depot\.md#L1\) \(Leena Virtanen\): 2027-03-01, 80 days overdue/);
    // every table row has as many cells as its header
    for (const block of md.split('\n\n').filter((b) => b.startsWith('| '))) {
      const widths = block.split('\n').map((l) => l.split(/(?<!\\)\|/).length);
      assert.ok(widths.every((w) => w === widths[0]), block);
    }
  });

  it('Markdown in Finnish', () => {
    const { list } = summaries('fi');
    const md = matrixMarkdown(buildMatrix(list, new Linter().lookup, TODAY), 'fi');
    assert.match(md, /^\*\*Merkkien selitykset:\*\* ✅ määritelty:/);
    assert.match(md, /### Keskijohto – Oppimisen johtaja ja strategian toteuttaja\n\nKattavuus: 6\/10 määritelty/);
    assert.match(md, /\| Esteiden poistaminen \| ⚠️ paikkamerkki \| ✅ \|/);
    assert.match(md, /### Myöhässä olevat katselmoinnit/);
  });

  it('HTML: one table, tier column groups, a cell per element and charter with status, owner and link', () => {
    const m = model();
    const html = matrixHtml(m, 'en', (file, line, el) => `site/${file.replace(/\.md$/, '.html')}${el ? `#el-${el}` : ''}?line=${line}`);
    const tree = assertSafeFragment(html);
    const table = elements(tree, (e) => e.tagName === 'table')[0]!;
    const groups = elements(table, (e) => e.tagName === 'th' && e.properties['scope'] === 'colgroup');
    assert.deepEqual(groups.map((g) => [visibleText(g), g.properties['colSpan']]), [['Top management', 1], ['Middle management', 2], ['Supervisors', 2]]);
    const units = elements(table, (e) => e.tagName === 'th' && e.properties['scope'] === 'col' && Array.isArray(e.properties['className']) && (e.properties['className']).includes('unit'));
    assert.equal(units.length, 5);
    assert.match(visibleText(units[1]!), /Customer service.*Jonas Berg.*Overdue by 20 days/s);
    const rows = elements(table, (e) => e.tagName === 'tr' && e.properties['dataElement'] !== undefined);
    assert.equal(rows.length, 13);
    for (const row of rows) assert.equal(elements(row, (e) => e.tagName === 'td').length, 5, 'a td for every column');
    const coaching = rows.find((r) => r.properties['dataElement'] === 'coaching-supervisors')!;
    const cell = elements(coaching, (e) => e.tagName === 'a')[0]!;
    assert.equal(cell.properties['href'], 'site/operations/customer-service.html#el-coaching-supervisors?line=1');
    assert.equal(cell.properties['dataFile'], 'operations/customer-service.md');
    assert.equal(visibleText(cell).replace(/\s+/g, ' ').trim(), '✗ Missing');
    const text = visibleText(tree).replace(/\s+/g, ' ');
    assert.match(text, /Overdue reviews.*Vantaa depot.*Leena Virtanen.*Overdue by 80 days/);
    assert.match(text, /6 of 10 defined/);
  });

  it('HTML: a tier without a charter shows a column saying so', () => {
    const { linter, list } = summaries();
    const m = buildMatrix(list.filter((s) => !s.tiers.includes('top-management')), linter.lookup, TODAY);
    const tree = assertSafeFragment(matrixHtml(m, 'fi', () => '#'));
    const text = visibleText(tree).replace(/\s+/g, ' ');
    assert.match(text, /Johtotasot ilman peruskirjaa\s*✗ Ei peruskirjaa Ylin johto/);
    const noCharter = elements(tree, (e) => e.tagName === 'td' && (e.properties['className'] as string[]).includes('status-no-charter'));
    assert.equal(noCharter.length, 4);
  });
});

describe('render: matrix cells with content', () => {
  const OWNERS = path.join(ROOT, 'test/fixtures/render/site-owners');
  function withCharters(dir: string, lang: Lang = 'en'): MatrixModel {
    const cfg = parseConfig(readFileSync(path.join(dir, 'charters.yaml'), 'utf8'));
    assert.ok(cfg.ok);
    const linter = new Linter(cfg.config, lang);
    const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.md') && !f.endsWith('README.md'));
    const results = files.map((f) => linter.lintText(f.split(path.sep).join('/'), readFileSync(path.join(dir, f), 'utf8'), { today: TODAY }));
    const byFile = new Map(results.map((r) => [r.charter.file, r.charter]));
    return buildMatrix(results.map((r) => r.summary!), linter.lookup, TODAY, (file) => byFile.get(file));
  }

  it('a cell carries the opening sentence, the Markdown, the goals and its lines; columns every owner and the reviewed date', () => {
    const m = withCharters(OWNERS);
    assert.deepEqual(m.columns.map((c) => [c.file, c.owners, c.reviewed]), [
      ['board.md', ['Anna Laine', 'Matti Virtanen'], '2026-11-01'],
      ['operations.md', ['Anna Laine', 'Pekka Mäkinen (HR; Tampere)'], '2026-10-01'],
      ['team.md', ['Matti Virtanen', 'Pekka Mäkinen (HR; Tampere)'], '2026-01-10'],
    ]);
    const cell = m.rows.find((r) => r.element === 'knowledge-sharing')!.cells[1]!;
    assert.deepEqual(cell, {
      status: 'defined',
      file: 'operations.md',
      line: 25,
      endLine: 32,
      heading: 'Ensuring knowledge sharing',
      lead: 'Every incident gets a short learning report.',
      text: 'Every incident gets a short learning report.\n\n### Indicators\n\n- share of reports that led to a changed instruction\n- reports discussed in the monthly meeting',
      goals: [{ label: 'Indicators', text: 'share of reports that led to a changed instruction\nreports discussed in the monthly meeting', line: 29 }],
    });
    const missing = m.rows.find((r) => r.element === 'psychological-safety')!.cells[2]!;
    assert.deepEqual(missing, { status: 'missing', file: 'team.md', line: 1 });
    assert.deepEqual(m.overdue.map((o) => [o.file, o.owners]), [
      ['team.md', ['Matti Virtanen', 'Pekka Mäkinen (HR; Tampere)']],
      ['operations.md', ['Anna Laine', 'Pekka Mäkinen (HR; Tampere)']],
    ]);
  });

  it('HTML: the status links to the element; a <details> with the sentence opens to the goals; print has them all', () => {
    const m = withCharters(OWNERS);
    const html = matrixHtml(m, 'en', (file, line, el) => `${file}#${el ?? ''}${line}`, { linkForOwner: (_name, key) => `leaders/${key.replace(/\W+/g, '-')}.html` });
    const tree = assertSafeFragment(html);
    const row = elements(tree, (e) => e.tagName === 'tr' && e.properties['dataElement'] === 'vision-and-culture')[0]!;
    const td = elements(row, (e) => e.tagName === 'td')[0]!;
    const [status] = elements(td, (e) => e.tagName === 'a');
    assert.equal(status!.properties['href'], 'board.md#vision-and-culture12');
    const details = elements(td, (e) => e.tagName === 'details')[0]!;
    const summary = elements(details, (e) => e.tagName === 'summary')[0]!;
    assert.equal(visibleText(summary), 'Learning is how we keep the harbour safe.2 goals or indicators');
    const lists = elements(td, (e) => e.tagName === 'ul');
    assert.equal(lists.length, 2, 'one list in the details, one for print');
    assert.deepEqual(lists.map((l) => l.properties['className']), [['cell-goals'], ['cell-goals', 'print-only']]);
    for (const l of lists) assert.equal(visibleText(l), 'Goal every unit plan names one learning goal by March 2027.Indicator engagement survey item on learning at least 4.0 of 5.');
    // a cell without real content shows its status only
    const missing = elements(elements(tree, (e) => e.tagName === 'tr' && e.properties['dataElement'] === 'psychological-safety')[0]!, (e) => e.tagName === 'td')[2]!;
    assert.equal(visibleText(missing).trim(), '✗ Missing');
    // owners in the header link to their views
    const owners = elements(tree, (e) => e.tagName === 'a' && (e.properties['className'])?.includes('owner-link') === true);
    assert.deepEqual(owners.map((a) => [visibleText(a), a.properties['href']]), [
      ['Anna Laine', 'leaders/anna-laine.html'],
      ['Matti Virtanen', 'leaders/matti-virtanen.html'],
      ['Anna Laine', 'leaders/anna-laine.html'],
      ['Pekka Mäkinen (HR; Tampere)', 'leaders/pekka-m-kinen-hr-tampere-.html'],
      ['Matti Virtanen', 'leaders/matti-virtanen.html'],
      ['Pekka Mäkinen (HR; Tampere)', 'leaders/pekka-m-kinen-hr-tampere-.html'],
    ]);
  });

  it('Markdown: the sentence in the cell, cut; the goals in full under the table; every owner', () => {
    const md = matrixMarkdown(withCharters(OWNERS), 'en', (file) => file);
    assert.match(md, /\| _Owner_ \| Anna Laine, Matti Virtanen \|/);
    assert.match(md, /\| Vision and culture \| ✅ Learning is how we keep the harbour safe\. \|/);
    assert.match(md, /\*\*Goals and indicators\*\*\n\n- \[Operations\]\(operations\.md\) \(Anna Laine, Pekka Mäkinen \(HR; Tampere\)\)\n {2}- Interpreter between strategy and everyday work\n {4}- Goal: every shift has a plan with learning goals by the end of February 2027, reviewed with the team\./);
    assert.match(md, / {4}- Indicators: share of reports that led to a changed instruction; reports discussed in the monthly meeting/);
    for (const block of md.split('\n\n').filter((b) => b.startsWith('| '))) {
      const widths = block.split('\n').map((l) => l.split(/(?<!\\)\|/).length);
      assert.ok(widths.every((w) => w === widths[0]), block);
    }
    // a long sentence is cut at a word, with an ellipsis
    const m = withCharters(OWNERS);
    m.rows[0]!.cells[0]!.lead = `${'word '.repeat(40)}end.`;
    const cut = matrixMarkdown(m, 'en').split('\n').find((l) => l.startsWith('| Vision and culture'))!;
    assert.match(cut, /\| ✅ (word ){19}word… \|$/);
  });

  it('JSON: the cell content, schemaVersion 2', () => {
    const data = JSON.parse(matrixJson(withCharters(path.join(ROOT, 'examples/handbook'), 'fi'))) as MatrixModel;
    assert.equal(data.schemaVersion, 2);
    const cells = data.rows.flatMap((r) => r.cells).filter((c) => c !== null);
    assert.ok(cells.length > 40);
    for (const c of cells) {
      assert.ok(c.status === 'missing' || (typeof c.text === 'string' && typeof c.lead === 'string' && Array.isArray(c.goals) && c.endLine! >= c.line), JSON.stringify(c));
      if (c.status === 'defined') assert.ok(c.goals!.length > 0 && c.lead!.length > 0);
    }
  });
});

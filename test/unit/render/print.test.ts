/**
 * The printable matrix (src/core/render/print.ts): one table per tier, at most PRINT_COLUMNS
 * charters side by side, every cell and header kept; the site's index carries it as a print-only
 * copy; the print edition holds the cover, the matrix, the follow-up and every charter.
 */
import assert from 'node:assert/strict';
import { fromHtml } from 'hast-util-from-html';
import { Linter } from '../../../src/core/lint';
import { buildMatrix } from '../../../src/core/render/matrix';
import { buildPrintEdition, PRINT_COLUMNS, printMatrix, tierSlice } from '../../../src/core/render/print';
import { buildSite } from '../../../src/core/render/site';
import { toHtml } from '../../../src/core/render/html';
import { assertSafePage, visibleText } from './assert-safe';

const TODAY = '2027-01-15';
const linter = new Linter(undefined, 'en');

function team(i: number): string {
  return `---\ntier: supervisors\nunit: Team ${i}\nowner: Owner ${i}\nnext-review: 2027-06-01\nlang: en\n---\n\n# Team ${i}\n\n## Psychological safety\n\nWe talk about mistakes openly, team ${i}.\n\nGoal: a retrospective every month.\n`;
}

const board = `---\ntier: top-management\nunit: Board\nowner: Chair\nnext-review: 2027-06-01\nlang: en\n---\n\n# Board\n\n## Vision and culture\n\nLearning serves the business.\n\nGoal: a yearly review.\n`;

const results = [...Array.from({ length: PRINT_COLUMNS + 2 }, (_, i) => linter.lintText(`teams/t${i + 1}.md`, team(i + 1), { today: TODAY })), linter.lintText('board.md', board, { today: TODAY })];
const model = buildMatrix(
  results.map((r) => r.summary!),
  linter.lookup,
  TODAY,
);

describe('print: the matrix per tier', function () {
  this.timeout(30_000);

  it('a tier slice keeps only that tier, its columns and its rows, cells in order', () => {
    const s = tierSlice(model, 'supervisors', 2, 5);
    assert.deepEqual(s.tiers.map((t) => [t.id, t.columns]), [['supervisors', [0, 1, 2]]]);
    assert.deepEqual(s.columns.map((c) => c.unit), ['Team 3', 'Team 4', 'Team 5']);
    assert.ok(s.rows.every((r) => r.tier === 'supervisors' && r.cells.length === 3));
    const safety = s.rows.find((r) => r.element === 'psychological-safety')!;
    assert.deepEqual(safety.cells.map((c) => c?.status), ['defined', 'defined', 'defined']);
    assert.deepEqual(tierSlice(model, 'nope').tiers, []);
  });

  it(`a tier of more than ${PRINT_COLUMNS} charters is printed as tables of at most ${PRINT_COLUMNS}, each unit and owner once`, () => {
    const html = toHtml(printMatrix(model, 'en', () => '#'));
    const tree = fromHtml(html, { fragment: true });
    const text = visibleText(tree).replace(/\s+/g, ' ');
    assert.match(text, /Supervisors \(1\/2\)/);
    assert.match(text, /Supervisors \(2\/2\)/);
    assert.doesNotMatch(text, /Top management \(1/);
    const tables = html.split('<table class="matrix">').slice(1);
    assert.equal(tables.length, 4, 'top management, middle management (no charter), supervisors × 2');
    const unitCounts = tables.map((t) => (t.match(/<th scope="col" class="unit review-/g) ?? []).length);
    assert.deepEqual(unitCounts, [1, 0, PRINT_COLUMNS, 2]);
    for (let i = 1; i <= PRINT_COLUMNS + 2; i++) assert.equal(text.split(`Owner ${i}`).length - 1 >= 1, true, `Owner ${i}`);
  });

  it('the index carries the printable copy hidden on screen; the print edition holds every charter', () => {
    const site = buildSite({ charters: results, lookup: linter.lookup, lang: 'en', today: TODAY, name: 'Handbook', css: '' });
    const index = site.files.find((f) => f.path === 'index.html')!.text;
    assert.match(index, /<div class="print-only"><div class="print-matrix">/);
    const print = buildPrintEdition({ charters: results, lookup: linter.lookup, lang: 'en', today: TODAY, name: 'Handbook', css: 'body{}', cspNonce: 'abcdefgh12345678' });
    const tree = assertSafePage(print, 'print.html');
    const text = visibleText(tree).replace(/\s+/g, ' ');
    for (let i = 1; i <= PRINT_COLUMNS + 2; i++) assert.ok(text.includes(`We talk about mistakes openly, team ${i}.`), `team ${i}`);
    assert.match(text, /Contents/);
    assert.equal((print.match(/<section class="print-section print-charter"/g) ?? []).length, results.length);
    assert.match(print, /<style nonce="abcdefgh12345678">body\{\}<\/style>/);
  });
});

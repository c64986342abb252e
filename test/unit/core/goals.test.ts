/**
 * What an element says (opening sentence, whole goal lines) and the goal rows of a handbook:
 * test/fixtures/render/site-owners (three charters, several owners, wrapped and listed goals)
 * and examples/handbook (the Finnish example).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseConfig } from '../../../src/core/config';
import {
  csvText,
  detailsOf,
  filterGoalRows,
  firstSentence,
  goalRows,
  goalsJson,
  goalsTable,
  neutraliseFormula,
  plainText,
  type GoalRow,
} from '../../../src/core/goals';
import { Linter } from '../../../src/core/lint';
import type { Charter } from '../../../src/core/types';
import { repoRoot } from '../../helpers/paths';

const ROOT = repoRoot();
const TODAY = '2027-05-20';

function handbook(dir: string): { linter: Linter; charters: Charter[] } {
  const cfg = parseConfig(readFileSync(path.join(dir, 'charters.yaml'), 'utf8'));
  assert.ok(cfg.ok);
  const linter = new Linter(cfg.config);
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.md') && !f.endsWith('README.md')).sort();
  const charters = files.map((f) => linter.lintText(f.split(path.sep).join('/'), readFileSync(path.join(dir, f), 'utf8'), { today: TODAY }).charter);
  return { linter, charters };
}

const owners = handbook(path.join(ROOT, 'test/fixtures/render/site-owners'));
const byFile = (file: string): Charter => owners.charters.find((c) => c.file === file)!;

describe('goals: what an element says', () => {
  it('the opening sentence: plain text of the first paragraph that is not a goal', () => {
    const d = detailsOf(byFile('board.md'), 'top-management', 'vision-and-culture', owners.linter.lookup)!;
    assert.equal(d.lead, 'Learning is how we keep the harbour safe.');
    assert.equal(d.heading, 'Vision and culture');
    assert.deepEqual([d.line, d.endLine], [12, 17], "the last line with text");
    assert.match(d.text, /^Learning is how we keep[\s\S]*- Indicator: engagement survey item on learning at least 4\.0 of 5\.$/);
    // a section that starts with its goal: the sentence after it
    const linter = new Linter(undefined, 'fi');
    const c = linter.lintText('x.md', '---\ntier: supervisors\n---\n\n## Psykologinen turvallisuus\n\n**Tavoite:** kysely kahdesti vuodessa.\n\nVirheistä puhutaan *avoimesti* [palaverissa](x.md). Toinen lause.\n').charter;
    assert.equal(detailsOf(c, 'supervisors', 'psychological-safety', linter.lookup)!.lead, 'Virheistä puhutaan avoimesti palaverissa.');
  });

  it('a goal wrapped onto the next line keeps it; a goal heading followed by a list keeps each item', () => {
    const d = detailsOf(byFile('operations.md'), 'middle-management', 'strategy-interpreter', owners.linter.lookup)!;
    assert.deepEqual(d.goals, [{ label: 'Goal', text: 'every shift has a plan with learning goals by the end of February 2027, reviewed with the team.', line: 16 }]);
    const k = detailsOf(byFile('operations.md'), 'middle-management', 'knowledge-sharing', owners.linter.lookup)!;
    assert.deepEqual(k.goals, [{ label: 'Indicators', text: 'share of reports that led to a changed instruction\nreports discussed in the monthly meeting', line: 29 }]);
    assert.equal(k.lead, 'Every incident gets a short learning report.');
    const r = detailsOf(byFile('operations.md'), 'middle-management', 'removing-obstacles', owners.linter.lookup)!;
    assert.deepEqual(r.goals.map((g) => [g.label, g.text]), [['Follow-up', 'extended handovers held (target 45 a year).']]);
  });

  it('plain text and first sentences', () => {
    assert.equal(plainText('**Bold** and `code` and [link](x)\nwrapped.\n\n- one\n- two'), 'Bold and code and link wrapped.\none\ntwo');
    assert.equal(firstSentence('Noin 600 henkilöä, esim. asentajat. Toinen lause.'), 'Noin 600 henkilöä, esim. asentajat.');
    assert.equal(firstSentence('Is it? Yes.'), 'Is it?');
    assert.equal(firstSentence('No end'), 'No end');
  });
});

describe('goals: rows', () => {
  const rows = goalRows(owners.charters, owners.linter.lookup);

  it('one row per goal line and owner, in handbook order; one spelling per person', () => {
    const board = rows.filter((r) => r.file === 'board.md');
    assert.equal(board.length, 10, 'five goal lines, two owners');
    assert.deepEqual(board.slice(0, 2).map((r) => [r.owner, r.tier, r.unit, r.element, r.label, r.line, r.nextReview]), [
      ['Anna Laine', 'top-management', 'Board', 'vision-and-culture', 'Goal', 16, '2027-11-01'],
      ['Matti Virtanen', 'top-management', 'Board', 'vision-and-culture', 'Goal', 16, '2027-11-01'],
    ]);
    // "anna  LAINE" in operations.md is Anna Laine; the NFD "Pekka Mäkinen" of team.md is the NFC one
    assert.deepEqual([...new Set(rows.map((r) => r.owner))].sort(), ['Anna Laine', 'Matti Virtanen', 'Pekka Mäkinen (HR; Tampere)']);
    assert.deepEqual([...new Set(rows.map((r) => r.tier))], ['top-management', 'middle-management', 'supervisors']);
    assert.equal(rows.length, 10 + 10 + 4);
  });

  it('a charter without an owner gives rows with no owner', () => {
    const linter = new Linter();
    const c = linter.lintText('x.md', '---\ntier: supervisors\nlang: en\n---\n\n## Psychological safety\n\nWe talk openly.\n\n- Goal: survey twice a year.\n').charter;
    const r = goalRows([c], linter.lookup);
    assert.deepEqual(r.map((x) => [x.owner, x.element, x.text]), [[undefined, 'psychological-safety', 'survey twice a year.']]);
  });

  it('filters: tier by id; owner and unit forgiving, exact matches first', () => {
    const by = (f: Parameters<typeof filterGoalRows>[1]): GoalRow[] => filterGoalRows(rows, f);
    assert.equal(by({ tier: 'supervisors' }).length, 4);
    assert.equal(by({ owner: 'ANNA laine' }).length, 5 + 5);
    assert.equal(by({ owner: 'pekka makinen' }).length, 5 + 2, 'accents ignored, a part of the name will do');
    assert.deepEqual([...new Set(by({ owner: 'Matti' }).map((r) => r.owner))], ['Matti Virtanen']);
    assert.equal(by({ owner: 'virtanen', tier: 'supervisors' }).length, 2);
    assert.deepEqual([...new Set(by({ unit: 'crane team' }).map((r) => r.unit))], ['Crane team']);
    assert.equal(by({ unit: 'nowhere' }).length, 0);
  });

  it('JSON: schemaVersion, ids, null for absent values', () => {
    const data = JSON.parse(goalsJson(rows.slice(0, 1))) as { schemaVersion: number; rows: Record<string, unknown>[] };
    assert.equal(data.schemaVersion, 1);
    assert.deepEqual(data.rows[0], {
      owner: 'Anna Laine',
      tier: 'top-management',
      unit: 'Board',
      element: 'vision-and-culture',
      label: 'Goal',
      text: 'every unit plan names one learning goal by March 2027.',
      nextReview: '2027-11-01',
      file: 'board.md',
      line: 16,
    });
    const none = JSON.parse(goalsJson([{ ...rows[0]!, owner: undefined, unit: undefined, nextReview: undefined }])) as { rows: Record<string, unknown>[] };
    assert.deepEqual([none.rows[0]!['owner'], none.rows[0]!['unit'], none.rows[0]!['nextReview']], [null, null, null]);
  });

  it('the table: headers and names in the output language; formulas neutralised', () => {
    const en = goalsTable(rows, owners.linter.lookup, 'en');
    assert.deepEqual(en.header, ['Owner', 'Tier', 'Unit', 'Element', 'Label', 'Text', 'Next review', 'File', 'Line']);
    const fi = goalsTable(rows, owners.linter.lookup, 'fi');
    assert.deepEqual(fi.header, ['Omistaja', 'Johtotaso', 'Yksikkö', 'Osa-alue', 'Laji', 'Teksti', 'Seuraava katselmointi', 'Tiedosto', 'Rivi']);
    assert.deepEqual(fi.rows[0]!.slice(1, 4), ['Ylin johto', 'Board', 'Visio ja kulttuuri']);
    assert.equal(fi.rows[0]![8], 16);
    const injected = en.rows.find((r) => String(r[5]).includes('SUM'))!;
    assert.equal(injected[5], "'=SUM(1+1) twice-yearly reviews held for everyone.");
    for (const v of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) assert.equal(neutraliseFormula(v), `'${v}`);
    for (const v of ['a=1', ' =1', '1-2', '', "'x"]) assert.equal(neutraliseFormula(v), v);
  });

  it('CSV: RFC 4180 with CRLF and a byte-order mark; quoted where needed', () => {
    const csv = csvText({ header: ['a', 'b'], rows: [['x,y', 'say "hi"'], ['line\nbreak', 3], ['semi;colon', '']] }, ',');
    assert.equal(csv, '\ufeffa,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",3\r\nsemi;colon,\r\n');
    assert.equal(csvText({ header: ['a'], rows: [['semi;colon']] }, ';'), '\ufeffa\r\n"semi;colon"\r\n');
  });
});

describe('goals: the example handbook', () => {
  it('every goal line of examples/handbook, with its owner and the whole text', () => {
    const { linter, charters } = handbook(path.join(ROOT, 'examples/handbook'));
    const rows = goalRows(charters, linter.lookup);
    const total = charters.reduce((n, c) => n + c.occurrences.reduce((k, o) => k + o.goals.length, 0), 0);
    assert.equal(rows.length, total, 'one owner per example charter: one row per goal line');
    const tuotanto = rows.filter((r) => r.file === 'charters/keskijohto/tuotanto.md');
    assert.deepEqual(tuotanto[0], {
      owner: 'Mikko Laaksonen (tuotantojohtaja)',
      tier: 'middle-management',
      unit: 'Tuotanto',
      element: 'strategy-interpreter',
      label: 'Tavoite',
      text: 'kaikilla viidellä käyttövuorolla on vuosisuunnitelma osaamistavoitteineen helmikuun 2027 loppuun mennessä.',
      nextReview: '2027-05-31',
      file: 'charters/keskijohto/tuotanto.md',
      line: 25,
    });
  });
});

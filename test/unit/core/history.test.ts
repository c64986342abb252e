/**
 * The history series model (src/core/history.ts) on synthetic sequences of commits: real charter
 * texts linted into facts, then the sampling plan, the blobs it needs, the series per commit and
 * per week, overdue reviews judged at each point's date, and the changes since a review.
 */
import assert from 'node:assert/strict';
import { Linter } from '../../../src/core/lint';
import {
  changeBlobs,
  changesSince,
  charterFacts,
  checkFacts,
  csvField,
  historyCsv,
  historyJson,
  historySeries,
  neededBlobs,
  planSamples,
  snapshotSeries,
  type CharterFacts,
  type HistoryCommit,
} from '../../../src/core/history';

const linter = new Linter(undefined, 'en');
const TIERS = linter.lookup.framework.tiers.map((t) => ({ id: t.id, name: t.name }));

/** A supervisors' charter defining the first `defined` elements (with goals unless `noGoal`). */
function supervisors(o: { defined: number; next?: string; reviewed?: string; noGoal?: boolean; extra?: string }): string {
  const els = ['Team learning plans', 'Individual development', 'Agile learning', 'Psychological safety'];
  const fm = ['---', 'tier: supervisors', 'owner: Ann', o.next ? `next-review: ${o.next}` : '', o.reviewed ? `reviewed: ${o.reviewed}` : '', 'lang: en', '---'].filter(Boolean);
  const body = els.slice(0, o.defined).map((t, i) => `## ${t}\n\nWe do thing ${i} every week${o.extra ?? ''}.\n\n${o.noGoal ? '' : `Goal: ${i + 1} sessions a month.\n`}`);
  return [...fm, '', '# Team', '', ...body].join('\n');
}

/** Facts by blob key, made by linting the texts. */
function factsOf(texts: Record<string, string>): (key: string) => CharterFacts | undefined {
  const map = new Map<string, CharterFacts | undefined>();
  for (const [key, text] of Object.entries(texts)) map.set(key, charterFacts(linter.lintText('x.md', text), linter.lookup));
  return (key) => map.get(key);
}

const TEXTS = {
  a1: supervisors({ defined: 1, next: '2024-02-01' }),
  a2: supervisors({ defined: 3, next: '2024-02-01' }),
  a3: supervisors({ defined: 4, next: '2025-01-01', reviewed: '2024-03-01' }),
  b1: supervisors({ defined: 2, noGoal: true, next: '2030-01-01' }),
  readme: '# Handbook\n\nNot a charter.\n',
};

const COMMITS: HistoryCommit[] = [
  { id: 'c1', date: '2024-01-03', subject: 'first', changes: [{ path: 'a.md', before: null, after: 'a1' }, { path: 'README.md', before: null, after: 'readme' }] },
  { id: 'c2', date: '2024-01-10', subject: 'more', changes: [{ path: 'a.md', before: 'a1', after: 'a2' }, { path: 'b.md', before: null, after: 'b1' }] },
  { id: 'c3', date: '2024-03-05', subject: 'review', changes: [{ path: 'a.md', before: 'a2', after: 'a3' }] },
  { id: 'c4', date: '2024-04-01', subject: 'drop b', changes: [{ path: 'b.md', before: 'b1', after: null }] },
];

describe('history model', () => {
  it('facts: tiers, review dates, element statuses, goal counts and digests of a charter; none of a non-charter', () => {
    const f = factsOf(TEXTS);
    const a3 = f('a3')!;
    assert.deepEqual(a3.tiers, ['supervisors']);
    assert.equal(a3.nextReview, '2025-01-01');
    assert.equal(a3.reviewed, '2024-03-01');
    assert.deepEqual(
      a3.elements.map((e) => [e[1], e[2], e[3]]),
      [
        ['team-learning-plans', 'defined', 1],
        ['individual-development', 'defined', 1],
        ['agile-learning', 'defined', 1],
        ['psychological-safety', 'defined', 1],
      ],
    );
    assert.deepEqual(f('a1')!.elements.map((e) => e[2]), ['defined', 'missing', 'missing', 'missing']);
    assert.deepEqual(f('b1')!.elements.map((e) => e[2]), ['no-goal', 'no-goal', 'missing', 'missing']);
    assert.equal(f('readme'), undefined);
    // the digest follows the element's text
    const changed = charterFacts(linter.lintText('x.md', supervisors({ defined: 4, next: '2025-01-01', extra: ' and more' })), linter.lookup)!;
    assert.notEqual(changed.elements[0]![4], a3.elements[0]![4]);
    assert.equal(charterFacts(linter.lintText('x.md', TEXTS.a3), linter.lookup)!.elements[0]![4], a3.elements[0]![4]);
  });

  it('per commit: one point after each commit plus one today; overdue judged at each point', () => {
    const plan = planSamples(COMMITS, { today: '2024-06-01' });
    assert.equal(plan.granularity, 'commit');
    assert.deepEqual(plan.samples, [
      { date: '2024-01-03', index: 0 },
      { date: '2024-01-10', index: 1 },
      { date: '2024-03-05', index: 2 },
      { date: '2024-04-01', index: 3 },
      { date: '2024-06-01', index: 3 },
    ]);
    const series = historySeries({ commits: COMMITS, ...plan, facts: factsOf(TEXTS), tiers: TIERS, today: '2024-06-01' });
    const rows = series.points.map((p) => [p.date, p.commit, p.charters, p.defined, p.required, p.withGoal, p.overdue]);
    assert.deepEqual(rows, [
      ['2024-01-03', 'c1', 1, 1, 4, 1, 0],
      ['2024-01-10', 'c2', 2, 3, 8, 3, 0],
      // c3 replaced a2 (review due 2024-02-01) by a3 (due 2025-01-01): no point falls in between.
      ['2024-03-05', 'c3', 2, 4, 8, 4, 0],
      ['2024-04-01', 'c4', 1, 4, 4, 4, 0],
      ['2024-06-01', 'c4', 1, 4, 4, 4, 0],
    ]);
    const sup = series.points[1]!.tiers['supervisors']!;
    assert.deepEqual(sup, { charters: 2, overdue: 0, defined: 3, required: 8, withGoal: 3 });
    assert.deepEqual(series.points[1]!.tiers['top-management'], { charters: 0, overdue: 0, defined: 0, required: 0, withGoal: 0 });
  });

  it('a review date that passes between commits counts as overdue from then on', () => {
    const commits = COMMITS.slice(0, 2);
    const plan = planSamples(commits, { today: '2024-02-15' });
    const series = historySeries({ commits, ...plan, facts: factsOf(TEXTS), tiers: TIERS, today: '2024-02-15' });
    assert.deepEqual(series.points.map((p) => [p.date, p.overdue]), [
      ['2024-01-03', 0],
      ['2024-01-10', 0],
      ['2024-02-15', 1],
    ]);
    assert.equal(series.points[2]!.tiers['supervisors']!.overdue, 1);
  });

  it('per week over many commits: every week to today, the state after the last commit by then', () => {
    const commits = COMMITS.slice(0, 2);
    const plan = planSamples(commits, { today: '2024-02-07', perCommitLimit: 1 });
    assert.equal(plan.granularity, 'week');
    // 2024-01-03 is a Wednesday: weeks end on Sundays 01-07, 01-14, …; the last point is today.
    assert.deepEqual(plan.samples, [
      { date: '2024-01-07', index: 0 },
      { date: '2024-01-14', index: 1 },
      { date: '2024-01-21', index: 1 },
      { date: '2024-01-28', index: 1 },
      { date: '2024-02-04', index: 1 },
      { date: '2024-02-07', index: 1 },
    ]);
    const series = historySeries({ commits, ...plan, facts: factsOf(TEXTS), tiers: TIERS, today: '2024-02-07' });
    assert.deepEqual(series.points.map((p) => p.overdue), [0, 0, 0, 0, 1, 1]);
    assert.deepEqual(series.points.map((p) => p.commit), ['c1', 'c2', 'c2', 'c2', 'c2', 'c2']);
    assert.equal(series.granularity, 'week');
  });

  it('only the blobs live at a sample are needed (the weekly plan skips intermediate versions)', () => {
    const commits: HistoryCommit[] = [
      { id: 'c1', date: '2024-01-01', subject: '', changes: [{ path: 'a.md', before: null, after: 'a1' }] },
      { id: 'c2', date: '2024-01-02', subject: '', changes: [{ path: 'a.md', before: 'a1', after: 'a2' }] },
      { id: 'c3', date: '2024-01-03', subject: '', changes: [{ path: 'a.md', before: 'a2', after: 'a3' }] },
    ];
    const weekly = planSamples(commits, { today: '2024-01-03', granularity: 'week' });
    assert.deepEqual([...neededBlobs(commits, weekly.samples)], ['a3']);
    const perCommit = planSamples(commits, { today: '2024-01-03' });
    assert.deepEqual([...neededBlobs(commits, perCommit.samples)].sort(), ['a1', 'a2', 'a3']);
  });

  it('a commit date that runs backwards does not move the series back in time', () => {
    const commits: HistoryCommit[] = [
      { id: 'c1', date: '2024-05-01', subject: '', changes: [{ path: 'a.md', before: null, after: 'a1' }] },
      { id: 'c2', date: '2024-04-01', subject: '', changes: [{ path: 'a.md', before: 'a1', after: 'a2' }] },
    ];
    assert.deepEqual(planSamples(commits, { today: '2024-05-01' }).samples.map((s) => s.date), ['2024-05-01', '2024-05-01']);
  });

  it('changes since a review: commits after the date, elements added, removed and changed', () => {
    const texts = {
      ...TEXTS,
      a4: supervisors({ defined: 4, next: '2025-01-01', reviewed: '2024-03-01', extra: ' (updated)' }),
      a5: supervisors({ defined: 2, next: '2025-01-01', reviewed: '2024-03-01', extra: ' (updated)' }),
    };
    const commits: HistoryCommit[] = [
      ...COMMITS,
      { id: 'c5', date: '2024-04-02', subject: 'reword', changes: [{ path: 'a.md', before: 'a3', after: 'a4' }] },
      { id: 'c6', date: '2024-04-03', subject: 'cut', changes: [{ path: 'a.md', before: 'a4', after: 'a5' }] },
    ];
    assert.deepEqual([...changeBlobs(commits, 'a.md', '2024-03-01')].sort(), ['a2', 'a3', 'a4', 'a5']);
    const changes = changesSince(commits, 'a.md', '2024-03-01', factsOf(texts));
    const el = (refs: { elementId: string }[]): string[] => refs.map((r) => r.elementId);
    assert.deepEqual(changes.map((c) => c.commit), ['c3', 'c5', 'c6']);
    assert.deepEqual(el(changes[0]!.added), ['psychological-safety']);
    assert.deepEqual(el(changes[0]!.changed), []);
    assert.deepEqual(el(changes[1]!.changed), ['team-learning-plans', 'individual-development', 'agile-learning', 'psychological-safety']);
    assert.deepEqual(el(changes[2]!.removed), ['agile-learning', 'psychological-safety']);
    assert.equal(changes[2]!.kind, 'modified');
    assert.deepEqual(changesSince(commits, 'a.md', '2024-04-03', factsOf(texts)), []);
    const created = changesSince(COMMITS, 'b.md', '2024-01-01', factsOf(texts));
    assert.deepEqual(created.map((c) => [c.kind, el(c.added).length, el(c.removed).length]), [
      ['added', 2, 0],
      ['deleted', 0, 2],
    ]);
  });

  it('a snapshot series has one point at today and says why', () => {
    const f = factsOf(TEXTS);
    const s = snapshotSeries([f('a1')!, f('b1')!], TIERS, '2024-03-01', 'shallow');
    assert.equal(s.granularity, 'snapshot');
    assert.equal(s.note, 'shallow');
    assert.deepEqual(s.points.map((p) => [p.date, p.commit, p.charters, p.overdue, p.required]), [['2024-03-01', null, 2, 1, 8]]);
  });

  it('JSON is the model; CSV has a header, a row per point and per-tier columns', () => {
    const plan = planSamples(COMMITS, { today: '2024-04-01' });
    const series = historySeries({ commits: COMMITS, ...plan, facts: factsOf(TEXTS), tiers: TIERS, today: '2024-04-01' });
    assert.deepEqual(JSON.parse(historyJson(series)), JSON.parse(JSON.stringify(series)));
    const lines = historyCsv(series).split('\r\n');
    assert.equal(lines.pop(), '');
    assert.equal(lines.length, 1 + series.points.length);
    const head = lines[0]!.split(',');
    assert.deepEqual(head.slice(0, 7), ['date', 'commit', 'charters', 'overdue', 'defined', 'required', 'with_goal']);
    assert.ok(head.includes('supervisors:with_goal'));
    const row = lines[2]!.split(',');
    assert.equal(row[0], '2024-01-10');
    assert.equal(row[head.indexOf('supervisors:defined')], '3');
    assert.equal(historyCsv(series, ';').split('\r\n')[0]!.split(';').length, head.length);
  });

  it('CSV fields: quoted when needed, formulas neutralised', () => {
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('=1+1'), "'=1+1");
    assert.equal(csvField('-x;y', ';'), `"'-x;y"`);
    assert.equal(csvField(-3), '-3');
  });

  it('cached facts are checked before use', () => {
    const f = factsOf(TEXTS)('a3')!;
    assert.deepEqual(checkFacts(JSON.parse(JSON.stringify(f))), JSON.parse(JSON.stringify(f)));
    assert.equal(checkFacts(null), null);
    for (const bad of [1, 'x', [], { tiers: 'x', elements: [] }, { tiers: [], elements: [['t', 'e', 'bogus', 1, '']] }, { tiers: [], elements: [['t', 'e', 'defined', -1, '']] }, { tiers: [], nextReview: 5, elements: [] }]) {
      assert.equal(checkFacts(bad), undefined, JSON.stringify(bad));
    }
  });
});

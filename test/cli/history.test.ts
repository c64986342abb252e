/**
 * Follow-up over time as a user meets it: a temporary git repository with dated commits
 * (GIT_AUTHOR_DATE / GIT_COMMITTER_DATE), then the real bin spawned: `charters history` as JSON
 * and CSV, `charters render` with history.html and "changed since the last review" on a charter
 * page, a shallow clone that degrades to today's snapshot with a note, and the machine cache
 * (outside the work tree, never trusted).
 *
 * Build first (`node scripts/build.mjs`): the spawned runs use `dist/cli.js`.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { parseLog } from '../../src/cli/history';
import { assertSafePage, visibleText } from '../unit/render/assert-safe';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin/charters.js');

let tmp: string;

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8', HOME: tmp, XDG_CACHE_HOME: path.join(tmp, 'cache'), GIT_CONFIG_NOSYSTEM: '1', ...extra };
  for (const key of ['LC_ALL', 'LC_MESSAGES', 'FORCE_COLOR', 'GIT_DIR', 'GIT_WORK_TREE']) delete e[key];
  return e;
}

function charters(args: string[], cwd = tmp, extra: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: env(extra), encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.error, undefined, String(r.error));
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function git(cwd: string, args: string[], date?: string): string {
  const dated = date ? { GIT_AUTHOR_DATE: `${date}T12:00:00+02:00`, GIT_COMMITTER_DATE: `${date}T12:00:00+02:00` } : {};
  return execFileSync('git', args, { cwd, env: env({ GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.org', ...dated }), encoding: 'utf8' });
}

const SUP = ['Team learning plans', 'Individual development', 'Agile learning', 'Psychological safety'];
const MID = ['Strategy interpreter', 'Removing obstacles', 'Knowledge sharing', 'Coaching supervisors', 'Monitoring learning'];

function charter(tier: string, unit: string, titles: string[], o: { next: string; reviewed?: string; goals?: boolean; extra?: string }): string {
  const fm = ['---', `tier: ${tier}`, `unit: ${unit}`, 'owner: Ann Example', `next-review: ${o.next}`, o.reviewed ? `reviewed: ${o.reviewed}` : '', 'lang: en', '---'].filter(Boolean);
  const body = titles.map((t, i) => `## ${t}\n\nWe work on ${t.toLowerCase()} every week${o.extra ?? ''}.\n\n${o.goals === false ? '' : `Goal: ${i + 1} reviews a quarter.\n`}`);
  return [...fm, '', `# ${unit}`, '', ...body].join('\n');
}

function write(repo: string, rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
  writeFileSync(path.join(repo, rel), text);
}

/**
 * Four commits over a handbook in `repo/handbook` (a file outside it changes too):
 * 2024-01-08 the team's charter with one element (review due 2024-03-01, reviewed 2024-01-08);
 * 2024-02-05 three elements, and the operations charter (middle management, no goals);
 * 2024-03-04 a commit outside the handbook only;
 * 2024-04-01 all four elements, the first reworded, a hostile commit subject.
 */
function makeRepo(): string {
  const repo = path.join(tmp, 'repo');
  mkdirSync(repo);
  git(repo, ['init', '-q', '-b', 'main']);
  write(repo, 'handbook/charters.yaml', 'title: "Northwind <b>follow-up</b>"\nlanguage: en\nexclude: ["README.md"]\n');
  write(repo, 'handbook/README.md', '# Readme title\n');
  write(repo, 'handbook/teams/depot.md', charter('supervisors', 'Depot', SUP.slice(0, 1), { next: '2024-03-01', reviewed: '2024-01-08' }));
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', 'Start the handbook'], '2024-01-08');
  write(repo, 'handbook/teams/depot.md', charter('supervisors', 'Depot', SUP.slice(0, 3), { next: '2024-03-01', reviewed: '2024-01-08' }));
  write(repo, 'handbook/ops/operations.md', charter('middle-management', 'Operations', MID, { next: '2025-01-01', goals: false }));
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', 'Depot: three elements; operations charter'], '2024-02-05');
  write(repo, 'other/notes.md', 'Not the handbook.\n');
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', 'Unrelated notes'], '2024-03-04');
  write(repo, 'handbook/teams/depot.md', charter('supervisors', 'Depot', SUP, { next: '2024-03-01', reviewed: '2024-01-08', extra: ' and month' }));
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', 'Depot <img src=x onerror=alert(1)> all elements'], '2024-04-01');
  return repo;
}

interface Point {
  date: string;
  commit: string | null;
  charters: number;
  overdue: number;
  defined: number;
  required: number;
  withGoal: number;
  tiers: Record<string, { charters: number; overdue: number; defined: number; required: number; withGoal: number }>;
}

beforeEach(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'charters-history-'));
});

afterEach(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('charters history (spawned, a temporary git repository)', function () {
  this.timeout(120_000);

  it('prints the series as JSON: a point per commit touching the handbook and one for today, overdue as of each date', () => {
    const repo = makeRepo();
    const r = charters(['history', 'repo/handbook', '--today', '2024-05-01']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const s = JSON.parse(r.stdout) as { version: number; granularity: string; commits: number; note?: string; points: Point[] };
    assert.equal(s.version, 1);
    assert.equal(s.granularity, 'commit');
    assert.equal(s.note, undefined);
    assert.equal(s.commits, 3, 'the commit outside the handbook is not a point');
    const head = git(repo, ['rev-parse', 'HEAD']).trim();
    assert.deepEqual(
      s.points.map((p) => [p.date, p.charters, p.defined, p.required, p.withGoal, p.overdue]),
      [
        ['2024-01-08', 1, 1, 4, 1, 0],
        ['2024-02-05', 2, 3, 9, 3, 0],
        ['2024-04-01', 2, 4, 9, 4, 1],
        ['2024-05-01', 2, 4, 9, 4, 1],
      ],
    );
    assert.equal(s.points[2]!.commit, head);
    assert.equal(s.points[3]!.commit, head);
    assert.deepEqual(s.points[1]!.tiers['middle-management'], { charters: 1, overdue: 0, defined: 0, required: 5, withGoal: 0 });
    assert.deepEqual(s.points[2]!.tiers['supervisors'], { charters: 1, overdue: 1, defined: 4, required: 4, withGoal: 4 });
  });

  it('prints the same series as CSV (RFC 4180, one row per point, per-tier columns)', () => {
    makeRepo();
    const json = JSON.parse(charters(['history', 'repo/handbook', '--today', '2024-05-01']).stdout) as { points: Point[] };
    const r = charters(['history', 'repo/handbook', '--format', 'csv', '--today', '2024-05-01']);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.endsWith('\r\n'));
    const rows = r.stdout.trimEnd().split('\r\n').map((l) => l.split(','));
    const head = rows.shift()!;
    assert.equal(rows.length, json.points.length);
    rows.forEach((row, i) => {
      const p = json.points[i]!;
      assert.equal(row[head.indexOf('date')], p.date);
      assert.equal(row[head.indexOf('commit')], p.commit);
      assert.equal(Number(row[head.indexOf('with_goal')]), p.withGoal);
      assert.equal(Number(row[head.indexOf('supervisors:defined')]), p.tiers['supervisors']!.defined);
      assert.equal(Number(row[head.indexOf('middle-management:required')]), p.tiers['middle-management']!.required);
    });
    const bad = charters(['history', 'repo/handbook', '--format', 'xml']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /Unknown format `xml`: use json or csv/);
  });

  it('render: history.html with accessible charts and their numbers; the charter page lists the changes since its review', () => {
    makeRepo();
    const r = charters(['render', 'repo/handbook', '--out', 'site', '--today', '2024-05-01']);
    assert.equal(r.code, 0, r.stderr);
    const historyHtml = readFileSync(path.join(tmp, 'site/history.html'), 'utf8');
    const tree = assertSafePage(historyHtml, 'history.html');
    const text = visibleText(tree).replace(/\s+/g, ' ');
    assert.match(text, /Northwind <b>follow-up<\/b>/, 'the title of charters.yaml, as text');
    assert.doesNotMatch(text, /Readme title/, 'charters.yaml title wins over the README');
    assert.match(text, /One point after each commit that changed the handbook \(3 commits\)/);
    for (const t of ['Defined elements per tier', 'Charters per tier', 'Overdue reviews', 'Goal coverage']) assert.ok(text.includes(t), t);
    // every chart: an svg with role=img, a title and a description, and a table of its numbers
    const svgs = [...historyHtml.matchAll(/<svg class="chart"[^>]*role="img"[^>]*aria-labelledby="([^"]+)"/g)];
    assert.equal(svgs.length, 4);
    for (const [, ids] of svgs) for (const id of ids!.split(' ')) assert.match(historyHtml, new RegExp(`<(title|desc) id="${id}">`));
    assert.match(historyHtml, /<desc id="chart-defined-desc">[^<]*Supervisors 1 → 4/);
    assert.equal((historyHtml.match(/<table class="numbers">/g) ?? []).length, 4);
    const definedTable = /<section class="card history-metric history-defined"[^]*?<\/section>/.exec(historyHtml)![0];
    assert.match(definedTable, /<th scope="row">2024-04-01<\/th><td><code>[0-9a-f]{7}<\/code><\/td><td class="num">0 \/ 0<\/td><td class="num">0 \/ 5<\/td><td class="num">4 \/ 4<\/td>/, 'the row of 2024-04-01: top management, middle management, supervisors');
    assert.doesNotMatch(historyHtml, /<script|<img/);

    const index = readFileSync(path.join(tmp, 'site/index.html'), 'utf8');
    assert.match(index, /<a href="history.html">Follow-up over time<\/a>/);

    const depotHtml = readFileSync(path.join(tmp, 'site/teams/depot.html'), 'utf8');
    const depot = visibleText(assertSafePage(depotHtml, 'depot.html')).replace(/\s+/g, ' ');
    assert.match(depot, /Changed since the last review \(2024-01-08\)/);
    assert.match(depot, /2 commits have changed this charter since it was last reviewed/);
    // newest first; the hostile subject is text; element names as the framework gives them
    assert.match(depot, /2024-04-01 [0-9a-f]{7} Depot <img src=x onerror=alert\(1\)> all elements ?Added: Psychological safety ?Changed: From business goals to team learning and development plans, Facilitating individual strengths, development needs and learning plans, Facilitating agile learning ?2024-02-05 [0-9a-f]{7} Depot: three elements; operations charter ?Added: Facilitating individual strengths, development needs and learning plans, Facilitating agile learning ?Generated/);
    assert.doesNotMatch(depotHtml, /<img/);
    // a charter without `reviewed:` gets no such section
    assert.doesNotMatch(readFileSync(path.join(tmp, 'site/ops/operations.html'), 'utf8'), /Changed since the last review/);
  });

  it('a shallow clone degrades to today’s snapshot, with a note on the page and on stderr', () => {
    const repo = makeRepo();
    const shallow = path.join(tmp, 'shallow');
    git(tmp, ['clone', '-q', '--depth', '1', `file://${repo}`, shallow]);
    assert.equal(git(shallow, ['rev-parse', '--is-shallow-repository']).trim(), 'true');
    const r = charters(['history', 'shallow/handbook', '--today', '2024-05-01']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /shallow clone; its history is cut off/);
    const s = JSON.parse(r.stdout) as { granularity: string; note: string; points: Point[] };
    assert.equal(s.granularity, 'snapshot');
    assert.equal(s.note, 'shallow');
    assert.deepEqual(s.points.map((p) => [p.date, p.commit, p.charters, p.defined, p.overdue]), [['2024-05-01', null, 2, 4, 1]]);
    const fi = charters(['render', 'shallow/handbook', '--out', 'site', '--today', '2024-05-01', '--lang', 'fi']);
    assert.equal(fi.code, 0, fi.stderr);
    const text = visibleText(fromHtml(readFileSync(path.join(tmp, 'site/history.html'), 'utf8'))).replace(/\s+/g, ' ');
    assert.match(text, /Tämä on matala klooni \(shallow clone\)/);
    assert.doesNotMatch(readFileSync(path.join(tmp, 'site/teams/depot.html'), 'utf8'), /Muutokset edellisen katselmoinnin/);
  });

  it('keeps what it linted in a cache outside the work tree, and a corrupt cache changes nothing', () => {
    const repo = makeRepo();
    const first = charters(['history', 'repo/handbook', '--today', '2024-05-01']);
    const cacheDir = path.join(tmp, 'cache/leadership-charters');
    const files = readdirSync(cacheDir).filter((f) => f.startsWith('history-'));
    assert.equal(files.length, 1);
    assert.match(readFileSync(path.join(cacheDir, files[0]!), 'utf8'), /^\{"hmac":"[0-9a-f]{64}",/, 'authenticated with the machine key, as the lint cache');
    assert.match(files[0]!, /^history-[0-9a-f]{16}\.json$/);
    const cache = JSON.parse(readFileSync(path.join(cacheDir, files[0]!), 'utf8')) as { entries: Record<string, unknown> };
    const blobs = git(repo, ['rev-list', '--objects', '--all']).split('\n').map((l) => l.split(' ')[0]);
    for (const key of Object.keys(cache.entries)) assert.ok(blobs.includes(key.replace(/\+$/, '')), `${key} is a blob id of the repository`);
    assert.ok(!existsSync(path.join(repo, '.charters-cache')), 'nothing written into the work tree');
    assert.equal(git(repo, ['status', '--porcelain']), '');
    // a poisoned cache (entries changed under the old MAC, or no MAC) and a broken one give the same series
    const poisoned = Object.fromEntries(Object.keys(cache.entries).map((k) => [k, { tiers: [], nextReview: undefined, reviewed: undefined, elements: [] }]));
    writeFileSync(path.join(cacheDir, files[0]!), JSON.stringify({ ...cache, entries: poisoned }));
    assert.equal(charters(['history', 'repo/handbook', '--today', '2024-05-01']).stdout, first.stdout);
    writeFileSync(path.join(cacheDir, files[0]!), JSON.stringify({ ...cache, hmac: undefined, entries: poisoned }));
    assert.equal(charters(['history', 'repo/handbook', '--today', '2024-05-01']).stdout, first.stdout);
    writeFileSync(path.join(cacheDir, files[0]!), '{ not json');
    assert.equal(charters(['history', 'repo/handbook', '--today', '2024-05-01']).stdout, first.stdout);
    assert.equal(charters(['history', 'repo/handbook', '--today', '2024-05-01']).stdout, first.stdout, 'from the rewritten cache');
  });

  it('on worker threads (dist/history-worker.js) the series is the same as on one thread', () => {
    makeRepo();
    const args = ['history', 'repo/handbook', '--today', '2024-05-01'];
    const one = charters(args, tmp, { CHARTERS_HISTORY_WORKERS: '0', XDG_CACHE_HOME: path.join(tmp, 'cache-1'), CHARTERS_DEBUG: '1' });
    const two = charters(args, tmp, { CHARTERS_HISTORY_WORKERS: '2', XDG_CACHE_HOME: path.join(tmp, 'cache-2'), CHARTERS_DEBUG: '1' });
    assert.equal(one.code, 0, one.stderr);
    assert.equal(two.code, 0, two.stderr);
    assert.match(one.stderr, /history: 3 commits, 4 points, 4 blobs linted on 1 threads/);
    assert.match(two.stderr, /history: 3 commits, 4 points, 4 blobs linted on 2 threads/);
    assert.equal(two.stdout, one.stdout);
    assert.ok(existsSync(path.join(ROOT, 'dist/history-worker.js')), 'the worker is bundled');
    const cached = (dir: string): unknown => {
      const d = path.join(tmp, dir, 'leadership-charters');
      return (JSON.parse(readFileSync(path.join(d, readdirSync(d).find((f) => f.startsWith('history-'))!), 'utf8')) as { entries: unknown }).entries;
    };
    assert.deepEqual(cached('cache-2'), cached('cache-1'), 'the same facts, from either path');
  });

  it('outside git: today’s snapshot with a note', () => {
    const hb = path.join(tmp, 'plain');
    write(hb, 'teams/depot.md', charter('supervisors', 'Depot', SUP, { next: '2024-03-01' }));
    const r = charters(['history', 'plain', '--format', 'csv', '--today', '2024-05-01']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /not in a git repository/);
    assert.equal(r.stdout.trimEnd().split('\r\n').length, 2);
  });
});

describe('parseLog (git log -z --raw)', () => {
  const A = 'a'.repeat(40);
  const B = 'b'.repeat(40);
  const Z = '0'.repeat(40);
  const md = (p: string): boolean | undefined => (p.endsWith('.md') ? p.startsWith('forced/') : undefined);

  it('reads commits and the blob ids of the handbook files they changed; paths become handbook-relative', () => {
    const out = [
      `\x1e${'1'.repeat(40)}\x1f2024-01-08T12:00:00+02:00\x1fFirst`,
      `\n:000000 100644 ${Z} ${A} A`,
      'hb/a.md',
      `:000000 100644 ${Z} ${A} A`,
      'hb/forced/b.md',
      `:000000 100644 ${Z} ${A} A`,
      'hb/notes.txt',
      `:000000 100644 ${Z} ${A} A`,
      'elsewhere/c.md',
      `\x1e${'2'.repeat(40)}\x1f2024-02-05T12:00:00+02:00\x1fSecond`,
      `\n:100644 100644 ${A} ${B} M`,
      'hb/a.md',
      `:100644 120000 ${A} ${B} T`,
      'hb/forced/b.md',
      '',
    ].join('\0');
    assert.deepEqual(parseLog(out, 'hb', md), [
      { id: '1'.repeat(40), date: '2024-01-08', subject: 'First', changes: [{ path: 'a.md', before: null, after: A }, { path: 'forced/b.md', before: null, after: `${A}+` }] },
      { id: '2'.repeat(40), date: '2024-02-05', subject: 'Second', changes: [{ path: 'a.md', before: A, after: B }, { path: 'forced/b.md', before: `${A}+`, after: null }] },
    ]);
  });

  it('a subject cannot forge a commit or a change: it ends at its NUL, and control characters become spaces', () => {
    const out = [`\x1e${'1'.repeat(40)}\x1f2024-01-08T12:00:00+02:00\x1fEvil \x1e${'9'.repeat(40)}\x1f2030-01-01T00:00:00Z\x1f:000000 100644 ${Z} ${B} A`, `\n:000000 100644 ${Z} ${A} A`, 'a.md', ''].join('\0');
    const commits = parseLog(out, '', md);
    assert.equal(commits.length, 1);
    assert.deepEqual(commits[0]!.changes, [{ path: 'a.md', before: null, after: A }]);
    assert.doesNotMatch(commits[0]!.subject, /[\x00-\x1f]/);
  });
});

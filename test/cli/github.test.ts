/**
 * The pull-request review on GitHub, simulated: a temporary git repository whose base commit
 * holds a handbook and whose head commit changes it, then the real bin with `GITHUB_BASE_REF`
 * and `GITHUB_STEP_SUMMARY` as GitHub Actions sets them. Also `--changed-since` for a local
 * pre-commit run, and the job summary's size cap.
 *
 * The handbook: examples/handbook (with `review-missing` as a note), plus (in the base) twelve stub charters `hb/aaa/old-NN.md`
 * with every element missing. The head (the pull request):
 * - completes `old-01.md` (4 elements defined),
 * - adds `hb/zzz-new.md`, two empty sections and two missing elements (findings on new lines,
 *   last in path order),
 * - sets a past `next-review` in `charters/keskijohto/tuotanto.md` (an overdue review).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ANNOTATIONS_PER_STEP } from '../../src/cli/formatters/github';
import { buildSummary, md, SUMMARY_BYTES } from '../../src/cli/summary';
import type { Finding, RunResult } from '../../src/core/types';
import { repoRoot, TODAY } from '../helpers/paths';

const ROOT = repoRoot();
const BIN = path.join(ROOT, 'bin/charters.js');
const GIT_ENV = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_NOSYSTEM: '1', HOME: tmpdir() };
/** A hostile file name: Markdown and HTML that must stay text in the summary. */
const HOSTILE = 'old-12 <img src=x onerror=alert(1)> [l](http:evil) @someone.md';

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } });
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

function charters(args: string[], cwd: string, env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GITHUB_')));
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...clean, LANG: 'C', NO_COLOR: '1', ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const stub = (n: number): string => `---\ntier: top-management\nunit: Old ${n}\n---\n\n# Old ${n}\n\nTo be written.\n`;

describe('GitHub pull-request review (annotations, order, cap, job summary)', function () {
  this.timeout(120_000);
  let repo: string;
  let head: string;
  const summaryFile = (): string => path.join(repo, '..', 'summary.md');

  before(() => {
    repo = path.join(mkdtempSync(path.join(tmpdir(), 'charters-pr-')), 'repo');
    cpSync(path.join(ROOT, 'examples/handbook'), path.join(repo, 'hb'), { recursive: true });
    mkdirSync(path.join(repo, 'hb/aaa'));
    // Notes as well as errors and warnings: a missing review date is a note here.
    const config = path.join(repo, 'hb/charters.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('review-missing: warning', 'review-missing: note'));
    for (let i = 1; i <= 11; i++) writeFileSync(path.join(repo, 'hb/aaa', `old-${String(i).padStart(2, '0')}.md`), stub(i), { flag: 'w' });
    writeFileSync(path.join(repo, 'hb/aaa', HOSTILE), stub(12));
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'base');
    git(repo, 'checkout', '-q', '-b', 'feature');
    const full = readFileSync(path.join(repo, 'hb/charters/ylin-johto/johtoryhma.md'), 'utf8').replace('unit: Kaarnajoen Vesi Oy, johtoryhmä', 'unit: Old 1');
    writeFileSync(path.join(repo, 'hb/aaa/old-01.md'), full);
    writeFileSync(
      path.join(repo, 'hb/zzz-new.md'),
      '---\ntier: supervisors\nunit: New\nowner: N N\nnext-review: 2027-06-01\n---\n\n# New\n\n## Psykologinen turvallisuus\n\n## Ketterä oppiminen\n',
    );
    const tuotanto = path.join(repo, 'hb/charters/keskijohto/tuotanto.md');
    writeFileSync(tuotanto, readFileSync(tuotanto, 'utf8').replace('next-review: 2027-05-31', 'next-review: 2020-01-31'));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'head');
    head = git(repo, 'rev-parse', 'HEAD');
    // As actions/checkout leaves it with fetch-depth: 0: the base branch as a remote-tracking ref.
    git(repo, 'update-ref', 'refs/remotes/origin/main', 'main');
  });

  after(() => rmSync(path.dirname(repo), { recursive: true, force: true }));

  function pr(extra: string[] = [], env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
    rmSync(summaryFile(), { force: true });
    return charters(['lint', 'hb', '--format', 'github', '--today', TODAY, '--lang', 'en', ...extra], repo, {
      GITHUB_ACTIONS: 'true',
      GITHUB_BASE_REF: 'main',
      GITHUB_STEP_SUMMARY: summaryFile(),
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/handbook',
      GITHUB_SHA: head,
      ...env,
    });
  }

  function allFindings(): Finding[] {
    const r = charters(['lint', 'hb', '--format', 'json', '--today', TODAY, '--lang', 'en'], repo);
    return (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
  }

  it('puts findings on changed lines first, caps each kind at what GitHub shows, and ends with one notice counting the rest', () => {
    const findings = allFindings();
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    const notes = findings.filter((f) => f.severity === 'note').length;
    assert.ok(errors > 10 && warnings > 10 && notes > 10, `the fixture has more of each kind than GitHub shows: ${errors}/${warnings}/${notes}`);

    const r = pr();
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    const kinds = (k: string): string[] => lines.filter((l) => l.startsWith(`::${k} `));
    assert.equal(kinds('error').length, ANNOTATIONS_PER_STEP.error);
    assert.equal(kinds('warning').length, ANNOTATIONS_PER_STEP.warning);
    assert.equal(kinds('notice').length, ANNOTATIONS_PER_STEP.notice, 'nine notices and the closing one');
    // The closing notice: last, once, with the exact number left out and where to see them.
    const closing = lines.filter((l) => l.startsWith('::notice title=charters::'));
    assert.equal(closing.length, 1);
    assert.equal(lines[lines.length - 1], closing[0]);
    const hidden = errors + warnings + notes - (lines.length - 1);
    assert.match(closing[0]!, new RegExp(`::${hidden} more findings are not shown as annotations \\(${errors - 10} errors, ${warnings - 10} warnings, ${notes - 9} notes\\)`));
    assert.match(closing[0]!, /job summary/);
    assert.match(closing[0]!, /SARIF/);
    assert.match(closing[0]!, /charters lint/);
    // Order: the new file's four errors (all on new lines) lead, although zzz-new.md sorts last.
    const first = kinds('error').slice(0, 5);
    for (const l of first.slice(0, 4)) assert.match(l, /^::error file=hb\/zzz-new\.md,line=\d+,.*title=element-(empty|missing)::/);
    assert.doesNotMatch(first[4]!, /zzz-new/);
    assert.equal(first.filter((l) => l.includes('title=element-empty::')).length, 2);
    // The changed line in tuotanto.md (the overdue review) is the first warning.
    assert.match(kinds('warning')[0]!, /^::warning file=hb\/charters\/keskijohto\/tuotanto\.md,line=\d+,.*title=review-overdue::/);
    // Without a base the print order (by path) would start elsewhere: the order is the change's.
    const plain = charters(['lint', 'hb', '--format', 'github', '--today', TODAY, '--lang', 'en'], repo);
    assert.doesNotMatch(plain.stdout.split('\n').find((l) => l.startsWith('::error'))!, /zzz-new/);
  });

  it('says the closing notice in Finnish too', () => {
    const r = pr(['--lang', 'fi']);
    const closing = r.stdout.split('\n').find((l) => l.startsWith('::notice title=charters::'));
    assert.match(closing ?? '', /havaintoa ei näy merkintöinä/);
    assert.match(closing ?? '', /työn yhteenvedossa/);
  });

  it('writes a job summary: counts, the effect on coverage beside the base, every finding by file with links', () => {
    const r = pr();
    assert.equal(r.code, 1, r.stderr);
    const summary = readFileSync(summaryFile(), 'utf8');
    const findings = allFindings();
    const count = (s: string): number => findings.filter((f) => f.severity === s).length;
    assert.match(summary, new RegExp(`\\*\\*${count('error')} errors, ${count('warning')} warnings, ${count('note')} notes\\*\\* in 22 charters`));
    assert.match(summary, /Base \\\(main\\\)\\: \d+ errors/);
    assert.match(summary, /This pull request defines 4 elements\\, leaves 2 missing in the charters it changes\\, and adds 1 overdue review/);
    // The coverage table: the base beside the head, per tier.
    assert.match(summary, /\| Top management \| 4\/52 \| 8\/52 \| \+4 \|/);
    assert.match(summary, /\| Supervisors \| 20\/20 \| 20\/24 \| ±0 \|/);
    // Every finding is listed, with a link to its line at the head commit.
    const items = summary.split('\n').filter((l) => l.startsWith('- **'));
    assert.equal(items.length, findings.length);
    assert.ok(summary.includes(`(https://github.com/acme/handbook/blob/${head}/hb/zzz-new.md#L10)`), summary.slice(0, 2000));
    // Files with findings on changed lines come first (then by path).
    const headings = summary.split('\n').filter((l) => l.startsWith('#### '));
    assert.match(headings[0]!, /^#### \[hb\\\/charters\\\/keskijohto\\\/tuotanto\\\.md\]/);
    assert.match(headings[1]!, /^#### \[hb\\\/zzz\\-new\\\.md\]/);
    assert.match(headings[2]!, /aaa/);
    // The hostile file name stays text: no raw HTML, no link of its own, no mention.
    assert.ok(!/(^|[^\\])<img/.test(summary), 'no raw <img');
    assert.ok(!summary.includes('](http:evil)'), 'no link from a file name');
    assert.ok(summary.includes('\\<img src\\=x onerror\\=alert\\(1\\)\\>'), 'the name is escaped');
    assert.ok(summary.includes('\\@someone'));
    assert.ok(summary.includes('%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E'), 'the link to it is percent-encoded');
  });

  it('writes the summary in Finnish, and not at all with --no-summary', () => {
    pr(['--lang', 'fi']);
    const fi = readFileSync(summaryFile(), 'utf8');
    assert.match(fi, /Tämä muutos määrittelee 4 osa\\-aluetta/);
    assert.match(fi, /\| Ylin johto \| 4\/52 \| 8\/52 \| \+4 \|/);
    const none = pr(['--no-summary']);
    assert.equal(none.code, 1);
    assert.throws(() => readFileSync(summaryFile()), /ENOENT/);
  });

  it('goes on without ordering when the base branch was not fetched (shallow clone), and says so', () => {
    const r = pr([], { GITHUB_BASE_REF: 'release-9' });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /the pull request's base `release-9` is not in this clone.*fetch-depth: 0/);
    assert.equal(r.stdout.split('\n').filter((l) => l.startsWith('::error ')).length, 10);
    assert.match(readFileSync(summaryFile(), 'utf8'), /Top management \| 8\/52 \|/);
  });

  it('--changed-since works locally in the stylish format, with uncommitted changes too', () => {
    const file = path.join(repo, 'hb/charters/esihenkilot/it-platform-team.md');
    const before = readFileSync(file, 'utf8');
    try {
      // An uncommitted edit (as in a pre-commit hook): a second section for an element.
      writeFileSync(file, `${before}\n## Psykologinen turvallisuus\n\nKaksoiskappale.\n`);
      const added = before.split('\n').length + 1;
      const r = charters(['lint', 'hb', '--changed-since', 'main', '--today', TODAY, '--lang', 'en'], repo);
      assert.equal(r.code, 1, r.stderr);
      const groups = r.stdout.split('\n').filter((l) => /^\S/.test(l) && !/^[✖✔*]/.test(l));
      // The changed files first (in path order among themselves), then the rest.
      assert.deepEqual(groups.slice(0, 3), ['hb/charters/esihenkilot/it-platform-team.md', 'hb/charters/keskijohto/tuotanto.md', 'hb/zzz-new.md']);
      assert.match(r.stdout, new RegExp(`^ {2}\\*${added}:1 +error +Element \`Psychological safety\`.*element-duplicate$`, 'm'));
      assert.match(r.stdout, /\n\* on a line changed since main\n/);
      // Findings elsewhere are kept, not dropped.
      const all = allFindings();
      assert.match(r.stdout, new RegExp(`✖ ${all.length} problems`));
      // Without --changed-since there is no mark.
      assert.doesNotMatch(charters(['lint', 'hb', '--today', TODAY], repo).stdout, /^ {2}\*\d/m);
    } finally {
      writeFileSync(file, before);
    }
  });

  it('--changed-since with a ref git does not know, or outside a repository, is a usage error', () => {
    const r = charters(['lint', 'hb', '--changed-since', 'no-such-branch', '--lang', 'en'], repo);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /`--changed-since no-such-branch`: no such commit/);
    const opt = charters(['lint', 'hb', '--changed-since=--output=/tmp/x', '--lang', 'en'], repo);
    assert.equal(opt.code, 2, 'a ref is never taken as an option');
    const outside = mkdtempSync(path.join(tmpdir(), 'charters-norepo-'));
    try {
      cpSync(path.join(ROOT, 'examples/handbook'), outside, { recursive: true });
      const n = charters(['lint', '.', '--changed-since', 'main', '--lang', 'fi'], outside);
      assert.equal(n.code, 2);
      assert.match(n.stderr, /tarvitsee git-repositorion/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('job summary size cap', () => {
  it('stays under 1 MiB and counts what it left out', async () => {
    const long = 'x'.repeat(400);
    const findings: Finding[] = Array.from({ length: 6000 }, (_, i) => ({
      ruleId: 'goal-missing',
      ruleName: 'goal-missing',
      source: 'charters',
      reason: `No goal \`${i}\` ${long}`,
      severity: 'warning',
      file: `f${i % 50}.md`,
      place: { start: { line: i + 1, column: 1, offset: 0 }, end: { line: i + 1, column: 2, offset: 1 } },
      url: 'https://example.com/goal-missing.md',
    }));
    const run: RunResult = { findings, charters: [], ignored: [], skipped: [], rules: [] };
    const text = await buildSummary({ run, lang: 'en', today: TODAY, cwd: tmpdir(), handbooks: [], base: undefined, env: {} });
    assert.ok(Buffer.byteLength(text) <= SUMMARY_BYTES, `${Buffer.byteLength(text)} bytes`);
    const listed = text.split('\n').filter((l) => l.startsWith('- **')).length;
    assert.ok(listed > 1000 && listed < 6000, String(listed));
    assert.match(text, new RegExp(`… and ${6000 - listed} more findings, left out to keep this summary under GitHub's 1 MiB limit`));
  });

  it('escapes Markdown, HTML and control characters in handbook text', () => {
    assert.equal(md('a*b_c [x](y) <b> | @me\n# h\u0007'), 'a\\*b\\_c \\[x\\]\\(y\\) \\<b\\> \\| \\@me \\# h\ufffd');
  });
});

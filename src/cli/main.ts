/**
 * The `charters` command. `main(params)` takes all I/O as parameters and returns the exit code:
 * 0 no errors, 1 errors (or more warnings than --max-warnings), 2 usage, config or internal error.
 */
import * as nodePath from 'node:path';
import { parseArgs } from 'node:util';
import picomatch from 'picomatch/posix';
import { CLI_FILE_BUDGET_MS } from '../core/budget';
import type { ConfigError, ResolvedConfig } from '../core/config';
import { CONFIG_FILE, configErrorText } from '../core/config';
import { discover, findConfig, globs, readRefusal, relativePath, type FoundConfig } from '../core/handbook';
import { Linter, sortFindings } from '../core/lint';
import { renderTemplate } from '../core/template';
import { scanFrontmatter } from '../core/frontmatter';
import { isIsoDate, isoDay, slug, sourceOf } from '../core/text';
import { VERSION } from '../core/version';
import type { Lang, RunResult, TierDef } from '../core/types';
import { FORMATTERS, type FormatName, type Notice } from './formatters/index';
import { m, safeLines } from './messages';
import { suggest } from './suggest';
import { useColor } from './color';
import { exists, nodeFs, shownPath, SymlinkRefused, toCorePath, writeFileAtomic } from './node-fs';
import { defaultCacheFile, userCacheDir } from './cache';
import { defaultConcurrency, lintTarget } from './pool';
import { gitBlobIds } from './git';
import { fnv1a, parseShard } from './shard';
import { charterFileStem, initFiles, WORKFLOW_PATH, workflowTemplate } from '../core/init';
import { existsSync, realpathSync } from 'node:fs';
import { findRepository } from './git';
import type { FrameworkLookup } from '../core/framework/lookup';
import { ruleDocsUrl, ruleHint } from '../core/rules/descriptions';
import { historyCommand, matrixCommand, renderCommand } from './render';
import { goalsCommand } from './goals';
import { changeContext, repoPath } from './changed';
import { writeSummary, type SummaryHandbook } from './summary';


export interface MainParams {
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether standard output is a terminal (colours only then, unless asked); default false. */
  stdoutIsTTY?: boolean;
  /** Binary output (`goals --format xlsx` without --output); absent: binary output needs --output. */
  stdoutBytes?: (data: Uint8Array) => void;
}

class UsageError extends Error {}

/**
 * Every option of the command line. `example` is the value shown when one is missing. Which
 * command takes which option is in COMMANDS; GLOBAL options go with every command.
 */
const OPTIONS = {
  format: { type: 'string', short: 'f', example: 'json' },
  output: { type: 'string', short: 'o', example: 'report.txt' },
  'max-warnings': { type: 'string', example: '0' },
  'file-budget': { type: 'string', example: '5000' },
  quiet: { type: 'boolean', short: 'q' },
  fix: { type: 'boolean' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string', example: '.charters-cache' },
  shard: { type: 'string', example: '1/4' },
  jobs: { type: 'string', short: 'j', example: '2' },
  concurrency: { type: 'string', example: '2' },
  lang: { type: 'string', example: 'fi' },
  today: { type: 'string', example: '2027-01-31' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  unit: { type: 'string', example: 'Sales' },
  owner: { type: 'string', example: '"Anna Laine"' },
  tier: { type: 'string', example: 'supervisors' },
  delimiter: { type: 'string', example: ';' },
  out: { type: 'string', example: 'site' },
  print: { type: 'boolean' },
  'changed-since': { type: 'string', example: 'origin/main' },
  'no-summary': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type OptionName = keyof typeof OPTIONS;
type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

const GLOBAL: readonly OptionName[] = ['lang', 'color', 'no-color', 'help', 'version'];

/**
 * One subcommand: the options it takes besides GLOBAL, how many arguments, and what runs it.
 * Its help is in messages.ts under `<name>.synopsis`, `.summary`, `.help`, `.options` and
 * `.examples` (fi and en). To add a command: a row here and those five messages.
 */
interface Command {
  options: readonly OptionName[];
  /** Most positional arguments (Infinity: any number). */
  maxArgs: number;
  run(params: MainParams, values: Values, args: string[], lang: Lang): Promise<number> | number;
}

const COMMANDS = {
  lint: {
    options: ['format', 'output', 'max-warnings', 'file-budget', 'quiet', 'fix', 'today', 'cache', 'cache-location', 'jobs', 'concurrency', 'shard', 'changed-since', 'no-summary'],
    maxArgs: Infinity,
    run: (params, values, args, lang) => lintCommand(params, values, args, lang),
  },
  init: { options: [], maxArgs: 1, run: (params, values, args, lang) => initCommand(params, values, args, lang) },
  new: { options: ['unit', 'out'], maxArgs: 1, run: (params, values, args, lang) => newCommand(params, values, args, lang) },
  rules: { options: ['format'], maxArgs: 1, run: (params, values, args, lang) => rulesCommand(params, values, args, lang) },
  // render and matrix say themselves that they take one handbook (oneHandbook).
  render: { options: ['out', 'print', 'today'], maxArgs: Infinity, run: (params, values, args, lang) => renderCommand(params, values, args, lang) },
  matrix: { options: ['format', 'output', 'today'], maxArgs: Infinity, run: (params, values, args, lang) => matrixCommand(params, values, args, lang) },
  goals: {
    options: ['format', 'output', 'today', 'owner', 'tier', 'unit', 'delimiter'],
    maxArgs: Infinity,
    run: (params, values, args, lang) => goalsCommand(params, values, args, lang),
  },
  history: { options: ['format', 'output', 'today'], maxArgs: Infinity, run: (params, values, args, lang) => historyCommand(params, values, args, lang) },
  help: { options: [], maxArgs: 1, run: (params, _values, args, lang) => helpCommand(params, args, lang) },
} satisfies Record<string, Command>;

type CommandName = keyof typeof COMMANDS;
const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

function isCommand(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(COMMANDS, name);
}

function envLang(env: MainParams['env']): Lang | undefined {
  const v = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return v.toLowerCase().startsWith('fi') ? 'fi' : undefined;
}

function parseLang(value: string | undefined, fallback: Lang): Lang {
  if (value === undefined) return fallback;
  if (value === 'fi' || value === 'en') return value;
  throw new UsageError(m(fallback, 'badLang', value));
}

/** " Did you mean `x`?" when something is near, else "". */
function didYouMean(lang: Lang, typed: string, candidates: readonly string[]): string {
  const [best] = suggest(typed, candidates);
  return best === undefined ? '' : ` ${m(lang, 'didYouMean', best)}`;
}

/** The global help: the commands (from COMMANDS) and the options of every command. */
function globalHelp(lang: Lang): string {
  const rows = COMMAND_NAMES.map((c) => `  ${m(lang, `${c}.synopsis`).padEnd(23)}  ${m(lang, `${c}.summary`)}`);
  return `${m(lang, 'usageHead')}\n${rows.join('\n')}\n\n${m(lang, 'usageGlobal')}\n`;
}

/** One command's help: usage line, what it does, its options, examples. */
function commandHelp(lang: Lang, c: CommandName): string {
  const parts = [`${m(lang, 'helpUsage')} charters ${m(lang, `${c}.synopsis`)} [${lang === 'fi' ? 'valinnat' : 'options'}]`, m(lang, `${c}.help`)];
  const options = m(lang, `${c}.options`);
  if (options) parts.push(`${m(lang, 'helpOptions')}\n${options}`);
  parts.push(`${m(lang, 'helpExamples')}\n${m(lang, `${c}.examples`)}`, m(lang, 'helpFooter'));
  return `${parts.join('\n\n')}\n`;
}

function helpCommand(params: MainParams, args: string[], lang: Lang): number {
  const [topic] = args;
  if (topic === undefined) {
    params.stdout(globalHelp(lang));
    return 0;
  }
  if (!isCommand(topic)) throw new UsageError(`${m(lang, 'unknownCommand', topic)}${didYouMean(lang, topic, COMMAND_NAMES)} ${m(lang, 'seeHelp')}`);
  params.stdout(commandHelp(lang, topic));
  return 0;
}

/**
 * Parses the command line in two passes. The first (lenient) finds the command and the
 * language; then every option token is checked against the command's own options, so that a
 * mistake gets our message in the user's language (with "did you mean"), not the parser's.
 * The second pass, strict over the command's options only, cannot fail after that.
 */
function parseCommandLine(argv: string[], fallbackLang: Lang): { command: CommandName | undefined; values: Values; args: string[]; lang: Lang } {
  const loose = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: false, tokens: true });
  const langValue = loose.values.lang;
  const lang = parseLang(typeof langValue === 'string' ? langValue : undefined, fallbackLang);
  const [first] = loose.positionals;
  if (first !== undefined && !isCommand(first)) {
    throw new UsageError(`${m(lang, 'unknownCommand', first)}${didYouMean(lang, first, COMMAND_NAMES)} ${m(lang, 'seeHelp')}`);
  }
  const command = first;
  const allowed = new Set<string>([...GLOBAL, ...(command ? COMMANDS[command].options : (Object.keys(OPTIONS) as OptionName[]))]);
  const see = ` ${command ? m(lang, 'seeCommandHelp', command) : m(lang, 'seeHelp')}`;
  for (const token of loose.tokens) {
    if (token.kind !== 'option') continue;
    const spec = (OPTIONS as Record<string, { type: string; example?: string }>)[token.name];
    if (!spec || !allowed.has(token.name)) {
      const written = token.rawName;
      const owners = command && spec ? COMMAND_NAMES.filter((c) => (COMMANDS[c].options as readonly string[]).includes(token.name)) : [];
      if (owners.length > 0) {
        throw new UsageError(`${m(lang, 'optionElsewhere', written, owners.map((c) => `\`charters ${c}\``).join(', '), command!)}${see}`);
      }
      const names = [...allowed].map((n) => `--${n}`);
      throw new UsageError(`${m(lang, 'unknownOption', written)}${didYouMean(lang, written.startsWith('--') ? written : `--${token.name}`, names)}${see}`);
    }
    if (spec.type === 'string') {
      // `--format` last, or followed by another option (`--format --quiet`): no value given.
      const value = token.value;
      const takenOption = !token.inlineValue && typeof value === 'string' && /^--?[A-Za-z]/.test(value) && value.replace(/^--?/, '').split('=')[0]! in OPTIONS;
      if (value === undefined || takenOption) throw new UsageError(`${m(lang, 'missingValue', token.rawName, spec.example ?? '')}${see}`);
    } else if (token.inlineValue) {
      throw new UsageError(`${m(lang, 'noValueAllowed', token.rawName, `${token.rawName}=${token.value ?? ''}`)}${see}`);
    }
  }
  const options = Object.fromEntries([...allowed].map((n) => [n, OPTIONS[n as OptionName]]));
  const strict = parseArgs({ args: argv, options: options as typeof OPTIONS, allowPositionals: true, strict: true });
  const args = strict.positionals.slice(1);
  if (command) {
    const max = COMMANDS[command].maxArgs;
    if (args.length > max) throw new UsageError(`${max === 0 ? m(lang, 'noArgs', command, args[0]!) : m(lang, 'tooManyArgs', command, max, args[max]!)}${see}`);
  }
  return { command, values: strict.values, args, lang };
}

export async function main(params: MainParams): Promise<number> {
  const fallbackLang: Lang = envLang(params.env) ?? 'en';
  let lang = fallbackLang;
  try {
    const parsed = parseCommandLine(params.argv, fallbackLang);
    const { command, values, args } = parsed;
    lang = parsed.lang;
    if (values.version) {
      params.stdout(`${VERSION}\n`);
      return 0;
    }
    if (command === undefined) {
      // `charters` alone is a usage mistake (exit 2); `charters --help` is not.
      if (values.help) params.stdout(globalHelp(lang));
      else params.stderr(globalHelp(lang));
      return values.help ? 0 : 2;
    }
    if (values.help) return helpCommand(params, command === 'help' ? args : [command], lang);
    return await COMMANDS[command].run(params, values, args, lang);
  } catch (e) {
    if (e instanceof UsageError) {
      params.stderr(`charters: ${e.message}\n`);
      return 2;
    }
    params.stderr(`charters: ${m(lang, 'internal', '')}${safeLines((e as Error)?.stack ?? String(e))}\n`);
    return 2;
  }
}

/** Print config errors (file:line:col) and signal exit 2. */
function configErrors(params: MainParams, lang: Lang, errors: ConfigError[]): number {
  for (const e of errors) {
    const file = nodePath.relative(params.cwd, e.file) || e.file;
    params.stderr(`${m(lang, 'configError', file, e.line, e.column, configErrorText(e, lang))}\n`);
  }
  return 2;
}

async function loadConfig(params: MainParams, lang: Lang, dir: string): Promise<FoundConfig & { config?: ResolvedConfig; code?: number }> {
  const found = await findConfig(nodeFs, toCorePath(dir), lang);
  if (!found.result.ok) return { ...found, code: configErrors(params, lang, found.result.errors) };
  return { ...found, config: found.result.config };
}

interface Target {
  kind: 'dir' | 'files';
  start: string;
  files?: string[];
  /** A file named on the command line (not found by a glob): never passed over in silence. */
  explicit?: boolean;
}

async function resolveTargets(params: MainParams, lang: Lang, paths: string[]): Promise<Target[]> {
  const targets: Target[] = [];
  for (const p of paths) {
    const abs = nodePath.resolve(params.cwd, p);
    const st = await nodeFs.stat(abs).catch(() => undefined);
    if (st?.type === 'directory') {
      targets.push({ kind: 'dir', start: abs });
    } else if (st?.type === 'file') {
      targets.push({ kind: 'files', start: nodePath.dirname(abs), files: [toCorePath(abs)], explicit: true });
    } else if (picomatch.scan(p).isGlob) {
      const scan = picomatch.scan(p);
      const base = nodePath.resolve(params.cwd, scan.base || '.');
      const found = await findConfig(nodeFs, toCorePath(base));
      const config = found.result.ok ? found.result.config : undefined;
      const isMatch = picomatch(p.replace(/\\/g, '/'), { dot: false });
      const baseCore = toCorePath(base);
      const cwdCore = toCorePath(params.cwd);
      const disc = config ? await discover(nodeFs, found.root, baseCore, config) : { files: [] };
      const files = disc.files.filter((f) => isMatch(relativePath(cwdCore, f)) || isMatch(f));
      if (files.length === 0 && found.result.ok) throw new UsageError(m(lang, 'noMatch', p));
      targets.push({ kind: 'files', start: base, files });
    } else {
      throw new UsageError(m(lang, 'noMatch', p));
    }
  }
  return targets;
}

/**
 * `charters lint`: read the options, lint each target (a handbook or named files), merge the
 * runs, say what --quiet and --max-warnings did, format, write the report (and the job
 * summary), and the exit code.
 */
async function lintCommand(params: MainParams, values: Values, paths: string[], cliLang: Lang): Promise<number> {
  const settings = lintSettings(values, cliLang);
  const targets = await resolveTargets(params, cliLang, paths.length > 0 ? paths : ['.']);
  const runs: RunResult[] = [];
  const handbooks: SummaryHandbook[] = [];
  let lang = cliLang;
  for (const target of targets) {
    const linted = await lintOneTarget(params, values, settings, target, cliLang);
    if (typeof linted === 'number') return linted;
    runs.push(linted.run);
    if (linted.handbook) handbooks.push(linted.handbook);
    lang = linted.lang;
  }
  const run = mergeRuns(runs);
  const verdict = judge(run, values, settings, lang);
  const output = await formatRun(params, values, settings, run, verdict.notices, targets, lang, cliLang, handbooks);
  await deliver(params, values, output, verdict, cliLang);
  return verdict.errors > 0 || verdict.tooManyWarnings ? 1 : 0;
}

interface LintSettings {
  format: FormatName;
  /** -1: no limit. */
  maxWarnings: number;
  /** One date for every file and thread (and the cache key), even across midnight. */
  today: string;
  shard: ReturnType<typeof parseShard>;
  concurrency: { n: number; explicit: boolean };
  /** Milliseconds one file may take to lint (`--file-budget`); 0: no limit. */
  fileBudgetMs: number;
}

/** The options of `lint`, checked (a usage error names the bad one). */
function lintSettings(values: Values, cliLang: Lang): LintSettings {
  const format = (values.format ?? 'stylish') as FormatName;
  if (!(format in FORMATTERS)) throw new UsageError(m(cliLang, 'badFormat', format));
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    if (!/^\d+$/.test(values['max-warnings'])) throw new UsageError(m(cliLang, 'badNumber', '--max-warnings', values['max-warnings']));
    maxWarnings = Number(values['max-warnings']);
  }
  let fileBudgetMs = CLI_FILE_BUDGET_MS;
  if (values['file-budget'] !== undefined) {
    if (!/^\d{1,9}$/.test(values['file-budget'])) throw new UsageError(m(cliLang, 'badNumber', '--file-budget', values['file-budget']));
    fileBudgetMs = Number(values['file-budget']);
  }
  if (values.today !== undefined && !isIsoDate(values.today)) throw new UsageError(m(cliLang, 'badDate', values.today));
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (values.shard !== undefined && !shard) throw new UsageError(m(cliLang, 'badShard', values.shard));
  return { format, maxWarnings, today: values.today ?? isoDay(new Date()), shard, concurrency: parseConcurrency(values, cliLang), fileBudgetMs };
}

/**
 * One target: its config, its files (discovered, or named and checked), the run of
 * `lintTarget`, and what became of the files named on the command line. An exit code on a
 * config error.
 */
async function lintOneTarget(
  params: MainParams,
  values: Values,
  settings: LintSettings,
  target: Target,
  cliLang: Lang,
): Promise<{ run: RunResult; lang: Lang; handbook: SummaryHandbook | undefined } | number> {
  const cwdCore = toCorePath(params.cwd);
  const found = await loadConfig(params, cliLang, target.start);
  if (!found.config) return found.code ?? 2;
  const config = found.config;
  // The language: --lang, else the handbook's, else the environment's.
  const lang = values.lang ? cliLang : (config.language ?? cliLang);
  const cached = values.cache || values['cache-location'] !== undefined;
  // git's index (content hashes for --cache) is asked first, so that git works while the
  // handbook is discovered and the cache loads.
  const gitIds = cached && values.fix !== true && params.env['CHARTERS_CACHE_GIT'] !== '0' ? gitBlobIds(found.root) : undefined;
  const files = target.kind === 'dir' ? await discover(nodeFs, found.root, toCorePath(target.start), config, lang) : await namedFiles(found.root, target.files ?? [], config, lang);
  const named = target.explicit ? files.files : [];
  // A file named on the command line that charters.yaml excludes is not linted, but said so.
  const excluded = globs(config).excluded;
  const configName = found.file ? relativePath(cwdCore, found.file) : CONFIG_FILE;
  for (const f of named) {
    if (!excluded(relativePath(found.root, f))) continue;
    files.files = files.files.filter((x) => x !== f);
    files.skipped.push({ file: f, reason: m(lang, 'excludedByConfig', configName) });
  }
  // The cache lives outside the work tree (the user's cache directory) unless --cache-location
  // says otherwise; either way it is authenticated with the machine's key (cache.ts).
  const userCache = userCacheDir(params.env);
  let cacheFile: string | undefined;
  if (cached && values['cache-location'] !== undefined) {
    cacheFile = toCorePath(nodePath.join(nodePath.resolve(params.cwd, values['cache-location']), cacheName(relativePath(cwdCore, found.root))));
  } else if (cached) {
    cacheFile = toCorePath(defaultCacheFile(userCache, await nodeFs.realpath!(found.root).catch(() => found.root)));
  }
  const run = await lintTarget({
    root: found.root,
    base: cwdCore,
    config,
    linter: new Linter(config, lang),
    lang,
    today: settings.today,
    fix: values.fix === true,
    fileBudgetMs: settings.fileBudgetMs,
    files: files.files,
    handbook: target.kind === 'dir' ? { configFile: found.file } : undefined,
    // --fix of named files: the rest of the handbook, where the other part of a split charter may be
    ...(values.fix === true && target.kind !== 'dir' ? { siblingFiles: (await discover(nodeFs, found.root, found.root, config, lang)).files } : {}),
    concurrency: settings.concurrency,
    shard: settings.shard,
    cacheFile,
    cacheKeyDir: userCache,
    cacheBase: values['cache-location'] !== undefined ? params.cwd : userCache,
    ...(gitIds ? { gitIds } : {}),
    toolVersion: VERSION,
    note: (text) => params.stderr(`charters: ${text}\n`),
    ...(params.env['CHARTERS_DEBUG'] ? { debug: (text: string) => params.stderr(`charters: debug: ${text}\n`) } : {}),
  });
  run.skipped.unshift(...files.skipped.map((s) => ({ ...s, file: relativePath(cwdCore, s.file) })));
  for (const f of named) {
    const rel = relativePath(cwdCore, f);
    if (run.ignored.includes(rel)) run.skipped.push({ file: rel, reason: await notCharterReason(f, lang) });
  }
  const handbook = target.kind === 'dir' ? { root: found.root, configFile: found.file, config, files: files.files } : undefined;
  return { run, lang, handbook };
}

interface Verdict {
  errors: number;
  warnings: number;
  tooManyWarnings: boolean;
  /** What --quiet hid and why --max-warnings failed the run, for every format. */
  notices: Notice[];
}

/** Count errors and warnings (before --quiet hides warnings: --max-warnings still applies), and hide them. */
function judge(run: RunResult, values: Values, settings: LintSettings, lang: Lang): Verdict {
  const errors = run.findings.filter((f) => f.severity === 'error').length;
  const warnings = run.findings.filter((f) => f.severity === 'warning').length;
  const notices: Notice[] = [];
  if (values.quiet) {
    run.findings = run.findings.filter((f) => f.severity === 'error');
    if (warnings > 0) notices.push({ id: 'warnings-hidden', severity: 'note', message: warnings === 1 ? m(lang, 'quietHiddenOne') : m(lang, 'quietHiddenMany', warnings) });
  }
  const tooManyWarnings = settings.maxWarnings >= 0 && warnings > settings.maxWarnings;
  if (tooManyWarnings) notices.push({ id: 'max-warnings-exceeded', severity: 'error', message: m(lang, 'maxWarningsExceeded', warnings, settings.maxWarnings) });
  return { errors, warnings, tooManyWarnings, notices };
}

/** The report in the chosen format (changed lines first with --changed-since or on a pull request), and GitHub's job summary. */
async function formatRun(
  params: MainParams,
  values: Values,
  settings: LintSettings,
  run: RunResult,
  notices: Notice[],
  targets: Target[],
  lang: Lang,
  cliLang: Lang,
  handbooks: SummaryHandbook[],
): Promise<string> {
  const env = params.env;
  const cwdCore = toCorePath(params.cwd);
  // --changed-since, or a pull request's base on GitHub: findings on changed lines first.
  const change = await changeContext({
    cwd: params.cwd,
    dir: targets[0]?.start ?? params.cwd,
    changedSince: values['changed-since'],
    // A pull request's base (GITHUB_BASE_REF) orders the annotations; other formats need --changed-since.
    env: settings.format === 'github' ? env : {},
    files: [...run.findings.map((f) => f.file), ...run.skipped.map((s) => s.file)],
  });
  if (change && 'error' in change) {
    if (values['changed-since'] !== undefined) throw new UsageError(m(cliLang, change.error === 'no-repository' ? 'changedNoRepo' : 'changedNoRef', change.ref, nodePath.relative(params.cwd, targets[0]?.start ?? params.cwd) || '.'));
    params.stderr(`charters: ${m(lang, 'baseNotFetched', change.ref)}\n`);
  }
  const changed = change && !('error' in change) ? change : undefined;
  const color = useColor({
    flag: values['no-color'] ? false : values.color,
    toFile: values.output !== undefined,
    env: params.env,
    isTTY: params.stdoutIsTTY === true,
  });
  const output = FORMATTERS[settings.format](run, {
    color,
    lang,
    toolVersion: VERSION,
    baseUri: `file://${encodeURI(cwdCore.endsWith('/') ? cwdCore : `${cwdCore}/`)}`,
    notices,
    ...(changed ? { changed: changed.classify, changedSince: changed.label } : {}),
    ...(settings.format === 'github' ? annotationPaths(params.cwd) : {}),
  });
  const summaryFile = env['GITHUB_STEP_SUMMARY'];
  if (settings.format === 'github' && summaryFile && !values['no-summary']) {
    try {
      await writeSummary(summaryFile, { run, lang, today: settings.today, cwd: params.cwd, handbooks, base: changed?.base, env, ...(changed ? { changed: changed.classify } : {}) });
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      params.stderr(`charters: ${m(lang, 'summaryUnwritable', summaryFile, err.code ?? err.message)}\n`);
    }
  }
  return output;
}

/** The report to standard output or to --output (then why the run fails goes to standard error). */
async function deliver(params: MainParams, values: Values, output: string, verdict: Verdict, cliLang: Lang): Promise<void> {
  if (!values.output) {
    params.stdout(output);
    return;
  }
  const out = nodePath.resolve(params.cwd, values.output);
  try {
    await writeFileAtomic(out, output, { base: params.cwd });
  } catch (e) {
    if (e instanceof SymlinkRefused) throw new UsageError(m(cliLang, 'refuseLink', values.output, shownPath(params.cwd, e.path)));
    // A user's mistake (a directory, a read-only place), not a crash: no stack trace.
    const err = e as NodeJS.ErrnoException;
    throw new UsageError(m(cliLang, 'cannotWriteReport', values.output, err.code ?? err.message));
  }
  // The report is in the file; why the run fails is said where the user looks.
  if (verdict.tooManyWarnings) params.stderr(`charters: ${verdict.notices.find((n) => n.id === 'max-warnings-exceeded')!.message}\n`);
}

/**
 * Files named on the command line (or matched by a glob): each is read only when `readRefusal`
 * allows it (not inside `.git`, not a link out of the handbook or into `.git`), as discovery
 * does for the files it finds; the others are listed as skipped with the reason.
 */
async function namedFiles(root: string, paths: string[], config: ResolvedConfig, lang: Lang): Promise<{ files: string[]; skipped: { file: string; reason: string }[] }> {
  const hbGlobs = globs(config);
  const excluded = (rel: string): boolean => hbGlobs.excluded(rel);
  const files: string[] = [];
  const skipped: { file: string; reason: string }[] = [];
  for (const path of paths) {
    const reason = await readRefusal(nodeFs, root, path, lang, excluded);
    if (reason === undefined) files.push(path);
    else skipped.push({ file: path, reason });
  }
  return { files, skipped };
}

/** Why a file named on the command line is not a charter: no frontmatter at all, or no tier in it (the core's scanner decides). */
async function notCharterReason(file: string, lang: Lang): Promise<string> {
  const bytes = await nodeFs.readFile(file).catch(() => new Uint8Array());
  const text = new TextDecoder().decode(bytes);
  return m(lang, scanFrontmatter(sourceOf(text).parsed).kind === 'none' ? 'notCharterNoFrontmatter' : 'notCharterNoTier');
}

/** `--jobs`/`--concurrency N` (the same option under two names), else one thread per core. */
function parseConcurrency(values: Values, lang: Lang): { n: number; explicit: boolean } {
  const given = [['--jobs', values.jobs], ['--concurrency', values.concurrency]] as const;
  let n: number | undefined;
  for (const [name, v] of given) {
    if (v === undefined) continue;
    if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 256) throw new UsageError(m(lang, 'badConcurrency', name, v));
    if (n !== undefined && n !== Number(v)) throw new UsageError(m(lang, 'badConcurrency', name, v));
    n = Number(v);
  }
  return n === undefined ? { n: defaultConcurrency(), explicit: false } : { n, explicit: true };
}

/** The cache file of one handbook in the cache directory (several handbooks may share one). */
function cacheName(handbook: string): string {
  return `lint-${fnv1a(handbook).toString(16).padStart(8, '0')}.json`;
}

function mergeRuns(runs: RunResult[]): RunResult {
  const seen = new Set<string>();
  const out: RunResult = { findings: [], charters: [], ignored: [], skipped: [], rules: runs[0]?.rules ?? new Linter().rules };
  let fixed: number | undefined;
  for (const r of runs) {
    for (const c of r.charters) if (!seen.has(c)) out.charters.push(c);
    for (const f of r.findings) {
      const key = `${f.file}\u0000${f.ruleId}\u0000${f.place.start.offset}\u0000${f.elementId ?? ''}\u0000${f.tier ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.findings.push(f);
    }
    r.charters.forEach((c) => seen.add(c));
    out.ignored.push(...r.ignored.filter((i) => !out.ignored.includes(i)));
    out.skipped.push(...r.skipped.filter((s) => !out.skipped.some((o) => o.file === s.file)));
    if (r.fixed !== undefined) fixed = (fixed ?? 0) + r.fixed;
  }
  out.findings = sortFindings(out.findings);
  if (fixed !== undefined) out.fixed = fixed;
  return out;
}

/**
 * Every rule with the severity the handbook gives it: `charters.yaml` found from the folder named
 * (or the working directory) upwards; the built-in default beside it when they differ.
 */
async function rulesCommand(params: MainParams, values: Values, args: string[], lang: Lang): Promise<number> {
  if (values.format !== undefined && values.format !== 'text' && values.format !== 'json') throw new UsageError(m(lang, 'badRulesFormat', values.format));
  const dir = nodePath.resolve(params.cwd, args[0] ?? '.');
  if ((await nodeFs.stat(dir).catch(() => undefined))?.type !== 'directory') throw new UsageError(m(lang, 'noMatch', args[0] ?? '.'));
  const found = await loadConfig(params, lang, dir);
  if (!found.config) return found.code ?? 2;
  const rules = new Linter(found.config, lang).rules;
  const configName = found.file ? relativePath(toCorePath(params.cwd), found.file) || CONFIG_FILE : undefined;
  if (values.format === 'json') {
    params.stdout(
      `${JSON.stringify(
        rules.map((r) => ({ id: r.id, name: r.name, severity: r.severity, defaultSeverity: r.defaultSeverity, scope: r.scope, fixable: r.fixable, description: r.title[lang], url: ruleDocsUrl(r.id, lang) })),
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  // The id stays as it is: it is what charters.yaml's `rules:` takes. Everything else is in `lang`.
  const severityName = (s: string): string => (lang === 'fi' ? ({ error: 'virhe', warning: 'varoitus', note: 'huomautus', off: 'pois' } as Record<string, string>)[s] ?? s : s);
  const shown = (r: (typeof rules)[number]): string =>
    r.severity === r.defaultSeverity ? severityName(r.severity) : `${severityName(r.severity)} (${m(lang, 'rulesDefault', severityName(r.defaultSeverity))})`;
  const w = Math.max(...rules.map((r) => r.id.length));
  const sw = Math.max(...rules.map((r) => shown(r).length), 8);
  const head = lang === 'fi' ? ['tunniste', 'vakavuus', 'korjattava', 'kuvaus ja ohje'] : ['id', 'severity', 'fixable', 'description and docs'];
  if (configName) params.stdout(`${m(lang, 'rulesFrom', configName)}\n\n`);
  params.stdout(`${head[0]!.padEnd(w)}  ${head[1]!.padEnd(sw)}  ${head[2]!.padEnd(10)}  ${head[3]}\n`);
  for (const r of rules) {
    const fixable = r.fixable ? (lang === 'fi' ? 'kyllä' : 'yes') : '-';
    const indent = ''.padEnd(w + sw + 16);
    params.stdout(`${r.id.padEnd(w)}  ${shown(r).padEnd(sw)}  ${fixable.padEnd(10)}  ${r.title[lang]}\n${indent}${ruleHint(r.id, lang)}\n${indent}${ruleDocsUrl(r.id, lang)}\n`);
  }
  return 0;
}

function isUnder(dir: string, path: string): boolean {
  const rel = nodePath.relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !nodePath.isAbsolute(rel);
}

async function initCommand(params: MainParams, _values: Values, rest: string[], lang: Lang): Promise<number> {
  const dir = nodePath.resolve(params.cwd, rest[0] ?? '.');
  const found = await loadConfig(params, lang, dir);
  const config = found.config;
  if (!config) return found.code ?? 2;
  const linter = new Linter(config, lang);
  // The workflow goes to the root of the git repository, where GitHub reads it (see initWorkflow).
  const workflow = initWorkflow(dir, lang);
  const files = [...initFiles(linter.lookup, lang, false).map((f) => ({ ...f, path: nodePath.join(dir, f.path) })), workflow.file];
  let failed = false;
  for (const f of files) {
    const path = f.path;
    const shown = nodePath.relative(params.cwd, path) || path;
    if (await exists(path)) {
      params.stdout(`${m(lang, f === workflow.file ? 'workflowExists' : 'skippedExisting', shown)}\n`);
      continue;
    }
    try {
      // No link on the way from the working directory, or, for the workflow at the repository's
      // root above it, from that root (a committed `.github -> elsewhere`).
      const base = isUnder(params.cwd, path) ? params.cwd : f === workflow.file ? workflow.root : dir;
      await writeFileAtomic(path, f.text, { exclusive: true, base });
      params.stdout(`${m(lang, 'created', shown)}\n`);
      if (f === workflow.file) params.stdout(`${m(lang, workflow.repo ? 'workflowAtRoot' : 'workflowNoRepo', nodePath.relative(params.cwd, workflow.root) || '.')}\n`);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (e instanceof SymlinkRefused) {
        params.stderr(`charters: ${m(lang, 'refuseLink', shown, shownPath(params.cwd, e.path))}\n`);
        failed = true;
      } else if (err.code === 'EEXIST') params.stdout(`${m(lang, 'skippedExisting', shown)}\n`);
      else {
        // A read-only or missing place is the user's to fix, not a crash; go on with the others.
        params.stderr(`charters: ${m(lang, 'cannotWrite', shown, err.code ?? err.message)}\n`);
        failed = true;
      }
    }
  }
  if (failed) return 2;
  params.stdout(`${m(lang, 'initDone', nodePath.relative(params.cwd, dir) || '.')}\n`);
  return 0;
}

/** GitHub places annotations by paths relative to the repository root, not to the working directory. */
function annotationPaths(cwd: string): { annotationPath?: (file: string) => string } {
  const repo = findRepository(cwd);
  if (!repo) return {};
  return {
    annotationPath: (file) => repoPath(repo, nodePath.resolve(cwd, file)) ?? file,
  };
}

/**
 * Where `init` writes the workflow and what it says: at the root of the git repository that
 * holds `dir` (found without git, as the cache finds it), with the handbook's path relative to
 * that root; without a repository, in the handbook folder (which becomes the root once the user
 * makes it a repository). `dir` may not exist yet: its nearest existing ancestor decides.
 */
function initWorkflow(dir: string, lang: Lang): { file: { path: string; text: string }; root: string; repo: boolean } {
  let existing = dir;
  while (!existsSync(existing) && nodePath.dirname(existing) !== existing) existing = nodePath.dirname(existing);
  const repo = findRepository(existing);
  let handbook = '.';
  let root = dir;
  let inRepo = false;
  if (repo) {
    let real = existing;
    try {
      real = realpathSync(existing);
    } catch {
      // keep the path as given
    }
    const rel = nodePath.relative(repo.workTree, nodePath.join(real, nodePath.relative(existing, dir)));
    if (!rel.startsWith('..') && !nodePath.isAbsolute(rel)) {
      handbook = rel === '' ? '.' : rel.split(nodePath.sep).join('/');
      root = repo.workTree;
      inRepo = true;
    }
  }
  const text = workflowTemplate({ handbook, lang, version: VERSION });
  return { file: { path: nodePath.join(root, WORKFLOW_PATH), text }, root, repo: inRepo };
}

/**
 * The tier `charters new` means: by id, or by its fi or en name or alias (any case, with or
 * without diacritics, singular or plural: `esihenkilo`, `Esihenkilöt`, `supervisor`).
 */
function tierOfArgument(lookup: FrameworkLookup, tiers: readonly TierDef[], arg: string): TierDef | undefined {
  const exact = lookup.resolveTier(arg);
  if (exact) return exact;
  const typed = slug(arg);
  if (!typed) return undefined;
  // A singular for the plural name: the name minus its plural ending (fi -t, en -s).
  const matches = tiers.filter((t) => [t.id, t.name.fi, t.name.en, ...t.aliases].some((n) => {
    const key = slug(n);
    return key === typed || (/[st]$/.test(key) && key.slice(0, -1) === typed);
  }));
  return matches.length === 1 ? matches[0] : undefined;
}

async function newCommand(params: MainParams, values: Values, rest: string[], lang: Lang): Promise<number> {
  const outDir = values.out ? nodePath.dirname(nodePath.resolve(params.cwd, values.out)) : params.cwd;
  const found = await loadConfig(params, lang, (await exists(outDir)) ? outDir : params.cwd);
  const config = found.config;
  if (!config) return found.code ?? 2;
  const l = values.lang ? lang : (config.language ?? lang);
  const linter = new Linter(config, l);
  const tiers = config.framework.tiers;
  // Tiers by their names in the user's language, the way they can be typed here.
  const names = tiers.map((t) => t.name[l]).join(', ');
  const tierArg = rest[0];
  if (!tierArg) throw new UsageError(`${m(l, 'newNeedsTier', names)} ${m(l, 'seeCommandHelp', 'new')}`);
  const tier = tierOfArgument(linter.lookup, tiers, tierArg);
  if (!tier) {
    const candidates = tiers.flatMap((t) => [t.id, t.name.fi.toLowerCase(), t.name.en.toLowerCase()]);
    const [best] = suggest(tierArg, candidates);
    const near = best === undefined ? undefined : tierOfArgument(linter.lookup, tiers, best);
    const hint = near ? ` ${m(l, 'didYouMean', `charters new ${slug(near.name[l])}`)}` : '';
    throw new UsageError(`${m(l, 'unknownTier', tierArg, names)}${hint}`);
  }
  const unit = values.unit?.trim() || undefined;
  // The default file name follows the tier's name in the charter's language, like `init`.
  const name = values.out ?? `${charterFileStem(tier, l)}${unit && slug(unit) ? `-${slug(unit)}` : ''}.md`;
  const path = nodePath.resolve(params.cwd, name);
  const shown = nodePath.relative(params.cwd, path) || path;
  if (await exists(path)) {
    params.stderr(`charters: ${m(l, 'refuseOverwrite', shown)}\n`);
    return 2;
  }
  const text = renderTemplate(tier, l, linter.lookup, unit ? { unit } : {});
  try {
    await writeFileAtomic(path, text, { exclusive: true, base: params.cwd });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (e instanceof SymlinkRefused) {
      params.stderr(`charters: ${m(l, 'refuseLink', shown, shownPath(params.cwd, e.path))}\n`);
      return 2;
    }
    params.stderr(`charters: ${err.code === 'EEXIST' ? m(l, 'refuseOverwrite', shown) : m(l, 'cannotWrite', shown, err.code ?? err.message)}\n`);
    return 2;
  }
  params.stdout(`${m(l, 'created', shown)}\n`);
  return 0;
}

export { CONFIG_FILE };

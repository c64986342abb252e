/**
 * The `charters` command. `main(params)` takes all I/O as parameters and returns the exit code:
 * 0 no errors, 1 errors (or more warnings than --max-warnings), 2 usage, config or internal error.
 */
import * as nodePath from 'node:path';
import { parseArgs } from 'node:util';
import picomatch from 'picomatch/posix';
import { CLI_FILE_BUDGET_MS } from '../core/budget';
import type { ConfigError, ResolvedConfig } from '../core/config';
import { CONFIG_FILE } from '../core/config';
import { discover, findConfig, relativePath, type FoundConfig } from '../core/handbook';
import { Linter, sortFindings } from '../core/lint';
import { RULES } from '../core/rules/index';
import { renderTemplate } from '../core/template';
import { isIsoDate, isoDay, slug } from '../core/text';
import type { Lang, RunResult } from '../core/types';
import { FORMATTERS, type FormatName } from './formatters/index';
import { m } from './messages';
import { exists, nodeFs, toCorePath, writeFileAtomic } from './node-fs';
import { DEFAULT_CACHE_DIR } from './cache';
import { defaultConcurrency, lintTarget } from './pool';
import { gitBlobIds } from './git';
import { fnv1a, parseShard } from './shard';
import { initFiles } from '../core/init';
import { matrixCommand, renderCommand } from './render';

export const VERSION = '0.1.0';

export interface MainParams {
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

class UsageError extends Error {}

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'max-warnings': { type: 'string' },
  'file-budget': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  fix: { type: 'boolean' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  shard: { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  concurrency: { type: 'string' },
  lang: { type: 'string' },
  today: { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  unit: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function envLang(env: MainParams['env']): Lang | undefined {
  const v = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return v.toLowerCase().startsWith('fi') ? 'fi' : undefined;
}

function parseLang(value: string | undefined, fallback: Lang): Lang {
  if (value === undefined) return fallback;
  if (value === 'fi' || value === 'en') return value;
  throw new UsageError(m(fallback, 'badLang', value));
}

export async function main(params: MainParams): Promise<number> {
  const fallbackLang: Lang = envLang(params.env) ?? 'en';
  let lang = fallbackLang;
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: params.argv, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (e) {
      throw new UsageError(`${(e as Error).message}\n\n${m(lang, 'usage')}`);
    }
    const { values, positionals } = parsed;
    lang = parseLang(values.lang, fallbackLang);
    if (values.version) {
      params.stdout(`${VERSION}\n`);
      return 0;
    }
    const [command, ...rest] = positionals;
    if (values.help || command === undefined || command === 'help') {
      params.stdout(m(lang, 'usage'));
      return command === undefined && !values.help ? 2 : 0;
    }
    switch (command) {
      case 'lint':
        return await lintCommand(params, values, rest, lang);
      case 'rules':
        return rulesCommand(params, values, lang);
      case 'init':
        return await initCommand(params, values, rest, lang);
      case 'new':
        return await newCommand(params, values, rest, lang);
      case 'render':
        return await renderCommand(params, values, rest, lang);
      case 'matrix':
        return await matrixCommand(params, values, rest, lang);
      default:
        throw new UsageError(m(lang, 'unknownCommand', command));
    }
  } catch (e) {
    if (e instanceof UsageError) {
      params.stderr(`charters: ${e.message}\n`);
      return 2;
    }
    params.stderr(`charters: ${m(lang, 'internal', (e as Error)?.stack ?? String(e))}\n`);
    return 2;
  }
}

/** Print config errors (file:line:col) and signal exit 2. */
function configErrors(params: MainParams, lang: Lang, errors: ConfigError[]): number {
  for (const e of errors) {
    const file = nodePath.relative(params.cwd, e.file) || e.file;
    params.stderr(`${m(lang, 'configError', file, e.line, e.column, e.message)}\n`);
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
}

async function resolveTargets(params: MainParams, lang: Lang, paths: string[]): Promise<Target[]> {
  const targets: Target[] = [];
  for (const p of paths) {
    const abs = nodePath.resolve(params.cwd, p);
    const st = await nodeFs.stat(abs).catch(() => undefined);
    if (st?.type === 'directory') {
      targets.push({ kind: 'dir', start: abs });
    } else if (st?.type === 'file') {
      targets.push({ kind: 'files', start: nodePath.dirname(abs), files: [toCorePath(abs)] });
    } else if (picomatch.scan(p).isGlob) {
      const scan = picomatch.scan(p);
      const base = nodePath.resolve(params.cwd, scan.base || '.');
      const found = await findConfig(nodeFs, toCorePath(base), lang);
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

async function lintCommand(params: MainParams, values: Values, paths: string[], cliLang: Lang): Promise<number> {
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
  const concurrency = parseConcurrency(values, cliLang);
  // One date for every file and thread (and the cache key), even across midnight.
  const today = values.today ?? isoDay(new Date());
  const targets = await resolveTargets(params, cliLang, paths.length > 0 ? paths : ['.']);

  const results: RunResult[] = [];
  let lang = cliLang;
  const cwdCore = toCorePath(params.cwd);
  for (const target of targets) {
    const found = await loadConfig(params, cliLang, target.start);
    if (!found.config) return found.code ?? 2;
    const config = found.config;
    // The language: --lang, else the handbook's, else the environment's.
    lang = values.lang ? cliLang : (config.language ?? cliLang);
    const linter = new Linter(config, lang);
    const cached = values.cache || values['cache-location'] !== undefined;
    // git's index (content hashes for --cache) is asked first, so that git works while the
    // handbook is discovered and the cache loads.
    const gitIds = cached && values.fix !== true && params.env['CHARTERS_CACHE_GIT'] !== '0' ? gitBlobIds(found.root) : undefined;
    const files = target.kind === 'dir' ? await discover(nodeFs, found.root, toCorePath(target.start), config, lang) : { files: target.files ?? [], skipped: [] };
    const cacheDir = values['cache-location'] !== undefined ? nodePath.resolve(params.cwd, values['cache-location']) : nodePath.join(found.file ? found.root : params.cwd, DEFAULT_CACHE_DIR);
    const run = await lintTarget({
      root: found.root,
      base: cwdCore,
      config,
      linter,
      lang,
      today,
      fix: values.fix === true,
      fileBudgetMs,
      files: files.files,
      handbook: target.kind === 'dir' ? { configFile: found.file } : undefined,
      concurrency,
      shard,
      cacheFile: cached ? toCorePath(nodePath.join(cacheDir, cacheName(relativePath(cwdCore, found.root)))) : undefined,
      ...(gitIds ? { gitIds } : {}),
      toolVersion: VERSION,
      note: (text) => params.stderr(`charters: ${text}\n`),
      ...(params.env['CHARTERS_DEBUG'] ? { debug: (text: string) => params.stderr(`charters: debug: ${text}\n`) } : {}),
    });
    run.skipped.unshift(...files.skipped.map((s) => ({ ...s, file: relativePath(cwdCore, s.file) })));
    results.push(run);
  }
  const run = mergeRuns(results);
  // Counted before --quiet hides warnings: --max-warnings still applies.
  const errors = run.findings.filter((f) => f.severity === 'error').length;
  const warnings = run.findings.filter((f) => f.severity === 'warning').length;
  if (values.quiet) run.findings = run.findings.filter((f) => f.severity === 'error');

  const env = params.env;
  const color = !values['no-color'] && values.color !== false && !env['NO_COLOR'] && env['TERM'] !== 'dumb' && !values.output;
  const output = FORMATTERS[format](run, {
    color: values.color === true || color,
    lang,
    toolVersion: VERSION,
    baseUri: `file://${encodeURI(cwdCore.endsWith('/') ? cwdCore : `${cwdCore}/`)}`,
  });
  if (values.output) {
    const out = nodePath.resolve(params.cwd, values.output);
    try {
      await writeFileAtomic(out, output);
    } catch (e) {
      // A user's mistake (a directory, a read-only place), not a crash: no stack trace.
      const err = e as NodeJS.ErrnoException;
      throw new UsageError(m(cliLang, 'cannotWriteReport', values.output, err.code ?? err.message));
    }
  } else {
    params.stdout(output);
  }
  if (errors > 0) return 1;
  if (maxWarnings >= 0 && warnings > maxWarnings) return 1;
  return 0;
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
  const out: RunResult = { findings: [], charters: [], ignored: [], skipped: [], rules: runs[0]?.rules ?? RULES.map((r) => r.meta) };
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

function rulesCommand(params: MainParams, values: Values, lang: Lang): number {
  const metas = RULES.map((r) => r.meta);
  if (values.format === 'json') {
    params.stdout(`${JSON.stringify(metas.map((r) => ({ id: r.id, name: r.name, severity: r.defaultSeverity, scope: r.scope, fixable: r.fixable, description: r.title[lang], url: r.url })), null, 2)}\n`);
    return 0;
  }
  const w = Math.max(...metas.map((r) => r.id.length));
  const head = lang === 'fi' ? ['tunniste/nimi', 'vakavuus', 'korjattava', 'kuvaus ja ohje'] : ['id/name', 'severity', 'fixable', 'description and docs'];
  params.stdout(`${head[0]!.padEnd(w)}  ${head[1]!.padEnd(8)}  ${head[2]!.padEnd(10)}  ${head[3]}\n`);
  for (const r of metas) {
    const fixable = r.fixable ? (lang === 'fi' ? 'kyllä' : 'yes') : '-';
    params.stdout(`${r.id.padEnd(w)}  ${r.defaultSeverity.padEnd(8)}  ${fixable.padEnd(10)}  ${r.title[lang]}\n${''.padEnd(w + 24)}${r.url}\n`);
  }
  return 0;
}

async function initCommand(params: MainParams, _values: Values, rest: string[], lang: Lang): Promise<number> {
  const dir = nodePath.resolve(params.cwd, rest[0] ?? '.');
  const found = await loadConfig(params, lang, dir);
  const config = found.config;
  if (!config) return found.code ?? 2;
  const linter = new Linter(config, lang);
  const files = initFiles(linter.lookup, lang);
  let failed = false;
  for (const f of files) {
    const path = nodePath.join(dir, f.path);
    const shown = nodePath.relative(params.cwd, path) || path;
    if (await exists(path)) {
      params.stdout(`${m(lang, 'skippedExisting', shown)}\n`);
      continue;
    }
    try {
      await writeFileAtomic(path, f.text, { exclusive: true });
      params.stdout(`${m(lang, 'created', shown)}\n`);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'EEXIST') params.stdout(`${m(lang, 'skippedExisting', shown)}\n`);
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

async function newCommand(params: MainParams, values: Values, rest: string[], lang: Lang): Promise<number> {
  const outDir = values.out ? nodePath.dirname(nodePath.resolve(params.cwd, values.out)) : params.cwd;
  const found = await loadConfig(params, lang, (await exists(outDir)) ? outDir : params.cwd);
  const config = found.config;
  if (!config) return found.code ?? 2;
  const l = values.lang ? lang : (config.language ?? lang);
  const linter = new Linter(config, l);
  const ids = config.framework.tiers.map((t) => t.id).join(', ');
  const tierArg = rest[0];
  if (!tierArg) throw new UsageError(m(l, 'newNeedsTier', ids));
  const tier = linter.lookup.resolveTier(tierArg);
  if (!tier) throw new UsageError(m(l, 'unknownTier', tierArg, ids));
  const name = values.out ?? `${tier.id}${values.unit ? `-${slug(values.unit)}` : ''}.md`;
  const path = nodePath.resolve(params.cwd, name);
  const shown = nodePath.relative(params.cwd, path) || path;
  if (await exists(path)) {
    params.stderr(`charters: ${m(l, 'refuseOverwrite', shown)}\n`);
    return 2;
  }
  const text = renderTemplate(tier, l, linter.lookup, values.unit ? { unit: values.unit } : {});
  try {
    await writeFileAtomic(path, text, { exclusive: true });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    params.stderr(`charters: ${err.code === 'EEXIST' ? m(l, 'refuseOverwrite', shown) : m(l, 'cannotWrite', shown, err.code ?? err.message)}\n`);
    return 2;
  }
  params.stdout(`${m(l, 'created', shown)}\n`);
  return 0;
}

export { CONFIG_FILE };

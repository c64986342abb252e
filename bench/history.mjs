#!/usr/bin/env node
// The history benchmark: `charters history` and `charters render` on a generated handbook with a
// long git history (see docs/performance.md, "Follow-up over time").
//
//   node bench/history.mjs [--commits 2000] [--charters 120] [--years 5] [--runs 3] [--json FILE]
//
// It builds (once, deterministically; rebuilt when this script changes) a git repository under
// bench/.data/history-<commits>/ with `git fast-import`: `--years` of history, `--commits`
// commits that each add or rewrite one to three charters (texts from bench/generate.mjs, 4–8 KB),
// the handbook growing from a tenth of `--charters` to all of them. Then, each as its own process:
//
//   history cold   `charters history --format json` with an empty machine cache
//   history warm   the same again (the cache holds every blob's facts); median of --runs
//   render warm    `charters render --out <tmp>` (site + history.html), warm cache; median
//
// Prints one line per measurement and checks that the warm series equals the cold one.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { charterText, configText, prng } from './generate.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin/charters.js');
const TODAY = '2026-11-27';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const COMMITS = Number(arg('commits', '2000'));
const CHARTERS = Number(arg('charters', '120'));
const YEARS = Number(arg('years', '5'));
const RUNS = Number(arg('runs', '3'));
const jsonOut = arg('json', undefined);

const log = (s) => process.stderr.write(`${s}\n`);
const gitEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.org', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.org' };

/** The fast-import stream of the whole history. */
function stream() {
  const r = prng(7);
  const end = Date.parse(`${TODAY}T12:00:00Z`) / 1000 - 86400;
  const start = end - YEARS * 365 * 86400;
  const step = (end - start) / COMMITS;
  const parts = [];
  const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const version = new Map(); // charter index → how many times written
  let live = Math.max(1, Math.round(CHARTERS / 10));
  const path = new Map(); // charter index → its path (fixed by its first version)
  for (let c = 0; c < COMMITS; c++) {
    const t = Math.round(start + c * step + r.int(0, Math.max(1, Math.floor(step / 2))));
    const files = [];
    if (c === 0) files.push(['charters.yaml', configText()], ['README.md', '# Benchmark handbook\n']);
    // the handbook grows evenly to CHARTERS over the first 80 % of the commits
    const target = Math.min(CHARTERS, Math.max(live, Math.round(CHARTERS / 10 + ((CHARTERS * 9) / 10) * Math.min(1, c / (COMMITS * 0.8)))));
    const touched = new Set();
    while (live < target) touched.add(live++);
    for (let k = r.int(1, 3); touched.size < k; ) touched.add(r.int(0, live - 1));
    for (const i of touched) {
      const v = (version.get(i) ?? 0) + 1;
      version.set(i, v);
      const gen = charterText(v, i, { minKb: 4, maxKb: 8 });
      if (!path.has(i)) path.set(i, gen.path.replace(/^charters\/(?:[^/]+)\//, `charters/${String(i % 7)}/`));
      files.push([path.get(i), gen.text]);
    }
    parts.push(`commit refs/heads/main\nmark :${c + 1}\nauthor Bench <bench@example.org> ${t} +0200\ncommitter Bench <bench@example.org> ${t} +0200\n`);
    parts.push(data(`Update ${files.length} files (${c + 1})`));
    if (c > 0) parts.push(`from :${c}\n`);
    for (const [p, text] of files) parts.push(`M 100644 inline ${p}\n${data(text)}`);
    parts.push('\n');
  }
  return parts.join('');
}

function repository() {
  const dir = join(ROOT, 'bench/.data', `history-${COMMITS}-${CHARTERS}-${YEARS}`);
  const stampFile = join(dir, '.git', 'charters-bench.json');
  const stamp = JSON.stringify({ COMMITS, CHARTERS, YEARS, script: createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).update(readFileSync(join(ROOT, 'bench/generate.mjs'))).digest('hex') });
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return dir;
  log(`generating ${COMMITS} commits over ${YEARS} years (${CHARTERS} charters) in ${dir} …`);
  const t0 = performance.now();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir, env: gitEnv });
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, env: gitEnv, input: stream(), maxBuffer: 1 << 30 });
  execFileSync('git', ['-c', 'gc.auto=0', 'checkout', '-q', '-f', 'main'], { cwd: dir, env: gitEnv });
  writeFileSync(stampFile, stamp);
  log(`generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return dir;
}

const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Wall time, and CPU time (user + system) when /usr/bin/time is there: on a loaded machine the CPU time is the steadier figure. */
function timed(args, env) {
  const t0 = performance.now();
  const cmd = timeBin ? [timeBin, ['-f', 'CHARTERS-BENCH-CPU %U %S', process.execPath, BIN, ...args]] : [process.execPath, [BIN, ...args]];
  const r = spawnSync(cmd[0], cmd[1], { encoding: 'utf8', env, maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`charters ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const m = /CHARTERS-BENCH-CPU ([\d.]+) ([\d.]+)/.exec(r.stderr);
  return { ms, cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : undefined, stdout: r.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dir = repository();
const cache = mkdtempSync(join(tmpdir(), 'charters-bench-cache-'));
const out = mkdtempSync(join(tmpdir(), 'charters-bench-site-'));
try {
  const env = { ...process.env, XDG_CACHE_HOME: cache };
  const cold = timed(['history', dir, '--today', TODAY], env);
  const series = JSON.parse(cold.stdout);
  const warm = [];
  for (let i = 0; i < RUNS; i++) {
    const w = timed(['history', dir, '--today', TODAY], env);
    if (w.stdout !== cold.stdout) throw new Error('the warm series differs from the cold one');
    warm.push(w);
  }
  const render = [];
  for (let i = 0; i < RUNS; i++) render.push(timed(['render', dir, '--out', join(out, 'site'), '--today', TODAY], env));
  const med = (runs, key) => (runs[0][key] === undefined ? undefined : Math.round(median(runs.map((x) => x[key]))));
  const result = {
    commits: COMMITS,
    charters: CHARTERS,
    years: YEARS,
    points: series.points.length,
    granularity: series.granularity,
    historyColdMs: Math.round(cold.ms),
    historyColdCpuMs: cold.cpuMs === undefined ? undefined : Math.round(cold.cpuMs),
    historyWarmMs: med(warm, 'ms'),
    historyWarmCpuMs: med(warm, 'cpuMs'),
    renderWarmMs: med(render, 'ms'),
    renderWarmCpuMs: med(render, 'cpuMs'),
    load: loadavg()[0],
  };
  const cpu = (ms) => (ms === undefined ? '' : `, CPU ${(ms / 1000).toFixed(2)} s`);
  console.log(`history of ${COMMITS} commits, ${CHARTERS} charters, ${YEARS} years: ${result.points} ${result.granularity} points`);
  console.log(`  charters history, cold cache   ${(result.historyColdMs / 1000).toFixed(2)} s${cpu(result.historyColdCpuMs)}`);
  console.log(`  charters history, warm cache   ${(result.historyWarmMs / 1000).toFixed(2)} s${cpu(result.historyWarmCpuMs)} (median of ${RUNS})`);
  console.log(`  charters render (with history) ${(result.renderWarmMs / 1000).toFixed(2)} s${cpu(result.renderWarmCpuMs)} (median of ${RUNS}, warm cache)`);
  console.log(`  1-minute load average at the end: ${result.load.toFixed(1)} on ${availableParallelism()} cores`);
  if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(result, null, 2)}\n`);
} finally {
  rmSync(cache, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
}

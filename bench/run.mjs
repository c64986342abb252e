#!/usr/bin/env node
// The benchmark: `npm run bench` (see docs/performance.md).
//
//   node bench/run.mjs [--sizes 1000,10000] [--quick] [--jobs N] [--runs N] [--skip-markdownlint] [--json FILE]
//   node bench/run.mjs --hostile-only
//
// For each size it generates (once, deterministically) a handbook under bench/.data/, then in
// the same run times, each as its own process under /usr/bin/time -v (for peak RSS):
//
//   charters cold        the real bin, `charters lint . --format json`, no cache, default threads
//   charters 1 thread    the same with --jobs 1
//   markdownlint-cli2    only MD043 (required-headings), set to one tier's headings (the nearest
//                        tool a user would pick instead), over the same files
//   floor 1 / floor N    bare unified + remark-parse + remark-frontmatter over the same files,
//                        single-threaded and on N worker threads (N = charters' thread count)
//   charters --cache     first run (fills the cache) and warm second run; the warm run's findings
//                        must equal the cold run's byte for byte
//
// and the editor latency (bench/editor.ts): `Linter.lintText` of one ~16 KB charter (p50/p95)
// and the handbook-level update after one file changes, with every summary kept in memory.
//
// and the hostile-input line (bench/hostile.ts): the worst case found for each pattern the
// linter runs over a handbook's text, CPU time per KB at two sizes (32 KB and 256 KB), and the
// time of the worst globs against long paths. --hostile-only prints just that (a few seconds).
//
// --quick: 1,000 charters only, fewer editor runs (still ≥ 200).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TIERS, generateHandbook } from './generate.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, 'bench/.data');
const BIN = join(ROOT, 'bin/charters.js');
const MDL = join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
const TODAY = '2026-11-27';
const SEED = 1;

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const quick = process.argv.includes('--quick');
const sizes = (arg('sizes', quick ? '1000' : '1000,10000')).split(',').map(Number);
const jobs = Number(arg('jobs', String(availableParallelism())));
const editorRuns = Number(arg('runs', quick ? '200' : '500'));
const skipMdl = process.argv.includes('--skip-markdownlint');
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function log(s) {
  process.stderr.write(`${s}\n`);
}

// ---------------------------------------------------------------------------------------------
// Data

function handbookDir(size) {
  const dir = join(DATA, `h${size}`);
  const stampFile = join(dir, '.generated.json');
  const generator = readFileSync(join(ROOT, 'bench/generate.mjs'), 'utf8');
  const stamp = JSON.stringify({ size, seed: SEED, generator: hash(generator) });
  if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) {
    log(`generating ${size} charters in ${dir} …`);
    generateHandbook(dir, { count: size, seed: SEED });
    writeFileSync(stampFile, stamp);
  }
  // markdownlint-cli2's configuration: MD043 with the supervisors' element headings (Finnish).
  const supervisors = TIERS.find((t) => t.id === 'supervisors');
  const headings = ['?', '*'];
  for (const el of supervisors.elements) headings.push(`## ${el.name.fi}`, '*');
  writeFileSync(
    join(dir, '.markdownlint-cli2.jsonc'),
    JSON.stringify({ config: { default: false, MD043: { headings } }, globs: ['charters/**/*.md'], noProgress: true }, null, 2),
  );
  const files = listMarkdown(join(dir, 'charters'));
  const bytes = files.reduce((a, f) => a + statSync(f).size, 0);
  return { dir, files: files.length, bytes };
}

function listMarkdown(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listMarkdown(p));
    else if (e.name.endsWith('.md')) out.push(p);
  }
  return out;
}

function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16);
}

// ---------------------------------------------------------------------------------------------
// Timing one command

/** Run `node args…` in `cwd`; wall time, CPU time, peak RSS (from /usr/bin/time -v). */
function timed(label, args, cwd, { stdoutFile, okCodes = [0, 1] } = {}) {
  const load = loadavg()[0];
  const cmd = timeBin ? timeBin : process.execPath;
  const argv = timeBin ? ['-v', process.execPath, ...args] : args;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.error) throw r.error;
  if (!okCodes.includes(r.status)) {
    throw new Error(`${label}: exit ${r.status}\n${r.stderr.slice(-4000)}`);
  }
  let rssMb;
  let cpu;
  if (timeBin) {
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
    const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr);
    const sys = /System time \(seconds\): ([\d.]+)/.exec(r.stderr);
    rssMb = rss ? Number(rss[1]) / 1024 : undefined;
    cpu = user && sys ? Number(user[1]) + Number(sys[1]) : undefined;
  }
  if (stdoutFile) writeFileSync(stdoutFile, r.stdout);
  log(`  ${label.padEnd(26)} ${wall.toFixed(2).padStart(8)} s  cpu ${cpu?.toFixed(1) ?? '?'} s  rss ${rssMb?.toFixed(0) ?? '?'} MB  (load ${load.toFixed(1)})`);
  return { label, wall, cpu, rssMb, load, stdout: r.stdout, stderr: r.stderr, code: r.status };
}

/**
 * The median of three runs, for the short cache runs: one run of about a second swings by a
 * third with the page cache and the machine's load. `before` runs ahead of each (untimed).
 */
function timedMedian(label, args, cwd, opts = {}, before = () => {}) {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    before();
    runs.push(timed(`${label} #${i + 1}`, args, cwd, opts));
  }
  runs.sort((a, b) => a.wall - b.wall);
  return { ...runs[1], label };
}

// ---------------------------------------------------------------------------------------------
// The editor benchmark is TypeScript over the core: bundle it once.

async function hostileBundle() {
  const { build } = await import('esbuild');
  const { corePlugins } = await import('../scripts/esbuild-plugins.mjs');
  const out = join(DATA, 'hostile.cjs');
  await build({ entryPoints: [join(ROOT, 'bench/hostile.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'es2022', outfile: out, logLevel: 'warning', plugins: corePlugins });
  return out;
}

/** The hostile-input line: run bench/hostile.ts, print its figures as Markdown, return them. */
async function hostile() {
  const bundle = await hostileBundle();
  log('hostile input: worst cases per pattern, CPU time at 32 KB and 256 KB …');
  const r = spawnSync(process.execPath, [bundle], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`bench/hostile.ts failed: ${r.stderr}`);
  const h = JSON.parse(r.stdout);
  const lines = ['', '### Hostile input (CPU time; 8× the input: linear ≈ 8×, quadratic ≈ 64×)', '', '| case | 32 KB: ms | µs/KB | 256 KB: ms | µs/KB | ratio |', '|---|--:|--:|--:|--:|--:|'];
  for (const x of h.rows) lines.push(`| ${x.name} | ${x.small.ms} | ${x.small.usPerKb} | ${x.large.ms} | ${x.large.usPerKb} | ${x.ratio} |`);
  lines.push('', '| glob | path length | refused by charters.yaml | ms to match |', '|---|--:|---|--:|');
  for (const g of h.globs) lines.push(`| \`${g.glob}\` | ${g.path} | ${g.refused ? 'yes' : 'no'} | ${g.ms} |`);
  process.stdout.write(lines.join('\n') + '\n');
  return h;
}

async function editorBundle() {
  const { build } = await import('esbuild');
  const { corePlugins } = await import('../scripts/esbuild-plugins.mjs');
  const out = join(DATA, 'editor.cjs');
  await build({ entryPoints: [join(ROOT, 'bench/editor.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'es2022', outfile: out, logLevel: 'warning', plugins: corePlugins });
  return out;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  mkdirSync(DATA, { recursive: true });
  if (process.argv.includes('--hostile-only')) {
    await hostile();
    return;
  }
  log('building dist/cli.js and dist/worker.js …');
  const b = spawnSync(process.execPath, ['scripts/build.mjs', '--only=cli,worker'], { cwd: ROOT, stdio: 'inherit' });
  if (b.status !== 0) throw new Error('build failed');
  const editor = await editorBundle();
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, memGb: Math.round(totalmem() / 2 ** 30), node: process.version, jobs },
    sizes: [],
  };

  for (const size of sizes) {
    const hb = handbookDir(size);
    const mb = hb.bytes / 2 ** 20;
    log(`\n${size} charters, ${mb.toFixed(1)} MB (${hb.dir})`);
    const out = join(DATA, `out-${size}`);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const lintArgs = [BIN, 'lint', '.', '--format', 'json', '--today', TODAY];
    const rows = {};
    rows.floor1 = timed('floor, 1 thread', [join(ROOT, 'bench/floor.mjs'), '.', '--jobs', '1'], hb.dir, { okCodes: [0] });
    rows.floorN = timed(`floor, ${jobs} threads`, [join(ROOT, 'bench/floor.mjs'), '.', '--jobs', String(jobs)], hb.dir, { okCodes: [0] });
    rows.cold = timed(`charters cold (${jobs} thr.)`, [...lintArgs, '--jobs', String(jobs)], hb.dir, { stdoutFile: join(out, 'cold.json') });
    rows.cold1 = timed('charters cold, 1 thread', [...lintArgs, '--jobs', '1'], hb.dir, { stdoutFile: join(out, 'cold1.json') });
    if (!skipMdl) rows.mdl = timed('markdownlint-cli2 (MD043)', [MDL], hb.dir, { okCodes: [0, 1] });
    const cacheDir = join(out, 'cache');
    rows.fill = timed('charters --cache (fill)', [...lintArgs, '--jobs', String(jobs), '--cache', '--cache-location', cacheDir], hb.dir, { stdoutFile: join(out, 'fill.json') });
    const cached = [...lintArgs, '--jobs', String(jobs), '--cache', '--cache-location', cacheDir];
    rows.warm = timedMedian('charters --cache (warm)', cached, hb.dir, { stdoutFile: join(out, 'warm.json') });
    // Outside git, with every file's mtime and ctime new (touched before each run), the cache
    // is checked by content hash (and rewritten with the new stamps).
    const touch = () => {
      const now = new Date();
      for (const f of listMarkdown(join(hb.dir, 'charters'))) utimesSync(f, now, now);
    };
    rows.warmHash = timedMedian('charters --cache (touched)', cached, hb.dir, { stdoutFile: join(out, 'warm-hash.json') }, touch);
    // The CI case itself: the handbook committed to a git repository, a fresh clone of it, the
    // cache restored. git's index gives the content hashes (src/cli/git.ts).
    const clone = freshClone(hb.dir, out);
    rows.clone = timedMedian('charters --cache (fresh clone)', cached, clone, { stdoutFile: join(out, 'clone.json') });

    const cold = readFileSync(join(out, 'cold.json'), 'utf8');
    const identical = {
      oneThread: readFileSync(join(out, 'cold1.json'), 'utf8') === cold,
      cacheFill: readFileSync(join(out, 'fill.json'), 'utf8') === cold,
      warm: readFileSync(join(out, 'warm.json'), 'utf8') === cold,
      warmHash: readFileSync(join(out, 'warm-hash.json'), 'utf8') === cold,
      clone: readFileSync(join(out, 'clone.json'), 'utf8') === cold,
    };
    const report = JSON.parse(cold);

    // Editor: the largest charter (close to 16 KB) and the handbook's summaries from the cache.
    const charters = listMarkdown(join(hb.dir, 'charters')).map((f) => ({ f, size: statSync(f).size }));
    charters.sort((a, b) => b.size - a.size);
    const cacheFile = join(cacheDir, readdirSync(cacheDir).find((f) => f.endsWith('.json')));
    const ed = spawnSync(process.execPath, [editor, '--handbook', hb.dir, '--charter', charters[0].f, '--summaries', cacheFile, '--runs', String(editorRuns), '--today', TODAY], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (ed.status !== 0) throw new Error(`editor benchmark failed: ${ed.stderr}`);
    const editorResult = JSON.parse(ed.stdout);
    const l = editorResult.charter.lintText;
    log(`  editor: lintText of a ${(editorResult.charter.bytes / 1024).toFixed(1)} KB charter p50 ${l.wallMs.p50} ms, p95 ${l.wallMs.p95} ms (cpu p95 ${l.cpuMs.p95} ms)`);
    log(`  editor: handbook update at ${editorResult.handbook.charters} charters: lintHandbook p95 ${editorResult.handbook.lintHandbookMs.p95} ms, re-lint + handbook p95 ${editorResult.handbook.relintAndHandbookMs.p95} ms`);

    const row = (r) => r && { wallS: round(r.wall), cpuS: r.cpu !== undefined ? round(r.cpu) : undefined, filesPerS: Math.round(hb.files / r.wall), mbPerS: round(mb / r.wall), peakRssMb: r.rssMb !== undefined ? Math.round(r.rssMb) : undefined, load1: round(r.load) };
    results.sizes.push({
      charters: size,
      files: hb.files,
      mb: round(mb),
      findings: report.findings.length,
      summary: report.summary,
      runs: Object.fromEntries(Object.entries(rows).map(([k, r]) => [k, row(r)])),
      ratios: {
        chartersToMarkdownlint: rows.mdl ? round(rows.cold.wall / rows.mdl.wall) : undefined,
        chartersToFloorSameThreads: round(rows.cold.wall / rows.floorN.wall),
        chartersToFloorOneThread: round(rows.cold1.wall / rows.floor1.wall),
        cpuChartersToFloorOneThread: rows.cold1.cpu && rows.floor1.cpu ? round(rows.cold1.cpu / rows.floor1.cpu) : undefined,
        warmToCold: round(rows.warm.wall / rows.cold.wall),
        warmHashToCold: round(rows.warmHash.wall / rows.cold.wall),
        cloneToCold: round(rows.clone.wall / rows.cold.wall),
      },
      identical,
      editor: editorResult,
    });
  }

  // The report.
  const lines = [];
  lines.push(`Machine: ${results.machine.cpus} × ${results.machine.model}, ${results.machine.memGb} GB, Node ${results.machine.node}; charters on ${jobs} threads. ${results.date}`);
  for (const s of results.sizes) {
    lines.push('', `### ${s.charters.toLocaleString('en')} charters (${s.mb} MB, ${s.findings} findings)`, '');
    lines.push('| run | wall s | CPU s | files/s | MB/s | peak RSS MB | load |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    const names = { cold: `charters lint, cold (${jobs} threads)`, cold1: 'charters lint, cold (1 thread)', mdl: 'markdownlint-cli2, MD043 only', floorN: `floor: remark parse (${jobs} threads)`, floor1: 'floor: remark parse (1 thread)', fill: 'charters lint --cache (first run)', warm: 'charters lint --cache (warm)', warmHash: 'charters lint --cache (warm, files touched: by content hash)', clone: 'charters lint --cache (fresh git clone: by git\'s index)' };
    for (const [k, name] of Object.entries(names)) {
      const r = s.runs[k];
      if (!r) continue;
      lines.push(`| ${name} | ${r.wallS} | ${r.cpuS ?? '?'} | ${r.filesPerS} | ${r.mbPerS} | ${r.peakRssMb ?? '?'} | ${r.load1} |`);
    }
    const x = s.ratios;
    lines.push('');
    if (x.chartersToMarkdownlint !== undefined) lines.push(`- charters / markdownlint-cli2: **${x.chartersToMarkdownlint}** (target ≤ 0.5)`);
    lines.push(`- charters / floor, same threads: **${x.chartersToFloorSameThreads}** (target ≤ 1.25); one thread: ${x.chartersToFloorOneThread} (CPU ${x.cpuChartersToFloorOneThread ?? '?'})`);
    lines.push(`- warm --cache / cold: **${(x.warmToCold * 100).toFixed(1)} %** (target ≤ 5 %); on a fresh git clone (as in CI): **${(x.cloneToCold * 100).toFixed(1)} %**; after touching every file outside git (content hashes): ${(x.warmHashToCold * 100).toFixed(1)} %`);
    lines.push(`- findings identical to the cold run's: warm ${s.identical.warm}, fresh clone ${s.identical.clone}, warm by hash ${s.identical.warmHash}, cache fill ${s.identical.cacheFill}, 1 thread ${s.identical.oneThread}`);
    const e = s.editor;
    lines.push(`- editor: lintText of a ${(e.charter.bytes / 1024).toFixed(1)} KB charter: p50 ${e.charter.lintText.wallMs.p50} ms, **p95 ${e.charter.lintText.wallMs.p95} ms** (target ≤ 15; CPU p95 ${e.charter.lintText.cpuMs.p95} ms, ${e.charter.lintText.wallMs.runs} runs)`);
    lines.push(`- editor: one file changed in ${e.handbook.charters} charters: lintHandbook(summaries) p50 ${e.handbook.lintHandbookMs.p50} ms, p95 ${e.handbook.lintHandbookMs.p95} ms; with the re-lint of that file p95 ${e.handbook.relintAndHandbookMs.p95} ms`);
  }
  const text = lines.join('\n') + '\n';
  process.stdout.write(text);
  results.hostile = await hostile();
  const jsonFile = arg('json', join(DATA, 'results.json'));
  writeFileSync(jsonFile, JSON.stringify(results, null, 2));
  log(`\nresults: ${jsonFile}`);
  if (results.sizes.some((s) => Object.values(s.identical).some((same) => !same))) {
    log('FINDINGS DIFFER between runs');
    process.exitCode = 1;
  }
}

/** Commit `dir` to a repository of its own (outside the project's) and return a fresh clone. */
function freshClone(dir, out) {
  const repo = join(out, 'repo.git');
  const clone = join(out, 'clone');
  const git = (args) => {
    // No automatic gc: after committing 10,000 loose objects git would pack them in the
    // background, on the cores the timed runs use.
    const r = spawnSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.org', '-c', 'gc.auto=0', '-c', 'maintenance.auto=false', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  };
  const t0 = Date.now();
  git(['init', '-q', '--bare', repo]);
  git([`--git-dir=${repo}`, `--work-tree=${dir}`, 'add', '-A', '.']);
  git([`--git-dir=${repo}`, `--work-tree=${dir}`, 'commit', '-qm', 'handbook']);
  git(['clone', '-q', repo, clone]);
  // Flush the 256 MB just written before timing: a CI runner's checkout is on disk long before
  // the lint step, and the kernel's writeback would otherwise be timed with the lint (+0.3-0.5 s).
  spawnSync('sync');
  log(`  git repository and fresh clone made in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return clone;
}

function round(x) {
  return Math.round(x * 1000) / 1000;
}

await main();

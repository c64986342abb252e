#!/usr/bin/env node
// Scores `charters lint` against the independent acceptance corpus in test/fixtures/corpus.
//
//   node bench/corpus.mjs [--handbook NAME] [--json] [--min P] [--today YYYY-MM-DD]
//
// For each handbook folder (one with an expected.json), runs
// `node bin/charters.js lint <dir> --format json --today 2026-12-02`, matches the actual
// findings with the expected ones on (file, line, ruleId) as multisets, and prints TP, FP, FN,
// precision and recall per handbook and overall, with every FP and FN. Exit 0 always (it is a
// measurement), unless --min P is given: then 1 when overall precision or recall is below P.
// No dependencies.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = path.join(root, 'test', 'fixtures', 'corpus');
const bin = path.join(root, 'bin', 'charters.js');

function parseArgs(argv) {
  const opts = { handbook: null, json: false, min: null, today: '2026-12-02' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--handbook') opts.handbook = value();
    else if (a === '--json') opts.json = true;
    else if (a === '--min') {
      opts.min = Number(value());
      if (!Number.isFinite(opts.min) || opts.min < 0 || opts.min > 1) usage('--min takes a number between 0 and 1');
    } else if (a === '--today') opts.today = value();
    else if (a === '-h' || a === '--help') usage(null);
    else usage(`unknown argument ${a}`);
  }
  return opts;
}

function usage(err) {
  const text = 'usage: node bench/corpus.mjs [--handbook NAME] [--json] [--min P] [--today YYYY-MM-DD]';
  if (err) {
    console.error(`corpus: ${err}\n${text}`);
    process.exit(2);
  }
  console.log(text);
  process.exit(0);
}

const norm = (p) => (p === undefined || p === null || p === '' ? null : p.split(path.sep).join('/'));
// a handbook finding without a file matches on the rule alone (the docs give it no line)
const keyOf = (f) => (f.file === null ? `-:-:${f.ruleId}` : `${f.file}:${f.line ?? '-'}:${f.ruleId}`);

function relFile(file, dir) {
  if (file === undefined || file === null || file === '') return null;
  const abs = path.isAbsolute(file) ? file : path.resolve(root, file);
  const rel = path.relative(dir, abs);
  // a file outside the handbook (should not happen) keeps its path as given
  return norm(rel.startsWith('..') ? file : rel);
}

function runLint(dir, today) {
  const res = spawnSync(process.execPath, [bin, 'lint', dir, '--format', 'json', '--today', today], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
  });
  let report = null;
  try {
    report = JSON.parse(res.stdout);
  } catch {
    // fall through: reported as an error below
  }
  return { status: res.status, stdout: res.stdout, stderr: res.stderr, report };
}

function score(name, today) {
  const dir = path.join(corpusDir, name);
  const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')).map((e) => ({
    file: norm(e.file),
    line: e.line ?? null,
    ruleId: e.ruleId,
    note: e.note ?? '',
  }));
  const run = runLint(dir, today);
  const error = run.report
    ? null
    : `lint exited ${run.status} without a JSON report: ${(run.stderr || run.stdout).trim().slice(0, 500)}`;
  const actual = (run.report?.findings ?? []).map((f) => ({
    file: relFile(f.file, dir),
    line: f.line ?? null,
    ruleId: f.ruleId,
    message: f.message ?? '',
    severity: f.severity,
  }));

  // multiset matching on (file, line, ruleId)
  const pool = new Map();
  for (const e of expected) {
    const k = keyOf(e);
    if (!pool.has(k)) pool.set(k, []);
    pool.get(k).push(e);
  }
  const fp = [];
  let tp = 0;
  for (const a of actual) {
    const bucket = pool.get(keyOf(a));
    if (bucket && bucket.length > 0) {
      bucket.shift();
      tp++;
    } else fp.push(a);
  }
  const fn = [...pool.values()].flat();
  const cmp = (x, y) =>
    (x.file ?? '').localeCompare(y.file ?? '') || (x.line ?? 0) - (y.line ?? 0) || x.ruleId.localeCompare(y.ruleId);
  fp.sort(cmp);
  fn.sort(cmp);
  return { handbook: name, tp, fp, fn, expected: expected.length, actual: actual.length, error, skipped: run.report?.skipped ?? [] };
}

const ratio = (num, den) => (den === 0 ? 1 : num / den);
const pct = (x) => `${(x * 100).toFixed(1)} %`;

function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(bin)) {
    console.error(`corpus: ${path.relative(root, bin)} not found; run npm run build first`);
    process.exit(2);
  }
  let names = readdirSync(corpusDir)
    .filter((n) => statSync(path.join(corpusDir, n)).isDirectory() && existsSync(path.join(corpusDir, n, 'expected.json')))
    .sort();
  if (opts.handbook) {
    if (!names.includes(opts.handbook)) usage(`no handbook ${opts.handbook} (have: ${names.join(', ')})`);
    names = [opts.handbook];
  }

  const results = names.map((n) => score(n, opts.today));
  const total = results.reduce(
    (t, r) => ({ tp: t.tp + r.tp, fp: t.fp + r.fp.length, fn: t.fn + r.fn.length }),
    { tp: 0, fp: 0, fn: 0 },
  );
  const precision = ratio(total.tp, total.tp + total.fp);
  const recall = ratio(total.tp, total.tp + total.fn);

  if (opts.json) {
    const per = results.map((r) => ({
      handbook: r.handbook,
      tp: r.tp,
      fp: r.fp.length,
      fn: r.fn.length,
      precision: ratio(r.tp, r.tp + r.fp.length),
      recall: ratio(r.tp, r.tp + r.fn.length),
      error: r.error,
      falsePositives: r.fp,
      falseNegatives: r.fn,
    }));
    console.log(JSON.stringify({ today: opts.today, ...total, precision, recall, handbooks: per }, null, 2));
  } else {
    for (const r of results) {
      const p = ratio(r.tp, r.tp + r.fp.length);
      const rc = ratio(r.tp, r.tp + r.fn.length);
      console.log(
        `\n${r.handbook}: TP ${r.tp}  FP ${r.fp.length}  FN ${r.fn.length}  precision ${pct(p)}  recall ${pct(rc)}`,
      );
      if (r.error) console.log(`  ERROR ${r.error}`);
      for (const f of r.fp) console.log(`  FP ${f.file ?? '(handbook)'}:${f.line ?? '-'} ${f.ruleId} [${f.severity}] ${f.message}`);
      for (const f of r.fn) console.log(`  FN ${f.file ?? '(handbook)'}:${f.line ?? '-'} ${f.ruleId}  (${f.note})`);
    }
    console.log(
      `\nOverall (${results.length} handbooks, today ${opts.today}): TP ${total.tp}  FP ${total.fp}  FN ${total.fn}  ` +
        `precision ${pct(precision)}  recall ${pct(recall)}`,
    );
  }
  if (opts.min !== null && (precision < opts.min || recall < opts.min)) process.exit(1);
}

main();

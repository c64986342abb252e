/**
 * Editor latency, measured on the core API the extension calls (bundled and run by
 * bench/run.mjs; not part of any shipped bundle):
 *
 * - re-lint of one ~16 KB charter after a keystroke: `Linter.lintText`, p50/p95 over many runs
 *   after a warm-up, each run on a slightly different text (as when typing);
 * - the handbook-level update after that file changed, in a handbook of N charters whose
 *   summaries are kept in memory: replace one summary, `linter.lintHandbook(summaries)` (no other
 *   file is read or parsed).
 *
 *   node editor.cjs --handbook DIR --charter FILE [--summaries CACHE.json] [--runs 300]
 *
 * The summaries come from a `charters lint --cache` cache file of the same handbook when given
 * (the real run's summaries, without linting 10,000 files again here), else from linting every
 * charter in this process. Prints one JSON object.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cachedSummaries } from '../src/cli/cache';
import { parseConfig } from '../src/core/config';
import { Linter } from '../src/core/lint';
import type { CharterSummary } from '../src/core/types';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function stats(samples: number[]): { p50: number; p95: number; max: number; mean: number; runs: number } {
  const s = [...samples].sort((a, b) => a - b);
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  return { p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), max: round(s[s.length - 1]!), mean: round(s.reduce((a, b) => a + b, 0) / s.length), runs: s.length };
}

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...markdownFiles(p));
    else if (e.name.endsWith('.md') && e.name !== 'README.md') out.push(p);
  }
  return out.sort();
}

const handbook = arg('handbook')!;
const charterFile = arg('charter')!;
const runs = Number(arg('runs') ?? '300');
const today = arg('today') ?? '2026-11-27';
const parsed = parseConfig(readFileSync(join(handbook, 'charters.yaml'), 'utf8'));
if (!parsed.ok) throw new Error('bad charters.yaml');
const linter = new Linter(parsed.config);
const text = readFileSync(charterFile, 'utf8');
const rel = charterFile.slice(handbook.length + 1);

// A keystroke: one more letter in the middle of the prose, a different place each run.
const variant = (i: number): string => {
  const at = Math.floor(text.length / 2) + (i % 200);
  return `${text.slice(0, at)}x${text.slice(at)}`;
};

const warmup = Math.max(50, Math.floor(runs / 4));
for (let i = 0; i < warmup; i++) linter.lintText(rel, variant(i), { today });
const wall: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < runs; i++) {
  const t = variant(warmup + i);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  linter.lintText(rel, t, { today });
  wall.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
}

// The summaries of every charter of the handbook, as the extension keeps them.
let summaries: CharterSummary[] = [];
let source = 'lint';
const cacheFile = arg('summaries');
if (cacheFile) {
  try {
    summaries = cachedSummaries(cacheFile);
    source = 'cache';
  } catch {
    summaries = [];
  }
}
if (summaries.length === 0) {
  for (const f of markdownFiles(handbook)) {
    const s = linter.lintText(f.slice(handbook.length + 1), readFileSync(f, 'utf8'), { today }).summary;
    if (s) summaries.push(s);
  }
}
let index = summaries.findIndex((s) => rel.endsWith(s.file) || s.file.endsWith(rel));
if (index < 0) index = 0;

const update: number[] = [];
const handbookOnly: number[] = [];
let handbookFindings = 0;
for (let i = 0; i < warmup + runs; i++) {
  const t0 = performance.now();
  const r = linter.lintText(rel, variant(i), { today });
  if (r.summary) summaries[index] = { ...r.summary, file: summaries[index]!.file };
  const t1 = performance.now();
  handbookFindings = linter.lintHandbook(summaries, 'charters.yaml').length;
  const t2 = performance.now();
  if (i >= warmup) {
    update.push(t2 - t0);
    handbookOnly.push(t2 - t1);
  }
}

process.stdout.write(
  `${JSON.stringify({
    charter: { file: rel, bytes: Buffer.byteLength(text), lintText: { wallMs: stats(wall), cpuMs: stats(cpu) } },
    handbook: { charters: summaries.length, summariesFrom: source, handbookFindings, relintAndHandbookMs: stats(update), lintHandbookMs: stats(handbookOnly) },
  })}\n`,
);

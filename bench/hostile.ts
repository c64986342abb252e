/**
 * Hostile input: the worst case found for each pattern the linter runs over a handbook's text,
 * and for its glob matching, timed at two sizes (bundled and run by bench/run.mjs; not part of
 * any shipped bundle). Linear code keeps its time per KB as the input grows 8×; the patterns
 * these replaced grew 64× (quadratic) or worse. Figures are CPU time (this process), the least
 * of 3 runs, so that other busy processes on the machine count little.
 *
 *   node hostile.cjs [--small 32768]
 *
 * Prints one JSON object: per case, ms per call and µs per KB at both sizes, and their ratio.
 */
import picomatch from 'picomatch/posix';
import { defaultConfig, globProblem } from '../src/core/config';
import { FrameworkLookup } from '../src/core/framework/lookup';
import { DEFAULT_FRAMEWORK } from '../src/core/framework/default';
import { Linter } from '../src/core/lint';
import { goalLine, inlineItem } from '../src/core/parse';
import { blankBrackets, isPlaceholder, lineLabel } from '../src/core/placeholder';
import { renderCharterHtml } from '../src/core/render/charter';
import { textLabel } from '../src/core/render/markdown';
import { explicitId, matchKey } from '../src/core/text';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const SMALL = Number(arg('small') ?? 32_768);
const lookup = new FrameworkLookup(DEFAULT_FRAMEWORK);
const linter = new Linter(defaultConfig(), 'fi');
const TODAY = '2026-01-01';
const HEAD = '---\ntier: supervisors\n---\n# Peruskirja\n\n## Visio\n\nTeksti.\n';
const sp = (n: number): string => ' '.repeat(n);

function cpuMs(f: () => void, times: number): number {
  const t0 = process.cpuUsage();
  for (let i = 0; i < times; i++) f();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000 / times;
}

function best(f: () => void, times: number): number {
  return Math.min(cpuMs(f, times), cpuMs(f, times), cpuMs(f, times));
}

const lintAndRender = (text: string): void => {
  const r = linter.lintText('c.md', text, { today: TODAY });
  if (r.summary) renderCharterHtml(r, lookup, { lang: 'fi', today: TODAY });
};

/** [name, input of about n characters, what runs on it] */
const CASES: [string, (n: number) => string, (s: string) => unknown][] = [
  ['lint: last line of spaces and `_:` (INLINE_ITEM)', (n) => `${HEAD}${sp(n)}_:\n`, lintAndRender],
  ['lint: `## a` + spaces + `b` (matchKey)', (n) => `${HEAD}\n## a${sp(n)}b\n`, lintAndRender],
  ['lint: list item, spaces, long label, colon (GOAL_LINE)', (n) => `${HEAD}\n- ${sp(n)}${'a'.repeat(50)}:\n`, lintAndRender],
  ['lint: empty goal lines, each followed by text', (n) => `${HEAD}\n${'- Mittarit:\nx\n'.repeat(n / 14)}`, lintAndRender],
  ['lint: heading with spaces before {#id}', (n) => `${HEAD}\n## Visio${sp(n)}{#vision}\n`, lintAndRender],
  ['lint: frontmatter key with spaces', (n) => `---\ntier: supervisors\nowner${sp(n)}x: y\n---\n# T\n`, lintAndRender],
  ['inlineItem: spaces then `_:`', (n) => `${sp(n)}_:`, inlineItem],
  ['goalLine: spaces, long label, colon', (n) => `${sp(n)}${'a'.repeat(50)}:`, goalLine],
  ['lineLabel (placeholder.ts): spaces, long label, colon', (n) => `${sp(n)}${'a'.repeat(50)}:`, lineLabel],
  ['textLabel (render/markdown.ts): spaces, long label, colon', (n) => `${sp(n)}${'a'.repeat(50)}:`, textLabel],
  ['matchKey: `a` + spaces + `b`', (n) => `a${sp(n)}b`, matchKey],
  ['explicitId: `{#x}` + spaces + `b`', (n) => `## a{#x}${sp(n)}b`, explicitId],
  ['blankBrackets: a line of `[`', (n) => '['.repeat(n), blankBrackets],
  ['isPlaceholder: label, spaces, `[` runs', (n) => `- Mittari:${sp(n / 2)}${'['.repeat(n / 2)}`, (s) => isPlaceholder(s, (l) => lookup.isGoalLabel(l))],
];

interface Row {
  name: string;
  small: { bytes: number; ms: number; usPerKb: number };
  large: { bytes: number; ms: number; usPerKb: number };
  /** time at 8× the input over time at 1×: 8 is linear, 64 quadratic. */
  ratio: number;
}

function measure(name: string, make: (n: number) => string, run: (s: string) => unknown): Row {
  const a = JSON.parse(JSON.stringify(make(SMALL))) as string;
  const b = JSON.parse(JSON.stringify(make(8 * SMALL))) as string;
  for (let i = 0; i < 3; i++) {
    run(a);
    run(b);
  }
  let times = 1;
  while (cpuMs(() => run(b), times) * times < 20 && times < 1 << 14) times *= 2;
  const s = best(() => run(a), 8 * times);
  const l = best(() => run(b), times);
  const row = (text: string, ms: number) => ({ bytes: text.length, ms: Math.round(ms * 1000) / 1000, usPerKb: Math.round((ms * 1000 * 1024) / text.length * 100) / 100 });
  return { name, small: row(a, s), large: row(b, l), ratio: Math.round((l / Math.max(s, 1e-6)) * 10) / 10 };
}

/** The globs: the reproduction (refused by the config now) and the worst found within the limits. */
function globs(): { glob: string; path: number; refused: boolean; ms: number }[] {
  const a = (n: number) => 'a'.repeat(n);
  const cases: [string, string][] = [
    ['*a*a*a*a*a*a*a*a*b', a(30)],
    ['*a*b', a(255)],
    ['**/*a*b', `${`${a(250)}/`.repeat(16)}c`],
    ['**/a/**/b', `${'a/'.repeat(2000)}c`],
    ['**/a/**/a*b', `${'a/'.repeat(2000)}c`],
    ['**/{a,a}/**/{a,a}', `${'a/'.repeat(2000)}c`],
    ['**/.*/**', `${`.${a(250)}/`.repeat(16)}c`],
  ];
  return cases.map(([glob, path]) => {
    const m = picomatch(glob, { dot: true });
    m('x');
    const ms = best(() => {
      m(path);
      m(`${path}/`);
    }, 1);
    return { glob, path: path.length, refused: globProblem(glob) !== undefined, ms: Math.round(ms * 10) / 10 };
  });
}

const rows = CASES.map(([name, make, run]) => measure(name, make, run));
process.stdout.write(JSON.stringify({ small: SMALL, rows, globs: globs() }));

/**
 * Linear time on every input (issue 8, item 2).
 *
 * - The reproductions: inputs that took seconds to minutes with the backtracking patterns
 *   (a last line of 8,000 spaces and `_:`, `## a` + 100,000 spaces + `b`, long runs before a
 *   label's colon, a line of `[`), each checked for its result and linted well within a second.
 * - The scanners that replaced the label patterns agree with the patterns (kept here as the
 *   reference) on short generated lines, wherever the label they find names something.
 * - Timing: for each scanner and for the whole lint (and render), the time at 8n over the time
 *   at n stays below 25 (linear is 8, quadratic 64). Each figure is the least of 3 runs, each
 *   run repeats the call until the small size takes a few milliseconds: robust on a loaded
 *   machine. These are the only timing assertions in the suite.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultConfig } from '../../../src/core/config';
import { FrameworkLookup } from '../../../src/core/framework/lookup';
import { DEFAULT_FRAMEWORK } from '../../../src/core/framework/default';
import { Linter } from '../../../src/core/lint';
import { goalLine, inlineItem } from '../../../src/core/parse';
import { blankBrackets, isPlaceholder, lineLabel } from '../../../src/core/placeholder';
import { renderCharterHtml } from '../../../src/core/render/charter';
import { textLabel } from '../../../src/core/render/markdown';
import { explicitId, matchKey, stripExplicitId } from '../../../src/core/text';

const SEED = Number(process.env['FC_SEED'] ?? 20261202);
const lookup = new FrameworkLookup(DEFAULT_FRAMEWORK);
const linter = new Linter(defaultConfig(), 'fi');
const TODAY = '2026-01-01';

// ---------------------------------------------------------------------------------------------
// Timing helpers

/**
 * Milliseconds of CPU time (this process, user and system) that `times` calls take. Not the
 * wall clock: on a machine shared by more busy processes than cores, a longer run is more often
 * preempted, and wall-clock ratios of 8× the work came out at 30-50× for linear code.
 */
function elapsed(f: () => void, times: number): number {
  const t0 = process.cpuUsage();
  for (let i = 0; i < times; i++) f();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

/**
 * Time of one call at 8n over time of one call at n, each the least of `RUNS` runs taken in
 * turns. Both are warmed up first (the JIT and the regex engine's tier-up happen before the
 * clock runs), and each run does about the same work at both sizes (8 calls at n for 1 at 8n),
 * at least 10 ms of CPU time in all.
 */
function growth(small: () => void, large: () => void): { ratio: number; small: number; large: number } {
  for (let i = 0; i < 3; i++) {
    small();
    large();
  }
  let times = 1;
  // Calibrated on both sizes: where the larger input is refused at once, the smaller one may be the slow one.
  while (elapsed(small, 8 * times) + elapsed(large, times) < 10 && times < 1 << 16) times *= 2;
  let s = Infinity;
  let l = Infinity;
  for (let i = 0; i < RUNS; i++) {
    s = Math.min(s, elapsed(small, 8 * times) / (8 * times));
    l = Math.min(l, elapsed(large, times) / times);
  }
  return { ratio: l / Math.max(s, 1e-6), small: s, large: l };
}

const RUNS = 3;

const LIMIT = 25;

function flat(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

function assertLinear(name: string, make: (n: number) => string, run: (input: string) => void, n = 4096): void {
  // Flat strings, not ropes of `repeat` and `+` (the first regex on a rope flattens it).
  const a = flat(make(n));
  const b = flat(make(8 * n));
  const g = growth(() => run(a), () => run(b));
  assert.ok(g.ratio < LIMIT, `${name}: 8× the input took ${g.ratio.toFixed(1)}× the time (${g.small.toFixed(3)} ms → ${g.large.toFixed(3)} ms a call)`);
}

const spaces = (n: number): string => ' '.repeat(n);
const HEAD = '---\ntier: supervisors\n---\n# Peruskirja\n\n## Visio\n\nTeksti.\n';

// ---------------------------------------------------------------------------------------------

describe('robustness: linear time', function () {
  this.timeout(60_000);

  describe('the reproductions of issue 8', () => {
    it('a last line of 8,000 spaces and `_:` (was 20 s): linted, the line is text', () => {
      const text = `${HEAD}${spaces(8000)}_:\n`;
      const t0 = performance.now();
      const r = linter.lintText('c.md', text, { today: TODAY });
      assert.ok(performance.now() - t0 < 2000, `took ${performance.now() - t0} ms`);
      assert.ok(r.summary, 'still a charter');
      assert.equal(r.unlintable, undefined);
    });

    it('`## a` + 100,000 spaces + `b` (was 27 s): matchKey folds the spaces', () => {
      const t0 = performance.now();
      assert.equal(matchKey(`a${spaces(100_000)}b`), 'a b');
      assert.equal(matchKey(`Visio${spaces(100_000)}:`), 'visio');
      const r = linter.lintText('c.md', `${HEAD}\n## a${spaces(100_000)}b\n`, { today: TODAY });
      assert.ok(performance.now() - t0 < 2000, `took ${performance.now() - t0} ms`);
      assert.ok(r.summary);
    });

    it('label lines with long runs before the colon: no label, at once', () => {
      const long = `${spaces(50_000)}${'a'.repeat(50)}:`;
      const t0 = performance.now();
      assert.equal(goalLine(long), undefined);
      assert.equal(inlineItem(`${spaces(50_000)}_:`), undefined);
      assert.equal(lineLabel(long), undefined);
      assert.equal(textLabel(long), undefined);
      assert.equal(isPlaceholder(`${long} TBD`, (l) => lookup.isGoalLabel(l)), false);
      assert.ok(performance.now() - t0 < 1000, `took ${performance.now() - t0} ms`);
    });

    it('a line of 100,000 `[` is not a prompt; `[kirjoita tähän]` still is', () => {
      assert.equal(blankBrackets('['.repeat(100_000)), '['.repeat(100_000));
      assert.equal(isPlaceholder('['.repeat(100_000)), true);
      assert.equal(isPlaceholder('[kirjoita tähän]'), true);
      assert.equal(blankBrackets('a [b] [c](d) [e\n] f]'), 'a   [c](d) [e\n] f]');
    });

    it('explicit ids after long runs of spaces', () => {
      assert.deepEqual(explicitId(`## Visio${spaces(100_000)}{#vision}${spaces(100)}##`), { id: 'vision', start: 8 });
      assert.equal(explicitId(`## Visio {#vision}${spaces(100_000)}x`), undefined);
      assert.equal(stripExplicitId(`Visio${spaces(50_000)}{#vision}`), 'Visio');
      assert.equal(stripExplicitId(`a${spaces(100_000)}b`), `a${spaces(100_000)}b`);
    });
  });

  describe('the scanners agree with the patterns they replace', () => {
    // The patterns as they were: the reference, on lines short enough for their backtracking.
    /* eslint-disable no-misleading-character-class -- the old patterns, verbatim */
    const GOAL_LINE = /^[\s>]*(?:[-*+]\s+|\d+[.)]\s+)?(?:#{1,6}\s+)?(?:\*\*|__)?([^:：\n]{1,40}?)(?:\*\*|__)?\s*(?:[:：](?:\*\*|__)?\s*(.*))?$/u;
    const INLINE_ITEM = /^(?:[\s\p{Extended_Pictographic}\p{So}\ufe0f\u200d•▪►▶→]*)(\*\*|__)?([^:\n*_]{2,200}?)(\*\*|__)?\s*:(\*\*|__)?/u;
    const PLACEHOLDER_LABEL = /^[\s>*+\-\d.)#]*(?:\*\*|__)?([^:\n]{1,40}?)(?:\*\*|__)?\s*:(?:\*\*|__)?/u;
    const RENDER_LABEL = /^[\s>\p{Extended_Pictographic}\p{So}\ufe0f\u200d•▪►▶→–-]*([^:：\n]{1,40}?)\s*[:：]\s*([^\n]*)/u;
    const EXPLICIT_ID = /\s*\{#([A-Za-z0-9_.-]+)\}\s*#*\s*$/;
    const BRACKETS = /\[[^\]\n]*\](?!\()/g;
    /* eslint-enable no-misleading-character-class */

    const goalLabels = [...DEFAULT_FRAMEWORK.goalLabels.fi, ...DEFAULT_FRAMEWORK.goalLabels.en];
    const titles = DEFAULT_FRAMEWORK.tiers.flatMap((t) => t.elements.flatMap((e) => [e.name.fi, e.name.en, ...e.aliases]));
    const piece = fc.oneof(
      fc.constantFrom(' ', '  ', '\t', ':', '：', '**', '__', '*', '_', '-', '- ', '1. ', '> ', '## ', '🔹 ', '•', '#', '[', ']', '(', '{#vision}', 'x', '\u00a0', '–'),
      fc.constantFrom(...goalLabels, ...titles),
      fc.string({ maxLength: 4 }),
    );
    const line = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));
    const params = { seed: SEED, numRuns: 3000 } as const;

    it('goal lines: same label and value wherever the label is a goal label', () => {
      fc.assert(
        fc.property(line, (l) => {
          const m = GOAL_LINE.exec(l);
          const ours = goalLine(l);
          const theirs = m && lookup.isGoalLabel(m[1]!) ? { label: matchKey(m[1]!), value: m[2]?.trim() } : undefined;
          const mine = ours && lookup.isGoalLabel(ours.label) ? { label: matchKey(ours.label), value: ours.value?.trim() } : undefined;
          assert.deepEqual(mine, theirs);
        }),
        params,
      );
    });

    it('inline items: same title, decoration and end wherever the title names an element', () => {
      fc.assert(
        fc.property(line, (l) => {
          const m = INLINE_ITEM.exec(l);
          const ours = inlineItem(l);
          const named = (t: string) => DEFAULT_FRAMEWORK.tiers.some((tier) => lookup.elementOfTitle(tier.id, t));
          const theirs = m && named(m[2]!) ? { title: m[2]!, emphasis: !!m[1], end: m[0].length } : undefined;
          const mine = ours && named(ours.title) ? ours : undefined;
          assert.deepEqual(mine, theirs);
        }),
        params,
      );
    });

    it('placeholder and render labels: same label, end and value wherever the label is a goal label', () => {
      fc.assert(
        fc.property(line, (l) => {
          const p = PLACEHOLDER_LABEL.exec(l);
          const ours = lineLabel(l);
          assert.deepEqual(
            ours && lookup.isGoalLabel(ours.label) ? ours : undefined,
            p && lookup.isGoalLabel(p[1]!) ? { label: p[1]!, end: p[0].length } : undefined,
          );
          const r = RENDER_LABEL.exec(l);
          const mine = textLabel(l);
          assert.deepEqual(
            mine && lookup.isGoalLabel(mine.label) ? mine : undefined,
            r && lookup.isGoalLabel(r[1]!) ? { label: r[1]!, value: r[2]! } : undefined,
          );
        }),
        params,
      );
    });

    it('explicit ids and bracketed prompts: exactly the same', () => {
      fc.assert(
        fc.property(line, (l) => {
          const m = EXPLICIT_ID.exec(l);
          assert.deepEqual(explicitId(l), m ? { id: m[1]!, start: m.index } : undefined);
          assert.equal(stripExplicitId(l), l.replace(EXPLICIT_ID, ''));
          assert.equal(blankBrackets(l), l.replace(BRACKETS, ' '));
        }),
        params,
      );
    });
  });

  describe('time grows linearly with the input', () => {
    const runs: [string, (n: number) => string, (s: string) => unknown][] = [
      ['goalLine, spaces before a long label', (n) => `${spaces(n)}${'a'.repeat(50)}:`, goalLine],
      ['goalLine, spaces then emphasis', (n) => `- **${spaces(n)}x**${spaces(n)}`, goalLine],
      ['inlineItem, spaces then `_:`', (n) => `${spaces(n)}_:`, inlineItem],
      ['inlineItem, emoji then spaces', (n) => `${'🔹'.repeat(n / 2)}${spaces(n)}x:`, inlineItem],
      ['lineLabel, list markers and spaces', (n) => `${'- '.repeat(n / 2)}${spaces(n)}a*:`, lineLabel],
      ['textLabel, spaces before a long label', (n) => `${spaces(n)}${'a'.repeat(50)}:`, textLabel],
      ['matchKey, spaces inside', (n) => `a${spaces(n)}b`, matchKey],
      ['matchKey, colons and dashes', (n) => `a${' - :'.repeat(n / 4)}b`, matchKey],
      ['explicitId, spaces before a bad tail', (n) => `## a{#x}${spaces(n)}b`, explicitId],
      ['explicitId, many candidates', (n) => `## ${'{#a} '.repeat(n / 5)}x`, explicitId],
      ['blankBrackets, a line of `[`', (n) => '['.repeat(n), blankBrackets],
      ['isPlaceholder, label lines', (n) => `- Mittari:${spaces(n)}[${'a['.repeat(n / 2)}`, (s) => isPlaceholder(s, (l) => lookup.isGoalLabel(l))],
    ];
    for (const [name, make, run] of runs) {
      it(name, () => assertLinear(name, make, run));
    }

    it('lintText and render: hostile runs in headings, goal lines, list items, frontmatter values and label lines', function () {
      // Minutes of wall-clock time on a machine shared by many busy processes; seconds otherwise.
      this.timeout(600_000);
      const runChar = fc.constantFrom(' ', ':', '🔹', '*', '_', '[', '#', '-', '>', '`', '\t', ']', '：', '{#a}', 'a ', '** ');
      const place = fc.constantFrom(
        (r: string) => `${HEAD}${r}_:\n`,
        (r: string) => `${HEAD}\n## a${r}b\n`,
        (r: string) => `${HEAD}\n## Visio ${r} {#vision}\n`,
        (r: string) => `${HEAD}\n- Mittarit: ${r}x\n`,
        (r: string) => `${HEAD}\n- ${r}${'a'.repeat(50)}:\n`,
        (r: string) => `${HEAD}\n- **${r}**: y\n`,
        (r: string) => `${HEAD}\n### Mittarit${r}\n\n- x\n`,
        (r: string) => `${HEAD}\n🔹 ${r}: x\n`,
        (r: string) => `${HEAD}\n> ${r}:\n`,
        (r: string) => `---\ntier: supervisors\nunit: "${r}"\nowner${r}: x\n---\n# T\n\n## Visio\n\nx\n`,
        (r: string) => `${HEAD}\n\`\`\`${r}`,
        (r: string) => `${HEAD}\nTavoite: [${r}\n`,
        (r: string) => `${HEAD}\n${`- Mittarit:\n${r}\n`.repeat(8)}`,
      );
      fc.assert(
        fc.property(fc.array(runChar, { minLength: 1, maxLength: 3 }), place, (unit, at) => {
          const u = unit.join('');
          const make = (n: number) => at(u.repeat(Math.ceil(n / u.length)));
          const lintAndRender = (text: string) => {
            const r = linter.lintText('c.md', text, { today: TODAY });
            if (r.summary) renderCharterHtml(r, lookup, { lang: 'fi', today: TODAY });
          };
          assertLinear(`${JSON.stringify(make(8).slice(HEAD.length))}…`, make, lintAndRender);
        }),
        { seed: SEED, numRuns: Number(process.env['FC_RUNS'] ?? 6) },
      );
    });
  });
});

describe('linear time: the README title that render publishes', () => {
  it('is the first `# ` line without its closing spaces and #s', async () => {
    const { readmeTitle } = await import('../../../src/cli/render');
    assert.equal(readmeTitle('# Käsikirja ##\n'), 'Käsikirja');
    assert.equal(readmeTitle('intro\n#no title\n#\tKaarnajoen Vesi  \r\n# later\n'), 'Kaarnajoen Vesi');
    assert.equal(readmeTitle('no heading\n'), undefined);
  });
  it('grows linearly on a title line that ends in a long run of spaces or # and then text', async () => {
    const { readmeTitle } = await import('../../../src/cli/render');
    assertLinear('readmeTitle (spaces)', (n) => `# a${spaces(n)}b`, (s) => void readmeTitle(s));
    assertLinear('readmeTitle (#)', (n) => `# a${'#'.repeat(n)}b`, (s) => void readmeTitle(s));
  });
});

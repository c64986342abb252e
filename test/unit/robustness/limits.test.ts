/**
 * Bounds per file (issue 8, items 2 and 7): the time budget (with a fake clock: deterministic),
 * the frontmatter limits (checked before any YAML is parsed) and the globs of charters.yaml
 * that would match in super-linear time.
 */
import assert from 'node:assert/strict';
import { Deadline, lintWithinBudget, type FileBudget } from '../../../src/core/budget';
import { MAX_GLOBS, parseConfig, globProblem, defaultConfig } from '../../../src/core/config';
import type { HandbookFs } from '../../../src/core/handbook';
import { lintFiles } from '../../../src/core/pipeline';
import { Linter } from '../../../src/core/lint';
import { MAX_FRONTMATTER_CHARS, MAX_FRONTMATTER_ENTRIES } from '../../../src/core/frontmatter';
import { summaryFromFrontmatter } from '../../../src/core/frontmatter-only';

const TODAY = '2026-01-01';
const CHARTER = '---\ntier: supervisors\nowner: A\n---\n# Peruskirja\n\n## Visio\n\nTeksti.\n\n- Mittarit: kasvu 10 %\n';

/** A clock that moves `step` ms at every reading. */
function steppingClock(step: number): FileBudget['now'] {
  let t = 0;
  return () => (t += step);
}

describe('robustness: bounds per file', function () {
  this.timeout(30_000);
  describe('the time budget (fake clock)', () => {
    const linter = new Linter(defaultConfig(), 'en');

    it('within the budget: exactly what lintText gives', () => {
      const deadline = new Deadline({ ms: 1_000_000, now: steppingClock(1) });
      assert.deepEqual(lintWithinBudget(linter, 'c.md', CHARTER, { today: TODAY }, deadline), linter.lintText('c.md', CHARTER, { today: TODAY }));
    });

    it('over the budget: skipped with the reason, in Finnish and in English; no findings, no summary', () => {
      for (const [lang, words] of [
        ['en', /took longer than the limit of 5 ms/],
        ['fi', /kesti yhden tiedoston 5 ms:n rajaa kauemmin/],
      ] as const) {
        const l = new Linter(defaultConfig(), lang);
        const r = lintWithinBudget(l, 'c.md', CHARTER, { today: TODAY }, new Deadline({ ms: 5, now: steppingClock(1) }));
        assert.match(r.unlintable ?? '', words);
        assert.deepEqual(r.findings, []);
        assert.equal(r.summary, undefined);
      }
    });

    it('the parser checks its loops: a long charter runs out of budget inside the parse, not only between rules', () => {
      // A clock that moves 1 ms per reading: the short charter's readings are the stages and rules.
      let readings = 0;
      lintWithinBudget(linter, 'c.md', CHARTER, { today: TODAY }, new Deadline({ ms: 1e9, now: () => ++readings }));
      const budget = (): FileBudget => ({ ms: readings + 10, now: steppingClock(1) });
      assert.equal(lintWithinBudget(linter, 'c.md', CHARTER, { today: TODAY }, new Deadline(budget())).unlintable, undefined);
      // 5,000 goal lines: the loops read the clock every 64th line, and run out of budget.
      const long = CHARTER + '- Mittarit: x\n'.repeat(5000);
      assert.ok(lintWithinBudget(linter, 'c.md', long, { today: TODAY }, new Deadline(budget())).unlintable);
    });

    it('lintFiles: the file over its budget is skipped by name, the others are linted; --fix writes nothing to it', async () => {
      const files: Record<string, string> = { '/h/a.md': CHARTER, '/h/slow.md': CHARTER.replace('owner: A\n', ''), '/h/z.md': CHARTER };
      let slow = false;
      let t = 0;
      const fs: HandbookFs = {
        readFile(path) {
          slow = path.endsWith('slow.md');
          return Promise.resolve(new TextEncoder().encode(files[path]));
        },
        readDirectory() {
          return Promise.resolve([]);
        },
        stat(path) {
          return Promise.resolve({ type: 'file' as const, size: files[path]!.length });
        },
      };
      const written: string[] = [];
      const run = await lintFiles({
        fs,
        root: '/h',
        base: '/h',
        linter,
        files: Object.keys(files),
        handbook: undefined,
        today: TODAY,
        budget: { ms: 1000, now: () => (t += slow ? 400 : 0) },
        writeFixed: (path) => {
          written.push(path);
          return Promise.resolve();
        },
      });
      assert.deepEqual(run.charters, ['a.md', 'z.md']);
      assert.deepEqual(
        run.skipped.map((s) => s.file),
        ['slow.md'],
      );
      assert.match(run.skipped[0]!.reason, /1000 ms/);
      assert.ok(!written.includes('/h/slow.md'), 'the slow file misses `owner` (a fix), but nothing is written to it');
    });
  });

  describe('frontmatter limits, before any YAML is parsed', () => {
    const linter = new Linter(defaultConfig(), 'en');
    const fi = new Linter(defaultConfig(), 'fi');

    function frontmatterFinding(l: Linter, text: string) {
      const r = l.lintText('c.md', text, { today: TODAY });
      return r.findings.find((f) => f.ruleId === 'frontmatter-invalid');
    }

    it('150,000 keys in 1.5 MB: a finding that names the size', function () {
      this.timeout(120_000); // the Markdown parse of 150,000 lines: about 2 s of CPU
      const keys = Array.from({ length: 150_000 }, (_, i) => `k${i}: v`).join('\n');
      const f = frontmatterFinding(linter, `---\ntier: supervisors\n${keys}\n---\n# T\n`);
      assert.ok(f, 'frontmatter-invalid');
      assert.match(f.reason, new RegExp(`over the limit of ${MAX_FRONTMATTER_CHARS}`));
      assert.equal(f.place.start.line, 2);
      assert.match(frontmatterFinding(fi, `---\ntier: supervisors\n${keys}\n---\n# T\n`)!.reason, /yli 65536 merkin rajan/);
    });

    it('more keys than the limit in a small block: the line past the limit; YAML after it is never parsed', () => {
      const keys = Array.from({ length: MAX_FRONTMATTER_ENTRIES + 5 }, (_, i) => `k${i}: v`).join('\n');
      // A YAML error after the limit: had the block been parsed, the finding would name it.
      const text = `---\ntier: supervisors\n${keys}\nbroken: [\n---\n# T\n`;
      const f = frontmatterFinding(linter, text);
      assert.ok(f);
      assert.match(f.reason, /more than 1000 keys and list items \(line 1002 is past the limit\)/);
      assert.equal(f.place.start.line, 1002);
      // Still a charter (it names a tier), with the frontmatter unread: no summary tiers.
      assert.equal(linter.lintText('c.md', text, { today: TODAY }).charter.isCharter, true);
    });

    it('list items count too; aliases in an over-size block are not expanded', () => {
      const items = `tiers:\n${'  - supervisors\n'.repeat(MAX_FRONTMATTER_ENTRIES + 1)}`;
      assert.match(frontmatterFinding(linter, `---\n${items}---\n# T\n`)!.reason, /more than 1000 keys/);
      const bomb = `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n`;
      const r = linter.lintText('c.md', `---\ntier: supervisors\n${bomb}${'#'.repeat(MAX_FRONTMATTER_CHARS)}\n---\n# T\n`, { today: TODAY });
      assert.equal(r.unlintable, undefined, 'not refused as an alias bomb: the block is not parsed at all');
      assert.ok(r.findings.some((f) => f.ruleId === 'frontmatter-invalid' && /over the limit/.test(f.reason)));
    });

    it('the frontmatter-only summary (sharded runs) agrees with the full lint', () => {
      const keys = Array.from({ length: MAX_FRONTMATTER_ENTRIES + 5 }, (_, i) => `k${i}: v`).join('\n');
      const text = `---\ntier: supervisors\n${keys}\n---\n# T\n`;
      assert.deepEqual(summaryFromFrontmatter('c.md', text, linter), linter.lintText('c.md', text, { today: TODAY }).summary);
    });

    it('a real frontmatter is far from the limits', () => {
      assert.equal(frontmatterFinding(linter, CHARTER), undefined);
    });
  });

  describe('globs that would match in super-linear time are refused', () => {
    it('the reproduction: `*a*a*a*a*a*a*a*a*b` (58 s against 60 `a`s), at its line, in Finnish and English', () => {
      const text = 'language: en\nexclude:\n  - drafts/**\n  - "*a*a*a*a*a*a*a*a*b"\n';
      const r = parseConfig(text, '/h/charters.yaml');
      assert.equal(r.ok, false);
      if (r.ok) return;
      assert.equal(r.errors.length, 1);
      assert.equal(r.errors[0]!.file, '/h/charters.yaml');
      assert.equal(r.errors[0]!.line, 4);
      assert.match(r.errors[0]!.message, /glob `\*a\*a\*a\*a\*a\*a\*a\*a\*b` is too complex .*9 wildcards/);
      const f = parseConfig(text, '/h/charters.yaml');
      assert.match(f.ok ? '' : (f.errors[0]!.text?.fi ?? ''), /hakulauseke .* on liian monimutkainen/);
    });

    it('each limit, with its reason', () => {
      assert.match(globProblem('*a*a*b') ?? '', /3 `\*` in one path segment/);
      assert.match(globProblem('**/a/**/b/**') ?? '', /3 `\*\*`/);
      assert.match(globProblem('*(a|aa)b') ?? '', /extglob/);
      assert.match(globProblem('@(a|b)') ?? '', /extglob/);
      assert.match(globProblem('!(x)/*.md') ?? '', /extglob/);
      assert.match(globProblem(`${'{a,b}'.repeat(9)}`) ?? '', /brace groups/);
      assert.match(globProblem('a'.repeat(300)) ?? '', /300 characters long/);
      const many = parseConfig(`include:\n${'  - a/**\n'.repeat(MAX_GLOBS + 1)}`);
      assert.match(many.ok ? '' : many.errors[0]!.message, /`include` lists 101 globs; the limit is 100/);
    });

    it('ordinary globs, escaped stars and the defaults pass', () => {
      for (const g of ['**/*.md', '**/node_modules/**', '**/.git/**', '**/.*/**', 'drafts/**', '{charters,units}/**/*.md', 'archive/*-old.md', '**/a*b/**', 'x\\*\\*\\*\\*\\*y', '**/*.draft.md', 'a?c']) {
        assert.equal(globProblem(g), undefined, g);
      }
      assert.ok(parseConfig('exclude: ["**/drafts/**", "archive/**"]\ninclude: ["charters/**/*.md"]\n').ok);
    });
  });
});

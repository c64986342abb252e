/**
 * Fixes as a user meets them: where a missing element is inserted, what the fixed file looks
 * like (snapshots in test/fixtures/fixes/*.expected.md; UPDATE_SNAPSHOTS=1 rewrites them), and
 * the promises of fix.ts: only insertions, the file's own line endings, stable after one run.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig } from '../../../src/core/config';
import { applyFixes, blockInsertion, insertElementFix } from '../../../src/core/fix';
import { Linter } from '../../../src/core/lint';
import { parseCharter } from '../../../src/core/parse';
import type { Finding, Fix } from '../../../src/core/types';
import { TODAY, repoRoot } from '../../helpers/paths';

const FIXES = join(repoRoot(), 'test/fixtures/fixes');
const linter = new Linter(defaultConfig(), 'fi');

function lint(text: string): Finding[] {
  return linter.lintText('c.md', text, { today: TODAY }).findings;
}

function fixesOf(findings: Finding[]): Fix[] {
  return findings.flatMap((f) => (f.fix ? [f.fix] : []));
}

/** What `charters lint --fix` does: apply every fix, re-lint, until nothing is left (5 passes at most). */
function fixAll(text: string): { text: string; passes: number; applied: number } {
  let current = text;
  let applied = 0;
  let passes = 0;
  for (; passes < 5; passes++) {
    const fixes = fixesOf(lint(current));
    if (fixes.length === 0) break;
    const r = applyFixes(current, fixes);
    applied += r.applied;
    if (r.text === current) break;
    current = r.text;
  }
  return { text: current, passes, applied };
}

/** Whether every character of `original` appears in `fixed`, in order. */
function isSubsequence(original: string, fixed: string): boolean {
  let j = 0;
  for (let i = 0; i < fixed.length && j < original.length; i++) if (fixed[i] === original[j]) j++;
  return j === original.length;
}

const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');

/** Element ids in document order, per tier. */
function order(text: string): string[] {
  return parseCharter('c.md', text, linter.lookup, { defaultLang: 'fi' }).occurrences.map((o) => `${o.tier}/${o.elementId}`);
}

const SUPERVISORS = ['team-learning-plans', 'individual-development', 'agile-learning', 'psychological-safety'].map((id) => `supervisors/${id}`);

/** A supervisors' charter with the given elements (by id), each with real content and a goal. */
function charter(ids: string[], eol = '\n'): string {
  const body = ids.flatMap((id) => {
    const el = linter.lookup.element(id)!;
    return [`## ${el.name.fi}`, '', `Oikeaa sisältöä osa-alueesta ${el.id}.`, '', '- Tavoite: mitattava asia.', ''];
  });
  return ['---', 'tier: supervisors', 'owner: Maija', 'next-review: 2027-03-01', '---', '', '# Esihenkilöt', '', ...body].join(eol);
}

describe('fixes', () => {
  describe('element-missing inserts in framework order', () => {
    it('after the nearest preceding element that is present', () => {
      const text = charter(['team-learning-plans', 'psychological-safety']);
      const fixed = fixAll(text).text;
      assert.deepEqual(order(fixed), SUPERVISORS);
      // both land right after team-learning-plans' section, before psychological-safety
      const f = lint(text).filter((x) => x.ruleId === 'element-missing');
      const psych = text.indexOf('## Psykologinen turvallisuus');
      assert.deepEqual(f.map((x) => x.fix!.edits[0]!.start), [psych, psych]);
    });

    it('after the section of the preceding element even when the document has another order', () => {
      // the user wrote psychological-safety first; individual-development belongs after team-learning-plans
      const text = charter(['psychological-safety', 'team-learning-plans', 'agile-learning']);
      const f = lint(text).find((x) => x.elementId === 'individual-development')!;
      assert.equal(f.fix!.edits[0]!.start, text.indexOf('## Ketterän oppimisen fasilitointi'));
    });

    it('before the first element when none precedes it', () => {
      const text = charter(['agile-learning', 'psychological-safety']);
      const missing = lint(text).filter((x) => x.ruleId === 'element-missing');
      assert.deepEqual(missing.map((x) => x.elementId), ['team-learning-plans', 'individual-development']);
      const first = text.indexOf('## Ketterän oppimisen fasilitointi');
      for (const m of missing) assert.equal(m.fix!.edits[0]!.start, first);
      assert.deepEqual(order(fixAll(text).text), SUPERVISORS);
    });

    it('at the end of the document when the charter has no element yet', () => {
      const text = charter([]);
      const missing = lint(text).filter((x) => x.ruleId === 'element-missing');
      assert.equal(missing.length, 4);
      for (const m of missing) assert.equal(m.fix!.edits[0]!.start, text.length);
      const fixed = fixAll(text).text;
      assert.deepEqual(order(fixed), SUPERVISORS);
      assert.ok(fixed.startsWith(text), 'appended after the existing text');
    });

    it('at the end of its tier section in a multi-tier charter, one level below the tier heading', () => {
      const text = readFileSync(join(FIXES, 'multi-tier.md'), 'utf8');
      const missing = lint(text).filter((x) => x.ruleId === 'element-missing' && x.tier === 'middle-management');
      assert.equal(missing.length, 5);
      const appendix = text.indexOf('## Appendix');
      for (const m of missing) {
        assert.equal(m.fix!.edits[0]!.start, appendix, `${m.elementId} goes before the next section`);
        assert.match(m.fix!.edits[0]!.text, /^### /m);
      }
      // top management's missing ones go between its present elements, in order
      const top = lint(text).filter((x) => x.ruleId === 'element-missing' && x.tier === 'top-management');
      assert.deepEqual(top.map((x) => x.elementId), ['structures-and-resources', 'leading-by-example']);
      for (const m of top) assert.equal(m.fix!.edits[0]!.start, text.indexOf('### Ecosystem thinking'));
    });

    it('in the inline style of the article when the neighbours are 🔹 items', () => {
      const text = readFileSync(join(FIXES, 'article-inline.md'), 'utf8');
      const f = lint(text).find((x) => x.elementId === 'structures-and-resources')!;
      const edit = f.fix!.edits[0]!;
      assert.equal(edit.start, text.indexOf('🔹 Ekosysteemiajattelu'));
      assert.match(edit.text, /^\n?\n?🔹 Rakenteet ja resurssit: /);
    });
  });

  describe('snapshots of fixed files', () => {
    const inputs = readdirSync(FIXES).filter((f) => f.endsWith('.md') && !f.endsWith('.expected.md')).sort();

    it('there are inputs to snapshot', () => {
      assert.ok(inputs.length >= 3, inputs.join(', '));
    });

    for (const name of inputs) {
      it(`${name} → ${name.replace(/\.md$/, '.expected.md')}`, () => {
        const input = readFileSync(join(FIXES, name), 'utf8');
        const expectedPath = join(FIXES, name.replace(/\.md$/, '.expected.md'));
        const { text } = fixAll(input);
        if (process.env['UPDATE_SNAPSHOTS']) writeFileSync(expectedPath, text);
        assert.ok(existsSync(expectedPath), `${expectedPath} is missing; run with UPDATE_SNAPSHOTS=1`);
        assert.equal(text, readFileSync(expectedPath, 'utf8'), `${name} fixed differently; if intended, rerun with UPDATE_SNAPSHOTS=1 and review the diff`);
      });

      it(`${name}: the same fixes in a CRLF file, with CRLF insertions only`, () => {
        const input = readFileSync(join(FIXES, name), 'utf8');
        const { text } = fixAll(crlf(input));
        assert.equal(text, crlf(fixAll(input).text));
        assert.doesNotMatch(text, /[^\r]\n/, 'no bare LF');
        assert.doesNotMatch(text, /\r(?!\n)/, 'no bare CR');
      });

      it(`${name}: fixing is idempotent`, () => {
        const input = readFileSync(join(FIXES, name), 'utf8');
        const once = fixAll(input);
        assert.ok(once.applied > 0, 'the input needed fixes');
        assert.deepEqual(fixesOf(lint(once.text)), [], 'no fix left after one run');
        assert.equal(fixAll(once.text).text, once.text, 'a second run changes nothing');
      });

      it(`${name}: fixes add no run of blank lines the original did not have`, () => {
        const input = readFileSync(join(FIXES, name), 'utf8');
        const { text } = fixAll(input);
        const runs = (s: string) => s.match(/\n(?:[ \t]*\n){2,}/g)?.length ?? 0;
        assert.equal(runs(text), runs(input), 'two or more blank lines in a row');
        // and list items the user wrote keep their bullets
        const bullets = (s: string) => s.split('\n').filter((l) => /^- 🔹/.test(l)).length;
        assert.equal(bullets(text), bullets(input));
        assert.doesNotMatch(text, /^- *$/m, 'no empty list item');
      });

      it(`${name}: no character of the original is lost or reordered`, () => {
        const input = readFileSync(join(FIXES, name), 'utf8');
        const { text } = fixAll(input);
        assert.ok(text.length > input.length);
        assert.ok(isSubsequence(input, text));
        assert.ok(isSubsequence(crlf(input), fixAll(crlf(input)).text));
      });

      it(`${name}: the fixed file reports element-placeholder where element-missing was`, () => {
        const input = readFileSync(join(FIXES, name), 'utf8');
        const before = lint(input);
        const missing = before.filter((f) => f.ruleId === 'element-missing').map((f) => `${f.tier}/${f.elementId}`);
        assert.ok(missing.length > 0);
        const after = lint(fixAll(input).text);
        assert.deepEqual(after.filter((f) => f.ruleId === 'element-missing' || f.ruleId === 'tier-missing'), []);
        const placeholders = after.filter((f) => f.ruleId === 'element-placeholder').map((f) => `${f.tier}/${f.elementId}`);
        assert.deepEqual(placeholders.sort(), missing.sort());
        // nothing the user wrote became a finding it was not before
        const was = new Set(before.map((f) => `${f.ruleId} ${f.elementId}`));
        for (const f of after) if (f.ruleId !== 'element-placeholder') assert.ok(was.has(`${f.ruleId} ${f.elementId}`), `new finding ${f.ruleId} ${f.elementId}`);
      });
    }
  });

  describe('owner and next-review stubs', () => {
    const text = readFileSync(join(FIXES, 'single-tier.md'), 'utf8');

    it('are added as the last lines of the frontmatter, and the YAML stays valid', () => {
      const fixed = fixAll(text).text;
      const fm = fixed.slice(0, fixed.indexOf('\n---\n', 4) + 5);
      assert.equal(fm, '---\ntier: supervisors\nunit: Tampereen varasto\nowner: "[omistajan nimi]"\nnext-review: "" # VVVV-KK-PP\n---\n');
      const c = parseCharter('c.md', fixed, linter.lookup);
      assert.equal(c.frontmatter.error, undefined);
      assert.deepEqual(c.frontmatter.data, { tier: 'supervisors', unit: 'Tampereen varasto', owner: '[omistajan nimi]', 'next-review': '' });
    });

    it('leave owner-missing and review-missing to be filled in, with no further fix', () => {
      const after = lint(fixAll(text).text);
      const owner = after.find((f) => f.ruleId === 'owner-missing');
      const review = after.find((f) => f.ruleId === 'review-missing');
      assert.ok(owner && review);
      assert.equal(owner.fix, undefined);
      assert.equal(review.fix, undefined);
      assert.equal(owner.place.start.line, 4, 'points at the stub line');
      assert.equal(review.place.start.line, 5);
    });

    it('are in the language of the charter, in CRLF files with CRLF', () => {
      const en = text.replace('unit: Tampereen varasto\n', 'unit: Tampere depot\nlang: en\n');
      const fixed = fixAll(crlf(en)).text;
      assert.ok(fixed.includes('lang: en\r\nowner: "[name of the owner]"\r\nnext-review: "" # YYYY-MM-DD\r\n---\r\n'), fixed.slice(0, 200));
    });

    it('are not offered when the charter has no frontmatter to add them to', () => {
      const forced = linter.lintText('c.md', '# Esihenkilöt\n\n## Psykologinen turvallisuus\n\nTurvallista.\n', { today: TODAY, forceCharter: true });
      const owner = forced.findings.find((f) => f.ruleId === 'owner-missing');
      assert.ok(owner);
      assert.equal(owner.fix, undefined);
    });
  });

  describe('tier-missing', () => {
    it('appends the missing tier section with all its elements as stubs', () => {
      const text = readFileSync(join(repoRoot(), 'test/fixtures/rules/tier-missing/not-ok.md'), 'utf8');
      const f = lint(text).find((x) => x.ruleId === 'tier-missing')!;
      assert.equal(f.fix!.edits[0]!.start, text.length);
      const fixed = fixAll(text).text;
      assert.ok(fixed.startsWith(text));
      const after = linter.lintText('c.md', fixed, { today: TODAY });
      assert.deepEqual(after.charter.tierSections.map((s) => s.tier), ['supervisors', 'middle-management']);
      assert.deepEqual(
        after.findings.filter((x) => x.tier === 'middle-management').map((x) => x.ruleId),
        Array(5).fill('element-placeholder'),
      );
    });
  });

  describe('applyFixes', () => {
    it('applies insertions at one point in the order the fixes came', () => {
      const r = applyFixes('ab', [
        { description: '1', edits: [{ start: 1, end: 1, text: 'X' }] },
        { description: '2', edits: [{ start: 1, end: 1, text: 'Y' }] },
        { description: '3', edits: [{ start: 0, end: 0, text: '<' }, { start: 2, end: 2, text: '>' }] },
      ]);
      assert.deepEqual(r, { text: '<aXYb>', applied: 3, skipped: 0 });
    });

    it('stacks block insertions at one point with one blank line between them', () => {
      const text = 'a\nb\n';
      const fixes = ['X', 'Y', 'Z'].map((t) => ({ description: t, edits: [blockInsertion(text, 2, t, '\n')] }));
      assert.equal(applyFixes(text, fixes).text, 'a\n\nX\n\nY\n\nZ\n\nb\n');
      const one = applyFixes(text, fixes.slice(0, 1)).text;
      assert.equal(one, 'a\n\nX\n\nb\n');
    });

    it('skips a fix that overlaps an applied one, and edits outside the text', () => {
      const r = applyFixes('abcdef', [
        { description: '1', edits: [{ start: 1, end: 3, text: 'BC' }] },
        { description: '2', edits: [{ start: 2, end: 4, text: 'xx' }] },
        { description: '3', edits: [{ start: 5, end: 9, text: 'yy' }] },
      ]);
      assert.deepEqual(r, { text: 'aBCdef', applied: 1, skipped: 2 });
    });

    it('blockInsertion surrounds a block with blank lines in the file\'s line ending', () => {
      assert.equal(blockInsertion('a\n', 2, 'B', '\n').text, '\nB\n');
      assert.equal(blockInsertion('a\n\n', 3, 'B', '\n').text, 'B\n');
      assert.equal(blockInsertion('a', 1, 'B', '\r\n').text, '\r\n\r\nB\r\n');
      assert.equal(blockInsertion('a\r\n\r\nc', 5, 'B', '\r\n').text, 'B\r\n\r\n');
    });

    it('insertElementFix refuses unknown tiers and elements', () => {
      const c = parseCharter('c.md', charter([]), linter.lookup);
      assert.equal(insertElementFix(c, linter.lookup, 'no-tier', 'agile-learning'), undefined);
      assert.equal(insertElementFix(c, linter.lookup, 'supervisors', 'no-element'), undefined);
    });
  });
});

/**
 * docs/charter-format.md is the contract: every fenced example in it is linted here. Each fence
 * is preceded by a marker comment that says how to read it and what the linter must say:
 *
 *   <!-- example: charter -->              the block is a whole file
 *   <!-- example: elements <tier> -->      the block is the body of a charter of <tier>: the test
 *   <!-- example: items <tier> -->         adds frontmatter and title before it, and after it
 *                                          every element of the tier the block does not write
 *   <!-- example: goals <n> -->            the block is an element's text: it holds <n> goal lines
 *
 * followed, in the same comment, by `expect: <rule> <element|-> <tier|-> line <n>` lines (the
 * grammar of test/fixtures/rules; lines counted inside the block). The findings must be exactly
 * those. A fence without a marker fails the test: an example nobody checks is a promise nobody
 * keeps.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig } from '../../../src/core/config';
import { Linter } from '../../../src/core/lint';
import { TODAY, repoRoot } from '../../helpers/paths';

const DOC = join(repoRoot(), 'docs/charter-format.md');
const linter = new Linter(defaultConfig(), 'en');

interface Example {
  /** 1-based line of the opening fence in the doc. */
  line: number;
  mode: string;
  args: string[];
  expect: string[];
  body: string;
}

/** Every fenced block of the doc with its marker (throws on a fence without one). */
function examples(doc: string): Example[] {
  const lines = doc.split('\n');
  const out: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,})(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, ticks] = open;
    let j = i + 1;
    while (j < lines.length && !(lines[j]!.trim() === ticks && lines[j]!.startsWith(indent!))) j++;
    const body = lines
      .slice(i + 1, j)
      .map((l) => (l.startsWith(indent!) ? l.slice(indent!.length) : l))
      .join('\n');
    // the marker: the comment that ends on the last non-blank line before the fence
    let k = i - 1;
    while (k >= 0 && lines[k]!.trim() === '') k--;
    if (k < 0 || !lines[k]!.trim().endsWith('-->')) throw new Error(`docs/charter-format.md:${i + 1}: an example without a \`<!-- example: … -->\` marker`);
    let s = k;
    while (s >= 0 && !lines[s]!.includes('<!--')) s--;
    const comment = lines.slice(s, k + 1).map((l) => l.trim());
    const head = /^<!--\s*example:\s*([a-z]+)((?:\s+[\w-]+)*)\s*(?:-->)?$/.exec(comment[0]!);
    if (!head) throw new Error(`docs/charter-format.md:${s + 1}: malformed marker "${comment[0]}"`);
    const expect = comment.slice(1).filter((l) => l.startsWith('expect:')).map((l) => l.replace(/^expect:\s*/, '').replace(/\s*-->$/, ''));
    out.push({ line: i + 1, mode: head[1]!, args: head[2]!.trim().split(/\s+/).filter(Boolean), expect, body });
    i = j;
  }
  return out;
}

function found(text: string, offset: number): string[] {
  return linter
    .lintText('example.md', text, { today: TODAY })
    .findings.map((f) => `${f.ruleId} ${f.elementId ?? '-'} ${f.tier ?? '-'} line ${f.place.start.line - offset}`)
    .sort();
}

/** A charter of `tier` around `body`, with every element the body does not write appended complete. */
function around(tier: string, body: string): { text: string; offset: number } {
  const head = `---\ntier: ${tier}\nowner: Aino Laine\nnext-review: 2027-06-01\n---\n\n# Example\n\n`;
  const offset = head.split('\n').length - 1;
  const present = linter.lintText('example.md', head + body, { today: TODAY }).charter;
  const written = new Set([...present.occurrences, ...present.nearMisses].map((o) => o.elementId));
  const rest = linter.lookup
    .tier(tier)!
    .elements.filter((e) => !written.has(e.id))
    .map((e) => `## ${e.name.en}\n\nWe say how this shows in everyday work.\n\n- Goal: one thing a year.\n`);
  return { text: `${head}${body}\n\n${rest.join('\n')}`, offset };
}

describe('docs/charter-format.md: every example is a test', () => {
  const all = examples(readFileSync(DOC, 'utf8'));

  it('has examples, each with a known marker', () => {
    assert.ok(all.length >= 10, `${all.length} examples`);
    for (const e of all) assert.ok(['charter', 'elements', 'items', 'goals'].includes(e.mode), `line ${e.line}: mode ${e.mode}`);
  });

  it('rejects a fence without a marker', () => {
    assert.throws(() => examples('Text.\n\n```markdown\n# x\n```\n'), /without a `<!-- example: … -->` marker/);
  });

  for (const e of all) {
    it(`line ${e.line}: ${e.mode} ${e.args.join(' ')}`.trim(), () => {
      if (e.mode === 'charter') {
        assert.deepEqual(found(`${e.body}\n`, 0), [...e.expect].sort());
      } else if (e.mode === 'elements' || e.mode === 'items') {
        const { text, offset } = around(e.args[0]!, e.body);
        assert.deepEqual(found(text, offset), [...e.expect].sort());
      } else {
        const { text, offset } = around('supervisors', `## Psykologinen turvallisuus\n\nVirheistä puhutaan syyllistämättä.\n\n${e.body}\n`);
        const r = linter.lintText('example.md', text, { today: TODAY });
        const occ = r.charter.occurrences.find((o) => o.elementId === 'psychological-safety')!;
        assert.equal(occ.goals.length, Number(e.args[0]), occ.goals.map((g) => g.text).join(' | '));
        assert.deepEqual(found(text, offset), [...e.expect].sort());
      }
    });
  }
});

import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES_END, RULES_START, replaceRulesSection, rulesSection, rulesTable } from '../../src/core/docs';
import { RULES } from '../../src/core/rules/index';
import { DOCS_BASE } from '../../src/core/rules/rule';

// Tests run from the repository root (npm scripts, `npx mocha out/test/...`).
const ROOT = process.cwd();
const RULES_DOC = join(ROOT, 'docs', 'rules.md');
const RULES_DIR = join(ROOT, 'src', 'core', 'rules');
const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

describe('rule documentation', () => {
  describe('rulesTable', () => {
    it('has a header, a separator and one row per rule in registry order', () => {
      const lines = rulesTable(RULES.map((r) => r.meta)).split('\n');
      assert.equal(lines.pop(), '', 'the table ends with a line break');
      assert.equal(lines[0], '| Rule | Default severity | Scope | Fixable | Description | Kuvaus |');
      assert.equal(lines[1], '|---|---|---|---|---|---|');
      assert.equal(lines.length, RULES.length + 2);
      RULES.forEach((r, i) => {
        assert.ok(lines[i + 2]!.startsWith(`| [\`${r.meta.id}\`](../src/core/rules/${r.meta.id}.md) | ${r.meta.defaultSeverity} | ${r.meta.scope} |`), lines[i + 2]);
      });
    });

    it('escapes pipes and line breaks inside cells', () => {
      const table = rulesTable([
        { id: 'x-y', name: 'x-y', defaultSeverity: 'note', scope: 'handbook', fixable: true, title: { en: 'a | b', fi: 'c\nd' }, url: '' },
      ]);
      assert.equal(table.split('\n')[2], '| [`x-y`](../src/core/rules/x-y.md) | note | handbook | yes | a \\| b | c d |');
    });

    it('replaces only the text between the markers', () => {
      const doc = `intro\r\n${RULES_START}\r\nold\r\n${RULES_END}\r\noutro\r\n`;
      assert.equal(rulesSection(doc), 'old\n');
      assert.equal(replaceRulesSection(doc, 'new\n'), `intro\n${RULES_START}\nnew\n${RULES_END}\noutro\n`);
      assert.equal(rulesSection('no markers'), undefined);
      assert.equal(replaceRulesSection('no markers', 'x'), undefined);
    });
  });

  it('docs/rules.md holds the generated rule table (UPDATE_DOCS=1 regenerates it)', () => {
    assert.ok(existsSync(RULES_DOC), `${RULES_DOC} is missing`);
    const doc = readFileSync(RULES_DOC, 'utf8');
    const expected = rulesTable(RULES.map((r) => r.meta));
    const actual = rulesSection(doc);
    assert.notEqual(actual, undefined, `docs/rules.md needs the markers ${RULES_START} and ${RULES_END}, each on its own line`);
    if (process.env['UPDATE_DOCS'] === '1') {
      if (actual !== expected) writeFileSync(RULES_DOC, replaceRulesSection(doc, expected)!);
      return;
    }
    assert.equal(actual, expected, 'docs/rules.md is out of date: run `UPDATE_DOCS=1 npm run test:unit`');
  });

  for (const rule of RULES) {
    const { id } = rule.meta;
    it(`${id} has its documentation beside its source`, () => {
      assert.ok(existsSync(join(RULES_DIR, `${id}.ts`)), `src/core/rules/${id}.ts is missing`);
      const file = join(RULES_DIR, `${id}.md`);
      assert.ok(existsSync(file), `src/core/rules/${id}.md is missing`);
      const firstLine = readFileSync(file, 'utf8').split(/\r?\n/, 1)[0];
      assert.equal(firstLine, `# ${id}`);
      assert.equal(rule.meta.url, `${DOCS_BASE}${id}.md`);
    });
  }

  it('rule ids and names are kebab-case, unique and equal', () => {
    const ids = new Set<string>();
    const names = new Set<string>();
    for (const { meta } of RULES) {
      assert.match(meta.id, KEBAB, `rule id ${meta.id} is not kebab-case`);
      assert.match(meta.name, KEBAB, `rule name ${meta.name} is not kebab-case`);
      assert.equal(meta.name, meta.id);
      assert.ok(!ids.has(meta.id), `rule id ${meta.id} is used twice`);
      assert.ok(!names.has(meta.name), `rule name ${meta.name} is used twice`);
      ids.add(meta.id);
      names.add(meta.name);
    }
  });
});

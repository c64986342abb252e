/**
 * Each rule's documentation in Finnish (`src/core/rules/<id>.fi.md`, beside the English
 * `<id>.md`), what `charters rules --lang fi` links to, and the one-line hints it prints.
 * The Finnish page's header must agree with the rule's metadata, and its examples are tests:
 * the "Väärin" example gets a finding of the rule, the "Oikein" example none.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { Linter } from '../../src/core/lint';
import { FINNISH_DOCS, RULE_HINTS, ruleDocsUrl, ruleHint } from '../../src/core/rules/descriptions';
import { RULES } from '../../src/core/rules/index';
import { repoRoot, TODAY } from '../helpers/paths';

const RULES_DIR = path.join(repoRoot(), 'src/core/rules');
const SEVERITY_FI: Record<string, string> = { error: 'virhe', warning: 'varoitus', note: 'huomautus' };
const SECTIONS = ['Mitä se tarkistaa', 'Miksi', 'Väärin', 'Oikein', 'Korjaus', 'Asetukset', 'In English'];
/**
 * Rules another helper is adding; their Finnish page comes with them. Remove an id once its
 * `<id>.fi.md` exists (the test below says so).
 */
const PENDING_FINNISH_DOCS = new Set<string>([]);

/** The body of the first fenced block after `## <section>`. */
function example(doc: string, section: string): { lang: string; body: string } | undefined {
  const start = doc.indexOf(`\n## ${section}\n`);
  if (start < 0) return undefined;
  const m = /\n```(\w*)\n([\s\S]*?)\n```\n/.exec(doc.slice(start));
  return m ? { lang: m[1]!, body: `${m[2]!}\n` } : undefined;
}

describe('rule documentation in Finnish', () => {
  const linter = new Linter(defaultConfig(), 'fi');

  it('every rule has a Finnish page (or is listed as pending), and FINNISH_DOCS says which', () => {
    for (const { meta } of RULES) {
      const file = path.join(RULES_DIR, `${meta.id}.fi.md`);
      if (PENDING_FINNISH_DOCS.has(meta.id) && !existsSync(file)) continue;
      assert.ok(existsSync(file), `${meta.id}.fi.md exists`);
      assert.ok(FINNISH_DOCS.has(meta.id), `FINNISH_DOCS lists ${meta.id}`);
      assert.ok(!PENDING_FINNISH_DOCS.has(meta.id), `${meta.id}.fi.md exists: remove it from PENDING_FINNISH_DOCS`);
    }
    for (const id of FINNISH_DOCS) assert.ok(existsSync(path.join(RULES_DIR, `${id}.fi.md`)), `FINNISH_DOCS: ${id}.fi.md exists`);
  });

  for (const id of FINNISH_DOCS) {
    describe(`${id}.fi.md`, () => {
      const rule = RULES.find((r) => r.meta.id === id);
      const doc = (): string => readFileSync(path.join(RULES_DIR, `${id}.fi.md`), 'utf8');

      it('agrees with the rule: title, severity, scope, fixable; every section; the English page links back', () => {
        assert.ok(rule, `${id} is a rule`);
        const text = doc();
        const lines = text.split('\n');
        assert.equal(lines[0], `# ${id}`);
        assert.match(lines[2]!, new RegExp(`^Oletusvakavuus: \\*\\*${SEVERITY_FI[rule.meta.defaultSeverity]}\\*\\* · Laajuus: \\*\\*${rule.meta.scope === 'charter' ? 'peruskirja' : 'käsikirja'}\\*\\* .* · Korjattavissa: \\*\\*${rule.meta.fixable ? 'kyllä' : 'ei'}\\*\\*`));
        let fenced = false;
        const headings = lines.filter((l) => (l.startsWith('```') ? ((fenced = !fenced), false) : !fenced && l.startsWith('## '))).map((l) => l.slice(3));
        assert.deepEqual(headings, SECTIONS);
        assert.ok(text.includes(`rules: { ${id}: `), 'the configuration example names the rule');
        assert.ok(text.includes(`(${id}.md)`), 'links to the English page');
        assert.ok(readFileSync(path.join(RULES_DIR, `${id}.md`), 'utf8').includes(`(${id}.fi.md)`), `${id}.md links to the Finnish page`);
      });

      it('the "Väärin" example gets a finding of the rule, the "Oikein" example none', function () {
        if (rule?.meta.scope !== 'charter') this.skip(); // handbook rules: a folder, shown as a tree
        const wrong = example(doc(), 'Väärin');
        const right = example(doc(), 'Oikein');
        assert.equal(wrong?.lang, 'markdown');
        assert.equal(right?.lang, 'markdown');
        const ids = (text: string): string[] => linter.lintText('esimerkki.md', text, { today: TODAY }).findings.map((f) => f.ruleId);
        assert.ok(ids(wrong.body).includes(id), `Väärin: ${id} in ${JSON.stringify(ids(wrong.body))}`);
        assert.deepEqual(ids(right.body), [], 'Oikein: no finding at all');
      });
    });
  }

  it('every rule has a hint in fi and en; the Finnish docs link goes to the Finnish page', () => {
    for (const { meta } of RULES) {
      assert.ok(RULE_HINTS[meta.id]?.fi && RULE_HINTS[meta.id]?.en, `hint for ${meta.id}`);
      assert.equal(ruleHint(meta.id, 'en'), RULE_HINTS[meta.id]!.en);
    }
    assert.match(ruleDocsUrl('owner-missing', 'fi'), /\/owner-missing\.fi\.md$/);
    assert.match(ruleDocsUrl('owner-missing', 'en'), /\/owner-missing\.md$/);
  });
});

/**
 * templates/ and snippets/ are generated from the framework (so they always agree with the rules
 * and the quick fixes). This test fails when they drift; UPDATE_GENERATED=1 rewrites them.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEFAULT_FRAMEWORK } from '../../src/core/framework/default';
import { FrameworkLookup } from '../../src/core/framework/lookup';
import { Linter } from '../../src/core/lint';
import { renderTemplate, snippets } from '../../src/core/template';
import type { Lang } from '../../src/core/types';

const lookup = new FrameworkLookup(DEFAULT_FRAMEWORK);
const expected = new Map<string, string>();
for (const lang of ['fi', 'en'] as Lang[]) {
  for (const tier of DEFAULT_FRAMEWORK.tiers) expected.set(`templates/${lang}/${tier.id}.md`, renderTemplate(tier, lang, lookup));
}
expected.set('snippets/charters.code-snippets', `${JSON.stringify(snippets(lookup), null, 2)}\n`);

describe('generated templates and snippets', () => {
  for (const [path, text] of expected) {
    it(`${path} is up to date`, () => {
      if (process.env['UPDATE_GENERATED']) {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, text);
      }
      assert.ok(existsSync(path), `${path} is missing; run UPDATE_GENERATED=1 npm run test:unit`);
      assert.equal(readFileSync(path, 'utf8'), text, `${path} drifted; run UPDATE_GENERATED=1 npm run test:unit`);
    });
  }

  for (const lang of ['fi', 'en'] as Lang[]) {
    for (const tier of DEFAULT_FRAMEWORK.tiers) {
      it(`a fresh ${lang} ${tier.id} template has no element-missing and one element-placeholder per element`, () => {
        const text = readFileSync(`templates/${lang}/${tier.id}.md`, 'utf8');
        const { findings } = new Linter(undefined, lang).lintText(`${tier.id}.md`, text, { today: '2026-11-27' });
        assert.deepEqual(findings.filter((f) => f.ruleId === 'element-missing'), []);
        // element-placeholder is an error (a template is not yet a charter); nothing else is
        assert.deepEqual(findings.filter((f) => f.severity === 'error' && f.ruleId !== 'element-placeholder'), []);
        const placeholders = findings.filter((f) => f.ruleId === 'element-placeholder').map((f) => f.elementId);
        assert.deepEqual(placeholders, tier.elements.map((e) => e.id));
      });
    }
  }

  it('snippets parse as JSON and cover every element in both languages', () => {
    const s = JSON.parse(readFileSync('snippets/charters.code-snippets', 'utf8')) as Record<string, unknown>;
    for (const tier of DEFAULT_FRAMEWORK.tiers) for (const el of tier.elements) for (const lang of ['fi', 'en']) assert.ok(s[`${el.id}-${lang}`]);
  });
});

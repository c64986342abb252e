/** The injection grammar's patterns match what they claim to (checked with JS regexes, which agree with Oniguruma for these). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

interface Rule {
  match?: string;
  patterns?: Rule[];
}
const grammar = JSON.parse(readFileSync('syntaxes/charters.injection.tmLanguage.json', 'utf8')) as {
  scopeName: string;
  injectionSelector: string;
  repository: Record<string, Rule>;
};

function regex(rule: Rule): RegExp {
  let src = rule.match!;
  let flags = '';
  if (src.startsWith('(?i)')) {
    src = src.slice(4);
    flags = 'i';
  }
  return new RegExp(src, flags);
}

function matches(name: string, text: string): boolean {
  const rule = grammar.repository[name]!;
  const rules = rule.patterns ?? [rule];
  return rules.some((r) => regex(r).test(text));
}

describe('TextMate injection grammar', () => {
  it('is declared for Markdown in package.json', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { grammars: { scopeName: string; injectTo: string[] }[] } };
    const g = pkg.contributes.grammars.find((x) => x.scopeName === grammar.scopeName);
    assert.ok(g);
    assert.deepEqual(g.injectTo, ['text.html.markdown']);
    assert.match(grammar.injectionSelector, /text\.html\.markdown/);
  });
  it('highlights explicit element ids', () => {
    assert.ok(matches('element-id', '## Visio ja kulttuuri {#vision-and-culture}'));
    assert.ok(!matches('element-id', '## Visio ja kulttuuri'));
  });
  it('highlights goal and indicator labels in fi and en', () => {
    for (const line of ['- Tavoite: 80 %', '**Mittari:** kysely', 'Seuranta: kvartaaleittain', '- Goal: x', '1. Indicator: y', 'follow-up: z']) {
      assert.ok(matches('goal-label', line), line);
    }
    assert.ok(!matches('goal-label', 'Tavoitteena on oppia'));
  });
  it('highlights frontmatter keys and tier values', () => {
    assert.ok(matches('frontmatter-key', 'next-review: 2027-01-01'));
    assert.ok(!matches('frontmatter-key', 'title: x'));
    assert.ok(matches('tier-value', 'tier: Esihenkilöt'));
    assert.ok(matches('tier-value', 'tiers: [top-management, supervisors]'));
  });
});

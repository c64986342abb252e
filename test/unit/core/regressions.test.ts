/** Regressions found while writing the example handbook: each failed before its fix. */
import assert from 'node:assert/strict';
import { parseConfig } from '../../../src/core/config';
import { Linter } from '../../../src/core/lint';

const FM = (tier: string, extra = '') => `---\n${tier}\nowner: A\nnext-review: 2027-01-01\nlang: fi\n${extra}---\n\n# Peruskirja\n\n`;
const lint = (text: string, linter = new Linter(undefined, 'fi')) => linter.lintText('a.md', text, { today: '2026-11-27' });
const rules = (text: string) => lint(text).findings.map((f) => `${f.ruleId}:${f.elementId ?? ''}`);

describe('regressions', () => {
  it('a sentence starting with an alias and a colon inside a heading section is text, not an element', () => {
    const text = `${FM('tier: top-management')}## Visio ja kulttuuri\n\nVisio: olla alueen paras oppiva vesilaitos.\n\n- Tavoite: 80 % tuntee vision.\n`;
    const ids = lint(text).charter.occurrences.map((o) => o.elementId);
    assert.deepEqual(ids, ['vision-and-culture']);
    assert.ok(!rules(text).some((r) => r.startsWith('element-duplicate') || r.startsWith('element-empty')));
  });

  it('an undecorated "Title:" list item in a single-tier charter does not steal the section', () => {
    const text = `${FM('tier: middle-management')}## Esteiden poistaminen\n\n- Tiedon jakaminen: viikkopalaveri\n- Tavoite: yksi este kuussa.\n`;
    const occ = lint(text).charter.occurrences;
    assert.deepEqual(occ.map((o) => o.elementId), ['removing-obstacles']);
    assert.equal(occ[0]!.goals.length, 1);
  });

  it('a decorated 🔹 item still counts in a single-tier charter', () => {
    const text = `${FM('tier: supervisors')}🔹 Psykologinen turvallisuus: virheistä puhutaan avoimesti.\nTavoite: kokeilu kuussa.\n`;
    assert.ok(lint(text).charter.occurrences.some((o) => o.elementId === 'psychological-safety'));
  });

  it('`tiers:` with one tier and element headings works like `tier:`', () => {
    const text = `${FM('tiers: [supervisors]')}## Psykologinen turvallisuus\n\nPuhumme virheistä.\n\n- Tavoite: x.\n`;
    const r = rules(text);
    assert.ok(!r.some((x) => x.startsWith('tier-missing')), r.join());
    assert.equal(r.filter((x) => x.startsWith('element-missing')).length, 3);
  });

  it('goal labels inside fenced code do not count', () => {
    const text = `${FM('tier: supervisors')}## Psykologinen turvallisuus\n\nPuhumme virheistä.\n\n\`\`\`\nTavoite: esimerkki\n\`\`\`\n`;
    assert.ok(rules(text).includes('goal-missing:psychological-safety'));
  });

  it('a label on its own line followed by a list is a goal', () => {
    for (const label of ['**Mittarit:**', 'Mittarit:']) {
      const text = `${FM('tier: supervisors')}## Psykologinen turvallisuus\n\nPuhumme virheistä.\n\n${label}\n\n- henkilöstökyselyn tulos 4,0/5\n`;
      assert.ok(!rules(text).includes('goal-missing:psychological-safety'), label);
    }
  });

  it('"Täydennetään." is a placeholder', () => {
    const text = `${FM('tier: supervisors')}## Psykologinen turvallisuus\n\nTäydennetään.\n`;
    assert.ok(rules(text).includes('element-placeholder:psychological-safety'));
  });

  it('an element heading "Name: subtitle" matches the element', () => {
    const text = `${FM('tier: middle-management')}## Tulkki strategian ja arjen välillä: miten se tehdään\n\nTeksti.\n`;
    assert.ok(lint(text).charter.occurrences.some((o) => o.elementId === 'strategy-interpreter'));
  });

  it('renaming a tier in one language keeps the other', () => {
    const r = parseConfig('framework:\n  tiers:\n    - id: supervisors\n      name: { fi: Tiiminvetäjät }\n');
    assert.ok(r.ok);
    const tier = r.config.framework.tiers.find((t) => t.id === 'supervisors')!;
    assert.deepEqual(tier.name, { fi: 'Tiiminvetäjät', en: 'Supervisors' });
  });

  it('duplicate frontmatter keys are reported, not silently overwritten', () => {
    const text = '---\ntier: supervisors\ntier: top-management\n---\n\n# X\n';
    const f = lint(text).findings.find((x) => x.ruleId === 'frontmatter-invalid');
    assert.ok(f);
    assert.equal(f.place.start.line, 3);
  });

  it('unclosed frontmatter does not infer tiers from headings (one clear error)', () => {
    const text = '---\ntier: supervisors\n\n# X\n\n## Esihenkilöt\n';
    const r = rules(text);
    assert.deepEqual(r.filter((x) => x.startsWith('element-missing')), []);
    assert.ok(r.includes('frontmatter-invalid:'));
  });

  it('review-overdue says "1 day ago" in the singular', () => {
    const text = '---\ntier: supervisors\nowner: A\nnext-review: 2026-11-26\nlang: en\n---\n\n# X\n';
    const f = new Linter(undefined, 'en').lintText('a.md', text, { today: '2026-11-27' }).findings.find((x) => x.ruleId === 'review-overdue');
    assert.match(f!.reason, /\(1 day ago\)/);
  });
});

describe('regression: a YAML mapping or list in the frontmatter is quoted as written, never [object Object]', () => {
  it('tier and lang given as mappings', () => {
    const r = new Linter(undefined, 'en').lintText('a.md', '---\ntier: {a: 1}\nlang: {b: 2}\n---\n# X\n', { today: '2026-11-27' });
    const messages = r.findings.map((f) => f.reason).join('\n');
    assert.doesNotMatch(messages, /\[object Object\]/);
    assert.match(messages, /Unknown tier `\{"a":1\}`/);
    assert.match(messages, /`lang` must be `fi` or `en`, not `\{"b":2\}`/);
  });
});

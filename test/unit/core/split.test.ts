/**
 * A charter split over two files (issue 10): `element-missing` in each names the file that holds
 * the element, points at it, and drops the fix that would insert a second copy; nothing else changes.
 */
import assert from 'node:assert/strict';
import { defaultConfig } from '../../../src/core/config';
import { Linter } from '../../../src/core/lint';
import { explainSplitCharters } from '../../../src/core/split';
import type { CharterSummary, Finding, Lang } from '../../../src/core/types';
import { TODAY } from '../../helpers/paths';

const head = (unit?: string) => ['---', 'tier: esihenkilöt', ...(unit ? [`unit: ${unit}`] : []), 'owner: Anna Laine', 'next-review: 2027-06-01', '---', '# Esihenkilöiden peruskirja', ''];
const section = (title: string) => [`## ${title}`, '', 'Sovimme yhdessä, miten tiimi oppii ja kehittyy arjessa.', '', '- Tavoite: jokaisella on suunnitelma.', ''];
const PART1 = [...head(), ...section('Liiketoiminnallisista tavoitteista tiimien oppimis- ja kehittämissuunnitelmiksi'), ...section('Psykologinen turvallisuus')].join('\n');
const PART2 = [...head(), ...section('Yksilöiden vahvuuksien, kehitystarpeiden ja oppimissuunnitelmien fasilitointi'), ...section('Ketterän oppimisen fasilitointi')].join('\n');

function lint(lang: Lang, files: Record<string, string>): { findings: Finding[]; summaries: CharterSummary[] } {
  const linter = new Linter(defaultConfig(), lang);
  const findings: Finding[] = [];
  const summaries: CharterSummary[] = [];
  for (const [file, text] of Object.entries(files)) {
    const r = linter.lintText(file, text, { today: TODAY });
    findings.push(...r.findings);
    if (r.summary) summaries.push(r.summary);
  }
  return { findings, summaries };
}

describe('a charter split over several files', () => {
  it('each missing element names the file that holds it, points there, and has no stub fix', () => {
    const { findings, summaries } = lint('en', { 'osa1.md': PART1, 'osa2.md': PART2 });
    const before = findings.filter((f) => f.ruleId === 'element-missing');
    assert.equal(before.length, 4);
    assert.ok(before.every((f) => f.fix), 'alone, each file would get stubs');
    const after = explainSplitCharters(findings, summaries, 'en');
    assert.equal(after.length, findings.length, 'no finding added or removed');
    const missing = after.filter((f) => f.ruleId === 'element-missing');
    assert.deepEqual(missing.map((f) => `${f.file} ${f.elementId} → ${f.related?.[0]?.file}:${f.related?.[0]?.place.start.line}`).sort(), [
      'osa1.md agile-learning → osa2.md:14',
      'osa1.md individual-development → osa2.md:8',
      'osa2.md psychological-safety → osa1.md:14',
      'osa2.md team-learning-plans → osa1.md:8',
    ]);
    assert.ok(missing.every((f) => f.fix === undefined), 'never a second copy of a section the user wrote');
    const one = missing.find((f) => f.file === 'osa1.md' && f.elementId === 'agile-learning')!;
    assert.equal(one.reason, "Element `Facilitating agile learning` is not in this file but in `osa2.md`, another charter of the same tier: a tier has one charter per unit. Move that section here (or this file's sections there), or give each file its own `unit:`");
    assert.deepEqual(one.place, before.find((f) => f.file === 'osa1.md' && f.elementId === 'agile-learning')!.place, 'still reported where it was');
    const fi = explainSplitCharters(lint('fi', { 'osa1.md': PART1, 'osa2.md': PART2 }).findings, summaries, 'fi').find((f) => f.file === 'osa1.md' && f.elementId === 'agile-learning')!;
    assert.match(fi.reason, /^Osa-alue `Ketterän oppimisen fasilitointi` ei ole tässä tiedostossa vaan tiedostossa `osa2\.md`/);
    assert.doesNotMatch(fi.reason, /agile-learning|supervisors/);
  });

  it('charters of different units are not a split, the same unit in other spelling is', () => {
    const { findings, summaries } = lint('en', { 'a.md': PART1.replace('tier: esihenkilöt', 'tier: esihenkilöt\nunit: Myynti'), 'b.md': PART2.replace('tier: esihenkilöt', 'tier: esihenkilöt\nunit: Tuotanto') });
    assert.deepEqual(explainSplitCharters(findings, summaries, 'en'), findings);
    const same = lint('en', { 'a.md': PART1.replace('tier: esihenkilöt', 'tier: esihenkilöt\nunit: Myynti'), 'b.md': PART2.replace('tier: esihenkilöt', 'tier: esihenkilöt\nunit: "  myynti "') });
    const out = explainSplitCharters(same.findings, same.summaries, 'en').filter((f) => f.ruleId === 'element-missing');
    assert.ok(out.every((f) => f.related && /unit `[Mm]yynti`/.test(f.reason)), out.map((f) => f.reason).join('\n'));
  });

  it('an element absent from both files stays an ordinary missing element with its fix', () => {
    const part2 = PART2.split('\n## Ketterän')[0]!;
    const { findings, summaries } = lint('en', { 'osa1.md': PART1, 'osa2.md': part2 });
    const agile = explainSplitCharters(findings, summaries, 'en').filter((f) => f.elementId === 'agile-learning');
    assert.equal(agile.length, 2);
    assert.ok(agile.every((f) => f.fix && !f.related && /^Missing element/.test(f.reason)));
  });

  it('a single charter, or findings of other rules, pass through unchanged', () => {
    const { findings, summaries } = lint('en', { 'osa1.md': PART1 });
    assert.deepEqual(explainSplitCharters(findings, summaries, 'en'), findings);
  });
});

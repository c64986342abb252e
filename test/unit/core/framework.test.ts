/**
 * The built-in framework against the model of /work/shared/framework.md (the article's tiers and
 * elements with their stable ids), and the forgiving look-ups that charters rely on.
 */
import assert from 'node:assert/strict';
import { DEFAULT_FRAMEWORK } from '../../../src/core/framework/default';
import { FrameworkLookup } from '../../../src/core/framework/lookup';
import { matchKey } from '../../../src/core/text';

const lookup = new FrameworkLookup(DEFAULT_FRAMEWORK);

/** framework.md, "Tiers and their elements": tier id, fi, en, role fi, role en. */
const TIERS = [
  ['top-management', 'Ylin johto', 'Top management', 'Suunnan näyttäjä ja rakenteiden mahdollistaja', 'Direction-setter and enabler of structures'],
  ['middle-management', 'Keskijohto', 'Middle management', 'Oppimisen johtaja ja strategian toteuttaja', 'Leader of learning and implementer of strategy'],
  ['supervisors', 'Esihenkilöt', 'Supervisors (team leads)', 'Valmentavat oppimisen mahdollistajat', 'Coaching enablers of learning'],
] as const;

/** framework.md: tier, element id, fi heading, en heading, in framework order. */
const ELEMENTS = [
  ['top-management', 'vision-and-culture', 'Visio ja kulttuuri', 'Vision and culture'],
  ['top-management', 'structures-and-resources', 'Rakenteet ja resurssit', 'Structures and resources'],
  ['top-management', 'leading-by-example', 'Johto oppimisen esimerkkinä', 'Leadership as a learning role model'],
  ['top-management', 'ecosystem-thinking', 'Ekosysteemiajattelu', 'Ecosystem thinking'],
  ['middle-management', 'strategy-interpreter', 'Tulkki strategian ja arjen välillä', 'Interpreter between strategy and everyday work'],
  ['middle-management', 'removing-obstacles', 'Esteiden poistaminen', 'Removing obstacles'],
  ['middle-management', 'knowledge-sharing', 'Tiedon jakamisen varmistaminen', 'Ensuring knowledge sharing'],
  ['middle-management', 'coaching-supervisors', 'Esihenkilöiden valmentava johtaminen', 'Coaching leadership of supervisors'],
  ['middle-management', 'monitoring-learning', 'Oppimisen ja kehittämisen seuraaminen', 'Monitoring learning and development'],
  ['supervisors', 'team-learning-plans', 'Liiketoiminnallisista tavoitteista tiimien oppimis- ja kehittämissuunnitelmiksi', 'From business goals to team learning and development plans'],
  ['supervisors', 'individual-development', 'Yksilöiden vahvuuksien, kehitystarpeiden ja oppimissuunnitelmien fasilitointi', 'Facilitating individual strengths, development needs and learning plans'],
  ['supervisors', 'agile-learning', 'Ketterän oppimisen fasilitointi', 'Facilitating agile learning'],
  ['supervisors', 'psychological-safety', 'Psykologinen turvallisuus', 'Psychological safety'],
] as const;

describe('default framework', () => {
  it('has the three tiers of framework.md, in order, with their fi names and roles', () => {
    assert.deepEqual(
      DEFAULT_FRAMEWORK.tiers.map((t) => t.id),
      TIERS.map((t) => t[0]),
    );
    for (const [id, fi, en, roleFi, roleEn] of TIERS) {
      const tier = lookup.tier(id)!;
      assert.equal(tier.name.fi, fi, `${id} fi name`);
      assert.deepEqual(tier.role, { fi: roleFi, en: roleEn }, `${id} role`);
      // framework.md names the supervisors tier "Supervisors (team leads)" in English; the product
      // shows the shorter "Supervisors" and keeps the full wording as an alias. Either way a user
      // writing framework.md's name must land on the tier.
      if (id === 'supervisors') assert.equal(tier.name.en, 'Supervisors');
      else assert.equal(tier.name.en, en, `${id} en name`);
      assert.equal(lookup.resolveTier(en)?.id, id, `"${en}" resolves`);
      assert.equal(lookup.resolveTier(fi)?.id, id, `"${fi}" resolves`);
      assert.equal(lookup.resolveTier(id)?.id, id);
    }
  });

  it('has the thirteen elements of framework.md with their ids, tiers, order and fi/en names', () => {
    const actual = DEFAULT_FRAMEWORK.tiers.flatMap((t) => t.elements.map((e) => [t.id, e.id, e.name.fi, e.name.en]));
    assert.equal(actual.length, 13);
    assert.deepEqual(actual, ELEMENTS.map((e) => [...e]));
    for (const tier of DEFAULT_FRAMEWORK.tiers) {
      for (const el of tier.elements) assert.equal(el.tier, tier.id, `${el.id}.tier`);
    }
  });

  it('element ids are unique across the whole framework and look up by id', () => {
    const ids = DEFAULT_FRAMEWORK.tiers.flatMap((t) => t.elements.map((e) => e.id));
    assert.equal(new Set(ids).size, ids.length);
    for (const [tier, id] of ELEMENTS) assert.equal(lookup.element(id)?.tier, tier);
    assert.equal(lookup.element('no-such-element'), undefined);
  });

  it('keeps the article wordings as aliases that resolve to their elements', () => {
    const cases: [string, string, string][] = [
      ['top-management', 'Luodaan visio ja kulttuuri', 'vision-and-culture'],
      ['supervisors', 'Ketterän oppimisen fasilitoiminen', 'agile-learning'],
      ['supervisors', 'Yksilöiden vahvuuksien, kehitystarpeiden ja oppimissuunnitelmien fasilitoiminen', 'individual-development'],
    ];
    for (const [tier, title, id] of cases) {
      assert.ok(lookup.element(id)!.aliases.includes(title), `${id} keeps "${title}" as an alias`);
      assert.equal(lookup.elementOfTitle(tier, title)?.id, id, title);
      // forgiving: bold, emoji, colon, case
      assert.equal(lookup.elementOfTitle(tier, `🔹 **${title.toUpperCase()}**:`)?.id, id, `decorated ${title}`);
    }
    // an element is found only within its own tier
    assert.equal(lookup.elementOfTitle('middle-management', 'Luodaan visio ja kulttuuri'), undefined);
    assert.equal(lookup.elementOfTitle('supervisors', 'Visio ja kulttuuri'), undefined);
  });

  it('every element has a description and two or three guiding questions in both languages', () => {
    for (const tier of DEFAULT_FRAMEWORK.tiers) {
      for (const el of tier.elements) {
        for (const lang of ['fi', 'en'] as const) {
          assert.ok(el.description[lang].trim().length >= 20, `${el.id} ${lang} description`);
          const qs = el.questions[lang];
          assert.ok(qs.length >= 2 && qs.length <= 3, `${el.id} has ${qs.length} ${lang} questions`);
          for (const q of qs) assert.match(q, /\?$/, `${el.id} ${lang} question "${q}" is a question`);
        }
        assert.notEqual(el.description.fi, el.description.en, `${el.id} description is translated`);
      }
    }
  });

  it("resolves the article's tier lines to their tiers", () => {
    const lines: [string, string][] = [
      ['Ylin johto – Suunnan näyttäjä ja rakenteiden mahdollistaja', 'top-management'],
      ['Keskijohto – Oppimisen johtaja ja strategian toteuttaja', 'middle-management'],
      ['Esihenkilöt – Valmentavat oppimisen mahdollistajat', 'supervisors'],
      // as headings with a hyphen instead of the dash, decomposed, or in English
      ['Ylin johto - Suunnan näyttäjä ja rakenteiden mahdollistaja', 'top-management'],
      ['Esihenkilöt – Valmentavat oppimisen mahdollistajat'.normalize('NFD'), 'supervisors'],
      ['Middle management – Leader of learning and implementer of strategy', 'middle-management'],
      ['Esihenkilöt: tiimien valmentajat', 'supervisors'],
    ];
    for (const [line, id] of lines) {
      assert.equal(lookup.tierOfHeading(line)?.id, id, line);
      assert.equal(lookup.tierOfHeading(`🔹 ${line}`)?.id, id, `🔹 ${line}`);
    }
    assert.equal(lookup.tierOfHeading('Jokaista roolia tarvitaan'), undefined);
    assert.equal(lookup.tierOfHeading('Esihenkilöiden valmentava johtaminen'), undefined, 'an element is not a tier');
  });

  it('no two elements of a tier share a name or alias, and no two tiers share a name or alias', () => {
    for (const tier of DEFAULT_FRAMEWORK.tiers) {
      const owner = new Map<string, string>();
      for (const el of tier.elements) {
        for (const n of [el.id, el.name.fi, el.name.en, ...el.aliases]) {
          const k = matchKey(n);
          assert.ok(k.length > 0, `${el.id}: "${n}" has a match key`);
          const prev = owner.get(k);
          assert.ok(prev === undefined || prev === el.id, `"${n}" of ${el.id} collides with ${prev} in ${tier.id}`);
          owner.set(k, el.id);
        }
      }
      // every name and alias finds its own element through the lookup
      for (const el of tier.elements) {
        for (const n of [el.name.fi, el.name.en, ...el.aliases]) assert.equal(lookup.elementOfTitle(tier.id, n)?.id, el.id, n);
      }
    }
    const tierOwner = new Map<string, string>();
    for (const tier of DEFAULT_FRAMEWORK.tiers) {
      for (const n of [tier.id, tier.name.fi, tier.name.en, ...tier.aliases]) {
        const k = matchKey(n);
        const prev = tierOwner.get(k);
        assert.ok(prev === undefined || prev === tier.id, `tier name "${n}" of ${tier.id} collides with ${prev}`);
        tierOwner.set(k, tier.id);
        assert.equal(lookup.resolveTier(n)?.id, tier.id, n);
      }
    }
  });

  it('has goal labels in both languages and requires owner and next-review', () => {
    for (const l of ['Tavoite', 'Mittari', 'Goal', 'Indicator']) assert.ok(lookup.isGoalLabel(l), l);
    assert.ok(lookup.isGoalLabel('**Mittarit**'));
    assert.equal(lookup.isGoalLabel('Visio'), false);
    assert.deepEqual(lookup.goalTemplateLabels('fi'), ['Tavoite', 'Mittari']);
    assert.deepEqual(lookup.goalTemplateLabels('en'), ['Goal', 'Indicator']);
    assert.deepEqual(DEFAULT_FRAMEWORK.requiredFields, ['owner', 'next-review']);
  });
});

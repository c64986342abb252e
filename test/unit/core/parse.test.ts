/**
 * Parsing charters as users write them: line endings, byte-order marks, decomposed text,
 * decorated headings, aliases, explicit ids, mixed languages, and the article's own layout.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig } from '../../../src/core/config';
import { Linter, type CharterLint } from '../../../src/core/lint';
import { charterLang, guessLang, parseCharter } from '../../../src/core/parse';
import type { Finding } from '../../../src/core/types';
import { TODAY, repoRoot } from '../../helpers/paths';

const linter = new Linter(defaultConfig(), 'en');

function lint(text: string, options: { forceCharter?: boolean; file?: string } = {}): CharterLint {
  return linter.lintText(options.file ?? 'charter.md', text, { today: TODAY, ...(options.forceCharter ? { forceCharter: true } : {}) });
}

/** `ruleId elementId@line` of every finding, for readable failures. */
function brief(findings: Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.elementId ?? f.tier ?? '-'}@${f.place.start.line}`);
}

function occurrences(r: CharterLint): string[] {
  return r.charter.occurrences.map((o) => `${o.tier}/${o.elementId}@${o.headingPlace.start.line}`);
}

const SUPERVISOR_ELEMENTS = ['team-learning-plans', 'individual-development', 'agile-learning', 'psychological-safety'];

/** A complete Finnish supervisors' charter; `headings` replaces element headings (by element id). */
function supervisorsCharter(headings: Partial<Record<string, string>> = {}): string {
  const h = (id: string, text: string) => headings[id] ?? `## ${text}`;
  return [
    '---',
    'tier: supervisors',
    'unit: Tampereen varasto',
    'owner: Maija Mäkinen',
    'next-review: 2027-03-01',
    'lang: fi',
    '---',
    '',
    '# Esihenkilöt: oppimisen johtamisen vastuut',
    '',
    h('team-learning-plans', 'Liiketoiminnallisista tavoitteista tiimien oppimis- ja kehittämissuunnitelmiksi'),
    '',
    'Tiimin oppimissuunnitelma johdetaan vuoden myyntitavoitteista ja käydään läpi tiimipalaverissa.',
    '',
    '- Tavoite: suunnitelma päivitetään puolen vuoden välein.',
    '',
    h('individual-development', 'Yksilöiden vahvuuksien, kehitystarpeiden ja oppimissuunnitelmien fasilitointi'),
    '',
    'Jokaisella on oma oppimissuunnitelma, joka tarkistetaan kehityskeskustelussa.',
    '',
    '- Mittari: ajantasaisten suunnitelmien osuus.',
    '',
    h('agile-learning', 'Ketterän oppimisen fasilitointi'),
    '',
    'Uudet työntekijät työskentelevät parina kokeneen kanssa, ja tiimi tekee kuukausittain yhden kokeilun.',
    '',
    '- Tavoite: yksi kokeilu kuukaudessa.',
    '',
    h('psychological-safety', 'Psykologinen turvallisuus'),
    '',
    'Virheistä puhutaan aamupalaverissa syyllistämättä.',
    '',
    '- Mittari: neljännesvuosittainen pulssikysely.',
    '',
  ].join('\n');
}

/** Lines of the element headings in supervisorsCharter(). */
const HEADING_LINES = [11, 17, 23, 29];

describe('parsing charters', () => {
  describe('a complete charter', () => {
    it('is a single-tier charter with all four elements and no findings', () => {
      const r = lint(supervisorsCharter());
      assert.equal(r.charter.isCharter, true);
      assert.deepEqual(r.charter.tiers, ['supervisors']);
      assert.equal(r.charter.multiTier, false);
      assert.equal(r.charter.lang, 'fi');
      assert.equal(r.charter.owner, 'Maija Mäkinen');
      assert.equal(r.charter.nextReview, '2027-03-01');
      assert.equal(r.charter.title?.text, 'Esihenkilöt: oppimisen johtamisen vastuut');
      assert.deepEqual(occurrences(r), SUPERVISOR_ELEMENTS.map((id, i) => `supervisors/${id}@${HEADING_LINES[i]}`));
      assert.deepEqual(brief(r.findings), []);
      assert.deepEqual(
        r.summary?.elements.map((e) => e.status),
        ['defined', 'defined', 'defined', 'defined'],
      );
    });

    it('finds the goal and indicator lines of each element', () => {
      const r = lint(supervisorsCharter());
      const goals = r.charter.occurrences.map((o) => o.goals.map((g) => `${g.label}|${g.text}|${g.place.start.line}`));
      assert.deepEqual(goals, [
        ['tavoite|suunnitelma päivitetään puolen vuoden välein.|15'],
        ['mittari|ajantasaisten suunnitelmien osuus.|21'],
        ['tavoite|yksi kokeilu kuukaudessa.|27'],
        ['mittari|neljännesvuosittainen pulssikysely.|33'],
      ]);
    });
  });

  describe('matching element headings', () => {
    const base = lint(supervisorsCharter());

    it('reads CRLF line endings like LF, with the same lines', () => {
      const r = lint(supervisorsCharter().replace(/\n/g, '\r\n'));
      assert.equal(r.charter.eol, '\r\n');
      assert.deepEqual(occurrences(r), occurrences(base));
      assert.deepEqual(brief(r.findings), []);
      assert.equal(r.charter.owner, 'Maija Mäkinen');
      // places never include the carriage return
      for (const o of r.charter.occurrences) {
        assert.ok(!o.title.includes('\r'));
        assert.notEqual(r.charter.text[o.headingPlace.end.offset - 1], '\r');
      }
    });

    it('ignores a byte-order mark, also for the frontmatter', () => {
      const r = lint(`\ufeff${supervisorsCharter()}`);
      assert.deepEqual(r.charter.tiers, ['supervisors']);
      assert.equal(r.charter.frontmatter.error, undefined);
      assert.deepEqual(occurrences(r), occurrences(base));
      assert.deepEqual(brief(r.findings), []);
    });

    it('matches decomposed (NFD) text against the composed framework names', () => {
      const text = supervisorsCharter().normalize('NFD');
      assert.notEqual(text, supervisorsCharter(), 'the fixture really is decomposed');
      const r = lint(text);
      assert.deepEqual(occurrences(r), occurrences(base));
      assert.deepEqual(brief(r.findings), []);
      // the user's text is kept as written
      assert.equal(r.charter.occurrences[0]!.title, 'Liiketoiminnallisista tavoitteista tiimien oppimis- ja kehittämissuunnitelmiksi'.normalize('NFD'));
    });

    const variants: [string, string][] = [
      ['a leading emoji', '## 🔹 Psykologinen turvallisuus'],
      ['capitals', '## PSYKOLOGINEN TURVALLISUUS'],
      ['a trailing colon', '## Psykologinen turvallisuus:'],
      ['a ### level', '### Psykologinen turvallisuus'],
      ['bold and a closing sequence', '## **Psykologinen turvallisuus** ##'],
      ['numbering', '## 4. Psykologinen turvallisuus'],
      ['a subtitle after a dash', '## Psykologinen turvallisuus – rohkeus kokeilla'],
      ['an alias', '## Psykologisen turvallisuuden luominen'],
      ['the English name in a Finnish charter', '## Psychological safety'],
      ['the explicit id only', '## Ilmapiiri {#psychological-safety}'],
    ];
    for (const [what, heading] of variants) {
      it(`matches a heading with ${what}: "${heading}"`, () => {
        const r = lint(supervisorsCharter({ 'psychological-safety': heading }));
        const occ = r.charter.occurrences.find((o) => o.elementId === 'psychological-safety');
        assert.ok(occ, `psychological-safety found in ${JSON.stringify(occurrences(r))}`);
        assert.equal(occ.headingPlace.start.line, 29);
        assert.deepEqual(brief(r.findings), []);
      });
    }

    it('does not count a heading that only mentions an element; it is a near miss at that heading', () => {
      const r = lint(supervisorsCharter({ 'psychological-safety': '## Miksi psykologinen turvallisuus on tärkeää' }));
      assert.ok(!r.charter.occurrences.some((o) => o.elementId === 'psychological-safety'));
      assert.deepEqual(brief(r.findings.filter((f) => f.ruleId === 'element-missing')), ['element-missing psychological-safety@29']);
    });

    it('accepts every element named in English in a Finnish charter', () => {
      const r = lint(
        supervisorsCharter({
          'team-learning-plans': '## From business goals to team learning and development plans',
          'individual-development': '## Facilitating individual strengths, development needs and learning plans',
          'agile-learning': '## Facilitating agile learning',
          'psychological-safety': '## Psychological safety',
        }),
      );
      assert.equal(r.charter.lang, 'fi');
      assert.deepEqual(occurrences(r), occurrences(base));
      assert.deepEqual(brief(r.findings), []);
    });

    it('lets an explicit {#id} win over a heading text that names another element', () => {
      // The heading reads "Psykologinen turvallisuus" but says it is agile-learning.
      const r = lint(supervisorsCharter({ 'agile-learning': '## Psykologinen turvallisuus {#agile-learning}', 'psychological-safety': '## Ilmapiiri' }));
      const occ = r.charter.occurrences.find((o) => o.headingPlace.start.line === 23)!;
      assert.equal(occ.elementId, 'agile-learning');
      assert.equal(occ.explicit, true);
      assert.equal(occ.title, 'Psykologinen turvallisuus');
      // "Ilmapiiri" resembles no element closely enough (unrecognised); the missing element is
      // reported at the heading whose words name it, though its id makes it agile-learning
      assert.deepEqual(brief(r.findings), ['element-missing psychological-safety@23', 'heading-unrecognised supervisors@29']);
      assert.match(r.findings[0]!.reason, /names it, but counts as `Facilitating agile learning`|mainitsee sen, mutta lasketaan osa-alueeksi/);
    });

    it('an explicit id of another tier does not count; the heading text decides, and the id is reported', () => {
      const r = lint(supervisorsCharter({ 'psychological-safety': '## Psykologinen turvallisuus {#vision-and-culture}' }));
      const occ = r.charter.occurrences.find((o) => o.headingPlace.start.line === 29)!;
      assert.equal(occ.elementId, 'psychological-safety');
      assert.equal(occ.explicit, false);
      assert.deepEqual(brief(r.findings), ['element-id-unknown psychological-safety@29']);
      const f = r.findings[0]!;
      assert.equal(f.severity, 'warning');
      assert.match(f.reason, /`\{#vision-and-culture\}` names no element of tier `Supervisors`; the heading counts as `Psychological safety`/);
      assert.deepEqual(r.charter.unknownIds.map((u) => [u.id, u.tier, u.matched]), [['vision-and-culture', 'supervisors', 'psychological-safety']]);
    });

    it('a mistyped explicit id whose heading text names nothing is reported as naming no element', () => {
      const r = lint(supervisorsCharter({ 'psychological-safety': '## Turvallinen ilmapiiri {#psychological-safty}' }));
      const f = r.findings.find((x) => x.ruleId === 'element-id-unknown')!;
      assert.ok(f, brief(r.findings).join(', '));
      assert.equal(f.elementId, undefined);
      assert.match(f.reason, /and the heading text names none either/);
      assert.ok(r.findings.some((x) => x.ruleId === 'element-missing' && x.elementId === 'psychological-safety'));
    });

    it('two headings naming one element are a duplicate, and the other element is missing', () => {
      const r = lint(supervisorsCharter({ 'agile-learning': '## Psykologinen turvallisuus' }));
      assert.deepEqual(brief(r.findings), ['element-missing agile-learning@9', 'element-duplicate psychological-safety@29']);
      const dup = r.findings.find((f) => f.ruleId === 'element-duplicate')!;
      assert.equal(dup.related?.[0]?.place.start.line, 23);
    });

    it('reads inline items (🔹 Title: text) with bold titles', () => {
      const text = [
        '---',
        'tier: supervisors',
        'owner: Maija',
        'next-review: 2027-01-01',
        '---',
        '',
        '# Esihenkilöt',
        '',
        '🔹 **Liiketoiminnallisista tavoitteista tiimien oppimis- ja kehittämissuunnitelmiksi**: Suunnitelma tavoitteista. Tavoite: x',
        '- 🔹 **Yksilöiden vahvuuksien, kehitystarpeiden ja oppimissuunnitelmien fasilitoiminen:** Omat suunnitelmat.',
        '- 🔹 Ketterän oppimisen fasilitoiminen: Parityö.',
        '- 🔹 __Psykologinen turvallisuus__: Virheistä puhutaan.',
        '',
      ].join('\n');
      const r = lint(text);
      assert.deepEqual(occurrences(r), SUPERVISOR_ELEMENTS.map((id, i) => `supervisors/${id}@${9 + i}`));
      assert.ok(r.charter.occurrences.every((o) => o.kind === 'inline'));
      assert.deepEqual(
        r.charter.occurrences.map((o) => o.contentText.trim()),
        ['Suunnitelma tavoitteista. Tavoite: x', 'Omat suunnitelmat.', 'Parityö.', 'Virheistä puhutaan.'],
      );
      assert.deepEqual(brief(r.findings.filter((f) => f.ruleId.startsWith('element-'))), []);
    });
  });

  describe('files that are not charters', () => {
    it('a README without a tier gets no findings, even with element headings and placeholders', () => {
      const text = '# Käsikirja\n\nTässä kansiossa ovat peruskirjat.\n\n## Psykologinen turvallisuus\n\nTBD\n\n## Visio ja kulttuuri\n';
      for (const t of [text, `---\ntitle: README\n---\n\n${text}`, text.replace(/\n/g, '\r\n')]) {
        const r = lint(t, { file: 'README.md' });
        assert.equal(r.charter.isCharter, false);
        assert.deepEqual(r.findings, []);
        assert.equal(r.summary, undefined);
        assert.deepEqual(r.charter.occurrences, []);
      }
    });

    it('a document in the article layout without frontmatter is not a charter unless forced', () => {
      const r = lint(articleWithoutFrontmatter());
      assert.equal(r.charter.isCharter, false);
      assert.deepEqual(r.findings, []);
    });
  });

  describe("the article's layout", () => {
    const ELEMENTS_IN_ORDER = [
      'top-management/vision-and-culture',
      'top-management/structures-and-resources',
      'top-management/leading-by-example',
      'top-management/ecosystem-thinking',
      'middle-management/strategy-interpreter',
      'middle-management/removing-obstacles',
      'middle-management/knowledge-sharing',
      'middle-management/coaching-supervisors',
      'middle-management/monitoring-learning',
      'supervisors/team-learning-plans',
      'supervisors/individual-development',
      'supervisors/agile-learning',
      'supervisors/psychological-safety',
    ];
    const TIERS = ['top-management', 'middle-management', 'supervisors'];
    const STRUCTURAL = ['element-missing', 'tier-missing', 'element-duplicate', 'element-empty', 'tier-unknown', 'frontmatter-invalid'];

    function assertArticle(r: CharterLint): void {
      assert.equal(r.charter.isCharter, true);
      assert.deepEqual(r.charter.tiers, TIERS);
      assert.equal(r.charter.multiTier, true);
      assert.deepEqual(r.charter.tierSections.map((s) => s.tier), TIERS);
      assert.deepEqual(
        r.charter.occurrences.map((o) => `${o.tier}/${o.elementId}`),
        ELEMENTS_IN_ORDER,
      );
      assert.equal(r.charter.occurrences.length, 13);
      // each item's content stops at the next item: no element swallows its neighbour
      for (const o of r.charter.occurrences) assert.ok(!o.contentText.includes('🔹'), `${o.elementId} content: ${o.contentText}`);
      assert.deepEqual(brief(r.findings.filter((f) => STRUCTURAL.includes(f.ruleId))), []);
      assert.deepEqual(r.summary?.elements.map((e) => e.status).filter((s) => s === 'missing' || s === 'empty'), []);
    }

    it('with frontmatter naming the three tiers: 3 tiers, 13 elements, none missing or duplicated', () => {
      const text = articleWithFrontmatter();
      const r = lint(text);
      assertArticle(r);
      // the 🔹 lines are where the elements are reported
      const lines = text.split('\n');
      for (const o of r.charter.occurrences) assert.match(lines[o.headingPlace.start.line - 1]!, /^🔹 /);
      assert.deepEqual(r.charter.occurrences.map((o) => o.kind), Array(13).fill('inline'));
    });

    it('without frontmatter, forced as a charter: tiers inferred from the headings', () => {
      assertArticle(lint(articleWithoutFrontmatter(), { forceCharter: true }));
    });

    it('the same with CRLF line endings and decomposed text', () => {
      assertArticle(lint(articleWithFrontmatter().replace(/\n/g, '\r\n').normalize('NFD')));
    });

    it('parseCharter alone gives the same model', () => {
      const c = parseCharter('a.md', articleWithoutFrontmatter(), linter.lookup, { forceCharter: true, defaultLang: 'fi' });
      assert.deepEqual(c.tiers, TIERS);
      assert.equal(c.occurrences.length, 13);
      assert.equal(c.lang, 'fi');
      assert.equal(c.frontmatter.data, undefined);
    });

    // The article itself as Markdown (test/fixtures/article/), with and without frontmatter.
    for (const name of ['article.md', 'article-blank-lines.md', 'article-no-frontmatter.md']) {
      it(`test/fixtures/article/${name} parses the same way`, () => {
        const text = readFileSync(join(repoRoot(), 'test/fixtures/article', name), 'utf8');
        const hasTiers = /^---\r?\n(?:.*\r?\n)*?tiers?\s*:/.test(text);
        if (!hasTiers) assert.equal(lint(text).charter.isCharter, false, 'without frontmatter it is a charter only when forced');
        assertArticle(lint(text, { forceCharter: !hasTiers }));
      });
    }
  });
});

/**
 * The article's layout ("Mikä kenenkin hommaa on", see framework.md): a title, an intro, each
 * tier as a "Name – role" line (here a `##` heading) with a short intro, then its elements as
 * consecutive 🔹 lines with no blank lines between them, and a closing section. The titles are
 * the article's own wordings; the sentences are written for this test.
 */
function articleBody(): string {
  return [
    '# Mikä kenenkin hommaa on – oppimisen johtamisen vastuut eri johtotasoilla',
    '',
    'Jokaisella johtotasolla on oma tehtävänsä oppimisen johtamisessa.',
    '',
    '## Ylin johto – Suunnan näyttäjä ja rakenteiden mahdollistaja',
    '',
    'Ylin johto tekee oppimisesta osan strategiaa.',
    '',
    '🔹 Luodaan visio ja kulttuuri: Johto kertoo, miksi oppiminen on meille tärkeää.',
    '🔹 Rakenteet ja resurssit: Oppimiselle varataan aikaa, tilaa ja rahaa.',
    '🔹 Johto oppimisen esimerkkinä: Johtajat kertovat omasta oppimisestaan.',
    '🔹 Ekosysteemiajattelu: Kumppaneilta opitaan – verkostot ovat osa oppimista.',
    '',
    '## Keskijohto – Oppimisen johtaja ja strategian toteuttaja',
    '',
    'Keskijohto tekee strategiasta arkea: tavoitteet muuttuvat tekemiseksi.',
    '',
    '🔹 Tulkki strategian ja arjen välillä: Tavoitteet puretaan tiimien töiksi.',
    '🔹 Esteiden poistaminen: Siilot ja kiire puretaan.',
    '🔹 Tiedon jakamisen varmistaminen: Opittu jaetaan yli tiimirajojen.',
    '🔹 Esihenkilöiden valmentava johtaminen: Keskijohto valmentaa esihenkilöitä.',
    '🔹 Oppimisen ja kehittämisen seuraaminen: Oppimisen laatua ja määrää seurataan.',
    '',
    '## Esihenkilöt – Valmentavat oppimisen mahdollistajat',
    '',
    'Esihenkilöt luovat olosuhteet, joissa oppiminen tapahtuu työn ohessa.',
    '',
    '🔹 Liiketoiminnallisista tavoitteista tiimien oppimis- ja kehittämissuunnitelmiksi: Tiimi tietää, mitä sen pitää oppia.',
    '🔹 Yksilöiden vahvuuksien, kehitystarpeiden ja oppimissuunnitelmien fasilitoiminen: Jokaisella on oma suunnitelma.',
    '🔹 Ketterän oppimisen fasilitoiminen: Opitaan työssä ja yli yksikkörajojen.',
    '🔹 Psykologinen turvallisuus: Kokeilla ja erehtyä saa.',
    '',
    '## Jokaista roolia tarvitaan',
    '',
    'Tietävätkö johtajanne, mikä heidän osansa on?',
    '',
  ].join('\n');
}

function articleWithFrontmatter(): string {
  return `---\ntiers: [top-management, middle-management, supervisors]\n---\n\n${articleBody()}`;
}

function articleWithoutFrontmatter(): string {
  return articleBody();
}

describe('the language of a charter without `lang`', () => {
  const fiText = '---\ntier: supervisors\n---\n# Esihenkilöt\n\n## Psykologinen turvallisuus\n\nLuomme ilmapiirin, jossa uskalletaan kokeilla ja on lupa erehtyä.\n';
  const enText = '---\ntier: supervisors\n---\n# Supervisors\n\n## Psychological safety\n\nWe build a climate where people dare to experiment and make mistakes.\n';

  it('guessLang: Finnish, English, or undecided', () => {
    assert.equal(guessLang(fiText), 'fi');
    assert.equal(guessLang(enText), 'en');
    assert.equal(guessLang('---\ntier: x\n---\n# X\n'), undefined, 'too few words to tell');
    assert.equal(guessLang('the and ja on'), undefined, 'neither clearly ahead');
  });

  it('frontmatter `lang` wins, then the text, then the handbook, then the messages', () => {
    assert.equal(charterLang({ lang: 'en' }, fiText, 'fi', 'fi'), 'en');
    assert.equal(charterLang({}, fiText, 'en', 'en'), 'fi');
    assert.equal(charterLang({}, enText, 'fi', 'fi'), 'en');
    assert.equal(charterLang({}, '# X\n', 'en', 'fi'), 'en');
    assert.equal(charterLang({}, '# X\n', undefined, 'fi'), 'fi');
  });

  it('the fix stubs follow the text, not an English-speaking run', () => {
    const r = new Linter(defaultConfig(), 'en').lintText('c.md', fiText);
    assert.equal(r.charter.lang, 'fi');
    const en = new Linter(defaultConfig(), 'fi').lintText('c.md', enText);
    assert.equal(en.charter.lang, 'en');
  });
});

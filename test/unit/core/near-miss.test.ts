/**
 * Near misses as HR staff write them (issue 10): each form in Finnish and English, with the line
 * the finding points at and the element it suggests; the fixes that repair the user's heading
 * instead of adding a second section (snapshots); a property that fixing never adds a heading for
 * an element the user already wrote; charter-like frontmatter without a tier; owners and dates.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultConfig, parseConfig } from '../../../src/core/config';
import { applyFixes, fixedCount } from '../../../src/core/fix';
import { boundedDistance, headingKey, resemblance, sameWord } from '../../../src/core/framework/lookup';
import { Linter } from '../../../src/core/lint';
import { ownerNames as ownersOf } from '../../../src/core/owners';
import { readDate } from '../../../src/core/rules/frontmatter-invalid';
import type { Finding, Lang } from '../../../src/core/types';
import { TODAY } from '../../helpers/paths';

const linters: Record<Lang, Linter> = { fi: new Linter(defaultConfig(), 'fi'), en: new Linter(defaultConfig(), 'en') };

function lint(text: string, lang: Lang = 'fi') {
  return linters[lang].lintText('c.md', text, { today: TODAY });
}

/** What `charters lint --fix` does: apply every fix, re-lint, until nothing is left. */
function fixAll(text: string, lang: Lang = 'fi'): string {
  let current = text;
  for (let pass = 0; pass < 5; pass++) {
    const fixes = lint(current, lang).findings.flatMap((f) => (f.fix ? [f.fix] : []));
    if (fixes.length === 0) break;
    const r = applyFixes(current, fixes);
    if (r.text === current) break;
    current = r.text;
  }
  return current;
}

const TOP = {
  fi: ['Visio ja kulttuuri', 'Rakenteet ja resurssit', 'Johto oppimisen esimerkkinä', 'Ekosysteemiajattelu'],
  en: ['Vision and culture', 'Structures and resources', 'Leadership as a learning role model', 'Ecosystem thinking'],
};
const TOP_IDS = ['vision-and-culture', 'structures-and-resources', 'leading-by-example', 'ecosystem-thinking'];

/**
 * A complete top-management charter in `lang` (title on line 8, the four elements on lines 10,
 * 16, 22 and 28), with the heading lines replaced as given (by element index).
 */
function topCharter(lang: Lang, replace: Record<number, string> = {}): string {
  const goal = lang === 'fi' ? 'Tavoite' : 'Goal';
  const lines = ['---', 'tier: top-management', 'owner: Aino Laine', 'next-review: 2027-06-01', `lang: ${lang}`, '---', '', `# ${lang === 'fi' ? 'Johtoryhmä' : 'Executive team'}`, ''];
  TOP[lang].forEach((name, i) => {
    lines.push(replace[i] ?? `## ${name}`, '', lang === 'fi' ? `Kerromme, miten ${name.toLowerCase()} näkyy arjessa.` : `We say how ${name.toLowerCase()} shows in everyday work.`, '', `- ${goal}: yksi asia vuodessa, seurataan neljännesvuosittain.`, '');
  });
  return lines.join('\n');
}

function brief(findings: Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.elementId ?? '-'}@${f.place.start.line}`);
}

describe('near misses', () => {
  it('the complete charter is clean in both languages (the base of every case below)', () => {
    for (const lang of ['fi', 'en'] as Lang[]) assert.deepEqual(brief(lint(topCharter(lang)).findings), [], lang);
  });

  describe('certain: the heading simply counts', () => {
    const CASES: [Lang, number, string][] = [
      ['fi', 3, '## Ekosysteemi-ajattelu'],
      ['fi', 3, '## Ekosysteemi ajattelu'],
      ['en', 3, '## Ecosystem-thinking'],
      ['fi', 0, '## 1 Visio ja kulttuuri'],
      ['fi', 0, '## 1.1 Visio ja kulttuuri'],
      ['fi', 0, '## 1.2. Visio ja kulttuuri'],
      ['fi', 0, '## A) Visio ja kulttuuri'],
      ['fi', 0, '## I. Visio ja kulttuuri'],
      ['en', 0, '## IV. Vision and culture'],
      ['fi', 0, '## 1) Visio ja kulttuuri'],
      ['en', 0, '## 2 – Vision and culture'],
      ['fi', 0, '## 1️⃣ Visio ja kulttuuri'],
      ['fi', 1, '## Rakenteet ja resurssit 🏗️'],
      ['en', 1, '## Structures 🏗️ and resources'],
      ['fi', 2, '### 🌱 Johto oppimisen esimerkkinä ✨'],
      ['fi', 3, '## Ekosysteemi-ajattelu – verkostot ja kumppanit'],
      ['fi', 0, '## Visio & kulttuuri'],
      ['en', 0, '## Vision & culture'],
      ['fi', 1, '## Rakenteet ja resurssit oppimiselle vuonna 2027'],
      ['en', 3, '## Ecosystem thinking in our region'],
      // `&` and small words, then a parenthesis, dash or colon (found by the acceptance corpus)
      ['en', 1, '## Structures & resources (2027)'],
      ['fi', 1, '## Rakenteet & resurssit (2027)'],
      ['fi', 0, '## Visio & kulttuuri: miksi opimme'],
      ['en', 0, '## Our vision and culture'],
      ['fi', 0, '## Meidän visio ja kulttuuri'],
    ];
    for (const [lang, i, heading] of CASES) {
      it(`${lang}: ${heading}`, () => {
        const r = lint(topCharter(lang, { [i]: heading }), lang);
        assert.deepEqual(brief(r.findings), []);
        assert.ok(r.charter.occurrences.some((o) => o.elementId === TOP_IDS[i] && o.title === heading.replace(/^#+ /, '')));
      });
    }
  });

  describe('likely: element-missing at the user\'s heading, with "did you mean" and a fix that marks it', () => {
    const LINES = [10, 16, 22, 28];
    const CASES: [Lang, number, string, RegExp][] = [
      ['fi', 1, '## Rakenteet ja resursit', /tarkoititko otsikolla `Rakenteet ja resursit` osa-aluetta `Rakenteet ja resurssit`\?/],
      ['en', 1, '## Structures and resourses', /did you mean `Structures and resources` with the heading `Structures and resourses`\?/],
      ['fi', 0, '## Kulttuuri ja visio', /tarkoititko otsikolla `Kulttuuri ja visio` osa-aluetta `Visio ja kulttuuri`\?/],
      ['en', 0, '## Culture and vision', /did you mean `Vision and culture`/],
      ['fi', 2, '## Esimerkillä johtaminen', /osa-aluetta `Johto oppimisen esimerkkinä`\?/],
      ['en', 2, '## Leading through example', /did you mean `Leadership as a learning role model`/],
      ['fi', 0, '## 1 Kulttuuri ja visio 🎯', /osa-aluetta `Visio ja kulttuuri`/],
      ['fi', 3, '## Ekosysteemiajatelu', /osa-aluetta `Ekosysteemiajattelu`/],
    ];
    for (const [lang, i, heading, message] of CASES) {
      it(`${lang}: ${heading}`, () => {
        const text = topCharter(lang, { [i]: heading });
        const r = lint(text, lang);
        assert.deepEqual(brief(r.findings), [`element-missing ${TOP_IDS[i]}@${LINES[i]}`]);
        const f = r.findings[0]!;
        assert.match(f.reason, message);
        assert.equal(f.expected, TOP[lang][i]);
        assert.equal(f.related?.[0]?.place.start.line, LINES[i]);
        // the fix keeps every word and adds the id; nothing else changes
        const fixed = fixAll(text, lang);
        assert.equal(fixed, text.replace(`${heading}\n`, `${heading} {#${TOP_IDS[i]}}\n`));
        assert.deepEqual(brief(lint(fixed, lang).findings), []);
      });
    }

    it('an ATX closing sequence stays after the inserted id', () => {
      const text = topCharter('fi', { 1: '## Rakenteet ja resursit ##' });
      assert.equal(fixAll(text), text.replace('## Rakenteet ja resursit ##', '## Rakenteet ja resursit {#structures-and-resources} ##'));
    });

    it('two headings like one missing element: the closer one is the near miss, the other unrecognised', () => {
      const text = topCharter('fi', { 1: '## Rakenteet ja resursit' }) + '\n## Rakenteita\n\nLisää tekstiä.\n';
      const r = lint(text);
      assert.deepEqual(brief(r.findings), ['element-missing structures-and-resources@16', 'heading-unrecognised -@34']);
    });
  });

  describe('bold and italic lines instead of headings', () => {
    it('fi: **Visio ja kulttuuri** alone on a line is reported there; the fix makes it a heading', () => {
      const text = topCharter('fi', { 0: '**Visio ja kulttuuri**' });
      const r = lint(text);
      assert.deepEqual(brief(r.findings), ['element-missing vision-and-culture@10']);
      assert.match(r.findings[0]!.reason, /lihavoitu tai kursivoitu rivi `Visio ja kulttuuri` ei ole otsikko; tee siitä otsikko \(`## Visio ja kulttuuri`\)/);
      const fixed = fixAll(text);
      assert.equal(fixed, text.replace('**Visio ja kulttuuri**', '## **Visio ja kulttuuri**'));
      assert.deepEqual(brief(lint(fixed).findings), []);
    });

    it('en: an italic line with a colon that only resembles the name gets the heading and the id', () => {
      const text = topCharter('en', { 1: '_Structures and resourses:_' });
      const r = lint(text, 'en');
      assert.deepEqual(brief(r.findings), ['element-missing structures-and-resources@16']);
      const fixed = fixAll(text, 'en');
      assert.equal(fixed, text.replace('_Structures and resourses:_', '## _Structures and resourses:_ {#structures-and-resources}'));
      assert.deepEqual(brief(lint(fixed, 'en').findings), []);
    });

    it('a bold line directly followed by its text (one paragraph) is found too', () => {
      const text = topCharter('fi').replace('## Visio ja kulttuuri\n\n', '**Visio ja kulttuuri**\n');
      assert.deepEqual(brief(lint(text).findings), ['element-missing vision-and-culture@10']);
      assert.deepEqual(brief(lint(fixAll(text)).findings), []);
    });

    it('a bold line in a list, or a bold line of an element already present, is just text', () => {
      const text = topCharter('fi').replace('- Tavoite: yksi', '- **Visio ja kulttuuri**\n- Tavoite: yksi').replace('Kerromme, miten rakenteet', '**Rakenteet ja resurssit**\n\nKerromme, miten rakenteet');
      assert.deepEqual(brief(lint(text).findings), []);
    });
  });

  describe('tables', () => {
    it('fi and en: an element in a table row is reported at the row, saying to write a heading', () => {
      for (const lang of ['fi', 'en'] as Lang[]) {
        const name = TOP[lang][3]!;
        const text = topCharter(lang, { 3: `| ${lang === 'fi' ? 'Osa-alue' : 'Element'} | ${lang === 'fi' ? 'Kuvaus' : 'Description'} |\n|---|---|\n| ${name} | … |` });
        const r = lint(text, lang);
        assert.deepEqual(brief(r.findings), ['element-missing ecosystem-thinking@30'], lang);
        assert.match(r.findings[0]!.reason, lang === 'fi' ? /taulukkoon.*kirjoita se otsikoksi \(`## Ekosysteemiajattelu`\)/ : /in a table.*write it as a heading \(`## Ecosystem thinking`\)/);
        assert.equal(r.findings[0]!.fix, undefined, 'no fix rewrites a table');
      }
    });
  });

  describe('a charter split over several files', () => {
    it('fi and en: a link to another file for an element is reported at the link, saying to move the text here', () => {
      for (const lang of ['fi', 'en'] as Lang[]) {
        // the element's heading replaced by a list of links: one to this element's file, one to a present element's
        const text = topCharter(lang, { 1: `- [${TOP[lang][3]}](./verkostot.md#alku)\n- [${TOP[lang][1]}](rakenteet.md)` });
        const r = lint(text, lang);
        assert.deepEqual(brief(r.findings), ['element-missing structures-and-resources@17'], lang);
        assert.match(r.findings[0]!.reason, lang === 'fi' ? /linkittää sen tiedostoon `rakenteet\.md`.*siirrä teksti tähän/ : /links to `rakenteet\.md`.*move that text here/);
        assert.equal(r.findings[0]!.fix, undefined);
      }
    });
  });

  describe('a charter without a title whose elements are # headings (Word, pandoc)', () => {
    it('every # heading counts', () => {
      const text = topCharter('fi').replace('# Johtoryhmä\n\n', '').replace(/^## /gm, '# ');
      const r = lint(text);
      assert.deepEqual(brief(r.findings), []);
      assert.equal(r.charter.title, undefined);
      assert.equal(r.charter.occurrences.length, 4);
    });

    it('a first # heading that names no element stays the title; the # elements after it count', () => {
      const text = topCharter('fi').replace(/^## /gm, '# ');
      const r = lint(text);
      assert.deepEqual(brief(r.findings), []);
      assert.equal(r.charter.title?.text, 'Johtoryhmä');
    });

    it('a # title that names an element with more words, or resembles one, stays the title', () => {
      const text = topCharter('fi').replace('# Johtoryhmä', '# Johto oppimisen esimerkkinä meillä');
      const r = lint(text);
      assert.deepEqual(brief(r.findings), []);
      assert.equal(r.charter.title?.text, 'Johto oppimisen esimerkkinä meillä');
    });

    it('near misses among # headings are reported at their lines', () => {
      const text = topCharter('fi', { 0: '# Kulttuuri ja visio' }).replace('# Johtoryhmä\n\n', '').replace(/^## /gm, '# ');
      assert.deepEqual(brief(lint(text).findings), ['element-missing vision-and-culture@8']);
    });

    it('a # heading after a title that names nothing keeps the old meaning (no element heading at #)', () => {
      const text = topCharter('fi') + '\n# Liite\n\nYhteystiedot.\n';
      assert.deepEqual(brief(lint(text).findings), []);
    });
  });

  describe('heading-unrecognised', () => {
    it('names the closest missing element', () => {
      const text = topCharter('en', { 2: '## Leaders learn' });
      const r = lint(text, 'en');
      const f = r.findings.find((x) => x.ruleId === 'heading-unrecognised');
      assert.ok(f);
      assert.equal(f.place.start.line, 22);
      assert.match(f.reason, /^Heading `Leaders learn` names no element of tier `Top management`; the closest missing element is `Leadership as a learning role model`$/);
      assert.equal(r.findings.find((x) => x.ruleId === 'element-missing')?.place.start.line, 8, 'the missing element stays at the title');
    });

    it('not for headings that frame the document: introduction, background, appendix, approval, change log', () => {
      for (const [lang, heading] of [['fi', '## Tavoitteet ja mittarit'], ['en', '## Goals and indicators'], ['fi', '## Johdanto'], ['fi', '## Liitteet: yhteystiedot'], ['fi', '## Hyväksyntä'], ['en', '## Background'], ['en', '## Change log'], ['en', '## 5. Appendix'], ['fi', '## Tiivistelmä'], ['fi', '## Esipuhe'], ['fi', '## Sisällysluettelo'], ['en', '## Executive summary'], ['en', '## Table of contents'], ['en', '## Conclusions']] as [Lang, string][]) {
        const text = topCharter(lang) + `\n${heading}\n\nText.\n`;
        assert.deepEqual(brief(lint(text, lang).findings), [], heading);
      }
      assert.deepEqual(brief(lint(topCharter('fi') + '\n## Tiimihenki\n\nTekstiä.\n').findings), ['heading-unrecognised -@34']);
    });

    it('not for sub-headings, grouping headings, goal headings, tier headings or the title', () => {
      const text = topCharter('fi')
        .replace('# Johtoryhmä\n', '# Johtoryhmä\n\n## Ylin johto\n\nJohdon vastuut.\n')
        .replace(/^## (?!Ylin)/gm, '### ')
        .replace('- Tavoite: yksi asia vuodessa, seurataan neljännesvuosittain.\n', '#### Taustaa\n\nTekstiä.\n\n#### Mittarit\n\nYksi asia vuodessa.\n');
      assert.deepEqual(brief(lint(text).findings), []);
    });
  });

  describe('fixes never duplicate', () => {
    it('fi snapshot: a charter with every kind of near miss is repaired in place, one section per element', () => {
      const text = [
        '---', 'tier: top-management', 'owner: Aino Laine', 'next-review: 2027-06-01', '---', '',
        '# Johtoryhmä', '',
        '## 1. Kulttuuri ja visio', '', 'Oppiminen on strategiamme ydin.', '', '- Tavoite: strategia päivitetään vuosittain.', '',
        '**Rakenteet ja resursit**', '', 'Jokaisella on viisi päivää vuodessa oppimiseen.', '', '- Mittari: käytetyt päivät.', '',
        '### Esimerkillä johtaminen 🛡️', '', 'Johto kertoo omista opeistaan kuukausittain.', '', '- Seuranta: kerrat.', '',
      ].join('\n');
      const fixed = fixAll(text);
      const repaired = [
        '---', 'tier: top-management', 'owner: Aino Laine', 'next-review: 2027-06-01', '---', '',
        '# Johtoryhmä', '',
        '## 1. Kulttuuri ja visio {#vision-and-culture}', '', 'Oppiminen on strategiamme ydin.', '', '- Tavoite: strategia päivitetään vuosittain.', '',
        '## **Rakenteet ja resursit** {#structures-and-resources}', '', 'Jokaisella on viisi päivää vuodessa oppimiseen.', '', '- Mittari: käytetyt päivät.', '',
        '### Esimerkillä johtaminen 🛡️ {#leading-by-example}', '', 'Johto kertoo omista opeistaan kuukausittain.', '', '- Seuranta: kerrat.', '',
      ].join('\n');
      assert.equal(fixed.slice(0, repaired.length), repaired);
      // then the stub of the one element that was truly absent, and nothing else
      const rest = fixed.slice(repaired.length).replace(/^\n+/, '');
      assert.match(rest, /^## Ekosysteemiajattelu \{#ecosystem-thinking\}\n/);
      assert.equal(rest.match(/^#/gm)?.length, 1);
      // only the truly absent element got a stub (and it is a placeholder, an error: not green)
      const after = lint(fixed);
      assert.deepEqual(brief(after.findings.filter((f) => f.severity === 'error')), ['element-placeholder ecosystem-thinking@27']);
      for (const id of TOP_IDS) assert.equal(after.charter.occurrences.filter((o) => o.elementId === id).length, 1, id);
    });

    it('a fix that leaves its finding is not counted as fixed', () => {
      const text = topCharter('fi').replace('owner: Aino Laine\n', '');
      const before = lint(text).findings;
      assert.ok(before.some((f) => f.ruleId === 'owner-missing' && f.fix));
      const fixed = fixAll(text);
      assert.match(fixed, /^owner: "\[omistajan nimi\]"$/m, 'a placeholder to fill in, never an empty value');
      const after = lint(fixed).findings;
      assert.ok(after.some((f) => f.ruleId === 'owner-missing'), 'the finding stays');
      assert.equal(fixedCount(before, after), 0);
      // while a real repair counts
      const near = topCharter('fi', { 1: '## Rakenteet ja resursit' });
      assert.equal(fixedCount(lint(near).findings, lint(fixAll(near)).findings), 1);
    });

    it('property: fixing never increases the number of headings that name the same element', function () {
      this.timeout(120_000);
      const FORMS = [
        (n: string) => `## ${n}`,
        (n: string) => `## 1.${n.length % 9} ${n}`,
        (n: string) => `## ${n.split(' ').reverse().join(' ')}`,
        (n: string) => `## ${n.slice(0, -2)}${n.slice(-1)}`,
        (n: string) => `**${n}**`,
        (n: string) => `### 🔹 ${n} 🛡️`,
        (n: string) => `| ${n} | x |`,
        () => '## Liitteet',
        () => '',
      ];
      const headingsNaming = (text: string): Map<string, number> => {
        const c = lint(text).charter;
        const m = new Map<string, number>();
        for (const o of c.occurrences) m.set(o.elementId, (m.get(o.elementId) ?? 0) + 1);
        for (const n of c.nearMisses) if (n.kind !== 'table') m.set(n.elementId, (m.get(n.elementId) ?? 0) + 1);
        return m;
      };
      fc.assert(
        fc.property(
          fc.array(fc.record({ el: fc.integer({ min: 0, max: 3 }), form: fc.integer({ min: 0, max: FORMS.length - 1 }), lang: fc.constantFrom<Lang>('fi', 'en') }), { minLength: 0, maxLength: 7 }),
          (parts) => {
            const body = parts.map((p) => `${FORMS[p.form]!(TOP[p.lang][p.el]!)}\n\nTekstiä, jossa on sisältöä.\n\n- Tavoite: jotain mitattavaa.\n`).join('\n');
            const text = `---\ntier: top-management\nowner: A\nnext-review: 2027-01-01\n---\n\n# Otsikko\n\n${body}`;
            const before = headingsNaming(text);
            const after = headingsNaming(fixAll(text));
            for (const id of TOP_IDS) {
              const b = before.get(id) ?? 0;
              const a = after.get(id) ?? 0;
              assert.ok(a <= Math.max(b, 1), `${id}: ${b} → ${a}\n${text}`);
            }
          },
        ),
        { numRuns: 60 },
      );
    });
  });

  describe('never a silent pass: a frontmatter that looks like a charter', () => {
    const body = '\n# Esihenkilöt\n\n## Psykologinen turvallisuus\n\nTekstiä.\n';
    const CASES: [string, number, RegExp, string | undefined][] = [
      ['Tier: supervisors', 2, /kenttä `Tier` ei ole `tier`; tarkoititko `tier: supervisors`\?/, 'tier: supervisors'],
      ['taso: Esihenkilöt', 2, /kenttä `taso` ei ole `tier`; tarkoititko `tier: Esihenkilöt`\?/, 'tier: Esihenkilöt'],
      ['teir: esihenkilot', 2, /kenttä `teir` ei ole `tier`; tarkoititko `tier: esihenkilot`\?/, 'tier: esihenkilot'],
      ['tiers: []\nTasot: x', 0, /.*/, undefined],
      ['rooli: Keskijohto\nowner: Anna', 2, /otsaketiedoissa ei ole kenttää `tier:`; tarkoititko `tier: Keskijohto`\?/, 'tier: Keskijohto'],
    ];
    for (const [fm, line, message, fixLine] of CASES.filter((c) => c[1] > 0)) {
      it(`${fm.replace(/\n/g, ' / ')}: tier-missing at line ${line} with a suggestion and a fix`, () => {
        const text = `---\n${fm}\nnext-review: 2027-01-01\n---\n${body}`;
        const r = lint(text);
        assert.equal(r.charter.isCharter, true);
        const f = r.findings.filter((x) => x.ruleId === 'tier-missing');
        assert.equal(f.length, 1);
        assert.equal(f[0]!.place.start.line, line);
        assert.match(f[0]!.reason, message);
        const fixed = applyFixes(text, [f[0]!.fix!]).text;
        assert.ok(fixed.includes(`${fixLine}\n${fm}`), fixed);
        assert.deepEqual(lint(fixed).findings.filter((x) => x.ruleId === 'tier-missing'), []);
      });
    }

    it('the template\'s fields with element headings, but no tier: suggests the tier of the headings', () => {
      const text = '---\nowner: Anna\nnext-review: 2027-01-01\n---\n\n# Tiimi\n\n## Psykologinen turvallisuus\n\nx\n\n## Ketterän oppimisen fasilitointi\n\ny\n';
      const f = lint(text, 'en').findings.filter((x) => x.ruleId === 'tier-missing');
      assert.equal(f.length, 1);
      assert.match(f[0]!.reason, /did you mean `tier: supervisors`\?/);
    });

    it('a README, a note or a page with other frontmatter stays silent', () => {
      for (const text of [
        '# Käsikirja\n\n## Psykologinen turvallisuus\n\nTämä käsikirja kertoo…\n',
        '---\ntitle: Muistio\ndate: 2027-01-01\n---\n\n# Muistio\n\n## Esihenkilöt\n',
        '---\nowner: Anna\n---\n\n# Muistio\n\n## Psykologinen turvallisuus\n',
        '---\ntags: [johtaminen]\ntime: 10\ntitle: Esihenkilöt\n---\n\n# Esihenkilöt\n',
        '---\naudience: Esihenkilöt\n---\n\n# Koulutus\n',
        '---\ntitle: Esihenkilöt\nowner: HR\n---\n\n# Esihenkilöt\n',
      ]) {
        const r = lint(text);
        assert.equal(r.charter.isCharter, false, text);
        assert.deepEqual(r.findings, []);
      }
    });
  });

  describe('owners and dates', () => {
    it('ownersOf: one, a list, comma-separated; trimmed, NFC, no empties', () => {
      assert.deepEqual(ownersOf('Laura Nieminen'), ['Laura Nieminen']);
      assert.deepEqual(ownersOf(['Matti Virtanen', ' Anna  Laine ']), ['Matti Virtanen', 'Anna Laine']);
      assert.deepEqual(ownersOf('Matti Virtanen, Anna Laine,'), ['Matti Virtanen', 'Anna Laine']);
      assert.deepEqual(ownersOf('Ma\u0308kela\u0308'), ['Mäkelä']);
      assert.deepEqual(ownersOf(''), []);
      assert.deepEqual(ownersOf({ a: 1 }), []);
      assert.deepEqual(ownersOf(1234), ['1234']);
    });

    it('owner: [Matti Virtanen, Anna Laine] is no error and names both', () => {
      const r = lint(topCharter('fi').replace('owner: Aino Laine', 'owner: [Matti Virtanen, Anna Laine]'));
      assert.deepEqual(brief(r.findings), []);
      assert.equal(r.charter.owner, 'Matti Virtanen, Anna Laine');
      assert.equal(r.summary?.owner, 'Matti Virtanen, Anna Laine');
    });

    it('owner: TBD is a placeholder: owner-missing, without a fix', () => {
      const r = lint(topCharter('fi').replace('owner: Aino Laine', 'owner: TBD'));
      assert.deepEqual(brief(r.findings), ['owner-missing -@3']);
      assert.match(r.findings[0]!.reason, /^Peruskirjalla ei ole omistajaa: omistajan paikalla on vielä paikkamerkki/);
      assert.equal(r.findings[0]!.fix, undefined);
    });

    it('readDate: unambiguous forms to ISO, impossible dates named, ambiguous ones left alone', () => {
      assert.deepEqual(readDate('1.9.2027'), { iso: '2027-09-01' });
      assert.deepEqual(readDate('01.09.2027'), { iso: '2027-09-01' });
      assert.deepEqual(readDate('1.9.2027.'), { iso: '2027-09-01' });
      assert.deepEqual(readDate('2027/09/01'), { iso: '2027-09-01' });
      assert.deepEqual(readDate('2027-9-1'), { iso: '2027-09-01' });
      assert.deepEqual(readDate('25/12/2027'), { iso: '2027-12-25' });
      assert.equal(readDate('01/09/2027'), undefined, 'day or month first? ambiguous');
      assert.deepEqual(readDate('2027-02-30'), { impossible: { year: 2027, month: 2, day: 30 } });
      assert.deepEqual(readDate('31.4.2027'), { impossible: { year: 2027, month: 4, day: 31 } });
      assert.equal(readDate('ensi syksynä'), undefined);
    });

    it('next-review: 1.9.2027 gets a fix to 2027-09-01; 2027-02-30 says it is no real date', () => {
      const text = topCharter('fi').replace('next-review: 2027-06-01', 'next-review: 1.9.2027');
      const f = lint(text).findings;
      assert.deepEqual(brief(f), ['frontmatter-invalid -@4']);
      assert.equal(f[0]!.reason, 'Kentän `next-review` arvo on `1.9.2027`; päivämäärä kirjoitetaan muodossa `VVVV-KK-PP`: `2027-09-01`');
      assert.equal(fixAll(text), text.replace('1.9.2027', '2027-09-01'));
      const quoted = topCharter('en').replace('next-review: 2027-06-01', 'next-review: "2027/9/1"');
      assert.equal(fixAll(quoted, 'en'), quoted.replace('"2027/9/1"', '"2027-09-01"'));
      const bad = lint(topCharter('en').replace('next-review: 2027-06-01', 'next-review: 2027-02-30'), 'en').findings;
      assert.equal(bad[0]!.reason, 'Field `next-review`: `2027-02-30` is not a real date (February 2027 has no day 30)');
      assert.equal(bad[0]!.fix, undefined);
      const badFi = lint(topCharter('fi').replace('next-review: 2027-06-01', 'next-review: 2027-02-30')).findings;
      assert.equal(badFi[0]!.reason, 'Kenttä `next-review`: `2027-02-30` ei ole oikea päivämäärä (helmikuussa 2027 ei ole 30. päivää)');
    });
  });

  describe('fuzzy matching is bounded and linear', () => {
    it('boundedDistance agrees with the full edit distance within its bound', () => {
      const full = (a: string, b: string): number => {
        const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
        for (let j = 1; j <= b.length; j++) d[0]![j] = j;
        for (let i = 1; i <= a.length; i++)
          for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
        return d[a.length]![b.length]!;
      };
      fc.assert(
        fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 12 }), fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 12 }), fc.integer({ min: 0, max: 4 }), (a, b, k) => {
          assert.equal(boundedDistance(a, b, k), Math.min(full(a, b), k + 1));
        }),
        { numRuns: 500 },
      );
    });

    it('word and title resemblance', () => {
      assert.ok(sameWord('esimerkilla', 'esimerkkina'));
      assert.ok(sameWord('johtaminen', 'johto'));
      assert.ok(sameWord('resursit', 'resurssit'));
      assert.ok(!sameWord('visio', 'kulttuuri'));
      assert.ok(!sameWord('tiimi', 'tieto'));
      assert.equal(resemblance(headingKey('Kulttuuri ja visio'), headingKey('Visio ja kulttuuri')), 1);
      assert.ok(resemblance(headingKey('Liitteet'), headingKey('Visio ja kulttuuri')) < 0.34);
    });
  });
});

describe('found by the acceptance corpus (batch 2)', () => {
  it('a tier name or alias written with hyphens is that tier, in tier: and in a tier heading; an old name after a rename is not', () => {
    const parsed = parseConfig('framework:\n  tiers:\n    - id: supervisors\n      name: { fi: Tiiminvetäjät, en: Team leads }\n      aliases: [Line managers]\n    - id: top-management\n      name: { fi: Hallitus, en: Executive board }\n');
    assert.ok(parsed.ok);
    const lookup = new Linter(parsed.config, 'en').lookup;
    for (const v of ['team-leads', 'Team-Leads', 'team leads', 'line-managers', 'tiimin-vetäjät']) assert.equal(lookup.resolveTier(v)?.id, 'supervisors', v);
    assert.equal(lookup.tierOfHeading('Team-leads')?.id, 'supervisors');
    assert.equal(lookup.resolveTier('Top management'), undefined, 'the old name of a renamed tier stays unknown');
    assert.equal(lookup.resolveTier('top-management')?.id, 'top-management', 'its id stays');
  });

  it('a Word bookmark id ({#_Toc…}) is ignored; an id of the heading\'s own words still gets its warning', () => {
    const bookmark = lint(topCharter('fi', { 1: '## Rakenteet ja resurssit {#_Toc12345}' }));
    assert.deepEqual(brief(bookmark.findings), []);
    assert.ok(bookmark.charter.occurrences.some((o) => o.elementId === 'structures-and-resources' && !o.explicit));
    const slug = lint(topCharter('fi', { 0: '## Visio ja kulttuuri {#visio-ja-kulttuuri}' }));
    assert.deepEqual(brief(slug.findings), ['element-id-unknown vision-and-culture@10']);
  });

  it('Notes, Lisätietoja, Huomiot and Muistiinpanot frame a document', () => {
    const text = topCharter('fi') + '\n## Huomiot\n\nTeksti.\n\n## Muistiinpanot\n\nTeksti.\n\n## Notes on the 2027 budget\n\nText.\n';
    assert.deepEqual(brief(lint(text).findings), []);
  });
});

describe('an article item with a dash instead of the colon', () => {
  const mm = (line: string) =>
    ['---', 'tier: middle-management', 'owner: A', 'next-review: 2027-06-01', '---', '# Keskijohto', '', '🔹 **Tulkki strategian ja arjen välillä:** Tavoitteet tekemiseksi.', line, '', '- Tavoite: y.', ''].join('\n');
  const obstacles = (line: string) => lint(mm(line), 'en').findings.filter((f) => f.elementId === 'removing-obstacles' && f.ruleId === 'element-missing');

  it('is a near miss at its own line when the title is a missing element\'s exact name or alias, without a fix', () => {
    for (const line of ['🔹 Esteiden poistaminen – puramme siiloja.', '• **Esteiden poistaminen** — puramme siiloja.', '🔹 Esteiden purkaminen - puramme siiloja.']) {
      const [f] = obstacles(line);
      assert.equal(f?.place.start.line, 9, line);
      assert.match(f.reason, /has a dash after its title, and an item needs a colon there/);
      assert.equal(f.fix, undefined);
    }
    const fi = linters.fi.lintText('c.md', mm('🔹 Esteiden poistaminen – puramme siiloja.'), { today: TODAY }).findings.find((f) => f.elementId === 'removing-obstacles')!;
    assert.match(fi.reason, /otsikon perässä on ajatusviiva/);
  });

  it('not without the marker, nor for a title that only resembles a name: then reported at the title', () => {
    for (const line of ['Esteiden poistaminen – puramme siiloja.', '🔹 Esteiden poisto – puramme siiloja.', '🔹 Puramme esteitä – ja siiloja.']) {
      assert.equal(obstacles(line)[0]?.place.start.line, 6, line);
    }
  });

  it('with its colon it counts', () => {
    assert.deepEqual(obstacles('🔹 Esteiden poistaminen: puramme siiloja.'), []);
  });
});

describe('found by the acceptance corpus (batch 3)', () => {
  const sup = (body: string[], fm: string[] = ['tier: supervisors', 'owner: A', 'next-review: 2027-06-01']) =>
    ['---', ...fm, '---', '# Esihenkilöt', '', ...body, ''].join('\n');
  const all = (override: Record<number, string[]> = {}) =>
    ['Liiketoiminnallisista tavoitteista tiimien oppimis- ja kehittämissuunnitelmiksi', 'Yksilöiden vahvuuksien, kehitystarpeiden ja oppimissuunnitelmien fasilitointi', 'Ketterän oppimisen fasilitointi', 'Psykologinen turvallisuus'].flatMap((name, i) => [
      `## ${name}`,
      '',
      ...(override[i] ?? ['Sovimme yhdessä, miten tiimi oppii arjessa.', '', '- Tavoite: jokaisella on suunnitelma.']),
      '',
    ]);

  it('filler that says nothing yet is a placeholder; a sentence that contains it is content', () => {
    for (const filler of ['xx', 'Tulossa.', '(kirjoitetaan myöhemmin)', 'TODO: tulossa', 'Täydennetään myöhemmin.', 'To be confirmed.', 'WIP']) {
      const r = lint(sup(all({ 0: [filler] })));
      assert.deepEqual(brief(r.findings), ['element-placeholder team-learning-plans@8'], filler);
    }
    assert.deepEqual(brief(lint(sup(all({ 0: ['Suunnitelma on vielä kesken, mutta tiimi sopii tavoitteet myöhemmin keväällä.', '', '- Tavoite: x valmis.'] }))).findings), []);
    // a placeholder goal does not count
    assert.deepEqual(brief(lint(sup(all({ 0: ['Sovimme yhdessä.', '', '- Tavoite: Tulossa.'] }))).findings), ['goal-missing team-learning-plans@8']);
  });

  it('a goal label may carry a year or a parenthesis', () => {
    for (const goal of ['Mittari (2027): parivuorojen määrä.', 'Tavoite 2027: kaikilla suunnitelma.', '**Goal (Q3):** plans for all.']) {
      assert.deepEqual(brief(lint(sup(all({ 2: ['Kokeilemme.', '', goal] }))).findings), [], goal);
    }
    assert.deepEqual(brief(lint(sup(all({ 2: ['Kokeilemme.', '', 'Mittaristo (2027): x'] }))).findings), ['goal-missing agile-learning@20'], 'another word is no label');
  });

  it('a charter whose YAML is broken still counts for the tier its tier: line names', () => {
    for (const fm of [['tier: middle-management', 'owner:', '\t- Anna'], ['tier: middle-management', 'owner: A', 'owner: B'], ['tier: "keskijohto"', 'unit: "Tukipalvelut', 'owner: A'], ['tiers:', '  - middle-management', 'x: [']]) {
      const r = lint(sup(['Teksti.'], fm));
      assert.ok(r.findings.some((f) => f.ruleId === 'frontmatter-invalid'), fm.join(' / '));
      assert.deepEqual(r.summary?.tiers, ['middle-management'], fm.join(' / '));
      assert.deepEqual(linters.fi.lintHandbook([r.summary], 'charters.yaml').filter((f) => f.tier === 'middle-management'), []);
    }
  });

  it('an unclosed quote is reported on the line it opens, not at the end of the block', () => {
    const r = lint(sup(all(), ['tier: supervisors', 'unit: "Tukipalvelut', 'owner: A', 'next-review: 2027-06-01']));
    const f = r.findings.find((x) => x.ruleId === 'frontmatter-invalid')!;
    assert.equal(f.place.start.line, 3);
    const single = lint(sup(all(), ['tier: supervisors', "unit: 'Tuki''palvelut", 'owner: A']));
    assert.equal(single.findings.find((x) => x.ruleId === 'frontmatter-invalid')!.place.start.line, 3);
  });

  it('an unknown tier in a block list is reported on its own line', () => {
    const r = lint(sup(['Teksti.'], ['tiers:', '  - top-management', '  - supervisers', '  - midle-management', 'owner: A']));
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'tier-unknown').map((f) => f.place.start.line), [4, 5]);
  });
});

describe('found by the acceptance corpus (batches 4 and 5): lines Markdown does not read as headings, and more', () => {
  const at = (r: ReturnType<typeof lint>, id: string) => r.findings.filter((f) => f.ruleId === 'element-missing' && f.elementId === id).map((f) => f.place.start.line);

  it('`##Name` without a space: at its line, and the fix adds the space', () => {
    const text = topCharter('fi', { 3: '##Ekosysteemiajattelu' });
    const r = lint(text);
    assert.deepEqual(at(r, 'ecosystem-thinking'), [28]);
    const f = r.findings.find((x) => x.elementId === 'ecosystem-thinking')!;
    assert.match(f.reason, /välilyönti merkkien `##` jälkeen/);
    assert.match(fixAll(text), /^## Ekosysteemiajattelu$/m);
    assert.deepEqual(brief(lint(fixAll(text)).findings), []);
  });

  it('a heading indented into a code block, and a list item that is the name alone: at their lines, no fix', () => {
    const indented = lint(topCharter('fi', { 3: '    ## Ekosysteemiajattelu' }));
    assert.deepEqual(at(indented, 'ecosystem-thinking'), [28]);
    assert.match(indented.findings.find((x) => x.elementId === 'ecosystem-thinking')!.reason, /sisennetty/);
    const listed = lint(topCharter('fi', { 3: '1. Ekosysteemiajattelu' }));
    assert.deepEqual(at(listed, 'ecosystem-thinking'), [28]);
    assert.equal(listed.findings.find((x) => x.elementId === 'ecosystem-thinking')!.fix, undefined);
  });

  it('a heading that names two elements counts for the first and reports the second there', () => {
    const r = lint(topCharter('fi', { 2: '## Johto oppimisen esimerkkinä ja ekosysteemiajattelu', 3: '## Liitteet' }));
    assert.deepEqual(at(r, 'ecosystem-thinking'), [22]);
    assert.ok(r.charter.occurrences.some((o) => o.elementId === 'leading-by-example'));
  });

  it('a question heading with every word of the name is a near miss, not unrecognised', () => {
    const r = lint(topCharter('en', { 3: '## How do we think in ecosystems?' }), 'en');
    assert.deepEqual(at(r, 'ecosystem-thinking'), [28]);
    assert.ok(!r.findings.some((f) => f.ruleId === 'heading-unrecognised'));
    const fi = lint(topCharter('fi', { 1: '## Miten varmistamme rakenteet ja resurssit?' }));
    assert.deepEqual(at(fi, 'structures-and-resources'), [16]);
  });

  it('a multi-tier charter\'s element at the tier level: at its own line; the fix makes it one level deeper', () => {
    const text = ['---', 'tiers: [top-management, supervisors]', 'owner: A', 'next-review: 2027-06-01', '---', '# Yksikkö', '', '## Ylin johto', '',
      ...topCharter('fi').split('\n').slice(9).map((l) => l.replace(/^## /, '### ')),
      '## Esihenkilöt', '',
      ...['Liiketoiminnallisista tavoitteista tiimien oppimis- ja kehittämissuunnitelmiksi', 'Yksilöiden vahvuuksien, kehitystarpeiden ja oppimissuunnitelmien fasilitointi', 'Ketterän oppimisen fasilitointi'].flatMap((n) => [`### ${n}`, '', 'Teksti.', '', '- Tavoite: x.', '']),
      '## Psykologinen turvallisuus', '', 'Teksti.', '', '- Tavoite: x.', ''].join('\n');
    const r = lint(text);
    const line = text.split('\n').indexOf('## Psykologinen turvallisuus') + 1;
    assert.deepEqual(at(r, 'psychological-safety'), [line]);
    assert.match(fixAll(text), /^### Psykologinen turvallisuus$/m);
  });

  it('two to four goal labels together make a goal heading or line', () => {
    for (const goal of ['### Tavoitteet ja mittarit', '**Goals & measures:**', '### Mittarit, seuranta']) {
      assert.deepEqual(brief(lint(topCharter('fi', { 0: `## Visio ja kulttuuri\n\nKerromme visiosta.\n\n${goal}\n\n- kaksi hanketta vuodessa\n` })).findings), [], goal);
    }
  });

  it('the template\'s owner prompt that YAML read as a list names nobody', () => {
    const text = topCharter('fi').replace('owner: Aino Laine', 'owner: [omistajan nimi]');
    assert.deepEqual(brief(lint(text).findings), ['owner-missing -@3']);
    assert.deepEqual(brief(lint(topCharter('fi').replace('owner: Aino Laine', 'owner: [Aino Laine, TBD]')).findings), [], 'one real owner is an owner');
  });
});

describe('found by the acceptance corpus (batches 6 and 7)', () => {
  const missingAt = (r: ReturnType<typeof lint>, id: string) => r.findings.filter((f) => f.ruleId === 'element-missing' && f.elementId === id).map((f) => f.place.start.line);

  it('a long name with its compounds apart or hyphenated, then more words, counts', () => {
    for (const h of ['## Ekosysteemi-ajattelu ja kumppanit', '## Ekosysteemi ajattelu ja kumppanit', '## Ekosysteemi-ajattelu kumppaneineen']) {
      assert.deepEqual(brief(lint(topCharter('fi', { 3: h })).findings), [], h);
    }
  });

  it('a sub-heading inside an element names it again, or names an element defined elsewhere: no duplicate', () => {
    const own = topCharter('fi', { 1: '## Rakenteet ja resurssit\n\nAika ja budjetti.\n\n- Tavoite: x.\n\n### Rakenteet ja resurssit käytännössä' });
    assert.deepEqual(brief(lint(own).findings), []);
    const other = topCharter('fi', { 1: '## Rakenteet ja resurssit\n\nAika ja budjetti.\n\n- Tavoite: x.\n\n### Ekosysteemiajattelu budjetissa' });
    assert.deepEqual(brief(lint(other).findings), [], 'ecosystem-thinking is defined by its own heading below');
  });

  it('an element nested by mistake inside another still counts when nothing else defines it', () => {
    const text = topCharter('fi', { 2: '### Johto oppimisen esimerkkinä' });
    const r = lint(text);
    assert.ok(r.charter.occurrences.some((o) => o.elementId === 'leading-by-example'));
    assert.ok(!r.findings.some((f) => f.ruleId === 'element-missing'));
  });

  it('a heading whose {#id} names no element is still a near miss at its line, without a fix', () => {
    const typo = lint(topCharter('fi', { 3: '## Verkostot {#ecosystem-thinkng}' }));
    assert.deepEqual(missingAt(typo, 'ecosystem-thinking'), [28]);
    const f = typo.findings.find((x) => x.ruleId === 'element-missing')!;
    assert.equal(f.fix, undefined);
    assert.match(f.reason, /\{#ecosystem-thinking\}/);
    assert.ok(typo.findings.some((x) => x.ruleId === 'element-id-unknown'));
    const words = lint(topCharter('fi', { 3: '## Ekosysteemiajatelu {#verkostot}' }));
    assert.deepEqual(missingAt(words, 'ecosystem-thinking'), [28]);
    const nothing = lint(topCharter('fi', { 3: '## Verkostot {#partners}' }));
    assert.deepEqual(missingAt(nothing, 'ecosystem-thinking'), [8], 'neither words nor id: at the title');
  });

  it('a tier\'s own name wins over another tier\'s alias', () => {
    const parsed = parseConfig('framework:\n  tiers:\n    - id: team-leads\n      name: { fi: Tiiminvetäjät, en: Team leads }\n      role: { fi: Vetäjät, en: Leads }\n      elements:\n        - id: daily-learning\n          name: { fi: Päivittäinen oppiminen, en: Daily learning }\n');
    assert.ok(parsed.ok);
    const lookup = new Linter(parsed.config, 'en').lookup;
    assert.equal(lookup.resolveTier('Team leads')?.id, 'team-leads');
    assert.equal(lookup.resolveTier('supervisors')?.id, 'supervisors');
  });

  it('a charter only through include, without frontmatter, misses its required fields too', () => {
    const parsed = parseConfig('include: ["*.md"]\nframework:\n  required-fields: [owner, next-review, reviewed]\n');
    assert.ok(parsed.ok);
    const r = new Linter(parsed.config, 'en').lintText('memo.md', '# Esihenkilöt\n\nTeksti.\n', { today: TODAY, forceCharter: true });
    assert.ok(r.findings.some((f) => f.ruleId === 'frontmatter-invalid' && /reviewed/.test(f.reason) && f.place.start.line === 1), JSON.stringify(r.findings.map((f) => f.reason)));
  });
});

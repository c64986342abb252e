/**
 * Every rule against its fixtures (test/fixtures/rules/<rule-id>/ok.md and not-ok.md, see the
 * README there for the `expect:` grammar), plus what the fixtures cannot show: the shape of a
 * finding, severities from the configuration and the language of the messages.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig, parseConfig, type ResolvedConfig } from '../../../src/core/config';
import { Linter } from '../../../src/core/lint';
import { RULES } from '../../../src/core/rules/index';
import type { Finding, Lang } from '../../../src/core/types';
import { TODAY, repoRoot } from '../../helpers/paths';

const CONFIG_FILE = 'charters.yaml';
const FIXTURES = join(repoRoot(), 'test/fixtures/rules');

// ---------------------------------------------------------------------------------------------
// Fixture expectations

interface Expectation {
  ruleId: string;
  elementId: string | undefined;
  tier: string | undefined;
  line: number;
}

const EXPECT_LINE = /^\s*(?:<!--)?\s*expect:\s*(.*?)\s*(?:-->)?\s*$/;
const EXPECT_BODY = /^([a-z][a-z0-9-]*) (-|[a-z0-9][a-z0-9-]*) (-|[a-z0-9][a-z0-9-]*) line ([1-9][0-9]*)$/;

/** The `expect:` lines of a fixture; throws on a malformed or misplaced one. */
function readExpectations(text: string, file: string): Expectation[] {
  const lines = text.split(/\r?\n/);
  // Skip the frontmatter, then read the comments before the first heading.
  let i = 0;
  if (lines[0] === '---') {
    i = lines.indexOf('---', 1) + 1;
    if (i === 0) i = 1; // unclosed: read from line 2
  }
  const out: Expectation[] = [];
  let inComment = false;
  let top = true;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (top && !inComment && /^#{1,6}\s/.test(line)) top = false;
    if (top && /<!--/.test(line) && !/-->/.test(line.slice(line.indexOf('<!--')))) inComment = true;
    const m = EXPECT_LINE.exec(line);
    if (m) {
      if (!top) throw new Error(`${file}:${i + 1}: \`expect:\` below the first heading; move it to the top`);
      if (!inComment && !line.includes('<!--')) throw new Error(`${file}:${i + 1}: \`expect:\` outside an HTML comment`);
      const b = EXPECT_BODY.exec(m[1]!);
      if (!b) throw new Error(`${file}:${i + 1}: malformed expectation "${m[1]}"; want "expect: <rule-id> <element-id|-> <tier|-> line <n>"`);
      out.push({ ruleId: b[1]!, elementId: b[2] === '-' ? undefined : b[2], tier: b[3] === '-' ? undefined : b[3], line: Number(b[4]) });
    } else if (/\bexpect\s*:/.test(line)) {
      throw new Error(`${file}:${i + 1}: \`expect:\` must start its line`);
    }
    if (inComment && /-->/.test(line)) inComment = false;
  }
  return out;
}

function show(e: { ruleId: string; elementId?: string | undefined; tier?: string | undefined; line: number }): string {
  return `${e.ruleId} ${e.elementId ?? '-'} ${e.tier ?? '-'} line ${e.line}`;
}

function asExpectation(f: Finding): string {
  return show({ ruleId: f.ruleId, elementId: f.elementId, tier: f.tier, line: f.place.start.line });
}

/** Every finding a fixture gives: its charter's, and for a handbook rule the handbook's too. */
function lintFixture(linter: Linter, file: string, text: string, handbook = true): Finding[] {
  const r = linter.lintText(file, text, { today: TODAY });
  const more = handbook && r.summary ? linter.lintHandbook([r.summary], CONFIG_FILE) : [];
  return [...r.findings, ...more];
}

function readFixture(ruleId: string, name: 'ok' | 'not-ok'): { file: string; text: string } {
  const file = `${ruleId}/${name}.md`;
  return { file, text: readFileSync(join(FIXTURES, file), 'utf8') };
}

// ---------------------------------------------------------------------------------------------

describe('rules', () => {
  const linter = new Linter(defaultConfig(), 'en');

  describe('fixture expectations', () => {
    it('reads one expectation per line, `-` for none, in shared or separate comments', () => {
      const text = [
        '---',
        'tier: supervisors',
        '---',
        '<!--',
        'free prose',
        'expect: element-missing agile-learning supervisors line 7',
        'expect: frontmatter-invalid - - line 2',
        '-->',
        '<!-- expect: owner-missing - supervisors line 1 -->',
        '# Title',
      ].join('\n');
      assert.deepEqual(readExpectations(text, 'x.md').map(show), [
        'element-missing agile-learning supervisors line 7',
        'frontmatter-invalid - - line 2',
        'owner-missing - supervisors line 1',
      ]);
    });

    it('rejects malformed, misplaced and commentless expectations', () => {
      assert.throws(() => readExpectations('<!-- expect: element-missing supervisors line 7 -->\n', 'x.md'), /malformed/);
      assert.throws(() => readExpectations('<!-- expect: element-missing a b line x -->\n', 'x.md'), /malformed/);
      assert.throws(() => readExpectations('# Title\n\n<!-- expect: owner-missing - - line 1 -->\n', 'x.md'), /below the first heading/);
      assert.throws(() => readExpectations('expect: owner-missing - - line 1\n', 'x.md'), /outside an HTML comment/);
      assert.throws(() => readExpectations('<!-- we expect: owner-missing - - line 1 -->\n', 'x.md'), /start its line/);
    });
  });

  it('every rule has a fixture folder and every fixture folder names a rule', () => {
    const folders = readdirSync(FIXTURES, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    assert.deepEqual(folders, RULES.map((r) => r.meta.id).sort());
  });

  for (const rule of RULES) {
    const id = rule.meta.id;
    describe(id, () => {
      it('accepts ok.md', () => {
        const { file, text } = readFixture(id, 'ok');
        assert.deepEqual(readExpectations(text, file), [], 'ok.md carries no expectations');
        const findings = lintFixture(linter, file, text);
        assert.ok(linter.lintText(file, text, { today: TODAY }).charter.isCharter, 'ok.md is a charter');
        assert.deepEqual(findings.filter((f) => f.ruleId === id).map(asExpectation), []);
      });

      it('reports exactly the findings listed in not-ok.md', () => {
        const { file, text } = readFixture(id, 'not-ok');
        const expected = readExpectations(text, file);
        assert.ok(expected.length > 0, 'not-ok.md lists at least one expected finding');
        for (const e of expected) assert.equal(e.ruleId, id, `${file} expects only ${id} findings`);
        const findings = lintFixture(linter, file, text).filter((f) => f.ruleId === id);
        assert.deepEqual(findings.map(asExpectation).sort(), expected.map(show).sort());
        for (const f of findings) {
          assert.equal(f.file, rule.meta.scope === 'handbook' ? CONFIG_FILE : file);
          assert.equal(f.severity, rule.meta.defaultSeverity);
          assert.equal(f.ruleName, id);
          assert.equal(f.source, 'charters');
          assert.ok(f.url.endsWith(`/${id}.md`), f.url);
          assert.ok(f.reason.length > 0 && !/\{\w+\}/.test(f.reason), `a finished message: ${f.reason}`);
          if (f.fix) assert.ok(rule.meta.fixable, 'only fixable rules carry fixes');
        }
      });
    });
  }

  it('the ok fixtures are complete charters with no finding of any charter rule', () => {
    for (const rule of RULES) {
      const { file, text } = readFixture(rule.meta.id, 'ok');
      assert.deepEqual(lintFixture(linter, file, text, false).map(asExpectation), [], file);
    }
  });

  describe('findings about elements and tiers', () => {
    const ELEMENT_RULES = ['element-missing', 'element-empty', 'element-placeholder', 'element-duplicate', 'goal-missing'];
    const TIER_RULES = ['tier-without-charter', 'owner-missing', 'review-missing', 'review-overdue'];

    it('carry elementId and tier, and the element belongs to the tier', () => {
      let elementFindings = 0;
      let tierFindings = 0;
      for (const rule of RULES) {
        const { file, text } = readFixture(rule.meta.id, 'not-ok');
        for (const f of lintFixture(linter, file, text)) {
          if (ELEMENT_RULES.includes(f.ruleId)) {
            elementFindings++;
            assert.ok(f.elementId, `${file}: ${asExpectation(f)} has an elementId`);
            assert.ok(f.tier, `${file}: ${asExpectation(f)} has a tier`);
            assert.equal(linter.lookup.element(f.elementId)?.tier, f.tier, `${f.elementId} belongs to ${f.tier}`);
            const el = linter.lookup.element(f.elementId)!;
            assert.ok(f.reason.includes(`\`${el.name.en}\``), `the message names the element by its name: ${f.reason}`);
            assert.ok(!f.reason.includes(`\`${f.elementId}\``), `ids only in metadata: ${f.reason}`);
          }
          // tier-missing about a listed tier without a section names it; "names no tier" cannot
          const noTier = f.ruleId === 'tier-missing' && f.reason.startsWith('Charter names no tier');
          if (TIER_RULES.includes(f.ruleId) || (f.ruleId === 'tier-missing' && !noTier)) {
            tierFindings++;
            assert.ok(f.tier && linter.lookup.tier(f.tier), `${file}: ${asExpectation(f)} has a known tier`);
          }
          if (f.elementId !== undefined) assert.ok(f.tier, `${asExpectation(f)}: an element finding names its tier`);
        }
      }
      assert.ok(elementFindings >= 10 && tierFindings >= 5, `checked ${elementFindings} element and ${tierFindings} tier findings`);
    });

    it('a multi-tier charter reports each missing element under its own tier', () => {
      const text = readFixture('tier-without-charter', 'ok').text
        .replace(/^🔹 Rakenteet ja resurssit:.*\n.*\n/m, '')
        .replace(/^🔹 Psykologinen turvallisuus:.*\n.*\n/m, '');
      const r = linter.lintText('all.md', text, { today: TODAY });
      const missing = r.findings.filter((f) => f.ruleId === 'element-missing');
      // placed on the heading of the tier's own section
      const lines = text.split('\n');
      const top = lines.findIndex((l) => l.startsWith('## Ylin johto')) + 1;
      const sup = lines.findIndex((l) => l.startsWith('## Esihenkilöt')) + 1;
      assert.ok(top > 0 && sup > top);
      assert.deepEqual(missing.map(asExpectation), [
        `element-missing structures-and-resources top-management line ${top}`,
        `element-missing psychological-safety supervisors line ${sup}`,
      ]);
    });
  });

  describe('cases beside the fixtures', () => {
    function findings(text: string, config: ResolvedConfig = defaultConfig(), lang: Lang = 'en'): string[] {
      return new Linter(config, lang).lintText('c.md', text, { today: TODAY }).findings.map(asExpectation);
    }

    it('frontmatter-invalid: broken YAML is reported once, at its line and column', () => {
      const text = '---\ntier: supervisors\nowner: [Maija\nnext-review: 2027-01-01\n---\n\n# Esihenkilöt\n';
      const r = new Linter(defaultConfig(), 'en').lintText('c.md', text, { today: TODAY });
      const f = r.findings.filter((x) => x.ruleId === 'frontmatter-invalid');
      assert.equal(f.length, 1);
      assert.ok(f[0]!.place.start.line >= 3 && f[0]!.place.start.line <= 4, `line ${f[0]!.place.start.line}`);
      assert.match(f[0]!.reason, /^Frontmatter \(the block between the `---` lines at the top\) is not valid YAML: /);
      // nothing is said about owner or review while the frontmatter cannot be read
      assert.deepEqual(r.findings.filter((x) => ['owner-missing', 'review-missing', 'tier-missing'].includes(x.ruleId)), []);
    });

    it('frontmatter-invalid: an unclosed frontmatter is reported on line 1', () => {
      const text = '---\ntier: supervisors\nowner: Maija\n\n# Esihenkilöt\n\nTekstiä.\n';
      const r = new Linter(defaultConfig(), 'en').lintText('c.md', text, { today: TODAY });
      const f = r.findings.filter((x) => x.ruleId === 'frontmatter-invalid');
      assert.deepEqual(f.map(asExpectation), ['frontmatter-invalid - - line 1']);
      assert.equal(f[0]!.reason, 'Frontmatter starts with `---` but has no closing `---`');
      // the fields cannot be read, so they are not reported missing
      assert.deepEqual(r.findings.filter((x) => ['owner-missing', 'review-missing'].includes(x.ruleId)), []);
    });

    it('frontmatter-invalid: a configured required field that is missing', () => {
      const parsed = parseConfig('framework:\n  required-fields: [owner, next-review, unit]\n');
      assert.ok(parsed.ok);
      const text = readFixture('owner-missing', 'ok').text;
      assert.deepEqual(findings(text, parsed.config), ['frontmatter-invalid - - line 1']);
      assert.deepEqual(findings(text), []);
    });

    it('an explicit required-fields makes a missing owner and review date errors, unless rules: says otherwise', () => {
      const text = '---\ntier: supervisors\n---\n\n# Esihenkilöt\n';
      const severities = (yaml: string | undefined) => {
        const config = yaml === undefined ? defaultConfig() : (() => { const p = parseConfig(yaml); assert.ok(p.ok); return p.config; })();
        const r = new Linter(config, 'en').lintText('c.md', text, { today: TODAY });
        return r.findings.filter((x) => ['owner-missing', 'review-missing', 'frontmatter-invalid'].includes(x.ruleId)).map((x) => `${x.ruleId} ${x.severity}`).sort();
      };
      // the built-in list: the rules' own defaults
      assert.deepEqual(severities(undefined), ['owner-missing warning', 'review-missing note']);
      assert.deepEqual(severities('language: en\n'), ['owner-missing warning', 'review-missing note']);
      // the handbook says they are required: errors
      assert.deepEqual(severities('framework:\n  required-fields: [owner, next-review, unit]\n'), ['frontmatter-invalid error', 'owner-missing error', 'review-missing error']);
      assert.deepEqual(severities('framework:\n  required-fields: [owner]\n'), ['owner-missing error']);
      // rules: wins over the list
      assert.deepEqual(severities('framework:\n  required-fields: [owner, next-review]\nrules:\n  review-missing: warning\n'), ['owner-missing error', 'review-missing warning']);
      const p = parseConfig('framework:\n  required-fields: [owner]\n');
      assert.ok(p.ok);
      assert.equal(new Linter(p.config, 'en').rules.find((r) => r.id === 'owner-missing')!.severity, 'error', 'SARIF and `charters rules` see the same severity');
    });

    it('tier-missing: an empty `tier:` in a charter', () => {
      const text = '---\ntier:\nowner: Maija\nnext-review: 2027-01-01\n---\n\n# Peruskirja\n';
      assert.deepEqual(findings(text), ['tier-missing - - line 2']);
    });

    it('review-overdue: says how many days ago the review was due', () => {
      const r = new Linter(defaultConfig(), 'en').lintText('c.md', readFixture('review-overdue', 'not-ok').text, { today: TODAY });
      const f = r.findings.find((x) => x.ruleId === 'review-overdue')!;
      assert.match(f.reason, /^Review was due on `2026-11-26` \(1 days? ago\)$/);
      assert.equal(f.actual, '2026-11-26');
      const later = (lang: Lang) =>
        new Linter(defaultConfig(), lang).lintText('c.md', readFixture('review-overdue', 'not-ok').text, { today: '2027-02-24' }).findings.find((x) => x.ruleId === 'review-overdue')!.reason;
      assert.equal(later('en'), 'Review was due on `2026-11-26` (90 days ago)');
      assert.equal(later('fi'), 'Katselmointi erääntyi `2026-11-26` (90 päivää sitten)');
    });

    it('tier-without-charter: one finding per uncovered tier, none when summaries cover every tier', () => {
      const summary = (tiers: string[]) => ({ file: 'x.md', tiers, unit: undefined, owner: undefined, nextReview: undefined, lang: 'fi' as const, title: undefined, elements: [] });
      assert.deepEqual(
        linter.lintHandbook([summary(['supervisors']), summary(['supervisors'])], CONFIG_FILE).map(asExpectation),
        ['tier-without-charter - top-management line 1', 'tier-without-charter - middle-management line 1'],
      );
      assert.deepEqual(linter.lintHandbook([summary(['top-management', 'middle-management']), summary(['supervisors'])], CONFIG_FILE), []);
      const all = linter.lintHandbook([], '');
      assert.equal(all.length, 3);
      assert.ok(all.every((f) => f.file === ''));
    });
  });

  describe('configured severities', () => {
    const goalText = readFixture('goal-missing', 'not-ok').text;

    function lintWith(rules: ResolvedConfig['rules'], text = goalText): Finding[] {
      return new Linter({ ...defaultConfig(), rules }, 'en').lintText('c.md', text, { today: TODAY }).findings;
    }

    it('`off` drops the rule and leaves the others alone', () => {
      const before = lintWith({});
      assert.ok(before.some((f) => f.ruleId === 'goal-missing'));
      const after = lintWith({ 'goal-missing': 'off' });
      assert.deepEqual(after.filter((f) => f.ruleId === 'goal-missing'), []);
      assert.deepEqual(after, before.filter((f) => f.ruleId !== 'goal-missing'));
    });

    it('`error` raises a warning and `note` lowers an error', () => {
      const raised = lintWith({ 'goal-missing': 'error' }).filter((f) => f.ruleId === 'goal-missing');
      assert.equal(raised.length, 2);
      assert.ok(raised.every((f) => f.severity === 'error'));
      const missingText = readFixture('element-missing', 'not-ok').text;
      assert.ok(lintWith({}, missingText).filter((f) => f.ruleId === 'element-missing').every((f) => f.severity === 'error'));
      const lowered = lintWith({ 'element-missing': 'note' }, missingText).filter((f) => f.ruleId === 'element-missing');
      assert.equal(lowered.length, 2);
      assert.ok(lowered.every((f) => f.severity === 'note'));
    });

    it('handbook rules obey the configuration too', () => {
      const l = new Linter({ ...defaultConfig(), rules: { 'tier-without-charter': 'warning' } }, 'en');
      assert.ok(l.lintHandbook([], CONFIG_FILE).every((f) => f.severity === 'warning'));
      const off = new Linter({ ...defaultConfig(), rules: { 'tier-without-charter': 'off' } }, 'en');
      assert.deepEqual(off.lintHandbook([], CONFIG_FILE), []);
    });

    it('severities read from charters.yaml', () => {
      const parsed = parseConfig('rules:\n  goal-missing: error\n  element-missing: off\n');
      assert.ok(parsed.ok);
      const l = new Linter(parsed.config, 'en');
      const f = l.lintText('c.md', readFixture('element-missing', 'not-ok').text, { today: TODAY }).findings;
      assert.deepEqual(f.filter((x) => x.ruleId === 'element-missing'), []);
      const g = l.lintText('c.md', goalText, { today: TODAY }).findings.filter((x) => x.ruleId === 'goal-missing');
      assert.deepEqual(g.map((x) => x.severity), ['error', 'error']);
    });
  });

  describe('message language', () => {
    const text = readFixture('element-missing', 'not-ok').text;

    it('`language: fi` in charters.yaml gives Finnish messages and fixes', () => {
      const parsed = parseConfig('language: fi\n');
      assert.ok(parsed.ok);
      const found = new Linter(parsed.config).lintText('c.md', text, { today: TODAY }).findings;
      const f = found.find((x) => x.elementId === 'individual-development')!;
      assert.equal(f.reason, 'Puuttuu osa-alue `Yksilöiden vahvuuksien, kehitystarpeiden ja oppimissuunnitelmien fasilitointi`, jota johtotaso `Esihenkilöt` edellyttää');
      assert.equal(f.fix?.description, 'Lisää osa-alue `Yksilöiden vahvuuksien, kehitystarpeiden ja oppimissuunnitelmien fasilitointi`');
      const near = found.find((x) => x.elementId === 'psychological-safety')!;
      assert.equal(
        near.reason,
        'Puuttuu johtotason `Esihenkilöt` osa-alue `Psykologinen turvallisuus`: tarkoititko otsikolla `Psykologinen ilmapiiri` osa-aluetta `Psykologinen turvallisuus`? Korjaa otsikko tai anna korjauksen merkitä se tähän osa-alueeseen',
      );
      assert.equal(near.fix?.description, 'Merkitse otsikko `Psykologinen ilmapiiri` osa-alueeksi `Psykologinen turvallisuus`');
      assert.equal(f.expected, 'Yksilöiden vahvuuksien, kehitystarpeiden ja oppimissuunnitelmien fasilitointi');
    });

    it('`language: en` gives English messages, whatever language the charter is written in', () => {
      const parsed = parseConfig('language: en\n');
      assert.ok(parsed.ok);
      const f = new Linter(parsed.config).lintText('c.md', text, { today: TODAY }).findings.find((x) => x.elementId === 'individual-development')!;
      assert.equal(f.reason, 'Missing element `Facilitating individual strengths, development needs and learning plans` required for tier `Supervisors`');
      // the charter is written in Finnish: the Finnish section is inserted, the fix's title is English
      assert.equal(f.fix?.description, 'Insert element `Yksilöiden vahvuuksien, kehitystarpeiden ja oppimissuunnitelmien fasilitointi`');
    });

    it('the stub a fix inserts follows the charter\'s own `lang`; the message and the fix\'s title the configured language', () => {
      const fiCharter = text.replace('tier: supervisors\n', 'tier: supervisors\nlang: fi\n').replace('## Psykologinen ilmapiiri', '## Liitteet');
      const f = new Linter(defaultConfig(), 'en').lintText('c.md', fiCharter, { today: TODAY }).findings.find((x) => x.elementId === 'psychological-safety')!;
      assert.match(f.reason, /^Missing element `Psychological safety`/);
      assert.equal(f.fix?.description, 'Insert element `Psykologinen turvallisuus`', 'the UI\'s language, naming what is inserted');
      assert.match(f.fix.edits[0]!.text, /## Psykologinen turvallisuus \{#psychological-safety\}/);
      assert.match(f.fix.edits[0]!.text, /- Tavoite: _\[kirjoita tähän\]_/);
    });

    it('every rule has a title in both languages and its message differs between them', () => {
      for (const rule of RULES) {
        assert.ok(rule.meta.title.fi && rule.meta.title.en && rule.meta.title.fi !== rule.meta.title.en, rule.meta.id);
        const { file, text: t } = readFixture(rule.meta.id, 'not-ok');
        const en = lintFixture(new Linter(defaultConfig(), 'en'), file, t).filter((f) => f.ruleId === rule.meta.id);
        const fi = lintFixture(new Linter(defaultConfig(), 'fi'), file, t).filter((f) => f.ruleId === rule.meta.id);
        assert.equal(fi.length, en.length);
        fi.forEach((f, i) => assert.notEqual(f.reason, en[i]!.reason, `${rule.meta.id} is translated`));
      }
    });
  });
});

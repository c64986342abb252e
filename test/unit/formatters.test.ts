import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as sarif from 'sarif';
import type { Finding, Place, RuleMeta, RunResult, RunRule, SeveritySetting } from '../../src/core/types';
import { FORMATTERS } from '../../src/cli/formatters';
import type { FormatOptions } from '../../src/cli/formatters';

function place(line: number, column: number, endLine: number, endColumn: number): Place {
  return {
    start: { line, column, offset: 0 },
    end: { line: endLine, column: endColumn, offset: 0 },
  };
}

function rule(id: string, severity: RuleMeta['defaultSeverity'], scope: RuleMeta['scope'] = 'charter', configured: SeveritySetting = severity): RunRule {
  return {
    id,
    name: id,
    defaultSeverity: severity,
    severity: configured,
    scope,
    fixable: id === 'element-missing',
    title: { en: `Rule ${id}`, fi: `Sääntö ${id}` },
    url: `https://github.com/leadership-charters/charters/blob/main/docs/rules/${id}.md`,
  };
}

const RULES = [rule('element-missing', 'error'), rule('goal-missing', 'warning'), rule('review-due', 'note'), rule('owner-duplicate', 'warning', 'handbook')];

function finding(ruleId: string, severity: Finding['severity'], file: string, at: Place, reason: string): Finding {
  return { ruleId, ruleName: ruleId, source: 'charters', reason, severity, file, place: at, url: `https://example.test/${ruleId}` };
}

function fixture(): RunResult {
  return {
    findings: [
      finding('owner-duplicate', 'warning', '', place(1, 1, 1, 1), 'Two charters name the same owner `Maija`'),
      {
        ...finding('element-missing', 'error', 'units/myynti ja markkinointi.md', place(3, 1, 3, 12), 'Element `Psychological safety` is missing'),
        elementId: 'psychological-safety',
        tier: 'supervisors',
        expected: 'Psychological safety',
        fix: { description: 'Insert element', edits: [{ start: 10, end: 10, text: '## Psychological safety\n' }] },
      },
      finding('goal-missing', 'warning', 'units/myynti ja markkinointi.md', place(12, 4, 12, 30), 'No goal under `Feedback`.'),
      finding('review-due', 'note', 'units/sales.md', place(2, 14, 2, 24), 'Review is due on `2024-01-01`'),
    ],
    charters: ['units/myynti ja markkinointi.md', 'units/sales.md', 'units/hr.md'],
    ignored: ['README.md'],
    skipped: [{ file: 'units/logo.md', reason: 'Not UTF-8 text' }],
    rules: RULES,
  };
}

const OPTIONS: FormatOptions = { color: false, lang: 'en', toolVersion: '0.1.0' };
const ESC = '\x1b[';

describe('formatters', () => {
  describe('json', () => {
    it('emits the documented shape with keys in order', () => {
      const text = FORMATTERS.json(fixture(), OPTIONS);
      assert.ok(text.endsWith('}\n'));
      assert.ok(text.includes('\n  "version": 1,'), 'pretty-printed with two spaces');
      const json: unknown = JSON.parse(text);
      assert.deepEqual(json, {
        version: 1,
        tool: { name: 'charters', version: '0.1.0' },
        summary: { charters: 3, errors: 1, warnings: 2, notes: 1, fixed: 0, skipped: 1 },
        findings: [
          {
            ruleId: 'owner-duplicate', ruleName: 'owner-duplicate', severity: 'warning',
            message: 'Two charters name the same owner `Maija`', file: '',
            line: 1, column: 1, endLine: 1, endColumn: 1, url: 'https://example.test/owner-duplicate', fixable: false,
          },
          {
            ruleId: 'element-missing', ruleName: 'element-missing', severity: 'error',
            message: 'Element `Psychological safety` is missing', file: 'units/myynti ja markkinointi.md',
            line: 3, column: 1, endLine: 3, endColumn: 12,
            elementId: 'psychological-safety', tier: 'supervisors', expected: 'Psychological safety',
            url: 'https://example.test/element-missing', fixable: true,
          },
          {
            ruleId: 'goal-missing', ruleName: 'goal-missing', severity: 'warning',
            message: 'No goal under `Feedback`.', file: 'units/myynti ja markkinointi.md',
            line: 12, column: 4, endLine: 12, endColumn: 30, url: 'https://example.test/goal-missing', fixable: false,
          },
          {
            ruleId: 'review-due', ruleName: 'review-due', severity: 'note',
            message: 'Review is due on `2024-01-01`', file: 'units/sales.md',
            line: 2, column: 14, endLine: 2, endColumn: 24, url: 'https://example.test/review-due', fixable: false,
          },
        ],
        skipped: [{ file: 'units/logo.md', reason: 'Not UTF-8 text' }],
      });
      const keys = Object.keys((json as { findings: object[] }).findings[1]!);
      assert.deepEqual(keys, [
        'ruleId', 'ruleName', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn',
        'elementId', 'tier', 'expected', 'url', 'fixable',
      ]);
      assert.deepEqual(Object.keys(json as object), ['version', 'tool', 'summary', 'findings', 'skipped']);
    });

    it('reports fixes', () => {
      const json = JSON.parse(FORMATTERS.json({ ...fixture(), fixed: 2 }, OPTIONS)) as { summary: { fixed: number } };
      assert.equal(json.summary.fixed, 2);
    });
  });

  describe('stylish', () => {
    it('groups findings by file in aligned columns, without colour', () => {
      const text = FORMATTERS.stylish(fixture(), OPTIONS);
      assert.ok(!text.includes(ESC));
      assert.equal(
        text,
        [
          '(handbook)',
          '  warning  Two charters name the same owner `Maija`  owner-duplicate',
          '',
          'units/myynti ja markkinointi.md',
          '   3:1  error    Element `Psychological safety` is missing  element-missing',
          '  12:4  warning  No goal under `Feedback`.                  goal-missing',
          '',
          'units/sales.md',
          '  2:14  note  Review is due on `2024-01-01`  review-due',
          '',
          'units/logo.md',
          '  skipped  Not UTF-8 text',
          '',
          '✖ 4 problems (1 error, 2 warnings, 1 note)',
          '',
        ].join('\n'),
      );
    });

    it('colours severities and underlines file names when asked', () => {
      const text = FORMATTERS.stylish(fixture(), { ...OPTIONS, color: true });
      assert.ok(text.includes(`${ESC}31merror`));
      assert.ok(text.includes(`${ESC}33mwarning`));
      assert.ok(text.includes(`${ESC}36mnote`));
      assert.ok(text.includes(`${ESC}33mskipped`));
      assert.ok(text.includes(`${ESC}4munits/sales.md${ESC}24m`));
      assert.equal(text.replace(/\x1b\[\d+m/g, ''), FORMATTERS.stylish(fixture(), OPTIONS));
    });

    it('summarises a clean run and fixes, in both languages', () => {
      const clean: RunResult = { ...fixture(), findings: [], skipped: [], fixed: 3 };
      assert.equal(FORMATTERS.stylish(clean, OPTIONS), '✔ 3 charters checked, no problems\nFixed 3 problems\n');
      assert.equal(
        FORMATTERS.stylish(clean, { ...OPTIONS, lang: 'fi' }),
        '✔ 3 peruskirjaa tarkistettu, ei ongelmia\nKorjattiin 3 ongelmaa\n',
      );
      const fi = FORMATTERS.stylish(fixture(), { ...OPTIONS, lang: 'fi' });
      assert.ok(fi.endsWith('\n✖ 4 ongelmaa (1 virhe, 2 varoitusta, 1 huomautus)\n'));
      assert.ok(fi.startsWith('(käsikirja)\n'));
    });
  });

  describe('github', () => {
    it('emits one workflow command per finding and skipped file, errors first', () => {
      const lines = FORMATTERS.github(fixture(), OPTIONS).split('\n');
      assert.deepEqual(lines, [
        '::error file=units/myynti ja markkinointi.md,line=3,col=1,endLine=3,endColumn=12,title=element-missing::Element `Psychological safety` is missing',
        '::warning title=owner-duplicate::Two charters name the same owner `Maija`',
        '::warning file=units/myynti ja markkinointi.md,line=12,col=4,endLine=12,endColumn=30,title=goal-missing::No goal under `Feedback`.',
        '::warning file=units/logo.md::Not UTF-8 text',
        '::notice file=units/sales.md,line=2,col=14,endLine=2,endColumn=24,title=review-due::Review is due on `2024-01-01`',
        'charters: 1 error, 2 warnings, 1 note, 1 file skipped',
        '',
      ]);
    });

    it('escapes messages and property values', () => {
      const run: RunResult = {
        ...fixture(),
        findings: [finding('goal-missing', 'error', 'a,b:c%.md', place(1, 2, 1, 3), '100% done\r\nnext: a, b')],
        skipped: [],
      };
      assert.equal(
        FORMATTERS.github(run, OPTIONS),
        '::error file=a%2Cb%3Ac%25.md,line=1,col=2,endLine=1,endColumn=3,title=goal-missing::100%25 done%0D%0Anext: a, b\n' +
          'charters: 1 error, 0 warnings, 0 notes\n',
      );
    });

    it('shows control characters escaped, so no text can start a command of its own', () => {
      const run: RunResult = {
        ...fixture(),
        findings: [finding('goal-missing', 'warning', 'a\u001b[31m.md', place(1, 1, 1, 2), 'x\u0085::error::y\u0000\u009b\u2028z')],
        skipped: [],
      };
      const first = FORMATTERS.github(run, OPTIONS).split('\n')[0]!;
      assert.equal(first, '::warning file=a\\x1b[31m.md,line=1,col=1,endLine=1,endColumn=2,title=goal-missing::x\\x85::error::y\\x00\\x9b\\u2028z');
      // A line break in a file name is shown, not kept: the property stays on its line.
      const named = FORMATTERS.github({ ...run, findings: [finding('goal-missing', 'warning', 'a\nb.md', place(1, 1, 1, 2), 'm')] }, OPTIONS);
      assert.match(named, /^::warning file=a\\nb\.md,line=1,/);
      // eslint-disable-next-line no-control-regex -- looking for control characters is the point
      assert.doesNotMatch(first, /[\u0000-\u001f\u007f-\u009f]/);
    });
  });

  describe('sarif', () => {
    const options: FormatOptions = { ...OPTIONS, baseUri: 'file:///home/me/handbook/' };

    it('describes the tool, rules, artifacts and results', () => {
      const log = JSON.parse(FORMATTERS.sarif(fixture(), options)) as sarif.Log;
      assert.equal(log.version, '2.1.0');
      assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
      assert.equal(log.runs.length, 1);
      const run = log.runs[0]!;
      assert.equal(run.columnKind, 'utf16CodeUnits');
      assert.deepEqual(run.originalUriBaseIds, { ROOTPATH: { uri: 'file:///home/me/handbook/' } });
      const driver = run.tool.driver;
      assert.equal(driver.name, 'charters');
      assert.equal(driver.version, '0.1.0');
      assert.equal(driver.rules?.length, 4);
      assert.deepEqual(driver.rules?.[1], {
        id: 'goal-missing',
        name: 'goal-missing',
        shortDescription: { text: 'Rule goal-missing' },
        fullDescription: { text: 'Rule goal-missing.' },
        helpUri: 'https://github.com/leadership-charters/charters/blob/main/docs/rules/goal-missing.md',
        defaultConfiguration: { level: 'warning' },
      });
      assert.deepEqual(run.artifacts, [
        { location: { uri: 'units/myynti%20ja%20markkinointi.md', uriBaseId: 'ROOTPATH' } },
        { location: { uri: 'units/sales.md', uriBaseId: 'ROOTPATH' } },
        { location: { uri: 'units/logo.md', uriBaseId: 'ROOTPATH' } },
      ]);
      const results = run.results!;
      assert.equal(results.length, 4);
      assert.deepEqual(results[0], {
        ruleId: 'owner-duplicate',
        ruleIndex: 3,
        level: 'warning',
        message: { text: 'Two charters name the same owner `Maija`.' },
      });
      assert.deepEqual(results[1], {
        ruleId: 'element-missing',
        ruleIndex: 0,
        level: 'error',
        message: { text: 'Element `Psychological safety` is missing.' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'units/myynti%20ja%20markkinointi.md', uriBaseId: 'ROOTPATH', index: 0 },
              region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 12 },
            },
          },
        ],
        properties: { elementId: 'psychological-safety', tier: 'supervisors' },
      });
      assert.equal(results[2]!.message.text, 'No goal under `Feedback`.');
      assert.equal(results[3]!.level, 'note');
      assert.deepEqual(run.invocations, [
        {
          executionSuccessful: true,
          toolExecutionNotifications: [
            {
              level: 'warning',
              message: { text: 'Not UTF-8 text.' },
              locations: [{ physicalLocation: { artifactLocation: { uri: 'units/logo.md', uriBaseId: 'ROOTPATH', index: 2 } } }],
            },
          ],
        },
      ]);
    });

    /** The fixture's run as a charters.yaml that sets `goal-missing: error` and `review-due: off` gives it. */
    function configured(): RunResult {
      const run = fixture();
      run.rules = [rule('element-missing', 'error'), rule('goal-missing', 'warning', 'charter', 'error'), rule('review-due', 'note', 'charter', 'off'), rule('owner-duplicate', 'warning', 'handbook')];
      run.findings = run.findings.filter((f) => f.ruleId !== 'review-due').map((f) => (f.ruleId === 'goal-missing' ? { ...f, severity: 'error' } : f));
      return run;
    }

    it('rules[] give the levels the configuration sets: a changed severity, and `off` as a disabled rule', () => {
      const driver = (JSON.parse(FORMATTERS.sarif(configured(), options)) as sarif.Log).runs[0]!.tool.driver;
      assert.deepEqual(
        driver.rules?.map((r) => [r.id, r.defaultConfiguration]),
        [
          ['element-missing', { level: 'error' }],
          ['goal-missing', { level: 'error' }],
          ['review-due', { enabled: false, level: 'none' }],
          ['owner-duplicate', { level: 'warning' }],
        ],
      );
    });

    it('passes the SARIF multitool validator', function () {
      this.timeout(60000);
      const dir = mkdtempSync(join(tmpdir(), 'charters-sarif-'));
      try {
        const file = join(dir, 'out.sarif');
        const log = JSON.parse(FORMATTERS.sarif(fixture(), options)) as sarif.Log;
        // The configured run's rules too: a disabled rule and a changed level.
        log.runs.push((JSON.parse(FORMATTERS.sarif(configured(), options)) as sarif.Log).runs[0]!);
        writeFileSync(file, JSON.stringify(log, null, 2));
        const run = spawnSync('node_modules/.bin/sarif-multitool', ['validate', file, '--output', join(dir, 'validation.sarif')], {
          encoding: 'utf8',
        });
        assert.equal(run.error, undefined);
        // SARIF1001 (a rule's name equals its id) is the one warning we accept: the readable
        // name `element-missing` is the product's contract.
        const problems = run.stdout
          .split('\n')
          .filter((line) => /: (error|warning) /.test(line) && !/warning SARIF1001/.test(line));
        assert.deepEqual(problems, [], run.stdout);
        assert.equal(run.status, 0, run.stdout + run.stderr);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});

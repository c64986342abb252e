/**
 * The manners of the `charters` command (issue 10): nothing passes in silence, a failing run
 * says why in every format, each command has its own help, mistakes get "did you mean",
 * colours only where they belong, Finnish file names and forgiving tier names for `init`/`new`.
 *
 * Each case runs twice, in process through `main()` and as the spawned bin (whose standard
 * output is a pipe, never a terminal), in a fresh copy of `test/fixtures/cli/`.
 * Build first: the spawned runs use `dist/cli.js`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { repoRoot, TODAY } from '../helpers/paths';

const ROOT = repoRoot();
const BIN = path.join(ROOT, 'bin/charters.js');
const FIXTURES = path.join(ROOT, 'test/fixtures/cli');
const DAY = ['--today', TODAY];

type Env = Record<string, string | undefined>;
interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
type Mode = 'in process' | 'spawned';

/** No colour settings, no locale, nothing inherited that changes output. */
function baseEnv(overrides: Env = {}): Env {
  const env: Env = { ...process.env, LANG: 'C.UTF-8' };
  for (const key of ['LC_ALL', 'LC_MESSAGES', 'FORCE_COLOR', 'NO_COLOR', 'TERM']) delete env[key];
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

async function run(mode: Mode, args: string[], cwd: string, env: Env = {}, tty = false): Promise<Run> {
  const fullEnv = baseEnv(env);
  if (mode === 'spawned') {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: fullEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
    assert.equal(r.error, undefined);
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  }
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv: args,
    cwd,
    env: fullEnv,
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    ...(tty ? { stdoutIsTTY: true } : {}),
  });
  return { code, stdout, stderr };
}

const ANSI = '\x1b[';

interface JsonReport {
  summary: { charters: number; errors: number; warnings: number; skipped: number };
  findings: { ruleId: string; severity: string; file: string }[];
  skipped: { file: string; reason: string }[];
  notices?: { id: string; severity: string; message: string }[];
}

interface SarifLog {
  runs: { invocations: { toolExecutionNotifications?: { level: string; message: { text: string }; properties?: { notice?: string } }[] }[] }[];
}

for (const mode of ['in process', 'spawned'] as Mode[]) {
  describe(`charters manners (${mode})`, function () {
    this.timeout(60_000);
    let dir: string;
    const r = (args: string[], env: Env = {}, cwd = dir): Promise<Run> => run(mode, args, cwd, env);

    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'charters-manners-'));
      cpSync(FIXTURES, dir, { recursive: true });
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    // --- never a silent pass ------------------------------------------------------------------

    describe('a file named on the command line is never passed over in silence', () => {
      it('a Markdown file without frontmatter: reported as not a charter, no "no problems" tick', async () => {
        const out = await r(['lint', 'defective/README.md', ...DAY]);
        assert.equal(out.code, 0, out.stderr);
        assert.match(out.stdout, /defective\/README\.md\n\s+skipped\s+not checked: not a charter/);
        assert.match(out.stdout, /0 charters checked, no problems; 1 file not checked/);
        assert.doesNotMatch(out.stdout, /✔/);
        const fi = await r(['lint', 'defective/README.md', '--lang', 'fi', ...DAY]);
        assert.match(fi.stdout, /ohitettu\s+ei tarkistettu: ei peruskirja/);
        assert.match(fi.stdout, /1 tiedosto jäi tarkistamatta/);
      });

      it('frontmatter without a tier: the reason says so; json lists it as skipped', async () => {
        writeFileSync(path.join(dir, 'clean/notes.md'), '---\ntitle: Meeting notes\n---\n\n# Notes\n\nWe met.\n');
        const out = await r(['lint', 'clean/notes.md', '--format', 'json', ...DAY]);
        assert.equal(out.code, 0, out.stderr);
        const report = JSON.parse(out.stdout) as JsonReport;
        assert.equal(report.summary.charters, 0);
        assert.equal(report.summary.skipped, 1);
        assert.equal(report.skipped[0]?.file, 'clean/notes.md');
        assert.match(report.skipped[0]?.reason ?? '', /not a charter \(its frontmatter names no tier/);
      });

      it('a file that charters.yaml excludes: not linted, reported as excluded', async () => {
        mkdirSync(path.join(dir, 'clean/drafts'));
        cpSync(path.join(dir, 'defective/middle-management.md'), path.join(dir, 'clean/drafts/draft.md'));
        writeFileSync(path.join(dir, 'clean/charters.yaml'), `${readFileSync(path.join(dir, 'clean/charters.yaml'), 'utf8')}\nexclude: ["drafts/**"]\n`);
        const out = await r(['lint', 'clean/drafts/draft.md', '--format', 'json', ...DAY]);
        const report = JSON.parse(out.stdout) as JsonReport;
        assert.equal(out.code, 0, 'the excluded charter is not linted, so its errors do not count');
        assert.deepEqual(report.findings, []);
        assert.deepEqual(report.skipped.map((s) => s.file), ['clean/drafts/draft.md']);
        assert.match(report.skipped[0]!.reason, /excluded by `exclude` in clean\/charters\.yaml/);
        // In a directory run, excluded files stay quiet: nobody named them.
        const whole = await r(['lint', 'clean', '--format', 'json', ...DAY]);
        assert.deepEqual((JSON.parse(whole.stdout) as JsonReport).skipped, []);
      });

      it('a binary file named explicitly: reported with the reason in every format', async () => {
        for (const [format, pattern] of [
          ['stylish', /defective\/x\.md\n\s+skipped\s+binary file/],
          ['github', /^::warning file=defective\/x\.md::binary file/m],
          ['json', /"file": "defective\/x\.md",\n\s+"reason": "binary file/],
          ['sarif', /"text": "binary file/],
        ] as const) {
          const out = await r(['lint', 'defective/x.md', '--format', format, ...DAY]);
          assert.match(out.stdout, pattern, format);
        }
      });

      it('a glob does not report the non-charters it happens to match', async () => {
        const out = await r(['lint', 'defective/*.md', '--format', 'json', ...DAY]);
        const report = JSON.parse(out.stdout) as JsonReport;
        assert.ok(!report.skipped.some((s) => s.file === 'defective/README.md'), JSON.stringify(report.skipped));
      });
    });

    // --- --max-warnings and --quiet say why -----------------------------------------------------

    describe('--max-warnings says why the run failed, in every format; --quiet says what it hid', () => {
      const tooMany = 'Too many warnings: 2, and --max-warnings allows 0; the exit code is 1.';
      const hid = '--quiet hid 2 warnings.';

      it('stylish', async () => {
        const out = await r(['lint', 'warnings', '--max-warnings', '0', ...DAY]);
        assert.equal(out.code, 1);
        assert.ok(out.stdout.includes(`✖ ${tooMany}`), out.stdout);
        const quiet = await r(['lint', 'warnings', '--max-warnings', '0', '--quiet', ...DAY]);
        assert.equal(quiet.code, 1);
        assert.ok(quiet.stdout.includes(tooMany) && quiet.stdout.includes(hid), quiet.stdout);
        assert.match(quiet.stdout, /3 charters checked, no errors/);
        assert.doesNotMatch(quiet.stdout, /no problems/);
        const fi = await r(['lint', 'warnings', '--max-warnings', '1', '--quiet', '--lang', 'fi', ...DAY]);
        assert.ok(fi.stdout.includes('Liikaa varoituksia: 2, kun --max-warnings sallii 1; paluuarvo on 1.'), fi.stdout);
        assert.ok(fi.stdout.includes('--quiet jätti näyttämättä 2 varoitusta.'), fi.stdout);
      });

      it('json: a notices field', async () => {
        const out = await r(['lint', 'warnings', '--max-warnings', '0', '--quiet', '--format', 'json', ...DAY]);
        assert.equal(out.code, 1);
        const report = JSON.parse(out.stdout) as JsonReport;
        assert.deepEqual(report.notices, [
          { id: 'warnings-hidden', severity: 'note', message: hid },
          { id: 'max-warnings-exceeded', severity: 'error', message: tooMany },
        ]);
        const fine = JSON.parse((await r(['lint', 'warnings', '--max-warnings', '2', '--format', 'json', ...DAY])).stdout) as JsonReport;
        assert.equal(fine.notices, undefined, 'no notices when there is nothing to say');
      });

      it('sarif: an invocation notification', async () => {
        const out = await r(['lint', 'warnings', '--max-warnings', '0', '--quiet', '--format', 'sarif', ...DAY]);
        assert.equal(out.code, 1);
        const log = JSON.parse(out.stdout) as SarifLog;
        const notes = log.runs[0]!.invocations[0]!.toolExecutionNotifications ?? [];
        assert.deepEqual(
          notes.map((n) => [n.level, n.message.text, n.properties?.notice]),
          [
            ['note', hid, 'warnings-hidden'],
            ['error', tooMany, 'max-warnings-exceeded'],
          ],
        );
      });

      it('github: an error annotation (a red job shows its reason)', async () => {
        const out = await r(['lint', 'warnings', '--max-warnings', '0', '--quiet', '--format', 'github', ...DAY]);
        assert.equal(out.code, 1);
        assert.ok(out.stdout.includes(`::error title=charters::${tooMany}`), out.stdout);
        assert.ok(out.stdout.includes(`::notice title=charters::${hid}`), out.stdout);
      });

      it('--output: the report holds the notice, and standard error says it too', async () => {
        const out = await r(['lint', 'warnings', '--max-warnings', '0', '--output', 'report.txt', ...DAY]);
        assert.equal(out.code, 1);
        assert.equal(out.stdout, '');
        assert.ok(out.stderr.includes(tooMany), out.stderr);
        assert.ok(readFileSync(path.join(dir, 'report.txt'), 'utf8').includes(tooMany));
      });
    });

    // --- documentation links in the run's language -----------------------------------------------

    describe('documentation links follow the language of the run', () => {
      it('json and sarif link to the Finnish rule pages in a Finnish run, to the English ones otherwise', async () => {
        const fiJson = JSON.parse((await r(['lint', 'defective', '--format', 'json', '--lang', 'fi', ...DAY])).stdout) as { findings: { ruleId: string; url: string }[] };
        const missing = fiJson.findings.find((f) => f.ruleId === 'element-missing');
        assert.match(missing?.url ?? '', /\/element-missing\.fi\.md$/);
        const enJson = JSON.parse((await r(['lint', 'defective', '--format', 'json', '--lang', 'en', ...DAY])).stdout) as { findings: { ruleId: string; url: string }[] };
        assert.match(enJson.findings.find((f) => f.ruleId === 'element-missing')?.url ?? '', /\/element-missing\.md$/);
        const sarif = JSON.parse((await r(['lint', 'defective', '--format', 'sarif', '--lang', 'fi', ...DAY])).stdout) as { runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } } }[] };
        for (const rule of sarif.runs[0]!.tool.driver.rules) assert.match(rule.helpUri, new RegExp(`/${rule.id}\\.fi\\.md$`), rule.id);
        const rules = await r(['rules', '--lang', 'fi']);
        assert.match(rules.stdout, /\/owner-missing\.fi\.md$/m);
        assert.match(rules.stdout, /^owner-missing\s+varoitus\s+kyllä\s+Peruskirjalla ei ole omistajaa$/m);
      });

      it('charters rules shows the severities the handbook gives, the default beside a changed one', async () => {
        const en = await r(['rules', 'severities']);
        assert.equal(en.code, 0, en.stderr);
        assert.match(en.stdout, /^Severities as severities\/charters\.yaml sets them:$/m);
        assert.match(en.stdout, /^owner-missing\s+off \(default: warning\)\s+yes\s/m);
        assert.match(en.stdout, /^goal-missing\s+error \(default: warning\)\s/m);
        assert.match(en.stdout, /^element-missing\s+error\s+yes\s/m, 'an unchanged rule shows its severity alone');
        const fi = await r(['rules', 'severities', '--lang', 'fi']);
        assert.match(fi.stdout, /^owner-missing\s+pois \(oletus: varoitus\)\s+kyllä\s/m);
        const json = JSON.parse((await r(['rules', 'severities', '--format', 'json'])).stdout) as { id: string; severity: string; defaultSeverity: string }[];
        assert.deepEqual(json.find((x) => x.id === 'tier-without-charter'), { ...json.find((x) => x.id === 'tier-without-charter'), severity: 'note', defaultSeverity: 'error' });
        // required-fields written out: the owner and review rules are errors
        writeFileSync(path.join(dir, 'clean/charters.yaml'), 'framework:\n  required-fields: [owner, next-review]\n');
        const req = await r(['rules'], {}, path.join(dir, 'clean'));
        assert.match(req.stdout, /^owner-missing\s+error \(default: warning\)/m);
        assert.match(req.stdout, /^review-missing\s+error \(default: note\)/m);
      });
    });

    // --- help ---------------------------------------------------------------------------------

    describe('each command has its own help, in fi and en', () => {
      const commands = ['lint', 'init', 'new', 'rules', 'render', 'matrix'];

      it('`charters <command> --help` and `charters help <command>`: the same, the command\'s own, with examples', async () => {
        const texts = new Set<string>();
        for (const c of commands) {
          const a = await r([c, '--help']);
          const b = await r(['help', c]);
          assert.equal(a.code, 0, `${c} --help`);
          assert.equal(b.code, 0, `help ${c}`);
          assert.equal(a.stdout, b.stdout, c);
          assert.match(a.stdout, new RegExp(`^Usage: charters ${c}\\b`), c);
          assert.match(a.stdout, /\nExamples:\n {2}charters /, c);
          assert.doesNotMatch(a.stdout, /Commands:/, `${c} --help is not the global help`);
          texts.add(a.stdout);
          const fi = await r([c, '--help'], { LANG: 'fi_FI.UTF-8' });
          assert.match(fi.stdout, new RegExp(`^Käyttö: charters ${c}\\b`), c);
          assert.match(fi.stdout, /\nEsimerkkejä:\n/, c);
          assert.doesNotMatch(fi.stdout, /\b(Usage|Options|Examples|Create|Check|Write)\b/, `${c}: Finnish help`);
        }
        assert.equal(texts.size, commands.length, 'every command has a different help');
        const lint = await r(['lint', '--help']);
        for (const o of ['--max-warnings', '--quiet', '--fix', '--format']) assert.ok(lint.stdout.includes(o), o);
        const help = await r(['--help']);
        for (const c of commands) assert.match(help.stdout, new RegExp(`^ {2}${c}\\b`, 'm'), `the global help lists ${c}`);
      });
    });

    // --- did you mean ---------------------------------------------------------------------------

    describe('mistakes get "did you mean", in the user\'s language', () => {
      const cases: [string[], Env, RegExp][] = [
        [['lnt', 'clean'], {}, /^charters: Unknown command `lnt`\. Did you mean `lint`\?/],
        [['matirx'], {}, /Did you mean `matrix`\?/],
        [['lint', '--formt', 'json'], {}, /^charters: Unknown option `--formt`\. Did you mean `--format`\? Run `charters help lint`/],
        [['lint', '--max-warning', '0'], { LANG: 'fi_FI.UTF-8' }, /^charters: Tuntematon valinta `--max-warning`\. Tarkoititko `--max-warnings`\?/],
        [['lint', '--unit', 'x'], {}, /`--unit` is an option of `charters new`, `charters goals`, not of `charters lint`/],
        [['lint', '--format'], {}, /`--format` needs a value, for example `--format json`/],
        [['lint', '--format', '--quiet'], {}, /`--format` needs a value/],
        [['lint', '--fix=yes'], {}, /`--fix` takes no value/],
        [['rules', 'extra'], { LANG: 'fi_FI.UTF-8' }, /Tiedostoa, hakemistoa tai globia vastaavaa ei löydy: extra/],
        [["rules", "clean", "extra"], { LANG: "fi_FI.UTF-8" }, /`charters rules` ottaa enintään 1 argumentin; `extra` on ylimääräinen/],
        [['new', 'supervisr', '--lang', 'en'], {}, /Unknown tier `supervisr`.*Did you mean `charters new supervisors`\?/],
        [['new', 'esihenkilt', '--lang', 'fi'], {}, /Tuntematon johtotaso `esihenkilt`; käsikirjan tasot: Ylin johto, Keskijohto, Esihenkilöt\. Tarkoititko `charters new esihenkilot`\?/],
        [['lint', '--frobnicate'], {}, /^charters: Unknown option `--frobnicate`\. Run/],
      ];
      for (const [args, env, pattern] of cases) {
        it(`${args.join(' ')}${env['LANG'] ? ' (fi)' : ''}`, async () => {
          const out = await r(args, env, path.join(dir, 'clean'));
          assert.equal(out.code, 2);
          assert.equal(out.stdout, '');
          assert.match(out.stderr, pattern);
          assert.doesNotMatch(out.stderr, /ERR_PARSE_ARGS|TypeError|\n\s+at /, 'no raw parser message or stack');
        });
      }
    });

    // --- colour ---------------------------------------------------------------------------------

    describe('colour: none in a pipe, FORCE_COLOR and NO_COLOR honoured, --color/--no-color win', () => {
      const lint = ['lint', 'defective', ...DAY];
      const colour = async (env: Env, extra: string[] = []): Promise<boolean> => (await r([...lint, ...extra], env)).stdout.includes(ANSI);

      it('not a terminal: no colour codes', async () => {
        assert.equal(await colour({}), false);
      });
      it('FORCE_COLOR=1: colour, even in a pipe and over NO_COLOR', async () => {
        assert.equal(await colour({ FORCE_COLOR: '1' }), true);
        assert.equal(await colour({ FORCE_COLOR: '1', NO_COLOR: '1' }), true);
      });
      it('FORCE_COLOR=0: no colour', async () => {
        assert.equal(await colour({ FORCE_COLOR: '0' }), false);
      });
      it('--color wins over NO_COLOR and a pipe; --no-color over FORCE_COLOR', async () => {
        assert.equal(await colour({ NO_COLOR: '1' }, ['--color']), true);
        assert.equal(await colour({ FORCE_COLOR: '1' }, ['--no-color']), false);
      });
      if (mode === 'in process') {
        it('a terminal: colour, unless NO_COLOR or TERM=dumb', async () => {
          const tty = async (env: Env): Promise<boolean> => (await run(mode, lint, dir, env, true)).stdout.includes(ANSI);
          assert.equal(await tty({}), true);
          assert.equal(await tty({ NO_COLOR: '1' }), false);
          assert.equal(await tty({ TERM: 'dumb' }), false);
        });
      }
    });

    // --- init and new -----------------------------------------------------------------------------

    describe('init and new speak the handbook\'s language', () => {
      it('init --lang fi writes Finnish file names, and the handbook lints', async () => {
        const out = await r(['init', 'kasikirja', '--lang', 'fi']);
        assert.equal(out.code, 0, out.stderr);
        const files = readdirSync(path.join(dir, 'kasikirja')).filter((f) => f.endsWith('.md')).sort();
        assert.deepEqual(files, ['esihenkilot.md', 'keskijohto.md', 'ylin-johto.md']);
        assert.match(readFileSync(path.join(dir, 'kasikirja/esihenkilot.md'), 'utf8'), /^tier: supervisors$/m);
        const lint = await r(['lint', 'kasikirja', '--format', 'json', ...DAY]);
        assert.equal((JSON.parse(lint.stdout) as JsonReport).summary.charters, 3);
        const en = await r(['init', 'hb', '--lang', 'en']);
        assert.equal(en.code, 0);
        assert.deepEqual(readdirSync(path.join(dir, 'hb')).filter((f) => f.endsWith('.md')).sort(), ['middle-management.md', 'supervisors.md', 'top-management.md']);
      });

      for (const [arg, lang, file] of [
        ['esihenkilo', 'fi', 'esihenkilot.md'],
        ['esihenkilöt', 'fi', 'esihenkilot.md'],
        ['Esihenkilot', 'fi', 'esihenkilot.md'],
        ['supervisor', 'en', 'supervisors.md'],
        ['supervisors', 'fi', 'esihenkilot.md'],
        ['ylin-johto', 'fi', 'ylin-johto.md'],
        ['middle management', 'en', 'middle-management.md'],
      ] as const) {
        it(`new ${arg} --lang ${lang} → ${file}`, async () => {
          const fresh = path.join(dir, 'fresh');
          mkdirSync(fresh);
          cpSync(path.join(dir, 'clean/charters.yaml'), path.join(fresh, 'charters.yaml'));
          const out = await r(['new', arg, '--lang', lang], {}, fresh);
          assert.equal(out.code, 0, out.stderr);
          assert.ok(existsSync(path.join(fresh, file)), `${file} created: ${out.stdout}`);
        });
      }

      it('--fix in an English-speaking run (CI) writes Finnish into a Finnish charter, and counts every pass', async () => {
        const file = path.join(dir, 'clean/esihenkilot-hr.md');
        const original = [
          '---',
          'Taso: esihenkilöt',
          'owner: Matti Virtanen',
          'next-review: 1.9.2027',
          '---',
          '# Esihenkilöiden peruskirja',
          '',
          '## 1. Psykologinen turvalisuus',
          '',
          'Luomme turvallisen ilmapiirin, jossa kokeillaan.',
          '',
          '- Tavoite: kysely 4/5.',
          '',
          '## Ketterä oppiminen',
          '',
          'Kokeilemme uusia tapoja ja jaamme opit tiimin kanssa.',
          '',
          '- Tavoite: kolme kokeilua.',
          '',
        ].join('\n');
        writeFileSync(file, original);
        const out = await r(['lint', 'clean/esihenkilot-hr.md', '--fix', '--format', 'json', ...DAY]);
        const report = JSON.parse(out.stdout) as JsonReport & { summary: { fixed?: number } };
        const fixed = readFileSync(file, 'utf8');
        // tier key, ISO date, {#id} on the misspelt heading (found only once tier: is there), two stubs
        assert.equal(report.summary.fixed, 5, fixed);
        assert.match(fixed, /^## 1\. Psykologinen turvalisuus \{#psychological-safety\}$/m);
        assert.match(fixed, /^## Liiketoiminnallisista tavoitteista tiimien oppimis- ja kehittämissuunnitelmiksi \{#team-learning-plans\}$/m);
        assert.match(fixed, /^- Tavoite: _\[kirjoita tähän\]_$/m);
        assert.doesNotMatch(fixed, /Write here|Goal:|From business goals/);
        const stylish = await r(['lint', 'clean/esihenkilot-hr.md', ...DAY]);
        assert.doesNotMatch(stylish.stdout, /Fixed/);
      });

      it('a charter split over two files: each says where the rest is, and --fix inserts no copy', async () => {
        const headLines = ['---', 'tier: supervisors', 'unit: Warehouse', 'owner: Anna Laine', 'next-review: 2027-06-01', '---', '# Supervisors of the warehouse', ''];
        const sec = (title: string) => [`## ${title}`, '', 'We agree together how the team learns in daily work.', '', '- Goal: everyone has a plan.', ''];
        writeFileSync(path.join(dir, 'clean/warehouse-1.md'), [...headLines, ...sec('From business goals to team learning and development plans'), ...sec('Psychological safety')].join('\n'));
        writeFileSync(path.join(dir, 'clean/warehouse-2.md'), [...headLines, ...sec('Facilitating individual strengths, development needs and learning plans'), ...sec('Facilitating agile learning')].join('\n'));
        const out = await r(['lint', 'clean', '--format', 'json', ...DAY]);
        const report = JSON.parse(out.stdout) as { findings: { ruleId: string; file: string; message: string; elementId?: string; related?: { file: string; line: number }[]; fix?: unknown }[] };
        const split = report.findings.filter((f) => f.ruleId === 'element-missing' && /^clean\/warehouse-/.test(f.file));
        assert.equal(split.length, 4, out.stdout);
        for (const f of split) {
          const other = f.file === 'clean/warehouse-1.md' ? 'clean/warehouse-2.md' : 'clean/warehouse-1.md';
          assert.match(f.message, new RegExp(`in \`${other.replace(/[./]/g, '\\$&')}\`, another charter of the same tier and unit \`Warehouse\``));
          assert.equal(f.fix, undefined);
          assert.equal(f.related?.[0]?.file, other, 'the related location is the other part');
          assert.ok([9, 15].includes(f.related?.[0]?.line ?? 0), 'at the other part\'s element heading');
        }
        const before = readFileSync(path.join(dir, 'clean/warehouse-1.md'), 'utf8');
        // one file named: the rest of its handbook is looked at for the other part
        await r(['lint', 'clean/warehouse-1.md', '--fix', ...DAY]);
        assert.equal(readFileSync(path.join(dir, 'clean/warehouse-1.md'), 'utf8'), before, 'no stub for a section written in the other file');
        // the whole handbook
        await r(['lint', 'clean', '--fix', ...DAY]);
        assert.equal(readFileSync(path.join(dir, 'clean/warehouse-1.md'), 'utf8'), before);
        assert.doesNotMatch(readFileSync(path.join(dir, 'clean/warehouse-2.md'), 'utf8'), /\{#/);
        const fi = await r(['lint', 'clean', '--lang', 'fi', ...DAY]);
        assert.match(fi.stdout, /ei ole tässä tiedostossa vaan tiedostossa `clean\/warehouse-2\.md`/);
        // SARIF carries the other part as a related location (code scanning shows it on the pull request)
        const sarif = JSON.parse((await r(['lint', 'clean', '--format', 'sarif', ...DAY])).stdout) as { runs: { results: { ruleId: string; locations?: { physicalLocation: { artifactLocation: { uri: string } } }[]; relatedLocations?: { id: number; physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }; message: { text: string } }[] }[] }[] };
        const inSarif = sarif.runs[0]!.results.filter((x) => x.ruleId === 'element-missing' && /warehouse-1/.test(x.locations?.[0]?.physicalLocation.artifactLocation.uri ?? ''));
        assert.equal(inSarif.length, 2);
        for (const x of inSarif) {
          assert.match(x.relatedLocations?.[0]?.physicalLocation.artifactLocation.uri ?? '', /warehouse-2\.md$/);
          assert.match(x.relatedLocations?.[0]?.message.text ?? '', /is written here/);
        }
      });

      it('--fix of a split charter whose parts need repairs first (Taso:, ##Name, a bold line) writes no stub in either part', async () => {
        const part1 = ['---', 'Taso: esihenkilöt', 'unit: Varasto', 'owner: Matti Virtanen', 'next-review: 1.9.2027', '---', '# Varaston esihenkilöt', '',
          '##Psykologinen turvallisuus', '', 'Virheistä puhutaan.', '', '- Tavoite: kysely 4/5.', '',
          '**Ketterän oppimisen fasilitointi**', '', 'Kokeilemme.', '', 'Mittari (2027): kokeiluja 3.', '',
          '## Miten laadimme tiimin oppimissuunnitelmat?', '', 'Yhdessä.', '', '- Tavoite: suunnitelma maaliskuussa.', ''].join('\n');
        const part2 = ['---', 'tier: esihenkilöt', 'unit: varasto', 'owner: Anna Laine', 'next-review: 2027-06-01', '---', '# Osa 2', '',
          '## Yksilöiden vahvuuksien, kehitystarpeiden ja oppimissuunnitelmien fasilitointi', '', 'Kehityskeskustelut.', '', '- Tavoite: kaikille suunnitelma.', ''].join('\n');
        mkdirSync(path.join(dir, 'jaettu'));
        writeFileSync(path.join(dir, 'jaettu/osa-1.md'), part1);
        writeFileSync(path.join(dir, 'jaettu/osa-2.md'), part2);
        await r(['lint', 'jaettu', '--fix', ...DAY]);
        const fixed1 = readFileSync(path.join(dir, 'jaettu/osa-1.md'), 'utf8');
        const fixed2 = readFileSync(path.join(dir, 'jaettu/osa-2.md'), 'utf8');
        assert.doesNotMatch(fixed1 + fixed2, /Kirjoita tähän|Write here/, `no stub:\n${fixed1}\n${fixed2}`);
        assert.match(fixed1, /^tier: esihenkilöt$/m);
        assert.match(fixed1, /^## Psykologinen turvallisuus$/m);
        assert.equal(fixed2, part2, 'the part that needed nothing is unchanged');
        const after = JSON.parse((await r(['lint', 'jaettu', '--format', 'json', ...DAY])).stdout) as { findings: { ruleId: string; file: string; message: string }[] };
        const missing = after.findings.filter((f) => f.ruleId === 'element-missing');
        assert.equal(missing.length, 4);
        assert.ok(missing.every((f) => /another charter of the same tier and unit/.test(f.message)), JSON.stringify(missing));
      });

      it('new --unit puts the unit in the title and the file name', async () => {
        const out = await r(['new', 'esihenkilöt', '--unit', 'Myynti ja markkinointi', '--lang', 'fi'], {}, path.join(dir, 'clean'));
        assert.equal(out.code, 0, out.stderr);
        const text = readFileSync(path.join(dir, 'clean/esihenkilot-myynti-ja-markkinointi.md'), 'utf8');
        assert.match(text, /^# Esihenkilöt – Myynti ja markkinointi: oppimisen johtamisen vastuut$/m);
        assert.match(text, /^unit: "Myynti ja markkinointi"$/m);
        const en = await r(['new', 'supervisors', '--unit', 'Team Aurora', '--lang', 'en'], {}, path.join(dir, 'clean'));
        assert.equal(en.code, 0, en.stderr);
        assert.match(readFileSync(path.join(dir, 'clean/supervisors-team-aurora.md'), 'utf8'), /^# Supervisors – Team Aurora: responsibilities for leading learning$/m);
      });
    });
  });
}

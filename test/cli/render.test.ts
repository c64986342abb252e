/**
 * `charters render` and `charters matrix` as a user meets them: the real bin spawned
 * (`node bin/charters.js …`) and, for the same cases, `main()` in process. Every case works in a
 * fresh temporary directory; the handbooks are copies of test/fixtures/render/site-en (five
 * English charters, every element status, reviews overdue on 2027-05-20), of a handbook holding
 * test/fixtures/render/hostile.md, and of test/fixtures/cli/broken-config (schema error at 5:3).
 *
 * What must hold: exit codes as lint (0, 2 for usage and config errors), the files written, the
 * marker that lets a later render overwrite its own output and nothing else, pages safe to open,
 * and nothing ever written outside --out (odd charter names, symlinks in the output).
 *
 * Build first (`node scripts/build.mjs`): the spawned runs use `dist/cli.js`.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { runCli, type Mode } from '../helpers/run';
import { renderCommand, resolveInside, safeSegments } from '../../src/cli/render';
import type { DirEntry, HandbookFs } from '../../src/core/handbook';
import { assertSafePage, visibleText } from '../unit/render/assert-safe';

// The bundle lives in out/test/cli/; the repository root is three levels up.
const ROOT = path.resolve(__dirname, '../../..');
const SITE_EN = path.join(ROOT, 'test/fixtures/render/site-en');
const TODAY = ['--today', '2027-05-20'];
const SITE_FILES = [
  '.charters-site.json',
  'board/management-team.html',
  'charters.css',
  'history.html',
  'index.html',
  'leaders/aino-kestila-ceo.html',
  'leaders/jonas-berg.html',
  'leaders/leena-virtanen.html',
  'leaders/maria-lind.html',
  'leaders/omar-haddad.html',
  'operations/customer-service.html',
  'operations/depots.html',
  'teams/service-desk.html',
  'teams/vantaa-depot.html',
];

const run = runCli;

/** Every file and symlink under `dir`, relative, sorted. */
function tree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => !d.isDirectory())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .sort();
}

let tmp: string;

beforeEach(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'charters-render-'));
});

afterEach(() => {
  rmSync(tmp, { recursive: true, force: true });
});

function handbook(name = 'hb'): string {
  const dir = path.join(tmp, name);
  cpSync(SITE_EN, dir, { recursive: true });
  return dir;
}

for (const mode of ['spawned', 'in process'] as Mode[]) {
  describe(`charters render (${mode})`, () => {
    it('writes the index, one page per charter mirroring its path, the stylesheet and the marker; nothing else', async () => {
      const hb = handbook();
      const r = await run(mode, ['render', 'hb', '--out', 'site', ...TODAY], tmp);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, '');
      assert.match(r.stdout, /Wrote the site \(5 charter pages\) to site; open site\/index.html/);
      assert.deepEqual(tree(path.join(tmp, 'site')), SITE_FILES);
      assert.deepEqual(readdirSync(tmp).sort(), ['hb', 'site']);
      assert.deepEqual(tree(hb), tree(SITE_EN), 'the handbook is untouched');
      const marker = JSON.parse(readFileSync(path.join(tmp, 'site/.charters-site.json'), 'utf8')) as { generator: string; files: string[] };
      assert.equal(marker.generator, 'charters render');
      assert.deepEqual(marker.files, SITE_FILES.filter((f) => f !== '.charters-site.json'));
      assert.equal(readFileSync(path.join(tmp, 'site/charters.css'), 'utf8'), readFileSync(path.join(ROOT, 'media/charters.css'), 'utf8'));
      for (const f of SITE_FILES.filter((x) => x.endsWith('.html'))) assertSafePage(readFileSync(path.join(tmp, 'site', f), 'utf8'), f);
      const index = visibleText(fromHtml(readFileSync(path.join(tmp, 'site/index.html'), 'utf8'))).replace(/\s+/g, ' ');
      assert.match(index, /Northwind Freight: who leads learning, and how/);
      assert.match(index, /Overdue reviews.*Vantaa depot.*Overdue by 80 days/);
    });

    it('renders again into its own output, and removes pages of charters that are gone', async () => {
      const hb = handbook();
      assert.equal((await run(mode, ['render', 'hb', '--out', 'site', ...TODAY], tmp)).code, 0);
      assert.equal((await run(mode, ['render', 'hb', '--out', 'site', '--lang', 'fi', ...TODAY], tmp)).code, 0);
      assert.match(readFileSync(path.join(tmp, 'site/index.html'), 'utf8'), /<html lang="fi">/);
      unlinkSync(path.join(hb, 'teams/service-desk.md'));
      const r = await run(mode, ['render', 'hb', '--out', 'site', ...TODAY], tmp);
      assert.equal(r.code, 0, r.stderr);
      // the charter's page and the page of its only owner
      assert.match(r.stdout, /Removed 2 pages/);
      assert.deepEqual(tree(path.join(tmp, 'site')), SITE_FILES.filter((f) => f !== 'teams/service-desk.html' && f !== 'leaders/omar-haddad.html'));
    });

    it('lists what lint skips as skipped, with the reason in the site\'s language: a charter too deeply nested to parse, a binary file', async () => {
      const hb = handbook();
      writeFileSync(path.join(hb, 'teams/deep.md'), `---\ntier: supervisors\n---\n\n# Deep\n\n${'> '.repeat(150)}x\n`);
      writeFileSync(path.join(hb, 'teams/binary.md'), Buffer.from([0x23, 0x20, 0x61, 0x00, 0x62, 0x0a]));
      const expected: [string, RegExp, RegExp][] = [
        ['en', /teams\/deep\.md: lists or block quotes nested 150 levels deep on line 7 \(the limit is 100\)/, /teams\/binary\.md: binary file \(contains NUL bytes, the first on line 1\)/],
        ['fi', /teams\/deep\.md: listat tai lainaukset ovat 150 tason syvyydessä rivillä 7 \(raja on 100\)/, /teams\/binary\.md: binääritiedosto \(sisältää NUL-tavuja, ensimmäinen rivillä 1\)/],
      ];
      for (const [lang, deep, binary] of expected) {
        const r = await run(mode, ['render', 'hb', '--out', `site-${lang}`, '--lang', lang, ...TODAY], tmp);
        assert.equal(r.code, 0, r.stderr);
        const index = visibleText(fromHtml(readFileSync(path.join(tmp, `site-${lang}/index.html`), 'utf8'))).replace(/\s+/g, ' ');
        assert.match(index, deep, lang);
        assert.match(index, binary, lang);
        // Neither is a charter page.
        assert.deepEqual(tree(path.join(tmp, `site-${lang}`)), SITE_FILES, lang);
      }
    });

    it('refuses a non-empty directory it did not make, and leaves it alone (exit 2)', async () => {
      handbook();
      mkdirSync(path.join(tmp, 'docs'));
      writeFileSync(path.join(tmp, 'docs/notes.txt'), 'mine');
      const r = await run(mode, ['render', 'hb', '--out', 'docs', ...TODAY], tmp);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^charters: --out .*docs is not empty and was not made by `charters render` \(no \.charters-site\.json in it\)/);
      assert.deepEqual(tree(path.join(tmp, 'docs')), ['notes.txt']);
    });

    it('usage errors exit with 2: no --out, --out is a file, no such handbook, a bad date', async () => {
      handbook();
      writeFileSync(path.join(tmp, 'file.txt'), 'x');
      const cases: [string[], RegExp][] = [
        [['render', 'hb'], /needs --out DIR/],
        [['render', 'hb', '--out', 'file.txt'], /is not a directory/],
        [['render', 'nowhere', '--out', 'site'], /No such directory: nowhere/],
        [['render', 'hb', '--out', 'site', '--today', '2027-13-01'], /YYYY-MM-DD/],
        [['render', 'hb', 'hb', '--out', 'site'], /one handbook directory/],
      ];
      for (const [args, message] of cases) {
        const r = await run(mode, args, tmp);
        assert.equal(r.code, 2, args.join(' '));
        assert.match(r.stderr, message, args.join(' '));
      }
      assert.ok(!existsSync(path.join(tmp, 'site')));
    });

    it('a configuration error is printed as charters.yaml:LINE:COL: error: … and exits with 2', async () => {
      const hb = path.join(tmp, 'broken');
      cpSync(path.join(ROOT, 'test/fixtures/cli/broken-config'), hb, { recursive: true });
      for (const args of [
        ['render', '.', '--out', '../site'],
        ['matrix', '.'],
      ]) {
        const r = await run(mode, args, hb);
        assert.equal(r.code, 2, args.join(' '));
        assert.match(r.stderr, /^charters\.yaml:5:3: error: /m, r.stderr);
        assert.equal(r.stdout, '');
      }
      assert.ok(!existsSync(path.join(tmp, 'site')));
    });

    it('a hostile charter renders to pages with nothing executable, and the words stay', async () => {
      const hb = path.join(tmp, 'hostile');
      mkdirSync(path.join(hb, 'teams'), { recursive: true });
      cpSync(path.join(ROOT, 'test/fixtures/render/hostile.md'), path.join(hb, 'teams/hostile.md'));
      cpSync(path.join(SITE_EN, 'board'), path.join(hb, 'board'), { recursive: true });
      const r = await run(mode, ['render', 'hostile', '--out', 'site', ...TODAY], tmp);
      assert.equal(r.code, 0, r.stderr);
      for (const f of tree(path.join(tmp, 'site')).filter((x) => x.endsWith('.html'))) {
        const html = readFileSync(path.join(tmp, 'site', f), 'utf8');
        const parsed = assertSafePage(html, f);
        const text = visibleText(parsed).replace(/\s+/g, ' ');
        if (f !== 'board/management-team.html' && f !== 'leaders/aino-kestila-ceo.html' && f !== 'history.html') assert.ok(text.includes('Hostile unit') && text.includes('Owner Name'), f);
        if (f === 'teams/hostile.html') for (const w of ['Styled words', 'mixed case words', 'Virheistä puhutaan avoimesti']) assert.ok(text.includes(w), w);
      }
      const m = await run(mode, ['matrix', 'hostile', '--format', 'html', ...TODAY], tmp);
      assert.equal(m.code, 0);
      assertSafePage(m.stdout, 'matrix --format html');
    });

    it('never writes through a symlink out of --out', async () => {
      handbook();
      assert.equal((await run(mode, ['render', 'hb', '--out', 'site', ...TODAY], tmp)).code, 0);
      const outside = path.join(tmp, 'outside');
      mkdirSync(outside);
      writeFileSync(path.join(outside, 'target.html'), 'keep');
      // a page replaced by a link to a file outside: the link is replaced, the target kept
      unlinkSync(path.join(tmp, 'site/board/management-team.html'));
      symlinkSync(path.join(outside, 'target.html'), path.join(tmp, 'site/board/management-team.html'));
      let r = await run(mode, ['render', 'hb', '--out', 'site', ...TODAY], tmp);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(readFileSync(path.join(outside, 'target.html'), 'utf8'), 'keep');
      assert.match(readFileSync(path.join(tmp, 'site/board/management-team.html'), 'utf8'), /<!doctype html>/);
      // a directory of pages replaced by a link to a directory outside: refused, nothing written there
      rmSync(path.join(tmp, 'site/teams'), { recursive: true });
      symlinkSync(outside, path.join(tmp, 'site/teams'));
      r = await run(mode, ['render', 'hb', '--out', 'site', ...TODAY], tmp);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /Refusing to write teams\/service-desk\.html: the path would leave the output directory/);
      assert.deepEqual(tree(outside), ['target.html']);
    });
  });

  describe(`charters matrix (${mode})`, () => {
    it('--format md (default), json and html to standard output', async () => {
      handbook();
      const md = await run(mode, ['matrix', 'hb', ...TODAY], tmp);
      assert.equal(md.code, 0, md.stderr);
      assert.match(md.stdout, /^\*\*Legend:\*\* ✅ defined/);
      assert.match(md.stdout, /\| Element \| \[Customer service\]\(hb\/operations\/customer-service\.md\) \| \[Depots\]\(hb\/operations\/depots\.md\) \|/);
      const json = await run(mode, ['matrix', 'hb', '--format', 'json', ...TODAY], tmp);
      assert.equal(json.code, 0);
      const model = JSON.parse(json.stdout) as { schemaVersion: number; columns: unknown[]; overdue: { file: string }[] };
      assert.equal(model.schemaVersion, 2);
      assert.equal(model.columns.length, 5);
      assert.deepEqual(model.overdue.map((o) => o.file), ['teams/vantaa-depot.md', 'operations/customer-service.md']);
      const html = await run(mode, ['matrix', 'hb', '-f', 'html', '--lang', 'fi', ...TODAY], tmp);
      assert.equal(html.code, 0);
      const page = assertSafePage(html.stdout);
      assert.match(visibleText(page).replace(/\s+/g, ' '), /Mikä kenenkin hommaa on – Northwind Freight/);
      assert.deepEqual(readdirSync(tmp), ['hb']);
    });

    it('--output FILE writes the file with links relative to it', async () => {
      handbook();
      const r = await run(mode, ['matrix', 'hb', '--output', 'hb/MATRIX.md', ...TODAY], tmp);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, '');
      assert.match(readFileSync(path.join(tmp, 'hb/MATRIX.md'), 'utf8'), /\[Vantaa depot\]\(teams\/vantaa-depot\.md\)/);
    });

    it('an unknown format exits with 2', async () => {
      handbook();
      const r = await run(mode, ['matrix', 'hb', '--format', 'csv'], tmp);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /Unknown format `csv`: use md, json or html/);
    });
  });
}

describe('render: output paths', () => {
  it('safeSegments and resolveInside refuse everything that could leave the directory', () => {
    const root = path.join(tmp, 'out');
    assert.equal(resolveInside(root, 'a/b.html'), path.join(root, 'a', 'b.html'));
    assert.deepEqual(safeSegments('a/b.html'), ['a', 'b.html']);
    for (const bad of ['../../evil.html', '..', 'a/../../b', './a', 'a/./b', '/etc/passwd', 'C:/x', 'c:x', 'a\\..\\b', 'a//b', 'a/', '', ' /x', 'a/\u0000b']) {
      assert.equal(resolveInside(root, bad), undefined, JSON.stringify(bad));
    }
  });

  it('a handbook whose discovery yields ../../evil.md: no page for it, nothing written outside --out', async () => {
    const charter = readFileSync(path.join(SITE_EN, 'teams/vantaa-depot.md'));
    const files = new Map<string, Uint8Array>([
      ['/hb/ok.md', charter],
      ['/hb/../../evil.md', charter],
      // a backslash name: on Windows a separator; never a page (the default excludes may skip it first)
      ['/hb/..\\..\\evil2.md', charter],
    ]);
    const fakeFs: HandbookFs = {
      // eslint-disable-next-line @typescript-eslint/require-await -- implements the async HandbookFs/writeFixed contract: a throw must become a rejection
      async readFile(p) {
        const f = files.get(p);
        if (!f) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
        return f;
      },
      // eslint-disable-next-line @typescript-eslint/require-await -- implements the async HandbookFs/writeFixed contract: a throw must become a rejection
      async readDirectory(p): Promise<DirEntry[]> {
        if (p !== '/hb') throw new Error(`ENOENT: ${p}`);
        return [...files.keys()].map((k) => ({ name: k.slice('/hb/'.length), type: 'file' as const }));
      },
      // eslint-disable-next-line @typescript-eslint/require-await -- implements the async HandbookFs/writeFixed contract: a throw must become a rejection
      async stat(p) {
        if (p === '/hb') return { type: 'directory', size: 0 };
        const f = files.get(p);
        if (!f) throw new Error(`ENOENT: ${p}`);
        return { type: 'file', size: f.length };
      },
    };
    const out = path.join(tmp, 'a/b/site');
    let stdout = '';
    let stderr = '';
    const code = await renderCommand(
      { argv: [], cwd: '/hb', env: {}, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) },
      { out, today: '2027-05-20' },
      [],
      'en',
      fakeFs,
    );
    assert.equal(code, 0, stderr);
    assert.match(stderr, /No page for \.\.\/\.\.\/evil\.md: its path could leave the output directory/);
    assert.match(stdout, /Wrote the site \(1 charter pages\)/);
    assert.deepEqual(tree(tmp), ['a/b/site/.charters-site.json', 'a/b/site/charters.css', 'a/b/site/history.html', 'a/b/site/index.html', 'a/b/site/leaders/leena-virtanen.html', 'a/b/site/ok.html']);
    assert.match(readFileSync(path.join(out, 'index.html'), 'utf8'), /<code>..\/..\/evil.md<\/code>: unsafe output path/);
  });
});

describe('charters render: leader pages (spawned)', () => {
  const words = (html: string): string => visibleText(fromHtml(html)).replace(/\s+/g, ' ');

  it('several owners per charter: one page per person, linked from the index, with every element, goal and finding', async () => {
    cpSync(path.join(ROOT, 'test/fixtures/render/site-owners'), path.join(tmp, 'hb'), { recursive: true });
    const r = await run('spawned', ['render', 'hb', '--out', 'site', ...TODAY], tmp);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Wrote 3 leader pages \(one per owner\) to site\/leaders/);
    assert.deepEqual(tree(path.join(tmp, 'site/leaders')), ['anna-laine.html', 'matti-virtanen.html', 'pekka-makinen-hr-tampere.html']);
    const index = readFileSync(path.join(tmp, 'site/index.html'), 'utf8');
    for (const p of ['leaders/anna-laine.html', 'leaders/matti-virtanen.html', 'leaders/pekka-makinen-hr-tampere.html']) assert.ok(index.includes(`href="${p}"`), p);
    for (const f of tree(path.join(tmp, 'site/leaders'))) assertSafePage(readFileSync(path.join(tmp, 'site/leaders', f), 'utf8'), f);
    const pekka = words(readFileSync(path.join(tmp, 'site/leaders/pekka-makinen-hr-tampere.html'), 'utf8'));
    assert.match(pekka, /Pekka Mäkinen \(HR; Tampere\): my part/);
    // both charters, every element of their tiers, the goals, what a missing element must say, the findings
    for (const w of [
      'Operations',
      'Crane team',
      'Interpreter between strategy and everyday work',
      'Monitoring learning and development',
      'every shift has a plan with learning goals by the end of February 2027, reviewed with the team.',
      'Goal: all operators certified on the new controls by June 2027.',
      'Psychological safety',
      'missing from the charter',
      'Missing element Psychological safety',
      'Overdue by 130 days',
    ]) {
      assert.ok(pekka.includes(w), `"${w}" not on the page`);
    }
  });

  it('examples/handbook: a page per owner; each lists the owner\'s charter, all its elements and goals', async () => {
    const example = path.join(ROOT, 'examples/handbook');
    const r = await run('spawned', ['render', example, '--out', 'site', ...TODAY], tmp);
    assert.equal(r.code, 0, r.stderr);
    const pages = tree(path.join(tmp, 'site/leaders'));
    assert.equal(pages.length, 9);
    const page = words(readFileSync(path.join(tmp, 'site/leaders/mikko-laaksonen-tuotantojohtaja.html'), 'utf8'));
    assert.match(page, /Mikko Laaksonen \(tuotantojohtaja\): oma osuuteni/);
    for (const w of ['Tuotanto', 'Tulkki strategian ja arjen välillä', 'Esteiden poistaminen', 'Tiedon jakamisen varmistaminen', 'Esihenkilöiden valmentava johtaminen', 'Oppimisen ja kehittämisen seuraaminen', 'Tavoite: valmennuspalaveri pidetään 11 kertaa vuodessa.', '2027-05-31']) {
      assert.ok(page.includes(w), `"${w}" not on the page`);
    }
    // and the matrix cells carry the elements' sentences
    const index = words(readFileSync(path.join(tmp, 'site/index.html'), 'utf8'));
    assert.ok(index.includes('Tuotannon strategiset tavoitteet vuosille 2026–2030 ovat moitteeton talousveden laatu, energiankulutuksen vähentäminen 15 prosentilla ja prosessiautomaation uudistaminen molemmilla laitoksilla.'));
  });
});

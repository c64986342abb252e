/**
 * Issue 8 as an attacker tries it: a handbook (and its repository) is hostile input. Every test
 * runs the real bin (`node bin/charters.js`) in a temporary folder and checks what the user's
 * machine sees: no program the repository configures is run (a marker file stays absent), no
 * byte from outside the handbook or inside `.git` reaches an output, nothing is written through
 * a symbolic link, a planted cache cannot hide findings, and no control character reaches a
 * text output. docs/security.md lists which test keeps which guard true.
 *
 * Build first (`node scripts/build.mjs`): the bin runs dist/cli.js.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin/charters.js');
const TODAY = ['--today', '2026-11-27'];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let scratch: string;
before(() => {
  scratch = realpathSync(mkdtempSync(path.join(tmpdir(), 'charters-security-')));
});
after(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** A fresh folder for one test. */
function fresh(name: string): string {
  const dir = path.join(scratch, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The bin, with the user's cache (and the cache key) in the test's own folder. */
function charters(args: string[], cwd: string, env: Record<string, string | undefined> = {}): Run {
  const base: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8', XDG_CACHE_HOME: path.join(scratch, 'xdg-cache') };
  for (const key of ['LC_ALL', 'LC_MESSAGES', 'FORCE_COLOR', 'TERM', 'CHARTERS_CACHE_GIT', 'GIT_DIR', 'GIT_WORK_TREE']) delete base[key];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...base, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  assert.equal(r.error, undefined, `spawning the bin failed: ${String(r.error)}`);
  assert.equal(r.signal, null, `the bin was killed by ${String(r.signal)}`);
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function assertNoCrash(r: Run): void {
  assert.doesNotMatch(r.stderr, /^\s+at .+[(:]\d+/m, `a stack trace on stderr:\n${r.stderr}`);
  assert.doesNotMatch(r.stderr, /internal error|sisäinen virhe/i, r.stderr);
}

function git(cwd: string, ...args: string[]): string {
  const env: Record<string, string | undefined> = {
    ...process.env,
    GIT_AUTHOR_NAME: 'T',
    GIT_AUTHOR_EMAIL: 't@example.com',
    GIT_COMMITTER_NAME: 'T',
    GIT_COMMITTER_EMAIL: 't@example.com',
    GIT_CONFIG_NOSYSTEM: '1',
    HOME: scratch,
  };
  delete env['GIT_DIR'];
  delete env['GIT_WORK_TREE'];
  const r = spawnSync('git', args, { cwd, env, encoding: 'utf8' });
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

const FM = '---\ntier: supervisors\nowner: Maija\nnext-review: 2027-03-01\n---\n\n';
/** A supervisors' charter missing psychological safety: one `element-missing` error on line 7. */
const CHARTER = `${FM}# Team Lähde\n\n## Team learning plans\n\nWhat we learn.\n\n- Goal: a plan per person.\n\n## Facilitating individual strengths, development needs and learning plans\n\nOne strength.\n\n- Goal: everyone has a plan.\n\n## Facilitating agile learning\n\nRetrospectives.\n\n- Goal: one experiment a month.\n`;

function write(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

/** A committed handbook in a git repository: `charters.yaml` and two charters. */
function repo(name: string): string {
  const dir = fresh(name);
  write(dir, { 'charters.yaml': 'language: en\n', 'a.md': CHARTER, 'b.md': CHARTER });
  git(dir, 'init', '-q');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'handbook');
  return dir;
}

/** Make every tracked file racily clean: modified in the same second as the index was written. */
function makeRacy(dir: string, files: string[]): void {
  const index = lstatSync(path.join(dir, '.git', 'index'));
  for (const f of files) utimesSync(path.join(dir, f), index.atime, index.mtime);
}

/** Lint with the cache twice (cold, then warm): both see the one error per charter. */
function lintCachedTwice(dir: string, env: Record<string, string | undefined> = {}): Run[] {
  const runs = [0, 1].map(() => charters(['lint', '--cache', '--format', 'json', ...TODAY, '.'], dir, env));
  for (const r of runs) {
    assert.equal(r.code, 1, r.stderr);
    assertNoCrash(r);
    const json = JSON.parse(r.stdout) as { findings: { file: string; ruleId: string }[] };
    assert.deepEqual(
      json.findings.filter((f) => f.file.endsWith('.md')).map((f) => `${f.file} ${f.ruleId}`),
      ['a.md element-missing', 'b.md element-missing'],
    );
  }
  return runs;
}

describe('security: git never runs what a repository configures (issue 8.1)', function () {
  this.timeout(120_000);

  it('core.fsmonitor: not run by lint --cache', () => {
    const dir = repo('fsmonitor');
    const marker = path.join(scratch, 'fsmonitor-ran');
    git(dir, 'config', 'core.fsmonitor', `touch ${marker}; echo`);
    lintCachedTwice(dir);
    // Racily clean files are where git looks hardest.
    makeRacy(dir, ['a.md', 'b.md']);
    lintCachedTwice(dir);
    assert.equal(existsSync(marker), false, 'the fsmonitor command ran');
  });

  it('a clean filter on racily clean files: not run; the files are hashed instead', () => {
    const dir = repo('filter');
    const marker = path.join(scratch, 'filter-ran');
    write(dir, { '.gitattributes': '*.md filter=evil diff=evil\n' });
    git(dir, 'add', '.gitattributes');
    git(dir, 'commit', '-q', '-m', 'attributes');
    git(dir, 'config', 'filter.evil.clean', `touch ${marker}; cat`);
    git(dir, 'config', 'filter.evil.smudge', `touch ${marker}; cat`);
    git(dir, 'config', 'filter.evil.process', `sh -c 'touch ${marker}'`);
    git(dir, 'config', 'diff.evil.textconv', `touch ${marker}; cat`);
    git(dir, 'config', 'diff.evil.command', `touch ${marker}; true`);
    git(dir, 'config', 'diff.external', `sh -c 'touch ${marker}'`);
    makeRacy(dir, ['a.md', 'b.md']);
    lintCachedTwice(dir);
    makeRacy(dir, ['a.md', 'b.md']);
    lintCachedTwice(dir);
    assert.equal(existsSync(marker), false, 'a filter, textconv or external diff ran');
  });

  it('hooks (core.hooksPath and .git/hooks): not run', () => {
    const dir = repo('hooks');
    const marker = path.join(scratch, 'hook-ran');
    const hooks = path.join(dir, 'evil-hooks');
    for (const h of [hooks, path.join(dir, '.git', 'hooks')]) {
      for (const name of ['post-index-change', 'post-checkout', 'pre-commit', 'reference-transaction', 'fsmonitor-watchman']) {
        write(h, { [name]: `#!/bin/sh\ntouch ${marker}\n` });
        spawnSync('chmod', ['+x', path.join(h, name)]);
      }
    }
    git(dir, 'config', 'core.hooksPath', hooks);
    makeRacy(dir, ['a.md', 'b.md']);
    lintCachedTwice(dir);
    assert.equal(existsSync(marker), false, 'a hook ran');
  });

  it('a committed folder that looks like a bare repository is never taken for one', () => {
    // The handbook folder itself (and a folder inside it) hold HEAD, objects/, refs/ and a
    // config naming an fsmonitor: git's own discovery would take them for bare repositories.
    const dir = fresh('bare-lookalike');
    const marker = path.join(scratch, 'bare-ran');
    const bare = (d: string): void => {
      write(d, { HEAD: 'ref: refs/heads/main\n', config: `[core]\n\tbare = true\n\tfsmonitor = touch ${marker}; echo\n`, 'objects/.keep': '', 'refs/heads/.keep': '' });
    };
    write(dir, { 'charters.yaml': 'language: en\n', 'a.md': CHARTER, 'b.md': CHARTER });
    bare(dir);
    bare(path.join(dir, 'sub'));
    lintCachedTwice(dir);
    assert.equal(existsSync(marker), false, 'git took a committed folder for a repository');
  });

  it('a `.git` symbolic link is not followed to a repository', () => {
    const evil = repo('symlinked-repo');
    const marker = path.join(scratch, 'symlink-git-ran');
    git(evil, 'config', 'core.fsmonitor', `touch ${marker}; echo`);
    const dir = fresh('dotgit-symlink');
    write(dir, { 'charters.yaml': 'language: en\n', 'a.md': CHARTER, 'b.md': CHARTER });
    symlinkSync(path.join(evil, '.git'), path.join(dir, '.git'));
    lintCachedTwice(dir);
    assert.equal(existsSync(marker), false);
  });

  it('a `.git` file pointing to another repository: its configured programs do not run', () => {
    const evil = repo('pointed-repo');
    const marker = path.join(scratch, 'gitfile-ran');
    git(evil, 'config', 'core.fsmonitor', `touch ${marker}; echo`);
    git(evil, 'config', 'core.hooksPath', path.join(evil, 'nowhere'));
    const dir = fresh('dotgit-file');
    write(dir, { 'charters.yaml': 'language: en\n', 'a.md': CHARTER, 'b.md': CHARTER, '.git': `gitdir: ${path.join(evil, '.git')}\n` });
    lintCachedTwice(dir);
    assert.equal(existsSync(marker), false);
  });

  it('GIT_DIR and GIT_CONFIG_* in the environment do not point git elsewhere', () => {
    const evil = repo('env-repo');
    const marker = path.join(scratch, 'env-ran');
    git(evil, 'config', 'core.fsmonitor', `touch ${marker}; echo`);
    const dir = repo('env-victim');
    makeRacy(dir, ['a.md', 'b.md']);
    lintCachedTwice(dir, {
      GIT_DIR: path.join(evil, '.git'),
      GIT_WORK_TREE: dir,
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'core.fsmonitor',
      GIT_CONFIG_VALUE_0: `touch ${marker}; echo`,
      GIT_EXTERNAL_DIFF: `touch ${marker}`,
    });
    assert.equal(existsSync(marker), false);
  });
});

/** Every file's text under `dir`, joined (to look for a leaked secret in a whole site). */
function allText(dir: string): string {
  let out = '';
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const p = path.join(e.parentPath, e.name);
    if (e.isFile()) out += readFileSync(p, 'utf8');
  }
  return out;
}

const SECRET = 'c2VjcmV0LXRva2VuLTQyCg';

/** A repository whose `.git/config` holds a token as actions/checkout stores it, and charters. */
function leakyRepo(name: string, yaml: string): string {
  const dir = repo(name);
  write(dir, { 'charters.yaml': yaml });
  git(dir, 'config', 'http.https://github.com/.extraheader', `AUTHORIZATION: basic ${SECRET}`);
  mkdirSync(path.join(scratch, `${name}-outside`), { recursive: true });
  writeFileSync(path.join(scratch, `${name}-outside`, 'secret.md'), `${FM}# Outside ${SECRET}\n`);
  return dir;
}

describe('security: nothing outside the handbook or inside .git is read (issue 8.3)', function () {
  this.timeout(120_000);

  it('render: `notes.md -> .git/config` with `include: [notes.md]` does not publish the token', () => {
    const dir = leakyRepo('leak-render', 'language: en\ninclude: ["notes.md"]\n');
    symlinkSync('.git/config', path.join(dir, 'notes.md'));
    const r = charters(['render', '.', '--out', path.join(scratch, 'leak-site'), ...TODAY], dir);
    assertNoCrash(r);
    assert.equal(r.code, 0, r.stderr);
    const site = allText(path.join(scratch, 'leak-site'));
    assert.ok(site.includes('a.md'), 'the ordinary charters are still rendered');
    assert.equal(site.includes(SECRET), false, 'the token was published in the site');
    assert.equal(`${r.stdout}${r.stderr}`.includes(SECRET), false);
  });

  it('lint: a link into .git, a link to a folder inside .git, a link out of the handbook: skipped by name with the reason', () => {
    const dir = leakyRepo('leak-lint', 'language: en\ninclude: ["*.md", "docs/**"]\nexclude: ["drafts/**"]\n');
    symlinkSync('.git/config', path.join(dir, 'notes.md'));
    symlinkSync('.git', path.join(dir, 'docs'));
    symlinkSync(path.join(scratch, 'leak-lint-outside', 'secret.md'), path.join(dir, 'away.md'));
    write(dir, { 'drafts/secret.md': `${FM}# Draft ${SECRET}\n` });
    symlinkSync('drafts/secret.md', path.join(dir, 'draft-link.md'));
    for (const lang of ['en', 'fi']) {
      const r = charters(['lint', '--format', 'json', '--lang', lang, ...TODAY, '.'], dir);
      assertNoCrash(r);
      assert.equal(r.code, 1, r.stderr);
      assert.equal(`${r.stdout}${r.stderr}`.includes(SECRET), false, 'the secret reached the output');
      const json = JSON.parse(r.stdout) as { findings: { file: string }[]; skipped: { file: string; reason: string }[] };
      const reason = (f: string): string => json.skipped.find((s) => s.file === f)?.reason ?? `(not skipped: ${JSON.stringify(json.skipped)})`;
      if (lang === 'en') {
        assert.match(reason('notes.md'), /inside a `\.git` directory/);
        assert.match(reason('docs'), /inside a `\.git` directory/);
        assert.match(reason('away.md'), /outside the handbook; not followed/);
        assert.match(reason('draft-link.md'), /`exclude` rules out; not followed/);
      } else {
        assert.match(reason('notes.md'), /`\.git`-hakemistossa/);
        assert.match(reason('away.md'), /käsikirjan ulkopuolelle; ei seurattu/);
        assert.match(reason('draft-link.md'), /`exclude` rajaa pois/);
      }
      assert.deepEqual([...new Set(json.findings.map((f) => f.file).filter((f) => f.endsWith('.md')))], ['a.md', 'b.md']);
    }
  });

  it('lint, matrix: a file named on the command line that links into .git is not read', () => {
    const dir = leakyRepo('leak-named', 'language: en\ninclude: ["notes.md"]\n');
    symlinkSync('.git/config', path.join(dir, 'notes.md'));
    const r = charters(['lint', '--format', 'json', ...TODAY, 'notes.md', '.git/config', 'a.md'], dir);
    assertNoCrash(r);
    assert.equal(`${r.stdout}${r.stderr}`.includes(SECRET), false, 'the token reached the output');
    const json = JSON.parse(r.stdout) as { skipped: { file: string; reason: string }[] };
    assert.deepEqual(
      json.skipped.map((s) => s.file),
      ['notes.md', '.git/config'],
    );
    for (const args of [['matrix', '.'], ['matrix', '.', '--format', 'json']]) {
      const m = charters([...args, ...TODAY], dir);
      assertNoCrash(m);
      assert.equal(`${m.stdout}${m.stderr}`.includes(SECRET), false);
    }
    const s = charters(['lint', '--format', 'stylish', ...TODAY, 'notes.md'], dir);
    assert.match(s.stdout, /notes\.md\n {2}skipped {2}inside a `\.git` directory/);
  });

  it('a charters.yaml or README.md that links into .git is not read', () => {
    const dir = leakyRepo('leak-config', 'language: en\n');
    git(dir, 'config', 'charters.title', `# ${SECRET}`);
    rmSync(path.join(dir, 'charters.yaml'));
    symlinkSync('.git/config', path.join(dir, 'charters.yaml'));
    const r = charters(['lint', ...TODAY, '.'], dir);
    assert.equal(r.code, 2);
    assert.equal(`${r.stdout}${r.stderr}`.includes(SECRET), false);
    assert.match(r.stderr, /charters\.yaml:1:1: error: inside a `\.git` directory/);
    rmSync(path.join(dir, 'charters.yaml'));
    write(dir, { 'charters.yaml': 'language: en\n', '.git/title.md': `# Title ${SECRET}\n` });
    symlinkSync('.git/title.md', path.join(dir, 'README.md'));
    const site = path.join(scratch, 'leak-config-site');
    const rr = charters(['render', '.', '--out', site, ...TODAY], dir);
    assert.equal(rr.code, 0, rr.stderr);
    assert.equal(allText(site).includes(SECRET), false, 'the README link published the secret');
  });
});

describe('security: nothing is written through a symbolic link (issue 8.4)', function () {
  this.timeout(120_000);

  /** A handbook with one charter, and a victim file outside it that links point at. */
  function setup(name: string): { dir: string; victim: string } {
    const dir = fresh(name);
    write(dir, { 'charters.yaml': 'language: en\n', 'a.md': CHARTER });
    const victim = path.join(scratch, `${name}-victim.txt`);
    writeFileSync(victim, 'precious\n');
    return { dir, victim };
  }

  /** The refusal: exit 2, a clear message naming the link, the victim untouched, no temp files. */
  function assertRefused(r: Run, victim: string, link: RegExp, lang: 'en' | 'fi' = 'en'): void {
    assertNoCrash(r);
    assert.equal(r.code, 2, `${r.stdout}\n${r.stderr}`);
    assert.match(r.stderr, lang === 'en' ? /Refusing to write .*is a symbolic link/ : /ei kirjoiteta: .* on symbolinen linkki/);
    assert.match(r.stderr, link);
    assert.equal(readFileSync(victim, 'utf8'), 'precious\n', 'the file behind the link was overwritten');
  }

  it('matrix --output MATRIX.md -> /some/file: refused, the file kept', () => {
    const { dir, victim } = setup('w-matrix');
    symlinkSync(victim, path.join(dir, 'MATRIX.md'));
    assertRefused(charters(['matrix', '.', '--output', 'MATRIX.md', ...TODAY], dir), victim, /MATRIX\.md/);
    assert.ok(lstatSync(path.join(dir, 'MATRIX.md')).isSymbolicLink());
    assertRefused(charters(['matrix', '.', '--output', 'MATRIX.md', '--lang', 'fi', ...TODAY], dir), victim, /MATRIX\.md/, 'fi');
  });

  it('lint --output report.sarif -> /some/file, and a linked folder on the way: refused', () => {
    const { dir, victim } = setup('w-report');
    symlinkSync(victim, path.join(dir, 'report.sarif'));
    assertRefused(charters(['lint', '.', '--format', 'sarif', '--output', 'report.sarif', ...TODAY], dir), victim, /report\.sarif/);
    // A committed folder link: `reports -> /elsewhere`, then --output reports/x.sarif.
    const elsewhere = fresh('w-report-elsewhere');
    symlinkSync(elsewhere, path.join(dir, 'reports'));
    assertRefused(charters(['lint', '.', '--output', 'reports/x.sarif', ...TODAY], dir), victim, /reports/);
    assert.deepEqual(readdirSync(elsewhere), []);
  });

  it('render --out: a link, a dangling link and a link inside the site are refused, no stack trace', () => {
    const { dir, victim } = setup('w-render');
    const elsewhere = fresh('w-render-elsewhere');
    symlinkSync(elsewhere, path.join(dir, 'site'));
    assertRefused(charters(['render', '.', '--out', 'site', ...TODAY], dir), victim, /site/);
    assert.deepEqual(readdirSync(elsewhere), []);
    symlinkSync(path.join(scratch, 'w-render-nowhere'), path.join(dir, 'dangling'));
    assertRefused(charters(['render', '.', '--out', 'dangling', ...TODAY], dir), victim, /dangling/);
    assert.equal(existsSync(path.join(scratch, 'w-render-nowhere')), false, 'render made the dangling link\'s target');
    // A site made by render, then a page replaced by a link to the victim: the link is replaced,
    // never written through.
    const site = path.join(scratch, 'w-render-site');
    assert.equal(charters(['render', '.', '--out', site, ...TODAY], dir).code, 0);
    rmSync(path.join(site, 'index.html'));
    symlinkSync(victim, path.join(site, 'index.html'));
    const again = charters(['render', '.', '--out', site, ...TODAY], dir);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(readFileSync(victim, 'utf8'), 'precious\n');
    assert.equal(lstatSync(path.join(site, 'index.html')).isFile(), true);
  });

  it('init and new: a linked folder on the way (.github -> elsewhere) is refused', () => {
    const { dir, victim } = setup('w-init');
    const elsewhere = fresh('w-init-elsewhere');
    symlinkSync(elsewhere, path.join(dir, '.github'));
    const r = charters(['init', '.'], dir);
    assertRefused(r, victim, /\.github/);
    assert.deepEqual(readdirSync(elsewhere), [], 'init wrote through the linked folder');
    symlinkSync(elsewhere, path.join(dir, 'units'));
    assertRefused(charters(['new', 'supervisors', '--out', 'units/x.md'], dir), victim, /units/);
    assert.deepEqual(readdirSync(elsewhere), []);
  });

  it('lint --cache: a committed cache file that links elsewhere is not written through', () => {
    const { dir, victim } = setup('w-cache');
    mkdirSync(path.join(dir, '.charters-cache'));
    for (const name of ['lint-00000000.json', 'lint-11111111.json']) symlinkSync(victim, path.join(dir, '.charters-cache', name));
    // The default cache is outside the work tree; --cache-location puts it where the links are.
    const r = charters(['lint', '--cache', '--cache-location', '.charters-cache', ...TODAY, '.'], dir);
    assertNoCrash(r);
    assert.equal(r.code, 1, r.stderr);
    const plain = charters(['lint', '--cache', ...TODAY, '.'], dir);
    assert.equal(plain.code, 1, plain.stderr);
    assert.equal(readFileSync(victim, 'utf8'), 'precious\n');
    const cacheName = readdirSync(path.join(dir, '.charters-cache')).find((f) => !f.startsWith('lint-0') && !f.startsWith('lint-1'));
    if (cacheName) {
      // Point the real cache file at the victim too: refused with a note, the run goes on.
      rmSync(path.join(dir, '.charters-cache', cacheName));
      symlinkSync(victim, path.join(dir, '.charters-cache', cacheName));
      const linked = charters(['lint', '--cache', '--cache-location', '.charters-cache', ...TODAY, '.'], dir);
      assert.equal(linked.code, 1, linked.stderr);
      assert.match(linked.stderr, /not writing the cache file .* is a symbolic link/);
      assert.equal(readFileSync(victim, 'utf8'), 'precious\n');
    }
  });
});

describe('security: a committed cache cannot hide findings (issue 8.5)', function () {
  this.timeout(120_000);

  /** Errors on the charters (the handbook-level ones do not depend on the cache). */
  const errorsOf = (r: Run): number => (JSON.parse(r.stdout) as { findings: { file: string; severity: string }[] }).findings.filter((f) => f.file.endsWith('.md') && f.severity === 'error').length;

  it('the default cache lives outside the work tree, in the user\'s cache directory, with a private key', () => {
    const dir = repo('c-default');
    const r = charters(['lint', '--cache', '--format', 'json', ...TODAY, '.'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(existsSync(path.join(dir, '.charters-cache')), false);
    assert.equal(git(dir, 'status', '--porcelain'), '', 'the lint left files in the work tree');
    const home = path.join(scratch, 'xdg-cache', 'leadership-charters');
    assert.ok(readdirSync(home).some((f) => /^lint-[0-9a-f]{32}\.json$/.test(f)), readdirSync(home).join(', '));
    assert.equal(lstatSync(path.join(home, 'key')).mode & 0o777, 0o600);
  });

  it('a cache file edited to empty findings (or planted from another machine) is a miss: every error is reported', () => {
    const dir = repo('c-planted');
    const cacheDir = path.join(dir, '.charters-cache');
    const lint = (env: Record<string, string> = {}): Run => charters(['lint', '--cache', '--cache-location', '.charters-cache', '--format', 'json', ...TODAY, '.'], dir, env);
    const cold = lint();
    assert.equal(errorsOf(cold), 2);
    const [file] = readdirSync(cacheDir);
    const cacheFile = path.join(cacheDir, file!);
    // The attacker's edit: every finding gone, the file otherwise as written.
    const data = JSON.parse(readFileSync(cacheFile, 'utf8')) as { files: Record<string, { o: { findings?: unknown[] } }> };
    for (const e of Object.values(data.files)) if (e.o.findings) e.o.findings = [];
    writeFileSync(cacheFile, JSON.stringify(data));
    const edited = lint();
    assert.equal(errorsOf(edited), 2, 'the edited cache hid findings');
    assert.match(edited.stderr, /ignoring the cache file .*not written by charters on this machine/);
    // Committed, then used on a fresh clone: git tracks it, so it is ignored and left alone.
    git(dir, 'add', '-f', '.charters-cache');
    git(dir, 'commit', '-q', '-m', 'cache');
    const committed = readFileSync(cacheFile, 'utf8');
    const tracked = lint();
    assert.equal(errorsOf(tracked), 2);
    assert.match(tracked.stderr, /git tracks it/);
    assert.equal(readFileSync(cacheFile, 'utf8'), committed, 'a tracked cache file was rewritten');
    // The same file (a valid MAC under another key) on another machine: a miss.
    git(dir, 'rm', '-q', '--cached', '-r', '.charters-cache');
    lint();
    const other = lint({ XDG_CACHE_HOME: path.join(scratch, 'other-machine') });
    assert.equal(errorsOf(other), 2);
    assert.match(other.stderr, /not written by charters on this machine/);
  });

  it('a corrupt cache file: a note that never quotes its bytes', () => {
    const dir = repo('c-corrupt');
    const cacheDir = path.join(dir, 'cc');
    charters(['lint', '--cache', '--cache-location', 'cc', ...TODAY, '.'], dir);
    const [file] = readdirSync(cacheDir);
    writeFileSync(path.join(cacheDir, file!), `\u001b]0;OWNED\u0007{"x": ${SECRET}`);
    const r = charters(['lint', '--cache', '--cache-location', 'cc', ...TODAY, '.'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /ignoring the cache file/);
    assert.equal(r.stderr.includes(SECRET), false, 'the parse error quoted the file');
    assert.equal(r.stderr.includes('\u001b'), false);
  });
});

describe('security: no control character reaches a text output (issue 8.6)', function () {
  this.timeout(120_000);
  const FORGED = 'a\n::warning title=INJECTED::forged\nb.md';
  /** An element name from charters.yaml with a newline and terminal escapes (title change, erase line). */
  const EVIL_NAME = 'Team learning plans\\n::error::forged\\u001b]0;OWNED\\u0007\\u001b[2K';

  function hostile(name: string): string {
    const dir = fresh(name);
    write(dir, {
      'charters.yaml': `language: en\nframework:\n  tiers:\n    - id: supervisors\n      elements:\n        - id: team-learning-plans\n          name: "${EVIL_NAME}"\n`,
      [FORGED]: CHARTER,
      // Without the element's heading: its (hostile) name is in the element-missing message.
      'b.md': `${FM}# T\n`,
    });
    return dir;
  }

  /** No line of `text` starts a workflow command, and no ESC, BEL or other control is left. */
  function assertClean(text: string): void {
    assert.doesNotMatch(text, /^::/m, `a forged workflow command:\n${text}`);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(text, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/, 'a control character in the output');
  }

  it('stylish: a file name with newlines and element names with escapes are shown escaped', () => {
    const dir = hostile('ctl-stylish');
    for (const lang of ['en', 'fi']) {
      const r = charters(['lint', '--lang', lang, ...TODAY, '.'], dir);
      assertNoCrash(r);
      assert.equal(r.code, 1, r.stderr);
      assertClean(r.stdout + r.stderr);
      assert.ok(r.stdout.includes('a\\n::warning title=INJECTED::forged\\nb.md'), r.stdout);
      assert.ok(r.stdout.includes('\\x1b]0;OWNED\\x07'), 'the escape is shown, visibly');
    }
    // Colour on: our own escapes only.
    const colour = charters(['lint', '--color', ...TODAY, '.'], dir);
    assert.doesNotMatch(colour.stdout.replace(/\u001b\[\d{1,2}m/g, ''), /\u001b/);
  });

  it('messages printed by render, matrix, init and new: escaped', () => {
    const dir = hostile('ctl-render');
    const site = path.join(scratch, 'ctl-site');
    const r = charters(['render', '.', '--out', site, ...TODAY], dir);
    assertNoCrash(r);
    assertClean(r.stdout + r.stderr);
    const weird = `x\u001b]0;OWNED\u0007\nsite`;
    const w = charters(['new', 'supervisors', '--out', `${weird}.md`], dir);
    assert.equal(w.code, 0, w.stderr);
    assertClean(w.stdout + w.stderr);
    const again = charters(['new', 'supervisors', '--out', `${weird}.md`], dir);
    assert.equal(again.code, 2);
    assertClean(again.stdout + again.stderr);
    const i = charters(['init', `in${weird}`], dir);
    assertClean(i.stdout + i.stderr);
  });

  it('frontmatter values and command-line arguments quoted in messages: escaped', () => {
    const dir = fresh('ctl-values');
    write(dir, { 'charters.yaml': 'language: en\n', 'a.md': '---\ntier: "x\\u001b]0;OWNED\\u0007\\n::error::forged"\n---\n# T\n' });
    const r = charters(['lint', ...TODAY, '.'], dir);
    assert.equal(r.code, 1, r.stderr);
    assertClean(r.stdout + r.stderr);
    assert.match(r.stdout, /Unknown tier `x\\x1b\]0;OWNED\\x07\\n::error::forged`/);
    const n = charters(['new', 'x\u001b]0;OWNED\u0007\n::error::forged'], dir);
    assert.equal(n.code, 2);
    assertClean(n.stdout + n.stderr);
  });

  it('matrix --format md: a file name with newlines stays inside its cell, no HTML', () => {
    const dir = fresh('ctl-matrix');
    const overdue = CHARTER.replace('next-review: 2027-03-01', 'next-review: 2020-01-01');
    const evil = 'x`\n\n<img src=x onerror=alert(1)>\n`y.md';
    write(dir, { 'charters.yaml': 'language: en\n', [evil]: overdue, 'no-tier`\n<img src=x onerror=alert(2)>.md': '# no tier\n' });
    write(dir, { 'charters.yaml': 'language: en\ninclude: ["no-tier*"]\n' });
    const r = charters(['matrix', '.', ...TODAY], dir);
    assert.equal(r.code, 0, r.stderr);
    assertClean(r.stdout);
    assert.doesNotMatch(r.stdout, /<img/i, r.stdout);
    assert.ok(r.stdout.includes('onerror'), 'the file is listed (escaped)');
    for (const line of r.stdout.split('\n')) assert.doesNotMatch(line, /^`?y\.md|^\s*<|^`/, `a line broke out: ${line}`);
  });
});

describe('security: other placements of links (issue 8.3, 8.4)', function () {
  this.timeout(120_000);

  it('a linked folder inside the handbook: its files are judged by their real place (excluded there: skipped)', () => {
    const dir = fresh('place-linked-dir');
    // The link sorts first, so the folder is walked through it before its real place.
    write(dir, { 'charters.yaml': 'language: en\nexclude: ["drafts/*.md"]\n', 'b.md': CHARTER, 'drafts/secret.md': `${FM}# Secret draft\n` });
    symlinkSync('drafts', path.join(dir, 'a-pub'));
    const r = charters(['lint', '--format', 'json', ...TODAY, '.'], dir);
    assertNoCrash(r);
    const json = JSON.parse(r.stdout) as { findings: { file: string }[]; skipped: { file: string; reason: string }[] };
    assert.equal(json.findings.some((f) => f.file.includes('secret')), false, 'an excluded file was linted through a linked folder');
    assert.match(json.skipped.find((s) => s.file === 'a-pub/secret.md')?.reason ?? JSON.stringify(json.skipped), /`exclude` rules out/);
  });

  it('init: a committed `.github` link at the root of the repository above the handbook is not written through', () => {
    const top = repo('place-init');
    const elsewhere = fresh('place-init-elsewhere');
    symlinkSync(elsewhere, path.join(top, '.github'));
    mkdirSync(path.join(top, 'handbook'));
    const r = charters(['init', '.'], path.join(top, 'handbook'));
    assertNoCrash(r);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /is a symbolic link/);
    assert.deepEqual(readdirSync(elsewhere), [], 'init wrote the workflow through the link');
  });
});

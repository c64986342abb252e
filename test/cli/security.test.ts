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

/**
 * Hostile input through the real bin (`node bin/charters.js`), in a temporary handbook that
 * holds one ordinary charter beside every kind of file a broken or adversarial handbook can
 * hold. The run must lint the ordinary charter, name every hostile file in a finding or a
 * skipped-file reason, exit 1 (findings), not 2, print no stack trace, and end: the mocha
 * timeout is the bound, there are no timing asserts. Big files are generated here, in the
 * temporary folder, never kept in the repository.
 *
 * Then what the writing commands promise: `--fix`, `init` and `new` never replace a file they
 * did not mean to and never leave a temporary file behind.
 *
 * Build first (`node scripts/build.mjs`): the bin runs dist/cli.js.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin/charters.js');
const TODAY = ['--today', '2026-11-27'];
const IS_ROOT = process.getuid?.() === 0;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

interface Json {
  summary: { charters: number; errors: number; skipped: number; fixed: number };
  findings: { ruleId: string; file: string; line: number; column: number; message: string }[];
  skipped: { file: string; reason: string }[];
}

function charters(args: string[], cwd: string, as?: { uid: number; gid: number; bin: string }, nodeArgs: string[] = []): Run {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8' };
  for (const key of ['LC_ALL', 'LC_MESSAGES', 'FORCE_COLOR', 'TERM']) delete env[key];
  const user = as ? { uid: as.uid, gid: as.gid } : {};
  const r = spawnSync(process.execPath, [...nodeArgs, as?.bin ?? BIN, ...args], { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 100_000, maxBuffer: 64 * 1024 * 1024, ...user });
  assert.equal(r.error, undefined, `spawning the bin failed: ${String(r.error)}`);
  assert.equal(r.signal, null, `the bin was killed by ${String(r.signal)} (a hang?)`);
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The bin as another user can run it: bin/charters.js, the bundles it loads (dist/cli.js and
 * dist/worker.js) and package.json, copied into a new folder readable by everyone. The checkout
 * itself may be where no other user can read (a clone under /root, a mode-0700 folder).
 */
function worldReadableBin(parent: string): string {
  const dir = mkdtempSync(path.join(parent, 'bin-'));
  for (const rel of ['bin/charters.js', 'dist/cli.js', 'dist/worker.js', 'package.json']) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    copyFileSync(path.join(ROOT, rel), path.join(dir, rel));
  }
  for (const d of [dir, path.join(dir, 'bin'), path.join(dir, 'dist')]) chmodSync(d, 0o755);
  return path.join(dir, 'bin/charters.js');
}

/** No crash: no stack trace and no internal error on standard error. */
function assertNoCrash(r: Run): void {
  assert.doesNotMatch(r.stderr, /^\s+at .+[(:]\d+/m, `a stack trace on stderr:\n${r.stderr}`);
  assert.doesNotMatch(r.stderr, /internal error|sisäinen virhe/i, r.stderr);
  assert.notEqual(r.code, -1);
}

/** Every file under `dir` whose name says it is a temporary file of ours. */
function tempFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (/\.tmp$/.test(e.name)) out.push(p);
      if (e.isDirectory() && !e.isSymbolicLink()) walk(p);
    }
  };
  walk(dir);
  return out;
}

const FM = '---\ntier: supervisors\nowner: Maija\nnext-review: 2027-03-01\n---\n\n';
/** A supervisors' charter with every element written except psychological safety. */
const NORMAL = `${FM}# Team Lähde\n\n## Team learning plans\n\nWhat we learn this year.\n\n- Goal: a plan per person.\n\n## Facilitating individual strengths, development needs and learning plans\n\nOne strength, one skill.\n\n- Goal: everyone has a plan.\n\n## Facilitating agile learning\n\nRetrospectives every second week.\n\n- Goal: one experiment a month.\n`;

/** A billion laughs: ten anchors, each a list of nine aliases of the previous one. */
function aliasBomb(): string {
  const names = 'abcdefghij';
  const lines = [`a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`];
  for (let i = 1; i < names.length; i++) lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(', ')}]`);
  return lines.join('\n');
}

/** Lorem paragraphs in a charter, `bytes` long or a little more. */
function bigCharter(bytes: number): string {
  const para = `${'Oppiminen on osa jokaista työpäivää, ja tiimi sopii yhdessä mitä opitaan. '.repeat(10)}\n\n`;
  return `${FM}# Iso\n\n${para.repeat(Math.ceil(bytes / Buffer.byteLength(para)))}`;
}

describe('robustness: hostile handbook through the bin', function () {
  this.timeout(300_000);
  let tmp: string;
  let hb: string;
  let run: Run;
  let json: Json;

  const findingsOf = (file: string) => json.findings.filter((f) => f.file === `hb/${file}`);
  const skipOf = (file: string) => json.skipped.find((s) => s.file === `hb/${file}`)?.reason;

  before(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'charters-hostile-'));
    hb = path.join(tmp, 'hb');
    const w = (file: string, content: string | Uint8Array): void => {
      mkdirSync(path.dirname(path.join(hb, file)), { recursive: true });
      writeFileSync(path.join(hb, file), content);
    };
    w('charters.yaml', 'language: en\n');
    w('normal.md', NORMAL);
    w('invalid-yaml.md', '---\ntier: supervisors\nowner: Maija\n  bad: indent\n---\n# x\n');
    w('alias-bomb.md', `---\ntier: supervisors\n${aliasBomb()}\ntiers: *j\n---\n# x\n`);
    w('deep-yaml.md', `---\ntier: supervisors\nx: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\n# x\n`);
    w('big.md', bigCharter(10 * 1024 * 1024));
    w('headings.md', FM + Array.from({ length: 100_000 }, (_, i) => `## Heading ${i}\n`).join(''));
    w('deep-list.md', `${FM}${'- '.repeat(10_000)}item\n`);
    w('deep-indent.md', FM + Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- item\n`).join(''));
    w('deep-quote.md', `${FM}${'>'.repeat(10_000)} quote\n`);
    w('binary.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    w('latin1.md', Buffer.concat([Buffer.from('---\ntier: supervisors\n---\n# Esihenkil'), Buffer.from([0xf6]), Buffer.from('t\n')]));
    w('nul.md', `${FM}${'Text.\n'.repeat(5000)}a\u0000b\n`);
    // Line 8 holds the element without a goal, whatever the line ends and normalisation.
    w('crlf-bom-nfd.md', `\ufeff${`---\ntier: esihenkilöt\nowner: Mäki\nnext-review: 2027-03-01\n---\n\n# Tiimi Lähde\n## Tiimien oppimissuunnitelmat\n\nTeksti ilman tavoitetta.\n`.normalize('NFD').replace(/\n/g, '\r\n')}`);
    w('lone-cr.md', `---\rtier: supervisors\rowner: X\rnext-review: 2027-03-01\r---\r\r# T\r## Psychological safety\r\rText.\r`);
    w('outside-link.md', `${NORMAL}\n[x](../../../etc/passwd) ![y](../outside/evil.md)\n\n[ref]: ../../../etc/passwd\n`);
    // A charter outside the handbook that a link must never make us read.
    mkdirSync(path.join(tmp, 'outside'));
    writeFileSync(path.join(tmp, 'outside', 'evil.md'), '---\ntier: LEAKED-FROM-OUTSIDE\n---\n# x\n');
    symlinkSync('../outside/evil.md', path.join(hb, 'evil-link.md'));
    symlinkSync('../outside', path.join(hb, 'outside-dir'));
    mkdirSync(path.join(hb, 'loop'));
    symlinkSync('..', path.join(hb, 'loop', 'link'));
    symlinkSync('nowhere.md', path.join(hb, 'dangling.md'));
    symlinkSync('b-loop.md', path.join(hb, 'a-loop.md'));
    symlinkSync('a-loop.md', path.join(hb, 'b-loop.md'));
    w('unreadable.md', NORMAL);
    chmodSync(path.join(hb, 'unreadable.md'), 0o000);
    w('closed/inside.md', NORMAL);
    chmodSync(path.join(hb, 'closed'), 0o000);

    run = charters(['lint', 'hb', '--format', 'json', ...TODAY], tmp);
    json = JSON.parse(run.stdout) as Json;
  });

  after(() => {
    if (!tmp) return;
    for (const p of [path.join(hb, 'closed'), path.join(hb, 'unreadable.md')]) {
      try {
        chmodSync(p, 0o755);
      } catch {
        // already gone
      }
    }
    rmSync(tmp, { recursive: true, force: true });
  });

  it('ends with exit 1 (findings), valid JSON and no crash', () => {
    assert.equal(run.code, 1, run.stderr);
    assertNoCrash(run);
  });

  it('still lints the ordinary charter', () => {
    assert.deepEqual(
      findingsOf('normal.md').map((f) => `${f.line} ${f.ruleId}`),
      ['7 element-missing'],
    );
    assert.match(findingsOf('normal.md')[0]!.message, /`Psychological safety`/);
  });

  it('invalid YAML: a finding at the line of the error', () => {
    assert.deepEqual(findingsOf('invalid-yaml.md').map((f) => `${f.line}:${f.column} ${f.ruleId}`), ['4:6 frontmatter-invalid']);
  });

  it('a YAML alias bomb and 10,000-deep YAML: a reason naming the line, a finding', () => {
    assert.equal(skipOf('alias-bomb.md'), 'frontmatter YAML aliases (from line 4) expand to more than 100000 values; skipped');
    assert.deepEqual(findingsOf('deep-yaml.md').map((f) => `${f.line} ${f.ruleId}`), ['3 frontmatter-invalid']);
    assert.match(findingsOf('deep-yaml.md')[0]!.message, /nesting exceeded maxDepth/);
  });

  it('a 10 MB file: skipped, naming the limit and how to raise it', () => {
    assert.match(skipOf('big.md') ?? '', /^file is larger than the limit of 2097152 bytes \(\d{8} bytes; see `max-file-size` in charters\.yaml\); skipped$/);
  });

  it('100,000 headings: a reason naming the limit', () => {
    assert.equal(skipOf('headings.md'), 'more than 20000 headings, paragraphs and list items (by line 20007); too many for the Markdown parser to read in reasonable time and memory; split the file; skipped');
  });

  it('10,000-deep lists and quotes: a reason naming the depth and the line', () => {
    assert.equal(skipOf('deep-list.md'), 'lists or block quotes nested 10000 levels deep on line 7 (the limit is 100); too deep for the Markdown parser; skipped');
    assert.equal(skipOf('deep-quote.md'), 'lists or block quotes nested 10000 levels deep on line 7 (the limit is 100); too deep for the Markdown parser; skipped');
    assert.match(skipOf('deep-indent.md') ?? '', /^lists or block quotes nested 101 levels deep on line 107/);
  });

  it('binary, Latin-1 and NUL bytes: a reason with the line', () => {
    assert.equal(skipOf('binary.md'), 'binary file (contains NUL bytes, the first on line 3), not a Markdown charter; skipped');
    assert.equal(skipOf('latin1.md'), 'not valid UTF-8 text (first invalid byte on line 4); save the file as UTF-8');
    assert.equal(skipOf('nul.md'), 'binary file (contains NUL bytes, the first on line 5007), not a Markdown charter; skipped');
  });

  it('CRLF, BOM, NFD and lone CRs: linted, findings on the right lines', () => {
    const crlf = findingsOf('crlf-bom-nfd.md').map((f) => `${f.line} ${f.ruleId}`);
    assert.ok(crlf.includes('8 goal-missing'), crlf.join(', '));
    const cr = findingsOf('lone-cr.md').map((f) => `${f.line} ${f.ruleId}`);
    assert.ok(cr.includes('8 goal-missing'), cr.join(', '));
    assert.ok(cr.includes('7 element-missing'), cr.join(', '));
  });

  it('links out of the handbook: a Markdown link is text; a symbolic link is not followed, and says so', () => {
    assert.deepEqual(findingsOf('outside-link.md').map((f) => f.ruleId), ['element-missing']);
    assert.ok(!run.stdout.includes('LEAKED'), 'a file outside the handbook was linted');
    assert.ok(!json.findings.some((f) => f.file.includes('outside/')));
    assert.equal(skipOf('evil-link.md'), `symbolic link to \`${path.join(tmp, 'outside', 'evil.md')}\`, outside the handbook; not followed`);
    assert.equal(skipOf('outside-dir'), `symbolic link to \`${path.join(tmp, 'outside')}\`, outside the handbook; not followed`);
  });

  it('symbolic link loops and broken links: a reason each', () => {
    assert.equal(skipOf('loop/link'), 'symbolic link loop or directory already visited; skipped');
    assert.equal(skipOf('a-loop.md'), 'symbolic link loop or directory already visited; skipped');
    assert.equal(skipOf('b-loop.md'), 'symbolic link loop or directory already visited; skipped');
    assert.equal(skipOf('dangling.md'), 'cannot read: no such file (a broken symbolic link, or removed during the run); skipped');
  });

  it(`an unreadable file and folder: a reason each${IS_ROOT ? ' (as root, chmod 000 stops nothing: checked by running the bin as user `nobody`)' : ''}`, function () {
    let out = json;
    if (IS_ROOT) {
      // Root reads them anyway: in the run above they are linted like any charter.
      assert.deepEqual(findingsOf('unreadable.md').map((f) => f.ruleId), ['element-missing']);
      // So lint a small handbook with the same two as `nobody` (uid 65534), if this system lets us.
      const dir = mkdtempSync(path.join(tmp, 'perm-'));
      chmodSync(tmp, 0o755);
      chmodSync(dir, 0o755);
      writeFileSync(path.join(dir, 'charters.yaml'), 'language: en\n');
      writeFileSync(path.join(dir, 'normal.md'), NORMAL);
      writeFileSync(path.join(dir, 'unreadable.md'), NORMAL);
      chmodSync(path.join(dir, 'unreadable.md'), 0o000);
      mkdirSync(path.join(dir, 'closed'));
      writeFileSync(path.join(dir, 'closed', 'inside.md'), NORMAL);
      chmodSync(path.join(dir, 'closed'), 0o000);
      const env = { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8' };
      // `nobody` cannot read the checkout when it is private: it runs a copy of the bin.
      const bin = worldReadableBin(tmp);
      const probe = spawnSync(process.execPath, [bin, '--version'], { uid: 65534, gid: 65534, env, cwd: dir, encoding: 'utf8' });
      if (probe.error || probe.status !== 0) {
        // No such user on this system, or node itself (or the temporary folder) out of its reach.
        console.log(`      (skipped: running as root, and user nobody (uid 65534) cannot run the bin copied to ${bin}: ${String(probe.error ?? (probe.stderr.trim() || probe.status))})`);
        this.skip();
      }
      const r = charters(['lint', '.', '--format', 'json', ...TODAY], dir, { uid: 65534, gid: 65534, bin });
      assertNoCrash(r);
      out = JSON.parse(r.stdout) as Json;
      assert.deepEqual(out.findings.filter((f) => f.file === 'normal.md').map((f) => f.ruleId), ['element-missing']);
      chmodSync(path.join(dir, 'closed'), 0o755);
      chmodSync(path.join(dir, 'unreadable.md'), 0o644);
    }
    const prefix = IS_ROOT ? '' : 'hb/';
    assert.equal(out.skipped.find((s) => s.file === `${prefix}unreadable.md`)?.reason, 'cannot read: permission denied (EACCES); skipped');
    assert.equal(out.skipped.find((s) => s.file === `${prefix}closed`)?.reason, 'cannot read directory (EACCES); skipped');
  });

  it('every hostile file is named in a finding or a skipped-file reason', () => {
    const named = new Set([...json.findings.map((f) => f.file), ...json.skipped.map((s) => s.file)]);
    const expected = ['normal.md', 'invalid-yaml.md', 'alias-bomb.md', 'deep-yaml.md', 'big.md', 'headings.md', 'deep-list.md', 'deep-indent.md', 'deep-quote.md', 'binary.md', 'latin1.md', 'nul.md', 'crlf-bom-nfd.md', 'lone-cr.md', 'outside-link.md', 'evil-link.md', 'outside-dir', 'loop/link', 'dangling.md', 'a-loop.md', 'b-loop.md'];
    if (!IS_ROOT) expected.push('unreadable.md', 'closed');
    for (const f of expected) assert.ok(named.has(`hb/${f}`), `hb/${f} is named nowhere`);
  });

  it('worker threads (--jobs 2) give the same result', () => {
    const threaded = charters(['lint', 'hb', '--format', 'json', '--jobs', '2', ...TODAY], tmp);
    assertNoCrash(threaded);
    assert.equal(threaded.code, run.code);
    assert.deepEqual(JSON.parse(threaded.stdout), json);
  });

  it('a parser that overflows its stack: the file is skipped with the reason, the run goes on', () => {
    // 990 nested emphasis markers in a heading are within the limits, and remark parses them on
    // node's default stack; on a 120 KB stack its recursion overflows, as deeper input would.
    const dir = path.join(tmp, 'small-stack');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'charters.yaml'), 'language: en\n');
    writeFileSync(path.join(dir, 'normal.md'), NORMAL);
    writeFileSync(path.join(dir, 'deep-em.md'), `${FM}# ${'*a '.repeat(495)}x${' a*'.repeat(495)}\n`);
    const r = charters(['lint', '.', '--format', 'json', ...TODAY], dir, undefined, ['--stack-size=120']);
    assertNoCrash(r);
    const out = JSON.parse(r.stdout) as Json;
    assert.deepEqual(out.skipped, [{ file: 'deep-em.md', reason: 'the Markdown parser failed (Maximum call stack size exceeded); skipped' }]);
    assert.deepEqual(out.findings.filter((f) => f.file === 'normal.md').map((f) => f.ruleId), ['element-missing']);
    // On the default stack the same file is linted.
    const normal = JSON.parse(charters(['lint', '.', '--format', 'json', ...TODAY], dir).stdout) as Json;
    assert.deepEqual(normal.skipped, []);
    assert.equal(normal.summary.charters, 2);
  });

  it('with max-file-size raised in charters.yaml, the 10 MB file is linted', () => {
    const dir = path.join(tmp, 'big-allowed');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'charters.yaml'), 'language: en\nmax-file-size: 20000000\n');
    writeFileSync(path.join(dir, 'big.md'), bigCharter(10 * 1024 * 1024));
    // A 10 MB charter takes longer than the default budget of 2 s per file: raised with the size.
    const r = charters(['lint', 'big-allowed', '--format', 'json', '--file-budget', '0', ...TODAY], tmp);
    assertNoCrash(r);
    const out = JSON.parse(r.stdout) as Json;
    assert.deepEqual(out.skipped, []);
    assert.equal(out.summary.charters, 1);
    assert.deepEqual(out.findings.filter((f) => f.file === 'big-allowed/big.md').map((f) => f.ruleId), ['element-missing', 'element-missing', 'element-missing', 'element-missing']);
  });

  it('an alias bomb or 10,000-deep nesting in charters.yaml: a config error with its line, exit 2, no crash', () => {
    for (const [name, text, where] of [
      ['bomb', `language: en\n${aliasBomb()}\n`, /^bad-bomb\/charters\.yaml:2:1: error: the top level has an unknown key `a`$/m],
      ['deep', `exclude: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, /^bad-deep\/charters\.yaml:1:\d+: error: invalid YAML: nesting exceeded maxDepth/m],
    ] as const) {
      const dir = path.join(tmp, `bad-${name}`);
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'charters.yaml'), text);
      writeFileSync(path.join(dir, 'a.md'), NORMAL);
      const r = charters(['lint', `bad-${name}`, ...TODAY], tmp);
      assert.equal(r.code, 2, r.stderr);
      assertNoCrash(r);
      assert.match(r.stderr, where);
    }
  });

  describe('writing commands never replace what they should not, nor leave temporary files', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(tmp, 'write-'));
      writeFileSync(path.join(dir, 'charters.yaml'), 'language: en\n');
    });
    afterEach(() => {
      assert.deepEqual(tempFiles(tmp), [], 'temporary files were left behind');
    });

    it('--fix: a read-only file is left as it is and named; the writable one beside it is fixed', () => {
      const missing = `${FM}# T\n\n## Psychological safety\n\nText.\n\n- Goal: yes\n`;
      writeFileSync(path.join(dir, 'ro.md'), missing);
      chmodSync(path.join(dir, 'ro.md'), 0o444);
      writeFileSync(path.join(dir, 'rw.md'), missing);
      const r = charters(['lint', '.', '--fix', '--format', 'json', ...TODAY], dir);
      assertNoCrash(r);
      const out = JSON.parse(r.stdout) as Json;
      assert.equal(readFileSync(path.join(dir, 'ro.md'), 'utf8'), missing, 'the read-only file was changed');
      assert.equal(statSync(path.join(dir, 'ro.md')).mode & 0o777, 0o444);
      assert.equal(out.skipped.find((s) => s.file === 'ro.md')?.reason, 'fixes not written (EACCES: read-only file); the file is unchanged');
      assert.notEqual(readFileSync(path.join(dir, 'rw.md'), 'utf8'), missing, 'the writable file was not fixed');
      assert.ok(readFileSync(path.join(dir, 'rw.md'), 'utf8').startsWith(missing.slice(0, missing.indexOf('## Psychological'))), 'the fixed file lost text');
      assert.ok(out.summary.fixed > 0);
    });

    it('--fix never writes through a symbolic link: link and target stay, the file is named with the reason (docs/security.md)', () => {
      const missing = `${FM}# T\n\n## Psychological safety\n\nText.\n\n- Goal: yes\n`;
      mkdirSync(path.join(dir, 'shared'));
      writeFileSync(path.join(dir, 'shared', 'real.md'), missing);
      chmodSync(path.join(dir, 'shared', 'real.md'), 0o640);
      symlinkSync('shared/real.md', path.join(dir, 'link.md'));
      const r = charters(['lint', 'link.md', '--fix', ...TODAY], dir);
      assertNoCrash(r);
      assert.ok(lstatSync(path.join(dir, 'link.md')).isSymbolicLink(), 'the link was replaced by a file');
      assert.equal(readlinkSync(path.join(dir, 'link.md')), 'shared/real.md');
      assert.equal(readFileSync(path.join(dir, 'shared', 'real.md'), 'utf8'), missing, 'the target was written through the link');
      assert.equal(statSync(path.join(dir, 'shared', 'real.md')).mode & 0o777, 0o640, 'the permissions changed');
      assert.match(r.stdout, /link\.md\n[^]*not fixed: link\.md is a symbolic link, and --fix never writes through one/);
      assert.match(r.stdout, /element-missing/, 'the findings are still reported');
    });

    it('new refuses an existing file, and a broken link where the file would go', () => {
      writeFileSync(path.join(dir, 'mine.md'), 'my own words\n');
      const r = charters(['new', 'supervisors', '--out', 'mine.md'], dir);
      assert.equal(r.code, 2);
      assertNoCrash(r);
      assert.match(r.stderr, /mine\.md already exists; not overwriting it/);
      assert.equal(readFileSync(path.join(dir, 'mine.md'), 'utf8'), 'my own words\n');
      symlinkSync('elsewhere.md', path.join(dir, 'supervisors.md'));
      const l = charters(['new', 'supervisors'], dir);
      assert.equal(l.code, 2);
      assert.match(l.stderr, /supervisors\.md already exists/);
      assert.ok(!readdirSync(dir).includes('elsewhere.md'), 'new wrote through a broken link');
      const ok = charters(['new', 'supervisors', '--out', 'fresh.md'], dir);
      assert.equal(ok.code, 0, ok.stderr);
      assert.match(readFileSync(path.join(dir, 'fresh.md'), 'utf8'), /^---\ntier: supervisors/);
    });

    it('init skips the files that exist and creates the rest', () => {
      rmSync(path.join(dir, 'charters.yaml'));
      writeFileSync(path.join(dir, 'charters.yaml'), '# my settings\nlanguage: fi\n');
      writeFileSync(path.join(dir, 'supervisors.md'), 'my own charter\n');
      const r = charters(['init', '.'], dir);
      assert.equal(r.code, 0, r.stderr);
      assertNoCrash(r);
      assert.match(r.stdout, /ohitettu \(on jo olemassa\): charters\.yaml|skipped \(already exists\): charters\.yaml/);
      assert.match(r.stdout, /supervisors\.md/);
      assert.equal(readFileSync(path.join(dir, 'charters.yaml'), 'utf8'), '# my settings\nlanguage: fi\n');
      assert.equal(readFileSync(path.join(dir, 'supervisors.md'), 'utf8'), 'my own charter\n');
      for (const f of ['top-management.md', 'middle-management.md', '.github/workflows/charters.yml']) assert.ok(statSync(path.join(dir, f)).isFile(), f);
      // A second init creates nothing and changes nothing.
      const before = readFileSync(path.join(dir, 'top-management.md'), 'utf8');
      writeFileSync(path.join(dir, 'top-management.md'), `${before}\nmy addition\n`);
      const again = charters(['init', '.'], dir);
      assert.equal(again.code, 0);
      assert.doesNotMatch(again.stdout, /^(created|luotu)/m);
      assert.equal(readFileSync(path.join(dir, 'top-management.md'), 'utf8'), `${before}\nmy addition\n`);
    });

    it('--output over a read-only report is refused without a stack trace', () => {
      writeFileSync(path.join(dir, 'a.md'), NORMAL);
      writeFileSync(path.join(dir, 'report.json'), 'old report\n');
      chmodSync(path.join(dir, 'report.json'), 0o444);
      const r = charters(['lint', '.', '--format', 'json', '--output', 'report.json', ...TODAY], dir);
      assert.equal(r.code, 2, r.stderr);
      assertNoCrash(r);
      assert.match(r.stderr, /report\.json/);
      assert.equal(readFileSync(path.join(dir, 'report.json'), 'utf8'), 'old report\n');
    });
  });
});

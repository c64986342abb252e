/**
 * Security decisions (docs/security.md): what a text output may hold
 * (escapeControls), which resolved paths may be read (refusePath, for both hosts) and how git is
 * asked (runGit).
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { inGitDir, refusePath } from '../../src/core/handbook';
import { escapeControls } from '../../src/core/text-safety';
import { runGit, safeGitArgs, safeGitEnv } from '../../src/cli/git';

/** No lone surrogate (encodeURIComponent throws on one). */
function wellFormed(s: string): boolean {
  try {
    encodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
}

describe('escapeControls', () => {
  it('escapes C0, DEL, C1, separators, bidi controls and lone surrogates visibly', () => {
    assert.equal(escapeControls('a\nb\r\tc'), 'a\\nb\\r\\tc');
    assert.equal(escapeControls('\u001b]0;x\u0007'), '\\x1b]0;x\\x07');
    assert.equal(escapeControls('\u0000\u007f\u009b\u0085'), '\\x00\\x7f\\x9b\\x85');
    assert.equal(escapeControls('x\u2028y\u202e\u2066'), 'x\\u2028y\\u202e\\u2066');
    assert.equal(escapeControls('lone \ud800 and \udc00 end\ud83d'), 'lone \\ud800 and \\udc00 end\\ud83d');
  });

  it('keeps ordinary text, Finnish letters and emoji as they are', () => {
    for (const s of ['', 'Esihenkilöt – Äänekoski', '🔹 Psykologinen turvallisuus 👩🏽‍💻', 'C:\\path\\file.md']) assert.equal(escapeControls(s), s);
  });

  it('property: the result holds no control character, and text without one is unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const out = escapeControls(s);
        // eslint-disable-next-line no-control-regex
        assert.doesNotMatch(out, /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
        assert.ok(wellFormed(out), 'a lone surrogate was left');
        // eslint-disable-next-line no-control-regex
        if (!/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(s) && wellFormed(s)) assert.equal(out, s);
      }),
    );
  });
});

describe('refusePath: the one rule on what may be read', () => {
  const root = '/repo/handbook';
  const excluded = (rel: string): boolean => rel.startsWith('drafts/');

  it('inside the handbook: allowed', () => {
    assert.equal(refusePath(root, '/repo/handbook/a.md'), undefined);
    assert.equal(refusePath(root, '/repo/handbook/sub/b.md', excluded), undefined);
  });

  it('inside any .git directory, in any case: refused', () => {
    for (const p of ['/repo/handbook/.git/config', '/repo/handbook/sub/.GIT/x.md', '/repo/.git/config']) assert.deepEqual(refusePath(root, p), { reason: 'git' });
    assert.ok(inGitDir('a/.Git/b'));
    assert.ok(!inGitDir('a/.github/b') && !inGitDir('a/x.git/b'));
  });

  it('outside the handbook (a sibling with the same prefix too): refused', () => {
    assert.deepEqual(refusePath(root, '/etc/passwd'), { reason: 'outside', target: '/etc/passwd' });
    assert.deepEqual(refusePath(root, '/repo/handbook-evil/a.md'), { reason: 'outside', target: '/repo/handbook-evil/a.md' });
  });

  it('an excluded target: refused', () => {
    assert.deepEqual(refusePath(root, '/repo/handbook/drafts/x.md', excluded), { reason: 'excluded', target: 'drafts/x.md' });
  });
});

describe('runGit: only read-only git, with every configured program off', () => {
  const repo = { gitDir: '/nonexistent/.git', workTree: '/nonexistent' };

  it('refuses commands that read the work tree through filters, and options that write or convert', () => {
    assert.throws(() => runGit(repo, ['diff-files', '-z']), /not a read-only git command/);
    assert.throws(() => runGit(repo, ['status']), /not a read-only git command/);
    for (const bad of [['log', '--output=/tmp/x'], ['cat-file', '--textconv', 'HEAD:a.md'], ['cat-file', '--filters', 'HEAD:a.md'], ['diff', '--ext-diff'], ['diff', '--no-index', 'a', 'b']]) {
      assert.throws(() => runGit(repo, bad), /refused option/, bad.join(' '));
    }
    // After `--` or `--end-of-options` anything goes (paths, refs).
    assert.doesNotThrow(() => void runGit(repo, ['ls-files', '-z', '--', '--output=x']));
    assert.doesNotThrow(() => void runGit(repo, ['rev-parse', '--end-of-options', '--output=x']));
  });

  it('passes overrides for the programs a repository can configure, and drops GIT_DIR and friends', () => {
    const args = safeGitArgs(repo).join(' ');
    for (const c of ['core.fsmonitor=false', 'core.hooksPath=/dev/null', 'diff.external=', 'safe.bareRepository=explicit', 'credential.helper=']) assert.ok(args.includes(`-c ${c}`), c);
    assert.match(args, /--git-dir=\/nonexistent\/\.git --work-tree=\/nonexistent/);
    const env = safeGitEnv({ GIT_DIR: '/x', GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'core.fsmonitor', GIT_EXTERNAL_DIFF: 'x', PATH: '/bin' });
    assert.deepEqual(Object.keys(env).filter((k) => k.startsWith('GIT_') && !['GIT_OPTIONAL_LOCKS', 'GIT_TERMINAL_PROMPT', 'GIT_LITERAL_PATHSPECS', 'GIT_NO_REPLACE_OBJECTS'].includes(k)), []);
    assert.equal(env['PATH'], '/bin');
  });
});

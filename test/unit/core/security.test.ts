/**
 * The core's security decisions (docs/security.md): what a text output may hold
 * (escapeControls) and which resolved paths may be read (refusePath), for both hosts.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { inGitDir, refusePath } from '../../../src/core/handbook';
import { escapeControls } from '../../../src/core/text-safety';

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

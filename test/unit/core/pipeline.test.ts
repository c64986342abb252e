/**
 * The one per-file path (src/core/pipeline.ts): every kind of file comes out as the outcome
 * its users expect, with the reason localised (fi, en); the fold puts outcomes together in file
 * order; and the runner's guarantee the rules rely on (charter rules see charters only) holds.
 */
import assert from 'node:assert/strict';
import { defaultConfig, parseConfig } from '../../../src/core/config';
import type { DirEntry, HandbookFs } from '../../../src/core/handbook';
import { Linter } from '../../../src/core/lint';
import { fileContext, foldOutcomes, lintFile, lintSource, type FileOutcome } from '../../../src/core/pipeline';
import type { Finding, Lang } from '../../../src/core/types';

const TODAY = '2026-11-27';
const CHARTER = ['---', 'tier: supervisors', 'owner: Anna', 'next-review: 2027-01-01', '---', '', '# Esihenkilöt', '', '## Psykologinen turvallisuus', '', 'Tavoite: virheistä puhutaan.', ''].join('\n');

/** Files in a Map; `denied` paths fail to read with EACCES, `growing` ones read longer than their stat says. */
class Fs implements HandbookFs {
  constructor(
    private readonly files: Record<string, string | Uint8Array>,
    private readonly denied = new Set<string>(),
    private readonly growing = new Set<string>(),
  ) {}

  private bytes(path: string): Uint8Array {
    const f = this.files[path];
    if (f === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return typeof f === 'string' ? new TextEncoder().encode(f) : f;
  }

  async readFile(path: string): Promise<Uint8Array> {
    if (this.denied.has(path)) throw Object.assign(new Error(`EACCES: ${path}`), { code: 'EACCES' });
    const b = this.bytes(path);
    return this.growing.has(path) ? new Uint8Array([...b, ...b]) : b;
  }

  async readDirectory(): Promise<DirEntry[]> {
    return [];
  }

  async stat(path: string): Promise<{ type: 'file'; size: number }> {
    return { type: 'file', size: this.bytes(path).byteLength };
  }
}

function context(lang: Lang, config = defaultConfig()) {
  return fileContext({ linter: new Linter(config, lang), root: '/hb', base: '/hb', today: TODAY });
}

const brief = (o: FileOutcome) => (o.kind === 'skipped' ? `${o.file}: skipped: ${o.reason}` : `${o.file}: ${o.kind}`);

describe('the per-file pipeline', () => {
  const config = (() => {
    const r = parseConfig('max-file-size: 2000\n');
    if (!r.ok) throw new Error('config');
    return r.config;
  })();
  const fs = new Fs(
    {
      '/hb/charter.md': CHARTER,
      '/hb/readme.md': '# Not a charter\n',
      '/hb/big.md': `${CHARTER}${'x'.repeat(3000)}`,
      '/hb/grows.md': `${CHARTER}${'x'.repeat(1500)}`,
      '/hb/denied.md': CHARTER,
      '/hb/binary.md': new Uint8Array([0x23, 0x0a, 0x61, 0x00]),
      '/hb/latin1.md': new Uint8Array([0x23, 0x20, 0xe4, 0x0a]),
      '/hb/deep.md': `---\ntier: supervisors\n---\n\n${'> '.repeat(120)}x\n`,
    },
    new Set(['/hb/denied.md']),
    new Set(['/hb/grows.md']),
  );
  const files = ['charter.md', 'readme.md', 'big.md', 'grows.md', 'denied.md', 'missing.md', 'binary.md', 'latin1.md', 'deep.md'].map((f) => `/hb/${f}`);

  const expected: Record<Lang, string[]> = {
    en: [
      'charter.md: charter',
      'readme.md: ignored',
      'big.md: skipped: file is larger than the limit of 2000 bytes (3139 bytes; see `max-file-size` in charters.yaml); skipped',
      'grows.md: skipped: file is larger than the limit of 2000 bytes (3278 bytes; see `max-file-size` in charters.yaml); skipped',
      'denied.md: skipped: cannot read: permission denied (EACCES); skipped',
      'missing.md: skipped: cannot read: no such file (a broken symbolic link, or removed during the run); skipped',
      'binary.md: skipped: binary file (contains NUL bytes, the first on line 2), not a Markdown charter; skipped',
      'latin1.md: skipped: not valid UTF-8 text (first invalid byte on line 1); save the file as UTF-8',
      'deep.md: skipped: lists or block quotes nested 120 levels deep on line 5 (the limit is 100); too deep for the Markdown parser; skipped',
    ],
    fi: [
      'charter.md: charter',
      'readme.md: ignored',
      'big.md: skipped: tiedosto on suurempi kuin 2000 tavun raja (3139 tavua; katso `max-file-size` tiedostossa charters.yaml); ohitettu',
      'grows.md: skipped: tiedosto on suurempi kuin 2000 tavun raja (3278 tavua; katso `max-file-size` tiedostossa charters.yaml); ohitettu',
      'denied.md: skipped: tiedostoa ei voi lukea: ei käyttöoikeutta (EACCES); ohitettu',
      'missing.md: skipped: tiedostoa ei voi lukea: sitä ei ole (rikkinäinen symbolinen linkki, tai poistettu ajon aikana); ohitettu',
      'binary.md: skipped: binääritiedosto (sisältää NUL-tavuja, ensimmäinen rivillä 2), ei Markdown-peruskirja; ohitettu',
      'latin1.md: skipped: ei kelvollista UTF-8-tekstiä (ensimmäinen virheellinen tavu rivillä 1); tallenna tiedosto UTF-8-muodossa',
      'deep.md: skipped: listat tai lainaukset ovat 120 tason syvyydessä rivillä 5 (raja on 100); liian syvä Markdown-jäsentimelle; ohitettu',
    ],
  };

  for (const lang of ['en', 'fi'] as const) {
    it(`lintFile: every kind of file is an outcome with its reason (${lang})`, async () => {
      const ctx = context(lang, config);
      const outcomes: FileOutcome[] = [];
      for (const f of files) outcomes.push(await lintFile(fs, f, ctx));
      assert.deepEqual(outcomes.map(brief), expected[lang]);
      // The charter model comes along in this thread, for whatever was decoded and parsed.
      assert.deepEqual(
        outcomes.filter((o) => o.lint).map((o) => o.file),
        ['charter.md', 'readme.md', 'deep.md'],
      );
    });
  }

  it('lintSource: a linter that throws gives a skipped outcome with the reason, and an unlintable lint to show it', () => {
    class Failing extends Linter {
      override lintText(): never {
        throw new Error('boom');
      }
    }
    const ctx = fileContext({ linter: new Failing(defaultConfig(), 'fi'), root: '/hb', base: '/hb' });
    const out = lintSource('/hb/a.md', '\ufeffx', ctx);
    assert.equal(out.kind, 'skipped');
    assert.equal(out.kind === 'skipped' && out.reason, 'tarkistus epäonnistui (boom); ohitettu');
    assert.equal(out.lint.unlintable, 'tarkistus epäonnistui (boom); ohitettu');
    assert.equal(out.lint.charter.text, 'x', 'the text without its byte-order mark, as lintText gives it');
  });

  it('lintSource: paths relative to the base; include globs relative to the root', () => {
    const r = parseConfig('include: ["units/*.md"]\n');
    if (!r.ok) throw new Error('config');
    const ctx = fileContext({ linter: new Linter(r.config, 'en'), root: '/work/hb', base: '/work', today: TODAY });
    const forced = lintSource('/work/hb/units/a.md', '# A\n', ctx);
    assert.equal(forced.kind, 'charter', 'include makes a file without frontmatter a charter');
    assert.equal(forced.file, 'hb/units/a.md');
    assert.equal(lintSource('/work/hb/other/a.md', '# A\n', ctx).kind, 'ignored');
  });

  it('charter rules run on charters only (the guarantee that lets a rule skip the check)', () => {
    // Frontmatter that would trip the frontmatter, owner, review and id rules, were it a charter.
    const text = ['---', 'title: Notes', 'reviewed: yesterday', 'next-review: 2001-01-01', '---', '', '# Notes', '', '## Visio {#no-such-id}', ''].join('\n');
    const ctx = context('en');
    const notCharter = lintSource('/hb/notes.md', text, ctx);
    assert.equal(notCharter.kind, 'ignored');
    assert.deepEqual(notCharter.lint.findings, []);
    // The same text as a charter (named by the include globs) is full of findings.
    const forced = fileContext({ linter: ctx.linter, root: '/hb', base: '/hb', today: TODAY, globs: { included: () => true, excluded: () => false } });
    const charter = lintSource('/hb/notes.md', text, forced);
    assert.equal(charter.kind, 'charter');
    const rules = new Set(charter.lint.findings.map((f) => f.ruleId));
    for (const id of ['tier-missing', 'owner-missing', 'review-overdue']) assert.ok(rules.has(id), `${id} in ${[...rules].join(', ')}`);
  });

  it('foldOutcomes: file order, notes of unwritten fixes as skipped beside the findings, fixes counted, handbook findings sorted in', () => {
    const linter = new Linter(defaultConfig(), 'en');
    const ctx = context('en');
    const a = lintSource('/hb/a.md', CHARTER.replace('owner: Anna\n', ''), ctx);
    const b = lintSource('/hb/b.md', '# Notes\n', ctx);
    assert.equal(a.kind, 'charter');
    const handbook: Finding[] = linter.lintHandbook(a.kind === 'charter' ? [a.summary] : [], 'charters.yaml');
    const outcomes: FileOutcome[] = [
      { kind: 'skipped', file: 'z.md', reason: 'because' },
      { ...a, fixed: 2, note: 'not written' } as FileOutcome,
      b,
      { kind: 'charter', file: 'c.md', findings: [], summary: a.kind === 'charter' ? { ...a.summary, file: 'c.md' } : (undefined as never), fixed: 1 },
    ];
    const run = foldOutcomes(outcomes, { rules: linter.rules, handbookFindings: handbook, fix: true });
    assert.deepEqual(run.charters, ['a.md', 'c.md']);
    assert.deepEqual(run.ignored, ['b.md']);
    assert.deepEqual(run.skipped, [
      { file: 'z.md', reason: 'because' },
      { file: 'a.md', reason: 'not written' },
    ]);
    assert.equal(run.fixed, 3);
    assert.deepEqual(
      run.findings.map((f) => `${f.file} ${f.ruleId}`),
      ['a.md owner-missing', 'a.md element-missing', 'a.md element-missing', 'a.md element-missing', 'charters.yaml tier-without-charter', 'charters.yaml tier-without-charter'],
    );
    assert.equal(foldOutcomes(outcomes, { rules: linter.rules }).fixed, undefined, 'without --fix no count');
  });
});

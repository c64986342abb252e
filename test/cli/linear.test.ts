/**
 * Linear time and per-file bounds through the real bin (issue 8, items 2 and 7): the
 * reproductions end (the mocha timeout and spawnSync's are the bound, no timing asserts), a
 * pathological glob is a config error at its line, and a file over `--file-budget` is reported
 * as skipped by name while the other files are linted.
 *
 * Build first (`node scripts/build.mjs`): the bin runs dist/cli.js.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin/charters.js');
const CHARTER = '---\ntier: supervisors\nowner: A\n---\n# Peruskirja\n\n## Visio\n\nTeksti.\n';

interface Json {
  summary: { charters: number; skipped: number };
  findings: { ruleId: string; file: string; line: number; message: string }[];
  skipped: { file: string; reason: string }[];
}

function charters(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8' };
  delete env['LC_ALL'];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8', timeout: 200_000, maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.error, undefined, String(r.error));
  assert.equal(r.signal, null, `killed by ${String(r.signal)} (a hang?)`);
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('cli: linear time and per-file bounds', function () {
  this.timeout(240_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'charters-linear-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('the reproductions of issue 8 are linted (they took 20 s, 27 s and minutes)', () => {
    writeFileSync(path.join(dir, 'spaces.md'), `${CHARTER}${' '.repeat(8000)}_:\n`);
    writeFileSync(path.join(dir, 'heading.md'), `${CHARTER}\n## a${' '.repeat(100_000)}b\n`);
    writeFileSync(path.join(dir, 'label.md'), `${CHARTER}\n- ${' '.repeat(50_000)}${'a'.repeat(50)}:\n`);
    writeFileSync(path.join(dir, 'lists.md'), `${CHARTER}\n${'## Visio\n- Mittarit:\n'.repeat(9990)}`);
    const r = charters(['lint', '.', '--format', 'json', '--today', '2026-01-01', '--lang', 'en'], dir);
    assert.equal(r.code, 1, r.stderr);
    const json = JSON.parse(r.stdout) as Json;
    assert.equal(json.summary.charters, 3);
    // 10,000 headings that each close a list: micromark re-splices (10 s); refused at once.
    assert.deepEqual(json.skipped.map((s) => s.file), ['lists.md']);
    assert.match(json.skipped[0]!.reason, /too complex for the Markdown parser/);
  });

  it('a pathological exclude glob is a config error at its line in charters.yaml (exit 2), in English and Finnish', () => {
    writeFileSync(path.join(dir, 'charters.yaml'), 'exclude:\n  - drafts/**\n  - "*a*a*a*a*a*a*a*a*b"\n');
    writeFileSync(path.join(dir, `${'a'.repeat(60)}.md`), CHARTER);
    const en = charters(['lint', '.', '--lang', 'en'], dir);
    assert.equal(en.code, 2);
    assert.match(en.stderr, /^charters\.yaml:3:5: error: glob `\*a\*a\*a\*a\*a\*a\*a\*a\*b` is too complex to match in reasonable time: 9 wildcards/m);
    const fi = charters(['lint', '.', '--lang', 'fi'], dir);
    assert.equal(fi.code, 2);
    assert.match(fi.stderr, /^charters\.yaml:3:5: virhe: hakulauseke `\*a\*a\*a\*a\*a\*a\*a\*a\*b` on liian monimutkainen/m);
  });

  it('a file over --file-budget is skipped by name with the reason; the others are linted', () => {
    // Linted first, so the others do not pay for the first lint's compilation.
    writeFileSync(path.join(dir, '0-warm-up.md'), CHARTER);
    writeFileSync(path.join(dir, 'a.md'), CHARTER);
    // About a second and a half of CPU in the linter's own loops (19,980 headings and items).
    writeFileSync(path.join(dir, 'big.md'), `${CHARTER}\n${'## Visio\n🔹 Visio: x\n'.repeat(9990)}`);
    writeFileSync(path.join(dir, 'z.md'), CHARTER);
    for (const [lang, reason] of [
      ['en', /^linting took longer than the limit of 300 ms for one file; skipped \(see `--file-budget`\)$/],
      ['fi', /^tarkistus kesti yhden tiedoston 300 ms:n rajaa kauemmin; ohitettu/],
    ] as const) {
      const r = charters(['lint', '.', '--file-budget', '300', '--jobs', '1', '--format', 'json', '--today', '2026-01-01', '--lang', lang], dir);
      const json = JSON.parse(r.stdout) as Json;
      const big = json.skipped.find((s) => s.file === 'big.md');
      assert.ok(big, `big.md not skipped: ${JSON.stringify(json.skipped)}`);
      assert.match(big.reason, reason);
      for (const f of ['a.md', 'z.md']) {
        assert.ok(!json.skipped.some((s) => s.file === f), `${f} was skipped too (a machine slower than 300 ms a small file?)`);
        assert.ok(json.findings.some((x) => x.file === f), `${f} was linted`);
      }
    }
    // Without a limit, the same file is linted.
    const all = charters(['lint', '.', '--file-budget', '0', '--format', 'json', '--today', '2026-01-01'], dir);
    assert.deepEqual((JSON.parse(all.stdout) as Json).skipped, []);
  });

  it('--file-budget takes a number of milliseconds', () => {
    writeFileSync(path.join(dir, 'a.md'), CHARTER);
    const r = charters(['lint', '.', '--file-budget', 'soon', '--lang', 'en'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--file-budget/);
  });
});

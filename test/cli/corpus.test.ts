/**
 * The acceptance corpus (test/fixtures/corpus, issue 10): realistic fi/en handbooks with planted
 * defects and near misses, their expected findings written from the docs. The scorer spawns the
 * built bin on each handbook; precision and recall on (file, line, rule) must stay at 0.98 or more,
 * and every finding it lists as wrong is printed when they do not.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from '../helpers/paths';

interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  handbooks: { handbook: string; error: string | null; falsePositives: unknown[]; falseNegatives: unknown[] }[];
}

describe('acceptance corpus: precision and recall of charters lint', function () {
  this.timeout(180_000);

  it('at least 0.98 on both, over every handbook, with no handbook failing to run', () => {
    const root = repoRoot();
    const r = spawnSync(process.execPath, [path.join(root, 'bench/corpus.mjs'), '--json'], { cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8' } });
    assert.equal(r.status, 0, r.stderr);
    const score = JSON.parse(r.stdout) as Score;
    assert.ok(score.handbooks.length >= 8, 'the corpus holds its handbooks');
    assert.ok(score.tp >= 100, `enough expected findings to measure: ${score.tp}`);
    const wrong = score.handbooks.filter((h) => h.error || h.falsePositives.length || h.falseNegatives.length);
    const detail = JSON.stringify(wrong, null, 2);
    assert.ok(score.handbooks.every((h) => !h.error), detail);
    assert.ok(score.precision >= 0.98, `precision ${score.precision}: ${detail}`);
    assert.ok(score.recall >= 0.98, `recall ${score.recall}: ${detail}`);
  });
});

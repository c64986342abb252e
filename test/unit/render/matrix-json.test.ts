/**
 * docs/matrix-json.md documents the JSON matrix as tables (one per object: key, type, always).
 * This test reads those tables and checks real output against them, both ways: every key the
 * output has is documented, in the documented order; every "always" key is there; every value
 * has the documented type (objects recursively). Output: examples/handbook, the several-owner
 * fixture and site-en (every status, overdue and due-soon reviews), all with their charters,
 * plus a handbook with a tier lacking a charter and a charter of no known tier.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseConfig } from '../../../src/core/config';
import { Linter } from '../../../src/core/lint';
import { buildMatrix, matrixJson, MATRIX_VERSION } from '../../../src/core/render/matrix';
import { repoRoot } from '../../helpers/paths';

const ROOT = repoRoot();
const TODAY = '2027-05-20';

interface Field {
  type: string;
  always: boolean;
}

/** The tables of the doc: `### Name` then `| key | type | always | meaning |` rows. */
function documented(): Map<string, Map<string, Field>> {
  const doc = readFileSync(path.join(ROOT, 'docs/matrix-json.md'), 'utf8');
  const out = new Map<string, Map<string, Field>>();
  let current: Map<string, Field> | undefined;
  for (const line of doc.split('\n')) {
    const heading = /^### (\w+)$/.exec(line);
    if (heading) {
      current = new Map();
      out.set(heading[1]!, current);
      continue;
    }
    const row = /^\| `([^`]+)` \| ([^|]+?) \| (yes|no) \|/.exec(line);
    if (row && current) current.set(row[1]!, { type: row[2]!.trim(), always: row[3] === 'yes' });
  }
  return out;
}

function check(value: unknown, type: string, types: Map<string, Map<string, Field>>, where: string): void {
  if (type.endsWith('?[]') || type.endsWith('[]')) {
    assert.ok(Array.isArray(value), `${where}: expected ${type}`);
    const inner = type.replace(/\??\[\]$/, '');
    value.forEach((v, i) => {
      if (v === null && type.endsWith('?[]')) return;
      check(v, inner, types, `${where}[${i}]`);
    });
    return;
  }
  if (type === 'string' || type === 'number') {
    assert.equal(typeof value, type, `${where}: expected ${type}, got ${JSON.stringify(value)}`);
    return;
  }
  const fields = types.get(type);
  assert.ok(fields, `${where}: type ${type} is not documented`);
  assert.ok(value !== null && typeof value === 'object' && !Array.isArray(value), `${where}: expected a ${type} object`);
  const keys = Object.keys(value);
  const order = [...fields.keys()];
  for (const k of keys) assert.ok(fields.has(k), `${where}: key \`${k}\` is not documented in ${type}`);
  assert.deepEqual(keys, order.filter((k) => keys.includes(k)), `${where}: keys out of the documented order`);
  for (const [k, f] of fields) {
    if (!(k in value)) {
      assert.ok(!f.always, `${where}: \`${k}\` (always) is missing`);
      continue;
    }
    check((value as Record<string, unknown>)[k], f.type, types, `${where}.${k}`);
  }
}

function matrix(dir: string, drop?: string): unknown {
  const cfg = parseConfig(readFileSync(path.join(dir, 'charters.yaml'), 'utf8'));
  assert.ok(cfg.ok);
  const linter = new Linter(cfg.config);
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.md') && !f.endsWith('README.md'));
  let results = files.map((f) => linter.lintText(f.split(path.sep).join('/'), readFileSync(path.join(dir, f), 'utf8'), { today: TODAY }));
  if (drop) results = results.filter((r) => !r.charter.tiers.includes(drop));
  const summaries = results.map((r) => r.summary!);
  if (drop) summaries.push({ ...summaries[0]!, file: 'odd.md', tiers: [] });
  const byFile = new Map(results.map((r) => [r.charter.file, r.charter]));
  return JSON.parse(matrixJson(buildMatrix(summaries, linter.lookup, TODAY, (f) => byFile.get(f))));
}

describe('docs/matrix-json.md', () => {
  const types = documented();

  it('documents every object the schema has, with its version', () => {
    assert.deepEqual([...types.keys()], ['Matrix', 'Tier', 'Element', 'Text', 'Column', 'Review', 'Row', 'Cell', 'Goal', 'Coverage', 'Counts', 'Overdue', 'DueSoon']);
    assert.match(readFileSync(path.join(ROOT, 'docs/matrix-json.md'), 'utf8'), new RegExp(`\`schemaVersion\` \\(now \\*\\*${MATRIX_VERSION}\\*\\*\\)`));
  });

  for (const [name, dir, drop] of [
    ['examples/handbook', 'examples/handbook', undefined],
    ['site-owners', 'test/fixtures/render/site-owners', undefined],
    ['site-en', 'test/fixtures/render/site-en', undefined],
    ['site-en without supervisors, with a charter of no tier', 'test/fixtures/render/site-en', 'supervisors'],
  ] as const) {
    it(`real output has the documented shape: ${name}`, () => {
      const data = matrix(path.join(ROOT, dir), drop) as Record<string, unknown>;
      check(data, 'Matrix', types, name);
      assert.equal(data['schemaVersion'], MATRIX_VERSION);
    });
  }

  it('every documented key occurs in some output (no key documented that the program never writes)', () => {
    const seen = new Map<string, Set<string>>();
    const walk = (value: unknown, type: string): void => {
      if (value === null) return;
      if (/\??\[\]$/.test(type)) {
        for (const v of value as unknown[]) walk(v, type.replace(/\??\[\]$/, ''));
        return;
      }
      const fields = types.get(type);
      if (!fields) return;
      const set = seen.get(type) ?? new Set<string>();
      seen.set(type, set);
      for (const [k, f] of fields) {
        if (k in (value as object)) {
          set.add(k);
          walk((value as Record<string, unknown>)[k], f.type);
        }
      }
    };
    walk(matrix(path.join(ROOT, 'test/fixtures/render/site-en')), 'Matrix');
    walk(matrix(path.join(ROOT, 'test/fixtures/render/site-en'), 'supervisors'), 'Matrix');
    walk(matrix(path.join(ROOT, 'test/fixtures/render/site-owners')), 'Matrix');
    for (const [type, fields] of types) {
      for (const k of fields.keys()) assert.ok(seen.get(type)?.has(k), `${type}.${k} never occurs`);
    }
  });
});

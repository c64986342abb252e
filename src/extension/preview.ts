/**
 * The charter preview and the handbook matrix as webviews. Charter content is untrusted: the
 * HTML comes from the core's sanitising renderer, the page has a strict CSP with a nonce
 * (`default-src 'none'`), `localResourceRoots` is the extension's media folder only, and the one
 * script is ours: it turns clicks on internal links into messages. Links to the web go through
 * VS Code (`openExternal`), never navigate the webview.
 */
import type { Element } from 'hast';
import * as vscode from 'vscode';
import type { CharterLint } from '../core/lint';
import { buildMatrix, h, matrixHast, page, renderCharterHtml, toHtml } from '../core/render/index';
import { label } from '../core/render/i18n';
import { buildLeaders, leaderHast } from '../core/render/leader';
import { toPosition } from './convert';
import { settingsLang, type Handbook, type Handbooks } from './handbooks';

const LINE_LINK = '#charters-line-';
const OPEN_LINK = '#charters-open-';

function nonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/[+/=]/g, 'x');
}

function webviewPage(webview: vscode.Webview, media: vscode.Uri, title: string, body: string): string {
  const n = nonce();
  return page({
    title,
    lang: settingsLang(),
    body,
    cssHref: webview.asWebviewUri(vscode.Uri.joinPath(media, 'charters.css')).toString(),
    scriptHref: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js')).toString(),
    cspNonce: n,
    cspSource: webview.cspSource,
    bodyClass: 'charters-page charters-webview',
  });
}

interface Message {
  type: 'reveal' | 'open' | 'external';
  line?: number;
  index?: number;
  href?: string;
}

function isMessage(m: unknown): m is Message {
  return typeof m === 'object' && m !== null && typeof (m as Message).type === 'string';
}

async function openExternal(href: string | undefined): Promise<void> {
  if (!href) return;
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(href, true);
  } catch {
    return;
  }
  if (uri.scheme === 'http' || uri.scheme === 'https' || uri.scheme === 'mailto') await vscode.env.openExternal(uri);
}

/** Reveal a 1-based line of a document in an editor beside the webview's column. */
export async function revealLine(uri: vscode.Uri, line: number, column = vscode.ViewColumn.One): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const pos = toPosition({ line: Math.min(doc.lineCount, line), column: 1 });
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: column, selection: new vscode.Range(pos, pos), preserveFocus: false });
  editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** One preview panel per charter; it follows the document as it is edited. */
export class CharterPreviews implements vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();
  private readonly rendered = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a preview's HTML was set (tests wait on it). */
  readonly onDidRender = this.rendered.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly handbooks: Handbooks,
    private readonly media: vscode.Uri,
  ) {
    this.subscription = handbooks.onDidLint((uri) => {
      if (uri) this.update(uri);
      else for (const key of this.panels.keys()) this.update(vscode.Uri.parse(key));
    });
  }

  dispose(): void {
    this.subscription.dispose();
    for (const p of this.panels.values()) p.dispose();
    this.rendered.dispose();
  }

  panelFor(uri: vscode.Uri): vscode.WebviewPanel | undefined {
    return this.panels.get(uri.toString());
  }

  /** The HTML of the preview of `uri` (for tests and the screenshot script). */
  html(uri: vscode.Uri): string | undefined {
    return this.panels.get(uri.toString())?.webview.html;
  }

  async show(uri = vscode.window.activeTextEditor?.document.uri, toSide = true): Promise<vscode.WebviewPanel | undefined> {
    if (!uri) return undefined;
    const key = uri.toString();
    const existing = this.panels.get(key);
    if (existing) {
      existing.reveal(toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, true);
      return existing;
    }
    const doc = await vscode.workspace.openTextDocument(uri);
    if (!this.handbooks.state(uri)) this.handbooks.lintDocument(doc);
    const name = uri.path.split('/').pop() ?? 'charter';
    const panel = vscode.window.createWebviewPanel(
      'charters.preview',
      vscode.l10n.t('Preview {0}', name),
      { viewColumn: toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preserveFocus: toSide },
      { enableScripts: true, localResourceRoots: [this.media], enableFindWidget: true },
    );
    panel.iconPath = vscode.Uri.joinPath(this.media, 'icon.svg');
    this.panels.set(key, panel);
    panel.onDidDispose(() => this.panels.delete(key));
    panel.webview.onDidReceiveMessage((m: unknown) => this.handleMessage(uri, m));
    this.update(uri);
    return panel;
  }

  /** What a click in the preview of `uri` does (the webview's script posts these messages). */
  async handleMessage(uri: vscode.Uri, m: unknown): Promise<vscode.TextEditor | undefined> {
    if (!isMessage(m)) return undefined;
    if (m.type === 'reveal' && typeof m.line === 'number') return revealLine(uri, m.line, vscode.ViewColumn.One);
    if (m.type === 'external') await openExternal(m.href);
    return undefined;
  }

  private update(uri: vscode.Uri): void {
    const panel = this.panels.get(uri.toString());
    if (!panel) return;
    const state = this.handbooks.state(uri);
    let body: string;
    if (!state || !state.result.summary) {
      body = toHtml(h('main', { className: ['charters-empty'] }, h('p', {}, vscode.l10n.t('This file is not a charter: its frontmatter names no tier.'))));
    } else {
      body = renderCharterHtml(state.result, state.handbook.linter.lookup, {
        lang: state.handbook.linter.lang,
        today: this.handbooks.today(),
        linkForElement: (_id, line) => `${LINE_LINK}${line}`,
        linkForLine: (line) => `${LINE_LINK}${line}`,
      });
    }
    panel.webview.html = webviewPage(panel.webview, this.media, panel.title, body);
    this.rendered.fire(uri);
  }
}

/** Where a link of the matrix or a leader view goes: a line of a charter, or a person's view. */
type Target = { uri: vscode.Uri; line: number } | { handbook: Handbook; owner: string };

/**
 * The handbook's "whose job is what" matrix. An owner's name links to their leader view: the
 * same core view (`leaderHast`) as the static site's `leaders/<name>.html`, in a second panel.
 */
export class MatrixView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private targets: Target[] = [];
  private leaderPanel: vscode.WebviewPanel | undefined;
  private leader: { handbook: Handbook; owner: string } | undefined;
  private leaderTargets: Target[] = [];
  private readonly leaderRendered = new vscode.EventEmitter<void>();
  /** Fires after the leader view's HTML was set (tests wait on it). */
  readonly onDidRenderLeader = this.leaderRendered.event;
  private readonly rendered = new vscode.EventEmitter<void>();
  readonly onDidRender = this.rendered.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly handbooks: Handbooks,
    private readonly media: vscode.Uri,
  ) {
    this.subscription = handbooks.onDidLint(() => {
      this.update();
      this.updateLeader();
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.panel?.dispose();
    this.leaderPanel?.dispose();
    this.rendered.dispose();
    this.leaderRendered.dispose();
  }

  html(): string | undefined {
    return this.panel?.webview.html;
  }

  /** The HTML of the leader view, if open (for tests). */
  leaderHtml(): string | undefined {
    return this.leaderPanel?.webview.html;
  }

  async show(): Promise<vscode.WebviewPanel> {
    if (this.panel) {
      this.panel.reveal(undefined, true);
      return this.panel;
    }
    await this.handbooks.whenReady();
    const panel = vscode.window.createWebviewPanel('charters.matrix', vscode.l10n.t('Whose job is what'), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [this.media],
      enableFindWidget: true,
      retainContextWhenHidden: false,
    });
    this.panel = panel;
    panel.onDidDispose(() => (this.panel = undefined));
    panel.webview.onDidReceiveMessage((m: unknown) => this.handleMessage(m));
    this.update();
    return panel;
  }

  /** What a click in the matrix does: open the charter at the element's line, or an owner's view. */
  async handleMessage(m: unknown, targets: Target[] = this.targets): Promise<vscode.TextEditor | undefined> {
    if (!isMessage(m)) return undefined;
    const target = m.type === 'open' && typeof m.index === 'number' ? targets[m.index] : undefined;
    if (target && 'uri' in target) return revealLine(target.uri, target.line, vscode.ViewColumn.Beside);
    if (target) this.showLeader(target.handbook, target.owner);
    if (m.type === 'external') await openExternal(m.href);
    return undefined;
  }

  /** Open (or retarget) the leader view of the person with identity key `owner`. */
  showLeader(handbook: Handbook, owner: string): vscode.WebviewPanel {
    this.leader = { handbook, owner };
    if (!this.leaderPanel) {
      const panel = vscode.window.createWebviewPanel('charters.leader', owner, vscode.ViewColumn.Beside, {
        enableScripts: true,
        localResourceRoots: [this.media],
        enableFindWidget: true,
        retainContextWhenHidden: false,
      });
      panel.iconPath = vscode.Uri.joinPath(this.media, 'icon.svg');
      this.leaderPanel = panel;
      panel.onDidDispose(() => {
        this.leaderPanel = undefined;
        this.leader = undefined;
      });
      panel.webview.onDidReceiveMessage((m: unknown) => this.handleMessage(m, this.leaderTargets));
    } else {
      this.leaderPanel.reveal(vscode.ViewColumn.Beside, true);
    }
    this.updateLeader();
    return this.leaderPanel;
  }

  /** The handbook's charters as linted (open documents and files read from disk). */
  private results(h: Handbook): CharterLint[] {
    const out: CharterLint[] = [];
    for (const file of h.summaries.keys()) {
      const result = this.handbooks.state(this.handbooks.uriOf(h, file))?.result;
      if (result?.summary) out.push(result);
    }
    return out;
  }

  private updateLeader(): void {
    const panel = this.leaderPanel;
    const current = this.leader;
    if (!panel || !current) return;
    const hb = current.handbook;
    const lang = hb.linter.lang;
    this.leaderTargets = [];
    const leader = buildLeaders(this.results(hb), this.handbooks.today()).find((l) => l.key === current.owner);
    let body: Element;
    if (!leader) {
      body = h('main', { className: ['charters-empty'] }, h('p', {}, vscode.l10n.t('This person owns no charter of the handbook any more.')));
      panel.title = current.owner;
    } else {
      const title = label(lang, 'leaderTitle', { name: leader.name });
      panel.title = title;
      const view = leaderHast(leader, hb.linter.lookup, {
        lang,
        today: this.handbooks.today(),
        linkFor: (file, line) => {
          this.leaderTargets.push({ uri: this.handbooks.uriOf(hb, file), line });
          return `${OPEN_LINK}${this.leaderTargets.length - 1}`;
        },
      });
      body = h('main', { className: ['site-main'] }, h('header', { className: ['site-header', 'leader-header'] }, h('h1', {}, title)), view);
    }
    panel.webview.html = webviewPage(panel.webview, this.media, panel.title, toHtml(body));
    this.leaderRendered.fire();
  }

  private update(): void {
    const panel = this.panel;
    if (!panel) return;
    this.targets = [];
    const sections: Element[] = [];
    for (const hb of this.handbooks.all()) {
      if (hb.summaries.size === 0 && !hb.configFile) continue;
      const charters = new Map(this.results(hb).map((r) => [r.charter.file, r.charter]));
      const model = buildMatrix([...hb.summaries.values()], hb.linter.lookup, this.handbooks.today(), (file) => charters.get(file));
      const rootUri = hb.base.with({ path: hb.root });
      const folder = vscode.workspace.getWorkspaceFolder(rootUri);
      const title = folder && folder.uri.path === rootUri.path ? folder.name : vscode.workspace.asRelativePath(rootUri, true);
      const matrix = matrixHast(
        model,
        hb.linter.lang,
        (file, line) => {
          this.targets.push({ uri: this.handbooks.uriOf(hb, file), line });
          return `${OPEN_LINK}${this.targets.length - 1}`;
        },
        {
          linkForOwner: (_name, key) => {
            this.targets.push({ handbook: hb, owner: key });
            return `${OPEN_LINK}${this.targets.length - 1}`;
          },
        },
      );
      sections.push(h('section', { className: ['charters-handbook'] }, h('h1', {}, title), matrix));
    }
    const body = toHtml(
      sections.length > 0 ? h('main', {}, sections) : h('main', { className: ['charters-empty'] }, h('p', {}, vscode.l10n.t('No charters found in this workspace.'))),
    );
    panel.webview.html = webviewPage(panel.webview, this.media, panel.title, body);
    this.rendered.fire();
  }
}

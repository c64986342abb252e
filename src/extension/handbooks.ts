/**
 * The handbooks of the workspace and their diagnostics. Glue only: the core lints; this class
 * decides what to lint when (open documents while typing, unopened files through the file
 * system, handbook-level rules after any change) and turns findings into diagnostics.
 */
import * as vscode from 'vscode';
import { EDITOR_FILE_BUDGET_MS } from '../core/budget';
import { CONFIG_FILE, configErrorText, defaultConfig, type ConfigError, type ResolvedConfig } from '../core/config';
import { MARKDOWN, discover, findConfig, globs, inGitDir, isInsideRoot, joinPath, readRefusal, relativePath, type Globs, type HandbookFs } from '../core/handbook';
import { Linter, type CharterLint } from '../core/lint';
import { fileContext, lintFile, lintSource, readSource, type FileContext, type FileOutcome } from '../core/pipeline';
import { charterKeys, explainSplitCharters } from '../core/split';
import type { CharterSummary, Finding, Lang } from '../core/types';
import { isoDay } from '../core/text';
import { toDiagnostic, toLineEnd, toRange } from './convert';
import { uriFs } from './fs';

export interface Handbook {
  /** Root directory (uri.path) and the folder URI it lives in (scheme, authority). */
  root: string;
  base: vscode.Uri;
  fs: HandbookFs;
  configFile: string | undefined;
  config: ResolvedConfig;
  configErrors: ConfigError[];
  linter: Linter;
  globs: Globs;
  summaries: Map<string, CharterSummary>;
}

export interface DocumentState {
  version: number | undefined;
  result: CharterLint;
  handbook: Handbook;
}

/** Line 1, column 1: where a file's own problems (it cannot be linted) are shown. */
const FIRST = { line: 1, column: 1, offset: 0 };

export function settingsLang(): Lang {
  const v = vscode.workspace.getConfiguration('charters').get<string>('language', 'auto');
  if (v === 'fi' || v === 'en') return v;
  return vscode.env.language.toLowerCase().startsWith('fi') ? 'fi' : 'en';
}

export class Handbooks implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('charters');
  private handbooks: Handbook[] = [];
  private readonly states = new Map<string, DocumentState>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly generation = new Map<string, number>();
  /**
   * Per file on disk: bumped by every watcher event. A read that finishes after a newer event
   * (a delete, say) is stale and dropped, so a slow read can never bring a deleted file back.
   */
  private readonly diskGeneration = new Map<string, number>();
  /**
   * Files deleted on disk while a document of theirs is still open (VS Code keeps the text of a
   * deleted file open, marked "deleted"). They count in no handbook and show no findings until
   * they exist again: saved, created or changed on disk.
   */
  private readonly deletedOnDisk = new Set<string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri | undefined>();
  /** Fires after a document or the handbook was linted (previews and the status bar listen). */
  readonly onDidLint = this.changed.event;
  private ready: Promise<void> = Promise.resolve();
  /** Messages about `charters.handbookRoots` entries refused at the last refresh (shown once each). */
  refusedRoots: string[] = [];

  constructor(private readonly fixedToday: () => string | undefined = () => undefined) {}

  /** Today as YYYY-MM-DD (CHARTERS_TODAY pins it for tests and screenshots). */
  today(): string {
    return this.fixedToday() ?? isoDay(new Date());
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.diagnostics.dispose();
    this.changed.dispose();
  }

  enabled(): boolean {
    return vscode.workspace.getConfiguration('charters').get<boolean>('enable', true);
  }

  /** Re-read every config and lint every handbook of the workspace. */
  refresh(): Promise<void> {
    this.ready = this.ready.then(() => this.doRefresh()).catch((e) => console.error('[charters]', e));
    return this.ready;
  }

  private bumpDisk(uri: vscode.Uri): number {
    const key = uri.toString();
    const gen = (this.diskGeneration.get(key) ?? 0) + 1;
    this.diskGeneration.set(key, gen);
    return gen;
  }

  private diskCurrent(uri: vscode.Uri, gen: number): boolean {
    return (this.diskGeneration.get(uri.toString()) ?? 0) === gen;
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  private async doRefresh(): Promise<void> {
    this.diagnostics.clear();
    this.states.clear();
    if (!this.enabled()) {
      this.handbooks = [];
      this.changed.fire(undefined);
      return;
    }
    const lang = settingsLang();
    const roots = new Map<string, vscode.Uri>();
    const refused: string[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      roots.set(folder.uri.toString(), folder.uri);
      // Workspace settings come with the folder and are untrusted (docs/security.md): a root
      // outside the folder (`../..`) or inside `.git` is refused, with a message.
      const configured = vscode.workspace.getConfiguration('charters', folder.uri).get<unknown>('handbookRoots', []);
      for (const r of Array.isArray(configured) ? configured : []) {
        if (typeof r !== 'string') continue;
        const uri = vscode.Uri.joinPath(folder.uri, r);
        if (!isInsideRoot(folder.uri.path, uri.path) || inGitDir(relativePath(folder.uri.path, uri.path))) {
          refused.push(vscode.l10n.t('The setting charters.handbookRoots names {0}, which is outside the workspace folder {1} or inside .git; it is ignored.', r, folder.name));
          continue;
        }
        roots.set(uri.toString(), uri);
      }
    }
    if (refused.join('\n') !== this.refusedRoots.join('\n')) for (const text of refused) void vscode.window.showWarningMessage(text);
    this.refusedRoots = refused;
    const configs = await vscode.workspace.findFiles(`**/${CONFIG_FILE}`, '{**/node_modules/**,**/.git/**}', 200);
    for (const c of configs) {
      if (inGitDir(c.path)) continue;
      const dir = vscode.Uri.joinPath(c, '..');
      roots.set(dir.toString(), dir);
    }
    const handbooks: Handbook[] = [];
    for (const uri of roots.values()) {
      const fs = uriFs(uri);
      const found = await findConfig(fs, uri.path, lang);
      // A folder inside another handbook belongs to that handbook.
      if (found.file && handbooks.some((h) => h.root === found.root && h.base.scheme === uri.scheme)) continue;
      const config = found.result.ok ? found.result.config : defaultConfig();
      handbooks.push({
        root: found.file ? found.root : uri.path,
        base: uri,
        fs,
        configFile: found.file,
        config,
        configErrors: found.result.ok ? [] : found.result.errors,
        linter: new Linter(config, lang),
        globs: globs(config),
        summaries: new Map(),
      });
    }
    // Deepest root first, so that handbookOf picks the most specific one.
    handbooks.sort((a, b) => b.root.length - a.root.length);
    this.handbooks = handbooks;
    for (const h of handbooks) await this.lintEveryFile(h);
    this.changed.fire(undefined);
  }

  all(): readonly Handbook[] {
    return this.handbooks;
  }

  handbookOf(uri: vscode.Uri): Handbook | undefined {
    return this.handbooks.find(
      (h) =>
        h.base.scheme === uri.scheme &&
        h.base.authority === uri.authority &&
        (uri.path === h.root || uri.path.startsWith(h.root.endsWith('/') ? h.root : `${h.root}/`)),
    );
  }

  uriOf(h: Handbook, file: string): vscode.Uri {
    const path = file === '' ? (h.configFile ?? h.root) : joinPath(h.root, file).replace(/\/\.\//g, '/');
    return h.base.with({ path });
  }

  state(uri: vscode.Uri): DocumentState | undefined {
    return this.states.get(uri.toString());
  }

  /** Lint every file of a handbook (open documents from their editors, the others from disk), then the handbook rules. */
  private async lintEveryFile(h: Handbook): Promise<void> {
    if (h.configErrors.length > 0) {
      this.showConfigErrors(h);
      return;
    }
    const { files } = await discover(h.fs, h.root, h.root, h.config);
    for (const path of files) {
      const uri = h.base.with({ path });
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (open) {
        this.lintNow(open, h);
        continue;
      }
      const gen = this.diskGeneration.get(uri.toString()) ?? 0;
      const outcome = await lintFile(h.fs, path, this.context(h));
      // A watcher event for this file came in while it was read: that event's handler decides.
      // A file that could not be read or decoded has nothing to show on it.
      if (outcome.lint && this.diskCurrent(uri, gen)) this.record(uri, outcome, undefined, h);
    }
    this.updateHandbookFindings(h);
  }

  private showConfigErrors(h: Handbook): void {
    if (!h.configFile) return;
    const uri = h.base.with({ path: h.configFile });
    this.diagnostics.set(
      uri,
      h.configErrors.map((e) => {
        const d = new vscode.Diagnostic(toLineEnd(e), configErrorText(e, settingsLang()), vscode.DiagnosticSeverity.Error);
        d.source = 'charters';
        d.code = 'config';
        return d;
      }),
    );
  }

  /** What the core's per-file path needs for handbook `h`: paths relative to its root, today's date. */
  private context(h: Handbook): FileContext {
    // The editor lints on the extension host's thread: a file gets EDITOR_FILE_BUDGET_MS.
    return fileContext({ linter: h.linter, root: h.root, base: h.root, today: this.today(), globs: h.globs, budget: { ms: EDITOR_FILE_BUDGET_MS, now: () => performance.now() } });
  }

  /** The core's lint of `text` as the file `uri` of handbook `h`; nothing is recorded. */
  private lintPure(uri: vscode.Uri, text: string, h: Handbook): CharterLint {
    return lintSource(uri.path, text, this.context(h)).lint;
  }

  private lintText(uri: vscode.Uri, text: string, version: number | undefined, h: Handbook): DocumentState {
    return this.record(uri, lintSource(uri.path, text, this.context(h)), version, h)!;
  }

  /** A file's outcome as the document's state, its diagnostics and its place in the handbook; undefined without a lint. */
  private record(uri: vscode.Uri, outcome: FileOutcome, version: number | undefined, h: Handbook): DocumentState | undefined {
    const result = outcome.lint;
    if (!result) return undefined;
    const file = relativePath(h.root, uri.path);
    const state: DocumentState = { version, result, handbook: h };
    this.states.set(uri.toString(), state);
    const before = h.summaries.get(file);
    if (result.summary) h.summaries.set(file, result.summary);
    else h.summaries.delete(file);
    this.publish(uri, state);
    // A charter split over files: the other part's findings name this file, so they change with it.
    this.republishSiblings(h, uri, [before, result.summary]);
    return state;
  }

  /** Publish again the charters that share a tier and unit with `summaries` (a split charter's other parts). */
  private republishSiblings(h: Handbook, uri: vscode.Uri, summaries: (CharterSummary | undefined)[]): void {
    const keys = new Set(summaries.flatMap((s) => (s ? charterKeys(s) : [])));
    if (keys.size === 0) return;
    for (const [key, other] of this.states) {
      if (other.handbook !== h || key === uri.toString() || !other.result.summary) continue;
      if (charterKeys(other.result.summary).some((k) => keys.has(k))) this.publish(vscode.Uri.parse(key), other);
    }
  }

  /**
   * A file's findings with what the handbook knows of charters split over files: a missing element
   * another part holds names that file and has no fix. What diagnostics and code actions show.
   */
  findingsOf(state: DocumentState): Finding[] {
    const h = state.handbook;
    return explainSplitCharters(state.result.findings, [...h.summaries.values()], h.linter.lang);
  }

  /** A file's findings as its diagnostics. */
  private publish(uri: vscode.Uri, state: DocumentState): void {
    const { result, handbook: h } = state;
    const findings = this.findingsOf(state);
    const diagnostics = findings.map((f) => toDiagnostic(f, (r) => this.uriOf(h, r), h.linter.lang));
    if (result.unlintable !== undefined) {
      // Too large, too deeply nested or otherwise beyond the parser's limits: say so on line 1.
      const d = new vscode.Diagnostic(toRange({ start: FIRST, end: FIRST }), result.unlintable, vscode.DiagnosticSeverity.Warning);
      d.source = 'charters';
      d.code = 'skipped';
      diagnostics.push(d);
    }
    this.diagnostics.set(uri, diagnostics);
  }

  private lintNow(doc: vscode.TextDocument, h: Handbook): DocumentState {
    return this.lintText(doc.uri, doc.getText(), doc.version, h);
  }

  private updateHandbookFindings(h: Handbook): void {
    if (h.configErrors.length > 0) return;
    const findings = h.linter.lintHandbook([...h.summaries.values()], h.configFile ? relativePath(h.root, h.configFile) : '');
    if (!h.configFile) return; // nowhere to show them without a charters.yaml
    const uri = h.base.with({ path: h.configFile });
    this.diagnostics.set(uri, findings.map((f: Finding) => toDiagnostic(f, (r) => this.uriOf(h, r), h.linter.lang)));
  }

  isCandidate(doc: vscode.TextDocument): boolean {
    return (doc.languageId === 'markdown' || MARKDOWN.test(doc.uri.path)) && !!this.handbookOf(doc.uri);
  }

  /**
   * Lint `text` as the file `uri` of its handbook, without touching diagnostics or the handbook
   * (for renderers such as VS Code's Markdown preview). Undefined outside every handbook.
   */
  lintSource(uri: vscode.Uri, text: string): DocumentState | undefined {
    const h = this.handbookOf(uri);
    if (!h || h.configErrors.length > 0) return undefined;
    return { version: undefined, result: this.lintPure(uri, text, h), handbook: h };
  }

  /** A document was saved (or opened): its file exists, whatever was deleted before. */
  documentOnDisk(doc: vscode.TextDocument): void {
    this.deletedOnDisk.delete(doc.uri.toString());
  }

  /** Lint a document now (on open, on save, on command). */
  lintDocument(doc: vscode.TextDocument): DocumentState | undefined {
    if (!this.enabled()) return undefined;
    // The file was deleted under its open editor (a pending lint can come after the delete).
    if (this.deletedOnDisk.has(doc.uri.toString())) return undefined;
    if (doc.uri.path.endsWith(`/${CONFIG_FILE}`)) {
      void this.refresh();
      return undefined;
    }
    const h = this.handbookOf(doc.uri);
    if (!h || !this.isCandidate(doc) || h.configErrors.length > 0) return undefined;
    if (h.globs.excluded(relativePath(h.root, doc.uri.path))) return undefined;
    const state = this.lintNow(doc, h);
    this.updateHandbookFindings(h);
    this.changed.fire(doc.uri);
    return state;
  }

  /** Lint while typing: throttled per document; a result for an older version is dropped. */
  schedule(doc: vscode.TextDocument, delay: number): void {
    const key = doc.uri.toString();
    const gen = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, gen);
    const old = this.timers.get(key);
    if (old) clearTimeout(old);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (this.generation.get(key) !== gen || doc.isClosed) return; // stale
        this.lintDocument(doc);
      }, delay),
    );
  }

  /** A file changed or appeared on disk (not open in an editor). */
  async fileChanged(uri: vscode.Uri): Promise<void> {
    const gen = this.bumpDisk(uri);
    this.deletedOnDisk.delete(uri.toString());
    if (uri.path.endsWith(`/${CONFIG_FILE}`)) return this.refresh();
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) {
      this.lintDocument(open);
      return;
    }
    const h = this.handbookOf(uri);
    if (!h || h.configErrors.length > 0 || !MARKDOWN.test(uri.path)) return;
    if (h.globs.excluded(relativePath(h.root, uri.path))) return;
    // A link (into `.git`, out of the handbook) is not read, as in discovery.
    if ((await readRefusal(h.fs, h.root, uri.path, h.linter.lang, (rel) => h.globs.excluded(rel))) !== undefined) return;
    const read = await readSource(h.fs, uri.path, h.config, h.linter.lang);
    if (!read.ok && read.unreadable) {
      if (this.diskCurrent(uri, gen)) this.fileDeleted(uri);
      return;
    }
    if (!this.diskCurrent(uri, gen)) return; // a newer event (a delete, another write) wins
    if (read.ok) this.lintText(uri, read.text, undefined, h);
    this.updateHandbookFindings(h);
    this.changed.fire(uri);
  }

  /** A file was deleted or renamed away: its findings and its place in the handbook go. */
  fileDeleted(uri: vscode.Uri): void {
    this.bumpDisk(uri);
    if (uri.path.endsWith(`/${CONFIG_FILE}`)) {
      void this.refresh();
      return;
    }
    this.deletedOnDisk.add(uri.toString());
    this.diagnostics.delete(uri);
    this.states.delete(uri.toString());
    const h = this.handbookOf(uri);
    if (!h) return;
    const file = relativePath(h.root, uri.path);
    const before = h.summaries.get(file);
    h.summaries.delete(file);
    this.republishSiblings(h, uri, [before]);
    this.updateHandbookFindings(h);
    this.changed.fire(uri);
  }
}

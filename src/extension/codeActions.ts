/**
 * Quick fixes from the core's fixes, fix-all in the file, `source.fixAll.charters` (for
 * `editor.codeActionsOnSave`) and "show rule documentation". Kinds are declared; `context.only`
 * is honoured.
 */
import * as vscode from 'vscode';
import { applyFixes } from '../core/fix';
import type { Finding } from '../core/types';
import { minimalEdit, toRange, toWorkspaceEdit } from './convert';
import type { Handbooks } from './handbooks';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('charters');

function intersects(a: vscode.Range, b: vscode.Range): boolean {
  return !!a.intersection(b) || a.start.line === b.start.line;
}

export class CharterCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly handbooks: Handbooks) {}

  /** Findings of the document's current text (re-lint when the cached state is stale). */
  private findings(doc: vscode.TextDocument): Finding[] {
    let state = this.handbooks.state(doc.uri);
    if (!state || state.version !== doc.version) state = this.handbooks.lintDocument(doc);
    return state ? this.handbooks.findingsOf(state) : [];
  }

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const only = context.only;
    const wants = (kind: vscode.CodeActionKind) => !only || only.contains(kind) || kind.contains(only);
    const findings = this.findings(doc);
    const actions: vscode.CodeAction[] = [];

    if (wants(FIX_ALL_KIND) && (!only || FIX_ALL_KIND.intersects(only))) {
      const all = this.fixAll(doc, findings, FIX_ALL_KIND);
      if (all) actions.push(all);
      if (only && !vscode.CodeActionKind.QuickFix.intersects(only)) return actions;
    }
    if (!wants(vscode.CodeActionKind.QuickFix)) return actions;

    const diagnostics = context.diagnostics.filter((d) => d.source === 'charters');
    const here = findings.filter((f) => intersects(toRange(f.place), range));
    for (const f of here) {
      const diagnostic = diagnostics.find((d) => codeOf(d) === f.ruleId && d.range.isEqual(toRange(f.place)) && d.message === f.reason);
      if (f.fix) {
        const action = new vscode.CodeAction(f.fix.description, vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(doc, f.fix.edits);
        if (diagnostic) action.diagnostics = [diagnostic];
        action.isPreferred = true;
        actions.push(action);
      }
    }
    const fixable = findings.filter((f) => f.fix);
    if (here.some((f) => f.fix) && fixable.length > 1) {
      const all = this.fixAll(doc, findings, vscode.CodeActionKind.QuickFix);
      if (all) actions.push(all);
    }
    const seen = new Set<string>();
    for (const f of here) {
      if (seen.has(f.ruleId)) continue;
      seen.add(f.ruleId);
      const docs = new vscode.CodeAction(vscode.l10n.t('Show documentation for rule {0}', f.ruleId), vscode.CodeActionKind.QuickFix);
      docs.command = { command: 'vscode.open', title: docs.title, arguments: [vscode.Uri.parse(f.url)] };
      actions.push(docs);
    }
    return actions;
  }

  private fixAll(doc: vscode.TextDocument, findings: Finding[], kind: vscode.CodeActionKind): vscode.CodeAction | undefined {
    const fixes = findings.flatMap((f) => (f.fix ? [f.fix] : []));
    if (fixes.length === 0) return undefined;
    const text = doc.getText();
    const { text: fixed } = applyFixes(text, fixes);
    if (fixed === text) return undefined;
    const action = new vscode.CodeAction(vscode.l10n.t('Fix all charter problems in this file'), kind);
    // One edit from the first to the last changed character: the same result as each fix.
    action.edit = toWorkspaceEdit(doc, [minimalEdit(text, fixed)]);
    return action;
  }
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

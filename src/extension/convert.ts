/**
 * The one place where core positions (1-based lines and columns, as in findings, config errors
 * and the charter model) become VS Code positions (0-based lines and characters): `toPosition`,
 * and the ranges built from it.
 */
import * as vscode from 'vscode';
import { localisedDocsUrl } from '../core/rules/descriptions';
import type { Finding, Lang, Place, Severity } from '../core/types';

/** A core point (1-based line and column) as a VS Code position. */
export function toPosition(point: { line: number; column: number }): vscode.Position {
  return new vscode.Position(Math.max(0, point.line - 1), Math.max(0, point.column - 1));
}

export function toRange(place: Place): vscode.Range {
  return new vscode.Range(toPosition(place.start), toPosition(place.end));
}

/** From a core point to the end of line `toLine` (1-based; the point's own line by default). */
export function toLineEnd(start: { line: number; column: number }, toLine = start.line): vscode.Range {
  return new vscode.Range(toPosition(start), toPosition({ line: toLine, column: Number.MAX_SAFE_INTEGER }));
}

export function toSeverity(s: Severity): vscode.DiagnosticSeverity {
  return s === 'error'
    ? vscode.DiagnosticSeverity.Error
    : s === 'warning'
      ? vscode.DiagnosticSeverity.Warning
      : vscode.DiagnosticSeverity.Information;
}

/**
 * A finding as a diagnostic: source `charters`, code = rule id linking to its documentation in the
 * language of the message (`lang`: the Finnish page for a Finnish message).
 */
export function toDiagnostic(f: Finding, resolve: (file: string) => vscode.Uri, lang?: Lang): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(f.place), f.reason, toSeverity(f.severity));
  d.source = 'charters';
  d.code = { value: f.ruleId, target: vscode.Uri.parse(lang ? localisedDocsUrl(f.url, f.ruleId, lang) : f.url) };
  if (f.related) {
    d.relatedInformation = f.related.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(resolve(r.file), toRange(r.place)), r.message),
    );
  }
  return d;
}

/** Core text edits (offsets) as a WorkspaceEdit on `doc`. */
export function toWorkspaceEdit(doc: vscode.TextDocument, edits: { start: number; end: number; text: string }[], into = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  for (const e of edits) {
    into.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.text);
  }
  return into;
}

/** The smallest single edit that turns `text` into `fixed` (fixes only insert, so nothing is lost). */
export function minimalEdit(text: string, fixed: string): { start: number; end: number; text: string } {
  let start = 0;
  while (start < text.length && text[start] === fixed[start]) start++;
  let endOld = text.length;
  let endNew = fixed.length;
  while (endOld > start && endNew > start && text[endOld - 1] === fixed[endNew - 1]) {
    endOld--;
    endNew--;
  }
  return { start, end: endOld, text: fixed.slice(start, endNew) };
}

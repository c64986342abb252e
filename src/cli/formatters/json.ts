/**
 * The `json` output format: a stable, documented shape (a public contract; bump `version` on
 * any incompatible change). Pretty-printed with two spaces, ending with a newline.
 *
 * ```jsonc
 * {
 *   "version": 1,
 *   "tool": { "name": "charters", "version": "0.1.0" },
 *   "summary": {
 *     "charters": 3,   // files linted as charters
 *     "errors": 1, "warnings": 0, "notes": 0,
 *     "fixed": 0,      // fixes applied with --fix (0 otherwise)
 *     "skipped": 1     // files that could not be linted
 *   },
 *   "findings": [
 *     {
 *       "ruleId": "element-missing",
 *       "ruleName": "element-missing",
 *       "severity": "error",          // "error" | "warning" | "note"
 *       "message": "…",               // localised; values in backticks
 *       "file": "units/sales.md",     // handbook-relative, `/` separators; "" for the handbook
 *       "line": 1, "column": 1,       // 1-based; columns in UTF-16 code units
 *       "endLine": 1, "endColumn": 5, // exclusive end
 *       "elementId": "…",             // optional
 *       "tier": "…",                  // optional
 *       "expected": "…",              // optional
 *       "actual": "…",                // optional
 *       "url": "https://…",           // the rule's documentation (in Finnish when the run is)
 *       "fixable": true,              // whether the finding carries a fix
 *       "related": [                  // optional: other places that explain the finding
 *         { "file": "…", "line": 9, "column": 1, "message": "…" }
 *       ]
 *     }
 *   ],
 *   "skipped": [{ "file": "units/logo.md", "reason": "…" }],
 *   // optional, only when there is something to say (localised messages):
 *   "notices": [
 *     { "id": "max-warnings-exceeded", "severity": "error", "message": "…" },  // why exit code 1
 *     { "id": "warnings-hidden", "severity": "note", "message": "…" }          // --quiet
 *   ]
 * }
 * ```
 *
 * Keys appear in exactly this order; optional keys are omitted when they have no value.
 */
import { localisedDocsUrl } from '../../core/rules/descriptions';
import type { Finding, Lang, RunResult } from '../../core/types';
import type { FormatOptions } from './types';

export function formatJson(result: RunResult, options: FormatOptions): string {
  const count = (severity: Finding['severity']): number =>
    result.findings.filter((f) => f.severity === severity).length;
  const output = {
    version: 1,
    tool: { name: 'charters', version: options.toolVersion },
    summary: {
      charters: result.charters.length,
      errors: count('error'),
      warnings: count('warning'),
      notes: count('note'),
      fixed: result.fixed ?? 0,
      skipped: result.skipped.length,
    },
    findings: result.findings.map((f) => jsonFinding(f, options.lang)),
    skipped: result.skipped.map(({ file, reason }) => ({ file, reason })),
    // JSON.stringify drops undefined: the key is there only when there is a notice.
    notices: options.notices?.length ? options.notices.map(({ id, severity, message }) => ({ id, severity, message })) : undefined,
  };
  return JSON.stringify(output, null, 2) + '\n';
}

function jsonFinding(f: Finding, lang: Lang): Record<string, unknown> {
  return {
    ruleId: f.ruleId,
    ruleName: f.ruleName,
    severity: f.severity,
    message: f.reason,
    file: f.file,
    line: f.place.start.line,
    column: f.place.start.column,
    endLine: f.place.end.line,
    endColumn: f.place.end.column,
    // JSON.stringify drops undefined values, so absent optional keys are omitted.
    elementId: f.elementId,
    tier: f.tier,
    expected: f.expected,
    actual: f.actual,
    url: localisedDocsUrl(f.url, f.ruleId, lang),
    fixable: f.fix !== undefined,
    related: f.related?.length ? f.related.map((r) => ({ file: r.file, line: r.place.start.line, column: r.place.start.column, message: r.message })) : undefined,
  };
}

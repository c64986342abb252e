/**
 * The runner: text → charter → findings, and summaries → handbook findings. Rules only report;
 * the runner stamps rule metadata, applies configured severities and drops `off` rules.
 */
import type { ResolvedConfig } from './config';
import { defaultConfig } from './config';
import { FrameworkLookup } from './framework/lookup';
import { parseCharter } from './parse';
import { CHARTER_RULES, HANDBOOK_RULES, RULES } from './rules/index';
import type { Report, Rule } from './rules/rule';
import { summarize } from './status';
import { LineIndex, isoDay } from './text';
import type { Charter, CharterSummary, Finding, Lang, RuleMeta, Severity } from './types';

export interface CharterLint {
  /** The parsed charter; `charter.text` is the text linted (without a byte-order mark). */
  charter: Charter;
  findings: Finding[];
  /** Present when the file is a charter. */
  summary: CharterSummary | undefined;
}

export interface LintTextOptions {
  /** The handbook config includes this file as a charter. */
  forceCharter?: boolean;
  /** Today as YYYY-MM-DD; defaults to the current UTC date. */
  today?: string;
}

export class Linter {
  readonly lookup: FrameworkLookup;
  readonly lang: Lang;

  constructor(
    readonly config: ResolvedConfig = defaultConfig(),
    lang?: Lang,
  ) {
    this.lookup = new FrameworkLookup(config.framework);
    this.lang = lang ?? config.language ?? 'fi';
  }

  /** Metadata of every rule with the configured severity as `defaultSeverity`. */
  get rules(): RuleMeta[] {
    return RULES.map((r) => r.meta);
  }

  severityOf(rule: Rule): Severity | undefined {
    const s = this.config.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
    return s === 'off' ? undefined : s;
  }

  lintText(file: string, text: string, options: LintTextOptions = {}): CharterLint {
    const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const charter = parseCharter(file, src, this.lookup, {
      forceCharter: options.forceCharter === true,
      defaultLang: this.lang,
    });
    const findings: Finding[] = [];
    // Frontmatter errors are worth reporting on any Markdown file that looked like a charter.
    if (!charter.isCharter) return { charter, findings, summary: undefined };
    const lines = new LineIndex(src);
    const today = options.today ?? isoDay(new Date());
    for (const rule of CHARTER_RULES) {
      const severity = this.severityOf(rule);
      if (!severity) continue;
      rule.check({
        charter,
        lines,
        lookup: this.lookup,
        lang: this.lang,
        today,
        report: (r) => findings.push(this.stamp(rule, severity, file, r)),
      });
    }
    return { charter, findings: sortFindings(findings), summary: summarize(charter, this.lookup) };
  }

  /** Handbook-level findings from the summaries of every charter of the handbook. */
  lintHandbook(summaries: CharterSummary[], configFile: string): Finding[] {
    const findings: Finding[] = [];
    for (const rule of HANDBOOK_RULES) {
      const severity = this.severityOf(rule);
      if (!severity) continue;
      rule.check({
        summaries,
        lookup: this.lookup,
        lang: this.lang,
        configFile,
        report: (r) => findings.push(this.stamp(rule, severity, r.file, r)),
      });
    }
    return findings;
  }

  private stamp(rule: Rule, severity: Severity, file: string, r: Report): Finding {
    const f: Finding = {
      ruleId: rule.meta.id,
      ruleName: rule.meta.name,
      source: 'charters',
      reason: r.reason,
      severity,
      file,
      place: r.place,
      url: rule.meta.url,
    };
    if (r.elementId !== undefined) f.elementId = r.elementId;
    if (r.tier !== undefined) f.tier = r.tier;
    if (r.expected !== undefined) f.expected = r.expected;
    if (r.actual !== undefined) f.actual = r.actual;
    if (r.related !== undefined) f.related = r.related;
    if (r.fix !== undefined) f.fix = r.fix;
    return f;
  }
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.place.start.line - b.place.start.line ||
      a.place.start.column - b.place.start.column,
  );
}

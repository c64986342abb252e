/**
 * Generated documentation: the rule table of `docs/rules.md`, built from rule metadata so the
 * docs cannot drift from the registry. Pure: no file system here (the unit test reads/writes).
 */
import type { RuleMeta } from './types';

/** Markers around the generated table in `docs/rules.md`. */
export const RULES_START = '<!-- rules:start -->';
export const RULES_END = '<!-- rules:end -->';

/** Text safe inside a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').trim();
}

/**
 * The Markdown table of `rules`, in the order given: one row per rule, every line ending in
 * `\n`. Links point from `docs/` to each rule's documentation beside its source.
 */
export function rulesTable(rules: RuleMeta[]): string {
  const lines = [
    '| Rule | Default severity | Scope | Fixable | Description | Kuvaus |',
    '|---|---|---|---|---|---|',
    ...rules.map(
      (r) =>
        `| [\`${r.id}\`](../src/core/rules/${r.id}.md) | ${r.defaultSeverity} | ${r.scope} | ${r.fixable ? 'yes' : 'no'} | ${cell(r.title.en)} | ${cell(r.title.fi)} |`,
    ),
  ];
  return lines.map((l) => `${l}\n`).join('');
}

/**
 * The text between the line of `RULES_START` and `RULES_END` (line breaks normalised to `\n`),
 * or undefined when the markers are missing or out of order.
 */
export function rulesSection(doc: string): string | undefined {
  const text = doc.replace(/\r\n/g, '\n');
  const start = text.indexOf(RULES_START);
  if (start < 0) return undefined;
  const bodyStart = text.indexOf('\n', start);
  const end = text.indexOf(RULES_END, start);
  if (bodyStart < 0 || end < 0 || end <= bodyStart) return undefined;
  return text.slice(bodyStart + 1, end);
}

/** `doc` with the text between the markers replaced by `section` (undefined if markers are missing). */
export function replaceRulesSection(doc: string, section: string): string | undefined {
  const text = doc.replace(/\r\n/g, '\n');
  if (rulesSection(text) === undefined) return undefined;
  const start = text.indexOf(RULES_START);
  const bodyStart = text.indexOf('\n', start) + 1;
  const end = text.indexOf(RULES_END, start);
  return text.slice(0, bodyStart) + section + text.slice(end);
}

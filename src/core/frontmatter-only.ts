/**
 * A charter's summary from its frontmatter alone, without parsing the Markdown: what the
 * handbook-level rules need about a charter that someone else lints (another CI shard).
 *
 * The text is prepared (`sourceOf`), the frontmatter found and loaded (`readFrontmatter`), and
 * whether the file is a charter decided (`charterVerdict`) exactly as `Linter.lintText` does; the
 * same guards refuse input the parsers cannot take. Only when a charter's tiers can be known
 * from its headings alone (no `tier`/`tiers` value, the article's layout, a frontmatter that
 * only looks like a charter's), or its YAML is broken, does this fall back to
 * `linter.lintText`; so the summary is there exactly when lintText gives one, with the same tiers.
 */
import { charterVerdict, readFrontmatter, scanFrontmatter } from './frontmatter';
import { frontmatterExpansion, markdownComplexity, type Linter } from './lint';
import { charterLang, frontmatterTiers, ownerField, stringField } from './parse';
import { sourceOf } from './text';
import type { CharterSummary } from './types';

export interface FrontmatterSummaryOptions {
  /** The handbook config says this file is a charter even without `tier` in its frontmatter. */
  forceCharter?: boolean;
}

/**
 * The summary of a charter from its frontmatter: tiers, unit, owner, next review and language.
 * `elements` is empty and `title` undefined unless the full parse was needed: the summary is
 * meant for handbook-level rules that look at tiers (`tier-without-charter`), not for the matrix.
 * `undefined` when the file is not a charter, or one the linter refuses (as `Linter.lintText`'s
 * `summary`).
 */
export function summaryFromFrontmatter(
  file: string,
  text: string,
  linter: Linter,
  options: FrontmatterSummaryOptions = {},
): CharterSummary | undefined {
  const forceCharter = options.forceCharter === true;
  const { parsed } = sourceOf(text);
  const scan = scanFrontmatter(parsed);
  const fm = readFrontmatter(parsed, scan);
  const verdict = charterVerdict(fm, parsed, forceCharter, linter.lookup, undefined);
  if (verdict.charter === false) return undefined;
  // What lintText refuses to parse has no summary.
  if (markdownComplexity(parsed, scan) || frontmatterExpansion(fm)) return undefined;
  const full = (): CharterSummary | undefined => linter.lintText(file, text, { forceCharter }).summary;
  // Broken YAML, or a charter only by the look of it (its headings may decide): the full lint.
  if (!fm.data || verdict.charter === undefined || verdict.tierHint !== undefined) return full();
  const named = frontmatterTiers(fm.data, {}, linter.lookup);
  // No tier value: the article's layout names its tiers in headings, which only the parse sees.
  if (named.rawTiers.length === 0) return full();
  return {
    file,
    tiers: named.tiers,
    unit: stringField(fm.data, 'unit'),
    owner: ownerField(fm.data),
    nextReview: stringField(fm.data, 'next-review'),
    lang: charterLang(fm.data, parsed, linter.config.language, linter.lang),
    title: undefined,
    elements: [],
  };
}

/** The shape of a rule: metadata plus one pure function that reports. The runner stamps metadata. */
import type { FrameworkLookup } from '../framework/lookup';
import type { LineIndex } from '../text';
import type { Charter, CharterSummary, Fix, Lang, Place, RelatedLocation, RuleMeta } from '../types';

/** What a rule reports; the runner adds rule id, name, severity, url and file. */
export interface Report {
  reason: string;
  place: Place;
  elementId?: string;
  tier?: string;
  expected?: string;
  actual?: string;
  related?: RelatedLocation[];
  fix?: Fix;
}

export interface CharterContext {
  /** Always a charter (`isCharter`): the runner runs charter rules on nothing else, so a rule need not check. */
  charter: Charter;
  /** Line index of the charter's text, for places. */
  lines: LineIndex;
  lookup: FrameworkLookup;
  lang: Lang;
  /** Today as YYYY-MM-DD (injectable for tests). */
  today: string;
  report(r: Report): void;
}

export interface HandbookContext {
  summaries: CharterSummary[];
  lookup: FrameworkLookup;
  lang: Lang;
  /** Handbook-relative path of `charters.yaml`, or '' when the handbook has none. */
  configFile: string;
  report(r: Report & { file: string }): void;
}

export interface CharterRule {
  meta: RuleMeta & { scope: 'charter' };
  check(ctx: CharterContext): void;
}

export interface HandbookRule {
  meta: RuleMeta & { scope: 'handbook' };
  check(ctx: HandbookContext): void;
}

export type Rule = CharterRule | HandbookRule;

export const DOCS_BASE = 'https://github.com/leadership-charters/charters/blob/main/src/core/rules/';

/** Metadata with the documentation link beside the rule's source. */
export function meta<S extends 'charter' | 'handbook'>(
  m: Omit<RuleMeta, 'name' | 'url' | 'scope'> & { scope: S },
): RuleMeta & { scope: S } {
  return { ...m, name: m.id, url: `${DOCS_BASE}${m.id}.md` };
}

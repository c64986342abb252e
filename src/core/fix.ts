/**
 * Fixes are pure text edits. They only insert (or replace a range with a superset of it):
 * a fix never removes a character the user wrote. The CLI's `--fix` and the editor's quick
 * fixes both call `applyFixes`.
 */
import type { FrameworkLookup } from './framework/lookup';
import { t } from './i18n';
import { elementHeading, elementSection, elementStub } from './template';
import type { Charter, Fix, TextEdit } from './types';

export interface ApplyResult {
  text: string;
  /** Fixes applied. */
  applied: number;
  /** Fixes skipped because they overlapped an earlier one (apply again to get them). */
  skipped: number;
}

/**
 * Apply fixes in order. Edits are sorted by position (stable, so several insertions at one
 * point keep the order the fixes came in); a fix whose edits overlap an applied one is skipped.
 */
export function applyFixes(text: string, fixes: Fix[]): ApplyResult {
  const taken: TextEdit[] = [];
  let applied = 0;
  let skipped = 0;
  for (const fix of fixes) {
    const overlaps = fix.edits.some((e) =>
      taken.some((o) => e.start < o.end && o.start < e.end && !(e.start === e.end && o.start === o.end)),
    );
    const valid = fix.edits.every((e) => e.start >= 0 && e.end >= e.start && e.end <= text.length);
    if (overlaps || !valid) {
      skipped++;
      continue;
    }
    taken.push(...fix.edits);
    applied++;
  }
  const order = taken.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.i - b.i);
  let out = '';
  let pos = 0;
  let last: TextEdit | undefined;
  for (const { e } of order) {
    let insert = e.text;
    // Block insertions stacked at one point each bring their own blank lines; drop the
    // leading line breaks of the later one when a blank line already separates them.
    if (last && e.start === e.end && last.start === last.end && e.start === last.start && /\n[ \t]*\r?\n$/.test(out)) {
      insert = insert.replace(/^(?:[ \t]*\r?\n)+/, '');
    }
    out += text.slice(pos, e.start) + insert;
    pos = e.end;
    last = e;
  }
  out += text.slice(pos);
  return { text: out, applied, skipped };
}

/** Text to insert at `at` so that `block` stands as its own Markdown block (blank lines around). */
export function blockInsertion(text: string, at: number, block: string, eol: string): TextEdit {
  const before = text.slice(0, at);
  let prefix = '';
  if (at > 0 && !/\n[ \t]*\r?\n$/.test(before)) prefix = before.endsWith('\n') ? eol : eol + eol;
  const after = text.slice(at);
  const suffix = after.length === 0 ? eol : /^[ \t]*\r?\n/.test(after) ? eol : eol + eol;
  return { start: at, end: at, text: prefix + block + suffix };
}

/**
 * Insert a missing element of `tierId` in framework order: after the section of the nearest
 * preceding element that is present, else before the first present element, else at the end
 * of the tier's section (or of the document).
 */
export function insertElementFix(charter: Charter, lookup: FrameworkLookup, tierId: string, elementId: string): Fix | undefined {
  const tier = lookup.tier(tierId);
  const el = lookup.element(elementId);
  if (!tier || !el) return undefined;
  const present = charter.occurrences.filter((o) => o.tier === tierId);
  const order = tier.elements.map((e) => e.id);
  const pos = order.indexOf(elementId);
  const section = charter.tierSections.find((s) => s.tier === tierId);
  const sectionDepth = section ? section.depth : charter.title ? 1 : 1;

  let at: number;
  let style: { kind: 'heading' | 'inline'; depth: number };
  const preceding = present
    .filter((o) => order.indexOf(o.elementId) < pos && order.indexOf(o.elementId) >= 0)
    .sort((a, b) => order.indexOf(b.elementId) - order.indexOf(a.elementId) || b.contentEnd - a.contentEnd)[0];
  if (preceding) {
    at = preceding.contentEnd;
    style = { kind: preceding.kind, depth: preceding.depth };
  } else {
    const first = present.slice().sort((a, b) => a.headingPlace.start.offset - b.headingPlace.start.offset)[0];
    if (first) {
      // the start of its line: a list bullet or quote marker before an inline item stays with it
      at = first.headingPlace.start.offset - (first.headingPlace.start.column - 1);
      style = { kind: first.kind, depth: first.depth };
    } else {
      at = section ? section.sectionPlace.end.offset : charter.text.length;
      style = { kind: 'heading', depth: sectionDepth + 1 };
    }
  }
  const lang = charter.lang;
  const block =
    style.kind === 'heading'
      ? elementSection(el, lang, lookup, style.depth, charter.eol)
      : `🔹 ${withoutIdSuffix(elementHeading(el, lang))}: ${elementStub(el, lang, lookup, charter.eol)
          .split(charter.eol)
          .filter((l) => !l.startsWith('<!--'))
          .join(charter.eol)}`;
  return {
    description: t(lang, 'fix.insert-element', { name: el.name[lang] }),
    edits: [blockInsertion(charter.text, at, block, charter.eol)],
  };
}

/** Insert a missing tier section (all its elements as stubs) at the end of the document. */
export function insertTierFix(charter: Charter, lookup: FrameworkLookup, tierId: string): Fix | undefined {
  const tier = lookup.tier(tierId);
  if (!tier) return undefined;
  const lang = charter.lang;
  const depth = charter.tierSections[0]?.depth ?? 2;
  const parts = [`${'#'.repeat(depth)} ${tier.name[lang]} – ${tier.role[lang]}`];
  for (const el of tier.elements) parts.push(elementSection(el, lang, lookup, depth + 1, charter.eol));
  return {
    description: t(lang, 'fix.insert-tier', { name: tier.name[lang] }),
    edits: [blockInsertion(charter.text, charter.text.length, parts.join(charter.eol + charter.eol), charter.eol)],
  };
}

/** Add `field:` with a stub value as the last line of the frontmatter (only when the key is absent). */
export function insertFieldFix(charter: Charter, field: string, stub: string): Fix | undefined {
  const fm = charter.frontmatter;
  if (fm.insertOffset === undefined || fm.data === undefined || field in fm.data) return undefined;
  return {
    description: t(charter.lang, 'fix.insert-field', { field }),
    edits: [{ start: fm.insertOffset, end: fm.insertOffset, text: `${field}: ${stub}${charter.eol}` }],
  };
}

/**
 * `heading` without its ` {#id}` suffix: what `heading.replace(/ \{#.*\}$/, '')` does (from the
 * first ` {#` on the last line, when the text ends with `}`), without retrying `.*` from every
 * ` {#` of a hostile name (quadratic).
 */
function withoutIdSuffix(heading: string): string {
  if (!heading.endsWith('}')) return heading;
  let lastLine = 0;
  for (let i = heading.length - 1; i >= 0; i--) {
    const c = heading.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) {
      lastLine = i + 1;
      break;
    }
  }
  const at = heading.indexOf(' {#', lastLine);
  return at < 0 ? heading : heading.slice(0, at);
}

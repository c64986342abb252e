/**
 * Fixes are pure text edits. They only insert (or replace a range with a superset of it):
 * a fix never removes a character the user wrote. The CLI's `--fix` and the editor's quick
 * fixes both call `applyFixes`.
 */
import type { FrameworkLookup } from './framework/lookup';
import { t } from './i18n';
import { elementHeading, elementSection, elementStub } from './template';
import type { Charter, Finding, Fix, Lang, NearMiss, TextEdit } from './types';

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
export function insertElementFix(charter: Charter, lookup: FrameworkLookup, tierId: string, elementId: string, ui: Lang = charter.lang): Fix | undefined {
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
    description: t(ui, 'fix.insert-element', { name: el.name[lang] }),
    edits: [blockInsertion(charter.text, at, block, charter.eol)],
  };
}

/** Insert a missing tier section (all its elements as stubs) at the end of the document. */
export function insertTierFix(charter: Charter, lookup: FrameworkLookup, tierId: string, ui: Lang = charter.lang): Fix | undefined {
  const tier = lookup.tier(tierId);
  if (!tier) return undefined;
  const lang = charter.lang;
  const depth = charter.tierSections[0]?.depth ?? 2;
  const parts = [`${'#'.repeat(depth)} ${tier.name[lang]} – ${tier.role[lang]}`];
  for (const el of tier.elements) parts.push(elementSection(el, lang, lookup, depth + 1, charter.eol));
  return {
    description: t(ui, 'fix.insert-tier', { name: tier.name[lang] }),
    edits: [blockInsertion(charter.text, charter.text.length, parts.join(charter.eol + charter.eol), charter.eol)],
  };
}

/** Add `field:` with a stub value as the last line of the frontmatter (only when the key is absent). */
export function insertFieldFix(charter: Charter, field: string, stub: string, ui: Lang = charter.lang): Fix | undefined {
  const fm = charter.frontmatter;
  if (fm.insertOffset === undefined || fm.data === undefined || field in fm.data) return undefined;
  return {
    description: t(ui, 'fix.insert-field', { field }),
    edits: [{ start: fm.insertOffset, end: fm.insertOffset, text: `${field}: ${stub}${charter.eol}` }],
  };
}

/**
 * Repair a near miss instead of adding a second section: a heading that resembles the element
 * gets the element's explicit `{#id}` after its words; a bold or italic line becomes a heading
 * (`## ` before it, and `{#id}` when its words only resemble the name). Only insertions: every
 * word the user wrote stays. A table row gets no fix (its text must be rewritten by hand).
 */
export function nearMissFix(charter: Charter, lookup: FrameworkLookup, miss: NearMiss, ui: Lang = charter.lang): Fix | undefined {
  const el = lookup.element(miss.elementId);
  if (!el || miss.idAt === undefined) return undefined;
  const lang = charter.lang;
  if (miss.kind === 'level') {
    return { description: t(ui, 'fix.heading-deeper', { title: miss.title }), edits: [{ start: miss.idAt, end: miss.idAt, text: '#' }] };
  }
  if (miss.kind === 'nospace') {
    const hashes = '#'.repeat(miss.headingDepth ?? 2);
    return { description: t(ui, 'fix.heading-space', { hashes, title: miss.title }), edits: [{ start: miss.idAt, end: miss.idAt, text: ' ' }] };
  }
  const id = { start: miss.idAt, end: miss.idAt, text: ` {#${el.id}}` };
  if (miss.kind === 'heading') {
    return { description: t(ui, 'fix.mark-element', { title: miss.title, name: el.name[lang] }), edits: [id] };
  }
  if (miss.kind === 'emphasis' && miss.headingDepth !== undefined) {
    const at = miss.place.start.offset;
    const hashes = { start: at, end: at, text: `${'#'.repeat(miss.headingDepth)} ` };
    return { description: t(ui, 'fix.make-heading', { title: miss.title, name: el.name[lang] }), edits: miss.certain ? [hashes] : [hashes, id] };
  }
  return undefined;
}

/**
 * How many of the findings that carried a fix are gone after fixing: a fix that leaves its
 * finding in place (an inserted placeholder the rule still reports) does not count as fixed.
 * Findings are told apart by file, rule, element and tier (lines move when text is inserted, and
 * a message may change while its finding stays: "no owner" becomes "owner is a placeholder").
 */
export function fixedCount(before: readonly Finding[], after: readonly Finding[]): number {
  const key = findingKey;
  const left = new Map<string, number>();
  for (const f of after) left.set(key(f), (left.get(key(f)) ?? 0) + 1);
  let fixed = 0;
  for (const f of before) {
    if (!f.fix) continue;
    const k = key(f);
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else fixed++;
  }
  return fixed;
}

/** The same finding before and after fixing: file, rule, element and tier (lines move as text is inserted). */
export function findingKey(f: Finding): string {
  return `${f.file}\u0000${f.ruleId}\u0000${f.elementId ?? ''}\u0000${f.tier ?? ''}`;
}

/**
 * Add `tier: <value>` to the frontmatter just above `line` (the key that was meant as `tier`, which
 * stays: other keys are allowed). Undefined when the frontmatter has no room for it.
 */
export function insertTierKeyFix(charter: Charter, value: string, line: number, ui: Lang = charter.lang): Fix | undefined {
  const fm = charter.frontmatter;
  if (!fm.place || fm.data === undefined || 'tier' in fm.data) return undefined;
  const lines = charter.text.split('\n');
  let at = 0;
  const target = Math.max(fm.place.start.line + 1, Math.min(line, fm.place.end.line));
  for (let i = 0; i < target - 1 && i < lines.length; i++) at += lines[i]!.length + 1;
  const quoted = /^[\p{L}\p{N}][\p{L}\p{N} ()–-]*$/u.test(value) ? value : JSON.stringify(value);
  return {
    description: t(ui, 'fix.tier-key', { value: quoted }),
    edits: [{ start: at, end: at, text: `tier: ${quoted}${charter.eol}` }],
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

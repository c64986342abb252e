/**
 * Markdown text → charter model. micromark (the parser under unified + remark-parse) with
 * remark-frontmatter's syntax gives the block structure; this module finds the frontmatter, the
 * tiers, the tier sections and every element occurrence (as a heading, or as an inline item in
 * the article's layout: `🔹 Title: text`).
 */
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parse as micromarkParse, postprocess, preprocess } from 'micromark';
import { frontmatter as frontmatterSyntax } from 'micromark-extension-frontmatter';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Deadline } from './budget';
import { LIKELY, boundedDistance, compactKey, headingKey, type FrameworkLookup } from './framework/lookup';
import { charterVerdict, readFrontmatter } from './frontmatter';
import { ownerNames } from './owners';
import { isPlaceholder } from './placeholder';
import { LineIndex, detectEol, explicitId, labelAt, matchKey, skipEmphasis, skipSpaces, stripExplicitId, valueText } from './text';
import type { Charter, ElementOccurrence, Frontmatter, Lang, NearMiss, Place, TierSection } from './types';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** Parse Markdown into an mdast tree (with the frontmatter as a `yaml` node). */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

export interface ParseOptions {
  /** The handbook config says this file is a charter even without `tier` in its frontmatter. */
  forceCharter?: boolean;
  /** Language when the frontmatter has no valid `lang`, the handbook none and the text says neither. */
  defaultLang?: Lang;
  /** `language` of the handbook's `charters.yaml`, when it sets one (used when the text says neither). */
  handbookLang?: Lang;
  /** The file's time budget (see budget.ts): checked between stages and in the loops over blocks and lines. */
  deadline?: Deadline;
  /** The text's frontmatter, when the caller has already read it (`readFrontmatter(text)`). */
  frontmatter?: Frontmatter;
}

export interface HeadingInfo {
  depth: number;
  text: string;
  explicitId: string | undefined;
  start: number;
  end: number;
}

/**
 * The lead of an inline item (`🔹 **Title:** text`): decoration, then an opening `**`/`__`.
 * Linear: one character class, then an optional group that starts with characters outside it.
 * The title is read by `labelAt` (see `inlineItem`).
 */
// eslint-disable-next-line no-misleading-character-class -- ZWJ and VS16 listed on purpose as single code points: the class skips emoji sequences one code point at a time
const INLINE_LEAD = /^[\s\p{Extended_Pictographic}\p{So}\ufe0f\u200d•▪►▶→]*(\*\*|__)?/u;
const INLINE_TITLE = { colons: ':', min: 2, max: 200, emphasis: true, forbid: '*_' } as const;
const MAX_LIST_DEPTH = 4;
const NO_DEADLINE = { check(): void {}, tick(): void {} };

/** The line index each charter was parsed with, so the rules need not build another. */
const lineIndexes = new WeakMap<Charter, LineIndex>();

/** The line index of a charter's text (the one its parse built, when there is one). */
export function lineIndexOf(charter: Charter): LineIndex {
  let idx = lineIndexes.get(charter);
  if (!idx || idx.text !== charter.text) {
    idx = new LineIndex(charter.text);
    lineIndexes.set(charter, idx);
  }
  return idx;
}

export function parseCharter(
  file: string,
  text: string,
  lookup: FrameworkLookup,
  options: ParseOptions = {},
): Charter {
  const deadline = options.deadline ?? NO_DEADLINE;
  const idx = new LineIndex(text);
  const blocks = readBlocks(text);
  deadline.check();
  const frontmatter = options.frontmatter ?? readFrontmatter(text);
  deadline.check();
  const data = frontmatter.data ?? {};
  const headings = blocks.headings;
  let titleHeading = headings.find((h) => h.depth === 1);

  // Tiers named in the frontmatter.
  const named = frontmatterTiers(data, frontmatter.keyLines, lookup);
  const { rawTiers, tiers, unknownTiers } = named;
  let multiTier = named.multiTier;

  // The one decision (frontmatter.ts); never a silent pass: a frontmatter that looks like a
  // charter's but names no tier makes a charter with a hint of the tier it meant.
  const verdict = charterVerdict(frontmatter, text, options.forceCharter === true, lookup, headings);
  const isCharter = verdict.charter === true;
  const tierHint = verdict.tierHint;
  // No tier in the frontmatter: a document in the article's layout names its tiers in headings.
  if (isCharter && rawTiers.length === 0 && !frontmatter.error && !tierHint) {
    for (const h of headings) {
      const def = lookup.tierOfHeading(h.text);
      if (def && !tiers.includes(def.id)) tiers.push(def.id);
    }
    if (tiers.length > 0) multiTier = true;
  }

  const lang = charterLang(data, text, options.handbookLang, options.defaultLang ?? 'fi');
  const tierSections: TierSection[] = [];
  const occurrences: ElementOccurrence[] = [];
  const unknownIds: Charter['unknownIds'] = [];
  const nearMisses: NearMiss[] = [];
  const unrecognisedHeadings: Charter['unrecognisedHeadings'] = [];

  if (isCharter) {
    const sections: Section[] = [];
    if (multiTier) {
      for (let i = 0; i < headings.length; i++) {
        const h = headings[i]!;
        const def = lookup.tierOfHeading(h.text);
        if (!def || !tiers.includes(def.id)) continue;
        let end = text.length;
        for (let j = i + 1; j < headings.length; j++) {
          const n = headings[j]!;
          if (n.depth <= h.depth || lookup.tierOfHeading(n.text)) {
            end = n.start;
            break;
          }
        }
        sections.push({ tier: def.id, multi: true, depth: h.depth, start: h.start, bodyStart: h.end, end });
        tierSections.push({
          tier: def.id,
          title: h.text,
          depth: h.depth,
          headingPlace: idx.place(h.start, h.end),
          sectionPlace: idx.place(h.start, end),
        });
      }
    }
    // `tiers: [supervisors]` with element headings and no tier heading: a single-tier charter.
    if (multiTier && sections.length === 0 && tiers.length === 1) multiTier = false;
    if (!multiTier && tiers.length === 1) {
      // A Word or pandoc export has no title: its elements are `#` headings. Then every level
      // counts, and the first `#` heading is the title only when it names no element.
      const tier = tiers[0]!;
      const tops = headings.filter((h) => h.depth === 1);
      const all = new Set(lookup.tier(tier)?.elements.map((e) => e.id) ?? []);
      // The title is dropped only when it is exactly an element's name ("# Psykologinen
      // turvallisuus tiimissämme" stays a title, though as a heading it would name the element).
      const exact = (h: HeadingInfo): boolean =>
        (h.explicitId !== undefined && lookup.element(h.explicitId)?.tier === tier) || lookup.elementNamedExactly(tier, h.text) !== undefined;
      const names = (h: HeadingInfo): boolean =>
        exact(h) || lookup.elementOfTitle(tier, h.text) !== undefined || (lookup.rankElements(tier, h.text, all)[0]?.score ?? 0) >= LIKELY;
      let depth = titleHeading ? 1 : 0;
      // (A title that only resembles an element, "# Psykologinen turvallisuus tiimissämme", stays the title.)
      if (titleHeading && (exact(titleHeading) || tops.slice(1).some(names))) {
        depth = 0;
        if (exact(titleHeading)) titleHeading = undefined;
      }
      const bodyStart = titleHeading ? titleHeading.end : frontmatter.place ? frontmatter.place.end.offset : 0;
      sections.push({ tier, multi: false, depth, start: 0, bodyStart, end: text.length });
    }
    for (const s of sections) {
      const found = findOccurrences(blocks, text, idx, lookup, s, unknownIds, deadline);
      occurrences.push(...found);
      findNearMisses(blocks, text, idx, lookup, s, found, nearMisses, unrecognisedHeadings);
    }
  }

  const charter: Charter = {
    file,
    text,
    eol: detectEol(text),
    frontmatter,
    isCharter,
    tiers,
    tierHint,
    unknownTiers,
    unknownIds,
    multiTier,
    lang,
    unit: stringField(data, 'unit'),
    owner: ownerField(data),
    reviewed: stringField(data, 'reviewed'),
    nextReview: stringField(data, 'next-review'),
    title: titleHeading
      ? { text: titleHeading.text, place: idx.place(titleHeading.start, titleHeading.end) }
      : undefined,
    tierSections,
    occurrences,
    nearMisses,
    unrecognisedHeadings,
  };
  lineIndexes.set(charter, idx);
  return charter;
}



/** The owners a frontmatter names (`owner`: one name, a list, or names separated by commas), joined with `, `. */
export function ownerField(data: Record<string, unknown>): string | undefined {
  const owners = ownerNames(data['owner']);
  return owners.length > 0 ? owners.join(', ') : undefined;
}

export function stringField(data: Record<string, unknown>, key: string): string | undefined {
  const v = data[key];
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export function readLang(data: Record<string, unknown>, fallback: Lang): Lang {
  return explicitLang(data) ?? fallback;
}

/** The frontmatter's `lang` when it is a valid one. */
function explicitLang(data: Record<string, unknown>): Lang | undefined {
  const v = typeof data['lang'] === 'string' ? data['lang'].toLowerCase().trim() : '';
  if (v === 'fi' || v.startsWith('fi-')) return 'fi';
  if (v === 'en' || v.startsWith('en-')) return 'en';
  return undefined;
}

/**
 * The language of a charter: its frontmatter's `lang`, else the language its text is clearly
 * written in, else the handbook's `language`, else the fallback (the messages' language). So a
 * Finnish charter fixed in an English-speaking CI job gets Finnish stubs and headings.
 */
export function charterLang(data: Record<string, unknown>, text: string, handbookLang: Lang | undefined, fallback: Lang): Lang {
  return explicitLang(data) ?? guessLang(text) ?? handbookLang ?? fallback;
}

const FI_WORDS = new Set(['ja', 'on', 'ei', 'että', 'tai', 'sekä', 'myös', 'jotta', 'kanssa', 'ovat', 'joka', 'jossa', 'mitä', 'miten', 'me', 'se', 'kun', 'sen', 'niin', 'tiimin', 'oppimisen', 'tavoite', 'mittari']);
const EN_WORDS = new Set(['the', 'and', 'of', 'to', 'is', 'are', 'we', 'our', 'with', 'for', 'that', 'this', 'by', 'how', 'what', 'each', 'every', 'goal', 'indicator', 'learning']);
/** How much of a text `guessLang` reads: enough for any charter's first sections. */
const GUESS_CHARS = 32_768;

/**
 * Finnish or English by counting common words (and words with ä or ö, which English lacks) in the
 * first 32 KiB; undefined when neither is clearly ahead. One split on a character class: linear.
 */
export function guessLang(text: string): Lang | undefined {
  let fi = 0;
  let en = 0;
  for (const word of text.slice(0, GUESS_CHARS).toLowerCase().split(/[^\p{L}]+/u)) {
    if (word.length === 0) continue;
    if (FI_WORDS.has(word) || word.includes('ä') || word.includes('ö')) fi++;
    else if (EN_WORDS.has(word)) en++;
  }
  if (fi >= 3 && fi >= 2 * en) return 'fi';
  if (en >= 3 && en >= 2 * fi) return 'en';
  return undefined;
}

/** The tiers a frontmatter mapping names (`tier`, `tiers`), resolved against the framework. */
export function frontmatterTiers(
  data: Record<string, unknown>,
  keyLines: Record<string, number>,
  lookup: FrameworkLookup,
): {
  rawTiers: { value: string; line: number }[];
  tiers: string[];
  unknownTiers: { value: string; line: number }[];
  multiTier: boolean;
} {
  const rawTiers: { value: string; line: number }[] = [];
  let multiTier = false;
  for (const key of ['tier', 'tiers'] as const) {
    if (!(key in data)) continue;
    const v = data[key];
    const line = keyLines[key] ?? 1;
    if (Array.isArray(v)) {
      multiTier = true;
      for (const item of v) if (item !== null && item !== undefined) rawTiers.push({ value: String(item), line });
    } else if (v !== null && v !== undefined) {
      const value = valueText(v);
      if (value.trim() === '') continue;
      if (key === 'tiers') multiTier = true;
      rawTiers.push({ value, line });
    }
  }
  const tiers: string[] = [];
  const unknownTiers: { value: string; line: number }[] = [];
  for (const t of rawTiers) {
    const def = lookup.resolveTier(t.value);
    if (!def) unknownTiers.push(t);
    else if (!tiers.includes(def.id)) tiers.push(def.id);
  }
  return { rawTiers, tiers, unknownTiers, multiTier };
}

// ---------------------------------------------------------------------------------------------
// Block structure: what the charter model needs of the Markdown

/**
 * What parsing needs of a document's structure: the top-level headings, and the paragraphs
 * that may hold inline items (top level, or in lists nested at most MAX_LIST_DEPTH deep, not in
 * block quotes), in document order. (The frontmatter comes from `frontmatter.ts`.)
 */
export interface Blocks {
  headings: HeadingInfo[];
  paragraphs: { start: number; end: number }[];
}

/**
 * micromark with remark-frontmatter's syntax, as remark-parse runs it, minus the inline
 * constructs of running text (emphasis, links, images, code spans, inline HTML, escaped line
 * breaks): the linter reads a paragraph's text from the source, never its inline children, and
 * tokenizing them is a good share of the parse. The block structure and every position are
 * the same as in `parseMarkdown`'s tree. Headings are where inline Markdown matters (their
 * plain text names elements and tiers): `readBlocks` takes their text from the full parse
 * whenever a heading holds a character that could start an inline construct.
 */
const BLOCK_EXTENSIONS = [
  frontmatterSyntax(['yaml']),
  { disable: { null: ['attention', 'autolink', 'codeText', 'hardBreakEscape', 'htmlText', 'labelEnd', 'labelStartImage', 'labelStartLink'] } },
];

/** Characters that may make a heading's plain text differ from its source (inline Markdown, references, NUL). */
const INLINE_START = /[!&*<[\]_`\\\0]/;

/**
 * The structure of `text`: the fast path (micromark's block events) where it is exact, else
 * remark's full tree. The two give the same blocks (test/unit/core/differential.test.ts).
 */
export function readBlocks(text: string): Blocks {
  return fastBlocks(text) ?? fullBlocks(text);
}

/**
 * micromark drops one leading byte-order mark and counts offsets without it; the blocks are
 * given in offsets of `text`, mark included (the linter strips it before parsing, other
 * callers may not): this is what to add.
 */
function bomShift(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/**
 * The fast path: blocks from micromark's events, without building a tree. Undefined where it
 * cannot be sure of a heading's plain text, which only the full tree knows: a heading with a
 * bracket (a link reference resolves against definitions anywhere in the document) or one that,
 * parsed on its own, is not the same heading (its context made it one: a lazy line, a `>` that
 * the unclosed frontmatter fence left as text).
 */
export function fastBlocks(text: string): Blocks | undefined {
  const events = postprocess(micromarkParse({ extensions: BLOCK_EXTENSIONS }).document().write(preprocess()(text, undefined, true)));
  return blocksFromEvents(events, text, bomShift(text));
}

/** The full path: blocks from remark's tree (`parseMarkdown(text)`, or the caller's). */
export function fullBlocks(text: string, tree: Root = parseMarkdown(text)): Blocks {
  return blocksFromTree(tree, text, bomShift(text));
}

type MicromarkEvent = ReturnType<typeof postprocess>[number];

function blocksFromEvents(events: MicromarkEvent[], text: string, shift: number): Blocks | undefined {
  const headings: HeadingInfo[] = [];
  const paragraphs: { start: number; end: number }[] = [];
  let lists = 0;
  let quotes = 0;
  for (let i = 0; i < events.length; i++) {
    const [kind, token] = events[i]!;
    const type: string = token.type;
    if (type === 'listOrdered' || type === 'listUnordered') {
      lists += kind === 'enter' ? 1 : -1;
      continue;
    }
    if (type === 'blockQuote') {
      quotes += kind === 'enter' ? 1 : -1;
      continue;
    }
    if (kind !== 'enter') continue;
    if (type === 'paragraph') {
      if (quotes === 0 && lists <= MAX_LIST_DEPTH) paragraphs.push({ start: token.start.offset + shift, end: token.end.offset + shift });
      continue;
    }
    if (quotes > 0 || lists > 0) continue;
    if (type === 'atxHeading' || type === 'setextHeading') {
      const start = token.start.offset + shift;
      const end = token.end.offset + shift;
      const source = text.slice(start, end);
      if (source.includes('[') || source.includes(']')) return undefined;
      let depth = 0;
      let plain: string | undefined = '';
      for (let j = i + 1; j < events.length && events[j]![1] !== token; j++) {
        const [k, t] = events[j]!;
        if (k !== 'enter') continue;
        if (t.type === 'atxHeadingSequence' && depth === 0) depth = t.end.offset - t.start.offset;
        else if (t.type === 'atxHeadingText') plain = text.slice(t.start.offset + shift, t.end.offset + shift);
        else if (t.type === 'setextHeadingLineSequence') depth = text.charCodeAt(t.start.offset + shift) === 61 /* = */ ? 1 : 2;
      }
      if (type === 'setextHeading' || INLINE_START.test(source)) plain = headingText(source, depth);
      if (plain === undefined) return undefined;
      headings.push(headingInfo(depth, start, end, plain, source));
    }
  }
  return { headings, paragraphs };
}

/** Blocks from remark's tree. */
function blocksFromTree(tree: Root, text: string, shift: number): Blocks {
  const headings: HeadingInfo[] = [];
  for (const node of tree.children) {
    if (node.type !== 'heading' || !node.position) continue;
    const start = node.position.start.offset! + shift;
    const end = node.position.end.offset! + shift;
    headings.push(headingInfo(node.depth, start, end, toString(node), text.slice(start, end)));
  }
  const paragraphs: { start: number; end: number }[] = [];
  const stack: { node: RootContent; depth: number }[] = [];
  for (let i = tree.children.length - 1; i >= 0; i--) stack.push({ node: tree.children[i]!, depth: 0 });
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node.type === 'paragraph') {
      if (node.position) paragraphs.push({ start: node.position.start.offset! + shift, end: node.position.end.offset! + shift });
    } else if (node.type === 'list' && depth < MAX_LIST_DEPTH) {
      const items = node.children;
      for (let i = items.length - 1; i >= 0; i--) stack.push({ node: items[i]!, depth: depth + 1 });
    } else if (node.type === 'listItem') {
      const kids = node.children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, depth });
    }
  }
  return { headings, paragraphs };
}

function headingInfo(depth: number, start: number, end: number, plainText: string, source: string): HeadingInfo {
  const id = explicitId(source);
  const plain = (id ? stripExplicitId(plainText) : plainText).trim();
  // A Word bookmark kept by a converter (`{#_Toc12345}`, `{#_Ref…}`) names no element: the heading
  // is read by its words, as without it. Any other id is the author's (element-id-unknown when
  // it names no element, even one made of the heading's own words: the match rests on the text).
  return { depth, text: plain, explicitId: id && !id.id.startsWith('_') ? id.id : undefined, start, end };
}

/**
 * The plain text of a heading, its source parsed on its own with every inline construct; or
 * undefined when on its own the source is not one heading of that depth (then only the whole
 * document's tree knows the text, and the caller takes it from there).
 */
function headingText(source: string, depth: number): string | undefined {
  const tree = parseMarkdown(source);
  const only = tree.children.length === 1 ? tree.children[0] : undefined;
  if (!only || only.type !== 'heading' || only.depth !== depth) return undefined;
  if (only.position?.start.offset !== 0 || only.position.end.offset !== source.length) return undefined;
  return toString(only);
}

// ---------------------------------------------------------------------------------------------
// Element occurrences

interface Section {
  tier: string;
  /** A tier section of a multi-tier charter (the article's layout allows plain `Title:` items). */
  multi: boolean;
  depth: number;
  start: number;
  bodyStart: number;
  end: number;
}

interface RawOccurrence {
  elementId: string;
  kind: 'heading' | 'inline';
  explicit: boolean;
  title: string;
  depth: number;
  start: number;
  titleEnd: number;
  contentStart: number;
}

function findOccurrences(
  blocks: Blocks,
  text: string,
  idx: LineIndex,
  lookup: FrameworkLookup,
  section: Section,
  unknownIds: Charter['unknownIds'],
  deadline: Pick<Deadline, 'tick'>,
): ElementOccurrence[] {
  const { headings } = blocks;
  const raw: RawOccurrence[] = [];
  const inSection = (offset: number): boolean => offset >= section.bodyStart && offset < section.end;

  for (const h of headings) {
    deadline.tick();
    if (!inSection(h.start) || h.depth <= section.depth) continue;
    let el = h.explicitId ? lookup.element(h.explicitId) : undefined;
    const explicit = !!el && el.tier === section.tier;
    if (!explicit) el = lookup.elementOfTitle(section.tier, h.text);
    if (h.explicitId && !explicit) unknownIds.push({ id: h.explicitId, tier: section.tier, matched: el?.id, place: idx.place(h.start, h.end) });
    if (!el) continue;
    raw.push({
      elementId: el.id,
      kind: 'heading',
      explicit,
      title: h.text,
      depth: h.depth,
      start: h.start,
      titleEnd: h.end,
      contentStart: h.end,
    });
  }

  // Inline items: paragraphs and list items whose lines start with an element's title and a colon.
  for (const p of blocks.paragraphs) {
    if (p.end <= section.bodyStart || p.start >= section.end) continue;
    inlineItems(p.start, p.end, text, lookup, section, raw, deadline);
  }

  raw.sort((a, b) => a.start - b.start);
  // A heading deeper than an element heading, inside that element's section, is a sub-heading of
  // its text when it names the same element (`### Tiedon jakaminen käytännössä`) or an element that
  // a heading outside such nesting defines; otherwise it still counts (an element nested by mistake).
  dropNestedMentions(raw, headings, section.end);
  // An inline item inside an element heading's section is that element's text, not another element.
  const headingEnds = raw
    .filter((r) => r.kind === 'heading')
    .map((r) => {
      let end = section.end;
      for (const h of headings) {
        if (h.start > r.start && h.start < end && h.depth <= r.depth) end = h.start;
      }
      for (const o of raw) if (o.kind === 'heading' && o.start > r.start && o.start < end) end = o.start;
      return [r.start, end] as const;
    });
  for (let i = raw.length - 1; i >= 0; i--) {
    const r = raw[i]!;
    if (r.kind === 'inline' && headingEnds.some(([s, e]) => r.start > s && r.start < e)) raw.splice(i, 1);
  }
  const result: ElementOccurrence[] = [];
  for (let i = 0; i < raw.length; i++) {
    deadline.tick();
    const r = raw[i]!;
    let end = section.end;
    const next = raw[i + 1];
    if (next && next.start < end) {
      // An inline item ends where the next item's line begins: a list bullet (`- 🔹 …`) or
      // quote marker before the next title belongs to the next item, not to this one's content.
      end = next.kind === 'inline' ? Math.max(r.contentStart, idx.lineStart(idx.lineOf(next.start))) : next.start;
    }
    for (const h of headings) {
      if (h.start <= r.start || h.start >= end) continue;
      if (r.kind === 'inline' || h.depth <= r.depth) {
        end = h.start;
        break;
      }
    }
    const content = text.slice(r.contentStart, end);
    result.push({
      elementId: r.elementId,
      tier: section.tier,
      kind: r.kind,
      explicit: r.explicit,
      title: r.title,
      depth: r.depth,
      headingPlace: idx.place(r.start, r.titleEnd),
      sectionPlace: idx.place(r.start, end),
      contentStart: r.contentStart,
      contentEnd: end,
      contentText: content.replace(/<!--[\s\S]*?(?:-->|$)/g, ''),
      goals: findGoals(content, r.contentStart, idx, lookup, deadline),
    });
  }
  return result;
}

function dropNestedMentions(raw: RawOccurrence[], headings: readonly HeadingInfo[], sectionEnd: number): void {
  const occ = raw.filter((r) => r.kind === 'heading');
  if (occ.length < 2 || occ.length > 2000) return;
  const parentOf = new Map<RawOccurrence, RawOccurrence>();
  for (const p of occ) {
    let end = sectionEnd;
    for (const h of headings) if (h.start > p.start && h.start < end && h.depth <= p.depth) end = h.start;
    for (const r of occ) {
      if (r !== p && !r.explicit && r.start > p.start && r.start < end && r.depth > p.depth && !parentOf.has(r)) parentOf.set(r, p);
    }
  }
  if (parentOf.size === 0) return;
  const topLevel = new Set(occ.filter((r) => !parentOf.has(r)).map((r) => r.elementId));
  for (let i = raw.length - 1; i >= 0; i--) {
    const r = raw[i]!;
    const parent = parentOf.get(r);
    if (parent && (parent.elementId === r.elementId || topLevel.has(r.elementId))) raw.splice(i, 1);
  }
}

function inlineItems(
  start: number,
  end: number,
  text: string,
  lookup: FrameworkLookup,
  section: Section,
  out: RawOccurrence[],
  deadline: Pick<Deadline, 'tick'>,
): void {
  let lineStart = start;
  while (lineStart < end) {
    deadline.tick();
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    const line = text.slice(lineStart, lineEnd);
    // Every item has a colon after its title: most lines of prose have none.
    const m = line.includes(':') ? inlineItem(line) : undefined;
    // Outside the article's multi-tier layout only a decorated item counts (`🔹 Title:` or
    // `**Title:**`), so that a sentence such as "Visio: …" in a section is just text.
    const decorated = !!m && (m.emphasis || /^\s*[\p{Extended_Pictographic}\p{So}•▪►▶→]/u.test(line));
    if (m && (section.multi || decorated) && lineStart >= section.bodyStart && lineStart < section.end) {
      const el = lookup.elementOfTitle(section.tier, m.title);
      if (el) {
        const lead = line.length - line.trimStart().length;
        out.push({
          elementId: el.id,
          kind: 'inline',
          explicit: false,
          title: m.title.trim(),
          depth: section.depth + 1,
          start: lineStart + lead,
          titleEnd: lineStart + m.end,
          contentStart: lineStart + m.end,
        });
      }
    }
    lineStart = lineEnd + 1;
  }
}

// ---------------------------------------------------------------------------------------------
// Near misses: a missing element written so that it does not count

/** A line that is only bold or italic text (`**Visio ja kulttuuri**`, `_Vision:_`), maybe with a colon after it. */
const EMPHASIS_LINE = /^(\*\*|__|\*|_)([^*_\n]{2,200})(?:\*\*|__|\*|_)[ \t]*(?:[:：][ \t]*)?\r?$/;
/** A link to another Markdown or Word file: `[title](path.md)`, `[title](path.docx#x)`. */
const LINK = /\[([^\]\n]{2,200})\]\(<?([^()<>\s]{1,500}\.(?:md|markdown|docx?))(?:#[^()\s]*)?>?\)/giu;
/** Table rows read per section at most (a table is a paragraph to the parser without GFM). */
const MAX_TABLE_ROWS = 200;

/**
 * The near misses of one section (see `NearMiss`) and its unrecognised headings. Candidates for a
 * missing element: headings that resemble its name (`LIKELY`), bold or italic lines alone at the
 * start of a top-level paragraph that name it or resemble it, table cells that name it. Each
 * missing element takes its best candidate, each candidate serves one element.
 *
 * An unrecognised heading is a heading of the section at the level of its elements (the level of
 * its shallowest element heading, near misses included; without any, one below the section's
 * heading) that is not an element, not a near miss, not a tier heading, not a goal label, has no
 * `{#id}`, and holds no element heading below it (a grouping heading such as "Our
 * responsibilities"). Deeper headings are sub-headings of an element's content.
 */
function findNearMisses(
  blocks: Blocks,
  text: string,
  idx: LineIndex,
  lookup: FrameworkLookup,
  section: Section,
  found: ElementOccurrence[],
  out: NearMiss[],
  unrecognised: Charter['unrecognisedHeadings'],
): void {
  const tier = lookup.tier(section.tier);
  if (!tier) return;
  const missing = new Set(tier.elements.map((e) => e.id).filter((id) => !found.some((o) => o.elementId === id)));
  const inSection = (offset: number): boolean => offset >= section.bodyStart && offset < section.end;
  const occStarts = new Set(found.filter((o) => o.kind === 'heading').map((o) => o.headingPlace.start.offset));
  const headings = blocks.headings.filter((h) => inSection(h.start) && h.depth > section.depth);
  const minDepth = (depths: Iterable<number>): number => {
    let m = Infinity;
    for (const d of depths) if (d < m) m = d;
    return m;
  };
  const foundLevel = minDepth(found.filter((o) => o.kind === 'heading').map((o) => o.depth));
  const elementLevel = (extra: number[]): number => {
    const level = Math.min(foundLevel, minDepth(extra));
    if (level !== Infinity) return level;
    if (section.depth > 0) return section.depth + 1;
    return headings.length > 0 ? minDepth(headings.map((h) => h.depth)) : 1;
  };
  const levelOfFound = elementLevel([]);

  interface Candidate {
    miss: Omit<NearMiss, 'elementId' | 'score'>;
    ranked: { id: string; score: number }[];
    start: number;
  }
  const candidates: Candidate[] = [];
  const free = new Set<HeadingInfo>();
  for (const h of headings) {
    if (occStarts.has(h.start) || !h.text || lookup.isStructuralHeading(h.text)) continue;
    // A heading with an id that names no element (`{#psykological-safety}`) is element-id-unknown's,
    // never unrecognised; its words, or an id one typo from a missing element's, still make it a
    // near miss, without a fix (a second id would not mend the first).
    const withId = h.explicitId !== undefined;
    if (!withId) free.add(h);
    if (missing.size === 0) continue;
    const ranked = lookup.rankElements(section.tier, h.text, missing).filter((r) => r.score >= LIKELY).map((r) => ({ id: r.el.id, score: r.score }));
    if (withId) {
      for (const id of missing) {
        const typos = Math.min(3, Math.floor(id.length / 6));
        if (!ranked.some((r) => r.id === id) && boundedDistance(h.explicitId!, id, typos) <= typos) ranked.push({ id, score: 1.4 });
      }
    }
    if (ranked.length === 0) continue;
    candidates.push({
      miss: { tier: section.tier, kind: 'heading', title: h.text, place: idx.place(h.start, h.end), certain: false, idAt: withId ? undefined : idAt(text, h), headingDepth: undefined },
      ranked,
      start: h.start,
    });
  }
  if (missing.size > 0) {
    let rows = 0;
    for (const p of blocks.paragraphs) {
      if (!inSection(p.start)) continue;
      const lineStart = idx.lineStart(idx.lineOf(p.start));
      let lineEnd = text.indexOf('\n', p.start);
      if (lineEnd < 0 || lineEnd > p.end) lineEnd = p.end;
      const first = text.slice(p.start, lineEnd);
      if (lineStart === p.start) {
        // `**Visio ja kulttuuri**` alone at the start of a top-level paragraph (not in a list or quote)
        const m = EMPHASIS_LINE.exec(first);
        const title = m ? m[2]!.replace(/[:：\s]+$/u, '').trim() : '';
        if (m && title && !lookup.isStructuralHeading(title)) {
          const el = lookup.elementOfTitle(section.tier, title);
          const ranked = el
            ? missing.has(el.id)
              ? [{ id: el.id, score: 2 }]
              : []
            : lookup.rankElements(section.tier, title, missing).filter((r) => r.score >= LIKELY).map((r) => ({ id: r.el.id, score: r.score }));
          if (ranked.length > 0) {
            const end = p.start + first.replace(/\r$/, '').length;
            candidates.push({
              miss: {
                tier: section.tier,
                kind: 'emphasis',
                title,
                place: idx.place(p.start, end),
                certain: !!el,
                idAt: end,
                headingDepth: Math.min(6, Math.max(levelOfFound, section.depth + 1)),
              },
              ranked,
              start: p.start,
            });
          }
        }
      }
      // `🔹 Psykologinen turvallisuus – text`: an article item with a dash where its colon belongs
      for (let ls = p.start, n = 0; ls < p.end && n < MAX_ITEM_LINES; n++) {
        let le = text.indexOf('\n', ls);
        if (le < 0 || le > p.end) le = p.end;
        const row = text.slice(ls, le).replace(/\r$/, '');
        const item = row.includes(':') ? undefined : dashItem(row);
        const el = item ? lookup.elementNamedExactly(section.tier, item.title) : undefined;
        if (item && el && missing.has(el.id)) {
          candidates.push({
            miss: { tier: section.tier, kind: 'item', title: item.title, place: idx.place(ls, ls + row.length), certain: true, idAt: undefined, headingDepth: undefined },
            ranked: [{ id: el.id, score: 1.5 }],
            start: ls,
          });
        }
        ls = le + 1;
      }
      // Links to the element's text in another file: `[Visio ja kulttuuri](visio.md)`
      if (text.includes('](', p.start) && text.indexOf('](', p.start) < p.end) {
        LINK.lastIndex = 0;
        const para = text.slice(p.start, Math.min(p.end, p.start + 20_000));
        for (let m = LINK.exec(para), n = 0; m && n < 50; m = LINK.exec(para), n++) {
          const el = lookup.elementOfTitle(section.tier, m[1]!);
          if (!el || !missing.has(el.id)) continue;
          const at = p.start + m.index;
          candidates.push({
            miss: { tier: section.tier, kind: 'link', title: m[1]!.trim(), target: m[2]!, place: idx.place(at, at + m[0].length), certain: true, idAt: undefined, headingDepth: undefined },
            ranked: [{ id: el.id, score: 1.4 }],
            start: at,
          });
        }
      }
      // Table rows: `| Visio ja kulttuuri | … |`
      if (text.charCodeAt(p.start) !== 124 /* | */) continue;
      let ls = p.start;
      while (ls < p.end && rows < MAX_TABLE_ROWS) {
        let le = text.indexOf('\n', ls);
        if (le < 0 || le > p.end) le = p.end;
        const row = text.slice(ls, le);
        rows++;
        if (row.trimStart().startsWith('|')) {
          for (const cell of row.split('|').slice(0, 8)) {
            const el = cell.trim() ? lookup.elementOfTitle(section.tier, cell) : undefined;
            if (!el || !missing.has(el.id)) continue;
            candidates.push({
              miss: { tier: section.tier, kind: 'table', title: cell.trim(), place: idx.place(ls, ls + row.replace(/\r$/, '').length), certain: true, idAt: undefined, headingDepth: undefined },
              ranked: [{ id: el.id, score: 1.5 }],
              start: ls,
            });
            break;
          }
        }
        ls = le + 1;
      }
    }
    nonHeadings(text, idx, lookup, section, blocks, missing, (c) => candidates.push(c));
    // A multi-tier charter's element heading at the tier headings' level ends the tier's section:
    // the headings of that level after it, up to the next tier heading, that name a missing element.
    if (section.multi && section.depth > 0) {
      for (const h of blocks.headings) {
        if (h.start < section.end) continue;
        if (h.depth < section.depth || lookup.tierOfHeading(h.text)) break;
        if (h.depth !== section.depth || h.explicitId !== undefined) continue;
        const el = lookup.elementOfTitle(section.tier, h.text);
        if (!el || !missing.has(el.id)) continue;
        const at = idx.lineStart(idx.lineOf(h.start));
        candidates.push({
          miss: { tier: section.tier, kind: 'level', title: h.text, place: idx.place(h.start, h.end), certain: true, idAt: at + text.slice(at, h.end).indexOf('#'), headingDepth: section.depth + 1 },
          ranked: [{ id: el.id, score: 1.5 }],
          start: h.start,
        });
      }
    }
    // A heading that counts for one element and also names a missing one
    // (`## Johto oppimisen esimerkkinä ja ekosysteemiajattelu`, or a template `{#id}` kept on a
    // heading re-worded to another element's name).
    for (const o of found) {
      if (o.kind !== 'heading') continue;
      for (const el of lookup.elementsNamedIn(section.tier, o.title)) {
        if (el.id === o.elementId || !missing.has(el.id)) continue;
        candidates.push({
          miss: { tier: section.tier, kind: 'shared', title: o.title, other: o.elementId, place: o.headingPlace, certain: true, idAt: undefined, headingDepth: undefined },
          ranked: [{ id: el.id, score: 1.2 }],
          start: o.headingPlace.start.offset,
        });
      }
    }
  }
  // Best pairs first; a tie goes to the earlier candidate.
  const pairs = candidates.flatMap((c) => c.ranked.map((r) => ({ c, id: r.id, score: r.score })));
  pairs.sort((a, b) => b.score - a.score || a.c.start - b.c.start);
  const used = new Set<Candidate>();
  const taken = new Set<string>();
  const mine: NearMiss[] = [];
  for (const { c, id, score } of pairs) {
    if (used.has(c) || taken.has(id)) continue;
    used.add(c);
    taken.add(id);
    mine.push({ ...c.miss, elementId: id, score });
  }
  mine.sort((a, b) => a.place.start.offset - b.place.start.offset);
  out.push(...mine);

  // Unrecognised headings at the elements' level.
  const missStarts = new Set(mine.filter((m) => m.kind === 'heading').map((m) => m.place.start.offset));
  const depthAt = new Map(headings.map((h) => [h.start, h.depth]));
  const level = elementLevel(mine.filter((m) => m.kind === 'heading').map((m) => depthAt.get(m.place.start.offset) ?? 99));
  const elementStarts = [...occStarts, ...missStarts].sort((a, b) => a - b);
  const still = new Set([...missing].filter((id) => !taken.has(id)));
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i]!;
    if (h.depth !== level || missStarts.has(h.start) || !free.has(h) || isDocumentSection(h.text)) continue;
    let end = section.end;
    for (let j = i + 1; j < headings.length; j++) {
      if (headings[j]!.depth <= h.depth) {
        end = headings[j]!.start;
        break;
      }
    }
    if (firstAfter(elementStarts, h.start) < end) continue; // a grouping heading
    const closest = still.size > 0 ? lookup.rankElements(section.tier, h.text, still)[0]?.el.id : undefined;
    unrecognised.push({ tier: section.tier, title: h.text, place: idx.place(h.start, h.end), closest });
  }
}

/** An ATX heading with no space after its `#`s (`##Visio ja kulttuuri`): not a heading in Markdown. */
const NO_SPACE_HEADING = /^ {0,3}(#{1,6})([^\s#].*)$/;
/** A heading after its indentation: `#`s, a space, the title. */
const INDENTED_HEADING = /^(#{1,6})[ \t]+(\S.*)$/;
/** A list item's marker before its text: `1.`, `2)`, `-`, `*`, `+`. */
const LIST_MARKER = /^[ \t]*(?:\d{1,9}[.)]|[-*+])[ \t]+$/;
/** Longer lines are no title (and keep every pattern below on short input). */
const MAX_TITLE_LINE = 300;
/** Lines of a section looked at for headings Markdown does not see. */
const MAX_SCAN_LINES = 5000;

/**
 * Elements written on lines that Markdown does not read as headings, as first-time authors write
 * them: `##Visio` (no space after the `#`s), a heading indented by four spaces or a tab (a code
 * block), and a list item that is an element's name alone (`1. Psykologinen turvallisuus`). Only
 * a missing element's exact name (or alias) counts here; each becomes a near miss at its line.
 */
function nonHeadings(
  text: string,
  idx: LineIndex,
  lookup: FrameworkLookup,
  section: Section,
  blocks: Blocks,
  missing: ReadonlySet<string>,
  add: (c: { miss: Omit<NearMiss, 'elementId' | 'score'>; ranked: { id: string; score: number }[]; start: number }) => void,
): void {
  const clean = (t: string): string => {
    // A closing `#` run (after a space) and a trailing colon go; done by hand, not by an unanchored pattern.
    let s = t.trimEnd();
    let h = s.length;
    while (h > 0 && s[h - 1] === '#') h--;
    if (h < s.length && (h === 0 || s[h - 1] === ' ' || s[h - 1] === '\t')) s = s.slice(0, h).trimEnd();
    if (s.endsWith(':') || s.endsWith('：')) s = s.slice(0, -1);
    return s.trim();
  };
  let ls = section.bodyStart;
  for (let n = 0; ls < section.end && n < MAX_SCAN_LINES; n++) {
    let le = text.indexOf('\n', ls);
    if (le < 0 || le > section.end) le = section.end;
    const line = text.slice(ls, le).replace(/\r$/, '');
    if (line.length > MAX_TITLE_LINE) {
      ls = le + 1;
      continue;
    }
    let kind: 'nospace' | 'indented' | undefined;
    let hashes = '';
    let title = '';
    let at = 0;
    const bare = line.charCodeAt(0) === 35 /* # */ || (line.startsWith(' ') && line.trimStart().startsWith('#')) ? NO_SPACE_HEADING.exec(line) : null;
    if (bare) {
      kind = 'nospace';
      hashes = bare[1]!;
      title = clean(bare[2]!);
      at = ls + line.indexOf('#') + hashes.length;
    } else if (line.startsWith('    ') || line.startsWith('\t')) {
      const m = INDENTED_HEADING.exec(line.trimStart());
      if (m) {
        kind = 'indented';
        hashes = m[1]!;
        title = clean(m[2]!);
      }
    }
    if (kind && title) {
      const el = lookup.elementNamedExactly(section.tier, title) ?? lookup.elementOfTitle(section.tier, title);
      if (el && missing.has(el.id)) {
        add({
          miss: { tier: section.tier, kind, title, place: idx.place(ls, ls + line.length), certain: true, idAt: kind === 'nospace' ? at : undefined, headingDepth: hashes.length },
          ranked: [{ id: el.id, score: 1.5 }],
          start: ls,
        });
      }
    }
    ls = le + 1;
  }
  // `1. Psykologinen turvallisuus` alone: a list item, not a heading.
  for (const p of blocks.paragraphs) {
    if (p.start < section.bodyStart || p.start >= section.end) continue;
    const lineStart = idx.lineStart(idx.lineOf(p.start));
    if (lineStart === p.start || !LIST_MARKER.test(text.slice(lineStart, p.start))) continue;
    let le = text.indexOf('\n', p.start);
    if (le < 0 || le > p.end) le = p.end;
    const first = text.slice(p.start, le).replace(/\r$/, '');
    if (first.length > MAX_TITLE_LINE) continue;
    const title = clean(clean(first).replace(/^(?:\*\*|__)|(?:\*\*|__)$/g, ''));
    const el = title ? lookup.elementNamedExactly(section.tier, title) : undefined;
    if (!el || !missing.has(el.id)) continue;
    add({
      miss: { tier: section.tier, kind: 'list', title, place: idx.place(lineStart, lineStart + (le - lineStart)), certain: true, idAt: undefined, headingDepth: undefined },
      ranked: [{ id: el.id, score: 1.5 }],
      start: lineStart,
    });
  }
}

/**
 * The first words of headings that frame a document rather than attempt an element: an
 * introduction, background, appendix, approval or change log (fi and en, folded).
 */
const DOCUMENT_SECTIONS = new Set([
  'johdanto', 'tausta', 'taustaa', 'tarkoitus', 'yleista', 'yleiskuva', 'yhteenveto', 'tiivistelma', 'esipuhe', 'saate', 'sisallys', 'sisallysluettelo',
  'lopuksi', 'johtopaatokset', 'liite', 'liitteet', 'hyvaksynta', 'hyvaksyminen',
  'muutoshistoria', 'versiohistoria', 'muutokset', 'yhteystiedot', 'lahteet', 'viitteet', 'sanasto', 'maaritelmat', 'kasitteet', 'lisatietoja', 'huomiot', 'huomioita', 'muistiinpanot',
  'introduction', 'background', 'purpose', 'overview', 'summary', 'executivesummary', 'foreword', 'preface', 'contents', 'tablecontents',
  'conclusion', 'conclusions', 'scope', 'appendix', 'appendices', 'annex', 'approval', 'approvals',
  'changelog', 'changes', 'history', 'revisions', 'contacts', 'contact', 'references', 'sources', 'glossary', 'definitions', 'notes',
]);

/** Whether a heading frames the document (`## Johdanto`, `## Liitteet: yhteystiedot`, `## Change log`). */
function isDocumentSection(title: string): boolean {
  const first = compactKey(headingKey(title).split(/[\s:–-]+/u)[0] ?? '');
  const joined = compactKey(headingKey(title));
  return DOCUMENT_SECTIONS.has(first) || DOCUMENT_SECTIONS.has(joined) || /^(?:change|revision|version)(?:log|history)$/.test(joined);
}

/** The first value of the ascending `sorted` above `x` (Infinity when none). */
function firstAfter(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length ? sorted[lo]! : Infinity;
}

/** Where ` {#id}` goes in a heading: after its text, before an ATX closing sequence (`## Title ##`). */
function idAt(text: string, h: HeadingInfo): number {
  let lineEnd = text.indexOf('\n', h.start);
  if (lineEnd < 0 || lineEnd > h.end) lineEnd = h.end;
  let e = lineEnd;
  if (e > h.start && text.charCodeAt(e - 1) === 13) e--;
  while (e > h.start && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
  if (text.charCodeAt(h.start) === 35 /* # */) {
    let k = e;
    while (k > h.start && text.charCodeAt(k - 1) === 35) k--;
    const before = text.charCodeAt(k - 1);
    if (k < e && (before === 32 || before === 9)) {
      e = k;
      while (e > h.start && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
    }
  }
  return e;
}

/**
 * An inline item's line (`🔹 **Title:** text`): its title, whether it opened with `**`/`__`, and
 * the offset after the colon (and a closing `**`/`__` right after it). The pattern it replaces,
 * `^[…]*(\*\*|__)?([^:\n*_]{2,200}?)(\*\*|__)?\s*:(\*\*|__)?`, took cubic time on a long run
 * of spaces followed by anything but a title and a colon.
 */
export function inlineItem(line: string): { title: string; emphasis: boolean; end: number } | undefined {
  const lead = INLINE_LEAD.exec(line)!;
  const label = labelAt(line, lead[0].length, INLINE_TITLE);
  if (!label?.colon) return undefined;
  return { title: label.text, emphasis: lead[1] !== undefined, end: skipEmphasis(line, label.end) };
}

/** Dashes that may stand for an item's colon: ` – `, ` — `, ` - `. */
const ITEM_DASHES = [' – ', ' — ', ' - '];
/** Lines of one paragraph looked at for dashed items (the article's lists are a few lines long). */
const MAX_ITEM_LINES = 200;

/**
 * `🔹 Title – text`: a line that starts with the article's marker (an emoji or a typed bullet),
 * then a title of 2 to 200 characters and a spaced dash: an item written with a dash instead of
 * its colon (a near miss when the title names a missing element). Only the title up to the first
 * dash is read, bold marks around it dropped.
 */
function dashItem(line: string): { title: string; end: number } | undefined {
  if (!/^\s*[\p{Extended_Pictographic}\p{So}•▪►▶→]/u.test(line)) return undefined;
  const lead = INLINE_LEAD.exec(line)![0].length;
  let at = -1;
  let width = 0;
  for (const d of ITEM_DASHES) {
    const i = line.indexOf(d, lead);
    if (i >= 0 && (at < 0 || i < at)) {
      at = i;
      width = d.length;
    }
  }
  if (at < 0 || at - lead < 2 || at - lead > 200) return undefined;
  const title = line.slice(lead, at).replace(/^(?:\*\*|__)|(?:\*\*|__)$/g, '').trim();
  if (title.length < 2 || /[*_]/.test(title)) return undefined;
  return { title, end: at + width };
}

/** The lead of a goal line: quote markers, a list marker, a heading marker, an opening `**`/`__` (linear, as `INLINE_LEAD`). */
const GOAL_LEAD = /^[\s>]*(?:[-*+]\s+|\d+[.)]\s+)?(?:#{1,6}\s+)?(?:\*\*|__)?/u;
const GOAL_LABEL = { colons: ':：', min: 1, max: 40, emphasis: true, colonOptional: true } as const;

/**
 * A goal line (`- **Mittarit:** text`, or a heading such as `### Mittarit` with no colon): its
 * label, and its value after the colon (undefined without a colon). Replaces the pattern
 * `^[\s>]*(…)?([^:：\n]{1,40}?)(?:\*\*|__)?\s*(?:[:：](?:\*\*|__)?\s*(.*))?$`, which backtracked
 * over every split of a long run of spaces.
 */
export function goalLine(line: string): { label: string; value: string | undefined } | undefined {
  const lead = GOAL_LEAD.exec(line)!;
  const label = labelAt(line, lead[0].length, GOAL_LABEL);
  if (!label) return undefined;
  return { label: label.text, value: label.colon ? line.slice(skipSpaces(line, skipEmphasis(line, label.end))) : undefined };
}

function findGoals(
  content: string,
  base: number,
  idx: LineIndex,
  lookup: FrameworkLookup,
  deadline: Pick<Deadline, 'tick'>,
): { label: string; text: string; place: Place }[] {
  const goals: { label: string; text: string; place: Place }[] = [];
  const blank = (c: string) => c.replace(/[^\n]/g, ' ');
  // Comments and fenced code are not goals (offsets are kept by blanking, not removing). The
  // lookahead after the fence's run keeps the run from being retried shorter, character by
  // character, on a last line of backticks without a line ending (quadratic otherwise).
  const clean = content
    .replace(/<!--[\s\S]*?(?:-->|$)/g, blank)
    .replace(/^[ \t]{0,3}(`{3,}(?!`)|~{3,}(?!~))[^\n]*\n[\s\S]*?(?:^[ \t]{0,3}\1[ \t]*$|(?![\s\S]))/gm, blank);
  const lines = clean.split('\n');
  const heading = (l: string) => /^\s*#{1,6}\s/.test(l);
  // Each line's goal label, then where a goal that continues on the next lines stops: at the
  // next heading or the next goal line (so each line is read for at most one goal, and many
  // empty `Mittarit:` lines cost linear time, not the square of the lines after them).
  const labels: ({ label: string; value: string | undefined } | undefined)[] = lines.map((raw) => {
    deadline.tick();
    const line = raw.replace(/\r$/, '');
    if (!/[:：]/.test(line) && !heading(line)) return undefined;
    const m = goalLine(line);
    return m && lookup.isGoalLabel(m.label) ? m : undefined;
  });
  const stop = new Array<number>(lines.length);
  for (let i = lines.length - 1, next = lines.length; i >= 0; i--) {
    stop[i] = next;
    if (labels[i] || heading(lines[i]!)) next = i;
  }
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    deadline.tick();
    const line = lines[i]!.replace(/\r$/, '');
    const lineOffset = offset;
    offset += lines[i]!.length + 1;
    const m = labels[i];
    if (!m) continue;
    let value = (m.value ?? '').trim();
    if (value === '' && (heading(line) || m.value !== undefined)) {
      // "### Mittarit" or "**Mittarit:**" followed by lines (a list): the goal is what
      // follows, up to the next heading or goal line.
      value = lines.slice(i + 1, stop[i]).join('\n').trim();
    }
    if (value === '' || isPlaceholder(value)) continue;
    const start = base + lineOffset + (line.length - line.trimStart().length);
    goals.push({ label: matchKey(m.label), text: value, place: idx.place(start, base + lineOffset + line.length) });
  }
  return goals;
}

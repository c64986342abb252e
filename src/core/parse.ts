/**
 * Markdown text → charter model. micromark (the parser under unified + remark-parse) with
 * remark-frontmatter's syntax gives the block structure; this module finds the frontmatter, the
 * tiers, the tier sections and every element occurrence (as a heading, or as an inline item in
 * the article's layout: `🔹 Title: text`).
 */
import yaml from 'js-yaml';
import type { List, ListItem, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parse as micromarkParse, postprocess, preprocess } from 'micromark';
import { frontmatter as frontmatterSyntax } from 'micromark-extension-frontmatter';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Deadline } from './budget';
import type { FrameworkLookup } from './framework/lookup';
import { isPlaceholder } from './placeholder';
import { LineIndex, detectEol, explicitId, isSpaceCode, labelAt, matchKey, skipEmphasis, skipSpaces, stripExplicitId, trimEndWhere } from './text';
import type { Charter, ElementOccurrence, Frontmatter, Lang, Place, TierSection } from './types';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** Parse Markdown into an mdast tree (with the frontmatter as a `yaml` node). */
export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}

export interface ParseOptions {
  /** The handbook config says this file is a charter even without `tier` in its frontmatter. */
  forceCharter?: boolean;
  /** Language when the frontmatter has no valid `lang`. */
  defaultLang?: Lang;
  /** The file's time budget (see budget.ts): checked between stages and in the loops over blocks and lines. */
  deadline?: Deadline;
}

interface HeadingInfo {
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
  const frontmatter = readFrontmatter(blocks.yaml, text, idx);
  deadline.check();
  const data = frontmatter.data ?? {};
  const headings = blocks.headings;
  const titleHeading = headings.find((h) => h.depth === 1);

  // Tiers named in the frontmatter.
  const hasTierKey =
    'tier' in data ||
    'tiers' in data ||
    (frontmatter.error !== undefined && /^tiers?\s*:/m.test(frontmatter.raw ?? text.slice(0, 4096)));
  const named = frontmatterTiers(data, frontmatter.keyLines, lookup);
  const { rawTiers, tiers, unknownTiers } = named;
  let multiTier = named.multiTier;

  const isCharter = hasTierKey || options.forceCharter === true;
  // No tier in the frontmatter: a document in the article's layout names its tiers in headings.
  if (isCharter && rawTiers.length === 0 && !frontmatter.error) {
    for (const h of headings) {
      const def = lookup.tierOfHeading(h.text);
      if (def && !tiers.includes(def.id)) tiers.push(def.id);
    }
    if (tiers.length > 0) multiTier = true;
  }

  const lang = readLang(data, options.defaultLang ?? 'fi');
  const tierSections: TierSection[] = [];
  const occurrences: ElementOccurrence[] = [];
  const unknownIds: Charter['unknownIds'] = [];

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
      const bodyStart = titleHeading ? titleHeading.end : frontmatter.place ? frontmatter.place.end.offset : 0;
      sections.push({ tier: tiers[0]!, multi: false, depth: titleHeading ? 1 : 0, start: 0, bodyStart, end: text.length });
    }
    for (const s of sections) {
      occurrences.push(...findOccurrences(blocks, text, idx, lookup, s, unknownIds, deadline));
    }
  }

  const charter: Charter = {
    file,
    text,
    eol: detectEol(text),
    frontmatter,
    isCharter,
    tiers,
    unknownTiers,
    unknownIds,
    multiTier,
    lang,
    unit: stringField(data, 'unit'),
    owner: stringField(data, 'owner'),
    reviewed: stringField(data, 'reviewed'),
    nextReview: stringField(data, 'next-review'),
    title: titleHeading
      ? { text: titleHeading.text, place: idx.place(titleHeading.start, titleHeading.end) }
      : undefined,
    tierSections,
    occurrences,
  };
  lineIndexes.set(charter, idx);
  return charter;
}



export function stringField(data: Record<string, unknown>, key: string): string | undefined {
  const v = data[key];
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export function readLang(data: Record<string, unknown>, fallback: Lang): Lang {
  const v = typeof data['lang'] === 'string' ? data['lang'].toLowerCase().trim() : '';
  if (v === 'fi' || v.startsWith('fi-')) return 'fi';
  if (v === 'en' || v.startsWith('en-')) return 'en';
  return fallback;
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
    } else if (v !== null && v !== undefined && String(v).trim() !== '') {
      if (key === 'tiers') multiTier = true;
      rawTiers.push({ value: String(v), line });
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

/** The frontmatter block: its YAML text (as remark-frontmatter gives it) and where it is. */
interface YamlBlock {
  value: string;
  start: number;
  end: number;
  startLine: number;
  endLine: number;
}

/**
 * What parsing needs of a document's structure: the frontmatter, the top-level headings, and
 * the paragraphs that may hold inline items (top level, or in lists nested at most
 * MAX_LIST_DEPTH deep, not in block quotes), in document order.
 */
interface Blocks {
  yaml: YamlBlock | undefined;
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

/** The structure of `text`, the quick way when it is exact, else from remark's full tree. */
function readBlocks(text: string): Blocks {
  // micromark drops a leading byte-order mark and counts offsets without it; remark's tree has
  // the same offsets, so callers that keep the mark (the linter strips it) get exactly what
  // they got from the tree.
  if (text.charCodeAt(0) === 0xfeff) return blocksFromTree(parseMarkdown(text), text);
  const events = postprocess(micromarkParse({ extensions: BLOCK_EXTENSIONS }).document().write(preprocess()(text, undefined, true)));
  return blocksFromEvents(events, text) ?? blocksFromTree(parseMarkdown(text), text);
}

type MicromarkEvent = ReturnType<typeof postprocess>[number];

/**
 * Blocks from micromark's events; undefined when a heading holds a bracket (a link reference
 * resolves against definitions anywhere in the document: only the full parse knows).
 */
function blocksFromEvents(events: MicromarkEvent[], text: string): Blocks | undefined {
  let yamlBlock: YamlBlock | undefined;
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
      if (quotes === 0 && lists <= MAX_LIST_DEPTH) paragraphs.push({ start: token.start.offset, end: token.end.offset });
      continue;
    }
    if (quotes > 0 || lists > 0) continue;
    if (type === 'atxHeading' || type === 'setextHeading') {
      const start = token.start.offset;
      const end = token.end.offset;
      const source = text.slice(start, end);
      if (source.includes('[') || source.includes(']')) return undefined;
      let depth = 0;
      let plain = '';
      for (let j = i + 1; j < events.length && events[j]![1] !== token; j++) {
        const [k, t] = events[j]!;
        if (k !== 'enter') continue;
        if (t.type === 'atxHeadingSequence' && depth === 0) depth = t.end.offset - t.start.offset;
        else if (t.type === 'atxHeadingText') plain = text.slice(t.start.offset, t.end.offset);
        else if (t.type === 'setextHeadingLineSequence') depth = text.charCodeAt(t.start.offset) === 61 /* = */ ? 1 : 2;
      }
      if (type === 'setextHeading' || INLINE_START.test(source)) plain = headingText(source);
      headings.push(headingInfo(depth, start, end, plain, source));
    } else if (type === 'yaml') {
      yamlBlock = yamlFromEvents(events, i, text);
    }
  }
  return { yaml: yamlBlock, headings, paragraphs };
}

/** The frontmatter's value as mdast-util-frontmatter gives it: between the fences, less one line ending at each end. */
function yamlFromEvents(events: MicromarkEvent[], at: number, text: string): YamlBlock {
  const token = events[at]![1];
  let valueStart = token.end.offset;
  let valueEnd = token.end.offset;
  let fences = 0;
  for (let j = at + 1; j < events.length && events[j]![1] !== token; j++) {
    const [k, t] = events[j]!;
    if (k !== 'exit' || (t.type as string) !== 'yamlFence') continue;
    if (fences++ === 0) valueStart = t.end.offset;
    else valueEnd = t.start.offset;
  }
  const value = text
    .slice(valueStart, Math.max(valueStart, valueEnd))
    .replace(/\0/g, '\ufffd')
    .replace(/^(\r?\n|\r)|(\r?\n|\r)$/g, '');
  return { value, start: token.start.offset, end: token.end.offset, startLine: token.start.line, endLine: token.end.line };
}

/** Blocks from remark's tree (used when a heading may hold a link reference). */
function blocksFromTree(tree: Root, text: string): Blocks {
  let yamlBlock: YamlBlock | undefined;
  const first = tree.children[0];
  if (first && first.type === 'yaml' && first.position) {
    const { start, end } = first.position;
    yamlBlock = { value: first.value, start: start.offset!, end: end.offset!, startLine: start.line, endLine: end.line };
  }
  const headings: HeadingInfo[] = [];
  for (const node of tree.children) {
    if (node.type !== 'heading' || !node.position) continue;
    const start = node.position.start.offset!;
    const end = node.position.end.offset!;
    headings.push(headingInfo(node.depth, start, end, toString(node), text.slice(start, end)));
  }
  const paragraphs: { start: number; end: number }[] = [];
  const stack: { node: RootContent; depth: number }[] = [];
  for (let i = tree.children.length - 1; i >= 0; i--) stack.push({ node: tree.children[i]!, depth: 0 });
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node.type === 'paragraph') {
      if (node.position) paragraphs.push({ start: node.position.start.offset!, end: node.position.end.offset! });
    } else if (node.type === 'list' && depth < MAX_LIST_DEPTH) {
      const items = (node as List).children;
      for (let i = items.length - 1; i >= 0; i--) stack.push({ node: items[i]!, depth: depth + 1 });
    } else if (node.type === 'listItem') {
      const kids = (node as ListItem).children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, depth });
    }
  }
  return { yaml: yamlBlock, headings, paragraphs };
}

function headingInfo(depth: number, start: number, end: number, plainText: string, source: string): HeadingInfo {
  const id = explicitId(source);
  const plain = id ? stripExplicitId(plainText) : plainText;
  return { depth, text: plain.trim(), explicitId: id?.id, start, end };
}

/** The plain text of a heading, parsed on its own with every inline construct. */
function headingText(source: string): string {
  const first = parseMarkdown(source).children[0];
  return first && first.type === 'heading' ? toString(first) : source;
}

// ---------------------------------------------------------------------------------------------
// Frontmatter

function emptyFrontmatter(): Frontmatter {
  return {
    data: undefined,
    place: undefined,
    insertOffset: undefined,
    raw: undefined,
    keyLines: {},
    error: undefined,
  };
}

function readFrontmatter(block: YamlBlock | undefined, text: string, idx: LineIndex): Frontmatter {
  const fm = emptyFrontmatter();
  if (!block) {
    // `---` on the first line without a closing fence: the user meant frontmatter.
    if (/^---[ \t]*\r?\n/.test(text) && !/\r?\n---[ \t]*(\r?\n|$)/.test(text.slice(3))) {
      fm.error = { message: 'unclosed', line: 1, column: 1 };
    }
    return fm;
  }
  fm.place = idx.place(block.start, block.end);
  fm.insertOffset = idx.lineStart(block.endLine);
  fm.raw = block.value;
  const firstValueLine = block.startLine + 1;
  // Before anything reads it line by line or parses it (150,000 keys took 459 MB).
  const limit = frontmatterLimit(block.value, firstValueLine);
  if (limit) {
    fm.error = limit;
    return fm;
  }
  block.value.split('\n').forEach((line, i) => {
    const key = frontmatterKey(line);
    if (key !== undefined && !(key in fm.keyLines)) fm.keyLines[key.replace(/^["']|["']$/g, '')] = firstValueLine + i;
  });
  const loaded = loadFrontmatterYaml(block.value, firstValueLine);
  if (loaded.error) fm.error = loaded.error;
  else fm.data = loaded.data;
  return fm;
}

/** Characters a frontmatter block may hold (a real one holds a few hundred). */
export const MAX_FRONTMATTER_CHARS = 64 * 1024;
/** Keys and list items a frontmatter block may hold (a real one holds about ten). */
export const MAX_FRONTMATTER_ENTRIES = 1000;

/**
 * Whether a frontmatter block is over the limits, as a frontmatter error: js-yaml builds an
 * object per key and the parse keeps a line per key, about 300 bytes of memory per byte of YAML
 * (a 1.5 MB block of 150,000 keys took 459 MB). One linear pass, before any YAML is parsed.
 * Entries are lines that start a key (`key:`) or a list item (`- `), at any depth.
 */
export function frontmatterLimit(raw: string, firstValueLine: number): { message: string; line: number; column: number; params: Record<string, number> } | undefined {
  if (raw.length > MAX_FRONTMATTER_CHARS) {
    return { message: 'too-large', line: firstValueLine, column: 1, params: { size: raw.length, limit: MAX_FRONTMATTER_CHARS } };
  }
  let entries = 0;
  let line = 0;
  for (let start = 0; start <= raw.length; line++) {
    let end = raw.indexOf('\n', start);
    if (end < 0) end = raw.length;
    let i = start;
    while (i < end && (raw.charCodeAt(i) === 32 || raw.charCodeAt(i) === 9)) i++;
    const c = raw.charCodeAt(i);
    const item = c === 45 /* - */ && (i + 1 === end || raw.charCodeAt(i + 1) === 32 || raw.charCodeAt(i + 1) === 13);
    const colon = raw.indexOf(':', i);
    const key = c !== 35 /* # */ && colon >= 0 && colon < end && (colon + 1 === end || isSpaceCode(raw.charCodeAt(colon + 1)));
    if ((item || key) && ++entries > MAX_FRONTMATTER_ENTRIES) {
      return { message: 'too-many-keys', line: firstValueLine + line, column: 1, params: { limit: MAX_FRONTMATTER_ENTRIES, line: firstValueLine + line } };
    }
    start = end + 1;
  }
  return undefined;
}

/**
 * The key of a top-level `key: value` line of YAML: what `/^([^\s#:][^:]*?)\s*:(?:\s|$)/`
 * captures, by a loop (the pattern backtracked over long runs of spaces before a non-colon).
 */
function frontmatterKey(line: string): string | undefined {
  const first = line.charCodeAt(0);
  if (line === '' || isSpaceCode(first) || first === 35 /* # */ || first === 58 /* : */) return undefined;
  const colon = line.indexOf(':');
  if (colon < 0) return undefined;
  if (colon + 1 < line.length && !isSpaceCode(line.charCodeAt(colon + 1))) return undefined;
  return trimEndWhere(line.slice(0, colon), isSpaceCode);
}

/**
 * The YAML of a frontmatter block as a mapping, or the error to report (`firstValueLine` is the
 * document line of the block's first value line, so errors point into the document).
 */
export function loadFrontmatterYaml(
  raw: string,
  firstValueLine: number,
): { data: Record<string, unknown>; error?: undefined } | { data?: undefined; error: { message: string; line: number; column: number; params?: Record<string, number> } } {
  const limit = frontmatterLimit(raw, firstValueLine);
  if (limit) return { error: limit };
  try {
    // Not `json: true`: a repeated key is an error the user should see, not a silent overwrite.
    const data = yaml.load(raw, { schema: yaml.CORE_SCHEMA });
    if (data === null || data === undefined) return { data: {} };
    if (typeof data === 'object' && !Array.isArray(data)) return { data: data as Record<string, unknown> };
    return { error: { message: 'not-mapping', line: firstValueLine, column: 1 } };
  } catch (e) {
    const err = e as { reason?: string; message?: string; mark?: { line: number; column: number } };
    if (err.mark) {
      return { error: { message: err.reason ?? String(err.message), line: firstValueLine + err.mark.line, column: err.mark.column + 1 } };
    }
    // RangeError from absurdly deep nesting and the like
    return { error: { message: err.message ?? String(e), line: firstValueLine, column: 1 } };
  }
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

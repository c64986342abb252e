/**
 * A charter's Markdown as sanitised HTML (hast): remark-parse + remark-frontmatter →
 * remark-rehype (no dangerous HTML) → our marks on the hast tree → rehype-sanitize (GitHub's
 * schema, extended only for our classes, ids and `data-line`) → the caller serialises.
 *
 * Raw HTML in a charter is never rendered: comments are dropped, anything else is shown as
 * literal text in `<code class="raw-html">`, so nothing the author wrote silently disappears
 * and nothing of it runs. The frontmatter is not shown (the header card shows its values).
 */
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import type { Html } from 'mdast';
import remarkRehype, { type Options as RemarkRehypeOptions } from 'remark-rehype';
import rehypeSanitize, { defaultSchema, type Options as Schema } from 'rehype-sanitize';
import { unified } from 'unified';
import type { FrameworkLookup } from '../framework/lookup';
import { parseMarkdown } from '../parse';
import { isBlank, isPlaceholder } from '../placeholder';
import { labelAt, skipSpaces, stripExplicitId as stripExplicitIdText } from '../text';
import type { ElementOccurrence, ElementStatus, Lang, TierSection } from '../types';
import { h } from './html';
import { label, statusGlyph, statusLabel } from './i18n';

/** Classes this module puts on the user's content (the only classes the sanitiser lets through). */
export const BODY_CLASSES = [
  'goal',
  'goal-empty',
  'goal-heading',
  'element',
  'element-inline',
  'tier-heading',
  'status-badge',
  'status-glyph',
  'raw-html',
  'status-defined',
  'status-empty',
  'status-placeholder',
  'status-missing',
  'status-no-goal',
] as const;

/** Ids this module gives (before the caller's prefix): elements, tier sections and line anchors. */
const ID_PATTERN = /^(?:el-[A-Za-z0-9_.-]+|tier-[A-Za-z0-9_.-]+|L\d+)$/;

type PropertyDefinition = [string, ...(string | number | boolean | RegExp | null | undefined)[]] | string;

/** GitHub's schema with our classes, ids (prefixed through `clobberPrefix`) and `data-*` marks. */
export function sanitizeSchema(idPrefix: string): Schema {
  const base = defaultSchema.attributes ?? {};
  const attributes: Record<string, PropertyDefinition[]> = {};
  for (const [tag, defs] of Object.entries(base)) {
    attributes[tag] = (defs ?? []).map((d) =>
      typeof d !== 'string' && d[0] === 'className' ? ([...d, ...BODY_CLASSES] as PropertyDefinition) : d,
    );
  }
  // Only plain language names as a code block's class: the info string is the author's text.
  attributes['code'] = [['className', /^language-[A-Za-z0-9_+#.-]+$/, ...BODY_CLASSES]];
  attributes['*'] = [
    ...(attributes['*'] ?? []).filter((d) => d !== 'id'),
    ['id', ID_PATTERN],
    ['className', ...BODY_CLASSES],
    ['dataLine', /^\d+$/],
    ['dataElement', /^[A-Za-z0-9_.-]+$/],
    ['ariaHidden', 'true'],
  ];
  return { ...defaultSchema, attributes, clobberPrefix: idPrefix };
}

const BLOCK_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'li', 'blockquote', 'pre', 'ul', 'ol', 'hr', 'table']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Children of a list item that end its inline part. */
const FLOW_TAGS = new Set([...BLOCK_TAGS, 'div', 'section', 'details']);

const toHastOptions = (lang: Lang): RemarkRehypeOptions => ({
  allowDangerousHtml: false,
  handlers: {
    yaml: () => undefined,
    html(state, node: Html, parent) {
      const value = node.value.replace(/<!--[\s\S]*?(?:-->|$)/g, '').trim();
      if (value === '') return undefined;
      const code = h('code', { className: ['raw-html'], title: label(lang, 'rawHtml') }, value);
      const block = !parent || parent.type === 'root' || parent.type === 'blockquote' || parent.type === 'listItem';
      const result = block ? h('pre', { className: ['raw-html'] }, code) : code;
      state.patch(node, result);
      return result;
    },
  },
});

export interface BodyElement {
  occurrence: ElementOccurrence;
  status: ElementStatus;
}

export interface RenderBodyOptions {
  /** Language of the labels this module adds (status badges, the raw-HTML tooltip). */
  lang: Lang;
  /** Prefix of every id in the output. */
  idPrefix: string;
  lookup: FrameworkLookup;
  /** The charter's element occurrences with their status: they get ids, classes and badges. */
  elements: BodyElement[];
  tierSections: TierSection[];
  /** Rewrite the href of a link before sanitising (e.g. `other.md` → `other.html`). */
  rewriteLink?: (href: string) => string;
}

export interface RenderedBody {
  /** Sanitised hast: the children of the body. */
  nodes: RootContent[];
  /** Final (prefixed) id of each element occurrence that got an anchor, by element id. */
  elementIds: Map<string, string>;
  /** Final (prefixed) id of each anchored line, by 1-based line. */
  lineIds: Map<number, string>;
}

/** Render a charter's Markdown text to sanitised hast, with goals, elements and lines marked. */
export function renderBody(text: string, o: RenderBodyOptions): RenderedBody {
  const mdast = parseMarkdown(text);
  const hast = unified().use(remarkRehype, toHastOptions(o.lang)).runSync(mdast);
  const marker = new Marker(o);
  marker.walk(hast);
  const clean = unified().use(rehypeSanitize, sanitizeSchema(o.idPrefix)).runSync(hast);
  const elementIds = new Map<string, string>();
  for (const [el, id] of marker.elementIds) elementIds.set(el, o.idPrefix + id);
  const lineIds = new Map<number, string>();
  for (const [line, id] of marker.lineIds) lineIds.set(line, o.idPrefix + id);
  return { nodes: clean.children, elementIds, lineIds };
}

// ---------------------------------------------------------------------------------------------

interface Line {
  nodes: ElementContent[];
  line: number | undefined;
}

interface Mark {
  goal: boolean;
  goalEmpty: boolean;
  element: BodyElement | undefined;
}

/** A goal label's lead (quote markers, bullets, emoji); the label itself is read by `labelAt`. */
// eslint-disable-next-line no-misleading-character-class -- ZWJ and VS16 listed on purpose as single code points: the class skips emoji sequences one code point at a time
const LABEL_LEAD = /^[\s>\p{Extended_Pictographic}\p{So}\ufe0f\u200d•▪►▶→–-]*/u;
const LABEL = { colons: ':：', min: 1, max: 40, emphasis: false } as const;

/**
 * `Label: value` in a line of rendered text: the label and the value (to the line's end). Replaces
 * `^[…]*([^:：\n]{1,40}?)\s*[:：]\s*([^\n]*)`, which backtracked over long runs of spaces.
 */
export function textLabel(text: string): { label: string; value: string } | undefined {
  const lead = LABEL_LEAD.exec(text)!;
  const label = labelAt(text, lead[0].length, LABEL);
  if (!label?.colon) return undefined;
  const nl = text.indexOf('\n', label.end);
  return { label: label.text, value: text.slice(skipSpaces(text, label.end), nl < 0 ? text.length : nl) };
}

class Marker {
  readonly elementIds = new Map<string, string>();
  readonly lineIds = new Map<number, string>();
  private readonly usedIds = new Set<string>();
  private readonly headingAt = new Map<number, BodyElement>();
  private readonly inlineAt = new Map<number, BodyElement>();
  private readonly tierAt = new Map<number, TierSection>();

  constructor(private readonly o: RenderBodyOptions) {
    for (const e of o.elements) {
      const line = e.occurrence.headingPlace.start.line;
      const map = e.occurrence.kind === 'heading' ? this.headingAt : this.inlineAt;
      if (!map.has(line)) map.set(line, e);
    }
    for (const s of o.tierSections) if (!this.tierAt.has(s.headingPlace.start.line)) this.tierAt.set(s.headingPlace.start.line, s);
  }

  walk(parent: HastRoot | Element): void {
    let goalSection = false;
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      const line = child.position?.start.line;
      const isHeading = HEADINGS.has(child.tagName);
      // A goal section ("### Mittarit" and what follows) ends at the next heading, as in the parser.
      if (isHeading) goalSection = false;
      else if (goalSection) {
        addClass(child, 'goal');
      }
      if (BLOCK_TAGS.has(child.tagName) && line !== undefined) child.properties['dataLine'] = String(line);
      if (isHeading) {
        goalSection = this.heading(child);
      } else if (child.tagName === 'p') {
        this.inline(child, child.children, []);
      } else if (child.tagName === 'li') {
        const split = child.children.findIndex((c) => c.type === 'element' && FLOW_TAGS.has(c.tagName));
        const head = split < 0 ? child.children : child.children.slice(0, split);
        const rest = split < 0 ? [] : child.children.slice(split);
        if (head.some((c) => c.type !== 'text' || c.value.trim() !== '')) this.inline(child, head, rest);
      }
      if (BLOCK_TAGS.has(child.tagName) && line !== undefined && (parent.type === 'root' || child.tagName === 'li' || isHeading)) {
        this.anchorLine(child, line);
      }
      if (child.tagName === 'a' && this.o.rewriteLink && typeof child.properties['href'] === 'string') {
        // Rewritten before sanitising: the sanitiser still judges the result.
        child.properties['href'] = this.o.rewriteLink(child.properties['href']);
      }
      if (child.tagName !== 'pre') this.walk(child);
    }
  }

  /** Mark a heading; true when it opens a goal section ("### Mittarit"). */
  private heading(node: Element): boolean {
    stripExplicitId(node);
    const line = node.position?.start.line;
    const text = plain(node).trim();
    const tier = line !== undefined ? this.tierAt.get(line) : undefined;
    if (tier) {
      addClass(node, 'tier-heading');
      this.setId(node, `tier-${tier.tier}`);
      return false;
    }
    const el = line !== undefined ? this.headingAt.get(line) : undefined;
    if (el) {
      this.markElement(node, el);
      node.children.push({ type: 'text', value: ' ' }, this.badge(el.status));
      return false;
    }
    if (this.o.lookup.isGoalLabel(text)) {
      addClass(node, 'goal-heading');
      return true;
    }
    const m = textLabel(text);
    if (m && this.o.lookup.isGoalLabel(m.label)) {
      addClass(node, 'goal');
      if (emptyGoal(m.value)) addClass(node, 'goal-empty');
    }
    return false;
  }

  private badge(status: ElementStatus): Element {
    return h(
      'span',
      { className: ['status-badge', `status-${status}`] },
      h('span', { className: ['status-glyph'], ariaHidden: 'true' }, statusGlyph(status)),
      ' ',
      statusLabel(status, this.o.lang),
    );
  }

  private markElement(node: Element, el: BodyElement): void {
    addClass(node, node.tagName.startsWith('h') ? 'element' : 'element-inline');
    addClass(node, `status-${el.status}`);
    node.properties['dataElement'] = el.occurrence.elementId;
    if (!this.elementIds.has(el.occurrence.elementId)) {
      const id = `el-${el.occurrence.elementId}`;
      if (this.setId(node, id)) this.elementIds.set(el.occurrence.elementId, id);
    }
  }

  private setId(node: Element, id: string): boolean {
    if (node.properties['id'] !== undefined || this.usedIds.has(id) || !ID_PATTERN.test(id)) return false;
    node.properties['id'] = id;
    this.usedIds.add(id);
    return true;
  }

  private anchorLine(node: Element, line: number): void {
    if (this.lineIds.has(line)) return;
    const existing = node.properties['id'];
    if (typeof existing === 'string') {
      this.lineIds.set(line, existing);
      return;
    }
    if (this.setId(node, `L${line}`)) this.lineIds.set(line, `L${line}`);
  }

  /**
   * Mark goal lines and inline element items in an inline container (a paragraph, or the inline
   * head of a list item followed by `rest`). When only its first line is marked, the container
   * itself gets the mark; otherwise each marked line, up to the next marked one, is wrapped in
   * a `<span>` (shown as a block), so an article-style paragraph of several items reads right.
   */
  private inline(container: Element, head: ElementContent[], rest: ElementContent[]): void {
    const lines = splitLines(head);
    const marks = lines.map((l) => this.classify(l));
    const marked = marks.map((m, i) => (m.goal || m.element ? i : -1)).filter((i) => i >= 0);
    if (marked.length === 0) return;
    if (marked.length === 1 && marked[0] === 0) {
      this.apply(container, marks[0]!);
      return;
    }
    const children: ElementContent[] = [];
    const join = (ls: Line[]): ElementContent[] => ls.flatMap((l, i) => (i === 0 ? l.nodes : [{ type: 'text', value: '\n' }, ...l.nodes]));
    const starts = marked[0] === 0 ? marked : [0, ...marked];
    starts.forEach((start, k) => {
      const end = starts[k + 1] ?? lines.length;
      const nodes = join(lines.slice(start, end));
      if (k > 0) children.push({ type: 'text', value: '\n' });
      const mark = marks[start]!;
      if (mark.goal || mark.element) {
        const span = h('span', {}, ...nodes);
        span.properties['dataLine'] = lines[start]!.line !== undefined ? String(lines[start]!.line) : undefined;
        if (span.properties['dataLine'] === undefined) delete span.properties['dataLine'];
        this.apply(span, mark);
        children.push(span);
      } else {
        children.push(...nodes);
      }
    });
    container.children = [...children, ...rest];
  }

  private apply(node: Element, mark: Mark): void {
    if (mark.element) this.markElement(node, mark.element);
    if (mark.goal) {
      addClass(node, 'goal');
      if (mark.goalEmpty) addClass(node, 'goal-empty');
    }
  }

  private classify(line: Line): Mark {
    const text = line.nodes.map(plain).join('').split('\n')[0]!;
    const element = line.line !== undefined ? this.inlineAt.get(line.line) : undefined;
    if (element) return { goal: false, goalEmpty: false, element };
    const m = textLabel(text);
    if (m && this.o.lookup.isGoalLabel(m.label)) return { goal: true, goalEmpty: emptyGoal(m.value), element: undefined };
    return { goal: false, goalEmpty: false, element: undefined };
  }
}

/** `## Title {#element-id}`: the explicit id is for the linter, not for the reader. */
function stripExplicitId(node: Element): void {
  const last = node.children[node.children.length - 1];
  if (last?.type !== 'text') return;
  const value = stripExplicitIdText(last.value);
  if (value === last.value) return;
  if (value === '') node.children.pop();
  else last.value = value;
}

function emptyGoal(value: string): boolean {
  return isBlank(value) || isPlaceholder(value);
}

/** Split inline nodes into source lines at the newlines of their top-level text nodes. */
function splitLines(nodes: ElementContent[]): Line[] {
  const lines: Line[] = [{ nodes: [], line: undefined }];
  for (const node of nodes) {
    let current = lines[lines.length - 1]!;
    if (node.type === 'text' && node.value.includes('\n')) {
      const parts = node.value.split('\n');
      const start = node.position?.start.line;
      parts.forEach((part, k) => {
        if (k > 0) {
          current = { nodes: [], line: start !== undefined ? start + k : undefined };
          lines.push(current);
        }
        if (part !== '') {
          current.nodes.push({ type: 'text', value: part });
          if (current.line === undefined && start !== undefined) current.line = start + k;
        }
      });
      continue;
    }
    if (current.line === undefined && node.position) current.line = node.position.start.line;
    current.nodes.push(node);
  }
  return lines;
}

function plain(node: ElementContent | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(plain).join('');
  return '';
}

function addClass(node: Element, name: string): void {
  const current: unknown = node.properties['className'];
  const list = Array.isArray(current) ? current.map(String) : typeof current === 'string' ? current.split(/\s+/) : [];
  if (!list.includes(name)) list.push(name);
  node.properties['className'] = list;
}

/**
 * The views' own markup is built as a hast tree and serialised by rehype-stringify, so every
 * value (frontmatter, file names, messages) is a text node or an attribute value that the
 * serialiser escapes: no string concatenation of HTML anywhere.
 */
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';

export type Child = ElementContent | string | number | null | undefined | false | Child[];

/** `h('p', {className: ['x']}, 'text', h('code', {}, 'y'))`. */
export function h(tagName: string, properties: Properties = {}, ...children: Child[]): Element {
  return { type: 'element', tagName, properties: clean(properties), children: flatten(children) };
}

function clean(properties: Properties): Properties {
  const out: Properties = {};
  for (const [k, v] of Object.entries(properties)) if (v !== undefined && v !== null && v !== false) out[k] = v;
  return out;
}

function flatten(children: Child[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) out.push(...flatten(c));
    else if (typeof c === 'string' || typeof c === 'number') out.push({ type: 'text', value: String(c) });
    else out.push(c);
  }
  return out;
}

const stringifier = unified().use(rehypeStringify);

/** Serialise hast nodes to an HTML string. */
export function toHtml(nodes: RootContent | RootContent[] | Root): string {
  const root: Root = Array.isArray(nodes) ? { type: 'root', children: nodes } : nodes.type === 'root' ? nodes : { type: 'root', children: [nodes] };
  return stringifier.stringify(root);
}

/** Schemes a link built by the views may use; anything else (javascript:, data:, vbscript:, file:…) is dropped. */
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'command']);

/**
 * `href` if it is safe to put in a link of the views' own markup, else undefined: relative
 * URLs and fragments, or one of http, https, mailto and command (VS Code command links).
 * Control characters and whitespace are ignored when finding the scheme, as browsers do.
 */
export function safeHref(href: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  // eslint-disable-next-line no-control-regex
  const probe = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const m = /^([a-z][a-z0-9+.-]*):/.exec(probe);
  if (m) return SAFE_SCHEMES.has(m[1]!) ? href : undefined;
  // Something that looks like a scheme after entity or percent tricks ("&#106;avascript:"): refuse.
  if (/^[^/?#]*(?::|&#|%3a)/i.test(probe)) return undefined;
  return href;
}

/** Values written in backticks (the findings' message grammar) as `<code>` elements. */
export function withCode(text: string): ElementContent[] {
  const out: ElementContent[] = [];
  const re = /`([^`]+)`/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push({ type: 'text', value: text.slice(last, m.index) });
    out.push(h('code', {}, m[1]));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ type: 'text', value: text.slice(last) });
  return out;
}

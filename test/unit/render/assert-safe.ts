/**
 * What "nothing executable survives" means, checked on a real HTML parse (parse5 through
 * hast-util-from-html), the way a browser would read the output. Shared by the unit tests of
 * the views and the CLI test of the static site.
 */
import assert from 'node:assert/strict';
import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';

/** Elements that must never appear in the body of a page or in a fragment. */
export const FORBIDDEN_ELEMENTS = [
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'meta',
  'base',
  'link',
  'style',
  'svg',
  'math',
  'template',
  'noscript',
  'portal',
];

const URL_PROPERTIES = ['href', 'src', 'action', 'formAction', 'data', 'cite', 'poster', 'background', 'longDesc', 'srcSet', 'xLinkHref', 'ping', 'manifest', 'codeBase'];

function* elements(node: Nodes): Generator<Element> {
  if (node.type === 'element') yield node;
  if ('children' in node) for (const c of node.children) yield* elements(c as Nodes);
  if (node.type === 'element' && node.tagName === 'template' && node.content) yield* elements(node.content);
}

/** The text a reader sees: text nodes outside script, style, template. */
export function visibleText(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && ['script', 'style', 'template', 'head'].includes(node.tagName)) return '';
  if ('children' in node) return node.children.map((c) => visibleText(c as Nodes)).join('');
  return '';
}

/** A URL as a browser decides its scheme: control characters and whitespace out, lower case. */
export function schemeProbe(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
}

/**
 * The views' own charts (src/core/render/history.ts) are inline SVG: an `<svg class="chart"
 * role="img">` or a legend `<svg class="swatch" aria-hidden="true">` holding only shapes, text,
 * `<title>` and `<desc>`, never inside the user's text (`.markdown-body`), with no URL, event
 * handler or style attribute anywhere. Any other SVG is forbidden.
 */
const CHART_SVG_CHILDREN = new Set(['title', 'desc', 'g', 'line', 'polyline', 'polygon', 'rect', 'circle', 'path', 'text']);
const CHART_SVG_PROPS = /^(className|viewBox|role|ariaLabelledBy|ariaHidden|xmlns|preserveAspectRatio|width|height|focusable|id|x|y|x1|x2|y1|y2|cx|cy|r|d|points|fill|stroke|strokeWidth|strokeOpacity|strokeDasharray|strokeLinejoin|textAnchor|fontSize)$/i;

function checkChartSvg(svg: Element, where: string): void {
  const cls = (svg.properties['className'] as string[] | undefined) ?? [];
  const chart = cls.includes('chart') && svg.properties['role'] === 'img';
  const swatch = cls.includes('swatch') && String(svg.properties['ariaHidden']) === 'true';
  assert.ok(chart || swatch, `${where}: <svg> that is not one of the views' charts`);
  const walk = (el: Element): void => {
    for (const key of Object.keys(el.properties)) assert.match(key, CHART_SVG_PROPS, `${where}: attribute ${key} on chart <${el.tagName}>`);
    for (const c of el.children) {
      if (c.type !== 'element') continue;
      assert.ok(CHART_SVG_CHILDREN.has(c.tagName), `${where}: <${c.tagName}> in a chart`);
      walk(c);
    }
  };
  walk(svg);
  if (chart) {
    const kids = svg.children.filter((c): c is Element => c.type === 'element');
    assert.equal(kids[0]?.tagName, 'title', `${where}: a chart starts with its <title>`);
    assert.equal(kids[1]?.tagName, 'desc', `${where}: a chart has a <desc>`);
  }
}

/** Elements of a tree, the views' chart SVGs checked as a whole (and not entered). */
function* checkedElements(node: Nodes, where: string, inUserText = false): Generator<Element> {
  if (node.type === 'element' && node.tagName === 'svg' && !inUserText) {
    checkChartSvg(node, where);
    return;
  }
  if (node.type === 'element') yield node;
  const user = inUserText || (node.type === 'element' && ((node.properties['className'] as string[] | undefined) ?? []).includes('markdown-body'));
  if ('children' in node) for (const c of node.children) yield* checkedElements(c as Nodes, where, user);
  if (node.type === 'element' && node.tagName === 'template' && node.content) yield* checkedElements(node.content, where, user);
}

function checkElement(el: Element, where: string): void {
  assert.ok(!FORBIDDEN_ELEMENTS.includes(el.tagName), `${where}: forbidden element <${el.tagName}>`);
  for (const [key, value] of Object.entries(el.properties)) {
    assert.ok(!key.toLowerCase().startsWith('on'), `${where}: event handler ${key} on <${el.tagName}>`);
    assert.notEqual(key, 'style', `${where}: style attribute on <${el.tagName}>`);
    const values = Array.isArray(value) ? value.map(String) : value === null || value === undefined ? [] : [String(value)];
    for (const v of values) {
      assert.ok(!/url\s*\(/i.test(v), `${where}: url( in ${key}="${v}" on <${el.tagName}>`);
      if (URL_PROPERTIES.includes(key)) {
        const probe = schemeProbe(v);
        for (const scheme of ['javascript:', 'vbscript:', 'data:']) {
          assert.ok(!probe.startsWith(scheme), `${where}: ${scheme} URL in ${key}="${v}" on <${el.tagName}>`);
        }
      }
    }
  }
}

/** Assert an HTML fragment of the views holds nothing executable; returns its parsed tree. */
export function assertSafeFragment(html: string, where = 'fragment'): Root {
  const tree = fromHtml(html, { fragment: true });
  for (const el of checkedElements(tree, where)) checkElement(el, where);
  return tree;
}

/**
 * Assert a whole page is safe: the body as a fragment, and the head holds only our own charset,
 * CSP, viewport, referrer and generator metas, the title and at most one stylesheet link to a
 * relative `.css` file, with a CSP of `default-src 'none'` and no script source.
 */
export function assertSafePage(html: string, where = 'page'): Root {
  const tree = fromHtml(html);
  const head = [...elements(tree)].find((e) => e.tagName === 'head');
  const body = [...elements(tree)].find((e) => e.tagName === 'body');
  assert.ok(head && body, `${where}: no head or body`);
  let csp: string | undefined;
  const styleNonces: string[] = [];
  for (const el of head.children) {
    if (el.type !== 'element') continue;
    if (el.tagName === 'meta') {
      const p = el.properties;
      const ok = p['charSet'] !== undefined || ['viewport', 'referrer', 'generator'].includes(String(p['name'])) || String(p['httpEquiv']).toLowerCase() === 'content-security-policy';
      assert.ok(ok, `${where}: unexpected <meta> in head: ${JSON.stringify(p)}`);
      if (String(p['httpEquiv']).toLowerCase() === 'content-security-policy') csp = String(p['content']);
    } else if (el.tagName === 'link') {
      assert.deepEqual(el.properties['rel'], ['stylesheet'], `${where}: unexpected <link>`);
      const href = String(el.properties['href']);
      assert.match(href, /^(?:\.\.\/)*[\w.-]+\.css$/, `${where}: stylesheet ${href}`);
    } else if (el.tagName === 'style') {
      // Only a nonce'd <style> (the self-contained matrix page), and the CSP must name the nonce.
      styleNonces.push(String(el.properties['nonce'] ?? ''));
    } else {
      assert.ok(el.tagName === 'title', `${where}: unexpected <${el.tagName}> in head`);
    }
  }
  assert.ok(csp, `${where}: no Content-Security-Policy`);
  for (const nonce of styleNonces) assert.ok(nonce.length >= 16 && csp.includes(`'nonce-${nonce}'`), `${where}: <style> without a matching CSP nonce`);
  assert.match(csp, /^default-src 'none';/, `${where}: CSP ${csp}`);
  assert.doesNotMatch(csp, /script-src|unsafe-inline|unsafe-eval/, `${where}: CSP ${csp}`);
  for (const el of checkedElements(body, `${where} body`)) checkElement(el, `${where} body`);
  return tree;
}

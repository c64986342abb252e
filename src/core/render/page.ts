/**
 * A whole HTML document around a fragment of the views: a strict Content-Security-Policy in a
 * meta tag (`default-src 'none'`; styles only from the stylesheet or a nonce'd `<style>`; images
 * only from the page's own origin; no script unless a host asks for one nonce'd script), the
 * `lang` attribute, no referrer. The static site uses it with no script at all.
 */
import type { Lang } from '../types';

interface PageBase {
  title: string;
  lang: Lang;
  /** The page's content: HTML made by the views (already sanitised and escaped). */
  body: string;
  /** Extra CSP source for styles and images, e.g. a VS Code webview's `cspSource`. */
  cspSource?: string;
  /** Class of `<body>` (default `charters-page`). */
  bodyClass?: string;
}

/** A page with a stylesheet link (the static site: `charters.css` beside the pages). */
export interface LinkedCssPage extends PageBase {
  cssHref: string;
  cspNonce?: string;
  /** A script for hosts that need one (a webview); needs `cspNonce`. Static pages have none. */
  scriptHref?: string;
}

/** A page with its CSS inline; the `<style>` element is allowed by the nonce only. */
export interface InlineCssPage extends PageBase {
  inlineCss: string;
  cspNonce: string;
  scriptHref?: string;
}

export type PageOptions = LinkedCssPage | InlineCssPage;

/** Escape text for HTML content and double-quoted attribute values (a `'` is harmless in both). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

const NONCE = /^[A-Za-z0-9+/_=-]{8,}$/;

/** The Content-Security-Policy of a page. */
export function contentSecurityPolicy(o: PageOptions): string {
  const nonce = o.cspNonce !== undefined && NONCE.test(o.cspNonce) ? `'nonce-${o.cspNonce}'` : undefined;
  if (o.cspNonce !== undefined && !nonce) throw new Error('cspNonce must be at least 8 base64 characters');
  // A webview's cspSource is a list such as `'self' https://*.vscode-cdn.net`: keep each source
  // that is `'self'` or a plain host expression, drop anything that could end the directive.
  const extra = (o.cspSource ?? '').split(/\s+/).filter((t) => t === "'self'" || /^[a-z][a-z0-9+.-]*:\/\/[^;,'"\s]+$/i.test(t));
  const style = 'inlineCss' in o ? [nonce!, ...extra] : ["'self'", ...extra, ...(nonce ? [nonce] : [])];
  const img = ["'self'", ...extra];
  const parts = [`default-src 'none'`, `style-src ${style.join(' ')}`, `img-src ${img.join(' ')}`];
  if (o.scriptHref !== undefined) {
    if (!nonce) throw new Error('scriptHref needs cspNonce');
    parts.push(`script-src ${nonce}`);
  }
  parts.push(`base-uri 'none'`, `form-action 'none'`);
  return parts.join('; ');
}

/** A full HTML document. */
export function page(o: PageOptions): string {
  const csp = contentSecurityPolicy(o);
  const nonceAttr = o.cspNonce !== undefined ? ` nonce="${escapeHtml(o.cspNonce)}"` : '';
  const css = 'inlineCss' in o ? `<style${nonceAttr}>${o.inlineCss.replace(/<\/(style)/gi, '<\\/$1')}</style>` : `<link rel="stylesheet" href="${escapeHtml(o.cssHref)}">`;
  const script = o.scriptHref !== undefined ? `\n<script${nonceAttr} src="${escapeHtml(o.scriptHref)}"></script>` : '';
  return `<!doctype html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="charters">
<title>${escapeHtml(o.title)}</title>
${css}
</head>
<body class="${escapeHtml(o.bodyClass ?? 'charters-page')}">
${o.body}${script}
</body>
</html>
`;
}

/**
 * VS Code's built-in Markdown preview (`markdown.markdownItPlugins`): a charter shows its card
 * (tier and role, unit, owner, review status, how many elements are defined) above its text
 * there as well. The card is built by the core like the charter preview's and is escaped text
 * throughout; the built-in preview sanitises HTML on its own too.
 */
import * as vscode from 'vscode';
import { charterCard, charterView } from '../core/render/charter';
import { toHtml } from '../core/render/html';
import type { Handbooks } from './handbooks';

/** The little of markdown-it this plugin uses (markdown-it is the built-in preview's). */
type RenderRule = (tokens: unknown[], idx: number, options: unknown, env: unknown, self: unknown) => string;
export interface MarkdownIt {
  renderer: { rules: Record<string, RenderRule | undefined> };
}

/**
 * `extendMarkdownIt` of the extension's API. The card takes the place of the frontmatter token
 * (which VS Code's preview hides; only a file with frontmatter can be a charter): rendering is
 * where VS Code passes the document (`env.currentDocument`), parsing gets no document.
 */
export function chartersMarkdownIt(handbooks: Handbooks): (md: MarkdownIt) => MarkdownIt {
  return (md) => {
    const previous = md.renderer.rules['front_matter'];
    md.renderer.rules['front_matter'] = (tokens, idx, options, env, self) =>
      (cardFor(handbooks, env) ?? '') + (previous ? previous(tokens, idx, options, env, self) : '');
    return md;
  };
}

/** The card's HTML for the document being rendered, or undefined when it is not a charter. */
export function cardFor(handbooks: Handbooks, env: unknown): string | undefined {
  const uri = (env as { currentDocument?: vscode.Uri } | undefined)?.currentDocument;
  if (!uri || typeof uri.path !== 'string' || !handbooks.enabled()) return undefined;
  // The text being previewed: the open document's (unsaved edits included), else what was linted.
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const state = open ? handbooks.lintSource(uri, open.getText()) : handbooks.state(uri);
  if (!state?.result.summary) return undefined;
  const view = charterView(state.result, state.handbook.linter.lookup, handbooks.today());
  const card = charterCard(view, state.handbook.linter.lang, 'charters-md-', false);
  return `<div class="charters-md-card">${toHtml(card)}</div>\n`;
}

/** Authoring help: completion of frontmatter and element headings, hover, status bar. */
import * as vscode from 'vscode';
import { elementHeading, elementStub } from '../core/template';
import type { ElementDef, Lang } from '../core/types';
import type { Handbooks } from './handbooks';
import { toLineEnd } from './convert';

const FRONTMATTER_KEYS: { key: string; fi: string; en: string }[] = [
  { key: 'tier', fi: 'Johtotaso (tunniste tai nimi)', en: 'Tier (id or name)' },
  { key: 'tiers', fi: 'Useampi johtotaso samassa peruskirjassa', en: 'Several tiers in one charter' },
  { key: 'unit', fi: 'Yksikkö tai tiimi', en: 'Unit or team' },
  { key: 'owner', fi: 'Peruskirjan omistaja', en: 'Owner of the charter' },
  { key: 'reviewed', fi: 'Viimeksi katselmoitu (VVVV-KK-PP)', en: 'Last reviewed (YYYY-MM-DD)' },
  { key: 'next-review', fi: 'Seuraava katselmointi (VVVV-KK-PP)', en: 'Next review (YYYY-MM-DD)' },
  { key: 'lang', fi: 'Kieli: fi tai en', en: 'Language: fi or en' },
];

function frontmatterEnd(doc: vscode.TextDocument): number {
  if (doc.lineCount === 0 || !/^---\s*$/.test(doc.lineAt(0).text)) return -1;
  for (let i = 1; i < doc.lineCount; i++) if (/^(---|\.\.\.)\s*$/.test(doc.lineAt(i).text)) return i;
  return -1;
}

export class CharterCompletions implements vscode.CompletionItemProvider {
  constructor(private readonly handbooks: Handbooks) {}

  provideCompletionItems(doc: vscode.TextDocument, pos: vscode.Position): vscode.CompletionItem[] {
    const h = this.handbooks.handbookOf(doc.uri);
    if (!h) return [];
    const state = this.handbooks.state(doc.uri) ?? this.handbooks.lintDocument(doc);
    const lang: Lang = state?.result.charter.lang ?? h.linter.lang;
    const line = doc.lineAt(pos.line).text.slice(0, pos.character);
    const fmEnd = frontmatterEnd(doc);
    const items: vscode.CompletionItem[] = [];
    if (fmEnd > 0 && pos.line > 0 && pos.line < fmEnd) {
      // The value may not start with a space: `\s*` and the value would both take a long run of
      // spaces, and the patterns would retry every split of it before a `,` (quadratic).
      const value = /^(tiers?)\s*:\s*(?:\[|-\s*)?(?:[^,\]\s][^,\]]*)?$/.test(line) || /^\s*-\s*(?:[^,\]\s][^,\]]*)?$/.test(line);
      if (value) {
        for (const tier of h.config.framework.tiers) {
          const item = new vscode.CompletionItem(tier.id, vscode.CompletionItemKind.EnumMember);
          item.detail = `${tier.name[lang]} – ${tier.role[lang]}`;
          item.filterText = `${tier.id} ${tier.name.fi} ${tier.name.en}`;
          items.push(item);
        }
        return items;
      }
      if (/^lang\s*:\s*\w*$/.test(line)) {
        return ['fi', 'en'].map((l) => new vscode.CompletionItem(l, vscode.CompletionItemKind.EnumMember));
      }
      if (/^[\w-]*$/.test(line)) {
        const data = state?.result.charter.frontmatter.data ?? {};
        for (const k of FRONTMATTER_KEYS) {
          if (k.key in data) continue;
          const item = new vscode.CompletionItem(k.key, vscode.CompletionItemKind.Property);
          item.insertText = `${k.key}: `;
          item.detail = k[lang];
          items.push(item);
        }
      }
      return items;
    }
    const heading = /^(#{1,6})\s*(?:[^#\s][^#]*)?$/.exec(line); // linear, as the value above
    if (!heading || !state) return items;
    const charter = state.result.charter;
    const present = new Set(charter.occurrences.map((o) => `${o.tier}/${o.elementId}`));
    let order = 0;
    for (const tierId of charter.tiers) {
      const tier = h.config.framework.tiers.find((t) => t.id === tierId);
      if (!tier) continue;
      for (const el of tier.elements) {
        const missing = !present.has(`${tierId}/${el.id}`);
        const item = new vscode.CompletionItem(el.name[lang], vscode.CompletionItemKind.Module);
        item.detail = missing ? vscode.l10n.t('Missing element of {0}', tier.name[lang]) : tier.name[lang];
        item.documentation = elementDocs(el, lang);
        item.sortText = `${missing ? 0 : 1}-${String(order++).padStart(3, '0')}`;
        item.filterText = `${el.name.fi} ${el.name.en} ${el.id}`;
        item.range = new vscode.Range(pos.line, heading[1]!.length, pos.line, pos.character);
        item.insertText = new vscode.SnippetString(
          ` ${elementHeading(el, lang).replace(/\$/g, '\\$')}\n\n${elementStub(el, lang, h.linter.lookup).replace(/\$/g, '\\$')}`,
        );
        items.push(item);
      }
    }
    return items;
  }
}

export function elementDocs(el: ElementDef, lang: Lang): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${escape(el.name[lang])}** \`${el.id}\`\n\n`);
  if (el.description[lang]) md.appendMarkdown(`${escape(el.description[lang])}\n\n`);
  for (const q of el.questions[lang]) md.appendMarkdown(`- ${escape(q)}\n`);
  return md;
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}

export class CharterHover implements vscode.HoverProvider {
  constructor(private readonly handbooks: Handbooks) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    let state = this.handbooks.state(doc.uri);
    if (!state || state.version !== doc.version) state = this.handbooks.lintDocument(doc);
    if (!state) return undefined;
    const line = pos.line + 1;
    const occ = state.result.charter.occurrences.find((o) => o.headingPlace.start.line <= line && o.headingPlace.end.line >= line);
    if (occ) {
      const el = state.handbook.linter.lookup.element(occ.elementId);
      if (!el) return undefined;
      const range = toLineEnd({ line: occ.headingPlace.start.line, column: 1 }, occ.headingPlace.end.line);
      return new vscode.Hover(elementDocs(el, state.result.charter.lang), doc.validateRange(range));
    }
    const section = state.result.charter.tierSections.find((s) => s.headingPlace.start.line === line);
    if (section) {
      const tier = state.handbook.linter.lookup.tier(section.tier);
      if (tier) {
        const lang = state.result.charter.lang;
        const md = new vscode.MarkdownString(`**${escape(tier.name[lang])}** – ${escape(tier.role[lang])}\n\n`);
        for (const el of tier.elements) md.appendMarkdown(`- ${escape(el.name[lang])}\n`);
        return new vscode.Hover(md);
      }
    }
    return undefined;
  }
}

/** "Esihenkilöt · 3/4": the tier of the active charter and how many elements are defined. */
export class CharterStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('charters.status', vscode.StatusBarAlignment.Right, 100);

  constructor(private readonly handbooks: Handbooks) {
    this.item.name = vscode.l10n.t('Charter status');
    this.item.command = 'charters.showPreview';
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    const state = editor ? this.handbooks.state(editor.document.uri) : undefined;
    const summary = state?.result.summary;
    if (!state || !summary || summary.tiers.length === 0) {
      this.item.hide();
      return;
    }
    const lang = state.result.charter.lang;
    const lookup = state.handbook.linter.lookup;
    const name = summary.tiers.map((t) => lookup.tier(t)?.name[lang] ?? t).join(', ');
    const done = summary.elements.filter((e) => e.status === 'defined').length;
    this.item.text = `$(checklist) ${name} · ${done}/${summary.elements.length}`;
    this.item.tooltip = vscode.l10n.t('{0} of {1} elements defined with a goal', done, summary.elements.length);
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}

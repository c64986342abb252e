/** Commands of the "Charters" palette category. Each accepts arguments so tests can skip the UI. */
import * as vscode from 'vscode';
import { applyFixes } from '../core/fix';
import { DEFAULT_FRAMEWORK } from '../core/framework/default';
import { FrameworkLookup } from '../core/framework/lookup';
import { charterFileStem, initFiles } from '../core/init';
import { renderTemplate } from '../core/template';
import { slug } from '../core/text';
import type { Lang } from '../core/types';
import { minimalEdit, toWorkspaceEdit } from './convert';
import { settingsLang, type Handbooks } from './handbooks';

export interface NewCharterArgs {
  tier?: string;
  lang?: Lang;
  unit?: string;
  /** Folder to create the charter in (default: the handbook root). */
  folder?: vscode.Uri;
  /** Exact file to create. */
  uri?: vscode.Uri;
  /** Do not open the new file (tests). */
  noOpen?: boolean;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Ask for fi or en; undefined when the user cancels. */
async function pickLang(title: string, placeHolder: string): Promise<Lang | undefined> {
  const items: (vscode.QuickPickItem & { lang: Lang })[] = [
    { label: 'Suomi', description: 'fi', lang: 'fi' },
    { label: 'English', description: 'en', lang: 'en' },
  ];
  const pick = await vscode.window.showQuickPick(items, { title, placeHolder });
  return pick?.lang;
}

function targetFolder(handbooks: Handbooks): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  const h = (active && handbooks.handbookOf(active)) ?? handbooks.all()[0];
  if (h) return h.base.with({ path: h.root });
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

/** New charter…: pick tier, language and unit; create from the template; never overwrite. */
export async function newCharter(handbooks: Handbooks, args: NewCharterArgs = {}): Promise<vscode.Uri | undefined> {
  const folder = args.folder ?? targetFolder(handbooks);
  if (!folder) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a folder first: charters live in a handbook folder.'));
    return undefined;
  }
  const h = handbooks.handbookOf(folder) ?? handbooks.all()[0];
  const framework = h?.config.framework ?? DEFAULT_FRAMEWORK;
  const uiLang = settingsLang();
  let tierId = args.tier;
  if (!tierId) {
    const pick = await vscode.window.showQuickPick(
      framework.tiers.map((t) => ({ label: t.name[uiLang], description: t.role[uiLang], id: t.id })),
      { title: vscode.l10n.t('New charter'), placeHolder: vscode.l10n.t('Which tier is the charter for?') },
    );
    if (!pick) return undefined;
    tierId = pick.id;
  }
  const lookup = h?.linter.lookup ?? new FrameworkLookup(framework);
  const tier = lookup.resolveTier(tierId);
  if (!tier) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Unknown tier {0}', tierId));
    return undefined;
  }
  const lang = args.lang ?? (await pickLang(vscode.l10n.t('New charter'), vscode.l10n.t('Language of the charter')));
  if (!lang) return undefined;
  let unit = args.unit;
  if (unit === undefined && !args.uri) {
    unit = await vscode.window.showInputBox({
      title: vscode.l10n.t('New charter'),
      prompt: vscode.l10n.t('Unit or team (leave empty for the whole organisation)'),
    });
    if (unit === undefined) return undefined;
  }
  // The file name in the charter's language, as `charters new` writes it (`esihenkilot-myynti.md`).
  const name = `${charterFileStem(tier, lang)}${unit && slug(unit) ? `-${slug(unit)}` : ''}.md`;
  const uri = args.uri ?? vscode.Uri.joinPath(folder, name);
  if (await exists(uri)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} already exists; it was not overwritten.', vscode.workspace.asRelativePath(uri)));
    return undefined;
  }
  const text = renderTemplate(tier, lang, lookup, unit ? { unit } : {});
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  if (!args.noOpen) await vscode.window.showTextDocument(uri);
  return uri;
}

/** Initialise handbook…: charters.yaml, one charter per tier and the CI workflow; skips existing files. */
export async function initHandbook(handbooks: Handbooks, args: { folder?: vscode.Uri; lang?: Lang } = {}): Promise<{ created: string[]; skipped: string[] }> {
  const folder = args.folder ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  const result = { created: [] as string[], skipped: [] as string[] };
  if (!folder) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a folder first: charters live in a handbook folder.'));
    return result;
  }
  const lang = args.lang ?? (await pickLang(vscode.l10n.t('Initialise handbook'), vscode.l10n.t('Language of the templates')));
  if (!lang) return result;
  const lookup = new FrameworkLookup(DEFAULT_FRAMEWORK);
  for (const f of initFiles(lookup, lang)) {
    const uri = vscode.Uri.joinPath(folder, f.path);
    if (await exists(uri)) {
      result.skipped.push(f.path);
      continue;
    }
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(f.text));
    result.created.push(f.path);
  }
  const msg = vscode.l10n.t('Handbook initialised: {0} files created, {1} existing files left as they were.', result.created.length, result.skipped.length);
  void vscode.window.showInformationMessage(msg);
  await handbooks.refresh();
  return result;
}

/** Insert missing elements: every element-missing fix of the active charter. */
export async function insertMissingElements(handbooks: Handbooks, doc = vscode.window.activeTextEditor?.document): Promise<boolean> {
  if (!doc) return false;
  const state = handbooks.lintDocument(doc);
  const fixes = (state ? handbooks.findingsOf(state) : []).filter((f) => f.ruleId === 'element-missing' || f.ruleId === 'tier-missing').flatMap((f) => (f.fix ? [f.fix] : [])) ?? [];
  if (fixes.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No missing elements in this charter.'));
    return false;
  }
  const text = doc.getText();
  const fixed = applyFixes(text, fixes).text;
  return vscode.workspace.applyEdit(toWorkspaceEdit(doc, [minimalEdit(text, fixed)]));
}

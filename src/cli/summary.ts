/**
 * The job summary of `charters lint --format github` ($GITHUB_STEP_SUMMARY): counts, every
 * finding grouped by file with links, and the coverage of the pull request's head beside its
 * base ("this pull request defines 3 elements, leaves 2 missing, adds 1 overdue review").
 *
 * Guarantees:
 * - the base handbook is read from git's object database only (`ls-tree` + `cat-file --batch`
 *   through the hardened `runGit`) into an in-memory HandbookFs, and linted by the same core
 *   (config, discovery, lint, matrix) as the head;
 * - every text that comes from a handbook (file names, tier names, messages) is escaped for
 *   Markdown (what opens markup backslash-escaped, or shown in a code span; control characters
 *   made visible; line breaks made spaces), so a charter cannot add markup, links, mentions or HTML;
 * - the summary stays under GitHub's 1 MiB per step: findings that do not fit are counted in a
 *   closing note that says where to see them.
 */
import { realpathSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import * as nodePath from 'node:path';
import type { ResolvedConfig } from '../core/config';
import { discover, findConfig, joinPath, relativePath, type DirEntry, type HandbookFs } from '../core/handbook';
import { Linter } from '../core/lint';
import { fileContext, handbookFindings, lintEach, summariesOf } from '../core/pipeline';
import { explainSplitCharters } from '../core/split';
import { buildMatrix, type MatrixModel } from '../core/render/matrix';
import { escapeControls } from '../core/text-safety';
import type { CharterSummary, Finding, Lang, RunResult, Severity } from '../core/types';
import { readObjects, repoPath, type BaseCommit, type ChangeClass } from './changed';
import { runGit } from './git';
import { nodeFs, toCorePath } from './node-fs';

/** GitHub's limit is 1 MiB per step; this leaves room for the closing note. */
export const SUMMARY_BYTES = 1_000_000;

/** One handbook the lint covered (a directory target). */
export interface SummaryHandbook {
  /** Handbook root, absolute, `/`-separated (core path). */
  root: string;
  configFile: string | undefined;
  config: ResolvedConfig;
  /** The charters' files (absolute core paths) the lint discovered. */
  files: string[];
}

export interface SummaryOptions {
  run: RunResult;
  lang: Lang;
  today: string;
  /** The working directory (findings' paths are relative to it). */
  cwd: string;
  handbooks: SummaryHandbook[];
  base: BaseCommit | undefined;
  /** Where each finding stands relative to the change. */
  changed?: (file: string, startLine: number, endLine: number) => ChangeClass;
  env: Record<string, string | undefined>;
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** Line breaks and tabs as spaces, every other control character made visible (the core's escapeControls). */
function oneLine(text: string): string {
  return escapeControls(text.replace(/[\t\r\n\u2028\u2029]+/g, ' '));
}

/**
 * Text from a handbook, safe as Markdown inline text (also inside a table cell; never at the
 * start of a line, where the summary always puts its own text): every character that can open
 * markup, a link, an image, HTML, an entity, a mention, an emoji code or a table cell is
 * backslash-escaped, and `www.` cannot become a link.
 */
export function md(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_[\]<>!|~&@:#()]/g, '\\$&')
    .replace(/(www)\./gi, '$1\\.');
}

/** Text as a code span (shown literally by GitHub: no markup, links or HTML inside). */
export function code(text: string): string {
  const t = oneLine(text).replace(/\|/g, '\u2223');
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = t.startsWith('`') || t.endsWith('`') || /^ .* $/.test(t) ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

/** A finding's message: its backticked values as code spans, the rest as escaped text. */
export function message(text: string): string {
  const parts = text.split(/`([^`]*)`/);
  return parts.map((p, i) => (i % 2 === 1 ? code(p) : md(p))).join('');
}

/** A path as a URL path: every segment percent-encoded, including `(`, `)`, `'`, `!` and `*`. */
function urlPath(path: string): string {
  return path
    .split('/')
    .map((s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

// ---------------------------------------------------------------------------------------------
// Texts

interface Texts {
  title: string;
  counts: (e: number, w: number, n: number) => string;
  inCharters: (n: number) => string;
  skipped: (n: number) => string;
  base: (ref: string, counts: string) => string;
  effect: (defined: number, missing: number, overdue: number, lost: number, resolved: number) => string;
  noBase: (ref: string) => string;
  coverage: string;
  coverageHead: [string, string, string, string];
  headOnly: [string, string];
  findings: string;
  noFindings: string;
  handbookLevel: string;
  changedLine: string;
  truncated: (n: number) => string;
  severity: Record<Severity | 'skipped', string>;
  baseUnreadable: string;
}

const TEXTS: Record<Lang, Texts> = {
  en: {
    title: 'Leadership charters',
    counts: (e, w, n) => `${e} ${e === 1 ? 'error' : 'errors'}, ${w} ${w === 1 ? 'warning' : 'warnings'}, ${n} ${n === 1 ? 'note' : 'notes'}`,
    inCharters: (n) => `in ${n} ${n === 1 ? 'charter' : 'charters'}`,
    skipped: (n) => `${n} ${n === 1 ? 'file' : 'files'} skipped`,
    base: (ref, counts) => `Base (${ref}): ${counts}.`,
    effect: (d, m, o, l, r) =>
      `This pull request defines ${d} ${d === 1 ? 'element' : 'elements'}, leaves ${m} missing in the charters it changes, and adds ${o} overdue ${o === 1 ? 'review' : 'reviews'}` +
      `${l > 0 ? `; ${l} ${l === 1 ? 'element is' : 'elements are'} no longer defined` : ''}${r > 0 ? `; ${r} overdue ${r === 1 ? 'review is' : 'reviews are'} resolved` : ''}.`,
    noBase: (ref) => `The base (${ref}) could not be read, so only the pull request's head is shown.`,
    coverage: 'Coverage: elements defined',
    coverageHead: ['Tier', 'Base', 'This pull request', 'Change'],
    headOnly: ['Tier', 'Defined'],
    findings: 'Findings',
    noFindings: 'No findings.',
    handbookLevel: '(handbook)',
    changedLine: 'changed line',
    truncated: (n) => `… and ${n} more ${n === 1 ? 'finding' : 'findings'}, left out to keep this summary under GitHub's 1 MiB limit. The SARIF report (code scanning) and \`charters lint\` on your own computer list them all.`,
    severity: { error: 'error', warning: 'warning', note: 'note', skipped: 'skipped' },
    baseUnreadable: "the base's charters.yaml has errors",
  },
  fi: {
    title: 'Oppimisen johtamisen peruskirjat',
    counts: (e, w, n) => `${e} ${e === 1 ? 'virhe' : 'virhettä'}, ${w} ${w === 1 ? 'varoitus' : 'varoitusta'}, ${n} ${n === 1 ? 'huomautus' : 'huomautusta'}`,
    inCharters: (n) => `${n} peruskirjassa`,
    skipped: (n) => `${n} ${n === 1 ? 'tiedosto ohitettu' : 'tiedostoa ohitettu'}`,
    base: (ref, counts) => `Lähtökohta (${ref}): ${counts}.`,
    effect: (d, m, o, l, r) =>
      `Tämä muutos määrittelee ${d} ${d === 1 ? 'osa-alueen' : 'osa-aluetta'}, jättää muuttamiinsa peruskirjoihin ${m} puuttuvaa ja lisää ${o} ${o === 1 ? 'erääntyneen katselmoinnin' : 'erääntynyttä katselmointia'}` +
      `${l > 0 ? `; ${l} ${l === 1 ? 'osa-alue ei ole enää määritelty' : 'osa-aluetta ei ole enää määritelty'}` : ''}${r > 0 ? `; ${r} ${r === 1 ? 'erääntynyt katselmointi on hoidettu' : 'erääntynyttä katselmointia on hoidettu'}` : ''}.`,
    noBase: (ref) => `Lähtökohtaa (${ref}) ei voitu lukea, joten vain muutoksen jälkeinen tila näytetään.`,
    coverage: 'Kattavuus: määritellyt osa-alueet',
    coverageHead: ['Johtotaso', 'Lähtökohta', 'Tämä muutos', 'Muutos'],
    headOnly: ['Johtotaso', 'Määritelty'],
    findings: 'Havainnot',
    noFindings: 'Ei havaintoja.',
    handbookLevel: '(käsikirja)',
    changedLine: 'muutettu rivi',
    truncated: (n) => `… ja ${n} ${n === 1 ? 'havainto' : 'havaintoa'} lisää, jätetty pois, jotta yhteenveto pysyy GitHubin 1 MiB:n rajassa. SARIF-raportti (code scanning) ja \`charters lint\` omalla koneellasi listaavat ne kaikki.`,
    severity: { error: 'virhe', warning: 'varoitus', note: 'huomautus', skipped: 'ohitettu' },
    baseUnreadable: 'lähtökohdan charters.yaml on virheellinen',
  },
};

// ---------------------------------------------------------------------------------------------
// The base handbook from git

function enoent(path: string): Error {
  return Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
}

/** A read-only file system over files held in memory (paths absolute, `/`-separated). */
export class MemoryFs implements HandbookFs {
  private readonly files = new Map<string, Uint8Array>();
  private readonly dirs = new Map<string, Map<string, DirEntry>>();

  /** A file (with `bytes`) or a directory (without), with every directory above it. */
  add(path: string, bytes?: Uint8Array): void {
    if (bytes === undefined) {
      if (!this.dirs.has(path)) this.dirs.set(path, new Map<string, DirEntry>());
    } else {
      this.files.set(path, bytes);
    }
    let child = path;
    let type: DirEntry['type'] = bytes === undefined ? 'directory' : 'file';
    for (;;) {
      if (child === '/') return;
      const i = child.lastIndexOf('/');
      const dir = i <= 0 ? '/' : child.slice(0, i);
      let entries = this.dirs.get(dir);
      const known = entries !== undefined;
      if (!entries) this.dirs.set(dir, (entries = new Map<string, DirEntry>()));
      entries.set(child.slice(i + 1), { name: child.slice(i + 1), type });
      if (known || dir === '/') return;
      child = dir;
      type = 'directory';
    }
  }

  readFile(path: string): Promise<Uint8Array> {
    const f = this.files.get(path);
    return f === undefined ? Promise.reject(enoent(path)) : Promise.resolve(f);
  }

  readDirectory(path: string): Promise<DirEntry[]> {
    const d = this.dirs.get(path.length > 1 ? path.replace(/\/+$/, '') : path);
    return d === undefined ? Promise.reject(enoent(path)) : Promise.resolve([...d.values()]);
  }

  stat(path: string): Promise<{ type: 'file' | 'directory' | 'other'; size: number }> {
    const f = this.files.get(path);
    if (f !== undefined) return Promise.resolve({ type: 'file', size: f.byteLength });
    if (this.dirs.has(path.length > 1 ? path.replace(/\/+$/, '') : path)) return Promise.resolve({ type: 'directory', size: 0 });
    return Promise.reject(enoent(path));
  }
}

/** Bytes of the base handbook read into memory at most (beyond it, the base is not shown). */
const BASE_BYTES = 256 * 1024 * 1024;

/**
 * The handbook under `root` as it was at the base commit: its Markdown files and charters.yaml,
 * regular files only (no symbolic links, no submodules), each at most `maxFileSize` bytes.
 */
export async function baseHandbookFs(base: BaseCommit, root: string, maxFileSize: number, env: NodeJS.ProcessEnv = process.env): Promise<MemoryFs | undefined> {
  const rel = repoPath(base.repo, root);
  let real = root;
  try {
    real = realpathSync(root);
  } catch {
    // keep it as given
  }
  const atRoot = rel === undefined && real === base.repo.workTree;
  if (rel === undefined && !atRoot) return undefined;
  const args = ['ls-tree', '-r', '-z', '-l', '--end-of-options', base.commit];
  if (rel !== undefined) args.push('--', rel);
  const listing = await runGit(base.repo, args, { env });
  if (listing === undefined) return undefined;
  const wanted: { id: string; path: string }[] = [];
  let bytes = 0;
  for (const record of listing.split('\0')) {
    const m = /^(100644|100755) blob ([0-9a-f]{40,64}) +(\d+)\t([^]*)$/.exec(record);
    if (!m) continue;
    const path = m[4]!;
    const inside = rel === undefined ? path : path.startsWith(`${rel}/`) ? path.slice(rel.length + 1) : undefined;
    if (inside === undefined) continue;
    const name = inside.slice(inside.lastIndexOf('/') + 1);
    if (!/\.(md|markdown|mdown|mkd)$/i.test(name) && name !== 'charters.yaml') continue;
    const size = Number(m[3]);
    if (size > maxFileSize) continue;
    bytes += size;
    if (bytes > BASE_BYTES) return undefined;
    wanted.push({ id: m[2]!, path: inside });
  }
  const blobs = await readObjects(base.repo, [...new Set(wanted.map((w) => w.id))], env);
  if (!blobs) return undefined;
  const fs = new MemoryFs();
  fs.add(root); // the root is a directory even when the base has nothing in it
  for (const w of wanted) {
    const b = blobs.get(w.id);
    if (b) fs.add(joinPath(root, w.path), b);
  }
  return fs;
}

interface Linted {
  summaries: CharterSummary[];
  findings: Finding[];
  texts: Map<string, string>;
  linter: Linter;
}

/** Lint the charters of one handbook on `fs`: the core's one per-file path, for head and base alike. */
async function lintTree(fs: HandbookFs, root: string, config: ResolvedConfig, configFile: string | undefined, files: string[], cwd: string, lang: Lang, today: string): Promise<Linted> {
  const linter = new Linter(config, lang);
  const outcomes = await lintEach(fs, files, fileContext({ linter, root, base: cwd, today }));
  const out: Linted = { summaries: summariesOf(outcomes), findings: [], texts: new Map(), linter };
  for (const o of outcomes) {
    if (o.kind !== 'charter') continue;
    out.findings.push(...o.findings);
    if (o.lint) out.texts.set(o.file, o.lint.charter.text);
  }
  out.findings = explainSplitCharters(out.findings, out.summaries, lang);
  out.findings.push(...handbookFindings(linter, outcomes, cwd, configFile));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Comparing head and base

interface Effect {
  defined: number;
  lost: number;
  missing: number;
  overdueAdded: number;
  overdueResolved: number;
}

function cells(model: MatrixModel): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of model.rows) {
    row.cells.forEach((c, i) => {
      if (c) out.set(`${model.columns[i]!.file}\0${row.tier}\0${row.element}`, c.status);
    });
  }
  return out;
}

function effectOf(head: MatrixModel, base: MatrixModel, changedCharters: Set<string>): Effect {
  const h = cells(head);
  const b = cells(base);
  const e: Effect = { defined: 0, lost: 0, missing: 0, overdueAdded: 0, overdueResolved: 0 };
  for (const [key, status] of h) {
    if (status === 'defined' && b.get(key) !== 'defined') e.defined++;
    if (status === 'missing' && changedCharters.has(key.slice(0, key.indexOf('\0')))) e.missing++;
  }
  for (const [key, status] of b) if (status === 'defined' && h.get(key) !== 'defined') e.lost++;
  const overdue = (m: MatrixModel): Set<string> => new Set(m.overdue.map((o) => o.file));
  const ho = overdue(head);
  const bo = overdue(base);
  for (const f of ho) if (!bo.has(f)) e.overdueAdded++;
  for (const f of bo) if (!ho.has(f)) e.overdueResolved++;
  return e;
}

// ---------------------------------------------------------------------------------------------
// The summary

function tally(findings: Finding[]): [number, number, number] {
  return [findings.filter((f) => f.severity === 'error').length, findings.filter((f) => f.severity === 'warning').length, findings.filter((f) => f.severity === 'note').length];
}

/** Link to a file (path relative to cwd) at the commit under review on GitHub, if the environment names one. */
function linker(o: SummaryOptions): (file: string, line: number) => string | undefined {
  const server = o.env['GITHUB_SERVER_URL'] ?? '';
  const repository = o.env['GITHUB_REPOSITORY'] ?? '';
  const sha = o.env['GITHUB_SHA'] ?? '';
  if (!/^https?:\/\/[^\s/()<>]+$/.test(server) || !/^[\w.-]+\/[\w.-]+$/.test(repository) || !/^[0-9a-f]{40,64}$/.test(sha) || !o.base) return () => undefined;
  const repo = o.base.repo;
  return (file, line) => {
    const rel = repoPath(repo, nodePath.resolve(o.cwd, file));
    if (rel === undefined) return undefined;
    return `${server}/${repository}/blob/${sha}/${urlPath(rel)}${line > 0 ? `#L${line}` : ''}`;
  };
}

/** The job summary's Markdown (at most SUMMARY_BYTES bytes). */
export async function buildSummary(o: SummaryOptions): Promise<string> {
  const T = TEXTS[o.lang];
  const cwd = toCorePath(o.cwd);
  const parts: string[] = [`## ${T.title}\n`];
  const [e, w, n] = tally(o.run.findings);
  const head = [`**${T.counts(e, w, n)}** ${T.inCharters(o.run.charters.length)}`];
  if (o.run.skipped.length > 0) head.push(T.skipped(o.run.skipped.length));
  parts.push(`${head.join('; ')}.\n`);

  for (const hb of o.handbooks) {
    const headLint = await lintTree(nodeFs, hb.root, hb.config, hb.configFile, hb.files, cwd, o.lang, o.today);
    const headModel = buildMatrix(headLint.summaries, headLint.linter.lookup, o.today);
    let baseModel: MatrixModel | undefined;
    let baseNote: string | undefined;
    const lines: string[] = [];
    if (o.base) {
      const fs = await baseHandbookFs(o.base, hb.root, hb.config.maxFileSize);
      const found = fs ? await findConfig(fs, hb.root) : undefined;
      if (fs && found?.result.ok) {
        const config = found.result.config;
        const files = (await discover(fs, found.root, hb.root, config, o.lang)).files;
        const baseLint = await lintTree(fs, found.root, config, found.file, files, cwd, o.lang, o.today);
        baseModel = buildMatrix(baseLint.summaries, headLint.linter.lookup, o.today);
        const changedCharters = new Set<string>();
        for (const [file, text] of headLint.texts) if (baseLint.texts.get(file) !== text) changedCharters.add(file);
        const eff = effectOf(headModel, baseModel, changedCharters);
        // The summary's own texts as they are; only what comes from outside (the ref) is escaped.
        lines.push(`${T.base(md(o.base.ref), T.counts(...tally(baseLint.findings)))}\n`);
        lines.push(`**${T.effect(eff.defined, eff.missing, eff.overdueAdded, eff.lost, eff.overdueResolved)}**\n`);
      } else {
        baseNote = T.noBase(md(o.base.ref)) + (found && !found.result.ok ? ` (${T.baseUnreadable})` : '');
        lines.push(`${baseNote}\n`);
      }
    }
    const root = relativePath(cwd, hb.root);
    lines.push(`### ${T.coverage}${o.handbooks.length > 1 ? ` – ${code(root)}` : ''}\n`);
    const lookup = headLint.linter.lookup;
    const name = (tier: string): string => lookup.framework.tiers.find((t) => t.id === tier)?.name[o.lang] ?? tier;
    if (baseModel) {
      const b = new Map(baseModel.coverage.map((c) => [c.tier, c]));
      lines.push(`| ${T.coverageHead.join(' | ')} |`, '|---|---:|---:|---:|');
      for (const c of headModel.coverage) {
        const before = b.get(c.tier);
        const delta = c.defined - (before?.defined ?? 0);
        lines.push(`| ${md(name(c.tier))} | ${before ? `${before.defined}/${before.required}` : '–'} | ${c.defined}/${c.required} | ${delta > 0 ? `+${delta}` : delta < 0 ? `−${-delta}` : '±0'} |`);
      }
    } else {
      lines.push(`| ${T.headOnly.join(' | ')} |`, '|---|---:|');
      for (const c of headModel.coverage) lines.push(`| ${md(name(c.tier))} | ${c.defined}/${c.required} |`);
    }
    parts.push(`${lines.join('\n')}\n`);
  }

  // Findings by file: changed files first, then by path; within a file, changed lines first.
  parts.push(`### ${T.findings}\n`);
  const link = linker(o);
  const rank = (file: string, a: number, b: number): number => {
    const c = o.changed?.(file, a, b);
    return c === 'line' ? 0 : c === 'file' ? 1 : 2;
  };
  type Item = { file: string; line: number; endLine: number; severity: Severity | 'skipped'; message: string; ruleId: string; url: string };
  const items: Item[] = o.run.findings.map((f) => ({ file: f.file, line: f.place.start.line, endLine: f.place.end.line, severity: f.severity, message: f.reason, ruleId: f.ruleId, url: f.url }));
  for (const s of o.run.skipped) items.push({ file: s.file, line: 0, endLine: 0, severity: 'skipped', message: s.reason, ruleId: '', url: '' });
  const byFile = new Map<string, Item[]>();
  for (const it of items) {
    const key = it.file === '.' ? '' : it.file;
    byFile.set(key, [...(byFile.get(key) ?? []), it]);
  }
  const fileRank = (file: string): number => Math.min(...(byFile.get(file) ?? []).map((i) => rank(i.file, i.line || 1, i.endLine || Number.MAX_SAFE_INTEGER)));
  const files = [...byFile.keys()].sort((a, b) => fileRank(a) - fileRank(b) || (a < b ? -1 : a > b ? 1 : 0));
  if (files.length === 0) parts.push(`${T.noFindings}\n`);

  let text = parts.join('\n');
  const size = (s: string): number => Buffer.byteLength(s, 'utf8');
  let used = size(text);
  let left = items.length;
  const reserve = size(T.truncated(items.length)) + 16;
  outer: for (const file of files) {
    const its = byFile.get(file)!.sort((a, b) => rank(a.file, a.line || 1, a.endLine || 1) - rank(b.file, b.line || 1, b.endLine || 1) || a.line - b.line);
    const url = file ? link(file, 0) : undefined;
    const title = file ? (url ? `[${code(file)}](${url})` : code(file)) : T.handbookLevel;
    let block = `\n#### ${title}\n\n`;
    if (used + size(block) + reserve > SUMMARY_BYTES) break;
    text += block;
    used += size(block);
    for (const it of its) {
      const where = it.line > 0 ? (file && link(file, it.line) ? `[L${it.line}](${link(file, it.line)})` : `L${it.line}`) : '';
      const changed = o.changed?.(it.file, it.line || 1, it.endLine || 1) === 'line' && it.line > 0 ? ` _(${T.changedLine})_` : '';
      const rule = it.ruleId ? ` ([${md(it.ruleId)}](${it.url.replace(/[()\s]/g, encodeURIComponent)}))` : '';
      block = `- **${T.severity[it.severity]}** ${where ? `${where}: ` : ''}${message(it.message)}${rule}${changed}\n`;
      if (used + size(block) + reserve > SUMMARY_BYTES) break outer;
      text += block;
      used += size(block);
      left--;
    }
  }
  if (left > 0) text += `\n${T.truncated(left)}\n`;
  return text;
}

/** Append the summary to $GITHUB_STEP_SUMMARY; a failure is the caller's note, not a crash. */
export async function writeSummary(file: string, o: SummaryOptions): Promise<void> {
  await appendFile(file, await buildSummary(o), 'utf8');
}

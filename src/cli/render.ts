/**
 * `charters render` (a static site) and `charters matrix` (the "whose job is what" table).
 * The pages are made by the pure core (`src/core/render`); this module reads the handbook,
 * writes files and guards the output directory:
 *
 * - every output path is checked twice: as text (no absolute paths, drive letters, `..`,
 *   empty or control-character segments) and after resolving (the real path of its directory,
 *   symlinks followed, must lie inside the real path of --out);
 * - a symlink where a page goes is replaced, never written through;
 * - --out must be missing, empty, or a directory an earlier `charters render` made (it holds
 *   the marker file `.charters-site.json` listing what it wrote). Only files the marker lists
 *   are overwritten or, when a charter is gone, removed.
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import * as nodePath from 'node:path';
import { CLI_FILE_BUDGET_MS } from '../core/budget';
import { configErrorText, type ConfigError } from '../core/config';
import { discover, findConfig, readRefusal, relativePath, type HandbookFs } from '../core/handbook';
import { Linter, type CharterLint } from '../core/lint';
import { fileContext, foldOutcomes, handbookFindings, lintEach } from '../core/pipeline';
import { h, toHtml } from '../core/render/html';
import { buildMatrix, matrixHast, matrixJson, matrixMarkdown } from '../core/render/matrix';
import { page } from '../core/render/page';
import { historyCsv, historyJson } from '../core/history';
import { buildPrintEdition } from '../core/render/print';
import { buildSite, SITE_MARKER, SITE_PRINT } from '../core/render/site';
import { isIsoDate, isoDay, trimEndWhere } from '../core/text';
import { VERSION } from '../core/version';
import type { Finding, Lang, SkippedFile } from '../core/types';
import { readHistory } from './history';
import type { MainParams } from './main';
import { m } from './messages';
import { nodeFs, shownPath, symlinkOnTheWay, SymlinkRefused, toCorePath, writeFileAtomic } from './node-fs';


/** The options of `render` and `matrix` (a subset of the CLI's parsed options). */
export interface RenderValues {
  out?: string | undefined;
  format?: string | undefined;
  output?: string | undefined;
  lang?: string | undefined;
  today?: string | undefined;
  /** render: also write the one-file print edition (print.html). */
  print?: boolean | undefined;
}

/** A user's mistake: printed as `charters: …`, exit code 2. */
export class RenderError extends Error {}

export interface Handbook {
  /** Absolute directory the charters' paths are relative to. */
  dir: string;
  /** The directory the configuration's globs are relative to. */
  root: string;
  /** The handbook's name: `title` of charters.yaml, else the title of its README.md, else its directory's name. */
  name: string;
  lang: Lang;
  today: string;
  linter: Linter;
  charters: CharterLint[];
  handbookFindings: Finding[];
  skipped: SkippedFile[];
}

export async function renderCommand(params: MainParams, values: RenderValues, rest: string[], cliLang: Lang, fs: HandbookFs = nodeFs): Promise<number> {
  return run(params, async () => {
    if (!values.out) throw new RenderError(m(cliLang, 'renderNeedsOut'));
    const hb = await loadHandbook(params, values, rest, cliLang, fs);
    if (typeof hb === 'number') return hb;
    const out = nodePath.resolve(params.cwd, values.out);
    const handbookReal = await fsp.realpath(hb.dir).catch(() => hb.dir);
    const css = await readCss();
    const history = await readHistory({ dir: hb.dir, root: hb.root, linter: hb.linter, today: hb.today, current: hb.charters, env: params.env, toolVersion: VERSION });
    const siteInput = {
      charters: hb.charters,
      lookup: hb.linter.lookup,
      lang: hb.lang,
      today: hb.today,
      name: hb.name,
      css,
      handbookFindings: hb.handbookFindings,
      skipped: hb.skipped,
      version: VERSION,
      history,
    };
    const site = buildSite(siteInput);
    if (values.print) site.files.push({ path: SITE_PRINT, text: buildPrintEdition({ ...siteInput, cspNonce: randomBytes(16).toString('base64') }) });
    for (const file of site.rejected) params.stderr(`charters: ${m(hb.lang, 'unsafePage', file)}\n`);
    const written = await writeSite(out, site.files, hb.lang, handbookReal, params.cwd);
    const shown = nodePath.relative(params.cwd, out) || '.';
    params.stdout(`${m(hb.lang, 'rendered', site.pages.size, shown, nodePath.join(shown, 'index.html'))}\n`);
    if (values.print) params.stdout(`${m(hb.lang, 'renderedPrint', nodePath.join(shown, SITE_PRINT))}\n`);
    if (written.removed > 0) params.stdout(`${m(hb.lang, 'removedStale', written.removed)}\n`);
    if (site.leaders.size > 0) params.stdout(`${m(hb.lang, 'renderedLeaders', site.leaders.size, nodePath.join(shown, 'leaders'))}\n`);
    return 0;
  });
}

/** `charters history`: the follow-up series from git, as JSON (default) or CSV. */
export async function historyCommand(params: MainParams, values: RenderValues, rest: string[], cliLang: Lang, fs: HandbookFs = nodeFs): Promise<number> {
  return run(params, async () => {
    const format = values.format ?? 'json';
    if (format !== 'json' && format !== 'csv') throw new RenderError(m(cliLang, 'badHistoryFormat', format));
    const hb = await loadHandbook(params, values, rest, cliLang, fs);
    if (typeof hb === 'number') return hb;
    const history = await readHistory({ dir: hb.dir, root: hb.root, linter: hb.linter, today: hb.today, current: hb.charters, env: params.env, toolVersion: VERSION });
    const series = history.series;
    if (params.env['CHARTERS_DEBUG']) params.stderr(`charters: debug: history: ${series.commits} commits, ${series.points.length} points, ${history.linted} blobs linted on ${history.threads} threads\n`);
    if (series.note) params.stderr(`charters: ${m(hb.lang, series.note === 'shallow' ? 'historyShallow' : series.note === 'no-git' ? 'historyNoGit' : 'historyNoCommits')}\n`);
    const text = format === 'json' ? historyJson(series) : historyCsv(series);
    if (values.output) {
      try {
        await writeFileAtomic(nodePath.resolve(params.cwd, values.output), text);
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        throw new RenderError(m(hb.lang, 'cannotWrite', values.output, err.code ?? err.message));
      }
    } else {
      params.stdout(text);
    }
    return 0;
  });
}

export async function matrixCommand(params: MainParams, values: RenderValues, rest: string[], cliLang: Lang, fs: HandbookFs = nodeFs): Promise<number> {
  return run(params, async () => {
    const format = values.format ?? 'md';
    if (format !== 'md' && format !== 'json' && format !== 'html') throw new RenderError(m(cliLang, 'badMatrixFormat', format));
    const hb = await loadHandbook(params, values, rest, cliLang, fs);
    if (typeof hb === 'number') return hb;
    const byFile = new Map(hb.charters.map((c) => [c.charter.file, c.charter]));
    const model = buildMatrix(
      hb.charters.map((c) => c.summary!),
      hb.linter.lookup,
      hb.today,
      (file) => byFile.get(file),
    );
    const outFile = values.output ? nodePath.resolve(params.cwd, values.output) : undefined;
    // Links point from where the output is read (its directory, or the working directory) to the charters.
    const from = outFile ? nodePath.dirname(outFile) : params.cwd;
    const linkFor = (file: string, line: number): string => {
      const rel = nodePath.relative(from, nodePath.join(hb.dir, file)).split(nodePath.sep).join('/');
      return `${rel.split('/').map(encodeURIComponent).join('/')}${line > 1 ? `#L${line}` : ''}`;
    };
    let text: string;
    if (format === 'json') text = matrixJson(model);
    else if (format === 'md') text = matrixMarkdown(model, hb.lang, linkFor);
    else {
      const title = m(hb.lang, 'matrixTitle', hb.name);
      const body = toHtml(h('main', { className: ['site-main'] }, h('h1', {}, title), matrixHast(model, hb.lang, linkFor)));
      text = page({ title, lang: hb.lang, inlineCss: await readCss(), cspNonce: randomBytes(16).toString('base64'), body });
    }
    if (outFile) {
      try {
        await writeFileAtomic(outFile, text, { base: params.cwd });
      } catch (e) {
        if (e instanceof SymlinkRefused) throw new RenderError(m(hb.lang, 'refuseLink', values.output!, shownPath(params.cwd, e.path)));
        const err = e as NodeJS.ErrnoException;
        throw new RenderError(m(hb.lang, 'cannotWrite', values.output!, err.code ?? err.message));
      }
    } else {
      params.stdout(text);
    }
    return 0;
  });
}

/** Run a command; a RenderError is the user's mistake (exit 2); anything else goes up to main. */
export async function run(params: MainParams, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof RenderError) {
      params.stderr(`charters: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

/** The handbook's config, charters (linted), handbook findings; or an exit code on config errors. */
export async function loadHandbook(params: MainParams, values: RenderValues, rest: string[], cliLang: Lang, fs: HandbookFs): Promise<Handbook | number> {
  if (rest.length > 1) throw new RenderError(m(cliLang, 'oneHandbook', rest.join(' ')));
  if (values.today !== undefined && !isIsoDate(values.today)) throw new RenderError(m(cliLang, 'badDate', values.today));
  const dir = nodePath.resolve(params.cwd, rest[0] ?? '.');
  const st = await fs.stat(toCorePath(dir)).catch(() => undefined);
  if (st?.type !== 'directory') throw new RenderError(m(cliLang, 'notHandbookDir', rest[0] ?? '.'));
  const dirCore = toCorePath(dir);
  const found = await findConfig(fs, dirCore, cliLang);
  if (!found.result.ok) {
    for (const e of found.result.errors) params.stderr(`${configError(params, cliLang, e)}\n`);
    return 2;
  }
  const config = found.result.config;
  const lang = values.lang ? cliLang : (config.language ?? cliLang);
  const today = values.today ?? isoDay(new Date());
  const linter = new Linter(config, lang);
  const disc = await discover(fs, found.root, dirCore, config, lang);
  // Every file through the core's one path: what lint skips, the site lists as skipped.
  const outcomes = await lintEach(fs, disc.files, fileContext({ linter, root: found.root, base: dirCore, today, budget: { ms: CLI_FILE_BUDGET_MS, now: () => performance.now() } }));
  const run = foldOutcomes(outcomes, { rules: linter.rules });
  const charters = outcomes.flatMap((o) => (o.kind === 'charter' && o.lint ? [o.lint] : []));
  const skipped: SkippedFile[] = [...disc.skipped.map((s) => ({ file: relativePath(dirCore, s.file), reason: s.reason })), ...run.skipped];
  return { dir, root: found.root, name: config.title ?? (await handbookName(fs, dirCore)), lang, today, linter, charters, handbookFindings: handbookFindings(linter, outcomes, dirCore, found.file), skipped };
}

/** The first `# Title` of the handbook's README.md, or the directory's name. */
async function handbookName(fs: HandbookFs, dirCore: string): Promise<string> {
  const base = dirCore.split('/').filter(Boolean).pop() ?? dirCore;
  for (const name of ['README.md', 'readme.md', 'Readme.md']) {
    const path = `${dirCore.replace(/\/$/, '')}/${name}`;
    // A README that links into `.git` or out of the handbook is not read (its title is published).
    if ((await readRefusal(fs, dirCore, path, 'en')) !== undefined) continue;
    const bytes = await fs.readFile(path).catch(() => undefined);
    if (!bytes) continue;
    const text = new TextDecoder('utf-8').decode(bytes.subarray(0, 64 * 1024));
    const title = readmeTitle(text);
    if (title) return title.replace(/[*_`]/g, '').slice(0, 120);
  }
  return base;
}

/**
 * The text of the first `# Title` line, without its closing spaces and `#`s. A loop over the
 * lines, not a pattern: a lazy group before `[ \t#]*$` backtracks quadratically on a line that
 * ends in a long run of spaces or `#` followed by other text.
 */
export function readmeTitle(text: string): string | undefined {
  for (const line of text.split('\n')) {
    if (line.length < 2 || line[0] !== '#' || (line[1] !== ' ' && line[1] !== '\t')) continue;
    const title = trimEndWhere(line.replace(/\r$/, ''), (c) => c === 0x20 || c === 0x09 || c === 0x23).slice(1).trim();
    if (title !== '') return title;
  }
  return undefined;
}

function configError(params: MainParams, lang: Lang, e: ConfigError): string {
  const file = nodePath.relative(params.cwd, e.file) || e.file;
  return m(lang, 'configError', file, e.line, e.column, configErrorText(e, lang));
}

/** media/charters.css of the package: found upwards from the bundle (dist/ or out/test/…). */
async function readCss(): Promise<string> {
  let dir = __dirname;
  for (;;) {
    const candidate = nodePath.join(dir, 'media', 'charters.css');
    const text = await fsp.readFile(candidate, 'utf8').catch(() => undefined);
    if (text !== undefined) return text;
    const up = nodePath.dirname(dir);
    if (up === dir) throw new Error('media/charters.css not found beside the charters package');
    dir = up;
  }
}

// ---------------------------------------------------------------------------------------------
// Writing the site safely

interface Marker {
  generator: 'charters render';
  version: string;
  files: string[];
}

/**
 * A site-relative path as safe path segments, or undefined: no absolute path, drive letter,
 * backslash, control character, empty, `.` or `..` segment.
 */
export function safeSegments(rel: string): string[] | undefined {
  // eslint-disable-next-line no-control-regex
  if (rel === '' || /[\u0000-\u001f\u007f\\]/.test(rel) || rel.startsWith('/') || /^[A-Za-z]:/.test(rel)) return undefined;
  const segments = rel.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.trim() === '')) return undefined;
  return segments;
}

/** `rel` resolved inside `root`, or undefined when it would leave it. */
export function resolveInside(root: string, rel: string): string | undefined {
  const segments = safeSegments(rel);
  if (!segments) return undefined;
  const abs = nodePath.resolve(root, ...segments);
  const back = nodePath.relative(root, abs);
  if (back === '' || back.startsWith('..') || nodePath.isAbsolute(back)) return undefined;
  return abs;
}

function isInside(root: string, path: string): boolean {
  const back = nodePath.relative(root, path);
  return back === '' || (!back.startsWith('..') && !nodePath.isAbsolute(back));
}

async function readMarker(dir: string): Promise<Marker | undefined> {
  const text = await fsp.readFile(nodePath.join(dir, SITE_MARKER), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const data = JSON.parse(text) as Partial<Marker>;
    if (data.generator !== 'charters render' || !Array.isArray(data.files)) return undefined;
    return { generator: 'charters render', version: String(data.version ?? ''), files: data.files.filter((f): f is string => typeof f === 'string') };
  } catch {
    return undefined;
  }
}

async function writeSite(out: string, files: { path: string; text: string }[], lang: Lang, handbookReal: string, cwd: string): Promise<{ removed: number }> {
  // --out itself (or a directory on the way to it) being a link, dangling or not, is refused:
  // the site would be written wherever it points.
  const link = await symlinkOnTheWay(out, cwd);
  if (link !== undefined) throw new RenderError(m(lang, 'refuseLink', shownPath(cwd, out), shownPath(cwd, link)));
  try {
    return await writeSiteFiles(out, files, lang, handbookReal);
  } catch (e) {
    if (e instanceof SymlinkRefused) throw new RenderError(m(lang, 'refuseLink', shownPath(cwd, e.path), shownPath(cwd, e.path)));
    throw e;
  }
}

async function writeSiteFiles(out: string, files: { path: string; text: string }[], lang: Lang, handbookReal: string): Promise<{ removed: number }> {
  const info = await fsp.stat(out).catch(() => undefined);
  if (info && !info.isDirectory()) throw new RenderError(m(lang, 'outNotDir', out));
  if (!info) await fsp.mkdir(out, { recursive: true });
  const root = await fsp.realpath(out);
  if (root === handbookReal || isInside(root, handbookReal)) throw new RenderError(m(lang, 'outContainsHandbook', out));
  const entries = await fsp.readdir(root);
  const previous = await readMarker(root);
  if (entries.length > 0 && !previous) throw new RenderError(m(lang, 'outNotEmpty', out, SITE_MARKER));

  // Every path is checked before anything is written.
  const targets = files.map((f) => {
    const abs = resolveInside(root, f.path);
    if (!abs) throw new RenderError(m(lang, 'outUnsafe', f.path));
    return { ...f, abs };
  });
  const newPaths = new Set(files.map((f) => f.path));
  const stale = (previous?.files ?? []).filter((f) => !newPaths.has(f) && f !== SITE_MARKER);

  // The marker first, listing old and new files, so an interrupted run can be rerun.
  await writeMarker(root, [...new Set([...(previous?.files ?? []), ...newPaths])]);
  for (const t of targets) {
    const parent = nodePath.dirname(t.abs);
    await fsp.mkdir(parent, { recursive: true });
    const realParent = await fsp.realpath(parent);
    if (!isInside(root, realParent)) throw new RenderError(m(lang, 'outUnsafe', t.path));
    const existing = await fsp.lstat(t.abs).catch(() => undefined);
    if (existing?.isSymbolicLink()) await fsp.unlink(t.abs);
    else if (existing && !existing.isFile()) throw new RenderError(m(lang, 'outUnsafe', t.path));
    await writeFileAtomic(t.abs, t.text, { base: root });
  }
  let removed = 0;
  for (const rel of stale) {
    const abs = resolveInside(root, rel);
    if (!abs) continue;
    const realParent = await fsp.realpath(nodePath.dirname(abs)).catch(() => undefined);
    if (!realParent || !isInside(root, realParent)) continue;
    const st = await fsp.lstat(abs).catch(() => undefined);
    if (st?.isFile() || st?.isSymbolicLink()) {
      await fsp.unlink(abs);
      removed++;
    }
  }
  await writeMarker(root, [...newPaths].sort());
  return { removed };
}

async function writeMarker(root: string, files: string[]): Promise<void> {
  const marker: Marker = { generator: 'charters render', version: VERSION, files };
  const path = nodePath.join(root, SITE_MARKER);
  const existing = await fsp.lstat(path).catch(() => undefined);
  if (existing?.isSymbolicLink()) await fsp.unlink(path);
  await writeFileAtomic(path, `${JSON.stringify(marker, null, 2)}\n`, { base: root });
}

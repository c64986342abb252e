/**
 * The `github` output format: GitHub Actions workflow commands, which the runner turns into
 * annotations on the pull request.
 *
 * GitHub shows at most 10 error, 10 warning and 10 notice annotations per step and 50 per job,
 * and drops the rest silently (actions/toolkit, docs/problem-matchers.md, "Limitations"). So:
 * - findings on lines the change touched come first, then the rest of the changed files, then
 *   everything else; within each, errors, warnings, notes; then file and line order;
 * - at most 10 of each kind are written (skipped files count as warnings), and when anything is
 *   left out, one notice (taking a notice's place) says how many and where to see them all.
 * Message and property values are escaped as the runner expects (`%`, CR, LF; plus `:` and `,`
 * in properties), and every other control character is made visible with the core's
 * `escapeControls`, so no handbook text can end a command early or start one of its own.
 */
import type { Finding, Lang, RunResult, Severity } from '../../core/types';
import { escapeControls } from '../../core/text-safety';
import type { FormatOptions } from './types';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', note: 'notice' };

/** Annotations GitHub shows per step, by command. */
export const ANNOTATIONS_PER_STEP: Readonly<Record<'error' | 'warning' | 'notice', number>> = { error: 10, warning: 10, notice: 10 };
/** Annotations GitHub shows per job (all steps together); one step of ours stays below it. */
export const ANNOTATIONS_PER_JOB = 50;

/**
 * Escapes a command's message (its data): CR and LF as GitHub's `%0D`/`%0A` (a message may span
 * lines), every other control character made visible by the shared `escapeControls`, `%` as `%25`.
 */
export function escapeData(text: string): string {
  return text
    .split(/(\r|\n)/)
    .map((part) => (part === '\r' ? '%0D' : part === '\n' ? '%0A' : escapeControls(part).replace(/%/g, '%25')))
    .join('');
}

/**
 * Escapes a command property's value (a file name, a title): every control character made
 * visible (a line break too: a path has none to keep), then `%`, `:` and `,` as GitHub expects.
 */
export function escapeProperty(text: string): string {
  return escapeControls(text).replace(/%/g, '%25').replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, properties: [string, string | number][], message: string): string {
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

function findingCommand(f: Finding, where: (file: string) => string): string {
  const properties: [string, string | number][] = [];
  if (f.file !== '' && f.file !== '.') {
    const { start, end } = f.place;
    properties.push(['file', where(f.file)], ['line', start.line], ['col', start.column]);
    properties.push(['endLine', end.line], ['endColumn', end.column]);
  }
  properties.push(['title', f.ruleId]);
  return command(COMMAND[f.severity], properties, f.reason);
}

interface Annotation {
  kind: 'error' | 'warning' | 'notice';
  severity: Severity;
  /** 0 on a changed line, 1 elsewhere in a changed file, 2 elsewhere. */
  rank: number;
  order: number;
  text: string;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, note: 2 };
const RANK = { line: 0, file: 1 } as const;

/** The annotations in the order a reviewer needs them (see the module comment). */
function annotations(result: RunResult, options: FormatOptions): Annotation[] {
  const where = options.annotationPath ?? ((file: string): string => file);
  const rank = (file: string, start: number, end: number): number => {
    if (!options.changed || file === '' || file === '.') return 2;
    const c = options.changed(file, start, end);
    return c ? RANK[c] : 2;
  };
  const list: Annotation[] = result.findings.map((f, order) => ({
    kind: COMMAND[f.severity],
    severity: f.severity,
    rank: rank(f.file, f.place.start.line, f.place.end.line),
    order,
    text: findingCommand(f, where),
  }));
  // What the run itself says (why a job with no error fails: --max-warnings) leads.
  (options.notices ?? []).forEach((n, i) => {
    const severity: Severity = n.severity === 'error' ? 'error' : 'note';
    list.push({ kind: COMMAND[severity], severity, rank: -1, order: i, text: command(COMMAND[severity], [['title', 'charters']], n.message) });
  });
  result.skipped.forEach((s, i) => {
    list.push({ kind: 'warning', severity: 'warning', rank: rank(s.file, 1, Number.MAX_SAFE_INTEGER), order: result.findings.length + i, text: command('warning', [['file', where(s.file)]], s.reason) });
  });
  return list.sort((a, b) => a.rank - b.rank || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.order - b.order);
}

const TEXT: Record<Lang, { more: (n: number, counts: string, base: string | undefined) => string; counts: (e: number, w: number, n: number) => string; total: (parts: string[]) => string; skipped: (n: number) => string }> = {
  en: {
    counts: (e, w, n) => `${e} ${e === 1 ? 'error' : 'errors'}, ${w} ${w === 1 ? 'warning' : 'warnings'}, ${n} ${n === 1 ? 'note' : 'notes'}`,
    more: (n, counts, base) =>
      `${n} more ${n === 1 ? 'finding is' : 'findings are'} not shown as annotations (${counts}): GitHub shows at most 10 errors, 10 warnings and 10 notices per step` +
      `${base ? `, and findings on lines changed since ${base} come first` : ''}. ` +
      'Every finding is in the job summary and in the SARIF report (code scanning); `charters lint` on your own computer lists them all.',
    total: (parts) => `charters: ${parts.join(', ')}`,
    skipped: (n) => `${n} ${n === 1 ? 'file' : 'files'} skipped`,
  },
  fi: {
    counts: (e, w, n) => `${e} ${e === 1 ? 'virhe' : 'virhettä'}, ${w} ${w === 1 ? 'varoitus' : 'varoitusta'}, ${n} ${n === 1 ? 'huomautus' : 'huomautusta'}`,
    more: (n, counts, base) =>
      `${n} ${n === 1 ? 'havainto ei näy' : 'havaintoa ei näy'} merkintöinä (${counts}): GitHub näyttää vaihetta kohden enintään 10 virhettä, 10 varoitusta ja 10 huomautusta` +
      `${base ? `, ja ensin näytetään havainnot riveillä, joita on muutettu viitteen ${base} jälkeen` : ''}. ` +
      'Kaikki havainnot ovat työn yhteenvedossa (job summary) ja SARIF-raportissa (code scanning); `charters lint` omalla koneellasi listaa ne kaikki.',
    total: (parts) => `charters: ${parts.join(', ')}`,
    skipped: (n) => `${n} ${n === 1 ? 'tiedosto ohitettu' : 'tiedostoa ohitettu'}`,
  },
};

export function formatGithub(result: RunResult, options: FormatOptions): string {
  const text = TEXT[options.lang];
  const all = annotations(result, options);
  const count = (list: Annotation[], kind: Annotation['kind']): number => list.filter((a) => a.kind === kind).length;
  // When anything is left out, the closing notice takes one notice's place.
  const fits = (caps: Record<Annotation['kind'], number>): boolean => (['error', 'warning', 'notice'] as const).every((k) => count(all, k) <= caps[k]);
  const caps = { ...ANNOTATIONS_PER_STEP };
  if (!fits(caps)) caps.notice -= 1;
  const shown: Annotation[] = [];
  const hidden: Annotation[] = [];
  const used = { error: 0, warning: 0, notice: 0 };
  for (const a of all) {
    if (used[a.kind] < caps[a.kind] && shown.length < ANNOTATIONS_PER_JOB - 1) {
      used[a.kind]++;
      shown.push(a);
    } else {
      hidden.push(a);
    }
  }
  const lines = shown.map((a) => a.text);
  if (hidden.length > 0) {
    const counts = text.counts(count(hidden, 'error'), count(hidden, 'warning'), count(hidden, 'notice'));
    lines.push(command('notice', [['title', 'charters']], text.more(hidden.length, counts, options.changedSince)));
  }
  const tally = (s: Severity): number => result.findings.filter((f) => f.severity === s).length;
  const parts = [text.counts(tally('error'), tally('warning'), tally('note'))];
  if (result.skipped.length > 0) parts.push(text.skipped(result.skipped.length));
  lines.push(text.total(parts));
  return lines.join('\n') + '\n';
}

/** The `stylish` output format: for people at a terminal, in the manner of ESLint's. */
import { escapeControls } from '../../core/text-safety';
import type { Lang, RunResult, Severity } from '../../core/types';
import type { FormatOptions } from './types';

type Style = 'red' | 'yellow' | 'cyan' | 'green' | 'dim' | 'bold' | 'underline';
const ANSI: Record<Style, [number, number]> = {
  red: [31, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  green: [32, 39],
  dim: [2, 22],
  bold: [1, 22],
  underline: [4, 24],
};
const SEVERITY_STYLE: Record<Severity | 'skipped', Style> = {
  error: 'red',
  warning: 'yellow',
  note: 'cyan',
  skipped: 'yellow',
};

/** Singular and plural (fi: nominative and partitive) forms of the summary's nouns. */
const WORDS: Record<Lang, Record<'problem' | 'error' | 'warning' | 'note' | 'charter', [string, string]>> = {
  en: {
    problem: ['problem', 'problems'],
    error: ['error', 'errors'],
    warning: ['warning', 'warnings'],
    note: ['note', 'notes'],
    charter: ['charter', 'charters'],
  },
  fi: {
    problem: ['ongelma', 'ongelmaa'],
    error: ['virhe', 'virhettä'],
    warning: ['varoitus', 'varoitusta'],
    note: ['huomautus', 'huomautusta'],
    charter: ['peruskirja', 'peruskirjaa'],
  },
};

/** The severity column, in the report's language. */
const KIND: Record<Lang, Record<Severity | 'skipped', string>> = {
  en: { error: 'error', warning: 'warning', note: 'note', skipped: 'skipped' },
  fi: { error: 'virhe', warning: 'varoitus', note: 'huomautus', skipped: 'ohitettu' },
};

interface Row {
  position: string;
  /** On a line changed since `--changed-since` (marked `*`). */
  changed: boolean;
  kind: Severity | 'skipped';
  message: string;
  ruleId: string;
}

export function formatStylish(result: RunResult, options: FormatOptions): string {
  const paint = (style: Style, text: string): string =>
    options.color ? `\x1b[${ANSI[style][0]}m${text}\x1b[${ANSI[style][1]}m` : text;
  const count = (n: number, word: keyof (typeof WORDS)['en']): string =>
    `${n} ${WORDS[options.lang][word][n === 1 ? 0 : 1]}`;

  const groups = new Map<string, Row[]>();
  const rowsOf = (file: string): Row[] => {
    const key = isHandbook(file) ? '' : file;
    let rows = groups.get(key);
    if (!rows) groups.set(key, (rows = []));
    return rows;
  };
  // --changed-since: files the change touched come first, findings on changed lines are marked.
  // File names and messages come from the handbook: control characters are escaped, so a name
  // cannot add lines (a forged `::warning::`) or send terminal escapes (docs/security.md).
  const changedFiles = new Set<string>();
  for (const f of result.findings) {
    const { line, column } = f.place.start;
    const c = options.changed?.(f.file, line, f.place.end.line);
    const file = escapeControls(f.file);
    if (c) changedFiles.add(isHandbook(f.file) ? '' : file);
    const position = isHandbook(f.file) ? '' : `${c === 'line' ? '*' : ''}${line}:${column}`;
    rowsOf(file).push({ position, changed: c === 'line', kind: f.severity, message: escapeControls(f.reason), ruleId: escapeControls(f.ruleId) });
  }
  for (const s of result.skipped) {
    rowsOf(escapeControls(s.file)).push({ position: '', changed: false, kind: 'skipped', message: escapeControls(s.reason), ruleId: '' });
  }
  const ordered = [...groups].sort(([a], [b]) => Number(changedFiles.has(b)) - Number(changedFiles.has(a)));

  const out: string[] = [];
  for (const [file, rows] of ordered) {
    const positionWidth = Math.max(...rows.map((r) => r.position.length));
    const kind = KIND[options.lang];
    const kindWidth = Math.max(...rows.map((r) => kind[r.kind].length));
    const messageWidth = Math.max(...rows.map((r) => r.message.length));
    out.push(paint('underline', file || (options.lang === 'fi' ? '(käsikirja)' : '(handbook)')));
    for (const r of rows) {
      const cells = positionWidth > 0 ? [paint('dim', r.position.padStart(positionWidth))] : [];
      cells.push(paint(SEVERITY_STYLE[r.kind], kind[r.kind].padEnd(kindWidth)));
      cells.push(r.ruleId ? r.message.padEnd(messageWidth) : r.message);
      if (r.ruleId) cells.push(paint('dim', r.ruleId));
      out.push(`  ${cells.join('  ')}`);
    }
    out.push('');
  }

  const n = result.findings.length;
  const fi = options.lang === 'fi';
  if (n > 0) {
    const tally = (s: Severity): number => result.findings.filter((f) => f.severity === s).length;
    const errors = tally('error');
    const details = [count(errors, 'error'), count(tally('warning'), 'warning'), count(tally('note'), 'note')];
    out.push(paint('bold', paint(errors > 0 ? 'red' : 'yellow', `✖ ${count(n, 'problem')} (${details.join(', ')})`)));
  } else if (result.skipped.length === 0) {
    const checked = count(result.charters.length, 'charter');
    // Warnings hidden by --quiet are problems all the same: then only "no errors".
    const hidden = options.notices?.some((x) => x.id === 'warnings-hidden') === true;
    const none = fi ? (hidden ? 'ei virheitä' : 'ei ongelmia') : hidden ? 'no errors' : 'no problems';
    out.push(paint('green', fi ? `✔ ${checked} tarkistettu, ${none}` : `✔ ${checked} checked, ${none}`));
  } else {
    // Files were not checked: not a clean pass, whatever the exit code.
    const checked = count(result.charters.length, 'charter');
    const k = result.skipped.length;
    const notChecked = fi ? (k === 1 ? '1 tiedosto jäi tarkistamatta' : `${k} tiedostoa jäi tarkistamatta`) : `${k} ${k === 1 ? 'file' : 'files'} not checked`;
    out.push(paint('yellow', fi ? `⚠ ${checked} tarkistettu, ei ongelmia; ${notChecked}` : `⚠ ${checked} checked, no problems; ${notChecked}`));
  }
  for (const notice of options.notices ?? []) {
    out.push(notice.severity === 'error' ? paint('bold', paint('red', `✖ ${escapeControls(notice.message)}`)) : paint('dim', escapeControls(notice.message)));
  }
  if (options.changedSince !== undefined && [...groups.values()].some((rows) => rows.some((r) => r.changed))) {
    out.push(paint('dim', fi ? `* rivillä, jota on muutettu viitteen ${escapeControls(options.changedSince)} jälkeen` : `* on a line changed since ${escapeControls(options.changedSince)}`));
  }
  if (result.fixed !== undefined && result.fixed > 0) {
    const fixed = count(result.fixed, 'problem');
    out.push(fi ? `Korjattiin ${fixed}` : `Fixed ${fixed}`);
  }
  return out.join('\n') + '\n';
}

function isHandbook(file: string): boolean {
  return file === '' || file === '.';
}

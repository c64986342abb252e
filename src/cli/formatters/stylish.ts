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

interface Row {
  position: string;
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
  // File names and messages come from the handbook: control characters are escaped, so a name
  // cannot add lines (a forged `::warning::`) or send terminal escapes (docs/security.md).
  for (const f of result.findings) {
    const { line, column } = f.place.start;
    const position = isHandbook(f.file) ? '' : `${line}:${column}`;
    rowsOf(escapeControls(f.file)).push({ position, kind: f.severity, message: escapeControls(f.reason), ruleId: escapeControls(f.ruleId) });
  }
  for (const s of result.skipped) {
    rowsOf(escapeControls(s.file)).push({ position: '', kind: 'skipped', message: escapeControls(s.reason), ruleId: '' });
  }

  const out: string[] = [];
  for (const [file, rows] of groups) {
    const positionWidth = Math.max(...rows.map((r) => r.position.length));
    const kindWidth = Math.max(...rows.map((r) => r.kind.length));
    const messageWidth = Math.max(...rows.map((r) => r.message.length));
    out.push(paint('underline', file || (options.lang === 'fi' ? '(käsikirja)' : '(handbook)')));
    for (const r of rows) {
      const cells = positionWidth > 0 ? [paint('dim', r.position.padStart(positionWidth))] : [];
      cells.push(paint(SEVERITY_STYLE[r.kind], r.kind.padEnd(kindWidth)));
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
  } else {
    const checked = count(result.charters.length, 'charter');
    out.push(paint('green', fi ? `✔ ${checked} tarkistettu, ei ongelmia` : `✔ ${checked} checked, no problems`));
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

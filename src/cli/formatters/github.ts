/**
 * The `github` output format: GitHub Actions workflow commands, which the runner turns into
 * annotations on the pull request. One command per finding and per skipped file.
 */
import type { Finding, Lang, RunResult, Severity } from '../../core/types';
import type { FormatOptions } from './types';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', note: 'notice' };

/** Escapes a command's message (its data). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a command property's value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, properties: [string, string | number][], message: string): string {
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

function findingCommand(f: Finding): string {
  const properties: [string, string | number][] = [];
  if (f.file !== '' && f.file !== '.') {
    const { start, end } = f.place;
    properties.push(['file', f.file], ['line', start.line], ['col', start.column]);
    properties.push(['endLine', end.line], ['endColumn', end.column]);
  }
  properties.push(['title', f.ruleId]);
  return command(COMMAND[f.severity], properties, f.reason);
}

const WORDS: Record<Lang, Record<'error' | 'warning' | 'note' | 'skipped', [string, string]>> = {
  en: { error: ['error', 'errors'], warning: ['warning', 'warnings'], note: ['note', 'notes'], skipped: ['file skipped', 'files skipped'] },
  fi: { error: ['virhe', 'virhettä'], warning: ['varoitus', 'varoitusta'], note: ['huomautus', 'huomautusta'], skipped: ['tiedosto ohitettu', 'tiedostoa ohitettu'] },
};

export function formatGithub(result: RunResult, options: FormatOptions): string {
  const lines = result.findings.map(findingCommand);
  for (const s of result.skipped) lines.push(command('warning', [['file', s.file]], s.reason));
  // A red job says why: --max-warnings as an error annotation, --quiet's count as a notice.
  for (const n of options.notices ?? []) lines.push(command(n.severity === 'error' ? 'error' : 'notice', [['title', 'charters']], n.message));
  const tally = (s: Severity): number => result.findings.filter((f) => f.severity === s).length;
  const words = WORDS[options.lang];
  const plural = (n: number, word: keyof typeof words): string => `${n} ${words[word][n === 1 ? 0 : 1]}`;
  const summary = [plural(tally('error'), 'error'), plural(tally('warning'), 'warning'), plural(tally('note'), 'note')];
  if (result.skipped.length > 0) summary.push(plural(result.skipped.length, 'skipped'));
  lines.push(`charters: ${summary.join(', ')}`);
  return lines.join('\n') + '\n';
}

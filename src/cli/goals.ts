/**
 * `charters goals`: every goal and indicator line of a handbook, one row per owner, for HR's
 * performance-review system or a spreadsheet. The rows come from the pure core
 * (`src/core/goals.ts`); this module reads the handbook, applies the filters and writes CSV,
 * JSON or xlsx.
 *
 * - CSV: RFC 4180 with CRLF and a UTF-8 byte-order mark; `,` by default for English output and
 *   `;` for Finnish (Finnish Excel reads `;`), `--delimiter` to choose.
 * - xlsx: written with write-excel-file (loaded only when asked for); it is binary, so it goes to
 *   `--output FILE` or to a standard output that is not a terminal.
 * - Cells that a spreadsheet would take for a formula start with `'` in CSV and xlsx.
 */
import * as nodePath from 'node:path';
import type { HandbookFs } from '../core/handbook';
import { csvText, filterGoalRows, goalRows, goalsJson, goalsTable } from '../core/goals';
import type { Lang } from '../core/types';
import type { MainParams } from './main';
import { m } from './messages';
import { nodeFs, shownPath, SymlinkRefused, writeFileAtomic } from './node-fs';
import { loadHandbook, RenderError, run, type RenderValues } from './render';

export interface GoalsValues extends RenderValues {
  owner?: string | undefined;
  tier?: string | undefined;
  unit?: string | undefined;
  delimiter?: string | undefined;
}

const FORMATS = ['csv', 'json', 'xlsx'] as const;
type GoalsFormat = (typeof FORMATS)[number];

/** `--delimiter`: a comma, a semicolon, a tab (`tab` or `\t`) or a pipe. */
export function parseDelimiter(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value === 'tab' || value === '\\t' ? '\t' : value;
  return [',', ';', '\t', '|'].includes(v) ? v : undefined;
}

export async function goalsCommand(params: MainParams, values: GoalsValues, rest: string[], cliLang: Lang, fs: HandbookFs = nodeFs): Promise<number> {
  return run(params, async () => {
    const format = (values.format ?? 'csv') as GoalsFormat;
    if (!FORMATS.includes(format)) throw new RenderError(m(cliLang, 'badGoalsFormat', values.format ?? ''));
    if (values.delimiter !== undefined && parseDelimiter(values.delimiter) === undefined) throw new RenderError(m(cliLang, 'badDelimiter', values.delimiter));
    if (format === 'xlsx' && !values.output && (params.stdoutIsTTY !== false || !params.stdoutBytes)) throw new RenderError(m(cliLang, 'xlsxNeedsOutput'));
    const hb = await loadHandbook(params, values, rest, cliLang, fs);
    if (typeof hb === 'number') return hb;
    const lookup = hb.linter.lookup;
    let tier: string | undefined;
    if (values.tier !== undefined) {
      const t = lookup.resolveTier(values.tier);
      if (!t) throw new RenderError(m(hb.lang, 'unknownTier', values.tier, lookup.framework.tiers.map((x) => `${x.id} (${x.name[hb.lang]})`).join(', ')));
      tier = t.id;
    }
    const all = goalRows(
      hb.charters.map((c) => c.charter),
      lookup,
    );
    const rows = filterGoalRows(all, { owner: values.owner, tier, unit: values.unit });
    if (rows.length === 0) params.stderr(`charters: ${m(hb.lang, all.length === 0 ? 'noGoals' : 'noGoalsMatch')}\n`);

    let data: string | Uint8Array;
    if (format === 'json') data = goalsJson(rows);
    else if (format === 'csv') data = csvText(goalsTable(rows, lookup, hb.lang), parseDelimiter(values.delimiter) ?? (hb.lang === 'fi' ? ';' : ','));
    else data = await xlsx(goalsTable(rows, lookup, hb.lang), hb.lang);

    if (values.output) {
      const out = nodePath.resolve(params.cwd, values.output);
      try {
        await writeFileAtomic(out, data);
      } catch (e) {
        if (e instanceof SymlinkRefused) throw new RenderError(m(hb.lang, 'refuseLink', values.output, shownPath(params.cwd, e.path)));
        const err = e as NodeJS.ErrnoException;
        throw new RenderError(m(hb.lang, 'cannotWrite', values.output, err.code ?? err.message));
      }
    } else if (typeof data === 'string') {
      params.stdout(data);
    } else {
      params.stdoutBytes!(data);
    }
    return 0;
  });
}

/** The table as an xlsx workbook: a bold, frozen header row, text cells, the line as a number. */
async function xlsx(table: { header: string[]; rows: (string | number)[][] }, lang: Lang): Promise<Uint8Array> {
  // Loaded here: the library (and fflate under it) is only evaluated for xlsx output.
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const header = table.header.map((value) => ({ value, fontWeight: 'bold' as const }));
  const body = table.rows.map((r) => r.map((value) => (typeof value === 'number' ? { value, type: Number } : { value, type: String })));
  const widths = [24, 18, 22, 30, 12, 60, 14, 30, 6];
  return writeXlsxFile([header, ...body], {
    sheet: lang === 'fi' ? 'Tavoitteet' : 'Goals',
    columns: widths.map((width) => ({ width })),
    stickyRowsCount: 1,
  }).toBuffer();
}

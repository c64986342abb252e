/**
 * `charters goals` as a user meets it: the real bin spawned and `main()` in process, on copies
 * of test/fixtures/render/site-owners (three charters with several owners, a goal that starts
 * with `=`), test/fixtures/render/hostile-owners.md (formula payloads in the unit, the owners,
 * the review date and the goals) and examples/handbook.
 *
 * The CSV is parsed back with a strict RFC 4180 reader (below), the xlsx is read back with
 * exceljs (not the library that wrote it), and both are compared with the JSON rows.
 *
 * Build first (`node scripts/build.mjs`): the spawned runs use `dist/cli.js`.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { runCli, type Mode } from '../helpers/run';

const ROOT = path.resolve(__dirname, '../../..');
const OWNERS = path.join(ROOT, 'test/fixtures/render/site-owners');
const TODAY = ['--today', '2027-05-20'];

const run = runCli;

/**
 * A strict RFC 4180 reader: records end with CRLF (the last one too), fields are separated by
 * `delimiter`, a field holding the delimiter, a quote, CR or LF is quoted and its quotes are
 * doubled. Anything else (a bare LF between records, a stray quote) throws.
 */
export function parseCsv(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error(`unterminated quoted field at ${i}`);
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else {
      while (i < text.length && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`a quote in an unquoted field at ${i}`);
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === delimiter) {
      i++;
      continue;
    }
    if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
      if (i === text.length) return records;
      continue;
    }
    throw new Error(`expected a delimiter or CRLF at ${i}, found ${JSON.stringify(text.slice(i, i + 5))}`);
  }
}

interface JsonRow {
  owner: string | null;
  tier: string;
  unit: string | null;
  element: string;
  label: string;
  text: string;
  nextReview: string | null;
  file: string;
  line: number;
}

let tmp: string;

beforeEach(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'charters-goals-'));
  cpSync(OWNERS, path.join(tmp, 'hb'), { recursive: true });
  mkdirSync(path.join(tmp, 'hostile'));
  cpSync(path.join(ROOT, 'test/fixtures/render/hostile-owners.md'), path.join(tmp, 'hostile/team.md'));
});

afterEach(() => {
  rmSync(tmp, { recursive: true, force: true });
});

async function jsonRows(mode: Mode, args: string[]): Promise<JsonRow[]> {
  const r = await run(mode, ['goals', ...args, '--format', 'json', ...TODAY], tmp);
  assert.equal(r.code, 0, r.stderr);
  const data = JSON.parse(r.stdout) as { schemaVersion: number; rows: JsonRow[] };
  assert.equal(data.schemaVersion, 1);
  return data.rows;
}

const FORMULA_START = /^[=+\-@\t\r]/;

async function readXlsx(bytes: Buffer): Promise<(string | number)[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const out: (string | number)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: (string | number)[] = [];
    for (let c = 1; c <= 9; c++) {
      const cell = row.getCell(c);
      assert.notEqual(cell.type, ExcelJS.ValueType.Formula, `a formula in ${cell.address}`);
      const v = cell.value;
      cells.push(v === null || v === undefined ? '' : typeof v === 'number' || typeof v === 'string' ? v : JSON.stringify(v));
    }
    out.push(cells);
  });
  return out;
}

for (const mode of ['spawned', 'in process'] as Mode[]) {
  describe(`charters goals (${mode})`, () => {
    it('JSON: one row per goal line and owner, ids, null for absent values', async () => {
      const rows = await jsonRows(mode, ['hb']);
      assert.equal(rows.length, 24);
      assert.deepEqual(Object.keys(rows[0]!), ['owner', 'tier', 'unit', 'element', 'label', 'text', 'nextReview', 'file', 'line']);
      assert.deepEqual(rows[0], {
        owner: 'Anna Laine',
        tier: 'top-management',
        unit: 'Board',
        element: 'vision-and-culture',
        label: 'Goal',
        text: 'every unit plan names one learning goal by March 2027.',
        nextReview: '2027-11-01',
        file: 'board.md',
        line: 16,
      });
      assert.deepEqual([...new Set(rows.map((r) => r.owner))].sort(), ['Anna Laine', 'Matti Virtanen', 'Pekka Mäkinen (HR; Tampere)']);
      // JSON is data: not neutralised
      assert.ok(rows.some((r) => r.text.startsWith('=SUM(1+1)')));
    });

    it('CSV (default): RFC 4180, CRLF, byte-order mark, English headers with `,`; the same rows as JSON', async () => {
      const rows = await jsonRows(mode, ['hb']);
      const r = await run(mode, ['goals', 'hb', ...TODAY], tmp);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(r.stdout.startsWith('\ufeffOwner,Tier,Unit,Element,Label,Text,Next review,File,Line\r\n'));
      const records = parseCsv(r.stdout.slice(1), ',');
      assert.equal(records.length, rows.length + 1);
      records.slice(1).forEach((rec, i) => {
        const j = rows[i]!;
        assert.deepEqual([rec[0], rec[2], rec[4], rec[7], rec[8]], [j.owner ?? '', j.unit ?? '', j.label, j.file, String(j.line)]);
        assert.equal(rec[5], FORMULA_START.test(j.text) ? `'${j.text}` : j.text);
      });
      const multi = records.find((x) => x[5]!.includes('\n'))!;
      assert.equal(multi[5], 'share of reports that led to a changed instruction\nreports discussed in the monthly meeting');
      assert.ok(records.some((x) => x[5] === "'=SUM(1+1) twice-yearly reviews held for everyone."));
    });

    it('CSV in Finnish: `;` and Finnish headers and names; --delimiter chooses', async () => {
      const fi = await run(mode, ['goals', 'hb', '--lang', 'fi', ...TODAY], tmp);
      assert.equal(fi.code, 0, fi.stderr);
      const records = parseCsv(fi.stdout.slice(1), ';');
      assert.deepEqual(records[0], ['Omistaja', 'Johtotaso', 'Yksikkö', 'Osa-alue', 'Laji', 'Teksti', 'Seuraava katselmointi', 'Tiedosto', 'Rivi']);
      assert.deepEqual(records[1]!.slice(0, 4), ['Anna Laine', 'Ylin johto', 'Board', 'Visio ja kulttuuri']);
      for (const [flag, delimiter] of [[';', ';'], ['tab', '\t'], [',', ',']] as const) {
        const r = await run(mode, ['goals', 'hb', '--delimiter', flag, ...TODAY], tmp);
        assert.equal(r.code, 0, r.stderr);
        assert.equal(parseCsv(r.stdout.slice(1), delimiter).length, 25, flag);
      }
    });

    it('xlsx to --output: read back with exceljs, the same cells as the CSV, no formula', async () => {
      const out = path.join(tmp, 'goals.xlsx');
      const r = await run(mode, ['goals', 'hb', '--format', 'xlsx', '--output', out, ...TODAY], tmp);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, '');
      const sheet = await readXlsx(readFileSync(out));
      const csv = parseCsv((await run(mode, ['goals', 'hb', ...TODAY], tmp)).stdout.slice(1), ',');
      assert.deepEqual(
        sheet,
        csv.map((rec, i) => (i === 0 ? rec : [...rec.slice(0, 8), Number(rec[8])])),
      );
      assert.equal(sheet[0]![0], 'Owner');
      assert.equal(typeof sheet[1]![8], 'number');
    });

    it('filters: --owner (forgiving), --tier (id or fi/en name), --unit; an unknown tier is a usage error', async () => {
      assert.deepEqual([...new Set((await jsonRows(mode, ['hb', '--owner', 'ANNA  laine'])).map((r) => r.owner))], ['Anna Laine']);
      assert.equal((await jsonRows(mode, ['hb', '--owner', 'pekka makinen'])).length, 7);
      for (const tier of ['supervisors', 'Esihenkilöt', 'esihenkilot', 'Supervisors (team leads)']) {
        const rows = await jsonRows(mode, ['hb', '--tier', tier]);
        assert.deepEqual([...new Set(rows.map((r) => r.tier))], ['supervisors'], tier);
      }
      assert.deepEqual([...new Set((await jsonRows(mode, ['hb', '--unit', 'operations', '--owner', 'Pekka'])).map((r) => `${r.unit} ${r.owner}`))], ['Operations Pekka Mäkinen (HR; Tampere)']);
      const none = await run(mode, ['goals', 'hb', '--unit', 'nowhere', ...TODAY], tmp);
      assert.equal(none.code, 0);
      assert.equal(parseCsv(none.stdout.slice(1), ',').length, 1, 'the header only');
      assert.match(none.stderr, /no goal or indicator line matches the filters/);
      const bad = await run(mode, ['goals', 'hb', '--tier', 'boardroom', ...TODAY], tmp);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /Unknown tier `boardroom`; the handbook has: top-management \(Top management\), middle-management/);
    });

    it('usage errors exit with 2: a bad format, a bad delimiter, xlsx with nowhere to go', async () => {
      for (const [args, message] of [
        [['goals', 'hb', '--format', 'xls'], /Unknown format `xls`: use csv, json or xlsx/],
        [['goals', 'hb', '--delimiter', '.'], /Unknown delimiter `\.`/],
        [['goals', 'hb', '--lang', 'fi', '--format', 'xls'], /Tuntematon muoto `xls`/],
      ] as [string[], RegExp][]) {
        const r = await run(mode, args, tmp);
        assert.equal(r.code, 2, args.join(' '));
        assert.match(r.stderr, message);
        assert.equal(r.stdout, '');
      }
      // --output through a symbolic link: refused, the target untouched
      writeFileSync(path.join(tmp, 'target.csv'), 'keep');
      symlinkSync(path.join(tmp, 'target.csv'), path.join(tmp, 'link.csv'));
      const link = await run(mode, ['goals', 'hb', '--output', 'link.csv', ...TODAY], tmp);
      assert.equal(link.code, 2);
      assert.match(link.stderr, /Refusing to write link\.csv: .*link\.csv is a symbolic link/);
      assert.equal(readFileSync(path.join(tmp, 'target.csv'), 'utf8'), 'keep');
      if (mode === 'in process') {
        // no binary channel: xlsx needs --output
        const r = await run(mode, ['goals', 'hb', '--format', 'xlsx'], tmp);
        assert.equal(r.code, 2);
        assert.match(r.stderr, /xlsx file is binary: give --output FILE/);
      }
    });

    it('formula injection: no CSV or xlsx cell starts with =, +, -, @, a tab or CR', async () => {
      const r = await run(mode, ['goals', 'hostile', ...TODAY], tmp);
      assert.equal(r.code, 0, r.stderr);
      const records = parseCsv(r.stdout.slice(1), ',');
      assert.ok(records.length > 8, 'the hostile charter has goal rows');
      for (const rec of records) for (const cell of rec) assert.doesNotMatch(cell, FORMULA_START, cell);
      // the payloads are still there, after the quote
      const cells = records.flat();
      for (const payload of ["'=HYPERLINK(", "'@SUM(1+1)", "'-2+3 Third Owner", "'+1-2027-06-01", "'=cmd|' /C calc'!A0 formula goal words", "'+SUM(1;2) plus goal words", "'@import at goal words", "'-1 minus goal words"]) {
        assert.ok(cells.some((c) => c.startsWith(payload)), payload);
      }
      const out = path.join(tmp, 'hostile.xlsx');
      assert.equal((await run(mode, ['goals', 'hostile', '--format', 'xlsx', '-o', out, ...TODAY], tmp)).code, 0);
      const sheet = await readXlsx(readFileSync(out));
      assert.equal(sheet.length, records.length);
      for (const row of sheet) for (const cell of row) if (typeof cell === 'string') assert.doesNotMatch(cell, FORMULA_START, cell);
    });
  });
}

describe('charters goals (spawned, binary standard output)', () => {
  it('xlsx goes to a standard output that is not a terminal', async () => {
    const r = await run('spawned', ['goals', 'hb', '--format', 'xlsx', ...TODAY], tmp);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.bytes.subarray(0, 2).toString('latin1'), 'PK');
    const sheet = await readXlsx(r.bytes);
    assert.equal(sheet.length, 25);
  });

  it('examples/handbook: one row per goal line, Finnish by the handbook', async () => {
    const r = await run('spawned', ['goals', path.join(ROOT, 'examples/handbook'), '--format', 'json', ...TODAY], tmp);
    assert.equal(r.code, 0, r.stderr);
    const rows = (JSON.parse(r.stdout) as { rows: JsonRow[] }).rows;
    assert.ok(rows.length >= 40, String(rows.length));
    assert.ok(rows.every((x) => x.owner && x.unit && x.text.length > 10));
    const csv = await run('spawned', ['goals', path.join(ROOT, 'examples/handbook'), ...TODAY], tmp);
    const records = parseCsv(csv.stdout.slice(1), ';');
    assert.equal(records[0]![0], 'Omistaja');
    assert.equal(records.length, rows.length + 1);
  });
});

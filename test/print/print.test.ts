/**
 * The site prints: `charters render --print` on examples/handbook, print.html printed to PDF by
 * Chromium (headless, as a user's "Save as PDF"), and poppler's `pdftotext`/`pdfinfo` reading the
 * PDF back (`-raw`: in the order the page draws it, so a table cell's lines stay together): every unit, owner, element heading and goal line of the handbook is in the text, and
 * no page is wider than A4 landscape (842 × 595 pt). Also the screen: at 1400 px the index's
 * matrix does not scroll sideways.
 *
 * Installs nothing: it needs /usr/bin/chromium (or $CHROMIUM) and poppler-utils, which
 * scripts/setup-vscode.sh installs; run it after that setup (`npm run test:print`).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseConfig } from '../../src/core/config';
import { Linter } from '../../src/core/lint';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin/charters.js');
const HANDBOOK = path.join(ROOT, 'examples/handbook');
const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';
const TODAY = '2026-12-01';

let tmp: string;

/** Whitespace and soft hyphens out, ligatures unfolded: text as a PDF extraction may lay it out. */
function squeeze(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u00ad]+/g, '');
}

/** Units, owners, element headings as written and goal lines of every charter of the handbook. */
function expectedTexts(): { kind: string; text: string; file: string }[] {
  const cfg = parseConfig(readFileSync(path.join(HANDBOOK, 'charters.yaml'), 'utf8'));
  assert.ok(cfg.ok);
  const linter = new Linter(cfg.config, 'fi');
  const out: { kind: string; text: string; file: string }[] = [];
  const files = (readdirSync(HANDBOOK, { recursive: true }) as string[]).filter((f) => f.endsWith('.md') && !f.endsWith('README.md'));
  assert.ok(files.length >= 5);
  for (const f of files) {
    const r = linter.lintText(f, readFileSync(path.join(HANDBOOK, f), 'utf8'), { today: TODAY });
    assert.ok(r.summary, f);
    out.push({ kind: 'unit', text: r.charter.unit!, file: f }, { kind: 'owner', text: r.charter.owner!, file: f });
    for (const occ of r.charter.occurrences) {
      out.push({ kind: 'element', text: occ.title.replace(/^[^\p{L}\p{N}]+/u, '').replace(/[:：]\s*$/, ''), file: f });
      for (const g of occ.goals) out.push({ kind: 'goal', text: g.text, file: f });
    }
  }
  return out;
}

before(function () {
  const chromium = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' });
  const poppler = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  if (chromium.status !== 0 || poppler.error) {
    throw new Error(`test:print needs ${CHROMIUM} and poppler-utils (pdftotext, pdfinfo): run \`npm run setup:vscode\` (scripts/setup-vscode.sh installs both)`);
  }
  tmp = mkdtempSync(path.join(tmpdir(), 'charters-print-'));
  // The handbook in a git repository of its own, in three dated commits (the supervisors'
  // charters come second, a goal line goes in the third), so that the print edition has a history.
  const repo = path.join(tmp, 'repo');
  const hb = path.join(repo, 'handbook');
  cpSync(HANDBOOK, hb, { recursive: true });
  const git = (args: string[], date?: string): void => {
    const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: tmp, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org', ...(date ? { GIT_AUTHOR_DATE: `${date}T10:00:00+02:00`, GIT_COMMITTER_DATE: `${date}T10:00:00+02:00` } : {}) };
    execFileSync('git', args, { cwd: repo, env, stdio: 'ignore' });
  };
  const supervisors = path.join(hb, 'charters/esihenkilot');
  const aside = path.join(tmp, 'esihenkilot');
  renameSync(supervisors, aside);
  const production = path.join(hb, 'charters/keskijohto/tuotanto.md');
  const original = readFileSync(production, 'utf8');
  writeFileSync(production, original.replace(/^- Tavoite:/m, '- Ajatus:'));
  git(['init', '-q']);
  git(['add', '-A']);
  git(['commit', '-q', '-m', 'Ylin johto ja keskijohto'], '2026-03-02');
  renameSync(aside, supervisors);
  git(['add', '-A']);
  git(['commit', '-q', '-m', 'Esihenkilöt'], '2026-06-01');
  writeFileSync(production, original);
  git(['add', '-A']);
  git(['commit', '-q', '-m', 'Tuotanto: tavoite'], '2026-09-01');
  const r = spawnSync(process.execPath, [BIN, 'render', hb, '--out', path.join(tmp, 'site'), '--print', '--today', TODAY], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: path.join(tmp, 'cache') } });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(existsSync(path.join(tmp, 'site/print.html')));
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function printToPdf(html: string, pdf: string): void {
  execFileSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${path.join(tmp, 'chromium-profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`,
      `file://${html}`,
    ],
    { stdio: 'ignore', timeout: 120_000 },
  );
  assert.ok(existsSync(pdf), `${pdf} was written`);
}

/** Width and height in points of every page. */
function pageSizes(pdf: string): [number, number][] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '100000', pdf], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Number(m[1]), Number(m[2])] as [number, number]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  assert.equal(sizes.length, pages, 'a size for every page');
  return sizes;
}

describe('the print edition (Chromium → PDF → pdftotext)', function () {
  this.timeout(180_000);

  it('holds every unit, owner, element and goal of the handbook; no page wider than A4 landscape', () => {
    const pdf = path.join(tmp, 'print.pdf');
    printToPdf(path.join(tmp, 'site/print.html'), pdf);
    const sizes = pageSizes(pdf);
    assert.ok(sizes.length >= 10, `${sizes.length} pages`);
    for (const [i, [w, hgt]] of sizes.entries()) {
      assert.ok(w <= 842.5 && hgt <= 842.5, `page ${i + 1} is ${w} × ${hgt} pt`);
    }
    assert.ok(sizes.some(([w, hgt]) => w > hgt), 'the matrix has landscape pages');
    assert.ok(sizes.some(([w, hgt]) => w < hgt), 'the charters have portrait pages');
    const text = squeeze(execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
    const expected = expectedTexts();
    assert.ok(expected.filter((e) => e.kind === 'goal').length >= 20);
    const missing = expected.filter((e) => !text.includes(squeeze(e.text)));
    assert.deepEqual(missing, [], 'texts missing from the PDF');
    for (const t of ['Mikä kenenkin hommaa on', 'Seurannan yhteenveto', 'Määritellyt osa-alueet johtotasoittain', 'Yksi piste jokaisen käsikirjaa muuttaneen muutoksen (commit) jälkeen (3 muutosta)']) assert.ok(text.includes(squeeze(t)), t);
  });

  it('the site index prints the matrix one tier per table, nothing wider than A4 landscape', () => {
    const pdf = path.join(tmp, 'index.pdf');
    printToPdf(path.join(tmp, 'site/index.html'), pdf);
    for (const [i, [w]] of pageSizes(pdf).entries()) assert.ok(w <= 842.5, `page ${i + 1} is ${w} pt wide`);
    const text = squeeze(execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }));
    // every charter's column header (unit) and owner is on paper, none cut off at the right
    for (const e of expectedTexts().filter((x) => x.kind === 'owner')) assert.ok(text.includes(squeeze(e.text)), e.text);
  });
});

describe('the site on screen (Chromium through playwright-core)', function () {
  this.timeout(180_000);

  it('at 1400 px the matrix does not scroll sideways, nor the history page; printed, nothing passes the page edge', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      for (const file of ['index.html', 'history.html']) {
        await page.goto(`file://${path.join(tmp, 'site', file)}`);
        // A string, so that the test needs no DOM typings: the page's elements that could scroll.
        const overflow = (await page.evaluate(`[document.documentElement, ...document.querySelectorAll('.matrix-scroll, .table-scroll, .history-table')]
          .filter((e) => e.offsetParent !== null || e === document.documentElement)
          .map((e) => ({ name: e.className || e.tagName, scroll: e.scrollWidth, client: e.clientWidth }))`)) as { name: string; scroll: number; client: number }[];
        assert.ok(overflow.length > 1, `${file}: elements measured`);
        for (const o of overflow) assert.ok(o.scroll <= o.client + 1, `${file}: ${o.name} is ${o.scroll} px wide in ${o.client} px`);
      }
      // Printed: the print edition laid out for A4 portrait's printable width (210 mm less the
      // margins, 186 mm ≈ 703 px); nothing may reach past the right edge.
      await page.setViewportSize({ width: 703, height: 1000 });
      await page.emulateMedia({ media: 'print' });
      await page.goto(`file://${path.join(tmp, 'site', 'print.html')}`);
      const wide = (await page.evaluate(`[...document.querySelectorAll('main *')]
        .filter((e) => e.getClientRects().length > 0 && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .slice(0, 5).map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))`)) as string[];
      assert.deepEqual(wide, [], 'elements past the right edge of the printed page');
    } finally {
      await browser.close();
    }
  });
});

/**
 * Charter content is untrusted. test/fixtures/render/hostile.md carries script tags, event
 * handlers, javascript:/vbscript:/data: URLs (mixed case, entity-encoded, with a tab, as an
 * autolink and a reference), iframe, object, embed, form, svg onload, math, meta refresh, base,
 * link, style, CSS url(javascript:), a fenced code block whose info string closes the attribute,
 * a link title that tries to add an attribute, and the same payloads in the frontmatter (tier,
 * tiers, unit, owner, reviewed, next-review). The output is parsed with a real HTML parser and
 * must hold nothing executable, in the preview fragment, the matrix (HTML and Markdown) and every
 * page of the static site, while the author's words stay visible.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Nodes as MdNode } from 'mdast';
import { parseConfig } from '../../../src/core/config';
import { parseMarkdown } from '../../../src/core/parse';
import { Linter } from '../../../src/core/lint';
import { renderCharterHtml } from '../../../src/core/render/charter';
import { buildMatrix, matrixHtml, matrixMarkdown } from '../../../src/core/render/matrix';
import { page } from '../../../src/core/render/page';
import { buildSite } from '../../../src/core/render/site';
import { buildPrintEdition } from '../../../src/core/render/print';
import { changesSince, charterFacts, historySeries, planSamples, type HistoryCommit } from '../../../src/core/history';
import type { Lang } from '../../../src/core/types';
import { assertSafeFragment, assertSafePage, visibleText } from './assert-safe';

const ROOT = path.resolve(__dirname, '../../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/render');
const TODAY = '2027-01-15';
const hostile = readFileSync(path.join(FIXTURES, 'hostile.md'), 'utf8');

/** Words of the hostile charter that a reader must still see (body and frontmatter). */
const WORDS = [
  'title words',
  'inline words',
  'javascript link words',
  'vbscript words',
  'entity words',
  'tab words',
  'spaced words',
  'reference words',
  'object words',
  'form words',
  'mixed case words',
  'Styled words',
  'quoted title words',
  'code words',
  'Virheistä puhutaan avoimesti',
  'aamupalaverissa',
  'pulssikysely neljännesvuosittain',
  'Hostile unit',
  'Owner Name',
];

const squash = (s: string): string => s.replace(/\s+/g, ' ');

/** Every node of a Markdown text, as remark (CommonMark) reads it. */
function mdNodes(md: string): MdNode[] {
  const out: MdNode[] = [];
  const walk = (n: MdNode): void => {
    out.push(n);
    if ('children' in n) n.children.forEach((c) => walk(c));
  };
  walk(parseMarkdown(md));
  return out;
}

for (const lang of ['fi', 'en'] as Lang[]) {
  describe(`render: hostile charter (${lang})`, () => {
    const linter = new Linter(undefined, lang);
    const result = linter.lintText('hostile.md', hostile, { today: TODAY });

    it('the preview fragment holds nothing executable and keeps the words', () => {
      const html = renderCharterHtml(result, linter.lookup, { lang, today: TODAY });
      const tree = assertSafeFragment(html, 'preview');
      const text = squash(visibleText(tree));
      for (const w of WORDS) assert.ok(text.includes(w), `"${w}" not visible`);
      // the frontmatter payloads are shown as text, escaped, not as markup
      assert.ok(text.includes(`<svg onload=alert('owner')> "quoted" & 'single' <a href=javascript:alert(1)>Owner Name</a>`));
      assert.ok(text.includes(`<script>alert('tier')</script>`));
    });

    it('also with hostile link callbacks and a hostile id prefix', () => {
      const html = renderCharterHtml(result, linter.lookup, {
        lang,
        today: TODAY,
        idPrefix: '"><script>alert(1)</script>',
        linkForElement: () => ' JaVaScRiPt:alert(1)',
        linkForLine: () => 'data:text/html,<script>alert(1)</script>',
        rewriteLink: () => 'javascript:alert(1)',
      });
      assertSafeFragment(html, 'preview with hostile options');
    });

    it('the matrix (HTML) holds nothing executable, even with a hostile linkFor', () => {
      const model = buildMatrix([result.summary!], linter.lookup, TODAY);
      for (const linkFor of [() => 'hostile.html', () => 'javascript:alert(1)', () => '&#106;avascript:alert(1)']) {
        const tree = assertSafeFragment(matrixHtml(model, lang, linkFor), 'matrix');
        const text = squash(visibleText(tree));
        assert.ok(text.includes('Hostile unit') && text.includes('Owner Name'));
      }
    });

    it('the matrix (Markdown) has no raw HTML, links or table breakers from the frontmatter', () => {
      const model = buildMatrix([result.summary!], linter.lookup, TODAY);
      const md = matrixMarkdown(model, lang, () => 'javascript:alert(1)');
      assert.doesNotMatch(md, /<(?:img|svg|script|a)\b/i, 'raw HTML in the Markdown');
      assert.doesNotMatch(md, /\]\(javascript:/i);
      // read back as Markdown: no HTML node, no link anywhere but where the table links a unit
      const nodes = mdNodes(md);
      assert.deepEqual(nodes.filter((n) => n.type === 'html'), []);
      assert.deepEqual(nodes.filter((n) => n.type === 'link'), []);
      const header = md.split('\n').find((l) => l.includes('Hostile unit'))!;
      assert.equal(header.split(/(?<!\\)\|/).length, 4, `a pipe broke the table: ${header}`);
    });

    it('every page of the static site is safe, with a strict CSP and no script', () => {
      const clean = readFileSync(path.join(FIXTURES, 'clean-fi.md'), 'utf8');
      const site = buildSite({
        charters: [result, linter.lintText('teams/clean.md', clean, { today: TODAY })],
        lookup: linter.lookup,
        lang,
        today: TODAY,
        name: '<img src=x onerror=alert("name")>',
        css: '/* css */',
        handbookFindings: linter.lintHandbook([result.summary!], 'charters.yaml'),
        skipped: [{ file: '<script>alert(1)</script>.md', reason: '<img src=x onerror=alert(1)>' }],
        version: 'test',
      });
      const pages = site.files.filter((f) => f.path.endsWith('.html'));
      assert.deepEqual(pages.map((f) => f.path).sort(), [
        'hostile.html',
        'index.html',
        'leaders/sari-nieminen-kayttopaallikko.html',
        'leaders/svg-onload-alert-owner-quoted-single-a-href-javascript-alert.html',
        'teams/clean.html',
      ]);
      for (const f of pages) {
        const tree = assertSafePage(f.text, f.path);
        assert.doesNotMatch(f.text, /<script/i);
        if (f.path === 'hostile.html') {
          const text = squash(visibleText(tree));
          for (const w of WORDS) assert.ok(text.includes(w), `${f.path}: "${w}" not visible`);
        }
      }
      const index = squash(visibleText(fromHtml(pages.find((p) => p.path === 'index.html')!.text)));
      assert.ok(index.includes('Hostile unit') && index.includes('Owner Name'));
    });
  });
}

/**
 * test/fixtures/render/hostile-owners.md puts the payloads where the new views show them: in
 * the element sections (the matrix cells' sentences and goals, the leader pages' element text)
 * and in a list of owners (leader pages, their names and paths, the matrix's owner links).
 */
const hostileOwners = readFileSync(path.join(FIXTURES, 'hostile-owners.md'), 'utf8');
const OWNER_WORDS = ['Team words start here', 'individual words', 'Agile words', 'Safety words', 'formula goal words', 'plus goal words', 'list goal words', 'First Owner', 'Second Owner', 'Fourth Owner'];

for (const lang of ['fi', 'en'] as Lang[]) {
  describe(`render: hostile cells and leader pages (${lang})`, () => {
    const linter = new Linter(undefined, lang);
    const results = [linter.lintText('teams/owners.md', hostileOwners, { today: TODAY }), linter.lintText('hostile.md', hostile, { today: TODAY })];
    const byFile = new Map(results.map((r) => [r.charter.file, r.charter]));
    const model = buildMatrix(results.map((r) => r.summary!), linter.lookup, TODAY, (file) => byFile.get(file));

    it('matrix cells with their sentences and goals hold nothing executable, even with hostile links', () => {
      assert.ok(model.rows.some((r) => r.cells.some((c) => c?.goals && c.goals.length > 0)), 'the cells have content');
      for (const href of ['javascript:alert(1)', '&#106;avascript:alert(1)', ' JAVASCRIPT:alert(1)', 'data:text/html,x', '"><script>alert(1)</script>']) {
        const html = matrixHtml(model, lang, () => href, { linkForOwner: () => href });
        const tree = assertSafeFragment(html, 'matrix');
        const text = squash(visibleText(tree));
        for (const w of ['Team words start here', 'formula goal words', 'list goal words', 'Agile words', 'First Owner']) assert.ok(text.includes(w), `"${w}" not visible`);
      }
      const md = matrixMarkdown(model, lang, () => 'javascript:alert(1)');
      assert.doesNotMatch(md, /<(?:img|svg|script|iframe|object|style|a)\b/i, 'raw HTML in the Markdown');
      const nodes = mdNodes(md);
      assert.deepEqual(nodes.filter((n) => n.type === 'html'), []);
      assert.deepEqual(nodes.filter((n) => n.type === 'link'), []);
      assert.ok(md.includes('formula goal words'));
    });

    it('every leader page is safe, with a strict CSP, and keeps the words; no path leaves leaders/', () => {
      const site = buildSite({ charters: results, lookup: linter.lookup, lang, today: TODAY, name: '<img src=x onerror=alert("name")>', css: '' });
      const leaders = [...site.leaders.values()];
      assert.equal(leaders.length, 5, 'four owners of owners.md and the one of hostile.md');
      for (const p of leaders) assert.match(p, /^leaders\/[a-z0-9-]+\.html$/);
      for (const p of leaders) {
        const f = site.files.find((x) => x.path === p)!;
        const tree = assertSafePage(f.text, p);
        assert.doesNotMatch(f.text, /<script/i);
        const text = squash(visibleText(tree));
        if (text.includes('Hostile team')) for (const w of OWNER_WORDS) assert.ok(text.includes(w), `${p}: "${w}" not visible`);
      }
      const index = site.files.find((f) => f.path === 'index.html')!;
      assertSafePage(index.text, 'index.html');
    });
  });
}

describe('render: hostile handbook configuration', () => {
  it('tier and element names from charters.yaml are escaped everywhere', () => {
    const cfg = parseConfig(
      [
        'framework:',
        '  tiers:',
        '    - id: board',
        `      name: "<img src=x onerror=alert('tier')> Board"`,
        `      role: "<script>alert('role')</script> Oversight"`,
        '      elements:',
        '        - id: oversight',
        `          name: "<svg onload=alert('element')> Oversight of learning"`,
        '',
      ].join('\n'),
    );
    assert.ok(cfg.ok, JSON.stringify(!cfg.ok && cfg.errors));
    const linter = new Linter(cfg.config, 'en');
    const doc = `---\ntier: board\nowner: X\nnext-review: 2027-06-01\nlang: en\n---\n\n# Board\n\n## Something else\n\nText.\n`;
    const result = linter.lintText('board.md', doc, { today: TODAY });
    const tree = assertSafeFragment(renderCharterHtml(result, linter.lookup, { lang: 'en', today: TODAY }), 'preview');
    assert.ok(squash(visibleText(tree)).includes("<img src=x onerror=alert('tier')> Board"));
    const model = buildMatrix([result.summary!], linter.lookup, TODAY);
    assertSafeFragment(matrixHtml(model, 'en', () => '#'), 'matrix');
    const md = matrixMarkdown(model, 'en');
    assert.doesNotMatch(md, /<(?:img|svg|script)\b/i);
    assert.deepEqual(mdNodes(md).filter((n) => n.type === 'html'), []);
    assert.ok(md.includes("&lt;img src=x onerror=alert('tier')&gt; Board"));
  });
});

describe('render: history and print pages', () => {
  it('hostile tier names, commit subjects and charter text stay text on history.html, charter pages and print.html', () => {
    const cfg = parseConfig(
      ['title: "<script>alert(\'title\')</script> Handbook"', 'framework:', '  tiers:', '    - id: board', `      name: "<img src=x onerror=alert('tier')> Board"`, '      elements:', '        - id: oversight', `          name: "<svg onload=alert('element')> Oversight"`, ''].join('\n'),
    );
    assert.ok(cfg.ok, JSON.stringify(!cfg.ok && cfg.errors));
    const linter = new Linter(cfg.config, 'en');
    const doc = (extra: string): string => `---\ntier: board\nowner: X\nnext-review: 2027-06-01\nreviewed: 2027-01-01\nlang: en\n---\n\n# Board\n\n## Oversight\n\nText ${extra}.\n\nGoal: one.\n`;
    const v1 = linter.lintText('board.md', doc('one'), { today: TODAY });
    const v2 = linter.lintText('board.md', doc('<img src=x onerror=alert(2)>'), { today: TODAY });
    const subject = `<script>alert('subject')</script><svg onload=alert(1)> change`;
    const commits: HistoryCommit[] = [
      { id: 'a'.repeat(40), date: '2027-01-01', subject: 'start', changes: [{ path: 'board.md', before: null, after: 'v1' }] },
      { id: 'b'.repeat(40), date: '2027-01-10', subject, changes: [{ path: 'board.md', before: 'v1', after: 'v2' }] },
    ];
    const facts = new Map([['v1', charterFacts(v1, linter.lookup)], ['v2', charterFacts(v2, linter.lookup)]]);
    const plan = planSamples(commits, { today: TODAY });
    const tiers = linter.lookup.framework.tiers.map((t) => ({ id: t.id, name: t.name }));
    const series = historySeries({ commits, ...plan, facts: (k) => facts.get(k), tiers, today: TODAY });
    const history = { series, changes: new Map([['board.md', { since: '2027-01-01', changes: changesSince(commits, 'board.md', '2027-01-01', (k) => facts.get(k)) }]]) };
    const input = { charters: [v2], lookup: linter.lookup, lang: 'en' as Lang, today: TODAY, name: cfg.config.title!, css: '', history };
    const site = buildSite(input);
    const pages = Object.fromEntries(site.files.map((f) => [f.path, f.text]));
    for (const [file, html] of Object.entries(pages)) if (file.endsWith('.html')) assertSafePage(html, file);
    const hist = squash(visibleText(fromHtml(pages['history.html']!)));
    assert.ok(hist.includes("<img src=x onerror=alert('tier')> Board"), 'the tier name is text in the chart legend and tables');
    assert.ok(hist.includes("<script>alert('title')</script> Handbook"));
    assert.match(pages['history.html']!, /<title id="chart-defined-title">/);
    const board = squash(visibleText(fromHtml(pages['board.html']!)));
    assert.ok(board.includes(subject), 'the commit subject is text');
    assert.ok(board.includes("Changed: <svg onload=alert('element')> Oversight"));
    const print = buildPrintEdition({ ...input, cspNonce: 'abcdefgh12345678' });
    const tree = assertSafePage(print, 'print.html');
    const text = squash(visibleText(tree));
    for (const w of [subject, "<img src=x onerror=alert('tier')> Board", 'Text <img src=x onerror=alert(2)>.']) assert.ok(text.includes(w), w);
  });
});

describe('render: page', () => {
  it('a page has lang, a strict CSP, no script, and escapes its title', () => {
    const html = page({ title: '</title><script>alert(1)</script>', lang: 'fi', cssHref: 'charters.css', body: '<p>x</p>' });
    const tree = assertSafePage(html);
    assert.match(html, /<html lang="fi">/);
    assert.match(html, /content="default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'"/);
    assert.equal(squash(visibleText(tree)).trim(), 'x');
  });

  it('inline CSS is allowed by its nonce only; a script needs a nonce too', () => {
    const html = page({ title: 't', lang: 'en', inlineCss: 'body{color:red}</style><script>alert(1)</script>', cspNonce: 'abcdefgh12345678', body: '' });
    assertSafePage(html);
    assert.match(html, /style-src 'nonce-abcdefgh12345678'/);
    assert.doesNotMatch(html, /unsafe-inline/);
    assert.throws(() => page({ title: 't', lang: 'en', cssHref: 'a.css', scriptHref: 'a.js', body: '' }), /cspNonce/);
    assert.throws(() => page({ title: 't', lang: 'en', inlineCss: '', cspNonce: "x' 'unsafe-inline", body: '' }), /cspNonce/);
    const webview = page({ title: 't', lang: 'en', cssHref: 'a.css', cspNonce: 'abcdefgh12345678', scriptHref: 'main.js', cspSource: 'https://file+.vscode-resource.vscode-cdn.net', body: '' });
    assert.match(webview, /script-src 'nonce-abcdefgh12345678'; base-uri 'none'/);
    assert.match(webview, /style-src 'self' https:\/\/file\+\.vscode-resource\.vscode-cdn\.net/);
  });
});

/**
 * The static site as files (pure, before the CLI writes them): where each page goes, how pages
 * link to each other, and that no path can leave the output directory.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { Linter } from '../../../src/core/lint';
import { buildSite, relativeHref, sitePagePath } from '../../../src/core/render/site';
import { assertSafePage } from './assert-safe';

const ROOT = path.resolve(__dirname, '../../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/render');
const TODAY = '2027-01-15';

function links(html: string): string[] {
  const out: string[] = [];
  const walk = (n: Nodes): void => {
    if (n.type === 'element' && n.tagName === 'a' && n.properties['href'] !== undefined) out.push(String((n as Element).properties['href']));
    if ('children' in n) n.children.forEach((c) => walk(c as Nodes));
  };
  walk(fromHtml(html));
  return out;
}

describe('render: site paths', () => {
  it('a page mirrors its charter: .md → .html', () => {
    assert.equal(sitePagePath('supervisors.md'), 'supervisors.html');
    assert.equal(sitePagePath('charters/keskijohto/tuotanto.md'), 'charters/keskijohto/tuotanto.html');
    assert.equal(sitePagePath('a/B.Markdown'), 'a/B.html');
    assert.equal(sitePagePath('yksikkö ja tiimi.md'), 'yksikkö ja tiimi.html');
  });

  it('no path can leave the output directory', () => {
    for (const bad of ['../../evil.md', '../evil.md', 'a/../../evil.md', 'a/./b.md', '/etc/evil.md', 'C:/evil.md', 'c:evil.md', 'a\\..\\..\\evil.md', '..\\evil.md', 'a//b.md', 'a/ /b.md', 'a/\u0000.md', 'a/\n.md', '', '.md', '..', 'a/...']) {
      assert.equal(sitePagePath(bad), undefined, JSON.stringify(bad));
    }
  });

  it('relative hrefs between pages, encoded', () => {
    assert.equal(relativeHref('index.html', 'a/b c.html'), 'a/b%20c.html');
    assert.equal(relativeHref('a/b/c.html', 'charters.css'), '../../charters.css');
    assert.equal(relativeHref('a/b/c.html', 'a/d.html'), '../d.html');
    assert.equal(relativeHref('a/b.html', 'a/b.html'), 'b.html');
  });
});

describe('render: site', () => {
  const linter = new Linter(undefined, 'fi');
  const read = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');
  const charters = [
    linter.lintText('esihenkilot/kaarnakoski.md', read('clean-fi.md'), { today: TODAY }),
    linter.lintText('keskijohto/asiakaspalvelu.md', read('defects-en.md'), { today: TODAY }),
    linter.lintText('index.md', read('article-multi.md'), { today: TODAY }),
    linter.lintText('Index.markdown', read('article-multi.md'), { today: TODAY }),
    linter.lintText('README.md', '# Not a charter\n', { today: TODAY }),
  ];
  const site = buildSite({ charters, lookup: linter.lookup, lang: 'fi', today: TODAY, name: 'Käsikirja', css: 'body{}', version: '9.9.9' });
  const file = (p: string): string => site.files.find((f) => f.path === p)!.text;

  it('writes an index, a page per charter and the stylesheet; a charter never takes the index name', () => {
    assert.deepEqual(site.files.map((f) => f.path).sort(), [
      'Index-2.html',
      'charters.css',
      'esihenkilot/kaarnakoski.html',
      'index-3.html',
      'index.html',
      'keskijohto/asiakaspalvelu.html',
      'leaders/henna-koskinen.html',
      'leaders/jonas-berg.html',
      'leaders/sari-nieminen-kayttopaallikko.html',
    ]);
    assert.equal(file('charters.css'), 'body{}');
    assert.equal(site.pages.get('Index.markdown'), 'Index-2.html');
    assert.equal(site.pages.get('index.md'), 'index-3.html');
    assert.deepEqual(site.rejected, []);
    for (const f of site.files.filter((x) => x.path.endsWith('.html'))) assertSafePage(f.text, f.path);
  });

  it('the index links every charter page and the matrix cells open the element', () => {
    const hrefs = links(file('index.html'));
    for (const p of ['esihenkilot/kaarnakoski.html', 'keskijohto/asiakaspalvelu.html', 'Index-2.html', 'index-3.html']) assert.ok(hrefs.includes(p), p);
    assert.ok(hrefs.includes('esihenkilot/kaarnakoski.html#el-psychological-safety'));
    // a missing element opens its checklist entry, which the page has
    assert.ok(hrefs.includes('keskijohto/asiakaspalvelu.html#check-coaching-supervisors'));
    assert.match(file('keskijohto/asiakaspalvelu.html'), /id="check-coaching-supervisors"/);
    assert.match(file('index.html'), /<link rel="stylesheet" href="charters.css">/);
  });

  it('a charter page links back to the index and its stylesheet relatively; links to other charters go to their pages', () => {
    const page = file('esihenkilot/kaarnakoski.html');
    assert.match(page, /<link rel="stylesheet" href="..\/charters.css">/);
    const hrefs = links(page);
    assert.ok(hrefs.includes('../index.html'));
    // clean-fi.md links to ../keskijohto/tuotanto.md, which is not in this site: left as written
    assert.ok(hrefs.includes('../keskijohto/tuotanto.md'));
    const other = buildSite({
      charters: [linter.lintText('esihenkilot/kaarnakoski.md', read('clean-fi.md'), { today: TODAY }), linter.lintText('keskijohto/tuotanto.md', read('defects-en.md'), { today: TODAY })],
      lookup: linter.lookup,
      lang: 'fi',
      today: TODAY,
      name: 'x',
      css: '',
    });
    assert.ok(links(other.files.find((f) => f.path === 'esihenkilot/kaarnakoski.html')!.text).includes('../keskijohto/tuotanto.html'));
  });

  it('a charter whose path could leave the site gets no page and is listed on the index', () => {
    const odd = buildSite({ charters: [linter.lintText('../../evil.md', read('clean-fi.md'), { today: TODAY })], lookup: linter.lookup, lang: 'en', today: TODAY, name: 'x', css: '' });
    assert.deepEqual(odd.rejected, ['../../evil.md']);
    // its owner's page still lists it, without a link
    assert.deepEqual(odd.files.map((f) => f.path), ['index.html', 'leaders/sari-nieminen-kayttopaallikko.html', 'charters.css']);
    assert.match(odd.files[0]!.text, /<code>..\/..\/evil.md<\/code>: unsafe output path/);
  });

  it('the pages have the language and a print-friendly structure (nav to hide, cards)', () => {
    const page = file('keskijohto/asiakaspalvelu.html');
    assert.match(page, /^<!doctype html>\n<html lang="fi">/);
    assert.match(page, /<nav class="site-nav"/);
    assert.match(page, /<header class="card charter-card"/);
    assert.match(page, /<section class="charter-body markdown-body" id="body" lang="en">/);
  });
});

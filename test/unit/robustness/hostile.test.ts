/**
 * Hostile input against the core: what a broken, adversarial or just odd handbook does to
 * `Linter.lintText`, `parseConfig`, `discover` and `lintFiles`. Every case must end quickly with
 * a finding or a skipped-file reason that names the file (and, where there is one, the line),
 * and the run must go on with the other files. The same files through the real bin are in
 * test/cli/hostile.test.ts; big files (10 MB, 100,000 headings) are only there.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeFs, toCorePath } from '../../../src/cli/node-fs';
import { parseConfig, defaultConfig, type ResolvedConfig } from '../../../src/core/config';
import { discover, type DirEntry, type HandbookFs } from '../../../src/core/handbook';
import { lintFiles, type LintFilesOptions } from '../../../src/core/pipeline';
import { Linter, MAX_BLOCKS, MAX_HEADING_MARKERS, MAX_NESTING, MAX_YAML_VALUES, markdownComplexity, type LintTextOptions, type CharterLint } from '../../../src/core/lint';
import type { Lang, RunResult } from '../../../src/core/types';
import { TODAY, repoRoot } from '../../helpers/paths';

const enc = (s: string) => new TextEncoder().encode(s);
const FM = '---\ntier: supervisors\nowner: Maija\nnext-review: 2027-01-01\n---\n\n';
const linters: Record<Lang, Linter> = { fi: new Linter(defaultConfig(), 'fi'), en: new Linter(defaultConfig(), 'en') };
const lint = (text: string, lang: Lang = 'en', options: LintTextOptions = {}) => linters[lang].lintText('c.md', text, { today: TODAY, ...options });

/** A billion laughs: ten anchors, each a list of nine aliases of the previous one (9^9 values). */
function aliasBomb(indent = ''): string {
  const names = 'abcdefghij';
  const lines = [`${indent}a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`];
  for (let i = 1; i < names.length; i++) lines.push(`${indent}${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(', ')}]`);
  return lines.join('\n');
}

/**
 * A file system in a Map, with what a real tree can hold: files that fail to read (EACCES,
 * ENOENT), symbolic links (to files or directories, inside or outside the handbook, looping),
 * and a record of every path read.
 */
class HostileFs implements HandbookFs {
  readonly files = new Map<string, Uint8Array>();
  readonly failing = new Map<string, string>();
  /** Folders that cannot be listed, with the error code. */
  readonly closed = new Map<string, string>();
  readonly links = new Map<string, string>();
  readonly reads: string[] = [];
  /** Called on every read: lets a test change a file between the lint's read and the write. */
  onRead: ((path: string, count: number) => void) | undefined;

  constructor(files: Record<string, string | Uint8Array>) {
    for (const [path, content] of Object.entries(files)) this.files.set(path, typeof content === 'string' ? enc(content) : content);
  }

  /** `path` with every link on the way resolved; throws ELOOP after 40 hops. */
  resolve(path: string): string {
    let parts = path.split('/').filter(Boolean);
    for (let hops = 0, i = 0; i < parts.length; ) {
      const prefix = `/${parts.slice(0, i + 1).join('/')}`;
      const target = this.links.get(prefix);
      if (target === undefined) {
        i++;
        continue;
      }
      if (++hops > 40) throw Object.assign(new Error(`ELOOP: ${path}`), { code: 'ELOOP' });
      const base = target.startsWith('/') ? [] : parts.slice(0, i);
      parts = [...base, ...target.split('/').filter(Boolean), ...parts.slice(i + 1)].reduce<string[]>((acc, p) => (p === '..' ? acc.slice(0, -1) : p === '.' ? acc : [...acc, p]), []);
      i = 0;
    }
    return `/${parts.join('/')}`;
  }

  private isDir(path: string): boolean {
    const prefix = `${path.replace(/\/$/, '')}/`;
    return this.closed.has(path) || [...this.files.keys(), ...this.failing.keys(), ...this.links.keys()].some((f) => f.startsWith(prefix));
  }

  private fail(path: string): void {
    const code = this.failing.get(path);
    if (code) throw Object.assign(new Error(`${code}: ${path}`), { code });
  }

  async readFile(path: string): Promise<Uint8Array> {
    const real = this.resolve(path);
    this.fail(real);
    this.reads.push(path);
    this.onRead?.(path, this.reads.filter((r) => r === path).length);
    const f = this.files.get(real);
    if (!f) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return f;
  }

  async readDirectory(path: string): Promise<DirEntry[]> {
    const real = this.resolve(path);
    const closed = this.closed.get(real);
    if (closed) throw Object.assign(new Error(`${closed}: ${path}`), { code: closed });
    if (!this.isDir(real)) throw Object.assign(new Error(`ENOTDIR: ${path}`), { code: 'ENOTDIR' });
    const prefix = `${real.replace(/\/$/, '')}/`;
    const names = new Set<string>();
    for (const f of [...this.files.keys(), ...this.failing.keys(), ...this.links.keys(), ...this.closed.keys()]) {
      if (f.startsWith(prefix)) names.add(f.slice(prefix.length).split('/')[0]!);
    }
    const out: DirEntry[] = [];
    for (const name of names) {
      const full = prefix + name;
      const link = this.links.has(full);
      let type: DirEntry['type'] = 'file';
      try {
        const r = this.resolve(full);
        type = this.files.has(r) || this.failing.has(r) ? 'file' : this.isDir(r) ? 'directory' : 'file';
      } catch {
        type = 'file'; // a looping link: reading it says why
      }
      out.push(link ? { name, type, link } : { name, type });
    }
    return out;
  }

  async stat(path: string): Promise<{ type: 'file' | 'directory' | 'other'; size: number }> {
    const real = this.resolve(path);
    const f = this.files.get(real);
    if (f) return { type: 'file', size: f.byteLength };
    if (this.failing.has(real)) return { type: 'file', size: 10 };
    if (this.isDir(real)) return { type: 'directory', size: 0 };
    throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  }

  async realpath(path: string): Promise<string> {
    return this.resolve(path);
  }
}

async function run(fs: HandbookFs, config: ResolvedConfig = defaultConfig(), options: Partial<LintFilesOptions> & { lang?: Lang } = {}): Promise<RunResult> {
  const linter = options.linter ?? new Linter(config, options.lang ?? 'en');
  const found = await discover(fs, '/hb', '/hb', config, linter.lang);
  const result = await lintFiles({ fs, root: '/hb', linter, files: found.files, base: '/hb', handbook: { configFile: '/hb/charters.yaml' }, today: TODAY, ...options });
  result.skipped.unshift(...found.skipped.map((s) => ({ ...s, file: s.file.replace(/^\/hb\//, '') })));
  return result;
}

const reasonOf = (r: RunResult, file: string) => r.skipped.find((s) => s.file === file)?.reason;

function config(text: string): ResolvedConfig {
  const r = parseConfig(text);
  if (!r.ok) assert.fail(JSON.stringify(r.errors));
  return r.config;
}

describe('robustness: hostile input (core)', function () {
  this.timeout(60_000);

  describe('frontmatter and charters.yaml', () => {
    it('invalid YAML: a frontmatter-invalid finding on the line and column of the error', () => {
      const r = lint('---\ntier: supervisors\nowner: Maija\n  bad: indent\nnext-review: 2027-01-01\n---\n# T\n');
      const f = r.findings.find((x) => x.ruleId === 'frontmatter-invalid');
      assert.ok(f, 'no frontmatter-invalid finding');
      assert.deepEqual([f.place.start.line, f.place.start.column], [4, 6]);
      assert.match(f.reason, /not valid YAML: .*\(bad indentation\)/);
      assert.equal(lint('---\ntier: supervisors\nowner: [unclosed\n---\n# x\n').findings.find((x) => x.ruleId === 'frontmatter-invalid')?.place.start.line, 4);
    });

    it('a YAML alias bomb in a charter is refused at once, naming its line; in any other file it does no harm', () => {
      for (const key of ['tiers', 'lang', 'next-review', 'reviewed', 'owner', 'tier']) {
        const text = `---\n${key === 'tier' ? 'owner: X' : 'tier: supervisors'}\n${aliasBomb()}\n${key}: *j\n---\n# x\n`;
        const started = Date.now();
        const r = lint(text);
        assert.ok(Date.now() - started < 5000, `${key}: took ${Date.now() - started} ms`);
        assert.equal(r.unlintable, `frontmatter YAML aliases (from line 4) expand to more than ${MAX_YAML_VALUES} values; skipped`, key);
        assert.deepEqual(r.findings, []);
        assert.equal(r.charter.text, text, 'the text is kept');
      }
      assert.match(lint(`---\ntier: supervisors\n${aliasBomb()}\ntiers: *j\n---\n`, 'fi').unlintable ?? '', /^otsaketietojen YAML-viittaukset \(rivistä 4 alkaen\) laajenevat yli 100000 arvoksi/);
      // Without `tier`, the frontmatter is nobody's business: not a charter, no findings.
      const plain = lint(`---\ntitle: x\n${aliasBomb()}\n---\n# x\n`);
      assert.equal(plain.unlintable, undefined);
      assert.equal(plain.summary, undefined);
      // A few aliases are fine.
      const few = lint(`${FM.replace('owner: Maija', 'owner: &o Maija\nunit: *o')}# T\n`);
      assert.equal(few.unlintable, undefined);
      assert.equal(few.charter.unit, 'Maija');
    });

    it('an alias bomb in charters.yaml is a config error with a line, not a hang', () => {
      for (const text of [aliasBomb(), `rules:\n${aliasBomb('  ')}\n`, `exclude: &x ["a"]\ninclude: *x\n${aliasBomb()}\nframework:\n  required-fields: *j\n`]) {
        const r = parseConfig(text);
        assert.equal(r.ok, false);
        if (!r.ok) for (const e of r.errors) assert.ok(e.line >= 1 && e.column >= 1, JSON.stringify(e));
      }
    });

    it('10,000-deep nested YAML flow sequences: a finding in a charter, a config error in charters.yaml', () => {
      const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
      const r = lint(`---\ntier: supervisors\nx: ${deep}\n---\n# x\n`);
      const f = r.findings.find((x) => x.ruleId === 'frontmatter-invalid');
      assert.ok(f);
      assert.equal(f.place.start.line, 3);
      assert.match(f.reason, /nesting exceeded maxDepth/);
      const c = parseConfig(`exclude: ${deep}\n`);
      assert.equal(c.ok, false);
      if (!c.ok) assert.deepEqual([c.errors[0]!.line, /invalid YAML/.test(c.errors[0]!.message)], [1, true]);
      const maps = parseConfig(`framework: ${'{a: '.repeat(10_000)}${'}'.repeat(10_000)}\n`);
      assert.equal(maps.ok, false);
    });
  });

  describe('Markdown the parser cannot take', () => {
    const cases: [string, string, RegExp][] = [
      ['10,000-deep list on one line', `- `.repeat(10_000) + 'x\n', /^lists or block quotes nested 10000 levels deep on line 7 \(the limit is 100\)/],
      ['10,000-deep ordered list', `1. `.repeat(10_000) + 'x\n', /nested 10000 levels deep on line 7/],
      ['10,000-deep block quote', '>'.repeat(10_000) + ' x\n', /nested 10000 levels deep on line 7/],
      ['10,000-deep quoted lists', '> - '.repeat(5_000) + 'x\n', /nested 10000 levels deep on line 7/],
      ['a list indented 1,000 levels deep', Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- x\n`).join(''), /nested 101 levels deep on line 107/],
      ['20,000 emphasis markers in a heading', `# ${'*'.repeat(10_000)}a${'*'.repeat(10_000)}\n`, /^the heading on line 7 holds 20000 emphasis or link markers \(the limit is 1000\)/],
      ['a setext heading of 5,000 links', `${'[a](b) '.repeat(2500)}\n===\n`, /^the heading on line 7 holds 5000 emphasis or link markers/],
      ['9,000 lines of a three-level list', Array.from({ length: 9000 }, (_, i) => `${'  '.repeat(i % 3)}- item\n`).join(''), /^too complex for the Markdown parser .* by line \d+\); split the file; skipped$/],
      ['100,000 emphasis markers in a paragraph', `## Team learning plans\n\n${'*a'.repeat(100_000)}\n`, /^too complex for the Markdown parser/],
      ['4,000 lists between paragraphs', Array.from({ length: 4000 }, (_, i) => `- item ${i}\n\npara\n\n`).join(''), /^too complex for the Markdown parser/],
      ['100,000 headings', Array.from({ length: 100_000 }, (_, i) => `## Heading ${i}\n`).join(''), /^more than 20000 headings, paragraphs and list items \(by line 20007\); too many for the Markdown parser to read in reasonable time and memory; split the file; skipped$/],
      ['40,000 list items', Array.from({ length: 40_000 }, (_, i) => `- item ${i}\n`).join(''), /^more than 20000 headings, paragraphs and list items/],
      ['600 lines nested 100 deep', ('- '.repeat(100) + 'x\n').repeat(600), /^too complex for the Markdown parser/],
    ];
    for (const [name, body, reason] of cases) {
      it(`${name}: refused at once with a reason, in a charter; ignored in any other file`, () => {
        const started = Date.now();
        const r = lint(FM + body);
        assert.match(r.unlintable ?? '(linted)', reason);
        assert.deepEqual(r.findings, []);
        assert.equal(r.summary, undefined);
        const other = lint(`# Notes\n\n${body}`);
        assert.equal(other.unlintable, undefined, 'a non-charter is not reported');
        assert.equal(other.summary, undefined);
        const forced = lint(`# Notes\n\n${body}`, 'fi', { forceCharter: true });
        assert.ok((forced.unlintable ?? '').length > 0, 'a file that include makes a charter is reported');
        assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
      });
    }

    it('the reasons are in Finnish too', () => {
      assert.match(lint(FM + '>'.repeat(500), 'fi').unlintable ?? '', /^listat tai lainaukset ovat 500 tason syvyydessä rivillä 7 \(raja on 100\)/);
      assert.match(lint(FM + `# ${'_'.repeat(2000)}`, 'fi').unlintable ?? '', /^rivin 7 otsikossa on 2000 korostus- tai linkkimerkkiä/);
      assert.match(lint(FM + Array.from({ length: 9000 }, (_, i) => `${'  '.repeat(i % 3)}- x\n`).join(''), 'fi').unlintable ?? '', /^liian monimutkainen Markdown-jäsentimelle/);
      assert.match(lint(FM + '# x\n'.repeat(30_000), 'fi').unlintable ?? '', /^yli 20000 otsikkoa, kappaletta ja listan kohtaa \(rivin 20007 kohdalla\)/);
    });

    it('just inside the limits, a charter is linted', () => {
      assert.equal(lint(FM + '- '.repeat(MAX_NESTING) + 'x\n').unlintable, undefined);
      assert.equal(markdownComplexity(FM + '## h\n'.repeat(MAX_BLOCKS)), undefined);
      assert.deepEqual(markdownComplexity(FM + '## h\n'.repeat(MAX_BLOCKS + 1)), { kind: 'blocks', line: MAX_BLOCKS + 7 });
      assert.equal(lint(FM + `# ${'*'.repeat(MAX_HEADING_MARKERS / 2)}a${'*'.repeat(MAX_HEADING_MARKERS / 2)}\n`).unlintable, undefined);
      // Markers in fenced code and in the frontmatter are not Markdown.
      assert.equal(lint(`${FM}\`\`\`\n${'- '.repeat(500)}\n# ${'*'.repeat(5000)}\n\`\`\`\n`).unlintable, undefined);
    });

    it('no real charter, template, fixture or doc comes near a limit', () => {
      const root = repoRoot();
      const md = (dir: string): string[] =>
        readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile() && /\.md$/.test(e.name))
          .map((e) => join(e.parentPath, e.name));
      const files = [...md('examples'), ...md('templates'), ...md('test/fixtures'), ...md('docs'), ...md('src/core/rules')];
      assert.ok(files.length > 50, `only ${files.length} files found`);
      for (const f of files) assert.equal(markdownComplexity(readFileSync(f, 'utf8')), undefined, f);
      // Eighty real charters pasted into one file (250 KB) still lint.
      const charter = readFileSync(join(root, 'examples/handbook/charters/esihenkilot/it-platform-team.md'), 'utf8');
      assert.equal(markdownComplexity(charter.repeat(80)), undefined);
    });
  });

  describe('encodings and line ends', () => {
    it('binary, Latin-1 and NUL-in-the-middle files are skipped with the line; the charter beside them is linted', async () => {
      const fs = new HostileFs({
        '/hb/ok.md': `${FM}# T\n`,
        '/hb/logo.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
        '/hb/latin1.md': new Uint8Array([...enc('---\ntier: supervisors\n---\n# Esihenkil'), 0xf6, ...enc('t\n')]),
        '/hb/nul.md': enc(`${FM}${'x\n'.repeat(10_000)}a\u0000b\n`),
      });
      const r = await run(fs);
      assert.deepEqual(r.charters, ['ok.md']);
      assert.equal(reasonOf(r, 'logo.md'), 'binary file (contains NUL bytes, the first on line 3), not a Markdown charter; skipped');
      assert.equal(reasonOf(r, 'latin1.md'), 'not valid UTF-8 text (first invalid byte on line 4); save the file as UTF-8');
      assert.equal(reasonOf(r, 'nul.md'), 'binary file (contains NUL bytes, the first on line 10007), not a Markdown charter; skipped');
    });

    it('CRLF, a byte-order mark, NFD and lone CRs: the same findings, on the same lines', () => {
      const text = `---\ntier: esihenkilöt\nowner: Mäki\n---\n\n# Tiimi\n\n## Tiimien oppimissuunnitelmat\n\nTeksti ilman tavoitetta.\n\n## Psykologinen turvallisuus\n\n- Tavoite: kyllä\n`;
      const brief = (r: CharterLint) => r.findings.map((f) => `${f.place.start.line}:${f.place.start.column} ${f.ruleId} ${f.elementId ?? ''}`);
      const plain = brief(lint(text, 'fi'));
      assert.ok(plain.length >= 4, plain.join('\n'));
      for (const [name, variant] of [
        ['crlf', text.replace(/\n/g, '\r\n')],
        ['bom', `\ufeff${text}`],
        ['nfd', text.normalize('NFD')],
        ['lone cr', text.replace(/\n/g, '\r')],
        ['all', `\ufeff${text.normalize('NFD').replace(/\n/g, '\r\n')}`],
      ] as const) {
        const r = lint(variant, 'fi');
        // NFD makes `ö` two code units: lines agree, columns after it may not.
        assert.deepEqual(brief(r).map((b) => b.replace(/:\d+ /, ' ')), plain.map((b) => b.replace(/:\d+ /, ' ')), name);
        assert.equal(r.charter.text, variant.replace(/^\ufeff/, ''), `${name}: the text is the user's`);
      }
    });

    it('a lone-CR file gets fixes with CRs, and keeps every character', () => {
      const text = '---\rtier: supervisors\rowner: X\rnext-review: 2027-01-01\r---\r\r# T\r\r## Psychological safety\r\rText.\r\r- Goal: yes\r';
      const r = lint(text);
      const fix = r.findings.find((f) => f.ruleId === 'element-missing')?.fix;
      assert.ok(fix);
      for (const e of fix.edits) assert.ok(!e.text.includes('\n'), `an LF in a CR file: ${JSON.stringify(e.text.slice(0, 40))}`);
    });
  });

  describe('the file tree', () => {
    it('a Markdown link out of the handbook is text: nothing but the discovered files is read', async () => {
      const fs = new HostileFs({
        '/hb/charters.yaml': 'language: en\n',
        '/hb/a.md': `${FM}# T\n\n[x](../../../etc/passwd) ![y](/etc/shadow) <file:///etc/passwd>\n\n[ref]: ../../../etc/passwd\n`,
        '/etc/passwd': 'root:x:0:0\n',
        '/etc/shadow': 'secret\n',
      });
      const r = await run(fs);
      assert.deepEqual(r.charters, ['a.md']);
      assert.deepEqual(fs.reads, ['/hb/a.md']);
    });

    it('unreadable files and folders, broken links and link loops are skipped with the reason; the rest is linted', async () => {
      const fs = new HostileFs({ '/hb/ok.md': `${FM}# T\n`, '/hb/sub/b.md': `${FM}# B\n`, '/outside/evil.md': `---\ntier: LEAKED\n---\n` });
      fs.failing.set('/hb/secret.md', 'EACCES');
      fs.closed.set('/hb/closed', 'EACCES');
      fs.links.set('/hb/dangling.md', 'nowhere.md');
      fs.links.set('/hb/a-loop.md', 'b-loop.md');
      fs.links.set('/hb/b-loop.md', 'a-loop.md');
      fs.links.set('/hb/sub/up', '..');
      fs.links.set('/hb/sub/root', '/');
      fs.links.set('/hb/evil.md', '/outside/evil.md');
      fs.links.set('/hb/inside.md', 'sub/b.md');
      const r = await run(fs);
      assert.deepEqual(r.charters, ['inside.md', 'ok.md', 'sub/b.md']);
      assert.equal(reasonOf(r, 'secret.md'), 'cannot read: permission denied (EACCES); skipped');
      assert.equal(reasonOf(r, 'closed'), 'cannot read directory (EACCES); skipped');
      assert.equal(reasonOf(r, 'dangling.md'), 'cannot read: no such file (a broken symbolic link, or removed during the run); skipped');
      assert.equal(reasonOf(r, 'a-loop.md'), 'symbolic link loop or directory already visited; skipped');
      assert.equal(reasonOf(r, 'sub/up'), 'symbolic link loop or directory already visited; skipped');
      assert.equal(reasonOf(r, 'sub/root'), 'symbolic link to `/`, outside the handbook; not followed');
      assert.equal(reasonOf(r, 'evil.md'), 'symbolic link to `/outside/evil.md`, outside the handbook; not followed');
      assert.ok(!fs.reads.some((p) => p.startsWith('/outside') || p.includes('evil')), fs.reads.join(', '));
      assert.ok(!r.findings.some((f) => f.reason.includes('LEAKED')));
    });

    it('node-fs lists broken and looping links as files (so they are reported), and marks links', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'charters-links-'));
      try {
        writeFileSync(join(dir, 'real.md'), 'x');
        mkdirSync(join(dir, 'sub'));
        symlinkSync('nowhere.md', join(dir, 'dangling.md'));
        symlinkSync('b.md', join(dir, 'a.md'));
        symlinkSync('a.md', join(dir, 'b.md'));
        symlinkSync('real.md', join(dir, 'link.md'));
        symlinkSync('..', join(dir, 'sub', 'up'));
        const entries = await nodeFs.readDirectory(toCorePath(dir));
        const by = Object.fromEntries(entries.map((e) => [e.name, e]));
        assert.deepEqual(by['real.md'], { name: 'real.md', type: 'file' });
        assert.deepEqual(by['sub'], { name: 'sub', type: 'directory' });
        for (const name of ['dangling.md', 'a.md', 'b.md', 'link.md']) assert.deepEqual(by[name], { name, type: 'file', link: true });
        assert.deepEqual((await nodeFs.readDirectory(toCorePath(join(dir, 'sub'))))[0], { name: 'up', type: 'directory', link: true });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('a file that makes the linter throw is skipped with the reason, and the run goes on', async () => {
      class Fragile extends Linter {
        override lintText(file: string, text: string, options?: LintTextOptions): CharterLint {
          if (file === 'boom.md') throw new RangeError('Maximum call stack size exceeded');
          return super.lintText(file, text, options);
        }
      }
      const fs = new HostileFs({ '/hb/a.md': `${FM}# A\n`, '/hb/boom.md': `${FM}# B\n`, '/hb/c.md': `${FM}# C\n` });
      for (const lang of ['en', 'fi'] as const) {
        const r = await run(fs, defaultConfig(), { linter: new Fragile(defaultConfig(), lang) });
        assert.deepEqual(r.charters, ['a.md', 'c.md']);
        assert.equal(reasonOf(r, 'boom.md'), lang === 'en' ? 'linting failed (Maximum call stack size exceeded); skipped' : 'tarkistus epäonnistui (Maximum call stack size exceeded); ohitettu');
      }
    });

    it('too big, by the configured limit, even when the file grows between the size check and the read', async () => {
      const big = `${FM}# T\n\n${'x'.repeat(2000)}\n`;
      const fs = new HostileFs({ '/hb/big.md': big, '/hb/ok.md': `${FM}# T\n` });
      const r = await run(fs, config('max-file-size: 1024\n'));
      assert.equal(reasonOf(r, 'big.md'), `file is larger than the limit of 1024 bytes (${enc(big).byteLength} bytes; see \`max-file-size\` in charters.yaml); skipped`);
      const growing: HandbookFs = { ...fs, readDirectory: (p) => fs.readDirectory(p), readFile: (p) => fs.readFile(p), realpath: (p) => fs.realpath(p), stat: async (p) => ({ ...(await fs.stat(p)), size: 10 }) };
      const g = await run(growing, config('max-file-size: 1024\n'));
      assert.match(reasonOf(g, 'big.md') ?? '', /^file is larger than the limit of 1024 bytes/);
      assert.deepEqual(g.charters, ['ok.md']);
    });
  });

  describe('--fix', () => {
    const missing = `${FM}# T\n\n## Psychological safety\n\nText.\n\n- Goal: yes\n`;

    it('a file changed between the lint and the write is left alone, with its findings and the reason', async () => {
      const fs = new HostileFs({ '/hb/a.md': missing });
      const written: string[] = [];
      // The second read is the check just before the write: an editor saved in between.
      fs.onRead = (path, count) => {
        if (count === 2) fs.files.set(path, enc(`${missing}\nA sentence the user just typed.\n`));
      };
      const r = await run(fs, defaultConfig(), { writeFixed: async (p) => void written.push(p) });
      assert.deepEqual(written, []);
      assert.equal(r.fixed, 0);
      assert.equal(reasonOf(r, 'a.md'), 'the file changed on disk while it was being fixed; fixes not written, run again');
      assert.ok(r.findings.some((f) => f.file === 'a.md' && f.ruleId === 'element-missing'), 'the findings of the file on disk are still reported');
    });

    it('a write that fails leaves the file, reports why and keeps its findings', async () => {
      const fs = new HostileFs({ '/hb/a.md': missing, '/hb/b.md': missing });
      const written: string[] = [];
      const r = await run(fs, defaultConfig(), {
        lang: 'fi',
        writeFixed: async (p) => {
          if (p === '/hb/a.md') throw Object.assign(new Error('read-only file'), { code: 'EACCES' });
          written.push(p);
        },
      });
      assert.deepEqual(written, ['/hb/b.md']);
      assert.equal(reasonOf(r, 'a.md'), 'korjauksia ei kirjoitettu (EACCES: read-only file); tiedosto on ennallaan');
      assert.ok(r.findings.some((f) => f.file === 'a.md' && f.ruleId === 'element-missing'));
      assert.ok(!r.findings.some((f) => f.file === 'b.md' && f.ruleId === 'element-missing'), 'b.md was fixed');
      assert.ok((r.fixed ?? 0) > 0);
    });

    it('fixes that would not take are withheld, so --fix cannot append the same text on every run', () => {
      // An unclosed fence swallows the end of the file, where the missing elements would go.
      for (const tail of ['````\n\n```\n', '<!-- a comment never closed\n', '<pre>\ncode\n']) {
        const r = lint(`---\ntier: top-management\n---\n\n${tail}`, 'fi');
        const missing = r.findings.filter((f) => f.ruleId === 'element-missing');
        assert.equal(missing.length, 4, tail);
        assert.ok(missing.every((f) => !f.fix), `a fix inside ${JSON.stringify(tail)}`);
      }
      // A closed fence is fine.
      assert.ok(lint(`---\ntier: top-management\n---\n\n\`\`\`\ncode\n\`\`\`\n`, 'fi').findings.some((f) => f.ruleId === 'element-missing' && f.fix));
      // Under a level-6 tier heading no element heading can be deeper.
      const deep = lint('###### top-management\n\n', 'fi', { forceCharter: true });
      assert.ok(deep.findings.filter((f) => f.ruleId === 'element-missing').every((f) => !f.fix));
    });
  });
});

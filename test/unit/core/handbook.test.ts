/**
 * A handbook on an in-memory file system: discovery, what is skipped and why, include/exclude
 * globs, handbook-level findings and --fix, exactly as the CLI and the extension drive them.
 */
import assert from 'node:assert/strict';
import { parseConfig, type ResolvedConfig, defaultConfig } from '../../../src/core/config';
import { discover, findConfig, type DirEntry, type HandbookFs } from '../../../src/core/handbook';
import { decodeText, lintFiles, type LintFilesOptions } from '../../../src/core/pipeline';
import { Linter } from '../../../src/core/lint';
import type { RunResult } from '../../../src/core/types';

/** A file system in a Map: absolute `/` paths to contents; directories are implied by paths. */
class MemoryFs implements HandbookFs {
  readonly files = new Map<string, Uint8Array>();
  readonly written = new Map<string, string>();

  constructor(files: Record<string, string | Uint8Array>) {
    for (const [path, content] of Object.entries(files)) this.write(path, content);
  }

  write(path: string, content: string | Uint8Array): void {
    this.files.set(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  }

  private isDir(path: string): boolean {
    const prefix = path.endsWith('/') ? path : `${path}/`;
    return [...this.files.keys()].some((f) => f.startsWith(prefix));
  }

  async readFile(path: string): Promise<Uint8Array> {
    const f = this.files.get(path);
    if (!f) throw new Error(`ENOENT: ${path}`);
    return f;
  }

  async readDirectory(path: string): Promise<DirEntry[]> {
    if (!this.isDir(path)) throw new Error(`ENOTDIR: ${path}`);
    const prefix = path.endsWith('/') ? path : `${path}/`;
    const entries = new Map<string, DirEntry['type']>();
    for (const f of this.files.keys()) {
      if (!f.startsWith(prefix)) continue;
      const rest = f.slice(prefix.length);
      const slash = rest.indexOf('/');
      entries.set(slash < 0 ? rest : rest.slice(0, slash), slash < 0 ? 'file' : 'directory');
    }
    return [...entries].map(([name, type]) => ({ name, type }));
  }

  async stat(path: string): Promise<{ type: 'file' | 'directory' | 'other'; size: number }> {
    const f = this.files.get(path);
    if (f) return { type: 'file', size: f.byteLength };
    if (this.isDir(path)) return { type: 'directory', size: 0 };
    throw new Error(`ENOENT: ${path}`);
  }
}

const TODAY = '2026-11-27';
const enc = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...enc(p)] : p)));

/** A complete charter of `tier` (all elements with content and a goal). */
function charterOf(tier: string, linter: Linter, extra = ''): string {
  const t = linter.lookup.tier(tier)!;
  const body = t.elements.flatMap((e) => [`## ${e.name.fi}`, '', `Sisältöä: ${e.id}.`, '', '- Tavoite: mitattava.', '']);
  return ['---', `tier: ${tier}`, 'owner: Maija', 'next-review: 2027-03-01', extra, '---', '', `# ${t.name.fi}`, '', ...body].filter((l, i) => i !== 4 || l !== '').join('\n');
}

function config(text: string): ResolvedConfig {
  const r = parseConfig(text);
  if (!r.ok) assert.fail(JSON.stringify(r.errors));
  return r.config;
}

async function run(fs: MemoryFs, cfg: ResolvedConfig, options: Partial<LintFilesOptions> = {}): Promise<RunResult> {
  const linter = new Linter(cfg, 'en');
  const found = await discover(fs, '/hb', '/hb', cfg);
  return lintFiles({
    fs,
    root: '/hb',
    linter,
    files: found.files,
    base: '/hb',
    handbook: { configFile: '/hb/charters.yaml' },
    today: TODAY,
    ...options,
  });
}

const brief = (r: RunResult) => r.findings.map((f) => `${f.file}:${f.place.start.line} ${f.ruleId} ${f.elementId ?? f.tier ?? '-'}`);

describe('handbook', () => {
  const linter = new Linter(defaultConfig(), 'en');

  describe('decodeText', () => {
    it('decodes UTF-8 and keeps a byte-order mark for the linter to drop', () => {
      assert.deepEqual(decodeText(bytes('\ufeff# Ö\n')), { ok: true, text: '\ufeff# Ö\n' });
    });

    it('names the line of the first invalid byte, even after a real U+FFFD', () => {
      assert.deepEqual(decodeText(bytes('a\nb\n# Esihenkil', [0xf6], 't\n')), { ok: false, reason: 'encoding', line: 3 });
      assert.deepEqual(decodeText(bytes('a\nvalid \ufffd here\nc\n', [0xff], '\n')), { ok: false, reason: 'encoding', line: 4 });
      assert.deepEqual(decodeText(bytes('a\nb', [0xc3, 0x0a], 'c\n')), { ok: false, reason: 'encoding', line: 2 });
      assert.deepEqual(decodeText(bytes('a\nb\nc', [0xe2, 0x82])), { ok: false, reason: 'encoding', line: 3 }, 'cut short at the end');
    });

    it('calls a file with NUL bytes binary, with the line of the first one', () => {
      assert.deepEqual(decodeText(bytes([0x89], 'PNG\r\n', [0x1a, 0x0a, 0, 0])), { ok: false, reason: 'binary', line: 3 });
      assert.deepEqual(decodeText(bytes([0, 1, 2])), { ok: false, reason: 'binary', line: 1 });
    });
  });

  describe('discover', () => {
    const fs = new MemoryFs({
      '/hb/charters.yaml': 'language: fi\n',
      '/hb/README.md': '# Käsikirja\n',
      '/hb/ylin-johto.md': '---\ntier: top-management\n---\n',
      '/hb/charters/b.markdown': 'x',
      '/hb/charters/a.md': 'x',
      '/hb/charters/notes.txt': 'x',
      '/hb/drafts/luonnos.md': 'x',
      '/hb/node_modules/pkg/README.md': 'x',
      '/hb/.git/x.md': 'x',
      '/hb/.vscode/notes.md': 'x',
      '/hb/deep/er/still.md': 'x',
    });

    it('finds every Markdown file, sorted, skipping node_modules, .git and dot folders', async () => {
      const d = await discover(fs, '/hb', '/hb', defaultConfig());
      assert.deepEqual(d.files, ['/hb/README.md', '/hb/charters/a.md', '/hb/charters/b.markdown', '/hb/deep/er/still.md', '/hb/drafts/luonnos.md', '/hb/ylin-johto.md']);
      assert.deepEqual(d.skipped, []);
    });

    it('leaves out files and folders matched by exclude globs (relative to the root)', async () => {
      const d = await discover(fs, '/hb', '/hb', config('exclude: ["drafts/**", "README.md", "**/still.md"]\n'));
      assert.deepEqual(d.files, ['/hb/charters/a.md', '/hb/charters/b.markdown', '/hb/ylin-johto.md']);
    });

    it('globs stay relative to the root when discovery starts in a subfolder', async () => {
      const d = await discover(fs, '/hb', '/hb/charters', config('exclude: ["charters/b.markdown"]\n'));
      assert.deepEqual(d.files, ['/hb/charters/a.md']);
    });

    it('reports a folder it cannot read instead of failing', async () => {
      const d = await discover(fs, '/hb', '/hb/missing', defaultConfig());
      assert.deepEqual(d.files, []);
      assert.equal(d.skipped.length, 1);
      assert.match(d.skipped[0]!.reason, /^cannot read directory \(.+\); skipped$/);
    });
  });

  describe('findConfig', () => {
    it('finds charters.yaml in a parent folder and parses it', async () => {
      const fs = new MemoryFs({ '/hb/charters.yaml': 'language: fi\n', '/hb/a/b/c.md': 'x' });
      const found = await findConfig(fs, '/hb/a/b');
      assert.equal(found.root, '/hb');
      assert.equal(found.file, '/hb/charters.yaml');
      assert.ok(found.result.ok && found.result.config.language === 'fi');
    });

    it('without one, the start folder is the root and the default config applies', async () => {
      const found = await findConfig(new MemoryFs({ '/x/a.md': 'x' }), '/x');
      assert.equal(found.root, '/x');
      assert.equal(found.file, undefined);
      assert.ok(found.result.ok);
    });

    it('a config that is not UTF-8 is an error on line 1', async () => {
      const found = await findConfig(new MemoryFs({ '/hb/charters.yaml': bytes('language: ', [0xe4], '\n') }), '/hb');
      assert.equal(found.result.ok, false);
      if (!found.result.ok) assert.equal(found.result.errors[0]!.line, 1);
    });
  });

  describe('lintFiles', () => {
    it('skips a binary file and a non-UTF-8 file with reasons naming the line, and lints the rest', async () => {
      const fs = new MemoryFs({
        '/hb/esihenkilot.md': charterOf('supervisors', linter),
        '/hb/kuva.md': bytes('---\ntier: supervisors\n---\n', [0, 0, 0]),
        '/hb/latin1.md': bytes('---\ntier: supervisors\n---\n\n# Esihenkil', [0xf6], 't\n'),
      });
      const r = await run(fs, defaultConfig());
      assert.deepEqual(r.skipped, [
        { file: 'kuva.md', reason: 'binary file (contains NUL bytes, the first on line 4), not a Markdown charter; skipped' },
        { file: 'latin1.md', reason: 'not valid UTF-8 text (first invalid byte on line 5); save the file as UTF-8' },
      ]);
      assert.deepEqual(r.charters, ['esihenkilot.md']);
      assert.ok(!r.findings.some((f) => f.file === 'kuva.md' || f.file === 'latin1.md'));
    });

    it('skips a file over max-file-size, saying the limit and the size', async () => {
      const big = charterOf('supervisors', linter) + '\nSisältöä.\n'.repeat(300);
      const fs = new MemoryFs({ '/hb/iso.md': big, '/hb/pieni.md': charterOf('supervisors', linter) });
      const cfg = config('max-file-size: 2048\n');
      const r = await run(fs, cfg);
      const size = enc(big).byteLength;
      assert.deepEqual(r.skipped, [{ file: 'iso.md', reason: `file is larger than the limit of 2048 bytes (${size} bytes; see \`max-file-size\` in charters.yaml); skipped` }]);
      assert.deepEqual(r.charters, ['pieni.md']);
      const fine = await run(fs, config('max-file-size: 65536\n'));
      assert.deepEqual(fine.skipped, []);
    });

    it('reports each tier without a charter once, on charters.yaml, whatever the number of files', async () => {
      const fs = new MemoryFs({
        '/hb/charters.yaml': '',
        '/hb/a/esihenkilot.md': charterOf('supervisors', linter),
        '/hb/b/esihenkilot.md': charterOf('supervisors', linter),
        '/hb/README.md': '# Käsikirja\n\n## Psykologinen turvallisuus\n',
      });
      const r = await run(fs, defaultConfig());
      assert.deepEqual(brief(r), ['charters.yaml:1 tier-without-charter top-management', 'charters.yaml:1 tier-without-charter middle-management']);
      assert.deepEqual(r.charters, ['a/esihenkilot.md', 'b/esihenkilot.md']);
      assert.deepEqual(r.ignored, ['README.md']);
      // paths are relative to the base, here one folder up
      const fromAbove = await run(fs, defaultConfig(), { base: '/' });
      assert.deepEqual(fromAbove.findings.map((f) => f.file), ['hb/charters.yaml', 'hb/charters.yaml']);
      // linting single files (no handbook) does not judge the handbook
      const single = await run(fs, defaultConfig(), { handbook: undefined });
      assert.deepEqual(brief(single), []);
      // all tiers covered: nothing to say
      fs.write('/hb/c.md', charterOf('top-management', linter));
      fs.write('/hb/d.md', charterOf('middle-management', linter));
      assert.deepEqual(brief(await run(fs, defaultConfig())), []);
    });

    it('include globs make files charters whatever their frontmatter says; others follow the frontmatter', async () => {
      const articleLike = '# Johto\n\n## Esihenkilöt – Valmentavat oppimisen mahdollistajat\n\n🔹 Psykologinen turvallisuus: Virheistä puhutaan.\n';
      const fs = new MemoryFs({
        '/hb/charters/esihenkilot.md': articleLike,
        '/hb/muistiinpanot.md': articleLike,
        '/hb/ylin.md': charterOf('top-management', linter),
      });
      const cfg = config('include: ["charters/**/*.md"]\n');
      const r = await run(fs, cfg, { handbook: undefined });
      assert.deepEqual(r.charters, ['charters/esihenkilot.md', 'ylin.md']);
      assert.deepEqual(r.ignored, ['muistiinpanot.md']);
      assert.deepEqual(
        r.findings.filter((f) => f.ruleId === 'element-missing').map((f) => `${f.file} ${f.elementId}`),
        ['charters/esihenkilot.md team-learning-plans', 'charters/esihenkilot.md individual-development', 'charters/esihenkilot.md agile-learning'],
      );
      // without the include, the same file is not a charter
      const plain = await run(fs, defaultConfig(), { handbook: undefined });
      assert.deepEqual(plain.charters, ['ylin.md']);
    });

    it('--fix writes the fixed text once, keeping the byte-order mark and CRLF', async () => {
      const text = `\ufeff${['---', 'tier: supervisors', 'next-review: 2027-03-01', '---', '', '# Esihenkilöt', '', '## Psykologinen turvallisuus', '', 'Turvallista.', '', '- Tavoite: pulssi.', ''].join('\r\n')}`;
      const fs = new MemoryFs({ '/hb/e.md': text, '/hb/ok.md': charterOf('supervisors', linter) });
      const writes: [string, string][] = [];
      const r = await run(fs, defaultConfig(), {
        handbook: undefined,
        writeFixed: async (path, fixed) => {
          writes.push([path, fixed]);
        },
      });
      assert.equal(writes.length, 1, 'only the file that needed fixes is written');
      const [path, fixed] = writes[0]!;
      assert.equal(path, '/hb/e.md');
      assert.ok(fixed.startsWith('\ufeff---\r\ntier: supervisors\r\n'));
      assert.doesNotMatch(fixed, /[^\r]\n/);
      // the owner fix adds a placeholder to fill in: owner-missing stays, so it is not counted
      assert.equal(r.fixed, 3, 'three elements');
      assert.match(fixed, /\r\nowner: "\[name of the owner\]"\r\n/);
      // the findings are those of the fixed text
      assert.deepEqual(r.findings.filter((f) => f.ruleId === 'element-missing'), []);
      assert.deepEqual(r.findings.filter((f) => f.ruleId === 'element-placeholder').map((f) => f.elementId), ['team-learning-plans', 'individual-development', 'agile-learning']);
    });
  });
});

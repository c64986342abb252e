/**
 * Property-based tests of the core's promises, on documents no fixture author would write:
 *
 * - `Linter.lintText` never throws, whatever the text;
 * - every finding's place (and its related locations and fix edits) lies inside the linted
 *   text, with line, column and offset agreeing;
 * - `--fix` settles: after the CLI's fix loop, one more lint-and-fix pass changes nothing, and
 *   the user's text survives (the original is a subsequence of the fixed text);
 * - `applyFixes` with any insert-only edits (valid or not) never drops a character;
 * - `parseConfig` never throws, and every error it reports has a line and column ≥ 1.
 *
 * Documents are built from charter-like fragments (frontmatter variants; headings naming real
 * tiers and elements in fi and en with random case, emoji, colons, NFD and explicit ids; inline
 * `🔹 Title:` items; goal lines; lists; quotes; code; comments) mixed with random Unicode and
 * garbage, joined with LF, CRLF or both, sometimes behind a byte-order mark.
 *
 * The seed is fixed so a failure reproduces; FC_SEED and FC_RUNS override it for a longer hunt
 * (`FC_RUNS=5000 FC_SEED=7 npx mocha out/test/unit/robustness/properties.test.js`), and
 * FC_STATS=1 prints which findings the sample reaches, with and without a fix.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseConfig, defaultConfig } from '../../../src/core/config';
import { DEFAULT_FRAMEWORK } from '../../../src/core/framework/default';
import { applyFixes } from '../../../src/core/fix';
import { Linter } from '../../../src/core/lint';
import { fixText } from '../../../src/core/pipeline';
import type { Finding, Fix, Lang, Place } from '../../../src/core/types';
import { TODAY } from '../../helpers/paths';

const SEED = Number(process.env['FC_SEED'] ?? 20261127);
const RUNS = Number(process.env['FC_RUNS'] ?? 200);
const PARAMS = { seed: SEED, numRuns: RUNS, endOnFailure: false } as const;

const linters: Record<Lang, Linter> = { fi: new Linter(defaultConfig(), 'fi'), en: new Linter(defaultConfig(), 'en') };

// ---------------------------------------------------------------------------------------------
// Arbitrary charter-like documents

const TIER_NAMES = DEFAULT_FRAMEWORK.tiers.flatMap((t) => [t.id, t.name.fi, t.name.en, ...t.aliases]);
const ELEMENT_NAMES = DEFAULT_FRAMEWORK.tiers.flatMap((t) => t.elements.flatMap((e) => [e.name.fi, e.name.en, ...e.aliases]));
const ELEMENT_IDS = DEFAULT_FRAMEWORK.tiers.flatMap((t) => t.elements.map((e) => e.id));
const GOAL_LABELS = [...DEFAULT_FRAMEWORK.goalLabels.fi, ...DEFAULT_FRAMEWORK.goalLabels.en];

/** One character of the kinds that break parsers: controls, surrogate halves, combining marks, RTL, emoji. */
const nastyChar = fc.oneof(
  fc.constantFrom('\0', '\r', '\n', '\t', '\u000b', '\u000c', '\u0085', '\u2028', '\u2029', '\ufeff', '\u200d', '\ufe0f', '\u202e', '\u0301', '\u0308'),
  fc.constantFrom('\ud83d', '\ude00', '\udfff', '\ud800', '🔹', '👩‍👩‍👧', '🇫🇮', 'Ö', 'ä', 'ſ', 'ß', 'İ', '：', '＃', '—', '–'),
  fc.constantFrom('#', '*', '_', '-', '+', '>', ':', '`', '~', '[', ']', '(', ')', '{', '}', '!', '<', '&', '|', '\\', '=', '"', "'", '%', '@'),
  fc.integer({ min: 0, max: 0x10ffff }).map((c) => (c >= 0xd800 && c <= 0xdfff ? String.fromCharCode(c) : String.fromCodePoint(c))),
);
const garbage = fc.string({ unit: nastyChar, maxLength: 40 });
const unicodeText = fc.string({ unit: 'binary', maxLength: 60 });
const words = fc
  .array(fc.constantFrom('oppiminen', 'tiimi', 'learning', 'team', 'vuosi', '2027', 'TBD', 'TODO', 'kirjoita tähän', 'write here', 'Lorem ipsum', '...', 'n/a', 'x'), { minLength: 1, maxLength: 12 })
  .map((w) => w.join(' '));

/** A name as a user might mangle it: case, emoji, colon, NFD, surrounding spaces, explicit id. */
const mangled = (names: readonly string[]) =>
  fc
    .record({
      name: fc.constantFrom(...names),
      caseMode: fc.constantFrom('as-is', 'upper', 'lower', 'mixed'),
      emoji: fc.constantFrom('', '🔹 ', '✅ ', '1. ', '** ', '• '),
      colon: fc.constantFrom('', ':', ' :', '：', '::'),
      nfd: fc.boolean(),
      id: fc.option(fc.constantFrom(...ELEMENT_IDS, 'nope', 'x.y_z'), { freq: 4 }),
      pad: fc.constantFrom('', ' ', '  ', '\t'),
    })
    .map(({ name, caseMode, emoji, colon, nfd, id, pad }) => {
      let s = caseMode === 'upper' ? name.toUpperCase() : caseMode === 'lower' ? name.toLowerCase() : caseMode === 'mixed' ? [...name].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join('') : name;
      if (nfd) s = s.normalize('NFD');
      return `${pad}${emoji}${s}${colon}${id ? ` {#${id}}` : ''}${pad}`;
    });

const scalar = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('', 'null', '~', '[]', '{}', '2027-01-01', '2019-02-30', '"2027-01-01"', 'yes', '1e9', '-1', '&a x', '*a', '|', '>') },
  { weight: 4, arbitrary: words },
  { weight: 1, arbitrary: garbage },
);
const frontmatter = fc.oneof(
  { weight: 1, arbitrary: fc.constant('') },
  {
    weight: 4,
    arbitrary: fc
    .record({
      tier: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...TIER_NAMES) }, { weight: 1, arbitrary: scalar }),
      tiers: fc.option(fc.array(fc.constantFrom(...TIER_NAMES, 'ghost'), { maxLength: 4 }).map((t) => `[${t.join(', ')}]`)),
      owner: fc.option(fc.oneof({ weight: 3, arbitrary: words }, { weight: 1, arbitrary: scalar })),
      next: fc.option(fc.oneof({ weight: 3, arbitrary: fc.constantFrom('2027-01-01', '2026-01-01', '2030-12-31') }, { weight: 1, arbitrary: scalar })),
      reviewed: fc.option(fc.oneof({ weight: 3, arbitrary: fc.constantFrom('2026-01-01') }, { weight: 1, arbitrary: scalar })),
      lang: fc.option(fc.constantFrom('fi', 'en', 'EN-gb', 'sv', '[fi]', '')),
      unit: fc.option(fc.oneof(words, scalar)),
      extra: fc.oneof({ weight: 2, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(fc.oneof({ weight: 1, arbitrary: garbage.map((g) => `${g}: ${g}`) }, { weight: 3, arbitrary: fc.constantFrom('tier: again', 'a: &x [1, 2]', 'b: [*x, *x]', '- list', '  indented: yes', '"quoted key": v', '? complex', 'x: "unclosed', 'note: fine', 'x-custom: 1') }), { maxLength: 2 }) }),
      close: fc.constantFrom('---', '---', '---', '--- ', '...', ''),
    })
    .map((f) => {
      const lines = ['---', `tier: ${f.tier}`];
      if (f.tiers !== null) lines.push(`tiers: ${f.tiers}`);
      if (f.owner !== null) lines.push(`owner: ${f.owner}`);
      if (f.next !== null) lines.push(`next-review: ${f.next}`);
      if (f.reviewed !== null) lines.push(`reviewed: ${f.reviewed}`);
      if (f.lang !== null) lines.push(`lang: ${f.lang}`);
      if (f.unit !== null) lines.push(`unit: ${f.unit}`);
      lines.push(...f.extra, f.close);
      return lines.join('\n');
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom('---\n---', '---\ntier: supervisors', '---\n: :\n---', '---\n[1, 2]\n---', '---\ntier: [unclosed\n---', '---\n\ttier: tab\n---', '+++\ntier = "x"\n+++') },
);

const heading = fc
  .record({ depth: fc.integer({ min: 1, max: 7 }), text: fc.oneof(mangled(ELEMENT_NAMES), mangled(TIER_NAMES), words, garbage), closing: fc.constantFrom('', ' #', ' ##', '') })
  .map(({ depth, text, closing }) => `${'#'.repeat(depth)} ${text}${closing}`);
const setext = fc.tuple(fc.oneof(mangled(ELEMENT_NAMES), words), fc.constantFrom('===', '---', '=')).map(([t, u]) => `${t}\n${u}`);
const goal = fc
  .tuple(fc.constantFrom('', '- ', '* ', '1. ', '> ', '**', '### '), fc.constantFrom(...GOAL_LABELS), fc.constantFrom(':', '：', ':**', ''), fc.oneof(words, fc.constant(''), garbage))
  .map(([lead, label, colon, text]) => `${lead}${label}${colon} ${text}`);
const inlineItem = fc.tuple(fc.constantFrom('🔹 ', '- 🔹 ', '**', '> 🔹 ', ''), mangled(ELEMENT_NAMES), fc.oneof(words, fc.constant(''))).map(([lead, title, text]) => `${lead}${title}: ${text}`);
const list = fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '- [ ] '), fc.oneof(words, goal, inlineItem)), { minLength: 1, maxLength: 6 }).map((items) => items.map(([indent, bullet, text]) => `${'  '.repeat(indent)}${bullet}${text}`).join('\n'));
const block = fc.oneof(
  { weight: 4, arbitrary: heading },
  { weight: 1, arbitrary: setext },
  { weight: 3, arbitrary: words },
  { weight: 2, arbitrary: goal },
  { weight: 2, arbitrary: inlineItem },
  { weight: 2, arbitrary: list },
  { weight: 1, arbitrary: words.map((w) => `> ${w}\n> > ${w}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('```', '~~~', '````'), garbage).map(([f, g]) => `${f}\n${g}\n${f.slice(0, 3)}`) },
  { weight: 1, arbitrary: fc.constantFrom('<!-- kommentti -->', '<!-- unclosed', '<div>\n# not a heading\n</div>', '---', '***', '| a | b |\n|---|---|\n| 1 | 2 |', '[x](../../../etc/passwd)', '![i](/etc/shadow)', '[ref]: http://x') },
  { weight: 1, arbitrary: unicodeText },
  { weight: 2, arbitrary: garbage },
);

/**
 * Blocks of one tier's charter: its elements (by name, alias or id; as headings or inline
 * items), some left out, some twice, shuffled, with content, goals, placeholders or nothing,
 * and random blocks between them. Prefixed by a frontmatter naming that tier.
 */
const skeleton = fc.constantFrom(...DEFAULT_FRAMEWORK.tiers).chain((tier) =>
  fc.record({
    frontmatter: fc.constantFrom(`---\ntier: ${tier.id}\nowner: X\nnext-review: 2027-01-01\n---`, `---\ntier: ${tier.name.fi}\n---`, `---\ntiers: [${tier.id}]\nlang: en\n---`, `---\ntier: ${tier.id}\nowner: X`),
    blocks: fc.array(
      fc.oneof(
        { weight: 3, arbitrary: fc.tuple(fc.integer({ min: 1, max: 4 }), mangled(tier.elements.flatMap((e) => [e.name.fi, e.name.en, ...e.aliases]))).map(([d, name]) => `${'#'.repeat(d)} ${name}`) },
        { weight: 1, arbitrary: fc.constantFrom(...tier.elements).map((e) => `🔹 ${e.name.fi}: sisältöä`) },
        { weight: 2, arbitrary: goal },
        { weight: 2, arbitrary: words },
        { weight: 1, arbitrary: block },
      ),
      { maxLength: 14 },
    ),
  }),
);

/** A charter-like document, as the text a file would hold. */
const documentArb = fc
  .record({
    bom: fc.boolean(),
    frontmatter,
    blocks: fc.array(block, { maxLength: 14 }),
    skeleton: fc.option(skeleton, { freq: 2 }),
    separators: fc.array(fc.constantFrom('\n\n', '\n', '\n\n\n', '\r\n\r\n', '\r\n', ' \n\n'), { minLength: 14, maxLength: 14 }),
    eol: fc.constantFrom('lf', 'crlf', 'mixed', 'cr'),
    trailing: fc.constantFrom('', '\n', '\r\n', '   ', '\n\n\n'),
    nfd: fc.boolean(),
  })
  .map(({ bom, frontmatter: fm0, blocks: blocks0, skeleton: sk, separators, eol, trailing, nfd }) => {
    const fm = sk ? sk.frontmatter : fm0;
    const blocks = sk ? sk.blocks : blocks0;
    let text = fm ? `${fm}\n\n` : '';
    blocks.forEach((b, i) => (text += b + separators[i]!));
    text += trailing;
    if (eol === 'crlf') text = text.replace(/\r?\n/g, '\r\n');
    else if (eol === 'cr') text = text.replace(/\r?\n/g, '\r');
    else if (eol === 'lf') text = text.replace(/\r\n/g, '\n');
    if (nfd) text = text.normalize('NFD');
    return (bom ? '\ufeff' : '') + text;
  });

const lintCase = fc.record({ text: documentArb, lang: fc.constantFrom<Lang>('fi', 'en'), forceCharter: fc.boolean() });

// ---------------------------------------------------------------------------------------------
// Helpers

function lint(c: { text: string; lang: Lang; forceCharter: boolean }, text = c.text) {
  return linters[c.lang].lintText('c.md', text, { today: TODAY, forceCharter: c.forceCharter });
}

function fixesOf(findings: Finding[]): Fix[] {
  return findings.flatMap((f) => (f.fix ? [f.fix] : []));
}

/** What `charters lint --fix` does to a text: the core's fix loop (`fixText`). */
function fixAll(c: { text: string; lang: Lang; forceCharter: boolean }): string {
  return fixText(lint(c), (text) => lint(c, text)).text;
}

/** Whether `small` can be had from `big` by deleting characters (UTF-16 code units). */
function isSubsequence(small: string, big: string): boolean {
  let i = 0;
  for (let j = 0; i < small.length && j < big.length; j++) if (small.charCodeAt(i) === big.charCodeAt(j)) i++;
  return i === small.length;
}

/** Offsets of the start of every line, as remark and editors count lines: after LF, CRLF or a lone CR. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

function checkPlace(place: Place, text: string, starts: number[], what: string): void {
  for (const [name, p] of [['start', place.start], ['end', place.end]] as const) {
    assert.ok(Number.isInteger(p.line) && p.line >= 1 && p.line <= starts.length, `${what}: ${name} line ${p.line} outside 1..${starts.length}`);
    assert.ok(Number.isInteger(p.offset) && p.offset >= 0 && p.offset <= text.length, `${what}: ${name} offset ${p.offset} outside 0..${text.length}`);
    assert.ok(Number.isInteger(p.column) && p.column >= 1, `${what}: ${name} column ${p.column} < 1`);
    assert.equal(starts[p.line - 1]! + p.column - 1, p.offset, `${what}: ${name} line ${p.line}, column ${p.column} is not offset ${p.offset}`);
  }
  assert.ok(place.start.offset <= place.end.offset, `${what}: start ${place.start.offset} after end ${place.end.offset}`);
}

// ---------------------------------------------------------------------------------------------

describe('robustness: properties', function () {
  this.timeout(60_000);

  it('lintText never throws, and every place lies inside the document', () => {
    fc.assert(
      fc.property(lintCase, (c) => {
        const result = lint(c);
        const text = result.charter.text;
        assert.equal(text, c.text.replace(/^\ufeff/, ''), 'the linted text is the input without its byte-order mark');
        const starts = lineStarts(text);
        for (const f of result.findings) {
          const what = `${f.ruleId} "${f.reason}"`;
          assert.equal(f.file, 'c.md');
          assert.ok(f.reason.length > 0, `${f.ruleId}: empty message`);
          checkPlace(f.place, text, starts, what);
          for (const r of f.related ?? []) checkPlace(r.place, text, starts, `${what} related`);
          for (const e of f.fix?.edits ?? []) {
            assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length, `${what}: fix edit [${e.start}, ${e.end}) outside the text`);
          }
        }
        if (result.summary) for (const e of result.summary.elements) assert.ok(e.line >= 1 && e.line <= starts.length, `summary line ${e.line}`);
      }),
      PARAMS,
    );
  });

  it('fixes settle and keep every character the user wrote', () => {
    fc.assert(
      fc.property(lintCase, (c) => {
        const original = c.text.replace(/^\ufeff/, '');
        const fixed = fixAll(c);
        assert.ok(isSubsequence(original, fixed), 'the original text is not a subsequence of the fixed text');
        // A second run of `--fix` finds nothing left to change.
        const again = lint(c, fixed);
        const second = applyFixes(fixed, fixesOf(again.findings));
        assert.equal(second.text, fixed, `a second --fix pass still changed the text (${again.findings.filter((f) => f.fix).map((f) => f.ruleId).join(', ')})`);
      }),
      PARAMS,
    );
  });

  it('applyFixes with any insert-only edits keeps the text a subsequence, and skips what it cannot apply', () => {
    const edit = (len: number) =>
      fc.record({
        start: fc.integer({ min: -2, max: len + 2 }),
        text: fc.oneof(garbage, fc.constantFrom('', '\n', '\r\n', '\n\n## X\n\n', '\ufeff')),
        broken: fc.constantFrom(false, false, false, true),
      });
    const arb = fc.string({ unit: nastyChar, maxLength: 200 }).chain((text) =>
      fc.record({
        text: fc.constant(text),
        fixes: fc.array(fc.array(edit(text.length), { minLength: 1, maxLength: 3 }), { maxLength: 8 }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ text, fixes }) => {
        // `broken` edits end before they start: invalid, so their fix must be skipped.
        const asFixes: Fix[] = fixes.map((edits) => ({ description: 'x', edits: edits.map((e) => ({ start: e.start, end: e.broken ? e.start - 1 : e.start, text: e.text })) }));
        const out = applyFixes(text, asFixes);
        assert.equal(out.applied + out.skipped, asFixes.length);
        assert.ok(isSubsequence(text, out.text), 'an insertion dropped a character');
        const valid = asFixes.filter((f) => f.edits.every((e) => e.start >= 0 && e.end >= e.start && e.end <= text.length));
        assert.ok(out.applied <= valid.length, 'an invalid fix was applied');
        if (valid.length === 0) assert.equal(out.text, text);
      }),
      { ...PARAMS, numRuns: RUNS * 2 },
    );
  });

  it('parseConfig never throws; it gives a config or errors with line and column ≥ 1', () => {
    const key = fc.constantFrom('language', 'include', 'exclude', 'max-file-size', 'framework', 'extends', 'tiers', 'elements', 'id', 'name', 'role', 'aliases', 'drop', 'description', 'questions', 'fi', 'en', 'goal-labels', 'required-fields', 'rules', 'element-missing', 'goal-missing', 'nope', '<<', '? x', '"quoted"');
    const value = fc.oneof(
      fc.constantFrom('', 'fi', 'en', 'default', 'none', 'true', 'off', 'error', 'warning', 'note', '1024', '-5', '1e400', '0x10', '[]', '{}', '[a, b]', '{fi: x, en: y}', '&anchor [1]', '*anchor', '*nowhere', '!!binary aGk=', '!!js/function x', '|', '>-', '"unterminated', "'", '[[[[', '{a: {b: {c:'),
      garbage,
    );
    const line = fc.tuple(fc.integer({ min: 0, max: 8 }), fc.constantFrom('', '- '), key, fc.constantFrom(': ', ':', ' : ', ''), value).map(([indent, dash, k, colon, v]) => `${' '.repeat(indent)}${dash}${k}${colon}${v}`);
    const yamlish = fc.tuple(fc.boolean(), fc.array(fc.oneof({ weight: 6, arbitrary: line }, { weight: 1, arbitrary: garbage }, { weight: 1, arbitrary: fc.constantFrom('---', '...', '# comment', '\t', '%YAML 1.2') }), { maxLength: 16 }), fc.constantFrom('\n', '\r\n'));
    fc.assert(
      fc.property(yamlish, ([bom, lines, eol]) => {
        const text = (bom ? '\ufeff' : '') + lines.join(eol);
        const r = parseConfig(text, 'charters.yaml');
        if (r.ok) {
          assert.ok(r.config.maxFileSize >= 1024, 'max-file-size below the schema minimum');
          assert.ok(Array.isArray(r.config.framework.tiers));
        } else {
          assert.ok(r.errors.length > 0, 'not ok, but no error');
          for (const e of r.errors) {
            assert.ok(Number.isInteger(e.line) && e.line >= 1, `error line ${e.line}: ${e.message}`);
            assert.ok(Number.isInteger(e.column) && e.column >= 1, `error column ${e.column}: ${e.message}`);
            assert.ok(e.message.length > 0);
          }
        }
      }),
      { ...PARAMS, numRuns: RUNS * 2 },
    );
  });

  it('the generators reach what they should: charters, findings, fixes (else the properties above prove little)', () => {
    const sample = fc.sample(lintCase, { seed: SEED, numRuns: RUNS });
    let charters = 0;
    let fixable = 0;
    const rules = new Set<string>();
    for (const c of sample) {
      const r = lint(c);
      if (r.summary) charters++;
      if (r.findings.some((f) => f.fix)) fixable++;
      for (const f of r.findings) rules.add(f.ruleId);
    }
    if (process.env['FC_STATS']) {
      const stat: Record<string, [number, number]> = {};
      for (const c of sample) {
        for (const f of lint(c).findings) (stat[f.ruleId] ??= [0, 0])[f.fix ? 0 : 1]++;
      }
      console.log({ charters, fixable, 'findings [with fix, without]': stat });
    }
    assert.ok(charters >= RUNS / 2, `only ${charters} of ${RUNS} documents were charters`);
    assert.ok(fixable >= RUNS / 5, `only ${fixable} of ${RUNS} documents had a fix`);
    const expected = ['frontmatter-invalid', 'tier-missing', 'tier-unknown', 'element-missing', 'element-empty', 'element-placeholder', 'element-duplicate', 'goal-missing', 'owner-missing', 'review-missing', 'review-overdue'];
    for (const id of expected) assert.ok(rules.has(id), `no ${id} finding in the sample`);
  });
});

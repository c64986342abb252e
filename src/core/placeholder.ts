/** What counts as "no real content": empty sections and template or placeholder text. */
import { labelAt, skipEmphasis } from './text';

const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';
const TOKENS = new RegExp(
  `${NOT_WORD_BEFORE}(?:tbd|tba|tbc|todo|fixme|wip|xx+|kirjoita tähän|kirjoitetaan|täydennä|täydennetään|lisää tähän|tulossa|kesken|myöhemmin|write here|fill in|to be (?:defined|written|decided|added|confirmed)|coming soon|later|placeholder|n\\/a)${NOT_WORD_AFTER}`,
  'giu',
);

/** A goal label's lead (quote and list markers, numbering, an opening `**`/`__`); the label is read by `labelAt`. */
const LABEL_LEAD = /^[\s>*+\-\d.)#]*(?:\*\*|__)?/u;
const LABEL = { colons: ':', min: 1, max: 40, emphasis: true } as const;

/**
 * `Label:` at the start of a line (after list markers and an opening `**`): the label and the
 * offset after the colon and a closing `**`/`__`. Replaces the pattern
 * `^[…]*(?:\*\*|__)?([^:\n]{1,40}?)(?:\*\*|__)?\s*:(?:\*\*|__)?`, quadratic on long runs of spaces.
 */
export function lineLabel(line: string): { label: string; end: number } | undefined {
  const lead = LABEL_LEAD.exec(line)!;
  const label = labelAt(line, lead[0].length, LABEL);
  return label?.colon ? { label: label.text, end: skipEmphasis(line, label.end) } : undefined;
}

/** Remove HTML comments (template prompts live in them). */
export function stripComments(text: string): string {
  return text.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ');
}

/** No letter or digit once comments and Markdown punctuation are gone. */
export function isBlank(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(stripComments(text));
}

/**
 * Text that says nothing yet: template prompts in brackets (`_[Kirjoita tähän: …]_`), bare
 * placeholders (TBD, TODO, "...", Lorem ipsum, "[kirjoita tähän]"), optionally behind goal
 * labels (`- Tavoite: TBD`). `isLabel` tells which `Label:` prefixes to ignore.
 */
export function isPlaceholder(text: string, isLabel: (label: string) => boolean = () => false): boolean {
  let t = stripComments(text).normalize('NFC');
  t = t
    .split('\n')
    .map((line) => {
      // A label ends with a colon: a line without one keeps its text (and skips the regex).
      const m = line.includes(':') ? lineLabel(line) : undefined;
      return m && isLabel(m.label) ? line.slice(m.end) : line;
    })
    .join('\n');
  t = blankBrackets(t); // bracketed prompts, not links
  t = t.replace(/lorem ipsum[^\n]*/giu, ' ');
  t = t.replace(TOKENS, ' ');
  return !/[\p{L}\p{N}]/u.test(t);
}

/**
 * Every `[…]` on one line that is not a link (`[text](…)`) replaced by a space: what
 * `t.replace(/\[[^\]\n]*\](?!\()/g, ' ')` does, in linear time. (The pattern scanned from each
 * `[` to the line's end when no `]` followed: quadratic on a line of `[`.) For each position,
 * the next `]` or line break after it is found once, from the right.
 */
export function blankBrackets(t: string): string {
  const n = t.length;
  if (!t.includes('[')) return t;
  // stop[i]: the first index >= i holding `]` or a line break (n when none).
  const stop = new Int32Array(n + 1);
  stop[n] = n;
  for (let i = n - 1; i >= 0; i--) {
    const c = t.charCodeAt(i);
    stop[i] = c === 93 /* ] */ || c === 10 ? i : stop[i + 1]!;
  }
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < n) {
    if (t.charCodeAt(i) === 91 /* [ */) {
      const j = stop[i + 1]!;
      if (j < n && t.charCodeAt(j) === 93 && t.charCodeAt(j + 1) !== 40 /* ( */) {
        out += `${t.slice(copied, i)} `;
        copied = i = j + 1;
        continue;
      }
    }
    i++;
  }
  return copied === 0 ? t : out + t.slice(copied);
}

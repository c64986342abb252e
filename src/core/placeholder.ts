/** What counts as "no real content": empty sections and template or placeholder text. */

const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';
const TOKENS = new RegExp(
  `${NOT_WORD_BEFORE}(?:tbd|tba|todo|fixme|xxx+|kirjoita tähän|täydennä|täydennetään|täydennetään myöhemmin|lisää tähän|write here|fill in|to be (?:defined|written|decided|added)|placeholder|n\\/a)${NOT_WORD_AFTER}`,
  'giu',
);

const LABEL = /^[\s>*+\-\d.)#]*(?:\*\*|__)?([^:\n]{1,40}?)(?:\*\*|__)?\s*:(?:\*\*|__)?/u;

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
      const m = line.includes(':') ? LABEL.exec(line) : null;
      return m && isLabel(m[1]!) ? line.slice(m[0].length) : line;
    })
    .join('\n');
  t = t.replace(/\[[^\]\n]*\](?!\()/g, ' '); // bracketed prompts, not links
  t = t.replace(/lorem ipsum[^\n]*/giu, ' ');
  t = t.replace(TOKENS, ' ');
  return !/[\p{L}\p{N}]/u.test(t);
}

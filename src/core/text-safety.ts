/**
 * Text from a handbook (file names, names from `charters.yaml`, YAML error details) is untrusted
 * (docs/security.md). Printed as it is, a newline in a file name forges a line of output (a
 * GitHub workflow command such as `::warning::`), and an ESC starts a terminal escape sequence
 * (a title change, a hyperlink, a cursor move that hides lines). Every text output escapes such
 * characters with `escapeControls` into visible forms, so the user sees what the name holds.
 */

const NAMED: Record<number, string> = { 0x09: '\\t', 0x0a: '\\n', 0x0d: '\\r' };

/** Whether a UTF-16 code unit must be escaped (see escapeControls). */
function unsafe(c: number): boolean {
  return (
    c < 0x20 || // C0 controls: NUL, BEL, BS, TAB, LF, VT, FF, CR, ESC…
    (c >= 0x7f && c <= 0x9f) || // DEL and the C1 controls (U+009B is an 8-bit CSI)
    c === 0x2028 || // line and paragraph separators
    c === 0x2029 ||
    (c >= 0x202a && c <= 0x202e) || // bidirectional embeddings and overrides ("Trojan Source")
    (c >= 0x2066 && c <= 0x2069) || // bidirectional isolates
    (c >= 0xd800 && c <= 0xdfff) // surrogates (checked for pairing by the caller)
  );
}

function hex(c: number): string {
  return c <= 0xff ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`;
}

/**
 * `text` with every control character escaped visibly: `\n`, `\r`, `\t`, other C0 controls, DEL
 * and C1 as `\xHH` (ESC is `\x1b`), line separators, bidirectional controls and lone surrogates
 * as `\uHHHH`. Everything else, well-formed surrogate pairs (emoji) included, is kept. One pass,
 * linear in the length; the text is returned as it is when nothing needs escaping.
 */
export function escapeControls(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!unsafe(c)) continue;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++; // a well-formed pair
        continue;
      }
    }
    out += text.slice(from, i) + (NAMED[c] ?? hex(c));
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Whether `text` holds anything `escapeControls` would change. */
export function hasControls(text: string): boolean {
  return escapeControls(text) !== text;
}

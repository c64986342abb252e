/**
 * The people a charter's `owner` names: one name (`owner: Laura Nieminen`), several in a YAML
 * list (`owner: [Matti Virtanen, Anna Laine]`) or in one comma-separated text
 * (`owner: Matti Virtanen, Anna Laine`). Pure.
 */

/**
 * The owners named by a frontmatter value: each trimmed, inner whitespace collapsed, NFC; empty
 * names dropped. A number counts as a name (`owner: 1234`, an employee number); a mapping or
 * anything else names nobody.
 */
export function ownersOf(value: unknown): string[] {
  const parts: string[] = [];
  const add = (v: unknown): void => {
    if (typeof v === 'string') parts.push(...v.split(/[,;]/));
    else if (typeof v === 'number' || typeof v === 'boolean') parts.push(String(v));
  };
  if (Array.isArray(value)) for (const v of value) add(v);
  else add(value);
  return parts.map((p) => p.normalize('NFC').replace(/\s+/g, ' ').trim()).filter((p) => p !== '');
}

/** Whether a frontmatter value is a valid `owner`: a name, a number, or a list of them. */
export function isOwnerValue(value: unknown): boolean {
  const scalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined;
  return scalar(value) || (Array.isArray(value) && value.every(scalar));
}

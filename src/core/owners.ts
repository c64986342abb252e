/**
 * The people who own a charter, from its frontmatter's `owner`: one name, a list
 * (`owner: [Anna Laine, Matti Virtanen]`) or a comma- or semicolon-separated text
 * (`owner: Anna Laine, Matti Virtanen`). Pure; the matrix, the leader pages and the goals export
 * all ask here, so a person is the same person everywhere.
 *
 * Guarantees (test/unit/core/owners.test.ts):
 * - a name is trimmed, its runs of white space (tabs, no-break spaces, line breaks) are one
 *   space, and it is in Unicode NFC, so `Mäkinen` typed with a combining diaeresis is `Mäkinen`;
 * - a comma or semicolon inside parentheses does not split (`Anna Laine (HR, Tampere)` is one
 *   owner), and an empty part is dropped;
 * - the identity `key` folds case only (not accents: `Mäki` and `Maki` are different people), so
 *   `ANNA LAINE` and `Anna Laine` are one person, spelled as first written;
 * - each person appears once per charter, in the order written.
 */

export interface Owner {
  /** The name as written, normalised (trimmed, spaces collapsed, NFC). */
  name: string;
  /** Identity of the person: the name case-folded. Equal keys are the same person. */
  key: string;
}

/** Names longer than this are cut (a frontmatter value is not an essay). */
const MAX_NAME = 200;

/** A name as shown: NFC, trimmed, every run of white space one space. */
export function normaliseOwnerName(name: string): string {
  return name.normalize('NFC').replace(/\s+/gu, ' ').trim().slice(0, MAX_NAME).trim();
}

/** The identity key of a (normalised or not) name: case-folded, so spelling of case never splits a person. */
export function ownerKey(name: string): string {
  return normaliseOwnerName(name).toLowerCase().normalize('NFC');
}

/** Split a text at top-level commas and semicolons (not inside parentheses or brackets). */
function splitNames(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
    else if ((c === ',' || c === ';') && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** The owners named by one frontmatter value (a string, a number, or a list of them). */
export function ownersOfValue(value: unknown): Owner[] {
  const raw: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      const s = scalar(item);
      if (s !== undefined) raw.push(...splitNames(s));
    }
  } else {
    const s = scalar(value);
    if (s !== undefined) raw.push(...splitNames(s));
  }
  const seen = new Set<string>();
  const out: Owner[] = [];
  for (const r of raw) {
    const name = normaliseOwnerName(r);
    if (name === '') continue;
    const key = ownerKey(name);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name, key });
  }
  return out;
}

/**
 * The owners of a charter from its frontmatter data (`charter.frontmatter.data`): the `owner`
 * field as one name, a list, or names separated by commas or semicolons. Empty when there is no
 * frontmatter or no owner.
 */
export function ownersOf(frontmatter: Record<string, unknown> | undefined): Owner[] {
  if (!frontmatter) return [];
  return ownersOfValue(frontmatter['owner']);
}

/**
 * One spelling per person across a handbook: the name as first written, charters taken in the
 * order given (callers pass them sorted by path). Returns the owners of each charter with their
 * names replaced by that spelling, so `anna  LAINE` in a later charter reads `Anna Laine`.
 */
export function canonicalOwners(perCharter: Owner[][]): Owner[][] {
  const first = new Map<string, string>();
  for (const owners of perCharter) for (const o of owners) if (!first.has(o.key)) first.set(o.key, o.name);
  return perCharter.map((owners) => owners.map((o) => ({ name: first.get(o.key)!, key: o.key })));
}

/** The owners' names of one frontmatter value (`owner`'s), normalised, each person once. */
export function ownerNames(value: unknown): string[] {
  return ownersOfValue(value).map((o) => o.name);
}

/** Whether a frontmatter value is a valid `owner`: a name, a number, or a list of them (or nothing). */
export function isOwnerValue(value: unknown): boolean {
  const scalar = (v: unknown): boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined;
  return scalar(value) || (Array.isArray(value) && value.every(scalar));
}

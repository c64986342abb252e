/**
 * Fast, forgiving look-ups into a framework: tier and element by any of their names.
 *
 * Two grades of match (docs/charter-format.md, "Near misses"):
 * - certain (`elementOfTitle`): the title equals a name once folded: case, diacritics, markup,
 *   emoji anywhere, numbering (`1`, `1.1`, `A)`, `IV.`), and spaces or hyphens inside compounds
 *   (`Ekosysteemi-ajattelu`) do not matter. Such a heading simply counts.
 * - likely (`likelyElement`): a typo (`Rakenteet ja resursit`), the same words in another order
 *   (`Kulttuuri ja visio`) or another inflection (`Esimerkillä johtaminen`). Such a heading does
 *   not count; the linter reports the element as missing at that heading and offers `{#id}`.
 * Both are linear in the title's length: titles are cut to `MAX_TITLE` characters first.
 */
import { matchKey } from '../text';
import type { ElementDef, Framework, Lang, TierDef } from '../types';

/** Titles longer than this are compared by their first `MAX_TITLE` characters (fuzzy matching). */
export const MAX_TITLE = 120;
/** Words of a title compared at most (fuzzy matching). */
const MAX_WORDS = 12;

/** Emoji and their joiners, variation selectors, keycaps, skin tones and flag letters. */
const EMOJI_ANYWHERE = /\p{Extended_Pictographic}|\u200d|\ufe0f|\u20e3|[\u{1f3fb}-\u{1f3ff}]|[\u{1f1e6}-\u{1f1ff}]/gu;
/** Numbering before a title once `matchKey` has folded it: `1`, `1.1`, `1.2.`, `2)`, `a)`, `iv.`, `§ 3`. */
const NUMBERING = /^(?:§\s*)?(?:\d{1,4}(?:[.)]\d{1,4}){0,4}[.)]?|[ivxlc]{1,6}[.)]|[a-z][.)])(?:\s+-)?\s+/;
/** Words that carry no meaning for matching (fi and en). */
const STOP_WORDS = new Set(['ja', 'seka', 'tai', 'the', 'and', 'of', 'to', 'for', 'a', 'an', 'in', 'on', 'with', 'or', 'our', 'meidan']);

/**
 * The key of a heading or item title for certain matches: `matchKey` plus emoji anywhere and any
 * numbering before the words. (Frontmatter values keep `matchKey`.)
 */
export function headingKey(text: string): string {
  const k = matchKey(text.replace(EMOJI_ANYWHERE, ' '));
  return k.replace(NUMBERING, '').trim();
}

/**
 * Only the letters and digits of a key's meaningful words: spaces and hyphens inside compounds
 * do not matter, nor `ja`/`and`/`&` (`Visio & kulttuuri` is `Visio ja kulttuuri`).
 */
export function compactKey(key: string): string {
  return key
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '' && !STOP_WORDS.has(w))
    .join('');
}

/** The meaningful words of a key. */
function words(key: string): string[] {
  return key
    .slice(0, MAX_TITLE)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0 && !STOP_WORDS.has(w))
    .slice(0, MAX_WORDS);
}

/**
 * Edit distance between `a` and `b` when it is at most `max`, else `max + 1`: the classic table
 * restricted to a band of width `2·max + 1` around the diagonal (time O(length · max)).
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(n, i + max);
    cur[0] = i;
    if (lo > 1) cur[lo - 1] = max + 1;
    let best = i <= max ? i : max + 1; // column 0 is inside the band
    for (let j = lo; j <= hi; j++) {
      const sub = (prev[j - 1] ?? max + 1) + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      const del = (j <= i - 1 + max ? (prev[j] ?? max + 1) : max + 1) + 1;
      const ins = (cur[j - 1] ?? max + 1) + 1;
      const v = Math.min(sub, del, ins);
      cur[j] = v;
      if (v < best) best = v;
    }
    if (hi < n) cur[hi + 1] = max + 1;
    if (best > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[n] ?? max + 1, max + 1);
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/**
 * Whether two folded words are the same word: equal, one typo apart (two in long words), or
 * the same stem in another inflection (`esimerkillä`/`esimerkkinä`, `johtaminen`/`johto`).
 */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const short = Math.min(a.length, b.length);
  if (short < 4) return false;
  const p = commonPrefix(a, b);
  if (p >= 5 && p >= 0.6 * short) return true;
  if (p >= 4 && p >= short - 1) return true;
  const typos = short >= 8 ? 2 : short >= 5 ? 1 : 0;
  return typos > 0 && boundedDistance(a, b, typos) <= typos;
}

/** Share of words the two lists have in common (paired one to one), over the longer list. */
export function wordOverlap(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const used = new Array<boolean>(b.length).fill(false);
  let matched = 0;
  for (const w of a) {
    let k = b.findIndex((x, i) => !used[i] && x === w);
    if (k < 0) k = b.findIndex((x, i) => !used[i] && sameWord(w, x));
    if (k >= 0) {
      used[k] = true;
      matched++;
    }
  }
  return matched / Math.max(a.length, b.length);
}

/** What resemblance compares of a text: its letters and digits, and its meaningful words. */
interface Shape {
  compact: string;
  words: string[];
}

function shape(key: string): Shape {
  return { compact: compactKey(key.slice(0, MAX_TITLE)), words: words(key) };
}

/** How alike two shapes are, 0…1 (1: same letters, or the same words in any order). */
function alike(a: Shape, b: Shape): number {
  if (a.compact.length === 0 || b.compact.length === 0) return 0;
  if (a.compact === b.compact) return 1;
  const long = Math.max(a.compact.length, b.compact.length);
  // typos: one in 8 letters, at most 3
  const allowed = Math.min(3, Math.floor(long / 8));
  let typo = 0;
  if (allowed > 0) {
    const d = boundedDistance(a.compact, b.compact, allowed);
    if (d <= allowed) typo = 1 - d / long;
  }
  return Math.max(typo, wordOverlap(a.words, b.words), coveredName(a.words, b.words));
}

/**
 * A title that holds every word of a name of two words or more, in any inflection, among a few
 * words of its own: a question (`Miten luomme psykologista turvallisuutta?`, `How do we coach our
 * supervisors?`) or a sentence around the name. Scores just at LIKELY: a likely match, never certain.
 */
function coveredName(title: string[], name: string[]): number {
  if (name.length < 2 || title.length > name.length + 4) return 0;
  const used = new Array<boolean>(title.length).fill(false);
  for (const w of name) {
    const k = title.findIndex((x, i) => !used[i] && sameWord(w, x));
    if (k < 0) return 0;
    used[k] = true;
  }
  return LIKELY;
}

/** How alike a title is to a name, 0…1 (1: same letters). Both are `headingKey`s. */
export function resemblance(title: string, name: string): number {
  return alike(shape(title), shape(name));
}

/** A score at or above this makes a heading a likely match. */
export const LIKELY = 0.66;
/** A score at or above this makes an element worth naming as the closest one. */
export const CLOSEST = 0.34;

export class FrameworkLookup {
  private readonly tierByKey = new Map<string, TierDef>();
  private readonly tierById = new Map<string, TierDef>();
  private readonly elementById = new Map<string, ElementDef>();
  /** Per tier id: element by match key. */
  private readonly elementKeys = new Map<string, Map<string, ElementDef>>();
  /** Per tier id: element by `compactKey` of each name. */
  private readonly elementCompact = new Map<string, Map<string, ElementDef>>();
  /** Per tier id: every name (not the id) of every element, as `headingKey`s, for fuzzy matching. */
  private readonly elementNames = new Map<string, { shape: Shape; el: ElementDef }[]>();
  private readonly headingMemo = new Map<string, string>();
  private readonly goalKeys: Set<string>;
  /** Tier by `headingKey` of every name (headings may carry emoji and numbering anywhere). */
  private readonly tierByHeadingKey = new Map<string, TierDef>();
  /** Tier names and aliases with spaces, hyphens and small words ignored (`team-leads` is `Team leads`); not ids, so a renamed tier's old name stays unknown. */
  private readonly tierByCompact = new Map<string, TierDef>();
  /** Match keys of every tier's names, for headings such as "Esihenkilöt – valmentajina". */
  private readonly tierNameKeys: { key: string; tier: TierDef }[] = [];
  /** matchKey of texts seen lately: titles and labels repeat across the files of a handbook. */
  private readonly keyMemo = new Map<string, string>();

  constructor(readonly framework: Framework) {
    // A tier's own id and names first, then every tier's aliases: a handbook's tier named
    // "Team leads" wins over that words' being an alias of the built-in supervisors.
    for (const pass of ['names', 'aliases'] as const) {
      for (const tier of framework.tiers) {
        const names = pass === 'names' ? [tier.id, tier.name.fi, tier.name.en] : tier.aliases;
        for (const n of names) this.addTierKey(matchKey(n), tier);
        const roles = pass === 'names' ? [`${tier.name.fi} – ${tier.role.fi}`, `${tier.name.en} – ${tier.role.en}`] : [];
        for (const n of [...names, ...roles]) {
          const k = headingKey(n);
          if (k && !this.tierByHeadingKey.has(k)) this.tierByHeadingKey.set(k, tier);
        }
        for (const n of names.filter((x) => x !== tier.id)) {
          const k = matchKey(n);
          if (k) this.tierNameKeys.push({ key: k, tier });
          const c = compactKey(headingKey(n));
          if (c && !this.tierByCompact.has(c)) this.tierByCompact.set(c, tier);
        }
      }
    }
    for (const tier of framework.tiers) {
      this.tierById.set(tier.id, tier);
      // "Ylin johto – Suunnan näyttäjä ja rakenteiden mahdollistaja", the article's tier lines
      for (const lang of ['fi', 'en'] as Lang[]) {
        if (tier.role[lang]) this.addTierKey(matchKey(`${tier.name[lang]} – ${tier.role[lang]}`), tier);
      }
      const keys = new Map<string, ElementDef>();
      const compact = new Map<string, ElementDef>();
      const elNames: { shape: Shape; el: ElementDef }[] = [];
      for (const el of tier.elements) {
        this.elementById.set(el.id, el);
        for (const n of [el.name.fi, el.name.en, ...el.aliases, el.id]) {
          const k = headingKey(n);
          if (!k) continue;
          if (!keys.has(k)) keys.set(k, el);
          const c = compactKey(k);
          if (c && !compact.has(c)) compact.set(c, el);
          if (n !== el.id) elNames.push({ shape: shape(k), el });
        }
      }
      this.elementKeys.set(tier.id, keys);
      this.elementCompact.set(tier.id, compact);
      this.elementNames.set(tier.id, elNames);
    }
    this.goalKeys = new Set([...framework.goalLabels.fi, ...framework.goalLabels.en].map(matchKey));
  }

  /** matchKey, remembered (bounded: a hostile file cannot grow it without limit). */
  private key(text: string): string {
    let k = this.keyMemo.get(text);
    if (k === undefined) {
      k = matchKey(text);
      if (this.keyMemo.size >= 4096) this.keyMemo.clear();
      this.keyMemo.set(text, k);
    }
    return k;
  }

  private addTierKey(key: string, tier: TierDef): void {
    if (key && !this.tierByKey.has(key)) this.tierByKey.set(key, tier);
  }

  tier(id: string): TierDef | undefined {
    return this.tierById.get(id);
  }

  element(id: string): ElementDef | undefined {
    return this.elementById.get(id);
  }

  /** A tier named by a frontmatter value: its id, fi/en name, an alias, or "name – role". */
  resolveTier(value: string): TierDef | undefined {
    const key = this.key(value);
    return this.tierByKey.get(key) ?? this.tierByCompact.get(compactKey(key));
  }

  /**
   * A tier named by a heading: exactly as `resolveTier`, or its name followed by a dash or colon
   * and more words (e.g. "Esihenkilöt – valmentajina").
   */
  tierOfHeading(text: string): TierDef | undefined {
    const key = this.key(text);
    const exact = this.tierByKey.get(key) ?? this.tierByHeadingKey.get(this.hkey(text)) ?? this.tierByCompact.get(compactKey(this.hkey(text)));
    if (exact) return exact;
    for (const { key: k, tier } of this.tierNameKeys) {
      if (key.startsWith(`${k} - `) || key.startsWith(`${k}: `)) return tier;
    }
    return undefined;
  }

  /** `headingKey`, remembered like `key`. */
  private hkey(text: string): string {
    let k = this.headingMemo.get(text);
    if (k === undefined) {
      k = headingKey(text);
      if (this.headingMemo.size >= 4096) this.headingMemo.clear();
      this.headingMemo.set(text, k);
    }
    return k;
  }

  /** An element of `tierId` whose name the title is, folded (no more words after it). */
  elementNamedExactly(tierId: string, title: string): ElementDef | undefined {
    const key = this.hkey(title);
    if (!key) return undefined;
    return this.elementKeys.get(tierId)?.get(key) ?? this.elementCompact.get(tierId)?.get(compactKey(key));
  }

  /**
   * Elements of `tierId` whose name or alias (ten letters or more) stands as whole words inside a
   * title, such as both elements in "Johto oppimisen esimerkkinä ja ekosysteemiajattelu".
   */
  elementsNamedIn(tierId: string, title: string): ElementDef[] {
    const keys = this.elementKeys.get(tierId);
    const key = this.hkey(title);
    if (!keys || !key) return [];
    const padded = ` ${key} `;
    const out: ElementDef[] = [];
    for (const [k, el] of keys) {
      if (k.length >= 10 && !out.includes(el) && padded.includes(` ${k} `)) out.push(el);
    }
    return out;
  }

  /** An element of `tierId` certainly named by a heading or item title. */
  elementOfTitle(tierId: string, title: string): ElementDef | undefined {
    const keys = this.elementKeys.get(tierId);
    const compact = this.elementCompact.get(tierId);
    if (!keys || !compact) return undefined;
    const key = this.hkey(title);
    if (!key) return undefined;
    const exact = keys.get(key) ?? compact.get(compactKey(key));
    if (exact) return exact;
    // "Psykologinen turvallisuus – rohkeus kokeilla", "Vision and culture (2027)"
    for (const [k, el] of keys) {
      if (key.startsWith(`${k} - `) || key.startsWith(`${k} (`) || key.startsWith(`${k}: `)) return el;
    }
    // "Psykologinen turvallisuus tiimissämme": a name of two words or more (or a long one), then
    // more words; the longest such name wins
    let prefixed: ElementDef | undefined;
    let longest = 0;
    for (const [k, el] of keys) {
      if (k.length > longest && key.startsWith(`${k} `) && (k.includes(' ') || k.length >= 10)) {
        prefixed = el;
        longest = k.length;
      }
    }
    if (prefixed) return prefixed;
    // "Ekosysteemi-ajattelu ja kumppanit", "Tiimien oppimis suunnitelmat 2027": a long name written
    // with its compounds apart (or hyphenated), then more words. The longest such start wins.
    const parts = key.split(' ');
    for (let n = Math.min(parts.length - 1, 8); n >= 1; n--) {
      const c = compactKey(parts.slice(0, n).join(' '));
      const el = c.length >= 10 ? compact.get(c) : undefined;
      if (el) return el;
    }
    // "Ekosysteemi-ajattelu – verkostot", "Structures & resources (2027)": a name in any of its
    // compact forms (hyphenated compound, `&`, small words), then a dash, parenthesis or colon
    for (const sep of [' - ', ' (', ': ']) {
      let at = key.indexOf(sep);
      for (let n = 0; at > 0 && n < 8; n++) {
        const el = compact.get(compactKey(key.slice(0, at)));
        if (el) return el;
        at = key.indexOf(sep, at + sep.length);
      }
    }
    return undefined;
  }

  /**
   * The elements of `tierId` (among `candidates`, by id) a title most resembles, best first,
   * with their score (0…1, see `resemblance`); only scores of at least `CLOSEST`.
   */
  rankElements(tierId: string, title: string, candidates: ReadonlySet<string>): { el: ElementDef; score: number }[] {
    const names = this.elementNames.get(tierId) ?? [];
    const key = this.hkey(title);
    if (!key) return [];
    const best = new Map<string, { el: ElementDef; score: number }>();
    const written = shape(key);
    for (const { shape: name, el } of names) {
      if (!candidates.has(el.id)) continue;
      const score = alike(written, name);
      if (score < CLOSEST) continue;
      const prev = best.get(el.id);
      if (!prev || score > prev.score) best.set(el.id, { el, score });
    }
    return [...best.values()].sort((a, b) => b.score - a.score);
  }

  /**
   * Whether a heading names a goal label (or several: `Tavoitteet ja mittarit`) or a tier: such
   * headings are never elements.
   */
  isStructuralHeading(title: string): boolean {
    return this.isGoalLabel(title) || this.tierOfHeading(title) !== undefined || this.labelsTogether(this.hkey(title));
  }

  /** Two to four goal labels together: "Tavoitteet ja mittarit", "Goals & measures", "Mittarit, seuranta". */
  private labelsTogether(key: string): boolean {
    if (key.length > 80) return false;
    const parts = key.split(/\s*(?:,|&|\/|\bja\b|\bsekä\b|\bseka\b|\band\b)\s*/u).filter((p) => p !== '');
    return parts.length > 1 && parts.length <= 4 && parts.every((p) => this.goalKeys.has(p));
  }

  /**
   * Whether `label` (e.g. "Mittari", "**Goal**") is a goal/indicator label, also with a year or a
   * parenthesis after it, as headings take one: "Mittari (2027)", "Tavoite 2027", "Goal (Q3)".
   */
  isGoalLabel(label: string): boolean {
    const key = this.key(label);
    if (this.goalKeys.has(key)) return true;
    const paren = key.indexOf(' (');
    if (paren > 0 && key.endsWith(')') && this.goalKeys.has(key.slice(0, paren))) return true;
    const year = / (?:19|20)\d\d$/.exec(key);
    if (year !== null && this.goalKeys.has(key.slice(0, year.index))) return true;
    return this.labelsTogether(key);
  }

  /** The first goal label and indicator label for templates, in `lang`. */
  goalTemplateLabels(lang: Lang): [string, string] {
    const labels = this.framework.goalLabels[lang];
    const goal = labels[0] ?? (lang === 'fi' ? 'Tavoite' : 'Goal');
    const indicator =
      labels.find((l) => /mittari|indicator|measure|metric/i.test(l)) ?? labels[1] ?? goal;
    return [goal, indicator];
  }
}

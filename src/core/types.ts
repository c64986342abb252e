/**
 * The product's contract: the framework model, the charter model and the finding shape.
 * Pure types; nothing here touches the file system, `process` or `vscode`.
 */

export type Lang = 'fi' | 'en';
export const LANGS: readonly Lang[] = ['fi', 'en'];

/** A text in both product languages. */
export interface LocalText {
  fi: string;
  en: string;
}

/** Severity of a finding; `off` only appears in configuration, never on a finding. */
export type Severity = 'error' | 'warning' | 'note';
export type SeveritySetting = Severity | 'off';

// ---------------------------------------------------------------------------------------------
// Framework

export interface ElementDef {
  /** Stable id, e.g. `psychological-safety`. Never reused for another meaning. */
  id: string;
  /** Id of the tier this element belongs to. */
  tier: string;
  /** Canonical heading in fi and en. */
  name: LocalText;
  /** Other wordings that name this element (the article's own, an organisation's). */
  aliases: string[];
  /** One or two sentences: what the charter must say for this element. */
  description: LocalText;
  /** Two or three guiding questions per language, for hover, preview and templates. */
  questions: { fi: string[]; en: string[] };
}

export interface TierDef {
  /** Stable id, e.g. `top-management`. */
  id: string;
  name: LocalText;
  /** The tier's role in leading learning ("Direction-setter and enabler of structures"). */
  role: LocalText;
  aliases: string[];
  /** Elements in framework order. */
  elements: ElementDef[];
}

export interface Framework {
  tiers: TierDef[];
  /** Labels that introduce a goal, indicator or follow-up line (e.g. `Tavoite`, `Indicator`). */
  goalLabels: { fi: string[]; en: string[] };
  /** Frontmatter fields every charter must have (default: `owner`, `next-review`). */
  requiredFields: string[];
}

// ---------------------------------------------------------------------------------------------
// Positions and edits

/** A point in a document: 1-based line and column (UTF-16 code units), 0-based offset. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

export interface Place {
  start: Point;
  end: Point;
}

/** Replace `[start, end)` (0-based UTF-16 offsets in the document text) with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  /** Localised, e.g. "Insert element `Psykologinen turvallisuus`". */
  description: string;
  edits: TextEdit[];
}

// ---------------------------------------------------------------------------------------------
// Findings

export interface RelatedLocation {
  file: string;
  place: Place;
  message: string;
}

/** A lint finding, shaped like a vfile message. */
export interface Finding {
  ruleId: string;
  /** The rule's readable name (e.g. `element-missing`'s name). */
  ruleName: string;
  source: 'charters';
  /** Localised message; values in backticks. */
  reason: string;
  severity: Severity;
  /** Handbook-relative path with `/` separators (or the path as given for single files). */
  file: string;
  place: Place;
  url: string;
  elementId?: string;
  tier?: string;
  expected?: string;
  actual?: string;
  related?: RelatedLocation[];
  fix?: Fix;
}

// ---------------------------------------------------------------------------------------------
// Charter model (the result of parsing one Markdown file)

export type ElementStatus = 'defined' | 'empty' | 'placeholder' | 'missing' | 'no-goal';

export interface ElementOccurrence {
  elementId: string;
  tier: string;
  /** How it was found: a heading, or an inline item (`🔹 Title: text`) as in the article. */
  kind: 'heading' | 'inline';
  /** Whether an explicit id (`{#id}`) named it. */
  explicit: boolean;
  /** The heading or item title as written. */
  title: string;
  /** Heading depth (1-6); for inline items, the depth of the section they live in + 1. */
  depth: number;
  /** Range of the heading line or of the item's title. */
  headingPlace: Place;
  /** Range of the whole section: from the heading to the end of its content. */
  sectionPlace: Place;
  /** Offsets of the content (after the heading / after the colon) in the document text. */
  contentStart: number;
  contentEnd: number;
  /** Plain text of the content, without HTML comments. */
  contentText: string;
  /** Goal/indicator lines found in the content. */
  goals: { label: string; text: string; place: Place }[];
}

export interface TierSection {
  tier: string;
  title: string;
  depth: number;
  headingPlace: Place;
  sectionPlace: Place;
}

export interface Frontmatter {
  /** Parsed data (an object), or undefined when there is none or it is broken. */
  data: Record<string, unknown> | undefined;
  /** Range of the whole frontmatter block including the `---` fences. */
  place: Place | undefined;
  /** Offset just after the last value line (before the closing fence), for inserting fields. */
  insertOffset: number | undefined;
  /** The raw YAML text. */
  raw: string | undefined;
  /** Line (1-based, in the document) of each top-level key. */
  keyLines: Record<string, number>;
  /** `message` is a code (`unclosed`, `not-mapping`, `too-large`, `too-many-keys`, with `params`) or the YAML parser's message. */
  error: { message: string; line: number; column: number; params?: Record<string, number> } | undefined;
}

export interface Charter {
  file: string;
  text: string;
  /** End-of-line sequence the file uses (`\n` or `\r\n`). */
  eol: string;
  frontmatter: Frontmatter;
  /** Whether this file is a charter (frontmatter names a tier, or config includes it). */
  isCharter: boolean;
  /** Tier ids of the charter, resolved from frontmatter (or inferred from tier headings). */
  tiers: string[];
  /**
   * A frontmatter that looks like a charter's but has no `tier`/`tiers` key (`Tier:`, `taso:`,
   * `teir:`, a tier's name under another key, the template's fields with element headings): the
   * key that was meant (if any), its line, and the tier value to suggest (as written, or an id).
   */
  tierHint: { key: string | undefined; line: number; value: string | undefined } | undefined;
  /** Raw tier values from frontmatter that did not resolve, with the key's line. */
  unknownTiers: { value: string; line: number }[];
  /** Whether `tiers:` (multi-tier) was used, or tier headings were inferred. */
  multiTier: boolean;
  lang: Lang;
  unit: string | undefined;
  owner: string | undefined;
  reviewed: string | undefined;
  nextReview: string | undefined;
  /** The document's title (first depth-1 heading), if any. */
  title: { text: string; place: Place } | undefined;
  tierSections: TierSection[];
  occurrences: ElementOccurrence[];
  /**
   * Headings with an explicit `{#id}` that names no element of their tier (a typo, or an
   * element of another tier). `matched`: the element the heading's text gave instead, if any.
   */
  unknownIds: { id: string; tier: string; matched: string | undefined; place: Place }[];
  /**
   * Where the user most likely wrote a missing element in a form that does not count: a heading
   * that only resembles the element's name, a bold or italic line instead of a heading, a table
   * cell (see `NearMiss`). At most one per missing element.
   */
  nearMisses: NearMiss[];
  /** Headings at the level of the elements that name nothing and resemble nothing (`heading-unrecognised`). */
  unrecognisedHeadings: { tier: string; title: string; place: Place; closest: string | undefined }[];
}

/** A missing element written in a form that does not count, and how to repair it. */
export interface NearMiss {
  tier: string;
  elementId: string;
  /**
   * A heading that resembles the name; a bold or italic line alone; a table row; a link whose
   * text names the element to another Markdown or Word file (a charter split over files); an
   * article item with a dash where its colon belongs (`🔹 Name – text`); a line Markdown does not
   * read as a heading (`##Name` without a space, a heading indented into a code block, a list item
   * that is the name alone); a heading that counts for another element and names this one too;
   * a multi-tier charter's element heading at the tier headings' level (it ends the tier's section).
   */
  kind: 'heading' | 'emphasis' | 'table' | 'link' | 'item' | 'nospace' | 'indented' | 'list' | 'shared' | 'level';
  /** For a link: its target as written. */
  target?: string;
  /** For a shared heading: the element it counts for. */
  other?: string;
  /** The title as written (without emphasis marks). */
  title: string;
  /** The heading, line or table row. */
  place: Place;
  /** Whether the words name the element (an emphasis line or table cell); false: only likely. */
  certain: boolean;
  /** How alike (see `resemblance`); above 1 for certain names. */
  score: number;
  /** Offset at which ` {#id}` is inserted to make a heading name the element (not for tables). */
  idAt: number | undefined;
  /** For an emphasis line: the heading level it should get (`##` …). */
  headingDepth: number | undefined;
}

/** What the handbook-level rules and the matrix need to know about one charter: cheap to keep. */
export interface CharterSummary {
  file: string;
  tiers: string[];
  unit: string | undefined;
  owner: string | undefined;
  nextReview: string | undefined;
  lang: Lang;
  title: string | undefined;
  elements: { elementId: string; tier: string; status: ElementStatus; line: number }[];
}

// ---------------------------------------------------------------------------------------------
// Rules and runs

export interface RuleMeta {
  /** Stable id; also the rule's readable name (kebab-case, e.g. `element-missing`). */
  id: string;
  /** Readable name; equal to the id. Kept separate so SARIF and docs can name both. */
  name: string;
  defaultSeverity: Severity;
  /** `charter`: checks one file; `handbook`: checks the whole handbook's summaries. */
  scope: 'charter' | 'handbook';
  /** Whether findings of this rule can carry a fix. */
  fixable: boolean;
  /** One-line description, localised. */
  title: LocalText;
  /** Link to the rule's documentation. */
  url: string;
}

/** A rule as a run applies it: its metadata and the severity the handbook's configuration gives it. */
export interface RunRule extends RuleMeta {
  /** `rules:` in charters.yaml, else the rule's default; `off`: the rule did not run. */
  severity: SeveritySetting;
}

/** A file the run could not lint (binary, not UTF-8, unreadable, too large), with the reason. */
export interface SkippedFile {
  file: string;
  reason: string;
}

/** The outcome of linting a set of files: what every formatter and the extension consume. */
export interface RunResult {
  /** All findings, sorted by file, line, column. Handbook-level ones included. */
  findings: Finding[];
  /** Files that were linted as charters. */
  charters: string[];
  /** Markdown files looked at that are not charters (no findings). */
  ignored: string[];
  skipped: SkippedFile[];
  /** Every rule with the severity the run gave it (for SARIF's `tool.driver.rules`). */
  rules: RunRule[];
  /** Count of fixes applied when run with `--fix`. */
  fixed?: number;
}

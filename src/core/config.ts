/**
 * The handbook configuration `charters.yaml`: parsed with js-yaml, validated against the shipped
 * JSON Schema with ajv, errors located at their line (through `yaml`'s source map), then merged
 * onto the default framework.
 */
import type { ErrorObject } from 'ajv';
// schemas/charters.schema.json compiled by ajv at build time (scripts/esbuild-plugins.mjs).
import validateSchema from 'virtual:config-validator';
import yaml from 'js-yaml';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { DEFAULT_FRAMEWORK } from './framework/default';
import { both, t } from './i18n';
import { RULES } from './rules/index';
import { yamlReason } from './i18n';
import type { ElementDef, Framework, Lang, LocalText, SeveritySetting, TierDef } from './types';

export const CONFIG_FILE = 'charters.yaml';
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;
export const DEFAULT_EXCLUDE = ['**/node_modules/**', '**/.git/**', '**/.*/**'];

export interface ResolvedConfig {
  framework: Framework;
  /** Globs that make a file a charter regardless of its frontmatter; undefined = by frontmatter. */
  include: string[] | undefined;
  exclude: string[];
  rules: Record<string, SeveritySetting>;
  language: Lang | undefined;
  maxFileSize: number;
  /** The handbook's title for the site and the print edition (`title`); undefined = README or folder. */
  title?: string | undefined;
}

export interface ConfigError {
  file: string;
  line: number;
  column: number;
  /** The message in English. */
  message: string;
  /** The message in both languages (absent only on errors made outside this module). */
  text?: LocalText;
}

/** A configuration error's message in `lang`. */
export function configErrorText(e: ConfigError, lang: Lang): string {
  return e.text?.[lang] ?? e.message;
}

/** An error with its message in both languages. */
function configError(file: string, line: number, column: number, text: LocalText): ConfigError {
  return { file, line, column, message: text.en, text };
}

/** `a`, `b` or `c` in backticks. */
function oneOf(lang: Lang, values: unknown[]): string {
  const q = values.map((v) => `\`${String(v)}\``);
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} ${lang === 'fi' ? 'tai' : 'or'} ${q[q.length - 1]}`;
}

/** An ajv error in plain words: in English as ajv says it, in Finnish translated. */
function schemaMessage(e: ErrorObject): LocalText {
  const p = e.params as Record<string, unknown>;
  const en = e.message ?? 'is invalid';
  switch (e.keyword) {
    case 'additionalProperties':
      return { fi: `sisältää tuntemattoman avaimen \`${String(p['additionalProperty'])}\``, en: `has an unknown key \`${String(p['additionalProperty'])}\`` };
    case 'enum': {
      const values = (p['allowedValues'] as unknown[]) ?? [];
      return { fi: `pitää olla ${oneOf('fi', values)}`, en: `must be one of ${values.map((v) => `\`${String(v)}\``).join(', ')}` };
    }
    case 'type': {
      const type = String(p['type']);
      const fi: Record<string, string> = { string: 'tekstiä', array: 'lista', object: 'avain–arvo-rakenne', boolean: '`true` tai `false`', integer: 'kokonaisluku', number: 'luku' };
      return { fi: `pitää olla ${fi[type] ?? type}`, en };
    }
    case 'required':
      return { fi: `tarvitsee avaimen \`${String(p['missingProperty'])}\``, en };
    case 'pattern':
      return { fi: `ei ole sallitussa muodossa (\`${String(p['pattern'])}\`)`, en };
    case 'minItems':
      return { fi: `tarvitsee vähintään ${String(p['limit'])} alkiota`, en };
    case 'minLength':
      return { fi: 'ei saa olla tyhjä', en };
    case 'minimum':
      return { fi: `pitää olla vähintään ${String(p['limit'])}`, en };
    case 'maximum':
      return { fi: `saa olla enintään ${String(p['limit'])}`, en };
    case 'uniqueItems':
      return { fi: 'sisältää saman arvon kahdesti', en };
    case 'const':
      return { fi: `pitää olla \`${String(p['allowedValue'])}\``, en };
    default:
      return { fi: 'ei ole sallittu arvo', en };
  }
}

export type ConfigResult = { ok: true; config: ResolvedConfig } | { ok: false; errors: ConfigError[] };

export function defaultConfig(): ResolvedConfig {
  return {
    framework: DEFAULT_FRAMEWORK,
    include: undefined,
    exclude: DEFAULT_EXCLUDE,
    rules: {},
    language: undefined,
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
  };
}

/** The schema's errors for `data`, or undefined when it is valid. */
function schemaErrors(data: unknown): ErrorObject[] | undefined {
  return validateSchema(data) ? undefined : (validateSchema.errors ?? []);
}

interface RawText {
  fi?: string;
  en?: string;
}
type TextInput = string | RawText;
interface RawElement {
  id: string;
  name?: TextInput;
  aliases?: string[];
  description?: TextInput;
  questions?: { fi?: string[]; en?: string[] };
  drop?: boolean;
}
interface RawTier {
  id: string;
  name?: TextInput;
  role?: TextInput;
  aliases?: string[];
  elements?: RawElement[];
  drop?: boolean;
}
interface RawConfig {
  title?: string;
  language?: Lang;
  include?: string[];
  exclude?: string[];
  'max-file-size'?: number;
  framework?: {
    extends?: 'default' | 'none';
    tiers?: RawTier[];
    'goal-labels'?: { fi?: string[]; en?: string[] };
    'required-fields'?: string[];
  };
  rules?: Record<string, SeveritySetting>;
}

/** Parse and validate the text of `charters.yaml` (`file` is the name used in messages). */
export function parseConfig(text: string, file = CONFIG_FILE): ConfigResult {
  const src = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    // Not `json: true`: that lets a repeated key (a second `rules:`) silently replace the first.
    data = yaml.load(src, { schema: yaml.CORE_SCHEMA, filename: file });
  } catch (e) {
    const err = e as { reason?: string; message?: string; mark?: { line: number; column: number } };
    const reason = err.reason ?? err.message ?? String(e);
    return {
      ok: false,
      errors: [
        configError(file, (err.mark?.line ?? 0) + 1, (err.mark?.column ?? 0) + 1, {
          fi: `YAML-muoto ei kelpaa: ${yamlReason('fi', reason)}`,
          en: `invalid YAML: ${reason}`,
        }),
      ],
    };
  }
  if (data === null || data === undefined) data = {};
  const invalid = schemaErrors(data);
  if (invalid) {
    const locate = locator(src);
    const seen = new Set<string>();
    const errors: ConfigError[] = [];
    for (const e of invalid) {
      // oneOf/anyOf wrappers repeat what their branches say; keep the most specific messages.
      if (e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'if') continue;
      const path = e.instancePath.split('/').slice(1).map(unescapePointer);
      const what = e.instancePath ? { fi: `\`${path.join('.')}\``, en: `\`${path.join('.')}\`` } : { fi: 'Ylin taso', en: 'the top level' };
      const message = schemaMessage(e);
      if (e.keyword === 'additionalProperties') path.push((e.params as { additionalProperty: string }).additionalProperty);
      const { line, column } = locate(path, e.keyword === 'additionalProperties');
      const text = { fi: `${what.fi} ${message.fi}`, en: `${what.en} ${message.en}` };
      if (seen.has(`${line}:${text.en}`)) continue;
      seen.add(`${line}:${text.en}`);
      errors.push(configError(file, line, column, text));
    }
    return { ok: false, errors };
  }
  const raw = data as RawConfig;
  const errors: ConfigError[] = [];
  const locate = locator(src);
  const known = new Set(RULES.map((r) => r.meta.id));
  for (const id of Object.keys(raw.rules ?? {})) {
    if (!known.has(id)) {
      const { line, column } = locate(['rules', id], true);
      errors.push(configError(file, line, column, { fi: `tuntematon sääntö \`${id}\` kohdassa \`rules\` (katso \`charters rules\`)`, en: `unknown rule \`${id}\` in \`rules\` (see \`charters rules\`)` }));
    }
  }
  for (const key of ['include', 'exclude'] as const) {
    const list = raw[key] ?? [];
    if (list.length > MAX_GLOBS) {
      const { line, column } = locate([key], true);
      errors.push(configError(file, line, column, both('config.glob-count', { key, count: list.length, limit: MAX_GLOBS })));
      continue;
    }
    list.forEach((glob, i) => {
      if (globProblem(glob) === undefined) return;
      const { line, column } = locate([key, i], false);
      errors.push(configError(file, line, column, { fi: globProblem(glob, 'fi')!, en: globProblem(glob, 'en')! }));
    });
  }
  const framework = mergeFramework(raw, (path, message) => {
    const { line, column } = locate(path, false);
    errors.push(configError(file, line, column, message));
  });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    config: {
      framework,
      include: raw.include,
      exclude: [...DEFAULT_EXCLUDE, ...(raw.exclude ?? [])],
      rules: requiredFieldSeverities(raw),
      language: raw.language,
      maxFileSize: raw['max-file-size'] ?? DEFAULT_MAX_FILE_SIZE,
      title: raw.title?.trim() || undefined,
    },
  };
}

/**
 * `rules:` as written, plus what an explicit `framework.required-fields` says: a field the handbook
 * itself lists as required is an error when it is missing. `owner` and `next-review` have their own
 * rules (warnings by default, for a handbook that never said they are required); listing them makes
 * `owner-missing` and `review-missing` errors, unless `rules:` sets their severity itself.
 */
function requiredFieldSeverities(raw: RawConfig): Record<string, SeveritySetting> {
  const rules: Record<string, SeveritySetting> = { ...(raw.rules ?? {}) };
  const listed = raw.framework?.['required-fields'];
  if (!listed) return rules;
  for (const [field, rule] of [['owner', 'owner-missing'], ['next-review', 'review-missing']] as const) {
    if (listed.includes(field) && rules[rule] === undefined) rules[rule] = 'error';
  }
  return rules;
}

// ---------------------------------------------------------------------------------------------
// Globs that match in reasonable time
//
// picomatch compiles a glob to a backtracking regular expression: each `*` becomes `[^/]*?` and
// each `**` a lazy run over any character, so a glob with k wildcards separated by literals that
// recur in the path (`*a*a*a*a*a*a*a*a*b` against a name of 60 `a`s: 58 s) costs about n^k on a
// path of n characters. Paths are short but hostile (a repository can hold 255-character names
// and 4,000-character paths), and every discovered path is matched against every glob, so the
// config refuses what would be slow, measured (npm run bench -- --hostile-only): within these
// limits the worst glob found costs about 70 ms on a 4,000-character path (`**/a/**/b`) and a
// few ms on a 255-character name (`*a*b`); one more wildcard costs seconds to minutes.

/** Characters in one glob. */
export const MAX_GLOB_LENGTH = 256;
/** Globs in `include` or in `exclude`. */
export const MAX_GLOBS = 100;
/** Wildcards (`*` runs, a `**` counting once) in one glob; the default glob for dot folders has 3. */
export const MAX_GLOB_WILDCARDS = 4;
/** `*` runs in one path segment of a glob (`*a*b` has 2). */
export const MAX_SEGMENT_STARS = 2;
/** `**` in one glob. */
export const MAX_GLOBSTARS = 2;
/** Brace groups plus their alternatives in one glob (`{a,b}` counts 2). */
export const MAX_GLOB_ALTERNATIVES = 16;

/** Why `glob` is refused (localised), or undefined when it is fine. Linear in the glob's length. */
export function globProblem(glob: string, lang: Lang = 'en'): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return t(lang, 'config.glob-length', { glob: glob.slice(0, 40) + '…', length: glob.length, limit: MAX_GLOB_LENGTH });
  let wildcards = 0;
  let globstars = 0;
  let segmentStars = 0;
  let maxSegmentStars = 0;
  let alternatives = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '\\') {
      i++; // an escaped character is a literal
      continue;
    }
    if ('@!*+?'.includes(c) && glob[i + 1] === '(') return t(lang, 'config.glob-extglob', { glob });
    if (c === '/') {
      segmentStars = 0;
      continue;
    }
    if (c === '{' || c === ',') alternatives++;
    if (c !== '*') continue;
    let j = i;
    while (glob[j + 1] === '*') j++;
    if (glob[j + 1] === '(') return t(lang, 'config.glob-extglob', { glob });
    wildcards++;
    // `**` is a globstar only as a whole segment; elsewhere picomatch reads it as `*`.
    const whole = j > i && (i === 0 || glob[i - 1] === '/') && (j === glob.length - 1 || glob[j + 1] === '/');
    if (whole) globstars++;
    else maxSegmentStars = Math.max(maxSegmentStars, ++segmentStars);
    i = j;
  }
  const why =
    wildcards > MAX_GLOB_WILDCARDS
      ? t(lang, 'config.glob-stars.total', { count: wildcards, limit: MAX_GLOB_WILDCARDS })
      : maxSegmentStars > MAX_SEGMENT_STARS
        ? t(lang, 'config.glob-stars.segment', { count: maxSegmentStars, limit: MAX_SEGMENT_STARS })
        : globstars > MAX_GLOBSTARS
          ? t(lang, 'config.glob-stars.globstar', { count: globstars, limit: MAX_GLOBSTARS })
          : alternatives > MAX_GLOB_ALTERNATIVES
            ? t(lang, 'config.glob-stars.braces', { count: alternatives, limit: MAX_GLOB_ALTERNATIVES })
            : undefined;
  return why === undefined ? undefined : t(lang, 'config.glob-stars', { glob, why });
}

function unescapePointer(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Line and column (1-based) of the node at `path` (or of its key) in the YAML source. */
function locator(src: string): (path: (string | number)[], key: boolean) => { line: number; column: number } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(src, { lineCounter, keepSourceTokens: false, uniqueKeys: false });
  return (path, key) => {
    // Walk up the path until a node is found.
    for (let n = path.length; n >= 0; n--) {
      const p = path.slice(0, n).map((s) => (typeof s === 'string' && /^\d+$/.test(s) ? Number(s) : s));
      let offset: number | undefined;
      if (key && n === path.length && n > 0) {
        const parent = p.length > 1 ? doc.getIn(p.slice(0, -1), true) : doc.contents;
        const pair = isNode(parent) && 'items' in parent ? (parent.items as { key: unknown }[]).find((it) => isNode(it.key) && String((it.key as { value?: unknown }).value) === String(p[p.length - 1])) : undefined;
        const k = pair?.key;
        if (isNode(k) && k.range) offset = k.range[0];
      } else {
        const node = p.length === 0 ? doc.contents : doc.getIn(p, true);
        if (isNode(node) && node.range) offset = node.range[0];
      }
      if (offset !== undefined) {
        const pos = lineCounter.linePos(offset);
        return { line: pos.line, column: pos.col };
      }
    }
    return { line: 1, column: 1 };
  };
}

/**
 * A localised text from config. Renaming an existing name in one language keeps the other
 * language; a new tier or element named in one language uses that name in both.
 */
function text(input: TextInput | undefined, fallback: LocalText, isNew = false): LocalText {
  if (input === undefined) return fallback;
  if (typeof input === 'string') return { fi: input, en: input };
  if (isNew) {
    const any = input.fi ?? input.en ?? fallback.fi;
    return { fi: input.fi ?? any, en: input.en ?? any };
  }
  return { fi: input.fi ?? fallback.fi, en: input.en ?? fallback.en };
}

/** The default framework with the handbook's changes: renamed, added, dropped tiers and elements. */
export function mergeFramework(raw: RawConfig, error: (path: (string | number)[], message: LocalText) => void = () => {}): Framework {
  const f = raw.framework ?? {};
  const base = f.extends === 'none' ? [] : DEFAULT_FRAMEWORK.tiers;
  const tiers: TierDef[] = base.map((t) => ({ ...t, aliases: [...t.aliases], elements: t.elements.map((e) => ({ ...e })) }));
  (f.tiers ?? []).forEach((rt, ti) => {
    const at = tiers.findIndex((t) => t.id === rt.id);
    if (rt.drop) {
      if (at >= 0) tiers.splice(at, 1);
      else error(['framework', 'tiers', ti, 'id'], { fi: `\`drop\` nimeää johtotason \`${rt.id}\`, jota viitekehyksessä ei ole`, en: `\`drop\` names tier \`${rt.id}\`, which the framework does not have` });
      return;
    }
    let tier = at >= 0 ? tiers[at] : undefined;
    if (!tier) {
      if (!rt.name) error(['framework', 'tiers', ti], { fi: `uusi johtotaso \`${rt.id}\` tarvitsee nimen (\`name\`)`, en: `new tier \`${rt.id}\` needs a \`name\`` });
      tier = { id: rt.id, name: text(rt.name, { fi: rt.id, en: rt.id }, true), role: text(rt.role, { fi: '', en: '' }, true), aliases: [], elements: [] };
      tiers.push(tier);
    } else {
      tier.name = text(rt.name, tier.name);
      tier.role = text(rt.role, tier.role);
    }
    tier.aliases.push(...(rt.aliases ?? []));
    const current = tier;
    (rt.elements ?? []).forEach((re, ei) => {
      const path = ['framework', 'tiers', ti, 'elements', ei];
      const idx = current.elements.findIndex((e) => e.id === re.id);
      if (re.drop) {
        if (idx >= 0) current.elements.splice(idx, 1);
        else error([...path, 'id'], { fi: `\`drop\` nimeää osa-alueen \`${re.id}\`, jota johtotasolla \`${current.id}\` ei ole`, en: `\`drop\` names element \`${re.id}\`, which tier \`${current.id}\` does not have` });
        return;
      }
      if (idx >= 0) {
        const e = current.elements[idx]!;
        current.elements[idx] = {
          ...e,
          name: text(re.name, e.name),
          aliases: [...e.aliases, ...(re.aliases ?? [])],
          description: text(re.description, e.description),
          questions: { fi: re.questions?.fi ?? e.questions.fi, en: re.questions?.en ?? e.questions.en },
        };
        return;
      }
      const other = tiers.find((t) => t.elements.some((e) => e.id === re.id));
      if (other) {
        error([...path, 'id'], { fi: `osa-alueen tunniste \`${re.id}\` on jo johtotason \`${other.id}\` käytössä`, en: `element id \`${re.id}\` is already used by tier \`${other.id}\`` });
        return;
      }
      if (!re.name) error(path, { fi: `uusi osa-alue \`${re.id}\` tarvitsee nimen (\`name\`)`, en: `new element \`${re.id}\` needs a \`name\`` });
      const el: ElementDef = {
        id: re.id,
        tier: current.id,
        name: text(re.name, { fi: re.id, en: re.id }, true),
        aliases: re.aliases ?? [],
        description: text(re.description, { fi: '', en: '' }, true),
        questions: { fi: re.questions?.fi ?? [], en: re.questions?.en ?? [] },
      };
      current.elements.push(el);
    });
  });
  return {
    tiers,
    goalLabels: {
      fi: f['goal-labels']?.fi ?? DEFAULT_FRAMEWORK.goalLabels.fi,
      en: f['goal-labels']?.en ?? DEFAULT_FRAMEWORK.goalLabels.en,
    },
    requiredFields: f['required-fields'] ?? DEFAULT_FRAMEWORK.requiredFields,
  };
}

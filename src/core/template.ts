/**
 * Charter templates and element stubs, generated from the framework so that templates,
 * quick fixes and `charters new` always agree with the rules.
 */
import type { FrameworkLookup } from './framework/lookup';
import { t } from './i18n';
import type { ElementDef, Lang, TierDef } from './types';

/** The heading text of an element with its explicit id, e.g. `Visio ja kulttuuri {#vision-and-culture}`. */
export function elementHeading(el: ElementDef, lang: Lang): string {
  return `${el.name[lang] || el.name.en || el.id} {#${el.id}}`;
}

/**
 * The body of an element in a fresh template: a comment with its description, a prompt built
 * from its guiding questions and goal/indicator lines, all placeholders until someone writes.
 */
export function elementStub(el: ElementDef, lang: Lang, lookup: FrameworkLookup, eol = '\n'): string {
  const [goal, indicator] = lookup.goalTemplateLabels(lang);
  const placeholder = t(lang, 'stub.placeholder');
  const questions = el.questions[lang].join(' ');
  const lines: string[] = [];
  if (el.description[lang]) lines.push(`<!-- ${el.description[lang].replace(/--/g, '–')} -->`);
  lines.push(`_[${t(lang, 'stub.write-here')}${questions ? `: ${questions}` : ''}]_`, '');
  lines.push(`- ${goal}: _[${placeholder}]_`);
  if (indicator !== goal) lines.push(`- ${indicator}: _[${placeholder}]_`);
  return lines.join(eol);
}

/** A whole element section: heading, blank line, stub. */
export function elementSection(el: ElementDef, lang: Lang, lookup: FrameworkLookup, depth: number, eol = '\n'): string {
  return `${'#'.repeat(Math.min(6, Math.max(2, depth)))} ${elementHeading(el, lang)}${eol}${eol}${elementStub(el, lang, lookup, eol)}`;
}

export interface TemplateOptions {
  unit?: string;
  owner?: string;
}

function yamlString(value: string): string {
  return JSON.stringify(value);
}

/** A complete charter for one tier, ready to fill in. */
export function renderTemplate(tier: TierDef, lang: Lang, lookup: FrameworkLookup, options: TemplateOptions = {}): string {
  // The unit, when given, goes in the title too ("Esihenkilöt – Myynti: …"), on one line.
  const unit = options.unit?.replace(/\s+/g, ' ').trim();
  const who = `${tier.name[lang]}${unit ? ` – ${unit}` : ''}`;
  const title = lang === 'fi' ? `${who}: oppimisen johtamisen vastuut` : `${who}: responsibilities for leading learning`;
  const intro =
    lang === 'fi'
      ? `Tämä peruskirja kuvaa, mitä johtotasolta ${tier.name.fi} odotetaan oppimisen johtamisessa. Rooli: ${tier.role.fi.toLowerCase()}.`
      : `This charter sets out what is expected of ${tier.name.en.toLowerCase()} in leading learning. Role: ${tier.role.en.toLowerCase()}.`;
  const out = [
    '---',
    `tier: ${tier.id}`,
    options.unit ? `unit: ${yamlString(options.unit)}` : 'unit:',
    options.owner ? `owner: ${yamlString(options.owner)}` : 'owner:',
    'reviewed:',
    'next-review:',
    `lang: ${lang}`,
    '---',
    '',
    `# ${title}`,
    '',
    intro,
    '',
  ];
  for (const el of tier.elements) {
    out.push(elementSection(el, lang, lookup, 2), '');
  }
  return out.join('\n');
}

export interface Snippet {
  prefix: string[];
  body: string[];
  description: string;
}

function snippetEscape(s: string): string {
  return s.replace(/[$}\\]/g, '\\$&');
}

/** VS Code snippets: frontmatter per language, and each element's section in fi and en. */
export function snippets(lookup: FrameworkLookup): Record<string, Snippet> {
  const out: Record<string, Snippet> = {};
  const tiers = lookup.framework.tiers.map((t) => t.id).join(',');
  for (const lang of ['fi', 'en'] as Lang[]) {
    out[`charter-frontmatter-${lang}`] = {
      prefix: ['charter', lang === 'fi' ? 'peruskirja' : 'frontmatter'],
      body: ['---', `tier: \${1|${tiers}|}`, 'unit: ${2}', 'owner: ${3}', 'reviewed: ${4:$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE}', 'next-review: ${5}', `lang: ${lang}`, '---', '', '# ${6}', '', '$0'],
      description: lang === 'fi' ? 'Peruskirjan frontmatter (suomi)' : 'Charter frontmatter (English)',
    };
    for (const tier of lookup.framework.tiers) {
      for (const el of tier.elements) {
        const body = elementSection(el, lang, lookup, 2).split('\n').map(snippetEscape);
        body.push('', '$0');
        out[`${el.id}-${lang}`] = {
          prefix: [`${lang === 'fi' ? 'osa' : 'element'}-${el.id}`, `## ${el.name[lang]}`],
          body,
          description: `${tier.name[lang]}: ${el.name[lang]}`,
        };
      }
    }
  }
  return out;
}

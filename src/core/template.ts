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
  const title = lang === 'fi' ? `${tier.name.fi}: oppimisen johtamisen vastuut` : `${tier.name.en}: responsibilities for leading learning`;
  const intro =
    lang === 'fi'
      ? `Tämä peruskirja kuvaa, mitä tason ${tier.name.fi.toLowerCase()} johtajilta odotetaan oppimisen johtamisessa. Rooli: ${tier.role.fi.toLowerCase()}.`
      : `This charter sets out what is expected of ${tier.name.en.toLowerCase()} in leading learning. Role: ${tier.role.en.toLowerCase()}.`;
  const out = [
    '---',
    `tier: ${tier.id}`,
    `unit: ${options.unit ? yamlString(options.unit) : ''}`,
    `owner: ${options.owner ? yamlString(options.owner) : ''}`,
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

/**
 * What to do about each rule's finding, in one sentence per language, and the link to the rule's
 * documentation in a language: `<id>.md` (English, with a short Finnish summary) or
 * `<id>.fi.md` (Finnish), both beside the rule's source. Shown by `charters rules`.
 * Pure data; the rule files keep their own metadata (title, severity) untouched.
 */
import type { Lang } from '../types';
import { DOCS_BASE } from './rule';

export const RULE_HINTS: Record<string, Record<Lang, string>> = {
  'frontmatter-invalid': {
    fi: 'Korjaa otsaketiedot (peruskirjan alun `---`-rivien väliset kentät): kelvollinen YAML, tunnetut kentät, oikeat arvot.',
    en: 'Fix the frontmatter (the fields between the `---` lines at the top): valid YAML, known keys, values of the right form.',
  },
  'tier-missing': {
    fi: 'Kerro otsaketiedoissa, minkä johtotason peruskirja on, esim. `tier: esihenkilöt`.',
    en: 'Say in the frontmatter which tier the charter is for, e.g. `tier: supervisors`.',
  },
  'tier-unknown': {
    fi: 'Käytä johtotasoa, jonka käsikirja tuntee (`charters new --help` luettelee ne), tai lisää taso charters.yaml-tiedostoon.',
    en: 'Use a tier the handbook knows (`charters new --help` lists them), or add the tier to charters.yaml.',
  },
  'element-missing': {
    fi: 'Lisää osa-alueelle oma otsikko ja sisältö; --fix lisää täytettävän pohjan.',
    en: 'Add a heading and content for the element; --fix adds a stub to fill in.',
  },
  'element-empty': {
    fi: 'Kirjoita osa-alueen otsikon alle, mitä tämä taso tekee: vastuu, tavoite, mittari.',
    en: 'Write under the element heading what this tier does: a responsibility, a goal, a measure.',
  },
  'element-placeholder': {
    fi: 'Korvaa mallipohjan teksti omalla sisällöllä.',
    en: "Replace the template's text with your own content.",
  },
  'element-duplicate': {
    fi: 'Yhdistä saman osa-alueen kaksi osiota yhdeksi.',
    en: 'Merge the two sections of the same element into one.',
  },
  'element-id-unknown': {
    fi: 'Korjaa otsikon `{#tunniste}` johonkin tämän tason osa-alueeseen tai poista se.',
    en: "Correct the heading's `{#id}` to one of this tier's elements, or remove it.",
  },
  'goal-missing': {
    fi: 'Kirjoita osa-alueelle tavoite tai mittari (esim. `Tavoite:` tai `Mittari:`).',
    en: 'Give the element a goal or measure (e.g. `Goal:` or `Measure:`).',
  },
  'owner-missing': {
    fi: 'Nimeä peruskirjan omistaja otsaketiedoissa, esim. `owner: Maija Mallikas`.',
    en: 'Name the charter’s owner in the frontmatter, e.g. `owner: Maija Mallikas`.',
  },
  'review-missing': {
    fi: 'Merkitse seuraava katselmointi otsaketietoihin, esim. `next-review: 2027-03-31`.',
    en: 'Set the next review in the frontmatter, e.g. `next-review: 2027-03-31`.',
  },
  'review-overdue': {
    fi: 'Katselmoi peruskirja ja siirrä `next-review` tulevaisuuteen.',
    en: 'Review the charter and move `next-review` into the future.',
  },
  'tier-without-charter': {
    fi: 'Luo puuttuvalle johtotasolle peruskirja: `charters new <taso>`.',
    en: 'Create a charter for the tier that has none: `charters new <tier>`.',
  },
  'heading-unrecognised': {
    fi: 'Nimeä otsikko osa-alueen nimellä tai lisää siihen `{#tunniste}`; muuten sen sisältö ei kuulu mihinkään osa-alueeseen.',
    en: 'Name the heading after an element or add `{#id}` to it; otherwise its content counts for no element.',
  },
};

/** Rules whose documentation exists in Finnish as `<id>.fi.md` (a unit test keeps this true). */
export const FINNISH_DOCS: ReadonlySet<string> = new Set([
  'frontmatter-invalid',
  'tier-missing',
  'tier-unknown',
  'element-missing',
  'element-empty',
  'element-placeholder',
  'element-duplicate',
  'element-id-unknown',
  'goal-missing',
  'owner-missing',
  'review-missing',
  'review-overdue',
  'tier-without-charter',
  'heading-unrecognised',
]);

/** What to do about a finding of rule `id`, in `lang` ('' for a rule without a hint). */
export function ruleHint(id: string, lang: Lang): string {
  return RULE_HINTS[id]?.[lang] ?? '';
}

/** The rule's documentation in `lang`: the Finnish page when there is one. */
export function ruleDocsUrl(id: string, lang: Lang): string {
  return lang === 'fi' && FINNISH_DOCS.has(id) ? `${DOCS_BASE}${id}.fi.md` : `${DOCS_BASE}${id}.md`;
}

/**
 * A rule's documentation link (`meta.url`, `<id>.md`) in `lang`: the Finnish page beside it when
 * there is one. Other links are returned as they are.
 */
export function localisedDocsUrl(url: string, id: string, lang: Lang): string {
  return lang === 'fi' && FINNISH_DOCS.has(id) && url.endsWith(`/${id}.md`) ? `${url.slice(0, -3)}.fi.md` : url;
}

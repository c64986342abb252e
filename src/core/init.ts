/** The files of a new handbook (`charters init`, and the extension's "Initialise handbook"). */
import type { FrameworkLookup } from './framework/lookup';
import { renderTemplate } from './template';
import { slug } from './text';
import type { Lang, TierDef } from './types';

export interface NewFile {
  /** Path relative to the handbook root, `/`-separated. */
  path: string;
  text: string;
}

export function configTemplate(lang: Lang): string {
  const fi = lang === 'fi';
  return `# ${fi ? 'Oppimisen johtamisen käsikirjan asetukset' : 'Settings of the learning-leadership handbook'}
# ${fi ? 'Skeema' : 'Schema'}: https://github.com/leadership-charters/charters/blob/main/schemas/charters.schema.json
language: ${lang}

# ${fi ? 'Peruskirjat tunnistetaan frontmatterin kentästä `tier`. Rajaa tarvittaessa:' : 'Charters are recognised by `tier` in their frontmatter. To narrow it down:'}
# include: ["charters/**/*.md"]
exclude: ["README.md"]

framework:
  extends: default
  # ${fi ? 'Nimeä, lisää tai poista tasoja ja osa-alueita:' : 'Rename, add or drop tiers and elements:'}
  # tiers:
  #   - id: supervisors
  #     name: { fi: Tiiminvetäjät, en: Team leads }
  #     elements:
  #       - id: agile-learning
  #         aliases: ["${fi ? 'Työssä oppiminen' : 'Learning on the job'}"]
  required-fields: [owner, next-review]

rules:
  review-missing: note
  # goal-missing: error
`;
}

export const WORKFLOW = `name: Charters
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      # Findings appear as annotations on the pull request's changed lines.
      - run: npx --yes leadership-charters lint . --format github
`;

/**
 * The file name of a tier's charter in a language: its name there as a slug (`Esihenkilöt` →
 * `esihenkilot`), the id when the name gives nothing or another tier already took it.
 */
export function charterFileStem(tier: TierDef, lang: Lang, taken: ReadonlySet<string> = new Set()): string {
  const stem = slug(tier.name[lang]);
  return stem && !taken.has(stem) ? stem : tier.id;
}

export function initFiles(lookup: FrameworkLookup, lang: Lang): NewFile[] {
  const files: NewFile[] = [{ path: 'charters.yaml', text: configTemplate(lang) }];
  const taken = new Set<string>();
  for (const tier of lookup.framework.tiers) {
    const stem = charterFileStem(tier, lang, taken);
    taken.add(stem);
    files.push({ path: `${stem}.md`, text: renderTemplate(tier, lang, lookup) });
  }
  files.push({ path: '.github/workflows/charters.yml', text: WORKFLOW });
  return files;
}

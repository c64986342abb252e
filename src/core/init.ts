/** The files of a new handbook (`charters init`, and the extension's "Initialise handbook"). */
import type { FrameworkLookup } from './framework/lookup';
import { renderTemplate } from './template';
import { slug } from './text';
import type { Lang, TierDef } from './types';
import { VERSION as TOOL_VERSION } from './version';

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

# ${fi ? 'Peruskirjat tunnistetaan otsaketietojen (tiedoston alun `---`-rivien välissä) kentästä `tier`. Rajaa tarvittaessa:' : 'Charters are recognised by `tier` in their frontmatter. To narrow it down:'}
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
  # ${fi ? 'Pakolliset otsaketiedot: puuttuva on virhe (ellei rules-kohta sano muuta).' : 'Required frontmatter fields: a missing one is an error (unless rules: says otherwise).'}
  required-fields: [owner, next-review]

rules:
  review-missing: note
  # goal-missing: error
`;
}

/** The GitHub Action of this tool: the workflow `init` writes runs it at the tag of the version that wrote it. */
export const ACTION_REPOSITORY = 'leadership-charters/charters';
/** Where GitHub reads workflows, relative to the repository root. */
export const WORKFLOW_PATH = '.github/workflows/charters.yml';
/** Official actions at their current major versions, and the Node LTS the action pins. */
export const CHECKOUT_ACTION = 'actions/checkout@v7';

export interface WorkflowOptions {
  /** The handbook's folder relative to the repository root, `/`-separated; `.` at the root. */
  handbook: string;
  lang: Lang;
  /** The tool's version: the workflow uses the action at exactly this tag (`v<version>`). */
  version: string;
}

/** A YAML double-quoted scalar (JSON's string syntax is YAML's too). */
function yamlString(text: string): string {
  return JSON.stringify(text);
}

/** A literal path inside a GitHub `paths:` filter pattern (its special characters escaped). */
function filterLiteral(path: string): string {
  return path.replace(/[\\*?+[\]!]/g, '\\$&');
}

/**
 * The GitHub workflow of a handbook: pull requests (and pushes to the default branch) that touch
 * the handbook or this workflow are linted by the action at the exact version that wrote it, on
 * a pinned Node LTS, with least permissions: `contents: read`, and `security-events: write` only
 * in the code-scanning job, which runs for branches of this repository (a fork's pull request
 * gets no write token).
 */
export function workflowTemplate(o: WorkflowOptions): string {
  const fi = o.lang === 'fi';
  const root = o.handbook === '' || o.handbook === '.';
  const filters = root ? ['**.md', '**/charters.yaml', WORKFLOW_PATH] : [`${filterLiteral(o.handbook)}/**`, WORKFLOW_PATH];
  const paths = filters.map((f) => `      - ${yamlString(f)}`).join('\n');
  const action = `${ACTION_REPOSITORY}@v${o.version}`;
  const handbook = yamlString(root ? '.' : o.handbook);
  return `# ${fi ? 'Oppimisen johtamisen peruskirjat: tarkistaa jokaisen pull requestin, joka muuttaa käsikirjaa.' : 'Leadership charters: checks every pull request that changes the handbook.'}
# ${fi ? `Kirjoittanut \`charters init\` (leadership-charters ${o.version}).` : `Written by \`charters init\` (leadership-charters ${o.version}).`} https://github.com/${ACTION_REPOSITORY}#github-action
name: ${fi ? 'Peruskirjat' : 'Leadership charters'}
on:
  pull_request:
    paths:
${paths}
  push:
    branches: [main, master]
    paths:
${paths}
  workflow_dispatch:
permissions:
  contents: read
jobs:
  review:
    name: ${fi ? 'Tarkista peruskirjat' : 'Review the charters'}
    runs-on: ubuntu-latest
    steps:
      - uses: ${CHECKOUT_ACTION}
        with:
          # ${fi ? 'Myös pull requestin kohdehaara: muutetuilla riveillä olevat havainnot näytetään ensin.' : "The pull request's base branch too: findings on changed lines are shown first."}
          fetch-depth: 0
          persist-credentials: false
      # ${fi ? 'Merkinnät pull requestiin (niin monta kuin GitHub näyttää) ja yhteenveto ajon sivulle.' : 'Annotations on the pull request (as many as GitHub shows) and a summary on the run page.'}
      - uses: ${action}
        with:
          paths: ${handbook}
  code-scanning:
    # ${fi ? 'Kaikki havainnot Security-välilehdelle (code scanningissa ei ole merkintöjen rajaa). Vaatii' : 'Every finding in the Security tab (code scanning has no annotation limit). Needs code'}
    # ${fi ? 'code scanningin (julkiset repositoriot; yksityiset GitHub Advanced Securityn kanssa); poista tämä työ muuten.' : 'scanning (public repositories; private ones with GitHub Advanced Security); delete this job otherwise.'}
    name: ${fi ? 'Code scanning (SARIF)' : 'Code scanning (SARIF)'}
    if: github.event_name != 'pull_request' || github.event.pull_request.head.repo.full_name == github.repository
    runs-on: ubuntu-latest
    permissions:
      contents: read
      security-events: write
    steps:
      - uses: ${CHECKOUT_ACTION}
        with:
          persist-credentials: false
      - uses: ${action}
        with:
          paths: ${handbook}
          annotations: false
          summary: false
          sarif: true
`;
}

/**
 * The file name of a tier's charter in a language: its name there as a slug (`Esihenkilöt` →
 * `esihenkilot`), the id when the name gives nothing or another tier already took it.
 */
export function charterFileStem(tier: TierDef, lang: Lang, taken: ReadonlySet<string> = new Set()): string {
  const stem = slug(tier.name[lang]);
  return stem && !taken.has(stem) ? stem : tier.id;
}

/**
 * The files of a new handbook: charters.yaml and one charter per tier, plus the workflow at
 * `.github/workflows/charters.yml` of the handbook folder unless `workflow` is false (the CLI
 * writes it at the git repository's root itself, see `workflowTemplate`).
 */
export function initFiles(lookup: FrameworkLookup, lang: Lang, workflow: { version: string } | false = { version: TOOL_VERSION }): NewFile[] {
  const files: NewFile[] = [{ path: 'charters.yaml', text: configTemplate(lang) }];
  const taken = new Set<string>();
  for (const tier of lookup.framework.tiers) {
    const stem = charterFileStem(tier, lang, taken);
    taken.add(stem);
    files.push({ path: `${stem}.md`, text: renderTemplate(tier, lang, lookup) });
  }
  if (workflow) files.push({ path: WORKFLOW_PATH, text: workflowTemplate({ handbook: '.', lang, version: workflow.version }) });
  return files;
}

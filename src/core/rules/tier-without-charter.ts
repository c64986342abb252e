import { t } from '../i18n';
import { meta, type HandbookRule } from './rule';

const START = { line: 1, column: 1, offset: 0 };

export const tierWithoutCharter: HandbookRule = {
  meta: meta({
    id: 'tier-without-charter',
    scope: 'handbook',
    defaultSeverity: 'error',
    fixable: false,
    title: { fi: 'Johtotasolla ei ole peruskirjaa käsikirjassa', en: 'A tier of the framework has no charter in the handbook' },
  }),
  check({ summaries, lookup, lang, configFile, report }) {
    const covered = new Set(summaries.flatMap((s) => s.tiers));
    for (const tier of lookup.framework.tiers) {
      if (covered.has(tier.id)) continue;
      report({
        file: configFile,
        reason: t(lang, 'tier-without-charter', { name: tier.name[lang] }),
        place: { start: START, end: START },
        tier: tier.id,
      });
    }
  },
};

import { t } from '../i18n';
import { occurrenceStatus } from '../status';
import { meta, type CharterRule } from './rule';

export const goalMissing: CharterRule = {
  meta: meta({
    id: 'goal-missing',
    scope: 'charter',
    defaultSeverity: 'warning',
    fixable: false,
    title: { fi: 'Osa-alueelle ei ole kirjattu tavoitetta tai mittaria', en: 'An element states no goal or indicator' },
  }),
  check({ charter, lookup, lang, report }) {
    const seen = new Set<string>();
    for (const occ of charter.occurrences) {
      const key = `${occ.tier}\u0000${occ.elementId}`;
      if (seen.has(key)) continue; // duplicates are element-duplicate's business
      seen.add(key);
      if (occurrenceStatus(occ, lookup) !== 'no-goal') continue;
      const el = lookup.element(occ.elementId)!;
      const [label] = lookup.goalTemplateLabels(lang);
      report({ reason: t(lang, 'goal-missing', { name: el.name[lang], label }), place: occ.headingPlace, elementId: el.id, tier: occ.tier });
    }
  },
};

import { t } from '../i18n';
import { occurrenceStatus } from '../status';
import { meta, type CharterRule } from './rule';

export const elementEmpty: CharterRule = {
  meta: meta({
    id: 'element-empty',
    scope: 'charter',
    defaultSeverity: 'error',
    fixable: false,
    title: { fi: 'Osa-alueella on otsikko mutta ei sisältöä', en: 'An element has a heading but no content' },
  }),
  check({ charter, lookup, lang, report }) {
    for (const occ of charter.occurrences) {
      if (occurrenceStatus(occ, lookup) !== 'empty') continue;
      const el = lookup.element(occ.elementId)!;
      report({ reason: t(lang, 'element-empty', { name: el.name[lang] }), place: occ.headingPlace, elementId: el.id, tier: occ.tier });
    }
  },
};

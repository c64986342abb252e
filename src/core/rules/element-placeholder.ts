import { t } from '../i18n';
import { occurrenceStatus } from '../status';
import { meta, type CharterRule } from './rule';

export const elementPlaceholder: CharterRule = {
  meta: meta({
    id: 'element-placeholder',
    scope: 'charter',
    defaultSeverity: 'error',
    fixable: false,
    title: { fi: 'Osa-alueessa on vain mallipohjan tai paikkamerkin tekstiä', en: 'An element holds only template or placeholder text' },
  }),
  check({ charter, lines, lookup, lang, report }) {
    for (const occ of charter.occurrences) {
      if (occurrenceStatus(occ, lookup) !== 'placeholder') continue;
      const el = lookup.element(occ.elementId)!;
      report({
        reason: t(lang, 'element-placeholder', { name: el.name[lang] }),
        place: lines.place(occ.headingPlace.start.offset, Math.max(occ.headingPlace.end.offset, trimEnd(lines.text, occ.contentStart, occ.contentEnd))),
        elementId: el.id,
        tier: occ.tier,
      });
    }
  },
};

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}

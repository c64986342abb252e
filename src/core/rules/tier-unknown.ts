import { list, t } from '../i18n';
import { meta, type CharterRule } from './rule';

export const tierUnknown: CharterRule = {
  meta: meta({
    id: 'tier-unknown',
    scope: 'charter',
    defaultSeverity: 'error',
    fixable: false,
    title: { fi: 'Otsaketietojen johtotasoa ei ole viitekehyksessä', en: 'The frontmatter names a tier the framework does not have' },
  }),
  check({ charter, lines, lookup, lang, report }) {
    if (!charter.isCharter) return;
    const ids = lookup.framework.tiers.map((x) => x.id);
    for (const u of charter.unknownTiers) {
      const lineText = lines.text.slice(lines.lineStart(u.line), lines.lineEnd(u.line));
      const col = lineText.indexOf(u.value);
      const place =
        col >= 0 ? lines.place(lines.lineStart(u.line) + col, lines.lineStart(u.line) + col + u.value.length) : lines.linePlace(u.line);
      report({ reason: t(lang, 'tier-unknown', { value: u.value, tiers: list(lang, ids) }), place, actual: u.value, expected: ids.join(' | ') });
    }
  },
};

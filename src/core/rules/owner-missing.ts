import { insertFieldFix } from '../fix';
import { t } from '../i18n';
import { isPlaceholder } from '../placeholder';
import { meta, type CharterRule } from './rule';

/**
 * No owner, or only a placeholder (`owner: TBD`, the fix's `[omistajan nimi]`). The fix adds the
 * key with a bracketed placeholder for the editor to fill in: it never writes an empty value, and
 * as the placeholder still names nobody the finding stays until a name is written (so `--fix`
 * never counts it as fixed).
 */
export const ownerMissing: CharterRule = {
  meta: meta({
    id: 'owner-missing',
    scope: 'charter',
    defaultSeverity: 'warning',
    fixable: true,
    title: { fi: 'Peruskirjalla ei ole omistajaa', en: 'Charter names no owner' },
  }),
  check({ charter, lines, lookup, lang, report }) {
    if (charter.frontmatter.error) return;
    if (!lookup.framework.requiredFields.includes('owner')) return;
    const owner = charter.owner;
    if (owner && !isPlaceholder(owner)) return;
    const fm = charter.frontmatter;
    const fix = owner ? undefined : insertFieldFix(charter, 'owner', `"${t(charter.lang, 'stub.owner')}"`, lang);
    report({
      reason: owner ? t(lang, 'owner-missing.placeholder', { value: owner }) : t(lang, 'owner-missing'),
      place: lines.linePlace(fm.keyLines['owner'] ?? fm.place?.start.line ?? 1),
      ...(charter.tiers[0] ? { tier: charter.tiers[0] } : {}),
      ...(fix ? { fix } : {}),
    });
  },
};

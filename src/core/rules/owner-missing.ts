import { insertFieldFix } from '../fix';
import { t } from '../i18n';
import { ownerNames } from '../owners';
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
    if (owner && !namesNobody(charter.frontmatter.data?.['owner'], owner)) return;
    const fm = charter.frontmatter;
    const fix = owner ? undefined : insertFieldFix(charter, 'owner', `"${t(charter.lang, 'stub.owner')}"`, lang);
    report({
      reason: owner
        ? t(lang, 'owner-missing.placeholder', { value: owner })
        : fm.keyLines['owner'] !== undefined
          ? t(lang, 'owner-missing.empty')
          : t(lang, 'owner-missing'),
      place: lines.linePlace(fm.keyLines['owner'] ?? fm.place?.start.line ?? 1),
      ...(charter.tiers[0] ? { tier: charter.tiers[0] } : {}),
      ...(fix ? { fix } : {}),
    });
  },
};

/** The template's owner prompt without its brackets, as YAML reads `owner: [omistajan nimi]` (a list of one). */
const STUB_NAMES = new Set((['fi', 'en'] as const).map((l) => t(l, 'stub.owner').replace(/^\[|\]$/g, '').toLowerCase()));

/**
 * Whether an owner value names nobody: a placeholder (`TBD`, `[omistajan nimi]`), or a list whose
 * every name is one, including the template's prompt that YAML turned into a list item.
 */
function namesNobody(value: unknown, owner: string): boolean {
  if (isPlaceholder(owner)) return true;
  const names = ownerNames(value);
  return names.length > 0 && names.every((n) => isPlaceholder(n) || STUB_NAMES.has(n.trim().toLowerCase()));
}


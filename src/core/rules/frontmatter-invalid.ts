import { t } from '../i18n';
import { isIsoDate } from '../text';
import { meta, type CharterRule } from './rule';

const DATE_FIELDS = ['reviewed', 'next-review'];
const STRING_FIELDS = ['unit', 'owner'];

export const frontmatterInvalid: CharterRule = {
  meta: meta({
    id: 'frontmatter-invalid',
    scope: 'charter',
    defaultSeverity: 'error',
    fixable: false,
    title: { fi: 'Frontmatter on rikki tai sen kenttä on väärää muotoa', en: 'Frontmatter is broken or a field has the wrong form' },
  }),
  check({ charter, lines, lookup, lang, report }) {
    const fm = charter.frontmatter;
    if (fm.error) {
      const reason =
        fm.error.message === 'unclosed'
          ? t(lang, 'frontmatter-invalid.unclosed')
          : fm.error.message === 'not-mapping'
            ? t(lang, 'frontmatter-invalid.not-mapping')
            : fm.error.message === 'too-large' || fm.error.message === 'too-many-keys'
              ? t(lang, `frontmatter-invalid.${fm.error.message}`, fm.error.params)
              : t(lang, 'frontmatter-invalid.yaml', { detail: fm.error.message });
      const start = Math.min(lines.lineStart(fm.error.line) + fm.error.column - 1, lines.lineEnd(fm.error.line));
      report({ reason, place: lines.place(start, lines.lineEnd(fm.error.line)) });
      return;
    }
    const data = fm.data;
    if (!data || !charter.isCharter) return;
    const at = (key: string) => lines.linePlace(fm.keyLines[key] ?? fm.place?.start.line ?? 1);
    for (const field of DATE_FIELDS) {
      const v = data[field];
      if (v === null || v === undefined || v === '') continue;
      if (typeof v !== 'string' || !isIsoDate(v.trim())) {
        report({ reason: t(lang, 'frontmatter-invalid.date', { field, value: String(v) }), place: at(field), expected: 'YYYY-MM-DD', actual: String(v) });
      }
    }
    const l = data['lang'];
    if (l !== null && l !== undefined && !/^(fi|en)(-|$)/i.test(String(l).trim())) {
      report({ reason: t(lang, 'frontmatter-invalid.lang', { value: String(l) }), place: at('lang'), expected: 'fi | en', actual: String(l) });
    }
    for (const field of STRING_FIELDS) {
      const v = data[field];
      if (v !== null && v !== undefined && typeof v === 'object') {
        const expected = lang === 'fi' ? 'tekstiä' : 'text';
        report({ reason: t(lang, 'frontmatter-invalid.type', { field, expected }), place: at(field) });
      }
    }
    for (const field of ['tier', 'tiers']) {
      const v = data[field];
      const ok = v === null || v === undefined || typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
      if (!ok) {
        const expected = lang === 'fi' ? 'johtotason tunniste tai nimi, tai lista niistä' : 'a tier id or name, or a list of them';
        report({ reason: t(lang, 'frontmatter-invalid.type', { field, expected }), place: at(field) });
      }
    }
    // Required fields beyond the ones with their own rules (owner-missing, review-missing).
    for (const field of lookup.framework.requiredFields) {
      if (field === 'owner' || field === 'next-review') continue;
      const v = data[field];
      if (v === null || v === undefined || v === '') {
        report({ reason: t(lang, 'frontmatter-invalid.required', { field }), place: fm.place ? lines.linePlace(fm.place.start.line) : lines.linePlace(1) });
      }
    }
  },
};

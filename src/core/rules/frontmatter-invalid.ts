import { monthName, t, yamlReason } from '../i18n';
import { isOwnerValue } from '../owners';
import { isIsoDate, valueText } from '../text';
import type { Fix, Lang } from '../types';
import { meta, type CharterRule } from './rule';

const DATE_FIELDS = ['reviewed', 'next-review'];

/**
 * What a date value means when it is not written `YYYY-MM-DD`: the ISO form of an unambiguous
 * other form (`1.9.2027`, `01.09.2027`, `2027/09/01`, `2027-9-1`; `d/m/yyyy` only when the day is
 * over 12), or why it is no date at all (`2027-02-30`: no such day).
 */
export function readDate(value: string): { iso: string } | { impossible: { year: number; month: number; day: number } } | undefined {
  const v = value.trim();
  let y: number, mo: number, d: number;
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(v);
  if (m) {
    [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
  } else if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\.?$/.exec(v))) {
    // the Finnish (and German) way: day first
    [d, mo, y] = [+m[1]!, +m[2]!, +m[3]!];
  } else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v)) && (+m[1]! > 12 || m[1] === m[2])) {
    [d, mo, y] = [+m[1]!, +m[2]!, +m[3]!];
  } else {
    return undefined;
  }
  if (mo < 1 || mo > 12 || d < 1) return undefined;
  const iso = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (d > 31 || !isIsoDate(iso)) return { impossible: { year: y, month: mo, day: d } };
  return { iso };
}

export const frontmatterInvalid: CharterRule = {
  meta: meta({
    id: 'frontmatter-invalid',
    scope: 'charter',
    defaultSeverity: 'error',
    fixable: true,
    title: { fi: 'Otsaketiedot ovat rikki tai kenttä on väärää muotoa', en: 'Frontmatter is broken or a field has the wrong form' },
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
              : t(lang, 'frontmatter-invalid.yaml', { detail: yamlReason(lang, fm.error.message) });
      const start = Math.min(lines.lineStart(fm.error.line) + fm.error.column - 1, lines.lineEnd(fm.error.line));
      report({ reason, place: lines.place(start, lines.lineEnd(fm.error.line)) });
      return;
    }
    // A charter only through `include`, with no frontmatter at all: its required fields are missing too.
    const data = fm.data ?? (fm.place ? undefined : {});
    if (!data) return;
    const at = (key: string) => lines.linePlace(fm.keyLines[key] ?? fm.place?.start.line ?? 1);
    for (const field of DATE_FIELDS) {
      const v = data[field];
      if (v === null || v === undefined || v === '') continue;
      if (typeof v === 'string' && isIsoDate(v.trim())) continue;
      const value = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
      const read = typeof v === 'string' || typeof v === 'number' ? readDate(value) : undefined;
      if (read && 'iso' in read) {
        const fix = dateFix(lines.text, fm.keyLines[field], value, read.iso, lang);
        report({
          reason: t(lang, 'frontmatter-invalid.date-form', { field, value, iso: read.iso }),
          place: at(field),
          expected: read.iso,
          actual: value,
          ...(fix ? { fix } : {}),
        });
      } else if (read) {
        const { year, month, day } = read.impossible;
        report({
          reason: t(lang, 'frontmatter-invalid.date-impossible', { field, value, year, month: monthName(lang, month), day }),
          place: at(field),
          expected: 'YYYY-MM-DD',
          actual: value,
        });
      } else {
        report({ reason: t(lang, 'frontmatter-invalid.date', { field, value }), place: at(field), expected: 'YYYY-MM-DD', actual: value });
      }
    }
    const l = data['lang'];
    const langText = l === null || l === undefined ? undefined : valueText(l);
    if (langText !== undefined && !/^(fi|en)(-|$)/i.test(langText.trim())) {
      report({ reason: t(lang, 'frontmatter-invalid.lang', { value: langText }), place: at('lang'), expected: 'fi | en', actual: langText });
    }
    const unit = data['unit'];
    if (unit !== null && unit !== undefined && typeof unit === 'object') {
      report({ reason: t(lang, 'frontmatter-invalid.type', { field: 'unit', expected: lang === 'fi' ? 'tekstiä' : 'text' }), place: at('unit') });
    }
    if (!isOwnerValue(data['owner'])) {
      const expected = lang === 'fi' ? 'nimi tai lista nimiä' : 'a name or a list of names';
      report({ reason: t(lang, 'frontmatter-invalid.type', { field: 'owner', expected }), place: at('owner') });
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
      if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) {
        report({ reason: t(lang, fm.keyLines[field] !== undefined ? 'frontmatter-invalid.required-empty' : 'frontmatter-invalid.required', { field }), place: fm.keyLines[field] ? at(field) : fm.place ? lines.linePlace(fm.place.start.line) : lines.linePlace(1) });
      }
    }
  },
};

/** Rewrite a date value on its key's line (quotes kept), or undefined when it cannot be found there. */
function dateFix(text: string, line: number | undefined, value: string, iso: string, lang: Lang): Fix | undefined {
  if (line === undefined) return undefined;
  let start = 0;
  for (let i = 1; i < line; i++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return undefined;
    start = nl + 1;
  }
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  const lineText = text.slice(start, end);
  const colon = lineText.indexOf(':');
  const col = colon < 0 ? -1 : lineText.indexOf(value.trim(), colon + 1);
  if (col < 0) return undefined;
  return { description: t(lang, 'fix.date', { value: value.trim(), iso }), edits: [{ start: start + col, end: start + col + value.trim().length, text: iso }] };
}

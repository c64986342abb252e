/**
 * One message catalogue for findings, fixes and CLI output, in Finnish and English.
 * Values are written in backticks. Rule ids are never translated.
 */
import type { Lang } from './types';

const en = {
  'frontmatter-invalid.yaml': 'Frontmatter is not valid YAML: {detail}',
  'frontmatter-invalid.unclosed': 'Frontmatter starts with `---` but has no closing `---`',
  'frontmatter-invalid.not-mapping': 'Frontmatter must be a mapping of `key: value` lines',
  'frontmatter-invalid.date': 'Field `{field}` must be a date written as `YYYY-MM-DD`, not `{value}`',
  'frontmatter-invalid.lang': 'Field `lang` must be `fi` or `en`, not `{value}`',
  'frontmatter-invalid.type': 'Field `{field}` must be {expected}',
  'frontmatter-invalid.required': 'Missing required frontmatter field `{field}`',
  'tier-missing': 'Charter names no tier: add `tier:` to the frontmatter (one of {tiers})',
  'tier-missing.section': 'Tier `{tier}` is listed in `tiers` but the charter has no section for it',
  'tier-unknown': 'Unknown tier `{value}`; the handbook defines {tiers}',
  'element-missing': 'Missing element `{name}` (`{id}`) required for tier `{tier}`',
  'element-empty': 'Element `{name}` (`{id}`) has a heading but no content',
  'element-placeholder': 'Element `{name}` (`{id}`) still holds placeholder text',
  'element-duplicate': 'Element `{name}` (`{id}`) is defined more than once for tier `{tier}`',
  'element-duplicate.related': 'First definition of `{name}`',
  'element-id-unknown': '`{#{id}}` names no element of tier `{tier}`; the heading counts as `{name}` by its text',
  'element-id-unknown.none': '`{#{id}}` names no element of tier `{tier}`, and the heading text names none either',
  'goal-missing': 'Element `{name}` (`{id}`) states no goal or indicator (a line such as `{label}: …`)',
  'owner-missing': 'Charter names no owner: add `owner:` to the frontmatter',
  'review-missing': 'Charter has no `next-review` date',
  'review-overdue': 'Review was due on `{date}` ({ago})',
  'tier-without-charter': 'Tier `{name}` (`{id}`) has no charter in the handbook',
  'fix.insert-element': 'Insert element `{name}`',
  'fix.insert-tier': 'Insert section for tier `{name}`',
  'fix.insert-field': 'Add `{field}` to the frontmatter',
  'stub.write-here': 'Write here',
  'stub.placeholder': 'write here',
  'stub.owner': 'name of the owner',
  'stub.date': 'YYYY-MM-DD',
  'skip.loop': 'symbolic link loop or directory already visited; skipped',
  'skip.dir': 'cannot read directory ({detail}); skipped',
  'skip.size': 'file is larger than the limit of {limit} bytes ({size} bytes; see `max-file-size` in charters.yaml); skipped',
  'skip.read': 'cannot read ({detail}); skipped',
  'skip.binary': 'binary file (contains NUL bytes, the first on line {line}), not a Markdown charter; skipped',
  'skip.encoding': 'not valid UTF-8 text (first invalid byte on line {line}); save the file as UTF-8',
  'skip.missing': 'cannot read: no such file (a broken symbolic link, or removed during the run); skipped',
  'skip.denied': 'cannot read: permission denied ({detail}); skipped',
  'skip.outside': 'symbolic link to `{target}`, outside the handbook; not followed',
  'skip.nesting': 'lists or block quotes nested {depth} levels deep on line {line} (the limit is {limit}); too deep for the Markdown parser; skipped',
  'skip.heading': 'the heading on line {line} holds {markers} emphasis or link markers (the limit is {limit}); too many for the Markdown parser; skipped',
  'skip.complex': 'too complex for the Markdown parser to read in reasonable time (long or deeply nested lists or quotes, or thousands of emphasis and link markers in one paragraph, by line {line}); split the file; skipped',
  'skip.blocks': 'more than {limit} headings, paragraphs and list items (by line {line}); too many for the Markdown parser to read in reasonable time and memory; split the file; skipped',
  'skip.aliases': 'frontmatter YAML aliases (from line {line}) expand to more than {limit} values; skipped',
  'skip.parse': 'the Markdown parser failed ({detail}); skipped',
  'skip.failed': 'linting failed ({detail}); skipped',
  'skip.write': 'fixes not written ({detail}); the file is unchanged',
  'skip.changed': 'the file changed on disk while it was being fixed; fixes not written, run again',
  'skip.budget': 'linting took longer than the limit of {limit} ms for one file; skipped (see `--file-budget`)',
  'frontmatter-invalid.too-large': 'Frontmatter is {size} characters long, over the limit of {limit}; it was not read: keep long text in the body',
  'frontmatter-invalid.too-many-keys': 'Frontmatter has more than {limit} keys and list items (line {line} is past the limit); it was not read',
  'config.glob-length': 'glob `{glob}` is {length} characters long; the limit is {limit}',
  'config.glob-count': '`{key}` lists {count} globs; the limit is {limit}',
  'config.glob-stars': 'glob `{glob}` is too complex to match in reasonable time: {why}; simplify it or list several simpler globs',
  'config.glob-stars.total': '{count} wildcards (`*` or `**`), the limit is {limit}',
  'config.glob-stars.segment': '{count} `*` in one path segment, the limit is {limit}',
  'config.glob-stars.globstar': '{count} `**`, the limit is {limit}',
  'config.glob-stars.braces': '{count} brace groups or alternatives (`{a,b}`), the limit is {limit}',
  'config.glob-extglob': 'glob `{glob}` uses extglob syntax (`@(…)`, `*(…)`, `+(…)`, `?(…)`, `!(…)`), which is not supported: matching it can take exponential time',
  'days.one': '1 day ago',
  'days.many': '{days} days ago',
} as const;

export type MessageKey = keyof typeof en;

const fi: Record<MessageKey, string> = {
  'frontmatter-invalid.yaml': 'Frontmatter ei ole kelvollista YAMLia: {detail}',
  'frontmatter-invalid.unclosed': 'Frontmatter alkaa rivillä `---`, mutta sulkeva `---` puuttuu',
  'frontmatter-invalid.not-mapping': 'Frontmatterin pitää koostua `avain: arvo` -riveistä',
  'frontmatter-invalid.date': 'Kentän `{field}` pitää olla päivämäärä muodossa `VVVV-KK-PP`, ei `{value}`',
  'frontmatter-invalid.lang': 'Kentän `lang` pitää olla `fi` tai `en`, ei `{value}`',
  'frontmatter-invalid.type': 'Kentän `{field}` pitää olla {expected}',
  'frontmatter-invalid.required': 'Pakollinen frontmatter-kenttä `{field}` puuttuu',
  'tier-missing': 'Peruskirja ei nimeä johtotasoa: lisää frontmatteriin `tier:` (jokin näistä: {tiers})',
  'tier-missing.section': 'Johtotaso `{tier}` on listattu kentässä `tiers`, mutta sille ei ole osiota',
  'tier-unknown': 'Tuntematon johtotaso `{value}`; käsikirjan tasot ovat {tiers}',
  'element-missing': 'Puuttuu osa-alue `{name}` (`{id}`), jota johtotaso `{tier}` edellyttää',
  'element-empty': 'Osa-alueella `{name}` (`{id}`) on otsikko mutta ei sisältöä',
  'element-placeholder': 'Osa-alueessa `{name}` (`{id}`) on vielä paikkamerkkiteksti',
  'element-duplicate': 'Osa-alue `{name}` (`{id}`) on määritelty useammin kuin kerran johtotasolle `{tier}`',
  'element-duplicate.related': 'Osa-alueen `{name}` ensimmäinen määrittely',
  'element-id-unknown': '`{#{id}}` ei nimeä johtotason `{tier}` osa-aluetta; otsikko lasketaan tekstinsä perusteella osa-alueeksi `{name}`',
  'element-id-unknown.none': '`{#{id}}` ei nimeä johtotason `{tier}` osa-aluetta, eikä otsikon tekstikään nimeä osa-aluetta',
  'goal-missing': 'Osa-alueelle `{name}` (`{id}`) ei ole kirjattu tavoitetta tai mittaria (rivi kuten `{label}: …`)',
  'owner-missing': 'Peruskirjalla ei ole omistajaa: lisää frontmatteriin `owner:`',
  'review-missing': 'Peruskirjalta puuttuu seuraavan katselmoinnin päivä `next-review`',
  'review-overdue': 'Katselmointi erääntyi `{date}` ({ago})',
  'tier-without-charter': 'Johtotasolla `{name}` (`{id}`) ei ole peruskirjaa käsikirjassa',
  'fix.insert-element': 'Lisää osa-alue `{name}`',
  'fix.insert-tier': 'Lisää osio johtotasolle `{name}`',
  'fix.insert-field': 'Lisää frontmatteriin `{field}`',
  'stub.write-here': 'Kirjoita tähän',
  'stub.placeholder': 'kirjoita tähän',
  'stub.owner': 'omistajan nimi',
  'stub.date': 'VVVV-KK-PP',
  'skip.loop': 'symbolinen linkki kehässä tai hakemisto jo käyty; ohitettu',
  'skip.dir': 'hakemistoa ei voi lukea ({detail}); ohitettu',
  'skip.size': 'tiedosto on suurempi kuin {limit} tavun raja ({size} tavua; katso `max-file-size` tiedostossa charters.yaml); ohitettu',
  'skip.read': 'tiedostoa ei voi lukea ({detail}); ohitettu',
  'skip.binary': 'binääritiedosto (sisältää NUL-tavuja, ensimmäinen rivillä {line}), ei Markdown-peruskirja; ohitettu',
  'skip.encoding': 'ei kelvollista UTF-8-tekstiä (ensimmäinen virheellinen tavu rivillä {line}); tallenna tiedosto UTF-8-muodossa',
  'skip.missing': 'tiedostoa ei voi lukea: sitä ei ole (rikkinäinen symbolinen linkki, tai poistettu ajon aikana); ohitettu',
  'skip.denied': 'tiedostoa ei voi lukea: ei käyttöoikeutta ({detail}); ohitettu',
  'skip.outside': 'symbolinen linkki kohteeseen `{target}`, käsikirjan ulkopuolelle; ei seurattu',
  'skip.nesting': 'listat tai lainaukset ovat {depth} tason syvyydessä rivillä {line} (raja on {limit}); liian syvä Markdown-jäsentimelle; ohitettu',
  'skip.heading': 'rivin {line} otsikossa on {markers} korostus- tai linkkimerkkiä (raja on {limit}); liikaa Markdown-jäsentimelle; ohitettu',
  'skip.complex': 'liian monimutkainen Markdown-jäsentimelle kohtuullisessa ajassa (pitkiä tai syvälle sisäkkäisiä listoja tai lainauksia, tai tuhansia korostus- ja linkkimerkkejä yhdessä kappaleessa, rivin {line} kohdalla); jaa tiedosto osiin; ohitettu',
  'skip.blocks': 'yli {limit} otsikkoa, kappaletta ja listan kohtaa (rivin {line} kohdalla); liikaa Markdown-jäsentimelle kohtuullisessa ajassa ja muistissa; jaa tiedosto osiin; ohitettu',
  'skip.aliases': 'frontmatterin YAML-viittaukset (rivistä {line} alkaen) laajenevat yli {limit} arvoksi; ohitettu',
  'skip.parse': 'Markdown-jäsennin epäonnistui ({detail}); ohitettu',
  'skip.failed': 'tarkistus epäonnistui ({detail}); ohitettu',
  'skip.write': 'korjauksia ei kirjoitettu ({detail}); tiedosto on ennallaan',
  'skip.changed': 'tiedosto muuttui levyllä korjaamisen aikana; korjauksia ei kirjoitettu, aja uudelleen',
  'skip.budget': 'tarkistus kesti yhden tiedoston {limit} ms:n rajaa kauemmin; ohitettu (katso `--file-budget`)',
  'frontmatter-invalid.too-large': 'Frontmatter on {size} merkkiä pitkä, yli {limit} merkin rajan; sitä ei luettu: pidä pitkä teksti leipätekstissä',
  'frontmatter-invalid.too-many-keys': 'Frontmatterissa on yli {limit} avainta ja listan kohtaa (rivi {line} on rajan jälkeen); sitä ei luettu',
  'config.glob-length': 'hakulauseke `{glob}` on {length} merkkiä pitkä; raja on {limit}',
  'config.glob-count': '`{key}` luettelee {count} hakulauseketta; raja on {limit}',
  'config.glob-stars': 'hakulauseke `{glob}` on liian monimutkainen sovitettavaksi kohtuullisessa ajassa: {why}; yksinkertaista sitä tai luettele useampi yksinkertaisempi',
  'config.glob-stars.total': '{count} jokerimerkkiä (`*` tai `**`), raja on {limit}',
  'config.glob-stars.segment': '{count} merkkiä `*` yhdessä polun osassa, raja on {limit}',
  'config.glob-stars.globstar': '{count} kertaa `**`, raja on {limit}',
  'config.glob-stars.braces': '{count} aaltosulkuryhmää tai vaihtoehtoa (`{a,b}`), raja on {limit}',
  'config.glob-extglob': 'hakulauseke `{glob}` käyttää extglob-muotoa (`@(…)`, `*(…)`, `+(…)`, `?(…)`, `!(…)`), jota ei tueta: sen sovittaminen voi kestää eksponentiaalisen ajan',
  'days.one': '1 päivä sitten',
  'days.many': '{days} päivää sitten',
};

const CATALOGUE: Record<Lang, Record<MessageKey, string>> = { en, fi };

/** A localised message with `{name}` parameters filled in. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = CATALOGUE[lang][key];
  return template.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

/** Both languages of a message, e.g. for rule titles. */
export function both(key: MessageKey, params: Record<string, string | number> = {}): { fi: string; en: string } {
  return { fi: t('fi', key, params), en: t('en', key, params) };
}

/** A list of values in backticks: `a`, `b` and `c` / `a`, `b` ja `c`. */
export function list(lang: Lang, values: string[]): string {
  const q = values.map((v) => `\`${v}\``);
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} ${lang === 'fi' ? 'ja' : 'and'} ${q[q.length - 1]}`;
}

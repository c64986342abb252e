/**
 * One message catalogue for findings, fixes and CLI output, in Finnish and English.
 * Values are written in backticks. Rule ids are never translated.
 */
import type { Lang } from './types';

const en = {
  'frontmatter-invalid.yaml': 'Frontmatter (the block between the `---` lines at the top) is not valid YAML: {detail}',
  'frontmatter-invalid.unclosed': 'Frontmatter starts with `---` but has no closing `---`',
  'frontmatter-invalid.not-mapping': 'Frontmatter must be a mapping of `key: value` lines',
  'frontmatter-invalid.date': 'Field `{field}` must be a date written as `YYYY-MM-DD`, not `{value}`',
  'frontmatter-invalid.date-form': 'Field `{field}` is written `{value}`; dates are written `YYYY-MM-DD`: `{iso}`',
  'frontmatter-invalid.date-impossible': 'Field `{field}`: `{value}` is not a real date ({month} {year} has no day {day})',
  'frontmatter-invalid.lang': 'Field `lang` must be `fi` or `en`, not `{value}`',
  'frontmatter-invalid.type': 'Field `{field}` must be {expected}',
  'frontmatter-invalid.required': 'Missing required frontmatter field `{field}`',
  'frontmatter-invalid.required-empty': 'Required frontmatter field `{field}` is empty',
  'tier-missing': 'Charter names no tier: add `tier:` to the frontmatter (one of {tiers})',
  'tier-missing.suggest': 'Charter names no tier: the frontmatter has no `tier:` key; did you mean `tier: {value}`?',
  'tier-missing.key': 'Charter names no tier: key `{key}` is not `tier`; did you mean `tier: {value}`?',
  'tier-missing.key-only': 'Charter names no tier: key `{key}` is not `tier`; write `tier:` with one of {tiers}',
  'tier-missing.section': 'Tier `{tier}` is listed in `tiers` but the charter has no section for it',
  'tier-unknown': 'Unknown tier `{value}`; the handbook defines {tiers}',
  'tier-unknown.suggest': 'Unknown tier `{value}`; did you mean `{suggestion}`? The handbook defines {tiers}',
  'element-missing': 'Missing element `{name}` required for tier `{tier}`',
  'element-missing.near': 'Missing element `{name}` of tier `{tier}`: did you mean `{suggestion}` with the heading `{title}`? Rename the heading, or let the fix mark it as this element',
  'element-missing.emphasis': 'Missing element `{name}` of tier `{tier}`: the bold or italic line `{title}` is not a heading; make it one (`{hashes} {title}`)',
  'element-missing.table': 'Missing element `{name}` of tier `{tier}`: it is written in a table, and a table row is not an element; write it as a heading (`{hashes} {name}`) with its text and a goal below',
  'element-missing.link': 'Missing element `{name}` of tier `{tier}`: the charter links to `{target}` for it, but a charter is one file and linked files are not read; move that text here under a heading (`{hashes} {name}`)',
  'element-missing.related': 'The line that looks like `{name}`',
  'element-missing.near-id': 'Missing element `{name}` of tier `{tier}`: did you mean `{suggestion}` with the heading `{title}`? Its `{#…}` names no element: write `{#{id}}`, or rename the heading',
  'element-missing.item': 'Missing element `{name}` of tier `{tier}`: the item `{title}` has a dash after its title, and an item needs a colon there; write `🔹 {title}: …`',
  'element-missing.nospace': 'Missing element `{name}` of tier `{tier}`: `{hashes}{title}` is not a heading, because a heading needs a space after its `{hashes}`; write `{hashes} {title}`',
  'element-missing.indented': 'Missing element `{name}` of tier `{tier}`: the heading `{title}` is indented by four spaces or more, so Markdown reads it as code; remove the indentation',
  'element-missing.list': 'Missing element `{name}` of tier `{tier}`: the list item `{title}` is not a heading; write it as a heading (`## {title}`) with its text and a goal below',
  'element-missing.shared': 'Missing element `{name}` of tier `{tier}`: the heading `{title}` names it, but counts as `{other}`; give `{name}` a heading of its own',
  'element-missing.level': 'Missing element `{name}` of tier `{tier}`: the heading `{title}` is at the level of the tier headings, so it ends the tier\'s section; make it one level deeper (`{hashes} {title}`)',
  'element-missing.split': 'Element `{name}` is not in this file but in `{other}`, another charter of the same tier: a tier has one charter per unit. Move that section here (or this file\'s sections there), or give each file its own `unit:`',
  'element-missing.split-unit': 'Element `{name}` is not in this file but in `{other}`, another charter of the same tier and unit `{unit}`: a unit has one charter per tier. Move that section here (or this file\'s sections there), or give each file its own `unit:`',
  'element-missing.split-related': 'Element `{name}` is written here',
  'element-empty': 'Element `{name}` has a heading but no content',
  'element-placeholder': 'Element `{name}` still holds placeholder text',
  'element-duplicate': 'Element `{name}` is defined more than once for tier `{tier}`',
  'element-duplicate.related': 'First definition of `{name}`',
  'element-id-unknown': '`{#{id}}` names no element of tier `{tier}`; the heading counts as `{name}` by its text',
  'element-id-unknown.none': '`{#{id}}` names no element of tier `{tier}`, and the heading text names none either',
  'heading-unrecognised': 'Heading `{title}` names no element of tier `{tier}`; use an element’s name, or make it a sub-heading of one',
  'heading-unrecognised.closest': 'Heading `{title}` names no element of tier `{tier}`; the closest missing element is `{closest}`',
  'goal-missing': 'Element `{name}` states no goal or indicator (a line such as `{label}: …`)',
  'owner-missing': 'Charter names no owner: add `owner:` to the frontmatter',
  'owner-missing.empty': 'Charter names no owner: `owner:` is empty; write the owner’s name after it',
  'owner-missing.placeholder': 'Charter names no owner: `owner` is still a placeholder (`{value}`); write the owner’s name',
  'review-missing': 'Charter has no `next-review` date',
  'review-overdue': 'Review was due on `{date}` ({ago})',
  'tier-without-charter': 'Tier `{name}` has no charter in the handbook',
  'fix.insert-element': 'Insert element `{name}`',
  'fix.heading-space': 'Add a space after `{hashes}` so that `{title}` is a heading',
  'fix.heading-deeper': 'Make `{title}` one heading level deeper',
  'fix.mark-element': 'Mark heading `{title}` as element `{name}`',
  'fix.make-heading': 'Make `{title}` a heading of element `{name}`',
  'fix.insert-tier': 'Insert section for tier `{name}`',
  'fix.insert-field': 'Add `{field}` to the frontmatter',
  'fix.tier-key': 'Add `tier: {value}` to the frontmatter',
  'fix.date': 'Write `{value}` as `{iso}`',
  'stub.write-here': 'Write here',
  'stub.placeholder': 'write here',
  'stub.owner': '[name of the owner]',
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
  'skip.git': 'inside a `.git` directory (or a link into one), which holds the repository\'s settings and credentials; never read',
  'skip.linkExcluded': 'symbolic link to `{target}`, which the handbook\'s `exclude` rules out; not followed',
  'skip.link': 'symbolic link, and its target cannot be checked here; not followed',
  'skip.outsideFile': 'outside the handbook (its real path is `{target}`); not read',
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
  'frontmatter-invalid.yaml': 'Otsaketiedot (tiedoston alussa `---`-rivien välissä) eivät ole kelvollisia: {detail}',
  'frontmatter-invalid.unclosed': 'Otsaketiedot (tiedoston alussa `---`-rivien välissä) alkavat rivillä `---`, mutta sulkeva `---` puuttuu',
  'frontmatter-invalid.not-mapping': 'Otsaketietojen (tiedoston alussa `---`-rivien välissä) pitää koostua `avain: arvo` -riveistä',
  'frontmatter-invalid.date': 'Kentän `{field}` pitää olla päivämäärä muodossa `VVVV-KK-PP`, ei `{value}`',
  'frontmatter-invalid.date-form': 'Kentän `{field}` arvo on `{value}`; päivämäärä kirjoitetaan muodossa `VVVV-KK-PP`: `{iso}`',
  'frontmatter-invalid.date-impossible': 'Kenttä `{field}`: `{value}` ei ole oikea päivämäärä ({month} {year} ei ole {day}. päivää)',
  'frontmatter-invalid.lang': 'Kentän `lang` pitää olla `fi` tai `en`, ei `{value}`',
  'frontmatter-invalid.type': 'Kentän `{field}` pitää olla {expected}',
  'frontmatter-invalid.required': 'Pakollinen otsaketietojen (tiedoston alun `---`-rivien välissä) kenttä `{field}` puuttuu',
  'frontmatter-invalid.required-empty': 'Pakollinen otsaketietojen kenttä `{field}` on tyhjä',
  'tier-missing': 'Peruskirja ei nimeä johtotasoa: lisää otsaketietoihin (tiedoston alussa `---`-rivien välissä) rivi `tier:` ja jokin näistä: {tiers}',
  'tier-missing.suggest': 'Peruskirja ei nimeä johtotasoa: otsaketiedoissa ei ole kenttää `tier:`; tarkoititko `tier: {value}`?',
  'tier-missing.key': 'Peruskirja ei nimeä johtotasoa: kenttä `{key}` ei ole `tier`; tarkoititko `tier: {value}`?',
  'tier-missing.key-only': 'Peruskirja ei nimeä johtotasoa: kenttä `{key}` ei ole `tier`; kirjoita `tier:` ja jokin näistä: {tiers}',
  'tier-missing.section': 'Johtotaso `{tier}` on listattu kentässä `tiers`, mutta sille ei ole osiota',
  'tier-unknown': 'Tuntematon johtotaso `{value}`; käsikirjan tasot ovat {tiers}',
  'tier-unknown.suggest': 'Tuntematon johtotaso `{value}`; tarkoititko `{suggestion}`? Käsikirjan tasot ovat {tiers}',
  'element-missing': 'Puuttuu osa-alue `{name}`, jota johtotaso `{tier}` edellyttää',
  'element-missing.near': 'Puuttuu johtotason `{tier}` osa-alue `{name}`: tarkoititko otsikolla `{title}` osa-aluetta `{suggestion}`? Korjaa otsikko tai anna korjauksen merkitä se tähän osa-alueeseen',
  'element-missing.emphasis': 'Puuttuu johtotason `{tier}` osa-alue `{name}`: lihavoitu tai kursivoitu rivi `{title}` ei ole otsikko; tee siitä otsikko (`{hashes} {title}`)',
  'element-missing.table': 'Puuttuu johtotason `{tier}` osa-alue `{name}`: se on kirjoitettu taulukkoon, eikä taulukon rivi ole osa-alue; kirjoita se otsikoksi (`{hashes} {name}`) ja sen alle teksti ja tavoite',
  'element-missing.link': 'Puuttuu johtotason `{tier}` osa-alue `{name}`: peruskirja linkittää sen tiedostoon `{target}`, mutta peruskirja on yksi tiedosto eikä linkitettyjä tiedostoja lueta; siirrä teksti tähän otsikon alle (`{hashes} {name}`)',
  'element-missing.related': 'Rivi, joka näyttää osa-alueelta `{name}`',
  'element-missing.near-id': 'Puuttuu johtotason `{tier}` osa-alue `{name}`: tarkoititko otsikolla `{title}` osa-aluetta `{suggestion}`? Sen `{#…}` ei nimeä osa-aluetta: kirjoita `{#{id}}` tai korjaa otsikko',
  'element-missing.item': 'Puuttuu johtotason `{tier}` osa-alue `{name}`: kohdassa `{title}` otsikon perässä on ajatusviiva, mutta kohta tarvitsee siihen kaksoispisteen; kirjoita `🔹 {title}: …`',
  'element-missing.nospace': 'Puuttuu johtotason `{tier}` osa-alue `{name}`: `{hashes}{title}` ei ole otsikko, koska otsikossa tarvitaan välilyönti merkkien `{hashes}` jälkeen; kirjoita `{hashes} {title}`',
  'element-missing.indented': 'Puuttuu johtotason `{tier}` osa-alue `{name}`: otsikko `{title}` on sisennetty neljällä välilyönnillä tai enemmän, joten Markdown lukee sen koodina; poista sisennys',
  'element-missing.list': 'Puuttuu johtotason `{tier}` osa-alue `{name}`: luettelon kohta `{title}` ei ole otsikko; kirjoita se otsikoksi (`## {title}`) ja sen alle teksti ja tavoite',
  'element-missing.shared': 'Puuttuu johtotason `{tier}` osa-alue `{name}`: otsikko `{title}` mainitsee sen, mutta lasketaan osa-alueeksi `{other}`; anna osa-alueelle `{name}` oma otsikkonsa',
  'element-missing.level': 'Puuttuu johtotason `{tier}` osa-alue `{name}`: otsikko `{title}` on johtotasojen otsikoiden tasolla, joten se päättää tason osion; siirrä se tasoa syvemmälle (`{hashes} {title}`)',
  'element-missing.split': 'Osa-alue `{name}` ei ole tässä tiedostossa vaan tiedostossa `{other}`, joka on saman johtotason toinen peruskirja: johtotasolla on yksikköä kohden yksi peruskirja. Siirrä osio tähän (tai tämän tiedoston osiot sinne), tai anna kummallekin tiedostolle oma `unit:`',
  'element-missing.split-unit': 'Osa-alue `{name}` ei ole tässä tiedostossa vaan tiedostossa `{other}`, joka on saman johtotason ja yksikön `{unit}` toinen peruskirja: yksiköllä on johtotasoa kohden yksi peruskirja. Siirrä osio tähän (tai tämän tiedoston osiot sinne), tai anna kummallekin tiedostolle oma `unit:`',
  'element-missing.split-related': 'Osa-alue `{name}` on kirjoitettu tähän',
  'element-empty': 'Osa-alueella `{name}` on otsikko mutta ei sisältöä',
  'element-placeholder': 'Osa-alueessa `{name}` on vielä paikkamerkkiteksti',
  'element-duplicate': 'Osa-alue `{name}` on määritelty useammin kuin kerran johtotasolle `{tier}`',
  'element-duplicate.related': 'Osa-alueen `{name}` ensimmäinen määrittely',
  'element-id-unknown': '`{#{id}}` ei nimeä johtotason `{tier}` osa-aluetta; otsikko lasketaan tekstinsä perusteella osa-alueeksi `{name}`',
  'element-id-unknown.none': '`{#{id}}` ei nimeä johtotason `{tier}` osa-aluetta, eikä otsikon tekstikään nimeä osa-aluetta',
  'heading-unrecognised': 'Otsikko `{title}` ei nimeä yhtään johtotason `{tier}` osa-aluetta; käytä osa-alueen nimeä tai tee siitä jonkin osa-alueen alaotsikko',
  'heading-unrecognised.closest': 'Otsikko `{title}` ei nimeä yhtään johtotason `{tier}` osa-aluetta; lähin puuttuva osa-alue on `{closest}`',
  'goal-missing': 'Osa-alueelle `{name}` ei ole kirjattu tavoitetta tai mittaria (rivi kuten `{label}: …`)',
  'owner-missing': 'Peruskirjalla ei ole omistajaa: lisää otsaketietoihin (tiedoston alussa `---`-rivien välissä) rivi `owner:` ja omistajan nimi',
  'owner-missing.empty': 'Peruskirjalla ei ole omistajaa: kenttä `owner:` on tyhjä; kirjoita sen perään omistajan nimi',
  'owner-missing.placeholder': 'Peruskirjalla ei ole omistajaa: omistajan paikalla on vielä paikkamerkki; kirjoita kenttään `owner:` omistajan nimi',
  'review-missing': 'Peruskirjalta puuttuu seuraavan katselmoinnin päivä `next-review`',
  'review-overdue': 'Katselmointi erääntyi `{date}` ({ago})',
  'tier-without-charter': 'Johtotasolla `{name}` ei ole peruskirjaa käsikirjassa',
  'fix.insert-element': 'Lisää osa-alue `{name}`',
  'fix.heading-space': 'Lisää välilyönti merkkien `{hashes}` jälkeen, jotta `{title}` on otsikko',
  'fix.heading-deeper': 'Siirrä otsikko `{title}` tasoa syvemmälle',
  'fix.mark-element': 'Merkitse otsikko `{title}` osa-alueeksi `{name}`',
  'fix.make-heading': 'Tee rivistä `{title}` osa-alueen `{name}` otsikko',
  'fix.insert-tier': 'Lisää osio johtotasolle `{name}`',
  'fix.insert-field': 'Lisää otsaketietoihin `{field}`',
  'fix.tier-key': 'Lisää otsaketietoihin `tier: {value}`',
  'fix.date': 'Kirjoita `{value}` muodossa `{iso}`',
  'stub.write-here': 'Kirjoita tähän',
  'stub.placeholder': 'kirjoita tähän',
  'stub.owner': '[omistajan nimi]',
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
  'skip.git': 'on `.git`-hakemistossa (tai linkki sinne), jossa ovat versionhallinnan asetukset ja tunnukset; ei koskaan lueta',
  'skip.linkExcluded': 'symbolinen linkki kohteeseen `{target}`, jonka käsikirjan `exclude` rajaa pois; ei seurattu',
  'skip.link': 'symbolinen linkki, jonka kohdetta ei voi tässä tarkistaa; ei seurattu',
  'skip.outsideFile': 'käsikirjan ulkopuolella (todellinen polku `{target}`); ei luettu',
  'skip.nesting': 'listat tai lainaukset ovat {depth} tason syvyydessä rivillä {line} (raja on {limit}); liian syvä Markdown-jäsentimelle; ohitettu',
  'skip.heading': 'rivin {line} otsikossa on {markers} korostus- tai linkkimerkkiä (raja on {limit}); liikaa Markdown-jäsentimelle; ohitettu',
  'skip.complex': 'liian monimutkainen Markdown-jäsentimelle kohtuullisessa ajassa (pitkiä tai syvälle sisäkkäisiä listoja tai lainauksia, tai tuhansia korostus- ja linkkimerkkejä yhdessä kappaleessa, rivin {line} kohdalla); jaa tiedosto osiin; ohitettu',
  'skip.blocks': 'yli {limit} otsikkoa, kappaletta ja listan kohtaa (rivin {line} kohdalla); liikaa Markdown-jäsentimelle kohtuullisessa ajassa ja muistissa; jaa tiedosto osiin; ohitettu',
  'skip.aliases': 'otsaketietojen YAML-viittaukset (rivistä {line} alkaen) laajenevat yli {limit} arvoksi; ohitettu',
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

const MONTHS: Record<Lang, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  // inessive: "helmikuussa 2027 ei ole 30. päivää"
  fi: ['tammikuussa', 'helmikuussa', 'maaliskuussa', 'huhtikuussa', 'toukokuussa', 'kesäkuussa', 'heinäkuussa', 'elokuussa', 'syyskuussa', 'lokakuussa', 'marraskuussa', 'joulukuussa'],
};

/** A month (1-12) as the date messages name it. */
export function monthName(lang: Lang, month: number): string {
  return MONTHS[lang][month - 1] ?? String(month);
}

/**
 * The reason js-yaml gives for broken YAML, in plain words of `lang`. The common mistakes of
 * hand-written frontmatter and `charters.yaml` are translated; any other reason is named
 * generically in Finnish (a Finnish user never meets an English parser message) and kept as it is
 * in English.
 */
export function yamlReason(lang: Lang, reason: string): string {
  const r = reason.toLowerCase();
  for (const [pattern, text] of YAML_REASONS) if (pattern.test(r)) return text[lang];
  return lang === 'fi' ? 'rakenne ei ole kelvollista YAML-muotoa' : reason;
}

const YAML_REASONS: [RegExp, { fi: string; en: string }][] = [
  [/duplicated mapping key/, { fi: 'sama kenttä on kirjoitettu kahdesti', en: 'the same key is written twice' }],
  [/bad indentation/, { fi: 'rivin sisennys ei sovi muihin riveihin', en: 'the line is indented differently from the others (bad indentation)' }],
  [/tab characters must not be used/, { fi: 'sisennyksessä on sarkain; käytä välilyöntejä', en: 'a tab is used for indentation; use spaces' }],
  [/implicit key|can not read a block mapping entry|incomplete explicit mapping pair|multiline key/, { fi: 'rivillä on kaksoispiste väärässä kohdassa tai lainausmerkki puuttuu (lainaa arvo, jossa on kaksoispiste: `"…"`)', en: 'a colon in the wrong place or a missing quote (quote a value that holds a colon: `"…"`)' }],
  [/unexpected end of the stream within a (?:flow collection|single quoted|double quoted)|missed comma|end of the stream/, { fi: 'sulkeva `]`, `}` tai lainausmerkki puuttuu, tai pilkku puuttuu lista-alkioiden välistä', en: 'a closing `]`, `}` or quote is missing, or a comma between list items' }],
  [/unknown escape sequence|expected hexadecimal/, { fi: 'lainausmerkkien sisällä on kenoviiva (`\\`); käytä yksinkertaisia lainausmerkkejä', en: 'a backslash (`\\`) inside double quotes; use single quotes' }],
  [/unidentified alias|unknown alias/, { fi: 'viittaus (`*nimi`) johonkin, mitä ei ole määritelty (kirjoita tähti lainausmerkkeihin)', en: 'an alias (`*name`) to something not defined (quote a value that starts with `*`)' }],
  [/a line break is expected|end of the document|document separator/, { fi: 'rivillä on jotain ylimääräistä arvon jälkeen', en: 'something extra after a value on the line' }],
  [/name of an alias or an anchor|block scalar|indentation indicator/, { fi: 'rivi alkaa merkillä, jolla on YAMLissa erityinen merkitys (`&`, `*`, `|`, `>`); lainaa arvo', en: 'the value starts with a character that has a meaning in YAML (`&`, `*`, `|`, `>`); quote it' }],
  [/reserved|cannot start any token|@|`/, { fi: 'arvo alkaa merkillä, jolla ei voi alkaa (`@` tai `` ` ``); lainaa arvo', en: 'the value starts with a reserved character (`@` or `` ` ``); quote it' }],
];

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

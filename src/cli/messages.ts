/** CLI strings in Finnish and English. */
import type { Lang } from '../core/types';

const en = {
  usage: `Usage: charters <command> [options]

Commands:
  lint [paths...]          Lint charters (files, directories or globs; default: .)
  init [dir]               Create charters.yaml, one charter per tier and a CI workflow
  new <tier>               Create one charter from the template
  rules                    List every rule: id, name, default severity and docs
  render [handbook]        Write a static site: the matrix and one page per charter
  matrix [handbook]        Print the "whose job is what" matrix (Markdown, JSON or HTML)

Options for lint:
  --format, -f NAME        stylish (default), json, sarif or github
  --output, -o FILE        Write the report to FILE instead of standard output
  --max-warnings N         Exit with 1 when there are more than N warnings
  --file-budget MS         Time one file may take to lint; a file over it is reported as
                           skipped and the run goes on (default 2000; 0: no limit)
  --quiet                  Report errors only
  --fix                    Apply fixes (insert missing elements and frontmatter fields)
  --lang fi|en             Language of messages (default: charters.yaml, then $LANG)
  --today YYYY-MM-DD       Date to check reviews against (default: today)
  --no-color               No colours in stylish output (also NO_COLOR=1)
  --cache                  Reuse the findings of files unchanged since the last run
  --cache-location DIR     Where the cache lives (default: .charters-cache/ in the handbook)
  --jobs, -j N             Threads to lint on (default: one per core; small runs use one)
  --concurrency N          The same as --jobs
  --shard I/N              Lint only shard I of N (for a CI matrix); shard 1 also reports
                           the handbook-level findings

Options for init and new:
  --lang fi|en             Language of the templates
  --unit NAME              Unit the charter is for (new)
  --out FILE               File to create (new; default: <tier>[-<unit>].md)

Options for render and matrix:
  --out DIR                Directory of the site (render; required). Made if missing; must be
                           empty or made by an earlier render (it keeps .charters-site.json)
  --format, -f NAME        md (default), json or html (matrix)
  --output, -o FILE        Write the matrix to FILE instead of standard output
  --lang fi|en             Language of the pages (default: charters.yaml, then $LANG)
  --today YYYY-MM-DD       Date to check reviews against (default: today)

Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 usage, config or internal error.
`,
  unknownCommand: 'Unknown command `{0}`. Run `charters --help`.',
  badOption: '{0}',
  badFormat: 'Unknown format `{0}`: use stylish, json, sarif or github.',
  badLang: 'Unknown language `{0}`: use fi or en.',
  badNumber: '`{0}` needs a whole number, not `{1}`.',
  badDate: '`--today` needs a date written as YYYY-MM-DD, not `{0}`.',
  badShard: '`--shard` needs I/N with 1 ≤ I ≤ N ≤ 1000 (for example 2/4), not `{0}`.',
  badConcurrency: '`{0}` needs a number of threads from 1 to 256 (the same for --jobs and --concurrency), not `{1}`.',
  cacheCorrupt: 'note: ignoring the cache file {0} ({1}); it will be rewritten.',
  cacheUnwritable: 'note: could not write the cache file {0} ({1}); the next run starts without it.',
  noMatch: 'No such file, directory or matching glob: {0}',
  configError: '{0}:{1}:{2}: error: {3}',
  internal: 'Internal error: {0}',
  skippedExisting: 'skipped (already exists): {0}',
  created: 'created: {0}',
  newNeedsTier: '`charters new` needs a tier, one of: {0}',
  unknownTier: 'Unknown tier `{0}`; the handbook defines: {1}',
  refuseOverwrite: '{0} already exists; not overwriting it. Choose another --out.',
  wroteReport: 'Report written to {0}',
  cannotWriteReport: 'Cannot write the report to {0} ({1})',
  initDone: 'Handbook ready in {0}. Next: fill in the charters and run `charters lint {0}`.',
  renderNeedsOut: '`charters render` needs --out DIR, the directory to write the site to.',
  oneHandbook: 'Give one handbook directory, not `{0}`.',
  notHandbookDir: 'No such directory: {0}',
  badMatrixFormat: 'Unknown format `{0}`: use md, json or html.',
  matrixTitle: 'Whose job is what – {0}',
  cannotWrite: 'Cannot write {0} ({1})',
  outNotDir: '--out {0} is not a directory.',
  outNotEmpty: '--out {0} is not empty and was not made by `charters render` (no {1} in it); choose an empty or new directory.',
  outContainsHandbook: '--out {0} would hold the handbook itself; choose a directory inside or beside it.',
  outUnsafe: 'Refusing to write {0}: the path would leave the output directory.',
  unsafePage: 'No page for {0}: its path could leave the output directory.',
  rendered: 'Wrote the site ({0} charter pages) to {1}; open {2}',
  removedStale: 'Removed {0} pages of charters that are gone.',
} as const;

type Key = keyof typeof en;

const fi: Record<Key, string> = {
  usage: `Käyttö: charters <komento> [valinnat]

Komennot:
  lint [polut...]          Tarkista peruskirjat (tiedostot, hakemistot tai globit; oletus: .)
  init [hakemisto]         Luo charters.yaml, peruskirja jokaiselle tasolle ja CI-työnkulku
  new <taso>               Luo yksi peruskirja mallipohjasta
  rules                    Listaa säännöt: tunniste, nimi, oletusvakavuus ja ohje
  render [käsikirja]       Kirjoita staattinen sivusto: matriisi ja sivu kustakin peruskirjasta
  matrix [käsikirja]       Tulosta "mikä kenenkin hommaa on" -matriisi (Markdown, JSON tai HTML)

Lint-valinnat:
  --format, -f NIMI        stylish (oletus), json, sarif tai github
  --output, -o TIEDOSTO    Kirjoita raportti tiedostoon
  --max-warnings N         Päätä koodilla 1, jos varoituksia on yli N
  --file-budget MS         Aika, jonka yhden tiedoston tarkistus saa kestää; sen ylittävä
                           ilmoitetaan ohitettuna ja ajo jatkuu (oletus 2000; 0: ei rajaa)
  --quiet                  Näytä vain virheet
  --fix                    Korjaa (lisää puuttuvat osa-alueet ja frontmatter-kentät)
  --lang fi|en             Viestien kieli (oletus: charters.yaml, sitten $LANG)
  --today VVVV-KK-PP       Päivä, jota vasten katselmoinnit tarkistetaan (oletus: tänään)
  --no-color               Ei värejä (myös NO_COLOR=1)
  --cache                  Käytä uudelleen edellisen ajon tulokset muuttumattomista tiedostoista
  --cache-location HAK     Välimuistin paikka (oletus: .charters-cache/ käsikirjan hakemistossa)
  --jobs, -j N             Säikeiden määrä (oletus: yksi ydintä kohden; pienet ajot yhdellä)
  --concurrency N          Sama kuin --jobs
  --shard I/N              Tarkista vain osa I N:stä (CI-matriisiin); osa 1 raportoi myös
                           koko käsikirjaa koskevat havainnot

Init- ja new-valinnat:
  --lang fi|en             Mallipohjien kieli
  --unit NIMI              Yksikkö, jota peruskirja koskee (new)
  --out TIEDOSTO           Luotava tiedosto (new; oletus: <taso>[-<yksikkö>].md)

Render- ja matrix-valinnat:
  --out HAKEMISTO          Sivuston hakemisto (render; pakollinen). Luodaan tarvittaessa; oltava
                           tyhjä tai aiemman renderin tekemä (siinä on .charters-site.json)
  --format, -f NIMI        md (oletus), json tai html (matrix)
  --output, -o TIEDOSTO    Kirjoita matriisi tiedostoon
  --lang fi|en             Sivujen kieli (oletus: charters.yaml, sitten $LANG)
  --today VVVV-KK-PP       Päivä, jota vasten katselmoinnit tarkistetaan (oletus: tänään)

Paluuarvot: 0 ei virheitä, 1 virheitä (tai liikaa varoituksia), 2 käyttö-, asetus- tai sisäinen virhe.
`,
  unknownCommand: 'Tuntematon komento `{0}`. Katso `charters --help`.',
  badOption: '{0}',
  badFormat: 'Tuntematon muoto `{0}`: käytä stylish, json, sarif tai github.',
  badLang: 'Tuntematon kieli `{0}`: käytä fi tai en.',
  badNumber: '`{0}` vaatii kokonaisluvun, ei `{1}`.',
  badDate: '`--today` vaatii päivämäärän muodossa VVVV-KK-PP, ei `{0}`.',
  badShard: '`--shard` vaatii muodon I/N, jossa 1 ≤ I ≤ N ≤ 1000 (esimerkiksi 2/4), ei `{0}`.',
  badConcurrency: '`{0}` vaatii säikeiden määrän 1–256 (sama arvo valinnoille --jobs ja --concurrency), ei `{1}`.',
  cacheCorrupt: 'huom: välimuistitiedostoa {0} ei käytetä ({1}); se kirjoitetaan uudelleen.',
  cacheUnwritable: 'huom: välimuistitiedostoa {0} ei voitu kirjoittaa ({1}); seuraava ajo alkaa ilman sitä.',
  noMatch: 'Tiedostoa, hakemistoa tai globia vastaavaa ei löydy: {0}',
  configError: '{0}:{1}:{2}: virhe: {3}',
  internal: 'Sisäinen virhe: {0}',
  skippedExisting: 'ohitettu (on jo olemassa): {0}',
  created: 'luotu: {0}',
  newNeedsTier: '`charters new` tarvitsee johtotason, jonkin näistä: {0}',
  unknownTier: 'Tuntematon johtotaso `{0}`; käsikirjan tasot: {1}',
  refuseOverwrite: '{0} on jo olemassa; sitä ei korvata. Valitse toinen --out.',
  wroteReport: 'Raportti kirjoitettu: {0}',
  cannotWriteReport: 'Raporttia ei voi kirjoittaa tiedostoon {0} ({1})',
  initDone: 'Käsikirja valmis hakemistossa {0}. Seuraavaksi: täytä peruskirjat ja aja `charters lint {0}`.',
  renderNeedsOut: '`charters render` tarvitsee valinnan --out HAKEMISTO, johon sivusto kirjoitetaan.',
  oneHandbook: 'Anna yksi käsikirjan hakemisto, ei `{0}`.',
  notHandbookDir: 'Hakemistoa ei ole: {0}',
  badMatrixFormat: 'Tuntematon muoto `{0}`: käytä md, json tai html.',
  matrixTitle: 'Mikä kenenkin hommaa on – {0}',
  cannotWrite: 'Tiedostoa {0} ei voi kirjoittaa ({1})',
  outNotDir: '--out {0} ei ole hakemisto.',
  outNotEmpty: '--out {0} ei ole tyhjä eikä `charters render` ole tehnyt sitä (siinä ei ole tiedostoa {1}); valitse tyhjä tai uusi hakemisto.',
  outContainsHandbook: '--out {0} sisältäisi itse käsikirjan; valitse hakemisto sen sisältä tai vierestä.',
  outUnsafe: 'Tiedostoa {0} ei kirjoiteta: polku johtaisi tulostehakemiston ulkopuolelle.',
  unsafePage: 'Peruskirjasta {0} ei tehdä sivua: sen polku johtaisi tulostehakemiston ulkopuolelle.',
  rendered: 'Sivusto ({0} peruskirjan sivua) kirjoitettu hakemistoon {1}; avaa {2}',
  removedStale: 'Poistettu {0} sivua peruskirjoista, joita ei enää ole.',
};

export function m(lang: Lang, key: Key, ...args: (string | number)[]): string {
  const s = (lang === 'fi' ? fi : en)[key];
  return s.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

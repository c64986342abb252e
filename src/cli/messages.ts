/** CLI strings in Finnish and English. */
import { escapeControls } from '../core/text-safety';
import type { Lang } from '../core/types';

const en = {
  // The global help is put together from these and each command's summary (see main.ts).
  usageHead: 'Usage: charters <command> [options]\n\nCommands:',
  usageGlobal: `Options of every command:
  --lang fi|en             Language of messages (default: charters.yaml, then $LANG)
  --color, --no-color      Colours on or off (default: only at a terminal; FORCE_COLOR and
                           NO_COLOR are honoured)
  --help, -h               Help; after a command, that command's options and examples
  --version, -v            Print the version

Run \`charters help <command>\` (or \`charters <command> --help\`) for a command's options and examples.

Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 usage, config or internal error.`,
  helpFooter: 'Also: --lang fi|en, --color/--no-color, --help. Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage, config or internal error.',
  helpUsage: 'Usage:',
  helpOptions: 'Options:',
  helpExamples: 'Examples:',
  'lint.synopsis': 'lint [paths...]',
  'lint.summary': 'Check charters (files, directories or globs; default: .)',
  'lint.help': `Checks the charters of a handbook: the files, directories or globs given (default: the
current directory). A file named here that is not checked (not a charter, excluded in
charters.yaml, unreadable, binary) is listed with the reason; nothing passes in silence.`,
  'lint.options': `  --format, -f NAME        stylish (default), json, sarif or github
  --output, -o FILE        Write the report to FILE instead of standard output
  --max-warnings N         Exit with 1 when there are more than N warnings (and say so)
  --file-budget MS         Time one file may take to lint; a file over it is reported as
                           skipped and the run goes on (default 2000; 0: no limit)
  --quiet, -q              Report errors only (and say how many warnings were hidden)
  --fix                    Apply fixes (add missing elements and frontmatter fields)
  --today YYYY-MM-DD       Date to check reviews against (default: today)
  --cache                  Reuse the findings of files unchanged since the last run
  --cache-location DIR     Where the cache lives (default: ~/.cache/leadership-charters/,
                           outside the repository)
  --jobs, -j N             Threads to lint on (default: one per core; small runs use one)
  --concurrency N          The same as --jobs
  --shard I/N              Lint only shard I of N (for a CI matrix); shard 1 also reports
                           the handbook-level findings
  --changed-since REF      Findings on lines changed since REF (git) first, marked; in a pull
                           request on GitHub the base branch is used without this option
  --no-summary             With --format github: no job summary in $GITHUB_STEP_SUMMARY`,
  'lint.examples': `  charters lint                        check the handbook in this directory
  charters lint supervisors.md         check one charter
  charters lint --fix                  add what is missing, as stubs to fill in
  charters lint --max-warnings 0       fail on warnings too
  charters lint --format github        annotations on a GitHub pull request
  charters lint --changed-since main   what this branch changed first (a pre-commit hook)`,
  'init.synopsis': 'init [dir]',
  'init.summary': 'Create charters.yaml, one charter per tier and a CI workflow',
  'init.help': `Creates a new handbook in DIR (default: the current directory): charters.yaml, one
charter per tier from the template, in the language of --lang, and a GitHub workflow that
checks every pull request that changes the handbook. The workflow goes to the root of the git
repository (.github/workflows/charters.yml) and runs the GitHub Action at this version of the
tool. Files that already exist, the workflow too, are left as they are.`,
  'init.options': `  --lang fi|en             Language of the templates and of the file names`,
  'init.examples': `  charters init                        a handbook here, in the language of $LANG
  charters init handbook --lang fi     Finnish templates in handbook/ (ylin-johto.md, …)`,
  'new.synopsis': 'new <tier>',
  'new.summary': 'Create one charter from the template',
  'new.help': `Creates one charter of a tier from the template. Name the tier by its id or its Finnish
or English name, with or without diacritics (supervisors, esihenkilöt, esihenkilot).`,
  'new.options': `  --unit NAME              Unit the charter is for: in its title, frontmatter and file name
  --out FILE               File to create (default: <tier>[-<unit>].md)
  --lang fi|en             Language of the template`,
  'new.examples': `  charters new supervisors --unit Sales      supervisors-sales.md
  charters new esihenkilöt --unit Myynti     a Finnish charter for the unit Myynti
  charters new keskijohto --out hr/middle.md`,
  'rules.synopsis': 'rules [handbook]',
  'rules.summary': 'List every rule: id, severity, description and docs',
  'rules.help': `Lists every rule: its id (for charters.yaml's rules: section), the severity the handbook
gives it (charters.yaml found from the folder, default: the current directory, upwards; the
built-in default beside it when they differ), whether --fix can fix it, what it checks and a
link to its documentation in the language of --lang.`,
  'rules.options': `  --format, -f NAME        text (default) or json`,
  'rules.examples': `  charters rules
  charters rules --lang fi
  charters rules handbook --format json`,
  'render.synopsis': 'render [handbook]',
  'render.summary': 'Write a static site: the matrix and one page per charter',
  'render.help': `Writes a static HTML site of the handbook (default: the current directory): the "whose
job is what" matrix, one page per charter with its findings, one page per person named as
owner (leaders/<name>.html: their charters, every element with its text and goals, the next
review and the open findings); history.html, the follow-up over time from git history; and with
--print, print.html, the whole handbook in one file to print or save as PDF.`,
  'render.options': `  --out DIR                Directory of the site (required). Made if missing; must be
                           empty or made by an earlier render (it keeps .charters-site.json)
  --print                  Also write print.html: every charter, the matrix and the follow-up
  --today YYYY-MM-DD       Date to check reviews against (default: today)`,
  'render.examples': `  charters render --out site
  charters render handbook --out public --lang fi --print`,
  'matrix.synopsis': 'matrix [handbook]',
  'matrix.summary': 'Print the "whose job is what" matrix (Markdown, JSON or HTML)',
  'matrix.help': `Prints the "whose job is what" matrix of the handbook (default: the current directory):
which tier holds which element, and in which charter.`,
  'matrix.options': `  --format, -f NAME        md (default), json or html
  --output, -o FILE        Write the matrix to FILE instead of standard output
  --today YYYY-MM-DD       Date to check reviews against (default: today)`,
  'matrix.examples': `  charters matrix
  charters matrix --format html --output matrix.html`,
  'goals.synopsis': 'goals [handbook]',
  'goals.summary': 'Export every goal and indicator line (CSV, JSON or xlsx) for HR',
  'goals.help': `Writes every goal and indicator line of the handbook (default: the current directory),
one row per line and owner: owner, tier, unit, element, label, text, next review, file, line.
CSV is RFC 4180 with a byte-order mark for Excel; a cell that starts with =, +, -, @, a tab or
a carriage return gets a leading ' so that a spreadsheet never runs it (CSV and xlsx).`,
  'goals.options': `  --format, -f NAME        csv (default), json or xlsx
  --output, -o FILE        Write to FILE instead of standard output (xlsx: needed unless
                           standard output is redirected to a file)
  --delimiter CHAR         CSV delimiter: , ; tab or | (default: , in English, ; in Finnish)
  --owner NAME             Only this owner's goals (case and accents ignored; part of a name will do)
  --tier TIER              Only this tier (its id, or its Finnish or English name)
  --unit NAME              Only this unit (forgiving as --owner)
  --today YYYY-MM-DD       Date the handbook is read on (default: today)`,
  'goals.examples': `  charters goals --output goals.csv
  charters goals --lang fi --delimiter ';' --tier esihenkilöt
  charters goals --format xlsx --output goals.xlsx --owner "Anna Laine"`,
  'history.synopsis': 'history [handbook]',
  'history.summary': 'Print the follow-up over time from git history (JSON or CSV)',
  'history.help': `Prints how the handbook (default: the current directory) developed along its git history:
charters, defined elements, elements with a goal line and overdue reviews per tier, at every
commit that changed it (every week when there are many) and today. Only committed text counts.
In a shallow clone or outside git, only today's state, with a note.`,
  'history.options': `  --format, -f NAME        json (default) or csv
  --output, -o FILE        Write the series to FILE instead of standard output
  --today YYYY-MM-DD       The last point's date; reviews are judged at each point's date`,
  'history.examples': `  charters history
  charters history handbook --format csv --output follow-up.csv`,
  'help.synopsis': 'help [command]',
  'help.summary': "Show this help, or one command's options and examples",
  'help.help': "Shows the list of commands, or one command's options and examples.",
  'help.options': '',
  'help.examples': `  charters help
  charters help lint`,
  unknownCommand: 'Unknown command `{0}`.',
  didYouMean: 'Did you mean `{0}`?',
  seeHelp: 'Run `charters --help` for the list of commands.',
  seeCommandHelp: 'Run `charters help {0}` for its options and examples.',
  unknownOption: 'Unknown option `{0}`.',
  optionElsewhere: '`{0}` is an option of {1}, not of `charters {2}`.',
  missingValue: '`{0}` needs a value, for example `{0} {1}`.',
  noValueAllowed: '`{0}` takes no value (`{1}` was given).',
  tooManyArgs: '`charters {0}` takes at most {1} argument; `{2}` is one too many.',
  noArgs: '`charters {0}` takes no arguments; `{1}` is one too many.',
  maxWarningsExceeded: 'Too many warnings: {0}, and --max-warnings allows {1}; the exit code is 1.',
  quietHiddenOne: '--quiet hid 1 warning.',
  quietHiddenMany: '--quiet hid {0} warnings.',
  notCharterNoFrontmatter: 'not checked: not a charter (a charter starts with frontmatter, a block between `---` lines naming its tier, e.g. `tier: supervisors`)',
  notCharterNoTier: 'not checked: not a charter (its frontmatter names no tier; add e.g. `tier: supervisors`)',
  excludedByConfig: 'not checked: excluded by `exclude` in {0}',
  badFormat: 'Unknown format `{0}`: use stylish, json, sarif or github.',
  badLang: 'Unknown language `{0}`: use fi or en.',
  badRulesFormat: 'Unknown format `{0}`: use text or json.',
  rulesFrom: 'Severities as {0} sets them:',
  rulesDefault: 'default: {0}',
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
  unknownTier: 'Unknown tier `{0}`; the handbook has: {1}.',
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
  removedStale: 'Removed {0} pages of charters or owners that are gone.',
  renderedLeaders: 'Wrote {0} leader pages (one per owner) to {1}',
  badGoalsFormat: 'Unknown format `{0}`: use csv, json or xlsx.',
  badDelimiter: 'Unknown delimiter `{0}`: use , ; tab or |.',
  xlsxNeedsOutput: 'An xlsx file is binary: give --output FILE, or redirect standard output to a file.',
  noGoals: 'note: the handbook has no goal or indicator lines yet.',
  noGoalsMatch: 'note: no goal or indicator line matches the filters.',
  renderedPrint: 'Wrote the print edition to {0}; print it to PDF from a browser (A4).',
  badHistoryFormat: 'Unknown format `{0}`: use json or csv.',
  historyShallow: 'note: this is a shallow clone; its history is cut off, so the series holds only today. Run `git fetch --unshallow` for the whole history.',
  historyNoGit: 'note: the handbook is not in a git repository that could be read; the series holds only today.',
  historyNoCommits: 'note: no commit touches the handbook yet; the series holds only today.',
  refuseLink: 'Refusing to write {0}: {1} is a symbolic link, and writing would change the file it points to. Remove the link or choose another path.',
  fixLink: 'not fixed: {0} is a symbolic link, and --fix never writes through one',
  cacheLink: 'note: not writing the cache file {0}: {1} is a symbolic link; the next run starts without the cache.',
  cacheTracked: 'note: ignoring the cache file {0}: git tracks it, so it came with the repository; the cache is a local file, not input. Choose a --cache-location that is not committed.',
  cacheNotOurs: 'not written by charters on this machine, or changed since',
  cacheNotFile: 'not a regular file',
  cacheNoKey: 'note: the cache is off: its key {0} cannot be made or read, or others can read it (it must be a file of yours with mode 0600).',
  changedNoRepo: '`--changed-since {0}` needs a git repository, and {1} is not in one.',
  changedNoRef: '`--changed-since {0}`: no such commit in the git repository of {1}.',
  baseNotFetched: "note: the pull request's base `{0}` is not in this clone, so findings are not ordered by the change (give actions/checkout `fetch-depth: 0`).",
  summaryUnwritable: 'note: could not write the job summary to {0} ({1}).',
  workflowAtRoot: 'note: the workflow is at the root of the git repository ({0}), where GitHub reads it; its paths point to the handbook.',
  workflowNoRepo: 'note: {0} is not in a git repository, so the workflow is in the handbook folder: right when the handbook becomes a repository of its own; otherwise move .github/ to the root of the repository.',
  workflowExists: 'skipped (already exists): {0}. Compare it with the workflow `charters init` writes now: https://github.com/leadership-charters/charters#github-action',
} as const;

type Key = keyof typeof en;

const fi: Record<Key, string> = {
  usageHead: 'Käyttö: charters <komento> [valinnat]\n\nKomennot:',
  usageGlobal: `Kaikkien komentojen valinnat:
  --lang fi|en             Viestien kieli (oletus: charters.yaml, sitten $LANG)
  --color, --no-color      Värit päälle tai pois (oletus: vain päätteessä; FORCE_COLOR ja
                           NO_COLOR otetaan huomioon)
  --help, -h               Ohje; komennon jälkeen sen komennon valinnat ja esimerkit
  --version, -v            Tulosta versio

Komennon valinnat ja esimerkit: \`charters help <komento>\` (tai \`charters <komento> --help\`).

Paluuarvot: 0 ei virheitä, 1 virheitä (tai liikaa varoituksia), 2 käyttö-, asetus- tai sisäinen virhe.`,
  helpFooter: 'Lisäksi: --lang fi|en, --color/--no-color, --help. Paluuarvot: 0 ei virheitä, 1 virheitä (tai liikaa varoituksia), 2 käyttö-, asetus- tai sisäinen virhe.',
  helpUsage: 'Käyttö:',
  helpOptions: 'Valinnat:',
  helpExamples: 'Esimerkkejä:',
  'lint.synopsis': 'lint [polut...]',
  'lint.summary': 'Tarkista peruskirjat (tiedostot, hakemistot tai hakulausekkeet; oletus: .)',
  'lint.help': `Tarkistaa käsikirjan peruskirjat: annetut tiedostot, hakemistot tai hakulausekkeet
(oletus: nykyinen hakemisto). Tässä nimetty tiedosto, jota ei tarkisteta (ei peruskirja,
rajattu pois charters.yaml-tiedostossa, ei luettavissa, binääritiedosto), luetellaan syineen;
mikään ei mene läpi huomaamatta.`,
  'lint.options': `  --format, -f NIMI        stylish (oletus), json, sarif tai github
  --output, -o TIEDOSTO    Kirjoita raportti tiedostoon
  --max-warnings N         Päätä koodilla 1, jos varoituksia on yli N (ja kerro se)
  --file-budget MS         Aika, jonka yhden tiedoston tarkistus saa kestää; sen ylittävä
                           ilmoitetaan ohitettuna ja ajo jatkuu (oletus 2000; 0: ei rajaa)
  --quiet, -q              Näytä vain virheet (ja kerro, montako varoitusta jätettiin pois)
  --fix                    Korjaa (lisää puuttuvat osa-alueet ja otsaketietojen kentät)
  --today VVVV-KK-PP       Päivä, jota vasten katselmoinnit tarkistetaan (oletus: tänään)
  --cache                  Käytä uudelleen edellisen ajon tulokset muuttumattomista tiedostoista
  --cache-location HAK     Välimuistin paikka (oletus: ~/.cache/leadership-charters/,
                           repositorion ulkopuolella)
  --jobs, -j N             Säikeiden määrä (oletus: yksi ydintä kohden; pienet ajot yhdellä)
  --concurrency N          Sama kuin --jobs
  --shard I/N              Tarkista vain osa I N:stä (CI-matriisiin); osa 1 raportoi myös
                           koko käsikirjaa koskevat havainnot
  --changed-since VIITE    Ensin ja merkittyinä havainnot riveillä, joita on muutettu VIITTEEN
                           (git) jälkeen; GitHubin pull requestissa kohdehaara ilman valintaa
  --no-summary             Muodolla github: ei työn yhteenvetoa tiedostoon $GITHUB_STEP_SUMMARY`,
  'lint.examples': `  charters lint                        tarkista tämän hakemiston käsikirja
  charters lint esihenkilot.md         tarkista yksi peruskirja
  charters lint --fix                  lisää puuttuvat kohdat täytettäviksi pohjiksi
  charters lint --max-warnings 0       epäonnistu myös varoituksista
  charters lint --format github        huomautukset GitHubin pull requestiin
  charters lint --changed-since main   tämän haaran muutokset ensin (pre-commit-koukku)`,
  'init.synopsis': 'init [hakemisto]',
  'init.summary': 'Luo charters.yaml, peruskirja jokaiselle tasolle ja CI-työnkulku',
  'init.help': `Luo uuden käsikirjan hakemistoon (oletus: nykyinen hakemisto): charters.yaml, jokaiselle
johtotasolle peruskirjan mallipohjasta valinnan --lang kielellä sekä GitHub-työnkulun, joka
tarkistaa jokaisen käsikirjaa muuttavan pull requestin. Työnkulku kirjoitetaan git-repositorion
juureen (.github/workflows/charters.yml), ja se ajaa tämän työkaluversion GitHub Actionia. Jo
olemassa oleviin tiedostoihin, työnkulku mukaan lukien, ei kosketa.`,
  'init.options': `  --lang fi|en             Mallipohjien ja tiedostonimien kieli`,
  'init.examples': `  charters init                        käsikirja tähän, $LANG-muuttujan kielellä
  charters init kasikirja --lang fi    suomenkieliset pohjat (ylin-johto.md, keskijohto.md, …)`,
  'new.synopsis': 'new <taso>',
  'new.summary': 'Luo yksi peruskirja mallipohjasta',
  'new.help': `Luo yhden johtotason peruskirjan mallipohjasta. Nimeä taso sen suomen- tai englanninkielisellä
nimellä tai tunnisteella, ääkkösin tai ilman, yksikössä tai monikossa (esihenkilöt, esihenkilot,
esihenkilö).`,
  'new.options': `  --unit NIMI              Yksikkö, jota peruskirja koskee: otsikkoon, otsaketietoihin ja nimeen
  --out TIEDOSTO           Luotava tiedosto (oletus: <taso>[-<yksikkö>].md)
  --lang fi|en             Mallipohjan kieli`,
  'new.examples': `  charters new esihenkilöt --unit Myynti     esihenkilot-myynti.md
  charters new keskijohto --out hr/keskijohto.md
  charters new keskijohto --lang en          englanninkielinen pohja`,
  'rules.synopsis': 'rules [käsikirja]',
  'rules.summary': 'Listaa säännöt: tunniste, vakavuus, kuvaus ja ohje',
  'rules.help': `Listaa säännöt: tunnisteen (charters.yaml-tiedoston rules:-kohtaa varten), vakavuuden, jonka
käsikirja sille antaa (charters.yaml haetaan kansiosta, oletuksena nykyisestä, ylöspäin; oletusvakavuus
näkyy rinnalla, kun ne eroavat), voiko --fix korjata sen, mitä sääntö tarkistaa, ja linkin ohjeeseen
valinnan --lang kielellä.`,
  'rules.options': `  --format, -f NIMI        text (oletus) tai json`,
  'rules.examples': `  charters rules
  charters rules kasikirja --format json`,
  'render.synopsis': 'render [käsikirja]',
  'render.summary': 'Kirjoita staattinen sivusto: matriisi ja sivu kustakin peruskirjasta',
  'render.help': `Kirjoittaa käsikirjasta (oletus: nykyinen hakemisto) staattisen HTML-sivuston: "mikä
kenenkin hommaa on" -matriisin, sivun kustakin peruskirjasta havaintoineen, oman sivun
jokaiselle omistajaksi nimetylle (leaders/<nimi>.html: hänen peruskirjansa, jokainen osa-alue
teksteineen ja tavoitteineen, seuraava katselmointi ja avoimet huomiot); history.html-sivun,
seurannan ajan mittaan git-historiasta; ja valinnalla --print print.html-tiedoston, koko
käsikirjan yhtenä tulostettavana tai PDF:ksi tallennettavana tiedostona.`,
  'render.options': `  --out HAKEMISTO          Sivuston hakemisto (pakollinen). Luodaan tarvittaessa; oltava
                           tyhjä tai aiemman renderin tekemä (siinä on .charters-site.json)
  --print                  Kirjoita myös print.html: kaikki peruskirjat, matriisi ja seuranta
  --today VVVV-KK-PP       Päivä, jota vasten katselmoinnit tarkistetaan (oletus: tänään)`,
  'render.examples': `  charters render --out sivusto
  charters render kasikirja --out public --lang fi --print`,
  'matrix.synopsis': 'matrix [käsikirja]',
  'matrix.summary': 'Tulosta "mikä kenenkin hommaa on" -matriisi (Markdown, JSON tai HTML)',
  'matrix.help': `Tulostaa käsikirjan (oletus: nykyinen hakemisto) "mikä kenenkin hommaa on" -matriisin:
millä johtotasolla on mikin osa-alue ja missä peruskirjassa.`,
  'matrix.options': `  --format, -f NIMI        md (oletus), json tai html
  --output, -o TIEDOSTO    Kirjoita matriisi tiedostoon
  --today VVVV-KK-PP       Päivä, jota vasten katselmoinnit tarkistetaan (oletus: tänään)`,
  'matrix.examples': `  charters matrix
  charters matrix --format html --output matriisi.html`,
  'goals.synopsis': 'goals [käsikirja]',
  'goals.summary': 'Vie kaikki tavoite- ja mittaririvit (CSV, JSON tai xlsx) HR:n käyttöön',
  'goals.help': `Kirjoittaa käsikirjan (oletus: nykyinen hakemisto) kaikki tavoite- ja mittaririvit, rivi
kutakin riviä ja omistajaa kohden: omistaja, johtotaso, yksikkö, osa-alue, laji, teksti,
seuraava katselmointi, tiedosto, rivi. CSV noudattaa RFC 4180:aa ja alkaa Excelin
tunnistamalla BOM-merkillä; solun alkuun, joka alkaa merkillä =, +, -, @, sarkaimella tai
rivinvaihdolla, lisätään ', jottei taulukkolaskenta suorita sitä (CSV ja xlsx).`,
  'goals.options': `  --format, -f NIMI        csv (oletus), json tai xlsx
  --output, -o TIEDOSTO    Kirjoita tiedostoon (xlsx: pakollinen, ellei tulostetta ohjata tiedostoon)
  --delimiter MERKKI       CSV:n erotin: , ; tab tai | (oletus: suomeksi ;, englanniksi ,)
  --owner NIMI             Vain tämän omistajan tavoitteet (kirjainkoko ja tarkkeet ohitetaan;
                           osa nimestä riittää)
  --tier TASO              Vain tämä johtotaso (tunniste tai suomen- tai englanninkielinen nimi)
  --unit NIMI              Vain tämä yksikkö (yhtä sallivasti kuin --owner)
  --today VVVV-KK-PP       Päivä, jolta käsikirja luetaan (oletus: tänään)`,
  'goals.examples': `  charters goals --output tavoitteet.csv
  charters goals --tier esihenkilöt
  charters goals --format xlsx --output tavoitteet.xlsx --owner "Anna Laine"`,
  'history.synopsis': 'history [käsikirja]',
  'history.summary': 'Tulosta seuranta ajan mittaan git-historiasta (JSON tai CSV)',
  'history.help': `Tulostaa, miten käsikirja (oletus: nykyinen hakemisto) on kehittynyt git-historiansa aikana:
peruskirjat, määritellyt osa-alueet, tavoiterivin sisältävät osa-alueet ja myöhässä olevat
katselmoinnit johtotasoittain jokaisen käsikirjaa muuttaneen muutoksen (commit) kohdalla (viikoittain,
kun muutoksia on paljon) ja tänään. Vain gitiin tallennettu teksti lasketaan. Matalassa kloonissa
(shallow clone) tai gitin ulkopuolella vain nykytila ja huomautus.`,
  'history.options': `  --format, -f NIMI        json (oletus) tai csv
  --output, -o TIEDOSTO    Kirjoita aikasarja tiedostoon
  --today VVVV-KK-PP       Viimeisen pisteen päivä; katselmoinnit arvioidaan kunkin pisteen päivänä`,
  'history.examples': `  charters history
  charters history kasikirja --format csv --output seuranta.csv`,
  'help.synopsis': 'help [komento]',
  'help.summary': 'Näytä tämä ohje tai yhden komennon valinnat ja esimerkit',
  'help.help': 'Näyttää komentojen luettelon tai yhden komennon valinnat ja esimerkit.',
  'help.options': '',
  'help.examples': `  charters help
  charters help lint`,
  unknownCommand: 'Tuntematon komento `{0}`.',
  didYouMean: 'Tarkoititko `{0}`?',
  seeHelp: 'Komennot näet komennolla `charters --help`.',
  seeCommandHelp: 'Valinnat ja esimerkit näet komennolla `charters help {0}`.',
  unknownOption: 'Tuntematon valinta `{0}`.',
  optionElsewhere: '`{0}` on komennon {1} valinta, ei komennon `charters {2}`.',
  missingValue: '`{0}` tarvitsee arvon, esimerkiksi `{0} {1}`.',
  noValueAllowed: '`{0}` ei ota arvoa (annettiin `{1}`).',
  tooManyArgs: '`charters {0}` ottaa enintään {1} argumentin; `{2}` on ylimääräinen.',
  noArgs: '`charters {0}` ei ota argumentteja; `{1}` on ylimääräinen.',
  maxWarningsExceeded: 'Liikaa varoituksia: {0}, kun --max-warnings sallii {1}; paluuarvo on 1.',
  quietHiddenOne: '--quiet jätti näyttämättä 1 varoituksen.',
  quietHiddenMany: '--quiet jätti näyttämättä {0} varoitusta.',
  notCharterNoFrontmatter: 'ei tarkistettu: ei peruskirja (peruskirja alkaa otsaketiedoilla: `---`-rivien väliin kirjoitetaan sen johtotaso, esim. `tier: esihenkilöt`)',
  notCharterNoTier: 'ei tarkistettu: ei peruskirja (otsaketiedoissa ei ole johtotasoa; lisää esim. `tier: esihenkilöt`)',
  excludedByConfig: 'ei tarkistettu: rajattu pois tiedoston {0} kohdassa `exclude`',
  badFormat: 'Tuntematon muoto `{0}`: käytä stylish, json, sarif tai github.',
  badLang: 'Tuntematon kieli `{0}`: käytä fi tai en.',
  badRulesFormat: 'Tuntematon muoto `{0}`: käytä text tai json.',
  rulesFrom: 'Vakavuudet tiedoston {0} mukaan:',
  rulesDefault: 'oletus: {0}',
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
  unknownTier: 'Tuntematon johtotaso `{0}`; käsikirjan tasot: {1}.',
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
  removedStale: 'Poistettu {0} sivua peruskirjoista tai omistajista, joita ei enää ole.',
  renderedLeaders: '{0} johtajan omaa sivua (yksi kutakin omistajaa kohden) kirjoitettu hakemistoon {1}',
  badGoalsFormat: 'Tuntematon muoto `{0}`: käytä csv, json tai xlsx.',
  badDelimiter: 'Tuntematon erotin `{0}`: käytä , ; tab tai |.',
  xlsxNeedsOutput: 'xlsx-tiedosto on binäärimuotoinen: anna --output TIEDOSTO tai ohjaa tuloste tiedostoon.',
  noGoals: 'huom: käsikirjassa ei ole vielä tavoite- eikä mittaririvejä.',
  noGoalsMatch: 'huom: yksikään tavoite- tai mittaririvi ei vastaa rajauksia.',
  renderedPrint: 'Tulostettava versio kirjoitettu: {0}; tulosta se PDF:ksi selaimesta (A4).',
  badHistoryFormat: 'Tuntematon muoto `{0}`: käytä json tai csv.',
  historyShallow: 'huom: tämä on matala klooni (shallow clone), jonka historia on katkaistu, joten aikasarjassa on vain tämä päivä. Hae koko historia komennolla `git fetch --unshallow`.',
  historyNoGit: 'huom: käsikirja ei ole luettavassa git-tietovarastossa; aikasarjassa on vain tämä päivä.',
  historyNoCommits: 'huom: mikään muutos (commit) ei vielä koske käsikirjaa; aikasarjassa on vain tämä päivä.',
  refuseLink: 'Tiedostoa {0} ei kirjoiteta: {1} on symbolinen linkki, ja kirjoittaminen muuttaisi tiedostoa, johon se osoittaa. Poista linkki tai valitse toinen polku.',
  fixLink: 'ei korjattu: {0} on symbolinen linkki, eikä --fix koskaan kirjoita linkin läpi',
  cacheLink: 'huom: välimuistitiedostoa {0} ei kirjoiteta: {1} on symbolinen linkki; seuraava ajo alkaa ilman välimuistia.',
  cacheTracked: 'huom: välimuistitiedostoa {0} ei käytetä: git seuraa sitä, joten se tuli repositorion mukana; välimuisti on paikallinen tiedosto, ei syöte. Valitse --cache-location, jota ei ole tallennettu repositorioon.',
  cacheNotOurs: 'ei charters-työkalun tällä koneella kirjoittama, tai muutettu sen jälkeen',
  cacheNotFile: 'ei tavallinen tiedosto',
  cacheNoKey: 'huom: välimuisti ei ole käytössä: sen avainta {0} ei voi luoda tai lukea, tai muut voivat lukea sen (sen pitää olla sinun tiedostosi, oikeuksin 0600).',
  changedNoRepo: '`--changed-since {0}` tarvitsee git-repositorion, eikä {1} ole sellaisessa.',
  changedNoRef: '`--changed-since {0}`: tällaista committia ei ole hakemiston {1} git-repositoriossa.',
  baseNotFetched: 'huom: pull requestin kohdehaaraa `{0}` ei ole tässä kloonissa, joten havaintoja ei järjestetä muutoksen mukaan (anna actions/checkoutille `fetch-depth: 0`).',
  summaryUnwritable: 'huom: työn yhteenvetoa ei voitu kirjoittaa tiedostoon {0} ({1}).',
  workflowAtRoot: 'huom: työnkulku on git-repositorion juuressa ({0}), josta GitHub sen lukee; sen polut osoittavat käsikirjaan.',
  workflowNoRepo: 'huom: {0} ei ole git-repositoriossa, joten työnkulku on käsikirjan hakemistossa: oikein, kun käsikirjasta tulee oma repositorionsa; muuten siirrä .github/ repositorion juureen.',
  workflowExists: 'ohitettu (on jo olemassa): {0}. Vertaa sitä työnkulkuun, jonka `charters init` nyt kirjoittaa: https://github.com/leadership-charters/charters#github-action',
};

/**
 * The message `key` in `lang` with its arguments filled in. Arguments are file names, names and
 * error details from the handbook: their control characters are escaped (escapeControls), so no
 * argument can add a line to the output or send a terminal escape.
 */
export function m(lang: Lang, key: Key, ...args: (string | number)[]): string {
  const s = (lang === 'fi' ? fi : en)[key];
  return s.replace(/\{(\d)\}/g, (_, i: string) => escapeControls(String(args[Number(i)] ?? '')));
}

/** Lines of text (a stack trace) for the terminal: each line's control characters escaped, the line breaks kept. */
export function safeLines(text: string): string {
  return text.split('\n').map(escapeControls).join('\n');
}

// Screenshots of the static site made by `charters render`, for docs/previews.md and the README.
//
//   node scripts/screenshots-site.mjs
//
// Builds the CLI, renders a Finnish handbook (examples/handbook, or test/fixtures/cli/clean when
// the example is not there) and an English one (test/fixtures/render/site-en) with a fixed
// --today, opens the pages from file:// in headless Debian Chromium through playwright-core, and
// writes docs/images/site-{matrix,charter}-{fi,en}.png. Chromium: /usr/bin/chromium
// (`apt-get install -y chromium`) or $CHROMIUM.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
const IMAGES = join(ROOT, 'docs/images');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const TODAY = '2027-05-20';

const fiHandbook = existsSync(join(ROOT, 'examples/handbook/charters.yaml')) ? 'examples/handbook' : 'test/fixtures/cli/clean';
const SHOTS = [
  {
    lang: 'fi',
    handbook: fiHandbook,
    // A charter page worth looking at: the first of these that the site has.
    charters: ['charters/keskijohto/tuotanto.html', 'charters/ylin-johto/johtoryhma.html', 'middle-management.html'],
  },
  {
    lang: 'en',
    handbook: 'test/fixtures/render/site-en',
    charters: ['operations/customer-service.html'],
  },
];

if (!existsSync(CHROMIUM)) {
  console.error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM`);
  process.exit(1);
}
execFileSync(process.execPath, ['scripts/build.mjs', '--only=cli'], { cwd: ROOT, stdio: 'inherit' });
mkdirSync(IMAGES, { recursive: true });

const work = mkdtempSync(join(tmpdir(), 'charters-shots-'));
const context = await chromium.launchPersistentContext(join(work, 'profile'), {
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ],
  viewport: { width: 1600, height: 1200 },
  deviceScaleFactor: 1,
  colorScheme: 'light',
  locale: 'fi-FI',
  offline: true,
});

try {
  for (const shot of SHOTS) {
    const out = join(work, `site-${shot.lang}`);
    execFileSync(process.execPath, ['bin/charters.js', 'render', shot.handbook, '--out', out, '--lang', shot.lang, '--today', TODAY], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    const page = await context.newPage();
    const problems = [];
    page.on('console', (msg) => problems.push(`console ${msg.type()}: ${msg.text()}`));
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));

    // The matrix is a scroll box with a sticky header as tall as the window: a big window shows it whole.
    await page.setViewportSize({ width: 1920, height: 1400 });
    await page.goto(pathToFileURL(join(out, 'index.html')).href);
    await assertStyled(page, 'index.html');
    await page.screenshot({ path: join(IMAGES, `site-matrix-${shot.lang}.png`), fullPage: true });

    const charter = shot.charters.find((c) => existsSync(join(out, c)));
    if (!charter) throw new Error(`none of ${shot.charters.join(', ')} in the ${shot.lang} site`);
    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.goto(pathToFileURL(join(out, charter)).href);
    await assertStyled(page, charter);
    await page.screenshot({ path: join(IMAGES, `site-charter-${shot.lang}.png`), fullPage: true });

    // The pages have no script and the CSP allows none: anything in the console is a defect.
    if (problems.length > 0) throw new Error(`${shot.lang}: ${problems.join('\n')}`);
    await page.close();
    console.log(`docs/images/site-matrix-${shot.lang}.png, docs/images/site-charter-${shot.lang}.png (${shot.handbook}, ${charter})`);
  }
} finally {
  await context.close();
  rmSync(work, { recursive: true, force: true });
}

/** The stylesheet loaded under the page's CSP (an unstyled page would make a useless picture). */
async function assertStyled(page, name) {
  // charters.css sets the body's margin to 0 (the browser's default is 8px).
  const styled = await page.evaluate(() => getComputedStyle(document.body).marginTop === '0px');
  if (!styled) throw new Error(`${name}: charters.css did not load`);
}

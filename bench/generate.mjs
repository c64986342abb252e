#!/usr/bin/env node
// Deterministic generator of synthetic handbooks in the charters format, for the benchmark and
// the CLI performance tests.
//
//   node bench/generate.mjs --count 1000 --out bench/.data/h1000 [--seed 1] [--omit-tier ID]
//
// A handbook is `charters.yaml`, a README.md (not a charter) and N charters under
// `charters/<unit-group>/`, in Finnish and English, 10–16 KB each (`--min-kb`/`--max-kb`),
// written as realistic prose with goal and indicator lines. About 60 % are complete; the rest
// carry one or more defects the linter reports: a missing, empty or placeholder element, an
// element without a goal, a duplicate element, a missing owner or review date, an overdue
// review, an unknown tier, or broken frontmatter. A small share use the article's multi-tier
// layout (`tiers:` and tier headings) or its inline items (`🔹 **Title:** text`).
//
// The same seed and count always give the same bytes (a seeded PRNG, no clock, no locale).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// ---------------------------------------------------------------------------------------------
// The default framework's tiers and elements (ids and canonical names, as in
// src/core/framework/default.ts). Kept here so the generator is a plain script.

export const TIERS = [
  {
    id: 'top-management',
    name: { fi: 'Ylin johto', en: 'Top management' },
    elements: [
      ['vision-and-culture', 'Visio ja kulttuuri', 'Vision and culture'],
      ['structures-and-resources', 'Rakenteet ja resurssit', 'Structures and resources'],
      ['leading-by-example', 'Johto oppimisen esimerkkinä', 'Leadership as a learning role model'],
      ['ecosystem-thinking', 'Ekosysteemiajattelu', 'Ecosystem thinking'],
    ],
  },
  {
    id: 'middle-management',
    name: { fi: 'Keskijohto', en: 'Middle management' },
    elements: [
      ['strategy-interpreter', 'Tulkki strategian ja arjen välillä', 'Interpreter between strategy and everyday work'],
      ['removing-obstacles', 'Esteiden poistaminen', 'Removing obstacles'],
      ['knowledge-sharing', 'Tiedon jakamisen varmistaminen', 'Ensuring knowledge sharing'],
      ['coaching-supervisors', 'Esihenkilöiden valmentava johtaminen', 'Coaching leadership of supervisors'],
      ['monitoring-learning', 'Oppimisen ja kehittämisen seuraaminen', 'Monitoring learning and development'],
    ],
  },
  {
    id: 'supervisors',
    name: { fi: 'Esihenkilöt', en: 'Supervisors' },
    elements: [
      [
        'team-learning-plans',
        'Liiketoiminnallisista tavoitteista tiimien oppimis- ja kehittämissuunnitelmiksi',
        'From business goals to team learning and development plans',
      ],
      [
        'individual-development',
        'Yksilöiden vahvuuksien, kehitystarpeiden ja oppimissuunnitelmien fasilitointi',
        'Facilitating individual strengths, development needs and learning plans',
      ],
      ['agile-learning', 'Ketterän oppimisen fasilitointi', 'Facilitating agile learning'],
      ['psychological-safety', 'Psykologinen turvallisuus', 'Psychological safety'],
    ],
  },
].map((t) => ({ ...t, elements: t.elements.map(([id, fi, en]) => ({ id, name: { fi, en } })) }));

// ---------------------------------------------------------------------------------------------
// Seeded PRNG (mulberry32) and helpers

export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

// ---------------------------------------------------------------------------------------------
// Vocabulary and sentence banks

const V = {
  fi: {
    unit: ['Asiakaspalvelu', 'Tuotanto', 'Verkostot', 'Talous', 'Henkilöstöhallinto', 'Myynti', 'Markkinointi', 'Logistiikka', 'Kunnossapito', 'Laboratorio', 'IT-palvelut', 'Hankinta', 'Tutkimus ja kehitys', 'Laatu', 'Viestintä', 'Lakiasiat', 'Turvallisuus', 'Kiinteistöt'],
    site: ['Lahti', 'Tampere', 'Oulu', 'Kuopio', 'Joensuu', 'Vaasa', 'Turku', 'Jyväskylä', 'Kotka', 'Rovaniemi', 'Seinäjoki', 'Pori'],
    first: ['Aino', 'Mikko', 'Sanna', 'Juha', 'Laura', 'Timo', 'Elina', 'Pekka', 'Riikka', 'Antti', 'Kaisa', 'Ville', 'Minna', 'Jari', 'Heidi', 'Tuomas'],
    last: ['Virtanen', 'Korhonen', 'Mäkinen', 'Nieminen', 'Mäkelä', 'Hämäläinen', 'Laine', 'Heikkinen', 'Koskinen', 'Järvinen', 'Lehtonen', 'Saarinen', 'Salminen', 'Heinonen'],
    role: ['yksikön johtaja', 'tiiminvetäjä', 'toimitusjohtaja', 'palvelupäällikkö', 'tuotantopäällikkö', 'kehityspäällikkö'],
    who: ['Tiimi', 'Johtoryhmä', 'Jokainen esihenkilö', 'Yksikön johto', 'Henkilöstö', 'Kehittämisryhmä', 'Jokainen työntekijä', 'Vuorovastaava'],
    act: ['sopii oppimistavoitteista', 'käy läpi edellisen jakson opit', 'varaa aikaa kokeiluille', 'jakaa onnistumiset ja virheet', 'kirjaa sovitut toimet tiimin tauluun', 'arvioi osaamistarpeet', 'päivittää oppimissuunnitelman', 'pyytää palautetta asiakkailta', 'tekee pienen kokeilun', 'kutsuu asiantuntijan kertomaan kokemuksistaan'],
    when: ['joka kuukausi', 'kerran neljännesvuodessa', 'joka toinen viikko', 'kehityskeskustelussa helmikuussa', 'syksyn suunnittelupäivänä', 'jokaisen projektin lopuksi', 'viikkopalaverissa', 'kaksi kertaa vuodessa'],
    topic: ['asiakaskokemus', 'uusi toiminnanohjausjärjestelmä', 'tietoturva', 'työturvallisuus', 'energiatehokkuus', 'tekoälyn käyttö', 'palvelumuotoilu', 'laatupoikkeamat', 'toimitusketjun riskit', 'vastuullisuusraportointi'],
    why: ['jotta osaaminen ei jää yhden ihmisen varaan', 'koska strategia edellyttää uutta osaamista', 'jotta asiakkaat saavat parempaa palvelua', 'koska toimintaympäristö muuttuu nopeasti', 'jotta virheistä opitaan eikä niitä toisteta', 'koska hyvät käytännöt leviävät muuten hitaasti'],
    tool: ['tiimin wiki', 'oppimisalusta', 'Teams-kanava', 'intranet', 'kehitystaulu', 'osaamismatriisi'],
    goal: ['Tavoite', 'Mittari', 'Seuranta', 'Tavoitteet', 'Indikaattori'],
    placeholder: ['TBD', 'TODO', '_[Kirjoita tähän: mitä tämä tarkoittaa meillä?]_', 'Täydennetään myöhemmin.', '[kirjoita tähän]'],
    background: 'Taustaa',
    practice: 'Käytännön järjestelyt',
    title: (t, u) => `${t.name.fi}: oppimisen johtamisen vastuut – ${u}`,
  },
  en: {
    unit: ['Customer service', 'Production', 'Networks', 'Finance', 'People operations', 'Sales', 'Marketing', 'Logistics', 'Maintenance', 'Laboratory', 'IT services', 'Procurement', 'Research and development', 'Quality', 'Communications', 'Legal', 'Safety', 'Facilities'],
    site: ['Leeds', 'Bristol', 'Manchester', 'Glasgow', 'Cardiff', 'Belfast', 'York', 'Norwich', 'Exeter', 'Aberdeen', 'Dundee', 'Bath'],
    first: ['Emma', 'Oliver', 'Sophie', 'James', 'Grace', 'Thomas', 'Chloe', 'Daniel', 'Hannah', 'Samuel', 'Lucy', 'Adam', 'Megan', 'Ryan', 'Zoe', 'Lewis'],
    last: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White'],
    role: ['head of unit', 'team lead', 'chief executive', 'service manager', 'production manager', 'development manager'],
    who: ['The team', 'The leadership team', 'Every supervisor', 'The unit management', 'Staff', 'The development group', 'Every employee', 'The shift lead'],
    act: ['agrees on learning goals', 'reviews the lessons of the last period', 'sets time aside for experiments', 'shares successes and mistakes', 'records agreed actions on the team board', 'assesses skill needs', 'updates the learning plan', 'asks customers for feedback', 'runs a small experiment', 'invites an expert to share their experience'],
    when: ['every month', 'once a quarter', 'every other week', 'in the development discussion in February', 'on the autumn planning day', 'at the end of every project', 'in the weekly meeting', 'twice a year'],
    topic: ['customer experience', 'the new ERP system', 'information security', 'occupational safety', 'energy efficiency', 'the use of AI', 'service design', 'quality deviations', 'supply-chain risks', 'sustainability reporting'],
    why: ['so that know-how does not rest on one person', 'because the strategy calls for new skills', 'so that customers get better service', 'because our environment changes quickly', 'so that we learn from mistakes instead of repeating them', 'because good practices otherwise spread slowly'],
    tool: ['the team wiki', 'the learning platform', 'the Teams channel', 'the intranet', 'the development board', 'the skills matrix'],
    goal: ['Goal', 'Indicator', 'Measure', 'Follow-up', 'Metric'],
    placeholder: ['TBD', 'TODO', '_[Write here: what does this mean for us?]_', 'To be defined.', '[write here]'],
    background: 'Background',
    practice: 'Practical arrangements',
    title: (t, u) => `${t.name.en}: responsibilities for leading learning – ${u}`,
  },
};

const SENTENCES = {
  fi: [
    (r, v) => `${r.pick(v.who)} ${r.pick(v.act)} ${r.pick(v.when)}, ${r.pick(v.why)}.`,
    (r, v) => `Painopisteenä on tänä vuonna ${r.pick(v.topic)}, ja siihen liittyvät opit kootaan paikkaan ${r.pick(v.tool)}.`,
    (r, v) => `${r.pick(v.who)} ${r.pick(v.act)} ${r.pick(v.when)}; vastuuhenkilö on ${r.pick(v.first)} ${r.pick(v.last)}.`,
    (r, v) => `Yksikössä ${r.pick(v.site)} kokeiltiin viime vuonna mallia, jossa **${r.pick(v.topic)}** otettiin jokaisen palaverin vakioaiheeksi, ja kokemukset olivat hyviä.`,
    (r, v) => `Oppimiseen varataan ${r.int(2, 10)} prosenttia työajasta, ja ${r.pick(v.who).toLowerCase()} seuraa toteutumista ${r.pick(v.when)}.`,
    (r, v) => `Kun jokin menee pieleen, ${r.pick(v.who).toLowerCase()} kysyy ensin, mitä siitä voidaan oppia, eikä sitä, kuka on syyllinen.`,
    (r, v) => `Käytämme välineenä paikkaa ${r.pick(v.tool)}, josta löytyvät myös [ohjeet ja pohjat](https://intra.example.fi/oppiminen/${r.int(100, 999)}).`,
    (r, v) => `Uudet työntekijät saavat ensimmäisiksi ${r.int(2, 6)} kuukaudeksi kummin, joka ${r.pick(v.act)} heidän kanssaan.`,
    (r, v) => `Asiakaspalautteesta poimitaan ${r.pick(v.when)} kolme oppimisen aihetta, ja ${r.pick(v.who).toLowerCase()} päättää, mitä niille tehdään.`,
    (r, v) => `Strategiakauden tavoitteet edellyttävät, että ${r.pick(v.topic)} hallitaan koko organisaatiossa vuoteen ${r.int(2027, 2030)} mennessä.`,
    (r, v) => `_Esimerkki:_ ${r.pick(v.first)} ${r.pick(v.last)} veti keväällä työpajan, jossa ${r.pick(v.topic)} käytiin läpi käytännön tapausten avulla.`,
    (r, v) => `Tärkeintä on, että ${r.pick(v.who).toLowerCase()} ${r.pick(v.act)} säännöllisesti eikä vain silloin, kun ehtii.`,
  ],
  en: [
    (r, v) => `${r.pick(v.who)} ${r.pick(v.act)} ${r.pick(v.when)}, ${r.pick(v.why)}.`,
    (r, v) => `This year the focus is on ${r.pick(v.topic)}, and the lessons learned are gathered in ${r.pick(v.tool)}.`,
    (r, v) => `${r.pick(v.who)} ${r.pick(v.act)} ${r.pick(v.when)}; the person responsible is ${r.pick(v.first)} ${r.pick(v.last)}.`,
    (r, v) => `Last year the ${r.pick(v.site)} site tried a model in which **${r.pick(v.topic)}** became a standing item of every meeting, and the experience was good.`,
    (r, v) => `We reserve ${r.int(2, 10)} per cent of working time for learning, and ${r.pick(v.who).toLowerCase()} follows it up ${r.pick(v.when)}.`,
    (r, v) => `When something goes wrong, ${r.pick(v.who).toLowerCase()} first asks what can be learned from it, not who is to blame.`,
    (r, v) => `We use ${r.pick(v.tool)}, where the [guides and templates](https://intra.example.com/learning/${r.int(100, 999)}) are kept as well.`,
    (r, v) => `New employees get a buddy for their first ${r.int(2, 6)} months, who ${r.pick(v.act)} with them.`,
    (r, v) => `Three learning topics are picked from customer feedback ${r.pick(v.when)}, and ${r.pick(v.who).toLowerCase()} decides what to do about them.`,
    (r, v) => `The goals of the strategy period require that ${r.pick(v.topic)} is mastered across the organisation by ${r.int(2027, 2030)}.`,
    (r, v) => `_For example:_ ${r.pick(v.first)} ${r.pick(v.last)} ran a workshop in the spring that went through ${r.pick(v.topic)} with real cases.`,
    (r, v) => `What matters most is that ${r.pick(v.who).toLowerCase()} ${r.pick(v.act)} regularly, not only when there is time.`,
  ],
};

const GOALS = {
  fi: [
    (r) => `vähintään ${r.int(60, 95)} % tiimin jäsenistä on ajantasainen oppimissuunnitelma vuoden ${r.int(2027, 2029)} loppuun mennessä.`,
    (r) => `kokeiluja esitellään vähintään ${r.int(6, 24)} vuodessa.`,
    (r) => `pulssikyselyn kysymyksen "voin myöntää virheeni pelkäämättä" keskiarvo on vähintään ${r.int(38, 46) / 10}.`,
    (r) => `jokaisesta poikkeamasta kirjataan vähintään yksi parannus, ja ${r.int(70, 100)} % niistä toteutuu kvartaalissa.`,
    (r) => `kriittisiä tehtäviä osaa hoitaa vähintään ${r.int(2, 4)} henkilöä.`,
  ],
  en: [
    (r) => `at least ${r.int(60, 95)}% of team members have an up-to-date learning plan by the end of ${r.int(2027, 2029)}.`,
    (r) => `at least ${r.int(6, 24)} experiments demoed per year.`,
    (r) => `team average for the pulse question "I can admit a mistake without fear" at least ${r.int(38, 46) / 10}.`,
    (r) => `every deviation produces at least one improvement, and ${r.int(70, 100)}% of them are done within the quarter.`,
    (r) => `at least ${r.int(2, 4)} people can handle every critical task.`,
  ],
};

function paragraph(r, lang, sentences) {
  const v = V[lang];
  const out = [];
  for (let i = 0; i < sentences; i++) out.push(r.pick(SENTENCES[lang])(r, v));
  // Wrap at about 96 columns, as people do in Markdown.
  const words = out.join(' ').split(' ');
  const lines = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + w.length + 1 > 96) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

function goalLines(r, lang) {
  const v = V[lang];
  const n = r.int(1, 3);
  const lines = [];
  for (let i = 0; i < n; i++) lines.push(`- ${r.pick(v.goal)}: ${r.pick(GOALS[lang])(r)}`);
  return lines.join('\n');
}

function bullets(r, lang) {
  const v = V[lang];
  const n = r.int(3, 5);
  const lines = [];
  for (let i = 0; i < n; i++) lines.push(`- ${r.pick(v.who)} ${r.pick(v.act)} ${r.pick(v.when)}.`);
  return lines.join('\n');
}

/** The body of one element: prose, maybe a list, and (unless `noGoal`) goal lines. */
function elementBody(r, lang, { noGoal }) {
  const parts = [];
  const paras = r.int(2, 4);
  for (let i = 0; i < paras; i++) {
    parts.push(paragraph(r, lang, r.int(3, 6)));
    if (r.chance(0.25)) parts.push(bullets(r, lang));
  }
  if (!noGoal) parts.push(goalLines(r, lang));
  return parts.join('\n\n');
}

function isoDate(y, m, d) {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// One charter

const DEFECTS = ['missing', 'empty', 'placeholder', 'no-goal', 'duplicate', 'no-owner', 'overdue', 'no-review'];

/**
 * Text of charter number `i`. Deterministic in (seed, i). `today` is the date the benchmark
 * lints against; overdue reviews fall before it, the others after.
 */
export function charterText(seed, i, options = {}) {
  const r = prng((seed * 1000003 + i * 7919) >>> 0);
  const lang = r.chance(0.5) ? 'fi' : 'en';
  const v = V[lang];
  const tiers = options.tiers ?? TIERS;
  const minBytes = (options.minKb ?? 10) * 1024;
  const maxBytes = (options.maxKb ?? 16) * 1024;
  const target = r.int(minBytes + 256, maxBytes - 768);

  const multi = r.chance(0.06) && tiers.length >= 2;
  const tierList = multi ? [tiers[0], tiers[1 + r.int(0, tiers.length - 2)]] : [r.pick(tiers)];
  const defective = r.chance(0.4);
  const defects = new Set();
  if (defective) {
    const n = r.chance(0.7) ? 1 : r.int(2, 3);
    for (let k = 0; k < n; k++) defects.add(r.pick(DEFECTS));
  }
  const rare = r.next();
  const unknownTier = rare < 0.004;
  const brokenFrontmatter = rare >= 0.004 && rare < 0.008;
  const inline = !multi && r.chance(0.05);

  const unit = `${r.pick(v.unit)} ${r.pick(v.site)}`;
  const fm = ['---'];
  if (multi) fm.push(`tiers: [${tierList.map((t) => t.id).join(', ')}]`);
  else fm.push(`tier: ${unknownTier ? 'board-of-directors' : tierList[0].id}`);
  fm.push(`unit: ${unit}`);
  if (!defects.has('no-owner')) fm.push(`owner: ${r.pick(v.first)} ${r.pick(v.last)} (${r.pick(v.role)})`);
  const reviewed = isoDate(r.int(2025, 2026), r.int(1, 10), r.int(1, 28));
  fm.push(`reviewed: ${reviewed}`);
  if (!defects.has('no-review')) {
    const next = defects.has('overdue') ? isoDate(r.int(2024, 2025), r.int(1, 12), r.int(1, 28)) : isoDate(r.int(2027, 2028), r.int(1, 12), r.int(1, 28));
    fm.push(`next-review: ${next}`);
  }
  fm.push(`lang: ${lang}`);
  if (brokenFrontmatter) fm.push('owner: [unclosed');
  fm.push('---', '');

  const body = [];
  body.push(`# ${V[lang].title(tierList[0], unit)}`, '');
  body.push(paragraph(r, lang, r.int(2, 4)), '');

  const sectionsFor = (tier, depth) => {
    const els = [...tier.elements];
    const out = [];
    let missing;
    if (defects.has('missing')) missing = r.pick(els).id;
    const empty = defects.has('empty') ? r.pick(els).id : undefined;
    const placeholder = defects.has('placeholder') ? r.pick(els).id : undefined;
    const noGoal = defects.has('no-goal') ? r.pick(els).id : undefined;
    for (const el of els) {
      if (el.id === missing) continue;
      const name = el.name[lang];
      const explicit = r.chance(0.3) ? ` {#${el.id}}` : '';
      let content;
      if (el.id === empty) content = '';
      else if (el.id === placeholder) content = `${r.pick(v.placeholder)}\n\n- ${v.goal[0]}: TBD`;
      else content = elementBody(r, lang, { noGoal: el.id === noGoal });
      if (inline && depth === 2 && el.id !== empty) {
        out.push(`- 🔹 **${name}:** ${content.split('\n\n')[0].replace(/\n/g, ' ')}`, '');
        if (content.includes('\n\n')) out.push(content.split('\n\n').slice(1).join('\n\n').replace(/^/gm, '  '), '');
      } else {
        out.push(`${'#'.repeat(depth)} ${name}${explicit}`, '');
        if (content) out.push(content, '');
      }
    }
    if (defects.has('duplicate')) {
      const el = r.pick(els);
      out.push(`${'#'.repeat(depth)} ${el.name[lang]}`, '', elementBody(r, lang, { noGoal: false }), '');
    }
    return out;
  };

  if (multi) {
    for (const tier of tierList) {
      body.push(`## ${tier.name[lang]}`, '', paragraph(r, lang, 2), '');
      body.push(...sectionsFor(tier, 3));
    }
  } else {
    body.push(...sectionsFor(tierList[0], 2));
  }

  // Pad to the target size with a non-element section of prose and, now and then, a table.
  let text = fm.join('\n') + '\n' + body.join('\n');
  const extra = [`## ${v.practice}`, ''];
  let size = Buffer.byteLength(text);
  if (size < target) {
    if (r.chance(0.3)) {
      const head = lang === 'fi' ? '| Tapahtuma | Milloin | Vastuu |\n| --- | --- | --- |' : '| Event | When | Owner |\n| --- | --- | --- |';
      const rows = [];
      for (let k = 0; k < r.int(3, 6); k++) rows.push(`| ${r.pick(v.topic)} | ${r.pick(v.when)} | ${r.pick(v.first)} ${r.pick(v.last)} |`);
      extra.push(`${head}\n${rows.join('\n')}`, '');
    }
    while (size + Buffer.byteLength(extra.join('\n')) < target) extra.push(paragraph(r, lang, r.int(3, 5)), '');
    text += '\n' + extra.join('\n');
  }
  // Trim whole paragraphs from the end if a long element pushed the file past the maximum.
  while (Buffer.byteLength(text) > maxBytes) {
    const cut = text.lastIndexOf('\n\n', text.length - 2);
    if (cut < text.length / 2) break;
    text = text.slice(0, cut + 1);
  }
  const slugUnit = unit.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const group = multi ? 'multi' : tierList[0].id;
  return { path: `charters/${group}/${String(i).padStart(5, '0')}-${slugUnit}.md`, text, lang };
}

export function configText(options = {}) {
  return [
    '# Synthetic handbook for the charters benchmark (bench/generate.mjs).',
    'language: fi',
    'exclude: ["README.md"]',
    'rules:',
    '  review-missing: warning',
    '',
  ].join('\n');
}

/**
 * Write a handbook of `count` charters into `dir` (emptied first). `omitTier` leaves one tier
 * without any charter, so that `tier-without-charter` has something to report.
 * Returns the relative paths of the charters and their total size in bytes.
 */
export function generateHandbook(dir, { count, seed = 1, omitTier, minKb, maxKb } = {}) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tiers = omitTier ? TIERS.filter((t) => t.id !== omitTier) : TIERS;
  writeFileSync(join(dir, 'charters.yaml'), configText());
  writeFileSync(
    join(dir, 'README.md'),
    '# Synthetic handbook\n\nGenerated by `bench/generate.mjs`; not a charter.\n',
  );
  const files = [];
  let bytes = 0;
  const made = new Set();
  for (let i = 0; i < count; i++) {
    const c = charterText(seed, i, { tiers, ...(minKb ? { minKb } : {}), ...(maxKb ? { maxKb } : {}) });
    const abs = join(dir, c.path);
    const parent = abs.slice(0, abs.lastIndexOf('/'));
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(abs, c.text);
    files.push(c.path);
    bytes += Buffer.byteLength(c.text);
  }
  return { files, bytes };
}

// ---------------------------------------------------------------------------------------------
// Command line

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

if (/generate\.mjs$/.test(process.argv[1] ?? '')) {
  const count = Number(arg('count', '1000'));
  const out = arg('out', `bench/.data/h${count}`);
  const seed = Number(arg('seed', '1'));
  const omitTier = arg('omit-tier', undefined);
  const t0 = performance.now();
  const { files, bytes } = generateHandbook(out, { count, seed, omitTier });
  console.log(`${files.length} charters, ${(bytes / 1048576).toFixed(1)} MB in ${out} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}

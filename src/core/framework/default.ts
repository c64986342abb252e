/**
 * The built-in default framework: three tiers of management and the thirteen elements of
 * leading learning that each tier's charter has to define.
 *
 * Source of the model (tiers, elements and their headings): the Finnish article
 * "Mikä kenenkin hommaa on – eli oppimisen johtamisen vastuut eri johtotasoilla".
 * Ids are stable. Names and aliases keep the article's own headings; the descriptions and
 * guiding questions are the product's own paraphrases, written for this extension.
 */

import type { Framework } from '../types';

export const DEFAULT_FRAMEWORK: Framework = {
  tiers: [
    // -----------------------------------------------------------------------------------------
    {
      id: 'top-management',
      name: { fi: 'Ylin johto', en: 'Top management' },
      role: {
        fi: 'Suunnan näyttäjä ja rakenteiden mahdollistaja',
        en: 'Direction-setter and enabler of structures',
      },
      aliases: [
        'Ylimmän johdon',
        'Johtoryhmä',
        'Yritysjohto',
        'Executive management',
        'Senior leadership',
        'Senior management',
        'Executive team',
      ],
      elements: [
        {
          id: 'vision-and-culture',
          tier: 'top-management',
          name: { fi: 'Visio ja kulttuuri', en: 'Vision and culture' },
          aliases: [
            'Luodaan visio ja kulttuuri',
            'Oppimisen visio ja kulttuuri',
            'Visio',
            'Learning vision and culture',
          ],
          description: {
            fi: 'Kerro, miksi oppiminen on tälle organisaatiolle tärkeää ja miten se tukee liiketoiminnan tavoitteita. Kuvaa, millaista oppimisen kulttuuria johto haluaa rakentaa.',
            en: 'State why learning matters to this organisation and how it supports the business goals. Describe the learning culture that leadership wants to build.',
          },
          questions: {
            fi: [
              'Miksi jatkuva oppiminen on meille liiketoiminnan kannalta välttämätöntä?',
              'Mitkä lähivuosien liiketoiminnan tavoitteet edellyttävät uuden oppimista?',
              'Mistä henkilöstö huomaa, että oppimista arvostetaan?',
            ],
            en: [
              'Why is continuous learning essential for our business?',
              'Which business goals for the coming years depend on learning something new?',
              'How can staff tell that learning is valued here?',
            ],
          },
        },
        {
          id: 'structures-and-resources',
          tier: 'top-management',
          name: { fi: 'Rakenteet ja resurssit', en: 'Structures and resources' },
          aliases: [
            'Oppimisen rakenteet ja resurssit',
            'Resurssit oppimiselle',
            'Learning structures and resources',
            'Resources for learning',
          ],
          description: {
            fi: 'Määrittele, kuinka paljon aikaa, tilaa ja budjettia oppimiselle varataan ja millä rakenteilla ja välineillä sitä tuetaan. Kerro myös, miten tätä oppimisen infrastruktuuria arvioidaan ja kehitetään.',
            en: 'Set out the time, space and budget reserved for learning and the structures and tools that support it. Say how this learning infrastructure is evaluated and improved.',
          },
          questions: {
            fi: [
              'Paljonko työaikaa ja rahaa kukin voi käyttää oppimiseen vuodessa?',
              'Mitkä järjestelmät, foorumit ja tukipalvelut ovat oppimisen käytössä?',
              'Kuinka usein ja minkä tiedon pohjalta oppimisen rakenteita arvioidaan?',
            ],
            en: [
              'How much working time and money can each person spend on learning per year?',
              'Which systems, forums and support services are available for learning?',
              'How often, and based on what evidence, are the learning structures reviewed?',
            ],
          },
        },
        {
          id: 'leading-by-example',
          tier: 'top-management',
          name: { fi: 'Johto oppimisen esimerkkinä', en: 'Leadership as a learning role model' },
          aliases: ['Johto esimerkkinä', 'Leading by example', 'Leadership as a role model'],
          description: {
            fi: 'Kuvaa, miten johdon jäsenet itse oppivat ja kehittyvät näkyvästi ja miten he jakavat oppimaansa muille.',
            en: 'Describe how members of the leadership team visibly learn and develop themselves, and how they pass on what they learn.',
          },
          questions: {
            fi: [
              'Mitä johtoryhmä itse opettelee tänä vuonna?',
              'Missä ja miten johtajat kertovat oppimastaan, myös epäonnistumisistaan?',
              'Miten johdon oma kehittyminen näkyy sen omissa tavoitteissa?',
            ],
            en: [
              'What is the leadership team itself learning this year?',
              'Where and how do leaders talk about what they have learned, including their mistakes?',
              "How does the leaders' own development show in their own goals?",
            ],
          },
        },
        {
          id: 'ecosystem-thinking',
          tier: 'top-management',
          name: { fi: 'Ekosysteemiajattelu', en: 'Ecosystem thinking' },
          aliases: ['Verkostot ja ekosysteemit', 'Ecosystems and networks'],
          description: {
            fi: 'Kerro, miten verkostoja, kumppaneita, asiakkaita ja muuta organisaation ulkopuolista tietoa hyödynnetään oppimisen lähteinä ja kilpailuedun rakentamisessa.',
            en: 'Explain how networks, partners, customers and other outside knowledge are used as sources of learning and of competitive advantage.',
          },
          questions: {
            fi: [
              'Keiden kumppanien, asiakkaiden tai tutkimuslaitosten kanssa opimme yhdessä?',
              'Miten ulkopuolelta saatu tieto tuodaan koko organisaation käyttöön?',
              'Mihin verkostoihin osallistumme ja kuka meitä niissä edustaa?',
            ],
            en: [
              'Which partners, customers or research bodies do we learn together with?',
              'How is knowledge gained from outside made available across the organisation?',
              'Which networks do we take part in, and who represents us there?',
            ],
          },
        },
      ],
    },

    // -----------------------------------------------------------------------------------------
    {
      id: 'middle-management',
      name: { fi: 'Keskijohto', en: 'Middle management' },
      role: {
        fi: 'Oppimisen johtaja ja strategian toteuttaja',
        en: 'Leader of learning and implementer of strategy',
      },
      aliases: ['Keskijohdon', 'Keskijohtajat', 'Middle managers', 'Mid-level management'],
      elements: [
        {
          id: 'strategy-interpreter',
          tier: 'middle-management',
          name: {
            fi: 'Tulkki strategian ja arjen välillä',
            en: 'Interpreter between strategy and everyday work',
          },
          aliases: [
            'Strategian tulkki',
            'Strategian ja arjen tulkki',
            'Strategy interpreter',
            'Translating strategy into practice',
          ],
          description: {
            fi: 'Kuvaa, miten organisaation liiketoiminnalliset tavoitteet käännetään tiimien konkreettiseksi työksi ja kehittämiseksi ja miten keskijohto varmistaa, että ne toteutuvat arjessa.',
            en: "Describe how the organisation's business goals are turned into concrete work and development in the teams, and how middle managers make sure they are put into practice.",
          },
          questions: {
            fi: [
              'Miten strategian painopisteet käydään läpi jokaisen tiimin kanssa?',
              'Mitä osaamista strategian toteuttaminen vaatii yksiköltämme?',
              'Miten seuraamme, että tavoitteet muuttuvat tekemiseksi?',
            ],
            en: [
              'How are the strategic priorities discussed with each team?',
              'What capabilities does carrying out the strategy require of our unit?',
              'How do we check that goals turn into action?',
            ],
          },
        },
        {
          id: 'removing-obstacles',
          tier: 'middle-management',
          name: { fi: 'Esteiden poistaminen', en: 'Removing obstacles' },
          aliases: ['Esteiden purkaminen', 'Removing barriers'],
          description: {
            fi: 'Nimeä esteet, jotka hidastavat oppimista ja kehittämistä (esimerkiksi siiloutuminen tai ajan puute), ja kerro, miten keskijohto purkaa ne.',
            en: 'Name the barriers that slow down learning and development (such as silos or lack of time) and say how middle managers remove them.',
          },
          questions: {
            fi: [
              'Mitkä ovat yksikkömme kolme suurinta oppimisen estettä juuri nyt?',
              'Miten varmistamme, ettei kehittäminen jää kiireen alle?',
              'Kenelle tiimi voi viedä esteen, jota se ei itse pysty poistamaan?',
            ],
            en: [
              'What are the three biggest barriers to learning in our unit right now?',
              'How do we make sure development is not crowded out by day-to-day pressure?',
              'Who can a team turn to with a barrier it cannot remove on its own?',
            ],
          },
        },
        {
          id: 'knowledge-sharing',
          tier: 'middle-management',
          name: { fi: 'Tiedon jakamisen varmistaminen', en: 'Ensuring knowledge sharing' },
          aliases: ['Tiedon jakaminen', 'Knowledge sharing'],
          description: {
            fi: 'Kerro, miten yksilöiden ja tiimien oppima leviää muualle organisaatioon ja millaisia yhteisen reflektoinnin käytäntöjä on käytössä.',
            en: 'Explain how what individuals and teams learn spreads to the rest of the organisation, and which shared reflection practices are in use.',
          },
          questions: {
            fi: [
              'Millä foorumeilla ja välineillä opittua jaetaan tiimien ja yksiköiden välillä?',
              'Kuinka usein pysähdymme yhdessä miettimään, mitä olemme oppineet?',
              'Miten tiedon jakaminen tehdään näkyväksi tai palkitaan?',
            ],
            en: [
              'Which forums and tools are used to share learning across teams and units?',
              'How often do we stop to reflect together on what we have learned?',
              'How is knowledge sharing made visible or recognised?',
            ],
          },
        },
        {
          id: 'coaching-supervisors',
          tier: 'middle-management',
          name: {
            fi: 'Esihenkilöiden valmentava johtaminen',
            en: 'Coaching leadership of supervisors',
          },
          aliases: ['Esihenkilöiden valmentaminen', 'Coaching supervisors'],
          description: {
            fi: 'Kuvaa, miten keskijohto valmentaa alaisuudessaan toimivia esihenkilöitä ja tukee heitä tiimiensä oppimisen johtamisessa.',
            en: "Describe how middle managers coach the supervisors who report to them and support them in leading their teams' learning.",
          },
          questions: {
            fi: [
              'Kuinka usein ja missä muodossa valmennat omia esihenkilöitäsi?',
              'Millaista tukea esihenkilöt saavat tiimiensä oppimisen johtamiseen?',
              'Miten saat palautetta omasta valmentavasta otteestasi?',
            ],
            en: [
              'How often, and in what form, do you coach the supervisors who report to you?',
              "What support do supervisors get for leading their teams' learning?",
              'How do you get feedback on your own coaching approach?',
            ],
          },
        },
        {
          id: 'monitoring-learning',
          tier: 'middle-management',
          name: {
            fi: 'Oppimisen ja kehittämisen seuraaminen',
            en: 'Monitoring learning and development',
          },
          aliases: ['Oppimisen seuraaminen', 'Oppimisen seuranta', 'Monitoring learning'],
          description: {
            fi: 'Kerro, miten oppimis- ja kehittämistoiminnan laatua ja määrää seurataan liiketoiminnan tulosten rinnalla ja mihin seurantatietoa käytetään.',
            en: 'Explain how the quality and quantity of learning and development work are followed alongside business results, and what the information is used for.',
          },
          questions: {
            fi: [
              'Millä mittareilla seuraamme oppimisen laatua ja määrää?',
              'Miten oppimisen tulokset kytketään liiketoiminnan tuloksiin?',
              'Kuka käy seurantatiedot läpi, kuinka usein ja mitä niistä seuraa?',
            ],
            en: [
              'Which indicators do we use to follow the quality and quantity of learning?',
              'How are learning outcomes linked to business results?',
              'Who reviews the follow-up data, how often, and what happens as a result?',
            ],
          },
        },
      ],
    },

    // -----------------------------------------------------------------------------------------
    {
      id: 'supervisors',
      name: { fi: 'Esihenkilöt', en: 'Supervisors' },
      role: {
        fi: 'Valmentavat oppimisen mahdollistajat',
        en: 'Coaching enablers of learning',
      },
      aliases: [
        'Supervisors (team leads)',
        'Team leads',
        'Team leaders',
        'Esimiehet',
        'Lähiesihenkilöt',
        'Lähiesimiehet',
        'Line managers',
      ],
      elements: [
        {
          id: 'team-learning-plans',
          tier: 'supervisors',
          name: {
            fi: 'Liiketoiminnallisista tavoitteista tiimien oppimis- ja kehittämissuunnitelmiksi',
            en: 'From business goals to team learning and development plans',
          },
          aliases: [
            'Tiimien oppimissuunnitelmat',
            'Tiimin oppimissuunnitelma',
            'Team learning plans',
            'Team learning plan',
          ],
          description: {
            fi: 'Kuvaa, mitä tiimin pitää oppia ja kehittää saavuttaakseen liiketoiminnalliset tavoitteensa ja miten oppiminen toteutuu osana arkityötä.',
            en: 'Describe what the team needs to learn and develop to reach its business goals, and how that learning happens as part of daily work.',
          },
          questions: {
            fi: [
              'Mitä uutta tiimin täytyy osata, jotta tämän vuoden tavoitteet toteutuvat?',
              'Miten tiimin oppimissuunnitelma laaditaan yhdessä ja missä se on kaikkien nähtävillä?',
              'Miten oppiminen sovitetaan tavalliseen työviikkoon?',
            ],
            en: [
              "What new skills does the team need to reach this year's goals?",
              'How is the team learning plan drawn up together, and where can everyone see it?',
              'How does learning fit into a normal working week?',
            ],
          },
        },
        {
          id: 'individual-development',
          tier: 'supervisors',
          name: {
            fi: 'Yksilöiden vahvuuksien, kehitystarpeiden ja oppimissuunnitelmien fasilitointi',
            en: 'Facilitating individual strengths, development needs and learning plans',
          },
          aliases: [
            'Yksilöiden vahvuuksien, kehitystarpeiden ja oppimissuunnitelmien fasilitoiminen',
            'Yksilöiden kehittymisen fasilitointi',
            'Henkilökohtaiset oppimissuunnitelmat',
            'Individual development',
            'Personal learning plans',
          ],
          description: {
            fi: 'Kerro, miten esihenkilö auttaa jokaista työntekijää tunnistamaan vahvuutensa ja kehitystarpeensa, sovittamaan omat tavoitteensa tiimin tavoitteisiin ja laatimaan henkilökohtaisen oppimissuunnitelman. Kuvaa myös, miten suunnitelmaa arvioidaan ja päivitetään säännöllisesti.',
            en: "Explain how the supervisor helps each employee identify strengths and development needs, align personal goals with the team's and draw up a personal learning plan. Also describe how the plan is reviewed and updated regularly.",
          },
          questions: {
            fi: [
              'Onko jokaisella tiimiläisellä ajantasainen henkilökohtainen oppimissuunnitelma?',
              'Miten yksilön tavoitteet kytketään tiimin oppimistavoitteisiin?',
              'Kuinka usein suunnitelmaa ja omaa kehittymistä arvioidaan yhdessä?',
            ],
            en: [
              'Does every team member have an up-to-date personal learning plan?',
              "How are individual goals linked to the team's learning goals?",
              "How often do you sit down together to review the plan and the person's progress?",
            ],
          },
        },
        {
          id: 'agile-learning',
          tier: 'supervisors',
          name: { fi: 'Ketterän oppimisen fasilitointi', en: 'Facilitating agile learning' },
          aliases: ['Ketterän oppimisen fasilitoiminen', 'Ketterä oppiminen', 'Agile learning'],
          description: {
            fi: 'Kuvaa, miten esihenkilö mahdollistaa työssä oppimisen tiimin sisällä ja yli yksikkörajojen, esimerkiksi kokeilujen, työkierron tai parityön avulla.',
            en: 'Describe how the supervisor makes on-the-job learning possible within the team and across unit boundaries, for example through experiments, job rotation or pairing.',
          },
          questions: {
            fi: [
              'Millä tavoin tiimissä opitaan suoraan työn ääressä?',
              'Miten tiimiläiset pääsevät oppimaan muiden yksiköiden kanssa?',
              'Miten lyhyet kokeilut ja niistä oppiminen rytmitetään arkeen?',
            ],
            en: [
              'In what ways does the team learn directly on the job?',
              'How can team members learn alongside people from other units?',
              "How are short experiments, and the lessons from them, built into the team's routine?",
            ],
          },
        },
        {
          id: 'psychological-safety',
          tier: 'supervisors',
          name: { fi: 'Psykologinen turvallisuus', en: 'Psychological safety' },
          aliases: ['Psykologisen turvallisuuden luominen', 'Psykologisesti turvallinen ilmapiiri'],
          description: {
            fi: 'Kerro, miten esihenkilö luo ilmapiirin, jossa uskalletaan kokeilla, kysyä ja tehdä virheitä, ja miten ilmapiirin tilaa seurataan.',
            en: 'Explain how the supervisor builds a climate where people dare to experiment, ask questions and make mistakes, and how that climate is followed up.',
          },
          questions: {
            fi: [
              'Miten tiimissä käsitellään epäonnistunutta kokeilua?',
              'Miten esihenkilö itse näyttää mallia virheiden myöntämisessä?',
              'Miten tiimin kokemaa turvallisuutta kysytään ja seurataan?',
            ],
            en: [
              'How does the team handle an experiment that failed?',
              'How does the supervisor set an example in admitting mistakes?',
              "How is the team's sense of safety asked about and followed up?",
            ],
          },
        },
      ],
    },
  ],

  goalLabels: {
    fi: ['Tavoite', 'Tavoitteet', 'Mittari', 'Mittarit', 'Seuranta', 'Indikaattori'],
    en: ['Goal', 'Goals', 'Indicator', 'Indicators', 'Measure', 'Measures', 'Follow-up', 'Metric', 'Metrics'],
  },

  requiredFields: ['owner', 'next-review'],
};

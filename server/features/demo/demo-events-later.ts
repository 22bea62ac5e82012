// The demo's final conference (April 2016, shared by two projects of the coordinating association) and its two
// upcoming events, placed relative to the day the demo is seeded (fictional people, texts written for the demo).
import type { DemoEvent } from './demo-events-data.ts';
import { DEMO_EVENT_IDS } from './demo-event-ids.ts';

const t = (ro: string, en: string, nb: string) => ({ ro, en, nb });

export const DEMO_LATER_EVENTS: DemoEvent[] = [
  {
    id: DEMO_EVENT_IDS.conference2016,
    lead: 'association',
    coOrganisers: ['fyrlykta'],
    type: 'conference',
    start: { on: '2016-04-14T06:00:00Z' },
    hours: 8.5,
    attendanceMode: 'in_person',
    venue: { name: 'Centrul de conferințe Lipscani', address: 'Strada Lipscani 25', city: 'București' },
    onlineUrl: null,
    capacity: 60,
    questions: [
      { key: 'profession', required: true },
      { key: 'institution_type', required: true },
      { key: 'institution', required: true },
      { key: 'country', required: true },
      { key: 'languages', required: false },
      { key: 'sex', required: false },
      { key: 'dietary_needs', required: false },
    ],
    texts: {
      ro: {
        title: 'Conferința finală: sănătate, identificare și cooperare între România și Norvegia',
        summary: 'Încheierea comună a celor două proiecte ale asociației: rezultatele, lecțiile învățate și ce rămâne în lucru după finanțare.',
        description:
          'Conferința închide împreună două proiecte ale Asociației Punți pentru Sănătate: proiectul de formare a personalului medical pentru identificarea victimelor traficului de persoane și proiectul de cooperare româno-norvegiană privind asistența acordată victimelor.\n\nPartenerii din România și Norvegia prezintă ce s-a schimbat în spitale și în serviciile sociale, manualul de formare și traseul comun de trimitere, apoi discută ce continuă după încheierea finanțării.\n\nConferința se desfășoară în română și engleză, cu traducere.',
      },
      en: {
        title: 'Final conference: health, identification and cooperation between Romania and Norway',
        summary: 'The shared close of the association’s two projects: results, lessons learned and what carries on after the funding.',
        description:
          'The conference closes two projects of the Asociația Punți pentru Sănătate together: the project training health staff to identify victims of human trafficking, and the project for cooperation between Romania and Norway on assistance to victims.\n\nPartners from Romania and Norway present what has changed in hospitals and social services, the training manual and the shared referral pathway, then discuss what continues once the funding ends.\n\nThe conference is held in Romanian and English, with interpreting.',
      },
      nb: {
        title: 'Sluttkonferanse: helse, identifisering og samarbeid mellom Romania og Norge',
        summary: 'Den felles avslutningen av foreningens to prosjekter: resultater, erfaringer og det som videreføres etter finansieringen.',
        description:
          'Konferansen avslutter to prosjekter i Asociația Punți pentru Sănătate samtidig: prosjektet som lærer opp helsepersonell til å identifisere ofre for menneskehandel, og det rumensk-norske samarbeidsprosjektet om bistand til ofre.\n\nPartnere fra Romania og Norge legger fram hva som har endret seg på sykehus og i sosialtjenestene, kursmanualen og den felles henvisningsveien, og drøfter hva som fortsetter når finansieringen tar slutt.\n\nKonferansen holdes på rumensk og engelsk, med tolking.',
      },
    },
    sessions: [
      { at: 0, minutes: 45, titles: t('Cuvânt de deschidere', 'Opening words', 'Åpningsord'), room: 'Sala Mare', speakers: [{ name: 'Ioana Stănescu', affiliation: 'Asociația Punți pentru Sănătate' }, { name: 'Ingrid Solberg', affiliation: 'Stiftelsen Fyrlykta' }] },
      { at: 45, minutes: 90, titles: t('Primul proiect: formarea personalului medical', 'The first project: training health staff', 'Det første prosjektet: opplæring av helsepersonell'), room: 'Sala Mare', speakers: [{ name: 'Dr. Adrian Mureșan', affiliation: 'Spitalul Clinic Municipal „Mureșul”' }] },
      { at: 150, minutes: 90, titles: t('Al doilea proiect: cooperarea în asistența victimelor', 'The second project: cooperation in assisting victims', 'Det andre prosjektet: samarbeid om bistand til ofre'), room: 'Sala Mare', speakers: [{ name: 'Tone Aasheim', affiliation: 'Stiftelsen Fyrlykta' }, { name: 'Bogdan Ene', affiliation: 'Fundația Ancora' }] },
      { at: 300, minutes: 120, titles: t('Ateliere: spital, servicii sociale, justiție', 'Workshops: hospital, social services, justice', 'Verksteder: sykehus, sosialtjenester, rettsvesen'), room: 'Sălile 1–3' },
      { at: 435, minutes: 75, titles: t('Masă rotundă de încheiere: ce continuăm', 'Closing roundtable: what we carry on', 'Avsluttende rundebord: hva vi viderefører'), room: 'Sala Mare', speakers: [{ name: 'Simona Dumitrescu', affiliation: 'Agenția Națională pentru Protecția Victimelor – Centrul Regional Iași' }] },
    ],
  },
  {
    id: DEMO_EVENT_IDS.upcomingTraining,
    lead: 'association',
    coOrganisers: ['fyrlykta', 'hospitalOlt'],
    type: 'training',
    start: { inDays: 35, utc: '07:00' },
    hours: 7,
    attendanceMode: 'in_person',
    venue: { name: 'Amfiteatrul spitalului', address: 'Bulevardul Tudor Vladimirescu 3', city: 'Râmnicu Vâlcea' },
    onlineUrl: null,
    capacity: 30,
    questions: [
      { key: 'profession', required: true },
      { key: 'institution_type', required: true },
      { key: 'institution', required: false },
      { key: 'country', required: true },
      { key: 'county', required: true },
      { key: 'sex', required: false },
      { key: 'access_needs', required: false },
      { key: 'dietary_needs', required: false },
    ],
    texts: {
      ro: {
        title: 'Formare: primul răspuns în fața unui pacient posibil exploatat',
        summary: 'Pentru personalul de la urgențe și din ambulatoriu: ce faceți în primele minute și cum cereți ajutor fără a pune persoana în pericol.',
        description:
          'O zi practică, construită pe capitolele manualului despre identificare și primul răspuns.\n\n### Program pe scurt\n\n- semne și întrebări sigure;\n- siguranța pacientului și a personalului;\n- trimiterea către servicii, cu acordul persoanei.\n\nLocurile sunt limitate; dacă se ocupă toate, vă puteți înscrie pe lista de așteptare.',
      },
      en: {
        title: 'Training: first response to a patient who may be exploited',
        summary: 'For emergency and outpatient staff: what to do in the first minutes, and how to ask for help without putting the person at risk.',
        description:
          'A practical day built on the manual’s chapters on identification and first response.\n\n### The day in brief\n\n- signs and safe questions;\n- the safety of the patient and of staff;\n- referral to services, with the person’s agreement.\n\nPlaces are limited; once they are all taken you can join the waiting list.',
      },
      nb: {
        title: 'Kurs: første respons overfor en pasient som kan være utnyttet',
        summary: 'For ansatte i akuttmottak og poliklinikk: hva du gjør de første minuttene, og hvordan du ber om hjelp uten å sette personen i fare.',
        description:
          'En praktisk dag bygd på kapitlene i manualen om identifisering og første respons.\n\n### Dagen i korte trekk\n\n- tegn og trygge spørsmål;\n- sikkerheten til pasienten og de ansatte;\n- henvisning til tjenester, med personens samtykke.\n\nPlassene er begrenset; når alle er tatt, kan du sette deg på venteliste.',
      },
    },
    sessions: [
      { at: 0, minutes: 120, titles: t('Semne și întrebări sigure', 'Signs and safe questions', 'Tegn og trygge spørsmål'), speakers: [{ name: 'Dr. Cristina Iordache', affiliation: 'Spitalul Județean de Urgență „Valea Oltului”' }] },
      { at: 150, minutes: 90, titles: t('Siguranța pacientului și a personalului', 'The safety of the patient and of staff', 'Sikkerheten til pasienten og de ansatte'), speakers: [{ name: 'Ingrid Solberg', affiliation: 'Stiftelsen Fyrlykta' }] },
      { at: 300, minutes: 120, titles: t('Trimiterea către servicii: exerciții', 'Referral to services: exercises', 'Henvisning til tjenester: øvelser'), speakers: [{ name: 'Radu Munteanu', affiliation: 'Asociația Punți pentru Sănătate' }] },
    ],
  },
  {
    id: DEMO_EVENT_IDS.upcomingWebinar,
    lead: 'fyrlykta',
    sourceLanguage: 'nb',
    coOrganisers: ['association'],
    type: 'webinar',
    start: { inDays: 21, utc: '12:00' },
    hours: 1.5,
    attendanceMode: 'online',
    venue: null,
    onlineUrl: 'https://meet.fyrlykta.example.no/webinar-tolk',
    capacity: 12,
    questions: [
      { key: 'profession', required: true },
      { key: 'country', required: true },
      { key: 'languages', required: false },
    ],
    texts: {
      nb: {
        title: 'Webinar: å bruke tolk i samtaler med mulige ofre',
        summary: 'Hvordan du velger og bruker en tolk når pasienten kan være utsatt for menneskehandel, og hva du unngår.',
        description:
          'En kort økt for helsepersonell i Norge og Romania om tolkens rolle i samtalen.\n\nVi går gjennom når familie eller bekjente ikke bør tolke, hvordan du forbereder tolken, og hvordan du sikrer at pasienten forstår taushetsplikten. Webinaret holdes på engelsk.',
      },
      en: {
        title: 'Webinar: working with interpreters when talking with possible victims',
        summary: 'How to choose and work with an interpreter when the patient may be affected by trafficking, and what to avoid.',
        description:
          'A short session for health staff in Norway and Romania on the interpreter’s part in the conversation.\n\nWe look at when family members or acquaintances should not interpret, how to brief the interpreter, and how to make sure the patient understands confidentiality. The webinar is held in English.',
      },
      ro: {
        title: 'Webinar: lucrul cu interpretul în discuția cu posibile victime',
        summary: 'Cum alegeți și cum lucrați cu un interpret atunci când pacientul poate fi afectat de trafic, și ce e bine să evitați.',
        description:
          'O sesiune scurtă pentru personalul medical din Norvegia și România despre rolul interpretului în discuție.\n\nVedem când membrii familiei sau cunoscuții nu ar trebui să interpreteze, cum pregătiți interpretul și cum vă asigurați că pacientul înțelege confidențialitatea. Webinarul se ține în engleză.',
      },
    },
    sessions: [
      { at: 0, minutes: 60, titles: t('Prezentare', 'Presentation', 'Innledning'), speakers: [{ name: 'Tone Aasheim', affiliation: 'Stiftelsen Fyrlykta' }] },
      { at: 60, minutes: 30, titles: t('Întrebări și răspunsuri', 'Questions and answers', 'Spørsmål og svar') },
    ],
  },
];

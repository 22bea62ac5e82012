// The demo events (fictional people, texts written for the demo): the project's training, roundtable and final
// conference of 2015–2016, and two upcoming events placed relative to the day the demo is seeded.
import type { EventQuestion, EventSpeaker } from '#server/db/schema-events.ts';
import type { DemoOrganisationKey } from './demo-data.ts';
import { DEMO_EVENT_IDS } from './demo-event-ids.ts';

type Texts = Record<'ro' | 'en' | 'nb', { title: string; summary: string; description: string }>;

export interface DemoSession {
  /** Minutes after the event's start, and length in minutes. */
  at: number;
  minutes: number;
  titles: Record<'ro' | 'en' | 'nb', string>;
  room?: string;
  speakers?: EventSpeaker[];
}

export interface DemoEvent {
  id: string;
  lead: DemoOrganisationKey;
  coOrganisers: DemoOrganisationKey[];
  /** The language the texts were written in first (ro unless said). */
  sourceLanguage?: 'ro' | 'nb';
  type: 'training' | 'roundtable' | 'conference' | 'webinar';
  /** A fixed start (past events) or days from the seed's now (upcoming ones), at hh:mm UTC. */
  start: { on: string } | { inDays: number; utc: string };
  hours: number;
  attendanceMode: 'in_person' | 'online';
  venue: { name: string; address: string; city: string } | null;
  onlineUrl: string | null;
  capacity: number;
  questions: EventQuestion[];
  texts: Texts;
  sessions: DemoSession[];
}

const ASKED: EventQuestion[] = [
  { key: 'profession', required: true },
  { key: 'institution_type', required: true },
  { key: 'institution', required: false },
  { key: 'country', required: true },
  { key: 'county', required: false },
  { key: 'sex', required: false },
  { key: 'access_needs', required: false },
  { key: 'dietary_needs', required: false },
];

const t = (ro: string, en: string, nb: string) => ({ ro, en, nb });

export const DEMO_EVENTS: DemoEvent[] = [
  {
    id: DEMO_EVENT_IDS.training2015,
    lead: 'association',
    coOrganisers: ['hospitalMures'],
    type: 'training',
    start: { on: '2015-10-15T06:00:00Z' },
    hours: 8,
    attendanceMode: 'in_person',
    venue: { name: 'Sala de conferințe a spitalului', address: 'Strada Gheorghe Marinescu 50', city: 'Târgu Mureș' },
    onlineUrl: null,
    capacity: 25,
    questions: ASKED,
    texts: {
      ro: {
        title: 'Formare: identificarea victimelor traficului de persoane în serviciile de sănătate',
        summary: 'O zi de lucru pentru medici, asistente și moașe: semne de alarmă, discuția cu pacientul și trimiterea către asistență.',
        description:
          'Personalul medical este adesea printre puținii profesioniști care văd o persoană exploatată. Formarea pornește de la situații din urgențe, ginecologie și medicina de familie.\n\n### Ce lucrăm împreună\n\n- semnele care ar trebui să ne oprească;\n- cum vorbim cu pacientul singur, cu un interpret potrivit;\n- pe cine sunăm și ce trimitem, cu acordul persoanei.\n\nParticipanții primesc manualul de formare și un certificat de participare.',
      },
      en: {
        title: 'Training: identifying victims of human trafficking in health services',
        summary: 'A working day for doctors, nurses and midwives: warning signs, talking with the patient and referral to assistance.',
        description:
          'Health staff are often among the few professionals who see a person being exploited. The training starts from situations in emergency departments, gynaecology and family medicine.\n\n### What we work on together\n\n- the signs that should make us stop;\n- how to talk with the patient alone, with a suitable interpreter;\n- whom to call and what to send, with the person’s agreement.\n\nParticipants receive the training manual and a certificate of attendance.',
      },
      nb: {
        title: 'Kurs: å identifisere ofre for menneskehandel i helsetjenesten',
        summary: 'En arbeidsdag for leger, sykepleiere og jordmødre: varselsignaler, samtalen med pasienten og henvisning til hjelp.',
        description:
          'Helsepersonell er ofte blant de få fagfolkene som møter en person som blir utnyttet. Kurset tar utgangspunkt i situasjoner fra akuttmottak, gynekologi og allmennpraksis.\n\n### Hva vi jobber med sammen\n\n- tegnene som bør få oss til å stoppe opp;\n- hvordan vi snakker med pasienten alene, med en egnet tolk;\n- hvem vi ringer og hva vi sender, med personens samtykke.\n\nDeltakerne får kursmanualen og et kursbevis.',
      },
    },
    sessions: [
      { at: 0, minutes: 30, titles: t('Deschidere și prezentarea proiectului', 'Opening and presentation of the project', 'Åpning og presentasjon av prosjektet'), room: 'Sala mare', speakers: [{ name: 'Ioana Stănescu', affiliation: 'Asociația Punți pentru Sănătate' }] },
      { at: 30, minutes: 90, titles: t('Semne de alarmă în cabinet și la urgențe', 'Warning signs in the clinic and the emergency department', 'Varselsignaler på legekontoret og i akuttmottaket'), room: 'Sala mare', speakers: [{ name: 'Dr. Adrian Mureșan', affiliation: 'Spitalul Clinic Municipal „Mureșul”' }] },
      { at: 150, minutes: 90, titles: t('Discuția cu pacientul: singur, în siguranță, cu interpret', 'Talking with the patient: alone, safely, with an interpreter', 'Samtalen med pasienten: alene, trygt, med tolk'), room: 'Sala mare', speakers: [{ name: 'Andreea Constantin', affiliation: 'Institutul Aurora pentru Sănătatea Reproducerii' }] },
      { at: 300, minutes: 120, titles: t('Studii de caz și trimiterea către asistență', 'Case studies and referral to assistance', 'Kasusarbeid og henvisning til hjelp'), room: 'Sala 2', speakers: [{ name: 'Radu Munteanu', affiliation: 'Asociația Punți pentru Sănătate' }] },
      { at: 420, minutes: 60, titles: t('Test final, evaluare și încheiere', 'Final test, evaluation and closing', 'Avsluttende test, evaluering og avslutning'), room: 'Sala mare' },
    ],
  },
  {
    id: DEMO_EVENT_IDS.roundtable2015,
    lead: 'association',
    coOrganisers: ['ancora'],
    type: 'roundtable',
    start: { on: '2015-11-19T08:00:00Z' },
    hours: 4,
    attendanceMode: 'in_person',
    venue: { name: 'Sala de ședințe a asociației', address: 'Strada Icoanei 12', city: 'București' },
    onlineUrl: null,
    capacity: 20,
    questions: ASKED.filter((q) => q.key !== 'dietary_needs'),
    texts: {
      ro: {
        title: 'Masă rotundă: de la identificare la trimitere și asistență',
        summary: 'Instituții publice și organizații neguvernamentale discută cum ajunge o persoană identificată în spital la sprijinul de care are nevoie.',
        description:
          'O persoană recunoscută ca posibilă victimă are nevoie ca pașii următori să fie clari: cine preia cazul, în cât timp și cu ce informații.\n\nMasa rotundă reunește spitale, servicii sociale, poliția, agenția regională și organizații care oferă asistență, pentru a pune pe hârtie traseul comun și punctele în care el se rupe astăzi.',
      },
      en: {
        title: 'Roundtable: from identification to referral and assistance',
        summary: 'Public institutions and NGOs discuss how a person identified in hospital reaches the support they need.',
        description:
          'A person recognised as a possible victim needs the next steps to be clear: who takes the case on, how quickly and with what information.\n\nThe roundtable brings together hospitals, social services, the police, the regional agency and organisations that provide assistance, to write down the shared pathway and the points where it breaks today.',
      },
      nb: {
        title: 'Rundebordskonferanse: fra identifisering til henvisning og bistand',
        summary: 'Offentlige etater og frivillige organisasjoner drøfter hvordan en person som identifiseres på sykehus, får den hjelpen hen trenger.',
        description:
          'En person som gjenkjennes som mulig offer, trenger at de neste stegene er tydelige: hvem som tar over saken, hvor raskt og med hvilke opplysninger.\n\nRundebordet samler sykehus, sosialtjenester, politiet, det regionale byrået og organisasjoner som gir bistand, for å skrive ned den felles veien og stedene der den i dag brytes.',
      },
    },
    sessions: [
      { at: 0, minutes: 45, titles: t('Traseul actual: ce funcționează și ce nu', 'The current pathway: what works and what does not', 'Dagens forløp: hva som fungerer og ikke'), speakers: [{ name: 'Bogdan Ene', affiliation: 'Fundația Ancora' }] },
      { at: 45, minutes: 105, titles: t('Discuție: roluri, termene și schimbul de informații', 'Discussion: roles, deadlines and sharing information', 'Diskusjon: roller, frister og informasjonsdeling'), speakers: [{ name: 'Simona Dumitrescu', affiliation: 'Agenția Națională pentru Protecția Victimelor – Centrul Regional Iași' }, { name: 'Dr. Cristina Iordache', affiliation: 'Spitalul Județean de Urgență „Valea Oltului”' }] },
      { at: 165, minutes: 75, titles: t('Concluzii și pașii următori', 'Conclusions and next steps', 'Konklusjoner og veien videre'), speakers: [{ name: 'Ioana Stănescu', affiliation: 'Asociația Punți pentru Sănătate' }] },
    ],
  },
];

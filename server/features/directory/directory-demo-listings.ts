// The demo directory's listings: one for each demo organisation, and fictional organisations outside the platform in
// Romania and Norway (county hospitals, regional anti-trafficking centres, child-protection directorates, shelters with
// confidential addresses, Oslo services). NOTE: every name, address and number is invented; web addresses use the
// reserved example.org domain and phone numbers the demo's placeholder ranges (+40 21 000 …, +47 21 00 …).
import type { DemoOrganisationKey } from '#server/features/demo/demo-data.ts';
import type { ServiceCategory } from '#shared/directory/taxonomy.ts';

export interface DemoPlace {
  name: string;
  confidential?: boolean;
  address1?: string;
  city: string;
  region: string;
  postalCode?: string;
  latitude?: number;
  longitude?: number;
}

type Texts = { en: string; ro?: string; nb?: string };

export interface DemoService {
  name: string;
  summaries: Texts;
  categories: ServiceCategory[];
  languages: string[];
  areas: string[];
  minAge?: number;
  maxAge?: number;
  sexes?: string[];
  documents?: string[];
  fees?: string;
  hours?: '24/7' | 'office' | 'clinic';
  phone: string;
  email?: string;
  accepting: boolean;
  places?: number;
  /** 'stale': last verified eight months ago, so readers see the warning. */
  verified?: 'recent' | 'stale';
  pending?: boolean;
  /** Indexes into the listing's places. */
  at: number[];
}

export interface DemoListing {
  organisation: DemoOrganisationKey | null;
  name: string;
  country: 'RO' | 'NO';
  phone: string;
  website: string | null;
  descriptions: Texts;
  places: DemoPlace[];
  services: DemoService[];
}

const BUCHAREST_AREA = ['RO-B', 'RO-IF', 'RO-GR', 'RO-CL', 'RO-IL', 'RO-PH', 'RO-DB', 'RO-AG', 'RO-TR'];
const ALL_RO = ['RO-AB', 'RO-AR', 'RO-AG', 'RO-BC', 'RO-BH', 'RO-BN', 'RO-BT', 'RO-BV', 'RO-BR', 'RO-B', 'RO-BZ', 'RO-CS', 'RO-CL', 'RO-CJ', 'RO-CT', 'RO-CV', 'RO-DB', 'RO-DJ', 'RO-GL', 'RO-GR', 'RO-GJ', 'RO-HR', 'RO-HD', 'RO-IL', 'RO-IS', 'RO-IF', 'RO-MM', 'RO-MH', 'RO-MS', 'RO-NT', 'RO-OT', 'RO-PH', 'RO-SM', 'RO-SJ', 'RO-SB', 'RO-SV', 'RO-TR', 'RO-TM', 'RO-TL', 'RO-VS', 'RO-VL', 'RO-VN'];
const OSLO_AREA = ['NO-03', 'NO-32'];

export const DEMO_LISTINGS: DemoListing[] = [
  {
    organisation: 'association',
    name: 'Asociația Punți pentru Sănătate',
    country: 'RO',
    phone: '+40 21 000 0011',
    website: 'https://punti-sanatate.example.org',
    descriptions: { ro: 'Asociație care leagă spitalele, instituțiile și ONG-urile în sprijinul victimelor traficului de persoane.', en: 'An association linking hospitals, institutions and NGOs to support people who have been trafficked.', nb: 'En forening som knytter sammen sykehus, etater og frivillige organisasjoner for å hjelpe personer utsatt for menneskehandel.' },
    places: [{ name: 'Sediul asociației', address1: 'Strada Exemplului 11', city: 'București', region: 'RO-B', postalCode: '010011', latitude: 44.435, longitude: 26.1 }],
    services: [
      {
        name: 'Consiliere medicală și managementul cazului',
        summaries: {
          ro: 'Consiliere medicală confidențială pentru adulți și un manager de caz care vă însoțește la medic, la spital și la instituții.',
          en: 'Confidential medical counselling for adults, and a case manager who goes with you to doctors, hospitals and public offices.',
          nb: 'Fortrolig medisinsk rådgivning for voksne, og en saksbehandler som følger deg til lege, sykehus og offentlige kontorer.',
        },
        categories: ['medical', 'social'],
        languages: ['ro', 'en'],
        areas: BUCHAREST_AREA,
        minAge: 18,
        hours: 'office',
        phone: '+40 21 000 0111',
        email: 'sprijin@punti-sanatate.example.org',
        accepting: true,
        places: 4,
        verified: 'recent',
        at: [0],
      },
      {
        name: 'Însoțire la audieri și sprijin juridic de bază',
        summaries: { ro: 'Vă explicăm drepturile și vă însoțim la poliție și în instanță.', en: 'We explain your rights and go with you to the police and to court.' },
        categories: ['legal'],
        languages: ['ro', 'en'],
        areas: ['RO-B', 'RO-IF'],
        minAge: 18,
        hours: 'office',
        phone: '+40 21 000 0112',
        accepting: true,
        verified: 'stale',
        at: [0],
      },
    ],
  },
  {
    organisation: 'podulVerde',
    name: 'Asociația Podul Verde',
    country: 'RO',
    phone: '+40 21 000 0012',
    website: 'https://podul-verde.example.org',
    descriptions: { ro: 'Adăpost și reintegrare socială în vestul țării.', en: 'Shelter and social reintegration in western Romania.', nb: 'Botilbud og sosial reintegrering i Vest-Romania.' },
    places: [
      { name: 'Casa Podul Verde', confidential: true, address1: 'Adresă confidențială 1', city: 'Timișoara', region: 'RO-TM', postalCode: '300001', latitude: 45.7491, longitude: 21.2187 },
      { name: 'Biroul de primire', address1: 'Bulevardul Demonstrativ 12', city: 'Timișoara', region: 'RO-TM', postalCode: '300012', latitude: 45.754, longitude: 21.226 },
    ],
    services: [
      {
        name: 'Adăpost pentru femei',
        summaries: { ro: 'Cazare sigură pe termen scurt pentru femei și copiii lor, cu sprijin psihologic.', en: 'Safe short-term accommodation for women and their children, with psychological support.', nb: 'Trygt kortvarig botilbud for kvinner og barna deres, med psykologisk støtte.' },
        categories: ['shelter', 'mental-health'],
        languages: ['ro', 'en', 'hu'],
        areas: ['RO-TM', 'RO-AR', 'RO-CS', 'RO-HD'],
        minAge: 18,
        sexes: ['female'],
        hours: '24/7',
        phone: '+40 21 000 0121',
        accepting: true,
        places: 2,
        verified: 'recent',
        at: [0],
      },
      {
        name: 'Reintegrare socială și profesională',
        summaries: { ro: 'Ajutor pentru acte, cursuri și un loc de muncă.', en: 'Help with papers, courses and finding work.', nb: 'Hjelp med papirer, kurs og å finne arbeid.' },
        categories: ['social'],
        languages: ['ro', 'hu'],
        areas: ['RO-TM', 'RO-AR'],
        minAge: 16,
        hours: 'office',
        phone: '+40 21 000 0122',
        accepting: false,
        verified: 'recent',
        at: [1],
      },
      {
        name: 'Grup de sprijin între egali',
        summaries: { ro: 'Întâlniri lunare ale supraviețuitorilor, moderate de o psihologă.', en: 'Monthly meetings of survivors, led by a psychologist.' },
        categories: ['mental-health'],
        languages: ['ro'],
        areas: ['RO-TM'],
        minAge: 18,
        phone: '+40 21 000 0123',
        accepting: false,
        pending: true,
        at: [1],
      },
    ],
  },
  {
    organisation: 'ancora',
    name: 'Fundația Ancora',
    country: 'RO',
    phone: '+40 21 000 0013',
    website: 'https://fundatia-ancora.example.org',
    descriptions: { ro: 'Sprijin pentru victimele exploatării prin muncă din zona portului.', en: 'Support for people exploited for labour around the port.', nb: 'Støtte til personer utnyttet til arbeid i havneområdet.' },
    places: [{ name: 'Locuința protejată Ancora', confidential: true, address1: 'Adresă confidențială 2', city: 'Constanța', region: 'RO-CT', postalCode: '900002', latitude: 44.1733, longitude: 28.6383 }],
    services: [
      {
        name: 'Locuință protejată pentru bărbați',
        summaries: { ro: 'Cazare protejată pentru bărbați exploatați prin muncă, până la 90 de zile.', en: 'Protected accommodation for men exploited for labour, for up to 90 days.', nb: 'Beskyttet botilbud for menn utnyttet til arbeid, i opptil 90 dager.' },
        categories: ['shelter', 'social'],
        languages: ['ro', 'en', 'bg', 'uk'],
        areas: ['RO-CT', 'RO-TL', 'RO-CL'],
        minAge: 18,
        sexes: ['male'],
        documents: ['identity-document'],
        hours: '24/7',
        phone: '+40 21 000 0131',
        accepting: true,
        places: 3,
        verified: 'recent',
        at: [0],
      },
    ],
  },
  {
    organisation: 'aurora',
    name: 'Institutul Aurora pentru Sănătatea Reproducerii',
    country: 'RO',
    phone: '+40 21 000 0014',
    website: 'https://institutul-aurora.example.org',
    descriptions: { ro: 'Institut de sănătate a reproducerii cu un cabinet dedicat victimelor violenței.', en: 'A reproductive-health institute with a clinic for survivors of violence.', nb: 'Et institutt for reproduktiv helse med en klinikk for overlevende etter vold.' },
    places: [{ name: 'Clinica Aurora', address1: 'Strada Fictivă 14', city: 'Cluj-Napoca', region: 'RO-CJ', postalCode: '400014', latitude: 46.77, longitude: 23.59 }],
    services: [
      {
        name: 'Cabinet de sănătate sexuală și reproductivă',
        summaries: {
          ro: 'Consultații ginecologice, contracepție, teste și tratament pentru infecții cu transmitere sexuală, îngrijirea sarcinii.',
          en: 'Gynaecological check-ups, contraception, testing and treatment of sexually transmitted infections, pregnancy care.',
          nb: 'Gynekologisk undersøkelse, prevensjon, testing og behandling av seksuelt overførbare infeksjoner, svangerskapsomsorg.',
        },
        categories: ['sexual-reproductive-health', 'medical'],
        languages: ['ro', 'en', 'hu'],
        areas: ['RO-CJ', 'RO-BN', 'RO-SJ', 'RO-AB', 'RO-MS'],
        minAge: 14,
        hours: 'clinic',
        phone: '+40 21 000 0141',
        accepting: true,
        verified: 'recent',
        at: [0],
      },
      {
        name: 'Consiliere psihologică după violență sexuală',
        summaries: { ro: 'Ședințe individuale cu o psihologă, gratuite.', en: 'Individual sessions with a psychologist, free of charge.', nb: 'Individuelle samtaler med psykolog, gratis.' },
        categories: ['mental-health'],
        languages: ['ro', 'en'],
        areas: ['RO-CJ'],
        minAge: 14,
        hours: 'office',
        phone: '+40 21 000 0142',
        accepting: false,
        verified: 'stale',
        at: [0],
      },
    ],
  },
  {
    organisation: 'fyrlykta',
    name: 'Stiftelsen Fyrlykta',
    country: 'NO',
    phone: '+47 21 00 00 15',
    website: 'https://fyrlykta.example.org',
    descriptions: { nb: 'Stiftelse som gir bolig, oppfølging og helsehjelp til personer utsatt for menneskehandel.', en: 'A foundation giving housing, follow-up and health care to people who have been trafficked.', ro: 'Fundație care oferă locuință, însoțire și îngrijire medicală persoanelor traficate.' },
    places: [
      { name: 'Fyrlykta kontor', address1: 'Eksempelgata 15', city: 'Oslo', region: 'NO-03', postalCode: '0150', latitude: 59.91, longitude: 10.75 },
      { name: 'Fyrlykta bolig', confidential: true, address1: 'Hemmelig adresse 1', city: 'Oslo', region: 'NO-03', postalCode: '0151' },
    ],
    services: [
      {
        name: 'Oppfølging og helsehjelp for voksne',
        summaries: {
          nb: 'En fast kontaktperson som hjelper med lege, tannlege, NAV og politi, og følger deg dit.',
          en: 'One contact person who helps with doctors, dentists, welfare offices and the police, and goes there with you.',
          ro: 'O persoană de contact care vă ajută cu medicul, dentistul, serviciile sociale și poliția și merge acolo cu dumneavoastră.',
        },
        categories: ['social', 'medical'],
        languages: ['nb', 'en', 'ro', 'ru'],
        areas: OSLO_AREA,
        minAge: 18,
        hours: 'office',
        phone: '+47 21 00 01 51',
        accepting: true,
        places: 5,
        verified: 'recent',
        at: [0],
      },
      {
        name: 'Trygg bolig',
        summaries: { nb: 'Trygt botilbud med døgnbemanning i inntil seks måneder.', en: 'Safe housing, staffed day and night, for up to six months.', ro: 'Locuință sigură, cu personal zi și noapte, pentru cel mult șase luni.' },
        categories: ['shelter'],
        languages: ['nb', 'en'],
        areas: ['NO-03', 'NO-32', 'NO-31', 'NO-33'],
        minAge: 18,
        hours: '24/7',
        phone: '+47 21 00 01 52',
        accepting: true,
        places: 1,
        verified: 'recent',
        at: [1],
      },
    ],
  },
  {
    organisation: 'agency',
    name: 'Agenția Națională pentru Protecția Victimelor – Centrul Regional Iași',
    country: 'RO',
    phone: '+40 21 000 0016',
    website: null,
    descriptions: { ro: 'Centrul regional al agenției naționale: identificare, referire și monitorizarea asistenței.', en: 'The national agency’s regional centre: identification, referral and follow-up of assistance.', nb: 'Det nasjonale byråets regionkontor: identifisering, henvisning og oppfølging av bistand.' },
    places: [{ name: 'Centrul Regional Iași', address1: 'Strada Exemplu 16', city: 'Iași', region: 'RO-IS', postalCode: '700016', latitude: 47.16, longitude: 27.59 }],
    services: [
      {
        name: 'Evaluare și referire a victimelor',
        summaries: { ro: 'Evaluăm nevoile și vă îndrumăm spre serviciile potrivite din regiune.', en: 'We assess needs and refer you to the right services in the region.', nb: 'Vi kartlegger behov og henviser til riktige tjenester i regionen.' },
        categories: ['social', 'legal'],
        languages: ['ro', 'en'],
        areas: ['RO-IS', 'RO-BC', 'RO-BT', 'RO-NT', 'RO-SV', 'RO-VS'],
        hours: 'office',
        phone: '+40 21 000 0161',
        accepting: true,
        verified: 'recent',
        at: [0],
      },
      {
        name: 'Repatriere asistată',
        summaries: { ro: 'Organizăm întoarcerea în siguranță în România și primirea la sosire.', en: 'We arrange a safe return to Romania and a welcome on arrival.', nb: 'Vi ordner trygg retur til Romania og mottak ved ankomst.' },
        categories: ['repatriation'],
        languages: ['ro', 'en', 'it', 'es'],
        areas: ALL_RO,
        hours: 'office',
        phone: '+40 21 000 0162',
        accepting: true,
        verified: 'recent',
        at: [0],
      },
    ],
  },
  {
    organisation: 'hospitalOlt',
    name: 'Spitalul Județean de Urgență „Valea Oltului”',
    country: 'RO',
    phone: '+40 21 000 0017',
    website: 'https://spital-valea-oltului.example.org',
    descriptions: { ro: 'Spital județean de urgență.', en: 'County emergency hospital.', nb: 'Akuttsykehus i fylket.' },
    places: [{ name: 'Spitalul Județean', address1: 'Calea Fictivă 17', city: 'Râmnicu Vâlcea', region: 'RO-VL', postalCode: '240017', latitude: 45.1, longitude: 24.37 }],
    services: [
      {
        name: 'Unitatea de primire urgențe',
        summaries: { ro: 'Urgențe medicale non-stop, inclusiv examinare după agresiune.', en: 'Medical emergencies day and night, including examination after an assault.', nb: 'Akuttmottak døgnet rundt, også undersøkelse etter overgrep.' },
        categories: ['emergency', 'medical'],
        languages: ['ro', 'en'],
        areas: ['RO-VL', 'RO-OT', 'RO-AG', 'RO-GJ'],
        hours: '24/7',
        phone: '+40 21 000 0171',
        accepting: true,
        verified: 'recent',
        at: [0],
      },
    ],
  },
  {
    organisation: 'hospitalMures',
    name: 'Spitalul Clinic Municipal „Mureșul”',
    country: 'RO',
    phone: '+40 21 000 0018',
    website: 'https://spital-muresul.example.org',
    descriptions: { ro: 'Spital clinic municipal cu secție de psihiatrie.', en: 'Municipal teaching hospital with a psychiatry department.', nb: 'Kommunalt universitetssykehus med psykiatrisk avdeling.' },
    places: [{ name: 'Spitalul Mureșul', address1: 'Strada Demonstrativă 18', city: 'Târgu Mureș', region: 'RO-MS', postalCode: '540018', latitude: 46.54, longitude: 24.56 }],
    services: [
      {
        name: 'Ambulatoriu de psihiatrie și psihoterapie',
        summaries: { ro: 'Evaluare psihiatrică și psihoterapie pentru traumă.', en: 'Psychiatric assessment and trauma therapy.', nb: 'Psykiatrisk utredning og traumebehandling.' },
        categories: ['mental-health', 'medical'],
        languages: ['ro', 'hu', 'en'],
        areas: ['RO-MS', 'RO-HR', 'RO-CV'],
        minAge: 18,
        documents: ['health-insurance', 'referral-letter'],
        hours: 'clinic',
        phone: '+40 21 000 0181',
        accepting: false,
        verified: 'recent',
        at: [0],
      },
    ],
  },
];

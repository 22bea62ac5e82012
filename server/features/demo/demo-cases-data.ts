// Demo case files. NOTE: every person here is FICTIONAL: the names are invented ("Exemplu", "Fictivu", …, chosen to
// read as made up to a Romanian speaker), the phone numbers sit in an unassigned placeholder range and the document
// numbers are not real. Generated from a fixed seed, so every fresh demo database holds the same cases.
//
// The historic set mirrors the project's figure: 33 people who received medical counselling and assistance from the
// partner organisations between January 2015 and April 2016, with the spreads of the field (mostly women aged 18–38,
// a few children on the child path, mostly Romanian citizens, sexual exploitation the most frequent, then forced
// labour, forced begging and forced marriage), most closed and a few still in follow-up. The current set is a
// handful of 2026 cases of the demo case manager with the demo psychologist on the team.
import type { DemoOrganisationKey } from './demo-data.ts';

export type Exploitation = 'SexualExploitation' | 'ForcedLabour' | 'ForcedBegging' | 'ForcedMarriage';

export interface DemoAssistance {
  type: 'medical_counselling' | 'medical_assistance' | 'psychological' | 'social' | 'legal' | 'shelter';
  state: 'offered' | 'accepted' | 'declined' | 'delivered';
  on: string;
  provider: DemoOrganisationKey;
  providerRole: string;
  serviceCategory: string | null;
  interpreter: string | null;
  outcome: string | null;
}

export interface DemoCase {
  key: string;
  organisation: DemoOrganisationKey;
  openedOn: string;
  ageBand: string;
  gender: 'Feminine' | 'Masculine';
  citizenship: string;
  language: string;
  exploitation: Exploitation;
  status: 'Active' | 'FollowUp' | 'Closed' | 'ClosedReferred';
  closureReason: string | null;
  closedOn: string | null;
  traffickingStatus: string;
  decidedBy: string;
  childProtection: { referredOn: string; outcome: string; outcomeOn: string | null } | null;
  givenName: string;
  familyName: string;
  birthYear: number;
  assistance: DemoAssistance[];
  /** The demo psychologist (another organisation) is on the team: a share consent names that organisation. */
  withPsychologist: boolean;
}

/** A small seeded generator (mulberry32): the same sequence on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN_WOMEN = ['Ana', 'Maria', 'Elena', 'Ioana', 'Andreea', 'Mihaela', 'Cristina', 'Alina', 'Georgiana', 'Roxana', 'Daniela', 'Larisa', 'Bianca', 'Diana', 'Florentina', 'Nicoleta', 'Raluca', 'Simona'];
const GIVEN_MEN = ['Ion', 'Vasile', 'Marian', 'Florin', 'Gheorghe', 'Costel', 'Petru'];
const FAMILY = ['Exemplu', 'Fictivu', 'Închipuitu', 'Plăsmuitu', 'Nume-de-Probă', 'Demonstrativu', 'Inventatu'];

/** The 33 people of the historic set: exploitation, sex, age band and citizenship quotas, in a fixed order. */
const HISTORIC: { exploitation: Exploitation; gender: 'Feminine' | 'Masculine'; ageBand: string; citizenship: string }[] = [
  ...['18-20', '18-20', '18-20', '21-23', '21-23', '21-23', '21-23', '24-26', '24-26', '24-26', '27-29', '27-29', '30-38', '30-38', '18-20', '21-23', '24-26', '9-17'].map((ageBand, i) => ({
    exploitation: 'SexualExploitation' as const,
    gender: 'Feminine' as const,
    ageBand,
    citizenship: i === 3 || i === 9 ? 'MD' : i === 12 ? 'BG' : 'RO',
  })),
  ...['24-26', '27-29', '30-38', '30-38', '39-47', '21-23', '27-29', '39-47'].map((ageBand, i) => ({
    exploitation: 'ForcedLabour' as const,
    gender: i < 6 ? ('Masculine' as const) : ('Feminine' as const),
    ageBand,
    citizenship: i === 2 ? 'MD' : i === 4 ? 'UA' : 'RO',
  })),
  ...['9-17', '30-38', '21-23', '24-26'].map((ageBand, i) => ({ exploitation: 'ForcedBegging' as const, gender: i === 1 ? ('Masculine' as const) : ('Feminine' as const), ageBand, citizenship: i === 3 ? 'BG' : 'RO' })),
  ...['9-17', '18-20', '18-20'].map((ageBand, i) => ({ exploitation: 'ForcedMarriage' as const, gender: 'Feminine' as const, ageBand, citizenship: i === 2 ? 'MD' : 'RO' })),
];

const MEDICAL: Record<Exploitation, string[]> = {
  SexualExploitation: ['sexual_reproductive_health', 'lab_imaging', 'mental_health_counselling', 'medication'],
  ForcedLabour: ['first_consult', 'emergency_care', 'dental', 'medication'],
  ForcedBegging: ['first_consult', 'dental', 'lab_imaging'],
  ForcedMarriage: ['sexual_reproductive_health', 'mental_health_counselling', 'first_consult'],
};
const PROVIDER: Record<string, DemoOrganisationKey> = { sexual_reproductive_health: 'aurora', mental_health_counselling: 'aurora', lab_imaging: 'hospitalOlt', first_consult: 'hospitalOlt', emergency_care: 'hospitalOlt', dental: 'hospitalMures', medication: 'hospitalMures' };
const INTERPRETER: Record<string, string | null> = { RO: null, MD: null, BG: 'bg', UA: 'uk' };
const LANGUAGE: Record<string, string> = { RO: 'ro', MD: 'ro', BG: 'bg', UA: 'uk' };

const day = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (on: string, n: number) => day(new Date(Date.parse(`${on}T00:00:00Z`) + n * 86_400_000));
const LAST_DAY = '2016-04-30';
const within = (on: string) => (on > LAST_DAY ? LAST_DAY : on);
const yearsOf = (band: string) => ({ '9-17': 15, '18-20': 19, '21-23': 22, '24-26': 25, '27-29': 28, '30-38': 33, '39-47': 42 })[band] ?? 30;

function historicCase(i: number, next: () => number): DemoCase {
  const p = HISTORIC[i]!;
  // NOTE: openings spread over the 16 months; a case opened late in April 2016 still gets its first help that month
  const openedOn = day(new Date(Date.UTC(2015, i % 16, 1 + Math.floor(next() * 20))));
  const child = p.ageBand === '9-17';
  const medical = MEDICAL[p.exploitation];
  const counselling = i % 11 !== 5; // two people came for medical assistance only
  const assisted = i % 8 !== 3; // four people had counselling only
  const category = medical[Math.floor(next() * medical.length)]!;
  const interpreter = INTERPRETER[p.citizenship] ?? null;
  const assistance: DemoAssistance[] = [];
  if (counselling) assistance.push({ type: 'medical_counselling', state: 'delivered', on: within(addDays(openedOn, 1 + Math.floor(next() * 5))), provider: i % 3 === 0 ? 'aurora' : i < 22 ? 'association' : 'ancora', providerRole: 'doctor', serviceCategory: 'health_information', interpreter, outcome: 'provided' });
  if (assisted || !counselling) assistance.push({ type: 'medical_assistance', state: 'delivered', on: within(addDays(openedOn, 4 + Math.floor(next() * 12))), provider: PROVIDER[category] ?? 'hospitalOlt', providerRole: category === 'mental_health_counselling' ? 'psychiatrist' : 'doctor', serviceCategory: category, interpreter, outcome: next() < 0.85 ? 'provided' : 'partly_provided' });
  if (i % 2 === 0) assistance.push({ type: 'psychological', state: i % 10 === 4 ? 'declined' : 'delivered', on: within(addDays(openedOn, 7)), provider: 'aurora', providerRole: 'psychologist', serviceCategory: null, interpreter, outcome: i % 10 === 4 ? 'declined' : 'provided' });
  if (i % 3 === 1) assistance.push({ type: 'shelter', state: 'delivered', on: openedOn, provider: i < 22 ? 'association' : 'ancora', providerRole: 'social_worker', serviceCategory: null, interpreter: null, outcome: 'provided' });
  const followUp = [4, 13, 20, 27, 31].includes(i);
  const referred = [2, 9, 16, 23, 30].includes(i);
  const status = followUp ? 'FollowUp' : referred ? 'ClosedReferred' : 'Closed';
  const closedOn = followUp ? null : addDays(openedOn, 60 + Math.floor(next() * 240));
  const women = p.gender === 'Feminine';
  return {
    key: `historic-${i + 1}`,
    organisation: i < 22 ? 'association' : 'ancora',
    openedOn,
    ageBand: p.ageBand,
    gender: p.gender,
    citizenship: p.citizenship,
    language: LANGUAGE[p.citizenship] ?? 'ro',
    exploitation: p.exploitation,
    status,
    closureReason: followUp ? null : referred ? 'referred_on' : (['goals_reached', 'goals_reached', 'person_ended_contact', 'lost_contact', 'moved_away'] as const)[i % 5]!,
    closedOn,
    traffickingStatus: i % 7 === 6 ? 'PossibleVictimOfTrafficking' : 'ActualVictimOfTrafficking',
    decidedBy: i % 7 === 6 ? 'NGO' : i % 2 === 0 ? 'Police' : 'CourtOrProsecution',
    childProtection: child ? { referredOn: openedOn, outcome: i % 2 === 0 ? 'taken_into_care' : 'supported_in_family', outcomeOn: addDays(openedOn, 20) } : null,
    givenName: (women ? GIVEN_WOMEN : GIVEN_MEN)[i % (women ? GIVEN_WOMEN.length : GIVEN_MEN.length)]!,
    familyName: FAMILY[i % FAMILY.length]!,
    birthYear: 2015 - yearsOf(p.ageBand),
    assistance,
    withPsychologist: false,
  };
}

/** Current cases of the demo case manager (opened August to November 2026, so none lies in the future on the issue's
 * day), the demo psychologist on the team (psychological grant). */
function currentCase(i: number, next: () => number): DemoCase {
  const bands = ['21-23', '27-29', '9-17', '30-38'];
  const exploitation = (['SexualExploitation', 'ForcedLabour', 'ForcedMarriage', 'SexualExploitation'] as const)[i]!;
  const openedOn = `2026-${String(8 + i).padStart(2, '0')}-${String(3 + Math.floor(next() * 20)).padStart(2, '0')}`;
  const child = bands[i] === '9-17';
  return {
    key: `current-${i + 1}`,
    organisation: 'association',
    openedOn,
    ageBand: bands[i]!,
    gender: i === 1 ? 'Masculine' : 'Feminine',
    citizenship: i === 3 ? 'MD' : 'RO',
    language: 'ro',
    exploitation,
    status: i === 0 ? 'FollowUp' : 'Active',
    closureReason: null,
    closedOn: null,
    traffickingStatus: i === 1 ? 'PossibleVictimOfTrafficking' : 'ActualVictimOfTrafficking',
    decidedBy: i === 1 ? 'NGO' : 'Police',
    childProtection: child ? { referredOn: openedOn, outcome: 'pending', outcomeOn: null } : null,
    givenName: (i === 1 ? GIVEN_MEN : GIVEN_WOMEN)[10 + i] ?? 'Ana',
    familyName: FAMILY[(i + 3) % FAMILY.length]!,
    birthYear: 2026 - yearsOf(bands[i]!),
    assistance: [
      { type: 'medical_counselling', state: 'delivered', on: addDays(openedOn, 2), provider: 'association', providerRole: 'doctor', serviceCategory: 'health_information', interpreter: null, outcome: 'provided' },
      { type: 'psychological', state: i === 2 ? 'accepted' : 'delivered', on: addDays(openedOn, 6), provider: 'aurora', providerRole: 'psychologist', serviceCategory: null, interpreter: null, outcome: i === 2 ? null : 'provided' },
    ],
    withPsychologist: true,
  };
}

/** Every demo case, the same on every run. */
export function demoCases(): DemoCase[] {
  const next = seeded(20150101);
  return [...HISTORIC.map((_, i) => historicCase(i, next)), ...[0, 1, 2, 3].map((i) => currentCase(i, next))];
}

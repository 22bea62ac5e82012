// Demo registrations (issue 11): the 2016 conference's 47 participants from Romanian and Norwegian institutions and
// NGOs (all checked in), the 2015 training (22, a few no-shows) and roundtable (16), the upcoming training (8, one
// awaiting approval) and the full upcoming webinar (12 confirmed, 3 waiting). The demo participant is registered for
// the upcoming training and was checked in at the conference. Fictional people only. Skips events that do not exist.
import { sql, type Transaction } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import { manageTokenOf } from '#server/features/events/registration-notify.ts';
import { sha256 } from '#server/lib/crypto.ts';
import type { RegistrationStatus } from '#shared/events/event-vocabulary.ts';
import { DEMO_EVENT_IDS } from './demo-event-ids.ts';
import type { DemoOrganisationKey } from './demo-data.ts';

const RO_FIRST = ['Ana', 'Ioana', 'Maria', 'Elena', 'Andreea', 'Cristina', 'Mihai', 'Andrei', 'Radu', 'Bogdan', 'Adrian', 'Gabriela', 'Roxana', 'Florin', 'Daniela', 'Sorin', 'Alina', 'Cătălin', 'Irina', 'Ștefan', 'Oana', 'Vlad', 'Raluca', 'Tudor', 'Simona', 'Cosmin', 'Larisa', 'Ionuț'];
const RO_LAST = ['Popescu', 'Ionescu', 'Moldovan', 'Pop', 'Lungu', 'Dumitrescu', 'Stan', 'Marin', 'Toma', 'Crăciun', 'Barbu', 'Ardelean', 'Szabó', 'Nistor', 'Vlad', 'Sârbu', 'Mureșan', 'Țurcanu', 'Rusu', 'Oprea'];
const NO_FIRST = ['Ingrid', 'Kari', 'Sigrid', 'Marit', 'Solveig', 'Lars', 'Ola', 'Eirik', 'Håkon', 'Anders', 'Silje', 'Øystein', 'Torunn', 'Bjørn', 'Hilde'];
const NO_LAST = ['Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Berg', 'Haugen', 'Dahl', 'Lie', 'Strand', 'Bakken', 'Solberg', 'Nygård', 'Aasen'];
const RO_INSTITUTIONS: [string, string][] = [
  ['Spitalul Clinic Județean de Urgență Târgu Mureș', 'hospital'],
  ['Spitalul Județean de Urgență Slatina', 'hospital'],
  ['Direcția Generală de Asistență Socială și Protecția Copilului Mureș', 'child_protection'],
  ['Agenția Națională împotriva Traficului de Persoane', 'anti_trafficking_authority'],
  ['Asociația Podul Verde', 'ngo'],
  ['Fundația Ancora', 'ngo'],
  ['Serviciul de Ambulanță Județean Olt', 'emergency_service'],
  ['Inspectoratul de Poliție Județean Mureș', 'police'],
  ['Direcția de Sănătate Publică Mureș', 'public_health_authority'],
  ['Universitatea de Medicină și Farmacie Târgu Mureș', 'university'],
];
const NO_INSTITUTIONS: [string, string][] = [
  ['Fjordsiden sykehus', 'hospital'],
  ['Stiftelsen Fyrlykta', 'ngo'],
  ['Legevakten i Bergen', 'emergency_service'],
  ['Barnevernstjenesten i Bergen', 'child_protection'],
  ['KOM – Koordineringsenheten for ofre for menneskehandel', 'anti_trafficking_authority'],
];
const PROFESSIONS_BY_TYPE: Record<string, string[]> = {
  hospital: ['physician', 'nurse', 'midwife', 'social_worker', 'psychologist'],
  emergency_service: ['physician', 'nurse'],
  child_protection: ['social_worker', 'psychologist'],
  anti_trafficking_authority: ['public_servant', 'police_officer'],
  police: ['police_officer'],
  public_health_authority: ['public_servant', 'physician'],
  university: ['teacher', 'student'],
  ngo: ['ngo_staff', 'social_worker', 'legal_advisor', 'psychologist'],
};
const FEMALE = new Set(['Ana', 'Ioana', 'Maria', 'Elena', 'Andreea', 'Cristina', 'Gabriela', 'Roxana', 'Daniela', 'Alina', 'Irina', 'Oana', 'Raluca', 'Simona', 'Larisa', 'Ingrid', 'Kari', 'Sigrid', 'Marit', 'Solveig', 'Silje', 'Torunn', 'Hilde']);

interface DemoPerson {
  fullName: string;
  email: string;
  language: string;
  answers: Record<string, unknown>;
}

/** The n-th fictional participant: about one in four from Norway; deterministic, so a re-seed gives the same people. */
function person(n: number): DemoPerson {
  const norwegian = n % 4 === 3;
  const [firsts, lasts, places] = norwegian ? [NO_FIRST, NO_LAST, NO_INSTITUTIONS] : [RO_FIRST, RO_LAST, RO_INSTITUTIONS];
  const first = firsts[(n * 7) % firsts.length]!;
  const last = lasts[(n * 11) % lasts.length]!;
  const [institution, type] = places[(n * 3) % places.length]!;
  const professions = PROFESSIONS_BY_TYPE[type] ?? ['other'];
  const ascii = `${first}.${last}`.normalize('NFD').replace(/[^\w.]/g, '').toLowerCase();
  return {
    fullName: `${first} ${last}`,
    email: `${ascii}.${n}@demo-participant.example`,
    language: norwegian ? 'nb' : 'ro',
    answers: {
      profession: professions[n % professions.length],
      institution_type: type,
      institution,
      country: norwegian ? 'NO' : 'RO',
      ...(norwegian ? {} : { county: n % 2 === 0 ? 'RO-MS' : 'RO-OT' }),
      sex: FEMALE.has(first) ? 'female' : 'male',
      languages: norwegian ? ['nb', 'en'] : ['ro', 'en'],
    },
  };
}

interface Planned {
  status: RegistrationStatus;
  checkedIn: boolean;
  accountId?: string;
  p: DemoPerson;
}

async function seedEvent(ctx: Ctx, trx: Transaction<Database>, eventId: string, people: Planned[], full = false): Promise<void> {
  const event = await trx.selectFrom('event').select(['startsAt']).where('id', '=', eventId).executeTakeFirst();
  if (!event) return;
  const created = new Date(event.startsAt.getTime() - 20 * 86_400_000);
  const checkIn = new Date(event.startsAt.getTime() + 30 * 60_000);
  for (const [i, x] of people.entries()) {
    const id = randomUUID();
    const at = new Date(created.getTime() + i * 3_600_000);
    await trx
      .insertInto('registration')
      .values({
        id,
        eventId,
        accountId: x.accountId ?? null,
        fullName: x.p.fullName,
        email: x.p.email,
        language: x.p.language,
        answers: JSON.stringify(x.p.answers),
        status: x.status,
        waitlistedAt: x.status === 'waitlisted' ? at : null,
        manageTokenHash: sha256(manageTokenOf(ctx.config, id)),
        checkedInAt: x.checkedIn ? checkIn : null,
        checkInMethod: x.checkedIn ? 'scan' : null,
        createdAt: at,
        updatedAt: at,
      })
      .onConflict((oc) => oc.columns(['eventId', 'email']).doNothing())
      .returning('id')
      .executeTakeFirst()
      .then(async (inserted) => {
        if (inserted) await trx.insertInto('registrationHistory').values({ registrationId: id, eventId, kind: x.status === 'waitlisted' ? 'waitlisted' : 'registered', at, detail: JSON.stringify({ status: x.status }) }).execute();
      });
  }
  // NOTE: seats_held is the count of seat-holding registrations; a demo event smaller than its list grows to fit, and
  // the full webinar's capacity is exactly its confirmed places.
  await sql`update event set capacity = case when ${full} then h.n else greatest(capacity, h.n) end, seats_held = h.n
    from (select count(*)::int as n from registration where event_id = ${eventId} and status in ('confirmed', 'pending_approval', 'offered')) h
    where event.id = ${eventId}`.execute(trx);
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

/** Seeds the demo registrations of the demo events that exist (the events part seeds the events first). */
export async function seedDemoRegistrations(ctx: Ctx, trx: Transaction<Database>, _ids: Record<DemoOrganisationKey, string>, accountIds: Map<string, string>): Promise<void> {
  const participantId = accountIds.get('participant');
  const account = participantId ? await trx.selectFrom('account').select(['email', 'displayName']).where('id', '=', participantId).executeTakeFirst() : undefined;
  const demoParticipant = (status: RegistrationStatus, checkedIn: boolean): Planned[] =>
    participantId && account ? [{ status, checkedIn, accountId: participantId, p: { ...person(1000), fullName: account.displayName ?? 'Daniel Moldovan', email: account.email.toLowerCase(), language: 'ro' } }] : [];
  const conference = [...demoParticipant('confirmed', true), ...range(0, 47 - demoParticipant('confirmed', true).length).map((n) => ({ status: 'confirmed' as const, checkedIn: true, p: person(n) }))];
  await seedEvent(ctx, trx, DEMO_EVENT_IDS.conference2016, conference);
  await seedEvent(ctx, trx, DEMO_EVENT_IDS.training2015, range(100, 22).map((n, i) => ({ status: 'confirmed', checkedIn: i % 7 !== 3, p: person(n) })));
  await seedEvent(ctx, trx, DEMO_EVENT_IDS.roundtable2015, range(200, 16).map((n) => ({ status: 'confirmed', checkedIn: true, p: person(n) })));
  await seedEvent(ctx, trx, DEMO_EVENT_IDS.upcomingTraining, [
    ...demoParticipant('confirmed', false),
    ...range(300, 7).map((n, i) => ({ status: (i === 6 ? 'pending_approval' : 'confirmed') as RegistrationStatus, checkedIn: false, p: person(n) })),
  ]);
  await seedEvent(ctx, trx, DEMO_EVENT_IDS.upcomingWebinar, [
    ...range(400, 12).map((n) => ({ status: 'confirmed' as const, checkedIn: false, p: person(n) })),
    ...range(420, 3).map((n) => ({ status: 'waitlisted' as const, checkedIn: false, p: person(n) })),
  ], true);
}

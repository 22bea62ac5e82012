// Test set-up for events: an organising NGO (trainer, coordinator, admin, and a case manager who is not an organiser),
// a co-organiser, an outside organisation, and a clinician who registers; plantEvent/plantRegistration insert straight
// into the tables so each feature's tests can start from any state without the others' routes.
import { afterAll, beforeAll } from 'vitest';
import type { Db } from '#server/db/db.ts';
import { randomToken, sha256 } from '#server/lib/crypto.ts';
import { member, type Person } from '#server/features/referrals/referrals.fixtures.ts';
import type { EventQuestion } from '#server/db/schema-events.ts';
import type { EventType, RegistrationStatus } from '#shared/events/event-vocabulary.ts';
import { createOrganisation } from '#tests/factories.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';

export type { Person };

export interface EventWorld {
  lead: { organisationId: string; trainer: Person; coordinator: Person; admin: Person; caseManager: Person };
  partner: { organisationId: string; trainer: Person };
  outsider: { organisationId: string; trainer: Person };
  /** A hospital clinician who registers for events and takes courses (no organiser role). */
  clinician: Person;
  participant: Person;
}

export async function createEventWorld(t: TestApp): Promise<EventWorld> {
  const db = t.deps.db;
  const [a, b, c, h] = [await createOrganisation(db), await createOrganisation(db, { country: 'NO' }), await createOrganisation(db), await createOrganisation(db, { type: 'HealthServiceOrganisation' })];
  return {
    lead: {
      organisationId: a.id,
      trainer: await member(t, a.id, ['trainer']),
      coordinator: await member(t, a.id, ['coordinator']),
      admin: await member(t, a.id, ['org_admin']),
      caseManager: await member(t, a.id, ['case_manager']),
    },
    partner: { organisationId: b.id, trainer: await member(t, b.id, ['trainer'], 'nb') },
    outsider: { organisationId: c.id, trainer: await member(t, c.id, ['trainer']) },
    clinician: await member(t, h.id, ['medical_professional'], 'ro'),
    participant: await member(t, h.id, ['participant']),
  };
}

export function useEventWorld(ready: (t: TestApp, w: EventWorld) => void): void {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
    ready(app, await createEventWorld(app));
  });
  afterAll(async () => app.close());
}

const DAY = 24 * 3600 * 1000;

export interface PlantedEvent {
  id: string;
}

/** A published event (by default a training in 30 days, 20 places, registration open now) with texts in ro, en, nb. */
export async function plantEvent(
  db: Db,
  o: {
    organisationId: string;
    coOrganisers?: string[];
    now?: Date;
    type?: EventType;
    status?: 'draft' | 'published' | 'cancelled';
    capacity?: number;
    startsAt?: Date;
    endsAt?: Date;
    registrationOpensAt?: Date | null;
    registrationClosesAt?: Date | null;
    requiresApproval?: boolean;
    waitlistEnabled?: boolean;
    offerHours?: number;
    questions?: EventQuestion[];
    onlineUrl?: string | null;
    title?: string;
  },
): Promise<PlantedEvent> {
  const now = o.now ?? new Date();
  const startsAt = o.startsAt ?? new Date(now.getTime() + 30 * DAY);
  const event = await db
    .insertInto('event')
    .values({
      organisationId: o.organisationId,
      type: o.type ?? 'training',
      status: o.status ?? 'published',
      sourceLanguage: 'ro',
      startsAt,
      endsAt: o.endsAt ?? new Date(startsAt.getTime() + 7 * 3600 * 1000),
      venueName: 'Sala de conferințe',
      venueCity: 'Târgu Mureș',
      country: 'RO',
      onlineUrl: o.onlineUrl ?? null,
      capacity: o.capacity ?? 20,
      registrationOpensAt: o.registrationOpensAt === undefined ? new Date(now.getTime() - DAY) : o.registrationOpensAt,
      registrationClosesAt: o.registrationClosesAt === undefined ? new Date(startsAt.getTime() - DAY) : o.registrationClosesAt,
      requiresApproval: o.requiresApproval ?? false,
      waitlistEnabled: o.waitlistEnabled ?? true,
      offerHours: o.offerHours ?? 48,
      questions: JSON.stringify(o.questions ?? [{ key: 'profession', required: true }, { key: 'institution_type', required: true }, { key: 'country', required: true }]),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const title = o.title ?? 'Identificarea victimelor traficului în spital';
  await db
    .insertInto('eventText')
    .values([
      { eventId: event.id, language: 'ro', title, summary: 'O zi de formare pentru personalul medical.' },
      { eventId: event.id, language: 'en', title: 'Identifying trafficking victims in hospital', summary: 'A training day for medical staff.', sourceVersion: 1 },
      { eventId: event.id, language: 'nb', title: 'Å identifisere ofre for menneskehandel på sykehus', summary: 'En kursdag for helsepersonell.', sourceVersion: 1 },
    ])
    .execute();
  const organisers = [o.organisationId, ...(o.coOrganisers ?? [])];
  await db.insertInto('eventOrganiser').values(organisers.map((organisationId) => ({ eventId: event.id, organisationId }))).execute();
  return event;
}

export interface PlantedRegistration {
  id: string;
  /** The secret of the person's own link (only its hash is stored). */
  manageToken: string;
  email: string;
}

/** A registration straight in the table; seat-holding statuses also raise the event's seats_held, as the service does. */
export async function plantRegistration(
  db: Db,
  o: { eventId: string; status?: RegistrationStatus; email?: string; fullName?: string; accountId?: string | null; language?: string; answers?: Record<string, unknown>; checkedInAt?: Date | null; waitlistedAt?: Date | null; priority?: number },
): Promise<PlantedRegistration> {
  const manageToken = randomToken();
  const email = (o.email ?? `p-${randomToken().slice(0, 10)}@example.test`).toLowerCase();
  const status = o.status ?? 'confirmed';
  const row = await db
    .insertInto('registration')
    .values({
      eventId: o.eventId,
      accountId: o.accountId ?? null,
      fullName: o.fullName ?? 'Ana Pop',
      email,
      language: o.language ?? 'ro',
      answers: JSON.stringify(o.answers ?? { profession: 'nurse', institution_type: 'hospital', country: 'RO' }),
      status,
      priority: o.priority ?? 0,
      waitlistedAt: status === 'waitlisted' ? (o.waitlistedAt ?? new Date()) : null,
      manageTokenHash: sha256(manageToken),
      checkedInAt: o.checkedInAt ?? null,
      checkInMethod: o.checkedInAt ? 'manual' : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (status === 'pending_approval' || status === 'confirmed' || status === 'offered') {
    await db.updateTable('event').set((eb) => ({ seatsHeld: eb('seatsHeld', '+', 1) })).where('id', '=', o.eventId).execute();
  }
  return { id: row.id, manageToken, email };
}

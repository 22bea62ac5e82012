// Seeds the demo events (demo-events-data.ts, demo-events-later.ts) in the demo seed's transaction, with the rows the
// events service writes: the event (published), its texts in ro, en and nb (translations made from the source's
// first version), its agenda, its organisers, and an event.created audit entry. Skips an event that already exists.
import type { Transaction } from 'kysely';
import type { Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import type { DemoOrganisationKey } from './demo-data.ts';
import { DEMO_EVENTS, type DemoEvent } from './demo-events-data.ts';
import { DEMO_LATER_EVENTS } from './demo-events-later.ts';

const DAY = 24 * 3600 * 1000;
const MINUTE = 60 * 1000;

function startOf(e: DemoEvent, now: Date): Date {
  if ('on' in e.start) return new Date(e.start.on);
  const day = new Date(now.getTime() + e.start.inDays * DAY).toISOString().slice(0, 10);
  return new Date(`${day}T${e.start.utc}:00Z`);
}

async function seedOne(ctx: Ctx, trx: Transaction<Database>, e: DemoEvent, ids: Record<DemoOrganisationKey, string>, createdBy: string | null): Promise<void> {
  const startsAt = startOf(e, ctx.now);
  const endsAt = new Date(startsAt.getTime() + e.hours * 3600 * 1000);
  const upcoming = startsAt > ctx.now;
  const sourceLanguage = e.sourceLanguage ?? 'ro';
  const inserted = await trx
    .insertInto('event')
    .values({
      id: e.id,
      organisationId: ids[e.lead],
      type: e.type,
      status: 'published',
      sourceLanguage,
      startsAt,
      endsAt,
      timeZone: e.lead === 'fyrlykta' ? 'Europe/Oslo' : 'Europe/Bucharest',
      attendanceMode: e.attendanceMode,
      venueName: e.venue?.name ?? null,
      venueAddress: e.venue?.address ?? null,
      venueCity: e.venue?.city ?? null,
      country: e.venue ? 'RO' : null,
      onlineUrl: e.onlineUrl,
      capacity: e.capacity,
      // NOTE: past events opened registration six weeks before; upcoming ones are open from the day of the seed.
      registrationOpensAt: upcoming ? new Date(ctx.now.getTime() - DAY) : new Date(startsAt.getTime() - 42 * DAY),
      registrationClosesAt: new Date(startsAt.getTime() - 2 * DAY),
      questions: JSON.stringify(e.questions),
      followUpMonths: e.type === 'training' ? 6 : null,
      createdBy,
      createdAt: upcoming ? ctx.now : new Date(startsAt.getTime() - 60 * DAY),
      updatedAt: ctx.now,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return;
  const texts = Object.entries(e.texts).map(([language, text]) => ({ eventId: e.id, language, ...text, sourceVersion: language === sourceLanguage ? null : 1, updatedBy: createdBy }));
  await trx.insertInto('eventText').values(texts).execute();
  const organisers = [e.lead, ...e.coOrganisers].map((key) => ({ eventId: e.id, organisationId: ids[key] }));
  await trx.insertInto('eventOrganiser').values(organisers).execute();
  const sessions = e.sessions.map((s, position) => ({
    eventId: e.id,
    startsAt: new Date(startsAt.getTime() + s.at * MINUTE),
    endsAt: new Date(startsAt.getTime() + (s.at + s.minutes) * MINUTE),
    titles: JSON.stringify(s.titles),
    room: s.room ?? null,
    speakers: JSON.stringify(s.speakers ?? []),
    position,
  }));
  if (sessions.length > 0) await trx.insertInto('eventSession').values(sessions).execute();
  await recordAudit(ctx, trx, { action: 'event.created', entityType: 'event', entityId: e.id, organisationId: ids[e.lead], details: { type: e.type, demo: true } });
}

/** The project's three events of 2015–2016 and two upcoming ones, led by the association (the webinar by Fyrlykta). */
export async function seedDemoEvents(ctx: Ctx, trx: Transaction<Database>, ids: Record<DemoOrganisationKey, string>, accountIds: Map<string, string>): Promise<void> {
  for (const e of [...DEMO_EVENTS, ...DEMO_LATER_EVENTS]) {
    const createdBy = (e.lead === 'fyrlykta' ? accountIds.get('trainer') : accountIds.get('coordinator')) ?? null;
    await seedOne(ctx, trx, e, ids, createdBy);
  }
}

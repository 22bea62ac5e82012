// Test set-up for certificates: an ended event with a checked-in participant (by default), and small request helpers.
import type { TestApp } from '#tests/test-app.ts';
import { plantEvent, plantRegistration, type EventWorld, type Person } from '#server/features/events/events.fixtures.ts';

const DAY = 86_400_000;

/** An event that ended yesterday (relative to `now`), with one confirmed registration, checked in unless told. */
export async function endedEventWithParticipant(t: TestApp, w: EventWorld, o: { checkedIn?: boolean; status?: 'confirmed' | 'cancelled'; accountId?: string | null; fullName?: string; endsInDays?: number; email?: string } = {}) {
  const now = t.deps.now();
  const startsAt = new Date(now.getTime() + (o.endsInDays ?? -1) * DAY - 8 * 3600_000);
  const event = await plantEvent(t.deps.db, { organisationId: w.lead.organisationId, coOrganisers: [w.partner.organisationId], now, startsAt, endsAt: new Date(startsAt.getTime() + 7 * 3600_000), registrationOpensAt: null, registrationClosesAt: null });
  const registration = await plantRegistration(t.deps.db, {
    eventId: event.id,
    status: o.status ?? 'confirmed',
    fullName: o.fullName ?? 'Ioana Mureșan',
    accountId: o.accountId ?? null,
    checkedInAt: o.checkedIn === false ? null : startsAt,
    ...(o.email ? { email: o.email } : {}),
  });
  return { event, registration };
}

export const post = (t: TestApp, url: string, payload: object, who?: Person) => t.app.inject({ method: 'POST', url, payload, headers: who ? { cookie: who.cookie } : {} });
export const get = (t: TestApp, url: string, who?: Person) => t.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });

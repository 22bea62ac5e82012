// Who is told what about a registration, and with which link: the person's link is derived from the registration id
// with the server's secret (HMAC), so any later e-mail (a re-sent link after registering twice) can carry it again
// while the database holds only its SHA-256.
import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '#server/config.ts';
import type { Database } from '#server/db/schema.ts';
import { queueEmail, type NewEmail } from '#server/features/email/email.service.ts';
import { icsAttachment } from './event-ics.ts';
import { registrationEmail, type RegistrationEmailKind } from './registration-email.ts';
import type { RegistrationEvent } from './registration.queries.ts';

/** The secret of a registration's own link. */
export function manageTokenOf(config: Pick<Config, 'sessionSecret'>, registrationId: string): string {
  return createHmac('sha256', config.sessionSecret).update(`registration-link:${registrationId}`).digest('base64url');
}

export interface Recipient {
  id: string;
  fullName: string;
  email: string;
  language: string;
}

type EventForMail = Pick<RegistrationEvent, 'id' | 'organisationId' | 'startsAt' | 'endsAt' | 'sequence' | 'venueName' | 'venueAddress' | 'venueCity' | 'onlineUrl'>;

/** Which e-mails carry the calendar file, and how. */
const CALENDAR: Partial<Record<RegistrationEmailKind, 'request' | 'cancel'>> = {
  confirmed: 'request',
  event_changed: 'request',
  reminder: 'request',
  event_cancelled: 'cancel',
  cancelled: 'cancel',
};

type Tell = { kind: RegistrationEmailKind; event: EventForMail; person: Recipient; token?: string | null; vars?: Record<string, string> };

/** Queues one registration e-mail in the caller's transaction, with the person's link and, when fitting, the .ics. */
export async function tellRegistrant(trx: Kysely<Database>, config: Config, now: Date, a: Tell): Promise<void> {
  await queueEmail(trx, registrantEmail(config, now, a));
}

/** The registration e-mail itself, for a caller that queues it with its own writes (`emailWrites`). */
export function registrantEmail(config: Config, now: Date, a: Tell): NewEmail {
  const method = CALENDAR[a.kind];
  const attachments = method
    ? [
        icsAttachment({
          event: { ...a.event, onlineUrl: a.kind === 'confirmed' || a.kind === 'reminder' || a.kind === 'event_changed' ? a.event.onlineUrl : null },
          method,
          attendee: { name: a.person.fullName, email: a.person.email },
          language: a.person.language,
          mailFrom: config.mailFrom,
          publicUrl: config.publicUrl,
          now,
        }),
      ]
    : undefined;
  const token = a.token === undefined ? manageTokenOf(config, a.person.id) : (a.token ?? undefined);
  return registrationEmail({ kind: a.kind, to: a.person.email, language: a.person.language, publicUrl: config.publicUrl, token, organisationId: a.event.organisationId, vars: a.vars, attachments });
}

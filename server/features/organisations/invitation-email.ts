// The invitation email. NOTE: neutral on purpose: no organisation name or type, no inviter, nothing about the
// work; a mailbox may be read by someone else. The token travels in the URL fragment, never to a server log.
import type { NewEmail } from '#server/features/email/email.service.ts';
import { INVITATION_TTL_DAYS } from '#shared/organisations/invitation.schema.ts';

type Language = 'en' | 'ro' | 'nb';

const TEXT: Record<Language, { subject: string; body: (link: string) => string }> = {
  en: {
    subject: 'You have been invited to Pro Health',
    body: (link) =>
      `Hello,\n\nYou have been invited to join a team on Pro Health.\n\nTo accept, open this link within ${INVITATION_TTL_DAYS} days:\n${link}\n\nIf you were not expecting this message, you can ignore it.\n`,
  },
  ro: {
    subject: 'Ați primit o invitație în Pro Health',
    body: (link) =>
      `Bună ziua,\n\nAți fost invitat(ă) să vă alăturați unei echipe în Pro Health.\n\nPentru a accepta, deschideți acest link în cel mult ${INVITATION_TTL_DAYS} zile:\n${link}\n\nDacă nu așteptați acest mesaj, îl puteți ignora.\n`,
  },
  nb: {
    subject: 'Du er invitert til Pro Health',
    body: (link) =>
      `Hei,\n\nDu er invitert til å bli med i et team i Pro Health.\n\nFor å takke ja, åpne denne lenken innen ${INVITATION_TTL_DAYS} dager:\n${link}\n\nHvis du ikke ventet denne meldingen, kan du se bort fra den.\n`,
  },
};

function languageOf(value: string | null | undefined): Language {
  return value === 'ro' || value === 'nb' ? value : 'en';
}

/** The email for one invitation, in the inviter's language. */
export function invitationEmail(args: { to: string; token: string; publicUrl: string; language: string | null; organisationId: string }): NewEmail {
  const text = TEXT[languageOf(args.language)];
  const link = `${args.publicUrl.replace(/\/$/, '')}/invitation#token=${args.token}`;
  return { to: args.to, subject: text.subject, text: text.body(link), organisationId: args.organisationId };
}

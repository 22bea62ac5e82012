// The invitation email: names the organisation, the inviter and the roles, so that the invitee can tell it from
// phishing (issue 8); nothing about the work or any case. The token travels in the URL fragment, never to a server log.
import type { NewEmail } from '#server/features/email/email.service.ts';
import type { Role } from '#shared/auth/roles.ts';
import { INVITATION_TTL_DAYS } from '#shared/organisations/invitation.schema.ts';

type Language = 'en' | 'ro' | 'nb';

export interface InvitationEmailArgs {
  to: string;
  token: string;
  publicUrl: string;
  /** The inviter's language: the invitee's is not known before they have an account with us. */
  language: string | null;
  organisationId: string;
  organisationName: string;
  inviterName: string;
  roles: readonly Role[];
}

interface Wording {
  subject: string;
  roles: Record<Role, string>;
  body(a: { inviter: string; organisation: string; roles: string[]; link: string }): string;
}

const TEXT: Record<Language, Wording> = {
  en: {
    subject: 'You have been invited to Pro Health',
    roles: {
      org_admin: 'Organisation admin', coordinator: 'Coordinator', case_manager: 'Case manager', medical_professional: 'Medical professional',
      psychologist: 'Psychologist', social_worker: 'Social worker', legal_advisor: 'Legal advisor', trainer: 'Trainer', editor: 'Editor',
      reviewer: 'Reviewer', donor_viewer: 'Donor (read only)', participant: 'Participant',
    },
    body: (a) =>
      `Hello,\n\n${a.inviter} has invited you to join ${a.organisation} on Pro Health.\n${a.roles.length > 1 ? 'Roles' : 'Role'}: ${a.roles.join(', ')}\n\n` +
      `To accept, open this link within ${INVITATION_TTL_DAYS} days:\n${a.link}\n\n` +
      `If you do not know ${a.inviter} or ${a.organisation}, or were not expecting this message, ignore it: nothing happens unless you open the link. We never ask for your password by email.\n`,
  },
  ro: {
    subject: 'Ați primit o invitație în Pro Health',
    roles: {
      org_admin: 'Administrator al organizației', coordinator: 'Coordonator', case_manager: 'Manager de caz', medical_professional: 'Cadru medical',
      psychologist: 'Psiholog', social_worker: 'Asistent social', legal_advisor: 'Consilier juridic', trainer: 'Formator', editor: 'Editor',
      reviewer: 'Revizor', donor_viewer: 'Finanțator (doar citire)', participant: 'Participant',
    },
    body: (a) =>
      `Bună ziua,\n\n${a.inviter} v-a invitat să vă alăturați organizației ${a.organisation} în Pro Health.\n${a.roles.length > 1 ? 'Roluri' : 'Rol'}: ${a.roles.join(', ')}\n\n` +
      `Pentru a accepta, deschideți acest link în cel mult ${INVITATION_TTL_DAYS} zile:\n${a.link}\n\n` +
      `Dacă nu știți cine este ${a.inviter} sau ce este ${a.organisation} ori nu așteptați acest mesaj, ignorați-l: nu se întâmplă nimic dacă nu deschideți linkul. Nu vă cerem niciodată parola prin e-mail.\n`,
  },
  nb: {
    subject: 'Du er invitert til Pro Health',
    roles: {
      org_admin: 'Organisasjonsadministrator', coordinator: 'Koordinator', case_manager: 'Saksbehandler', medical_professional: 'Helsepersonell',
      psychologist: 'Psykolog', social_worker: 'Sosialarbeider', legal_advisor: 'Juridisk rådgiver', trainer: 'Kursholder', editor: 'Redaktør',
      reviewer: 'Fagfellevurderer', donor_viewer: 'Giver (kun lesing)', participant: 'Deltaker',
    },
    body: (a) =>
      `Hei,\n\n${a.inviter} har invitert deg til å bli med i ${a.organisation} i Pro Health.\n${a.roles.length > 1 ? 'Roller' : 'Rolle'}: ${a.roles.join(', ')}\n\n` +
      `For å takke ja, åpne denne lenken innen ${INVITATION_TTL_DAYS} dager:\n${a.link}\n\n` +
      `Hvis du ikke kjenner ${a.inviter} eller ${a.organisation}, eller ikke ventet denne meldingen, kan du se bort fra den: ingenting skjer uten at du åpner lenken. Vi ber aldri om passordet ditt på e-post.\n`,
  },
};

function languageOf(value: string | null | undefined): Language {
  return value === 'ro' || value === 'nb' ? value : 'en';
}

function bodyIn(language: Language, args: InvitationEmailArgs, link: string): string {
  const wording = TEXT[language];
  return wording.body({ inviter: args.inviterName, organisation: args.organisationName, roles: args.roles.map((r) => wording.roles[r]), link });
}

/**
 * The email for one invitation, in the inviter's language, followed by English when that is another language.
 * NOTE: the subject stays neutral and does not name the organisation: subjects show on lock screens and in inbox
 * lists to anyone watching the mailbox, and an organisation's name can tell what it works on (a shelter, a helpline).
 * The body names the organisation, the inviter and the roles (decided in issue 8: an unnamed invitation reads as
 * phishing), never the organisation's type, any case data or the address's other accounts.
 */
export function invitationEmail(args: InvitationEmailArgs): NewEmail {
  const language = languageOf(args.language);
  const link = `${args.publicUrl.replace(/\/$/, '')}/invitation#token=${args.token}`;
  const text = language === 'en' ? bodyIn('en', args, link) : `${bodyIn(language, args, link)}\n---\n\n${bodyIn('en', args, link)}`;
  return { to: args.to, subject: TEXT[language].subject, text, organisationId: args.organisationId };
}

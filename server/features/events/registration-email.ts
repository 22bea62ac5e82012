// The e-mails of registration, in the recipient's language: neutral subjects (a mailbox may be read by someone else),
// no event title, and the person's link with its secret in the URL fragment only (never sent to a server).
import type { EmailAttachment } from '#server/db/schema.ts';
import type { NewEmail } from '#server/features/email/email.service.ts';

export type RegistrationEmailKind =
  | 'confirmed'
  | 'pending'
  | 'waitlisted'
  | 'link'
  | 'offer'
  | 'offer_expired'
  | 'reminder'
  | 'cancelled'
  | 'rejected'
  | 'event_cancelled'
  | 'event_changed'
  | 'group_summary';

type Words = { subject: string; link: string; lines: Record<RegistrationEmailKind, string> };

const WORDS: Record<'en' | 'ro' | 'nb', Words> = {
  en: {
    subject: 'Your registration with Pro Health',
    link: 'Your registration page (keep this link to yourself):',
    lines: {
      confirmed: 'Your place is confirmed. The calendar invitation is attached. You can cancel from your registration page.',
      pending: 'We have your registration. The organisers will confirm it soon.',
      waitlisted: 'The event is full, so you are on the waiting list. If a place frees up, we will offer it to you by e-mail.',
      link: 'Here is the link to your registration again.',
      offer: 'A place has become free and it is yours if you want it. Accept or decline on the page below before {expiry} (UTC).',
      offer_expired: 'The place we offered you was not accepted in time, so it went to the next person on the waiting list.',
      reminder: 'A reminder: the event you registered for begins in two days.',
      cancelled: 'Your registration has been cancelled.',
      rejected: 'The organisers could not accept your registration this time.',
      event_cancelled: 'The event you registered for has been cancelled. The calendar entry is attached so your calendar can remove it.',
      event_changed: 'The date or place of the event you registered for has changed. The updated calendar invitation is attached.',
      group_summary: 'You registered {count} people. Each of them receives their own e-mail with their own link.',
    },
  },
  ro: {
    subject: 'Înscrierea dvs. la Pro Health',
    link: 'Pagina înscrierii dvs. (păstrați acest link doar pentru dvs.):',
    lines: {
      confirmed: 'Locul dvs. este confirmat. Invitația pentru calendar este atașată. Puteți anula din pagina înscrierii.',
      pending: 'Am primit înscrierea dvs. Organizatorii o vor confirma în curând.',
      waitlisted: 'Evenimentul este complet, așa că sunteți pe lista de așteptare. Dacă se eliberează un loc, vi-l oferim prin e-mail.',
      link: 'Vă trimitem din nou linkul înscrierii dvs.',
      offer: 'S-a eliberat un loc și este al dvs. dacă îl doriți. Acceptați sau refuzați în pagina de mai jos până la {expiry} (UTC).',
      offer_expired: 'Locul oferit nu a fost acceptat la timp, așa că a trecut la următoarea persoană de pe lista de așteptare.',
      reminder: 'Vă reamintim: evenimentul la care v-ați înscris începe peste două zile.',
      cancelled: 'Înscrierea dvs. a fost anulată.',
      rejected: 'De data aceasta, organizatorii nu v-au putut accepta înscrierea.',
      event_cancelled: 'Evenimentul la care v-ați înscris a fost anulat. Intrarea de calendar atașată îl va scoate din calendarul dvs.',
      event_changed: 'Data sau locul evenimentului la care v-ați înscris s-au schimbat. Invitația actualizată pentru calendar este atașată.',
      group_summary: 'Ați înscris {count} persoane. Fiecare primește propriul e-mail, cu propriul link.',
    },
  },
  nb: {
    subject: 'Påmeldingen din hos Pro Health',
    link: 'Siden for påmeldingen din (ikke del denne lenken):',
    lines: {
      confirmed: 'Plassen din er bekreftet. Kalenderinvitasjonen ligger vedlagt. Du kan melde deg av fra påmeldingssiden.',
      pending: 'Vi har fått påmeldingen din. Arrangørene bekrefter den snart.',
      waitlisted: 'Arrangementet er fullt, så du står på ventelisten. Blir en plass ledig, tilbyr vi deg den på e-post.',
      link: 'Her er lenken til påmeldingen din igjen.',
      offer: 'En plass er blitt ledig, og den er din om du vil ha den. Takk ja eller nei på siden nedenfor innen {expiry} (UTC).',
      offer_expired: 'Plassen vi tilbød deg, ble ikke tatt i tide, så den gikk videre til neste på ventelisten.',
      reminder: 'En påminnelse: arrangementet du er påmeldt, begynner om to dager.',
      cancelled: 'Påmeldingen din er avlyst.',
      rejected: 'Arrangørene kunne dessverre ikke ta imot påmeldingen din denne gangen.',
      event_cancelled: 'Arrangementet du er påmeldt, er avlyst. Kalenderoppføringen ligger vedlagt, så kalenderen din kan fjerne den.',
      event_changed: 'Datoen eller stedet for arrangementet du er påmeldt, er endret. Den oppdaterte kalenderinvitasjonen ligger vedlagt.',
      group_summary: 'Du har meldt på {count} personer. Hver av dem får sin egen e-post med sin egen lenke.',
    },
  },
};

const GREETING = { en: 'Hello,', ro: 'Bună ziua,', nb: 'Hei,' } as const;

export function wordsOf(language: string): 'en' | 'ro' | 'nb' {
  return language === 'ro' || language === 'nb' ? language : 'en';
}

export interface RegistrationEmailArgs {
  kind: RegistrationEmailKind;
  to: string;
  language: string;
  publicUrl: string;
  /** The secret of the person's link (registration or offer); none for the booker's summary. */
  token?: string;
  organisationId: string;
  vars?: Record<string, string>;
  attachments?: EmailAttachment[];
}

/** The link to the person's own page, the secret in the fragment. */
export function registrationLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/registration#${token}`;
}

export function registrationEmail(a: RegistrationEmailArgs): NewEmail {
  const lang = wordsOf(a.language);
  const w = WORDS[lang];
  let line = w.lines[a.kind];
  for (const [k, v] of Object.entries(a.vars ?? {})) line = line.replace(`{${k}}`, v);
  const parts = [GREETING[lang], '', line];
  if (a.token) parts.push('', w.link, registrationLink(a.publicUrl, a.token));
  return { to: a.to, subject: w.subject, text: parts.join('\n') + '\n', organisationId: a.organisationId, attachments: a.attachments };
}

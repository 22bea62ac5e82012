// The three emails of an access request: the handlers' notice, "you already have an account", and the decline.
// NOTE: subjects say nothing about the platform's work; the notice to admins carries no personal data of the requester
// (they read it signed in), and the requester's emails name nobody.
import type { NewEmail } from '#server/features/email/email.service.ts';

type Language = 'en' | 'ro' | 'nb';

interface Wording {
  noticeSubject: string;
  notice(link: string): string;
  accountSubject: string;
  account(signIn: string, reset: string): string;
  declinedSubject: string;
  declined: string;
}

const TEXT: Record<Language, Wording> = {
  en: {
    noticeSubject: 'Pro Health: a request is waiting',
    notice: (link) => `Hello,\n\nSomeone has asked for an account. To approve or decline the request, sign in and open:\n${link}\n`,
    accountSubject: 'Pro Health: your request',
    account: (signIn, reset) =>
      `Hello,\n\nSomeone asked for an account with this email address, and it already has one.\nSign in here: ${signIn}\n` +
      `If you have forgotten your password, choose a new one here: ${reset}\n\nIf you did not ask, ignore this message: nothing changes.\n`,
    declinedSubject: 'Pro Health: your request',
    declined: 'Hello,\n\nWe could not approve your request for an account. Nothing else happens, and we keep no details of the request.\n',
  },
  ro: {
    noticeSubject: 'Pro Health: o cerere așteaptă',
    notice: (link) => `Bună ziua,\n\nCineva a cerut un cont. Pentru a aproba sau a respinge cererea, autentificați-vă și deschideți:\n${link}\n`,
    accountSubject: 'Pro Health: cererea dumneavoastră',
    account: (signIn, reset) =>
      `Bună ziua,\n\nCineva a cerut un cont cu această adresă de e-mail, iar adresa are deja unul.\nAutentificați-vă aici: ${signIn}\n` +
      `Dacă ați uitat parola, alegeți una nouă aici: ${reset}\n\nDacă nu ați cerut nimic, ignorați acest mesaj: nu se schimbă nimic.\n`,
    declinedSubject: 'Pro Health: cererea dumneavoastră',
    declined: 'Bună ziua,\n\nNu am putut aproba cererea dumneavoastră de cont. Nu se mai întâmplă nimic și nu păstrăm detaliile cererii.\n',
  },
  nb: {
    noticeSubject: 'Pro Health: en forespørsel venter',
    notice: (link) => `Hei,\n\nNoen har bedt om en konto. Logg inn og åpne denne siden for å godkjenne eller avslå forespørselen:\n${link}\n`,
    accountSubject: 'Pro Health: forespørselen din',
    account: (signIn, reset) =>
      `Hei,\n\nNoen ba om en konto med denne e-postadressen, og den har allerede en.\nLogg inn her: ${signIn}\n` +
      `Hvis du har glemt passordet, kan du velge et nytt her: ${reset}\n\nHvis det ikke var deg, kan du se bort fra denne meldingen: ingenting endres.\n`,
    declinedSubject: 'Pro Health: forespørselen din',
    declined: 'Hei,\n\nVi kunne ikke godkjenne forespørselen din om en konto. Ingenting mer skjer, og vi tar ikke vare på opplysningene i forespørselen.\n',
  },
};

function languageOf(value: string | null | undefined): Language {
  return value === 'ro' || value === 'nb' ? value : 'en';
}

function base(publicUrl: string): string {
  return publicUrl.replace(/\/$/, '');
}

/** To one admin who may handle the request, in their language: a link to the requests page, nothing else. */
export function handlerNoticeEmail(a: { to: string; language: string | null; publicUrl: string; organisationId: string | null }): NewEmail {
  const wording = TEXT[languageOf(a.language)];
  return { to: a.to, subject: wording.noticeSubject, text: wording.notice(`${base(a.publicUrl)}/admin/access-requests`), organisationId: a.organisationId };
}

/** To an address that already has an account, in the language the request was written in. */
export function existingAccountEmail(a: { to: string; language: string; publicUrl: string }): NewEmail {
  const wording = TEXT[languageOf(a.language)];
  return { to: a.to, subject: wording.accountSubject, text: wording.account(`${base(a.publicUrl)}/sign-in`, `${base(a.publicUrl)}/forgot-password`) };
}

/** To the requester whose request was declined: no reason, no names. */
export function declinedEmail(a: { to: string; language: string; organisationId: string | null }): NewEmail {
  const wording = TEXT[languageOf(a.language)];
  return { to: a.to, subject: wording.declinedSubject, text: wording.declined, organisationId: a.organisationId };
}

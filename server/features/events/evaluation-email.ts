// The invitation to answer an event's questionnaire, in the participant's language.
// NOTE: neutral on purpose: no event title, no subject matter, no name; the link carries its token in the fragment.
import type { NewEmail } from '#server/features/email/email.service.ts';
import type { EvaluationKind } from '#shared/events/evaluation-items.ts';

type Language = 'en' | 'ro' | 'nb';

interface Wording {
  subject: string;
  body(kind: EvaluationKind, link: string, until: string): string;
}

const TEXT: Record<Language, Wording> = {
  en: {
    subject: 'Pro Health: a short questionnaire',
    body: (kind, link, until) =>
      `Hello,\n\n${kind === 'evaluation' ? 'Thank you for taking part. We would like to know what you thought of the event.' : 'Some months have passed since the event you attended. We would like to know whether it has been useful in your work.'}\n` +
      `The questionnaire takes about five minutes, and your answers are anonymous.\n\n${link}\n\nIt is open until ${until}.\n`,
  },
  ro: {
    subject: 'Pro Health: un scurt chestionar',
    body: (kind, link, until) =>
      `Bună ziua,\n\n${kind === 'evaluation' ? 'Vă mulțumim pentru participare. Ne-ar ajuta să aflăm ce părere aveți despre eveniment.' : 'Au trecut câteva luni de la evenimentul la care ați participat. Am vrea să aflăm dacă v-a fost de folos în activitatea dumneavoastră.'}\n` +
      `Chestionarul durează cam cinci minute, iar răspunsurile sunt anonime.\n\n${link}\n\nPoate fi completat până la ${until}.\n`,
  },
  nb: {
    subject: 'Pro Health: et kort spørreskjema',
    body: (kind, link, until) =>
      `Hei,\n\n${kind === 'evaluation' ? 'Takk for at du deltok. Vi vil gjerne høre hva du syntes om arrangementet.' : 'Det er gått noen måneder siden arrangementet du deltok på. Vi vil gjerne vite om det har vært nyttig i arbeidet ditt.'}\n` +
      `Spørreskjemaet tar omtrent fem minutter, og svarene dine er anonyme.\n\n${link}\n\nDet er åpent til og med ${until}.\n`,
  },
};

function languageOf(value: string): Language {
  return value === 'ro' || value === 'nb' ? value : 'en';
}

/** The invitation for one kind of questionnaire; `until` is the last day it is open. */
export function evaluationInvitationEmail(a: { to: string; language: string; kind: EvaluationKind; token: string; closesAt: Date; publicUrl: string; organisationId: string }): NewEmail {
  const language = languageOf(a.language);
  const until = new Intl.DateTimeFormat(language === 'nb' ? 'nb-NO' : language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(a.closesAt.getTime() - 1));
  const link = `${a.publicUrl.replace(/\/$/, '')}/registration/evaluation#${a.token}`;
  return { to: a.to, subject: TEXT[language].subject, text: TEXT[language].body(a.kind, link, until), organisationId: a.organisationId };
}

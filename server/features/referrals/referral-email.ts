// The one email referrals send: neutral in every case (new referral, answer, reminder, escalation, withdrawal), so a
// mailbox read by someone else learns nothing — no names, no codes, no subject matter; the news is behind sign-in.
import type { NewEmail } from '#server/features/email/email.service.ts';

const TEXT = {
  en: { subject: 'You have a new item in Pro Health', body: (link: string) => `Hello,\n\nYou have a new item in Pro Health. Sign in to see it:\n${link}\n` },
  ro: { subject: 'Aveți un element nou în Pro Health', body: (link: string) => `Bună ziua,\n\nAveți un element nou în Pro Health. Autentificați-vă pentru a-l vedea:\n${link}\n` },
  nb: { subject: 'Du har et nytt element i Pro Health', body: (link: string) => `Hei,\n\nDu har et nytt element i Pro Health. Logg inn for å se det:\n${link}\n` },
} as const;

/** To one account, in its language, linking to the signed-in home (its inbox shows what is new). */
export function newItemEmail(a: { to: string; language: string | null; publicUrl: string; organisationId: string | null }): NewEmail {
  const wording = a.language === 'ro' || a.language === 'nb' ? TEXT[a.language] : TEXT.en;
  return { to: a.to, subject: wording.subject, text: wording.body(`${a.publicUrl.replace(/\/$/, '')}/`), organisationId: a.organisationId };
}

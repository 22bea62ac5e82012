// Sends an email over SMTP when SMTP_URL is set; without it, emails stay readable in the outbox only.
import type { Transporter } from 'nodemailer';
import type { EmailAttachment } from '#server/db/schema.ts';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  attachments?: EmailAttachment[] | undefined;
}

export interface Mailer {
  /** True when a real transport is configured. */
  readonly delivers: boolean;
  send(email: OutgoingEmail): Promise<void>;
}

export function createMailer(smtpUrl: string | undefined, from: string): Mailer {
  if (!smtpUrl) return { delivers: false, send: async () => undefined };
  let transport: Transporter | null = null;
  return {
    delivers: true,
    send: async (email) => {
      // NOTE: nodemailer loads on the first email, to keep it off the start-up path.
      transport ??= (await import('nodemailer')).default.createTransport(smtpUrl);
      await transport.sendMail({ from, to: email.to, subject: email.subject, text: email.text, attachments: email.attachments?.map(toNodemailer) });
    },
  };
}

/** Our stored attachment as nodemailer takes it; an iCalendar part keeps its METHOD in the content type. */
function toNodemailer(a: EmailAttachment) {
  return { filename: a.filename, contentType: a.contentType, content: a.content, encoding: a.encoding };
}

// Sends an email over SMTP when SMTP_URL is set; without it, emails stay readable in the outbox only.
import type { Transporter } from 'nodemailer';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
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
      await transport.sendMail({ from, to: email.to, subject: email.subject, text: email.text });
    },
  };
}

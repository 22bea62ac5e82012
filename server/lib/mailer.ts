// Sends an email over SMTP when SMTP_URL is set; without it, emails stay readable in the outbox only.
import nodemailer from 'nodemailer';

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
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    delivers: true,
    send: async (email) => {
      await transport.sendMail({ from, to: email.to, subject: email.subject, text: email.text });
    },
  };
}

// What a certificate says, gathered once from the event (or course) in the recipient's language: used to build the
// credential, and again for the PDF and the verification page.
import { randomInt } from 'node:crypto';
import type { Db } from '#server/db/db.ts';
import { CODE_ALPHABET } from '#shared/certificates/certificate.schema.ts';
import { LABELS, certificateLanguage, dayIn, formatDays, type CertificateLanguage } from './certificate-labels.ts';
import type { EventFacts } from './certificate.queries.ts';

/** PH-XXXX-XXXX: 40 random bits over an alphabet without look-alike characters. */
export function newVerificationCode(): string {
  const part = () => Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `PH-${part()}-${part()}`;
}

export interface EventDescription {
  language: CertificateLanguage;
  title: string;
  summary: string;
  typeLabel: string;
  dates: string;
  place: string | null;
  organisations: { id: string; name: string }[];
  startDay: string;
  endDay: string;
}

/** The event in the language (its source language when there is no text in that one). */
export function describeEvent(facts: EventFacts, lang: string): EventDescription {
  const language = certificateLanguage(lang);
  const labels = LABELS[language];
  const text = facts.texts.find((t) => t.language === language) ?? facts.texts.find((t) => t.language === facts.sourceLanguage) ?? facts.texts[0];
  const place = facts.attendanceMode === 'online' ? labels.online : [facts.venueName, facts.venueCity, facts.country].filter(Boolean).join(', ') || null;
  return {
    language,
    title: text?.title ?? '',
    summary: text?.summary ?? '',
    typeLabel: labels.eventTypes[facts.type] ?? facts.type,
    dates: formatDays(labels, facts.startsAt, facts.endsAt, facts.timeZone),
    place,
    organisations: facts.organisations,
    startDay: dayIn(facts.startsAt, facts.timeZone),
    endDay: dayIn(facts.endsAt, facts.timeZone),
  };
}

export type { Db };

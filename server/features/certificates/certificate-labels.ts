// The words a certificate is written in (the PDF and the credential's narrative), per language. The web app's own
// strings live in web/locales/*/certificates.json; these are printed or signed, so they live with the server.
export type CertificateLanguage = 'ro' | 'en' | 'nb';

export const CERTIFICATE_LANGUAGES: readonly CertificateLanguage[] = ['ro', 'en', 'nb'];

export function certificateLanguage(lang: string | null | undefined): CertificateLanguage {
  return (CERTIFICATE_LANGUAGES as readonly string[]).includes(lang ?? '') ? (lang as CertificateLanguage) : 'en';
}

export interface CertificateLabels {
  locale: string;
  attendanceHeading: string;
  courseHeading: string;
  awardedTo: string;
  attended: string;
  completed: string;
  issuedBy: string;
  issuedOn: string;
  code: string;
  verifyAt: string;
  scan: string;
  online: string;
  eventTypes: Record<string, string>;
  attendanceNarrative: (type: string, title: string, dates: string) => string;
  courseNarrative: (title: string) => string;
}

const EN: CertificateLabels = {
  locale: 'en-GB',
  attendanceHeading: 'Certificate of attendance',
  courseHeading: 'Course certificate',
  awardedTo: 'This certifies that',
  attended: 'attended',
  completed: 'successfully completed the course',
  issuedBy: 'Organised by',
  issuedOn: 'Issued on',
  code: 'Verification code',
  verifyAt: 'Check this certificate at',
  scan: 'Scan to verify',
  online: 'Online',
  eventTypes: { training: 'training', roundtable: 'roundtable', conference: 'conference', webinar: 'webinar', study_visit: 'study visit' },
  attendanceNarrative: (type, title, dates) => `Took part in the ${type} “${title}” (${dates}) and was checked in by the organisers.`,
  courseNarrative: (title) => `Passed the final test of the course “${title}”.`,
};

const RO: CertificateLabels = {
  locale: 'ro-RO',
  attendanceHeading: 'Certificat de participare',
  courseHeading: 'Certificat de absolvire a cursului',
  awardedTo: 'Se certifică faptul că',
  attended: 'a participat la',
  completed: 'a absolvit cu succes cursul',
  issuedBy: 'Organizat de',
  issuedOn: 'Eliberat la',
  code: 'Cod de verificare',
  verifyAt: 'Verificați acest certificat la',
  scan: 'Scanați pentru verificare',
  online: 'Online',
  eventTypes: { training: 'formarea', roundtable: 'masa rotundă', conference: 'conferința', webinar: 'webinarul', study_visit: 'vizita de studiu' },
  attendanceNarrative: (type, title, dates) => `A participat la ${type} „${title}” (${dates}), cu prezența confirmată de organizatori.`,
  courseNarrative: (title) => `A promovat testul final al cursului „${title}”.`,
};

const NB: CertificateLabels = {
  locale: 'nb-NO',
  attendanceHeading: 'Kursbevis for deltakelse',
  courseHeading: 'Kursbevis',
  awardedTo: 'Dette bekrefter at',
  attended: 'deltok på',
  completed: 'har fullført kurset',
  issuedBy: 'Arrangert av',
  issuedOn: 'Utstedt',
  code: 'Kontrollkode',
  verifyAt: 'Kontroller beviset på',
  scan: 'Skann for å kontrollere',
  online: 'Nett',
  eventTypes: { training: 'kurset', roundtable: 'rundebordsmøtet', conference: 'konferansen', webinar: 'webinaret', study_visit: 'studiebesøket' },
  attendanceNarrative: (type, title, dates) => `Deltok på ${type} «${title}» (${dates}) og ble registrert som til stede av arrangøren.`,
  courseNarrative: (title) => `Besto den avsluttende testen i kurset «${title}».`,
};

export const LABELS: Record<CertificateLanguage, CertificateLabels> = { en: EN, ro: RO, nb: NB };

/** "12–13 April 2016" style, in the event's time zone; one day when both ends fall on the same date. */
export function formatDays(labels: CertificateLabels, from: Date, to: Date, timeZone: string): string {
  const format = new Intl.DateTimeFormat(labels.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone });
  return format.formatRange(from, to);
}

export function formatDay(labels: CertificateLabels, day: Date, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat(labels.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(day);
}

/** YYYY-MM-DD of an instant in a time zone (OB 3.0 activity dates are plain dates). */
export function dayIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(instant);
}

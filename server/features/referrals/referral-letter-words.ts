// The printed referral letter's words, per language (the letter goes with the person to a service off the platform).
export type LetterLanguage = 'en' | 'ro' | 'nb';

export const LETTER_WORDS: Record<LetterLanguage, {
  locale: string;
  title: string;
  reference: string;
  date: string;
  from: string;
  to: string;
  urgency: Record<string, string>;
  person: string;
  code: string;
  ageBand: string;
  sex: string;
  sexes: Record<string, string>;
  languages: string;
  needs: string;
  safeContact: string;
  note: string;
  identity: string;
  consent: string;
  consentLine: (given: string, until: string, language: string, interpreter: boolean) => string;
  closing: string;
}> = {
  en: {
    locale: 'en-GB',
    title: 'Referral letter',
    reference: 'Reference',
    date: 'Date',
    from: 'From',
    to: 'To',
    urgency: { routine: 'Routine', urgent: 'Urgent' },
    person: 'About the person',
    code: 'Code',
    ageBand: 'Age',
    sex: 'Sex',
    sexes: { female: 'female', male: 'male', other: 'other', unknown: 'not known' },
    languages: 'Languages',
    needs: 'Needs',
    safeContact: 'How to make contact safely',
    note: 'Note',
    identity: 'Identity (covered by the consent)',
    consent: 'Consent',
    consentLine: (given, until, language, interpreter) => `Given on ${given}, valid until ${until}; explained in ${language}${interpreter ? ', with an interpreter' : ''}.`,
    closing: 'Please tell us whether you can help, using the reference above.',
  },
  ro: {
    locale: 'ro-RO',
    title: 'Scrisoare de trimitere',
    reference: 'Referință',
    date: 'Data',
    from: 'De la',
    to: 'Către',
    urgency: { routine: 'Obișnuită', urgent: 'Urgentă' },
    person: 'Despre persoană',
    code: 'Cod',
    ageBand: 'Vârsta',
    sex: 'Sexul',
    sexes: { female: 'feminin', male: 'masculin', other: 'altul', unknown: 'necunoscut' },
    languages: 'Limbi',
    needs: 'Nevoi',
    safeContact: 'Cum se poate lua legătura în siguranță',
    note: 'Notă',
    identity: 'Identitate (acoperită de consimțământ)',
    consent: 'Consimțământ',
    consentLine: (given, until, language, interpreter) => `Dat la ${given}, valabil până la ${until}; explicat în ${language}${interpreter ? ', cu interpret' : ''}.`,
    closing: 'Vă rugăm să ne spuneți dacă puteți ajuta, menționând referința de mai sus.',
  },
  nb: {
    locale: 'nb-NO',
    title: 'Henvisningsbrev',
    reference: 'Referanse',
    date: 'Dato',
    from: 'Fra',
    to: 'Til',
    urgency: { routine: 'Vanlig', urgent: 'Haster' },
    person: 'Om personen',
    code: 'Kode',
    ageBand: 'Alder',
    sex: 'Kjønn',
    sexes: { female: 'kvinne', male: 'mann', other: 'annet', unknown: 'ukjent' },
    languages: 'Språk',
    needs: 'Behov',
    safeContact: 'Slik tar dere kontakt på en trygg måte',
    note: 'Merknad',
    identity: 'Identitet (omfattet av samtykket)',
    consent: 'Samtykke',
    consentLine: (given, until, language, interpreter) => `Gitt ${given}, gyldig til ${until}; forklart på ${language}${interpreter ? ', med tolk' : ''}.`,
    closing: 'Gi oss beskjed om dere kan hjelpe, og oppgi referansen over.',
  },
};

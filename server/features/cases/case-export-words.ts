// The access-request export's headings and labels, per language (the PDF goes to the person, in their language).
import type { CaseCategory } from '#shared/cases/case-vocabulary.ts';

export type ExportLanguage = 'en' | 'ro' | 'nb';

export interface ExportWords {
  locale: string;
  title: string;
  intro: string;
  exportedAt: string;
  included: string;
  omitted: string;
  omittedNote: string;
  none: string;
  categories: Record<CaseCategory, string>;
  sections: { general: string; identity: string; consents: string; assistance: string; comments: string; plans: string; risk: string; tasks: string; attachments: string; referrals: string };
  reviews: string;
  /** Field names as the person reads them; a field without a name here is shown by its code. */
  fields: Record<string, string>;
  yes: string;
  no: string;
}

export const EXPORT_WORDS: Record<ExportLanguage, ExportWords> = {
  en: {
    locale: 'en-GB',
    title: 'Everything we hold about you',
    intro: 'This is a copy of the information recorded in your case file, prepared because you asked for it.',
    exportedAt: 'Prepared on',
    included: 'Parts included',
    omitted: 'Parts not included',
    omittedNote: 'The person who prepared this copy is not allowed to read these parts. Ask the organisation for them.',
    none: 'Nothing recorded.',
    categories: { general: 'General', identity: 'Identity', health: 'Health', psychological: 'Psychological support', legal: 'Legal support', social: 'Social support' },
    sections: { general: 'Case', identity: 'Identity', consents: 'Consents', assistance: 'Assistance', comments: 'Comments', plans: 'Support plans', risk: 'Risk assessments', tasks: 'Follow-up tasks', attachments: 'Attached documents', referrals: 'Referrals' },
    reviews: 'Reviews',
    fields: { code: "Case code", status: "Status", closureReason: "Reason for closing", closedAt: "Closed", openedAt: "Opened", traffickingStatus: "Trafficking status", statusDecidedBy: "Decided by", ageBand: "Age when assisted", gender: "Gender", citizenship: "Citizenship", languages: "Languages", victimContext: "Circumstances", childProtection: "Child protection", safeContact: "How to contact you safely", owner: "Case owner", legalHold: "Legal hold", anonymisedAt: "Anonymised", givenName: "Given name", familyName: "Family name", birthDate: "Date of birth", contacts: "Contacts", addresses: "Addresses", documents: "Documents", guardian: "Guardian or legal representative", scopes: "Covers", decision: "Decision", guidance: "What you were told", language: "Language", withInterpreter: "With an interpreter", recordedAt: "Recorded", expiresAt: "Valid until", withdrawnAt: "Withdrawn", note: "Note", receiverOrganisation: "Shared with", type: "Type", category: "Part of the case", state: "State", providerOrganisation: "Provided by", providerRole: "Role", deliveryMode: "How", interpreterUsed: "Interpreter", interpreterLanguage: "Interpreter language", serviceCategory: "Service", outcome: "Outcome", occurredOn: "Date", followUpDue: "Follow-up due", body: "Text", author: "Written by", createdAt: "Recorded", objectives: "Objectives", actionPlan: "Action plan", goals: "Goals", plannedEnd: "Planned end", actualEnd: "Ended", approvedAt: "Approved", progress: "Progress", reviewedOn: "Reviewed", individual: "Personal risk", household: "Household risk", community: "Community risk", assessedOn: "Assessed", kind: "Task", dueOn: "Due", doneAt: "Done", mediaType: "File type", byteSize: "Size (bytes)", fileName: "File name", reference: "Reference", sentAt: "Sent", senderOrganisation: "From", text: "Text", done: "Done" },
    yes: 'Yes',
    no: 'No',
  },
  ro: {
    locale: 'ro-RO',
    title: 'Tot ce deținem despre dumneavoastră',
    intro: 'Aceasta este o copie a informațiilor înregistrate în dosarul dumneavoastră, pregătită la cererea dumneavoastră.',
    exportedAt: 'Pregătit la',
    included: 'Părți incluse',
    omitted: 'Părți neincluse',
    omittedNote: 'Persoana care a pregătit această copie nu are dreptul să citească aceste părți. Cereți-le organizației.',
    none: 'Nu s-a înregistrat nimic.',
    categories: { general: 'General', identity: 'Identitate', health: 'Sănătate', psychological: 'Sprijin psihologic', legal: 'Asistență juridică', social: 'Asistență socială' },
    sections: { general: 'Dosar', identity: 'Identitate', consents: 'Consimțăminte', assistance: 'Asistență', comments: 'Comentarii', plans: 'Planuri de sprijin', risk: 'Evaluări ale riscului', tasks: 'Sarcini de urmărire', attachments: 'Documente atașate', referrals: 'Trimiteri' },
    reviews: 'Revizuiri',
    fields: { code: "Codul cazului", status: "Stare", closureReason: "Motivul închiderii", closedAt: "Închis la", openedAt: "Deschis la", traffickingStatus: "Statutul privind traficul", statusDecidedBy: "Stabilit de", ageBand: "Vârsta la asistare", gender: "Gen", citizenship: "Cetățenie", languages: "Limbi", victimContext: "Împrejurări", childProtection: "Protecția copilului", safeContact: "Cum puteți fi contactat în siguranță", owner: "Responsabilul cazului", legalHold: "Păstrare legală", anonymisedAt: "Anonimizat la", givenName: "Prenume", familyName: "Nume de familie", birthDate: "Data nașterii", contacts: "Contacte", addresses: "Adrese", documents: "Documente", guardian: "Tutore sau reprezentant legal", scopes: "Acoperă", decision: "Decizie", guidance: "Ce vi s-a explicat", language: "Limba", withInterpreter: "Cu interpret", recordedAt: "Înregistrat la", expiresAt: "Valabil până la", withdrawnAt: "Retras la", note: "Notă", receiverOrganisation: "Împărtășit cu", type: "Tip", category: "Partea cazului", state: "Stare", providerOrganisation: "Oferit de", providerRole: "Rol", deliveryMode: "Mod", interpreterUsed: "Interpret", interpreterLanguage: "Limba interpretului", serviceCategory: "Serviciu", outcome: "Rezultat", occurredOn: "Data", followUpDue: "Urmărire până la", body: "Text", author: "Scris de", createdAt: "Înregistrat la", objectives: "Obiective", actionPlan: "Plan de acțiune", goals: "Scopuri", plannedEnd: "Sfârșit planificat", actualEnd: "Încheiat la", approvedAt: "Aprobat la", progress: "Progres", reviewedOn: "Revizuit la", individual: "Risc personal", household: "Risc în gospodărie", community: "Risc în comunitate", assessedOn: "Evaluat la", kind: "Sarcină", dueOn: "Termen", doneAt: "Făcut la", mediaType: "Tipul fișierului", byteSize: "Mărime (octeți)", fileName: "Numele fișierului", reference: "Referință", sentAt: "Trimis la", senderOrganisation: "De la", text: "Text", done: "Făcut" },
    yes: 'Da',
    no: 'Nu',
  },
  nb: {
    locale: 'nb-NO',
    title: 'Alt vi har registrert om deg',
    intro: 'Dette er en kopi av opplysningene i saksmappen din, laget fordi du ba om den.',
    exportedAt: 'Laget',
    included: 'Deler som er med',
    omitted: 'Deler som ikke er med',
    omittedNote: 'Den som laget denne kopien, har ikke lov til å lese disse delene. Be organisasjonen om dem.',
    none: 'Ingenting registrert.',
    categories: { general: 'Generelt', identity: 'Identitet', health: 'Helse', psychological: 'Psykologisk støtte', legal: 'Juridisk bistand', social: 'Sosial støtte' },
    sections: { general: 'Sak', identity: 'Identitet', consents: 'Samtykker', assistance: 'Bistand', comments: 'Kommentarer', plans: 'Støtteplaner', risk: 'Risikovurderinger', tasks: 'Oppfølgingsoppgaver', attachments: 'Vedlagte dokumenter', referrals: 'Henvisninger' },
    reviews: 'Gjennomganger',
    fields: { code: "Saksnummer", status: "Status", closureReason: "Grunn til avslutning", closedAt: "Avsluttet", openedAt: "Opprettet", traffickingStatus: "Status som offer for menneskehandel", statusDecidedBy: "Avgjort av", ageBand: "Alder da bistanden ble gitt", gender: "Kjønn", citizenship: "Statsborgerskap", languages: "Språk", victimContext: "Omstendigheter", childProtection: "Barnevern", safeContact: "Slik kan du kontaktes trygt", owner: "Saksansvarlig", legalHold: "Rettslig bevaring", anonymisedAt: "Anonymisert", givenName: "Fornavn", familyName: "Etternavn", birthDate: "Fødselsdato", contacts: "Kontaktopplysninger", addresses: "Adresser", documents: "Dokumenter", guardian: "Verge eller rettslig representant", scopes: "Gjelder", decision: "Avgjørelse", guidance: "Hva du fikk vite", language: "Språk", withInterpreter: "Med tolk", recordedAt: "Registrert", expiresAt: "Gyldig til", withdrawnAt: "Trukket tilbake", note: "Notat", receiverOrganisation: "Delt med", type: "Type", category: "Del av saken", state: "Status", providerOrganisation: "Gitt av", providerRole: "Rolle", deliveryMode: "Form", interpreterUsed: "Tolk", interpreterLanguage: "Tolkens språk", serviceCategory: "Tjeneste", outcome: "Resultat", occurredOn: "Dato", followUpDue: "Oppfølging innen", body: "Tekst", author: "Skrevet av", createdAt: "Registrert", objectives: "Mål", actionPlan: "Tiltaksplan", goals: "Delmål", plannedEnd: "Planlagt slutt", actualEnd: "Avsluttet", approvedAt: "Godkjent", progress: "Fremgang", reviewedOn: "Gjennomgått", individual: "Personlig risiko", household: "Risiko i husstanden", community: "Risiko i lokalmiljøet", assessedOn: "Vurdert", kind: "Oppgave", dueOn: "Frist", doneAt: "Utført", mediaType: "Filtype", byteSize: "Størrelse (byte)", fileName: "Filnavn", reference: "Referanse", sentAt: "Sendt", senderOrganisation: "Fra", text: "Tekst", done: "Utført" },
    yes: 'Ja',
    no: 'Nei',
  },
};

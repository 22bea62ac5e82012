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
  },
};

// The help-contact form's values (strings, as typed) and their conversion to the API's shape, checked with the shared
// schema so the form reports the same field errors the server would.
import { HelpContactCreateSchema, type HelpContactCreate, type HelpDeskContact } from '#shared/help/help-contact.schema.ts';

export const FORM_LANGUAGES = ['en', 'ro', 'nb'] as const;

export interface ContactForm {
  key: string;
  country: string;
  kind: string;
  position: string;
  names: Record<string, string>;
  purposes: Record<string, string>;
  number: string;
  hours: string;
  languages: string;
  sourceUrl: string;
  verifiedOn: string;
  chapters: string;
  status: string;
}

export function emptyForm(today: string): ContactForm {
  const blank = { en: '', ro: '', nb: '' };
  return { key: '', country: 'RO', kind: 'helpline', position: '10', names: { ...blank }, purposes: { ...blank }, number: '', hours: '', languages: '', sourceUrl: '', verifiedOn: today, chapters: '', status: 'published' };
}

export function formOf(c: HelpDeskContact): ContactForm {
  return { ...c, position: String(c.position), names: { ...c.names }, purposes: { ...c.purposes }, languages: c.languages.join(', '), chapters: c.chapters.join(', ') };
}

const list = (value: string) => value.split(',').map((s) => s.trim()).filter(Boolean);

/** The field a server or schema error path belongs to ("names.ro" stays as it is: each language is its own input). */
export function fieldOf(path: readonly PropertyKey[]): string {
  const [head, next] = path;
  if (head === 'languages' || head === 'chapters') return String(head);
  return next !== undefined && (head === 'names' || head === 'purposes') ? `${String(head)}.${String(next)}` : String(head);
}

/** The request body, or the fields that are wrong. */
export function toApi(form: ContactForm): { body: HelpContactCreate } | { errors: Set<string> } {
  const candidate = { ...form, position: Number(form.position), languages: list(form.languages), chapters: list(form.chapters) };
  const parsed = HelpContactCreateSchema.safeParse(candidate);
  if (parsed.success) return { body: parsed.data };
  return { errors: new Set(parsed.error.issues.map((i) => fieldOf(i.path))) };
}

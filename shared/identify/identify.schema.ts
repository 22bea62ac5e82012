// The identification aid's printable cards: public, per language.
//   GET /api/identify/pocket-card.pdf?lang=     → A6 PDF: the aid's steps in brief and the Help now numbers
//   GET /api/identify/patient-card.pdf?lang=    → A6 PDF: neutral "health and support contacts" card for the patient
import { z } from 'zod';
import { LibraryLanguageSchema } from '../library/library.schema.ts';

export const CardQuerySchema = z.object({ lang: LibraryLanguageSchema.default('en') }).strict();
export type CardQuery = z.infer<typeof CardQuerySchema>;

// Help now: the contracts of the registry of emergency numbers and helplines (public list, editors' desk).
//   GET  /api/help/contacts?lang=&country=&chapter=         → HelpContactList          public (published only)
//   GET  /api/help/desk/contacts                            → HelpDeskList             editor | reviewer of the owner
//   POST /api/help/desk/contacts           HelpContactCreate → HelpDeskContact (201)
//   PUT  /api/help/desk/contacts/:id       HelpContactUpdate → HelpDeskContact          409 + current on a stale version
//   POST /api/help/desk/contacts/:id/verify   HelpVersion   → HelpDeskContact          verified today
//   POST /api/help/desk/contacts/:id/withdraw HelpVersion   → HelpDeskContact          no longer public
import { z } from 'zod';
import { Day, Version, int4, line } from '../lib/input.ts';
import { LibraryLanguageSchema } from '../library/library.schema.ts';

export const HELP_COUNTRIES = ['RO', 'NO'] as const;
export const HelpCountrySchema = z.enum(HELP_COUNTRIES);
export type HelpCountry = z.infer<typeof HelpCountrySchema>;

export const HELP_KINDS = ['emergency', 'helpline'] as const;
export const HelpKindSchema = z.enum(HELP_KINDS);

export const HELP_STATUSES = ['published', 'withdrawn'] as const;
export const HelpStatusSchema = z.enum(HELP_STATUSES);

export const HELP_NAME_MAX = 160;
export const HELP_PURPOSE_MAX = 600;
export const HELP_NUMBER_MAX = 20;
export const HELP_HOURS_MAX = 80;
export const HELP_URL_MAX = 500;

/** Re-verification is due once the last check is this many months old. */
export const HELP_REVERIFY_MONTHS = 12;

/** What a phone number may hold: digits, spaces and one leading +, at least two digits. */
export const PHONE_PATTERN = /^\+?[0-9][0-9 ]*[0-9]$/;

const SLUG = /^[a-z0-9][a-z0-9-]*$/;

const perLanguage = (max: number) => {
  const one = () => line(max).min(1, 'Write this in every language');
  return z.object({ en: one(), ro: one(), nb: one() });
};

export const HelpKeySchema = line(60).regex(SLUG, 'Use lower-case letters, digits and dashes').min(2);
export const PhoneNumberSchema = line(HELP_NUMBER_MAX).regex(PHONE_PATTERN, 'Use digits and spaces, with an optional + in front');
// NOTE: the source is cited on the public page and in PDFs: only https addresses, so no javascript: or data: link.
export const SourceUrlSchema = line(HELP_URL_MAX).refine((s) => /^https:\/\/[^\s/?#]+\.[^\s/?#]+/i.test(s) && URL.canParse(s), 'Use an https:// address');

const fields = {
  country: HelpCountrySchema,
  kind: HelpKindSchema,
  position: int4(0, 999),
  names: perLanguage(HELP_NAME_MAX),
  purposes: perLanguage(HELP_PURPOSE_MAX),
  number: PhoneNumberSchema,
  hours: line(HELP_HOURS_MAX).min(1, 'Say when it answers'),
  languages: z.array(line(3).regex(/^[a-z]{2,3}$/, 'Use language codes such as ro, en, nb')).max(12),
  sourceUrl: SourceUrlSchema,
  verifiedOn: Day,
  chapters: z.array(line(80).regex(SLUG, 'Not a chapter id')).max(30),
};

export const HelpContactCreateSchema = z.object({ key: HelpKeySchema, ...fields });
export type HelpContactCreate = z.infer<typeof HelpContactCreateSchema>;

export const HelpContactUpdateSchema = z.object({ ...fields, status: HelpStatusSchema, version: Version });
export type HelpContactUpdate = z.infer<typeof HelpContactUpdateSchema>;

export const HelpVersionSchema = z.object({ version: Version });
export const HelpContactParamsSchema = z.object({ id: z.uuid() });

export const HelpContactQuerySchema = z.object({
  lang: LibraryLanguageSchema.default('en'),
  country: HelpCountrySchema.optional(),
  chapter: line(80).regex(SLUG, 'Not a chapter id').optional(),
});

/** What readers and editors alike see of a contact, whatever the language. */
const ContactFactsSchema = z.object({
  key: z.string(),
  country: HelpCountrySchema,
  kind: HelpKindSchema,
  number: z.string(),
  hours: z.string(),
  languages: z.array(z.string()),
  sourceUrl: z.string(),
  verifiedOn: z.string(),
  chapters: z.array(z.string()),
});

/** One published contact, in the reader's language. */
export const HelpContactSchema = ContactFactsSchema.extend({ name: z.string(), purpose: z.string() });
export type HelpContact = z.infer<typeof HelpContactSchema>;

export const HelpContactListSchema = z.object({ language: LibraryLanguageSchema, contacts: z.array(HelpContactSchema) });
export type HelpContactList = z.infer<typeof HelpContactListSchema>;

/** One contact as editors see it: every language, its state and whether it is due to be checked again. */
export const HelpDeskContactSchema = ContactFactsSchema.extend({
  id: z.uuid(),
  position: z.number(),
  names: z.record(z.string(), z.string()),
  purposes: z.record(z.string(), z.string()),
  status: HelpStatusSchema,
  due: z.boolean(),
  version: z.number(),
});
export type HelpDeskContact = z.infer<typeof HelpDeskContactSchema>;

export const HelpDeskListSchema = z.object({ contacts: z.array(HelpDeskContactSchema), dueCount: z.number() });
export type HelpDeskList = z.infer<typeof HelpDeskListSchema>;


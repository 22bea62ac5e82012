// The platform's languages, as plain constants: the reader route imports them at start, and a schema module would
// bring zod with it (docs/decisions/010). The zod enums are built from these in me.schema.ts and library.schema.ts.

/** Interface languages, in the order the language switch lists them. */
export const LANGUAGES = ['ro', 'en', 'nb'] as const;

/** Each interface language's name in that language, as a language picker shows it. */
export const LANGUAGE_NAMES: Record<(typeof LANGUAGES)[number], string> = { ro: 'Română', en: 'English', nb: 'Norsk bokmål' };

/** Languages the library is written in, in the order its language lists show them. */
export const LIBRARY_LANGUAGES = ['en', 'ro', 'nb'] as const;

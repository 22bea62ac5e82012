// Every en catalogue in one chunk, loaded only when en is the language in use (see web/lib/i18n.ts).
export default import.meta.glob<{ default: Record<string, unknown> }>('./en/*.json', { eager: true });

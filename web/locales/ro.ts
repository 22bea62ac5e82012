// Every ro catalogue in one chunk, loaded only when ro is the language in use (see web/lib/i18n.ts).
export default import.meta.glob<{ default: Record<string, unknown> }>('./ro/*.json', { eager: true });

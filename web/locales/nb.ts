// Every nb catalogue in one chunk, loaded only when nb is the language in use (see web/lib/i18n.ts).
export default import.meta.glob<{ default: Record<string, unknown> }>('./nb/*.json', { eager: true });

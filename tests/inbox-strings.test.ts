// The inbox lines read right for every count: Romanian has three forms (1, 2–19 and 101–119, 20+ with "de").
import { readFileSync } from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { describe, expect, test } from 'vitest';
import { INBOX_KINDS } from '#shared/inbox/inbox.schema.ts';

const LANGUAGES = ['en', 'ro', 'nb'] as const;
const common = (lang: string) => JSON.parse(readFileSync(path.resolve(`web/locales/${lang}/common.json`), 'utf8')) as Record<string, unknown>;

async function translator(lang: (typeof LANGUAGES)[number]) {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: lang, resources: { [lang]: { common: common(lang) } }, defaultNS: 'common', fallbackLng: false, interpolation: { escapeValue: false } });
  return (kind: string, count: number) => i18n.t(`home.inbox.${kind}`, { count });
}

describe('inbox lines', () => {
  test('Romanian: one, a few (2–19, 101–119), twenty and more with "de"', async () => {
    const t = await translator('ro');
    expect(t('texts_to_review', 1)).toBe('1 text așteaptă verificarea dumneavoastră');
    expect(t('texts_to_review', 2)).toBe('2 texte așteaptă verificarea dumneavoastră');
    expect(t('texts_to_review', 19)).toBe('19 texte așteaptă verificarea dumneavoastră');
    expect(t('texts_to_review', 20)).toBe('20 de texte așteaptă verificarea dumneavoastră');
    expect(t('texts_to_review', 101)).toBe('101 texte așteaptă verificarea dumneavoastră');
    expect(t('invitations_pending', 3)).toBe('3 invitații încă neacceptate');
    expect(t('invitations_pending', 45)).toBe('45 de invitații încă neacceptate');
  });

  test('English and Bokmål: one and other', async () => {
    const en = await translator('en');
    expect(en('reports_to_answer', 1)).toBe('1 reader report to answer');
    expect(en('reports_to_answer', 2)).toBe('2 reader reports to answer');
    const nb = await translator('nb');
    expect(nb('invitations_pending', 1)).toBe('1 invitasjon er ikke godtatt ennå');
    expect(nb('invitations_pending', 3)).toBe('3 invitasjoner er ikke godtatt ennå');
  });

  test.each(LANGUAGES)('every kind has a line for every plural form (%s)', async (lang) => {
    const t = await translator(lang);
    for (const kind of INBOX_KINDS) {
      for (const count of [1, 2, 20]) expect(t(kind, count), `${kind} ${count}`).toMatch(new RegExp(`^${count} \\S`));
    }
  });
});

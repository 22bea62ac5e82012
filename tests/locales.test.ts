// Every string in ro, en and nb: each namespace has the same keys in the three languages, no empty text, and the
// same {{placeholders}} in each translation (a missing one would show a raw key or lose a number).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const DIR = path.resolve('web/locales');
const LANGUAGES = ['en', 'ro', 'nb'] as const;

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(name, value);
    else for (const [k, v] of flatten(value, name)) out.set(k, v);
  }
  return out;
}

function strings(lang: string, namespace: string): Map<string, string> {
  return flatten(JSON.parse(readFileSync(path.join(DIR, lang, `${namespace}.json`), 'utf8')) as Tree);
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]).sort();
/** i18next plural forms: a key ending in _one/_few/_other exists in the languages that need it, not in all three. */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

const namespaces = readdirSync(path.join(DIR, 'en')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length));

describe.each(namespaces)('strings of %s', (namespace) => {
  test('exist in every language', () => {
    for (const lang of LANGUAGES) expect(readdirSync(path.join(DIR, lang))).toContain(`${namespace}.json`);
  });

  test('have the same keys, none empty, with the same placeholders', () => {
    const english = strings('en', namespace);
    const englishKeys = [...new Set([...english.keys()].map(base))].sort();
    for (const lang of LANGUAGES) {
      const texts = strings(lang, namespace);
      expect([...new Set([...texts.keys()].map(base))].sort(), `${lang}/${namespace}.json keys`).toEqual(englishKeys);
      for (const [key, text] of texts) {
        expect(text.trim(), `${lang}/${namespace}.json ${key}`).not.toBe('');
        const source = english.get(key) ?? english.get(`${base(key)}_other`) ?? english.get(base(key)) ?? '';
        expect(placeholders(text), `${lang}/${namespace}.json ${key}`).toEqual(placeholders(source));
      }
    }
  });
});

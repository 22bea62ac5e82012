// The shell (web/components) renders on every page before a page's own strings load: its labels come from `common`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { NAV } from '#web/components/nav-items.ts';

const LOCALES = path.resolve('web/locales');
/** The namespaces web/lib/i18n.ts loads with the first language, before any page loader. */
const ALWAYS_LOADED = ['common', 'library'];

function lookup(lang: string, namespace: string, key: string): unknown {
  let value: unknown = JSON.parse(readFileSync(path.join(LOCALES, lang, `${namespace}.json`), 'utf8'));
  for (const part of key.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
  return value;
}

describe('the shell', () => {
  test.each(['en', 'ro', 'nb'])('finds every navigation label in common (%s)', (lang) => {
    const missing = NAV.filter((item) => typeof lookup(lang, 'common', item.label) !== 'string').map((item) => item.label);
    expect(missing).toEqual([]);
  });

  test('web/components uses no namespace that loads only with a page', () => {
    const dir = path.resolve('web/components');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'));
    const used = files.flatMap((file) => {
      const source = readFileSync(path.join(dir, file), 'utf8');
      const namespaces = [...source.matchAll(/useTranslation\(\s*'([\w-]+)'/g), ...source.matchAll(/'([\w-]+):[\w.]+'/g)].map((m) => m[1]!);
      return namespaces.filter((ns) => !ALWAYS_LOADED.includes(ns)).map((ns) => `${file}: ${ns}`);
    });
    expect(used).toEqual([]);
  });
});

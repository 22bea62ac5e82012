// The cross-language fact check: in each section, the legal references (678/2001, art. 210, § 196), phone numbers
// and other figures must appear in all three languages, so a correction made in one language cannot be forgotten in
// another. A deliberate difference is listed, with its reason, in content/fact-differences.json.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseChapterFile } from '#server/features/library/content-files.ts';

const CONTENT = path.resolve('content');
const LANGUAGES = ['en', 'ro', 'nb'] as const;

interface Difference {
  /** publication/chapter#section */
  section: string;
  /** The fact as extracted, e.g. "art 210", "§ 196", "678/2001", "112". */
  fact: string;
  reason: string;
}

const DIFFERENCES: Difference[] = JSON.parse(readFileSync(path.join(CONTENT, 'fact-differences.json'), 'utf8')).differences;

/**
 * The facts of a text: acts ("678/2001"), articles ("art 210", also "articolul", "artikkel"), paragraphs ("§ 196"), and
 * every other number of two or more digits (years, hours, phone numbers; spaces inside a phone number are dropped).
 */
export function factsOf(text: string): Set<string> {
  const facts = new Set<string>();
  let rest = text.replace(/\(https?:\/\/[^)]*\)|https?:\/\/\S+/g, ' ');
  const take = (re: RegExp, name: (m: RegExpExecArray) => string) => {
    rest = rest.replace(re, (...args) => {
      facts.add(name(args.slice(0, -2) as unknown as RegExpExecArray));
      return ' ';
    });
  };
  take(/\b(\d{1,4})\/(\d{4})\b/g, (m) => `${m[1]}/${m[2]}`);
  take(/\b(?:art\.|arts\.|article|articles|articolul|articolele|artikkel|artikler)\s*(\d+[¹²³]?)/gi, (m) => `art ${m[1]}`);
  take(/§+\s*(\d+[a-z]?)/g, (m) => `§ ${m[1]}`);
  // NOTE: digits in groups are one figure: a phone number (0800 800 678), or thousands written by each language's
  // convention (47,000 en, 47.000 ro, 47 000 nb).
  take(/\b\d{2,}(?:[ \u00a0]\d{2,})+\b/g, (m) => m[0].replace(/[ \u00a0]/g, ''));
  take(/\b\d{1,3}(?:[,.]\d{3})+\b/g, (m) => m[0].replace(/[,.]/g, ''));
  take(/\b\d{2,}\b/g, (m) => m[0]);
  return facts;
}

interface SectionText {
  key: string;
  byLanguage: Partial<Record<(typeof LANGUAGES)[number], Set<string>>>;
}

function sections(): SectionText[] {
  const found = new Map<string, SectionText>();
  for (const publication of readdirSync(CONTENT).filter((d) => LANGUAGES.every((l) => safeList(path.join(CONTENT, d, l)).length > 0))) {
    for (const language of LANGUAGES) {
      for (const file of safeList(path.join(CONTENT, publication, language)).filter((f) => f.endsWith('.md'))) {
        const chapter = file.replace(/^\d+-/, '').replace(/\.md$/, '');
        const parsed = parseChapterFile(readFileSync(path.join(CONTENT, publication, language, file), 'utf8'), file);
        for (const section of parsed.sections) {
          const key = `${publication}/${chapter}#${section.slug}`;
          const entry = found.get(key) ?? { key, byLanguage: {} };
          entry.byLanguage[language] = factsOf(`${section.title}\n${section.bodyMd}`);
          found.set(key, entry);
        }
      }
    }
  }
  return [...found.values()];
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** "fact: present in en, ro; missing in nb" for every fact not in all three languages of a section. */
function mismatches(): Difference[] {
  return sections().flatMap((s) => {
    const all = new Set(LANGUAGES.flatMap((l) => [...(s.byLanguage[l] ?? [])]));
    return [...all]
      .filter((fact) => LANGUAGES.some((l) => !s.byLanguage[l]?.has(fact)))
      .map((fact) => ({
        section: s.key,
        fact,
        reason: `in ${LANGUAGES.filter((l) => s.byLanguage[l]?.has(fact)).join(', ')}; missing in ${LANGUAGES.filter((l) => !s.byLanguage[l]?.has(fact)).join(', ')}`,
      }));
  });
}

describe('the same facts in every language', () => {
  test('extraction finds acts, articles, paragraphs and numbers', () => {
    expect([...factsOf('Legea nr. 678/2001, art. 210 alin. (3) și articolul 211; straffeloven § 196; sunați la 0800 800 678, 112 sau în 72 de ore.')].sort()).toEqual(
      ['0800800678', '112', '678/2001', '72', 'art 210', 'art 211', '§ 196'].sort(),
    );
    expect([...factsOf('47,000 · 47.000 · 47 000')]).toEqual(['47000']);
  });

  test('every legal reference and figure appears in all three languages, or its difference is listed with a reason', () => {
    const listed = new Set(DIFFERENCES.map((d) => `${d.section} ${d.fact}`));
    const unlisted = mismatches().filter((m) => !listed.has(`${m.section} ${m.fact}`));
    expect(unlisted.map((m) => `${m.section}: ${m.fact} (${m.reason})`)).toEqual([]);
  });

  test('every listed difference still exists and says why', () => {
    const current = new Set(mismatches().map((m) => `${m.section} ${m.fact}`));
    for (const d of DIFFERENCES) {
      expect(current.has(`${d.section} ${d.fact}`), `${d.section} ${d.fact} is no longer different: remove it from the list`).toBe(true);
      expect(d.reason.trim().length, `${d.section} ${d.fact} needs a reason`).toBeGreaterThan(10);
    }
  });
});

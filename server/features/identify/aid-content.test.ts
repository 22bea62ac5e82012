// The identification aid's content in en, ro and nb: the same steps, blocks, items, conditions and library links in
// every language; every link names an existing chapter and section and carries that section's title in the language;
// the patient card's words never name trafficking or exploitation.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { AID_FLAGS, AID_STEPS, revealingWordIn, type AidContent } from '#shared/identify/aid-content.ts';
import { aidContent } from './aid-content.ts';

const LANGS = ['en', 'ro', 'nb'] as const;
const content = Object.fromEntries(LANGS.map((l) => [l, aidContent(l)])) as Record<(typeof LANGS)[number], AidContent>;
const CONTENT = new URL('../../../content/', import.meta.url);

/** Everything but the words: what must be identical across languages. */
function skeleton(c: AidContent) {
  return c.steps.map((s) => ({
    id: s.id,
    brief: s.brief.length,
    links: s.links.map(({ publication, chapter, section }) => ({ publication, chapter, section })),
    blocks: s.blocks.map((b) => ({ id: b.id, type: b.type, when: b.when ?? [], hint: b.hint !== undefined, items: b.items.map((i) => [i.id, i.when ?? []]) })),
  }));
}

interface Outline {
  publications: { slug: string; chapters: { id: string; order: number; sections: { id: string }[] }[] }[];
}
const outline = JSON.parse(readFileSync(new URL('outline.json', CONTENT), 'utf8')) as Outline;

/** The `## Title {#id}` headings of a chapter file in one language. */
function sectionTitles(publication: string, chapter: string, lang: string): Map<string, string> {
  const folder = new URL(`${publication}/${lang}/`, CONTENT);
  const file = readdirSync(folder).find((f) => f.replace(/^\d+-/, '').replace(/\.md$/, '') === chapter);
  if (!file) return new Map();
  const text = readFileSync(new URL(file, folder), 'utf8');
  return new Map([...text.matchAll(/^## (.+?) \{#([a-z0-9-]+)\}$/gm)].map((m) => [m[2]!, m[1]!]));
}

describe('identification aid content', () => {
  test('has the steps in order, and every language the same steps, blocks, items, conditions and links', () => {
    expect(content.en.steps.map((s) => s.id)).toEqual([...AID_STEPS]);
    for (const lang of LANGS) expect(content[lang].language).toBe(lang);
    expect(skeleton(content.ro)).toEqual(skeleton(content.en));
    expect(skeleton(content.nb)).toEqual(skeleton(content.en));
    expect(Object.keys(content.ro.patientCard)).toEqual(Object.keys(content.en.patientCard));
    expect(Object.keys(content.nb.patientCard)).toEqual(Object.keys(content.en.patientCard));
    expect(content.ro.patientCard.lines.length).toBe(content.en.patientCard.lines.length);
    expect(content.nb.patientCard.lines.length).toBe(content.en.patientCard.lines.length);
  });

  test('ids are unique where they must be, conditions are known flags, and questions have answers', () => {
    for (const step of content.en.steps) {
      const blockIds = step.blocks.map((b) => b.id);
      expect(new Set(blockIds).size, step.id).toBe(blockIds.length);
      for (const block of step.blocks) {
        const itemIds = block.items.map((i) => i.id);
        expect(new Set(itemIds).size, `${step.id}.${block.id}`).toBe(itemIds.length);
        expect(itemIds.length).toBeGreaterThan(0);
        for (const flag of [...(block.when ?? []), ...block.items.flatMap((i) => i.when ?? [])]) expect(AID_FLAGS).toContain(flag);
        if (block.type === 'question') expect(itemIds.length).toBeGreaterThanOrEqual(2);
      }
      expect(step.links.length, `${step.id} links to the library`).toBeGreaterThan(0);
    }
  });

  test('every library link names an existing chapter and section, labelled with its title in that language', () => {
    for (const lang of LANGS) {
      for (const step of content[lang].steps) {
        for (const link of step.links) {
          const chapter = outline.publications.find((p) => p.slug === link.publication)?.chapters.find((c) => c.id === link.chapter);
          expect(chapter, `${lang} ${link.publication}/${link.chapter}`).toBeDefined();
          expect(chapter!.sections.map((s) => s.id), `${lang} ${link.chapter}#${link.section}`).toContain(link.section);
          expect(link.label, `${lang} ${link.chapter}#${link.section}`).toBe(sectionTitles(link.publication, link.chapter, lang).get(link.section));
        }
      }
    }
  });

  test('no text is empty; Romanian uses ș and ț with the comma below', () => {
    for (const lang of LANGS) {
      const texts = JSON.stringify(content[lang]);
      expect(texts).not.toMatch(/"text":\s*""/);
      expect(texts).not.toMatch(/"title":\s*""/);
    }
    expect(JSON.stringify(content.ro)).not.toMatch(/[şţŞŢ]/);
  });

  test('the patient card says nothing about trafficking or exploitation, in any language', () => {
    for (const lang of LANGS) {
      const card = content[lang].patientCard;
      const words = [card.title, ...card.lines, card.appointment, card.date, card.time, card.emergency, card.helpline, ...Object.values(card.countries)];
      for (const word of words) expect(revealingWordIn(word), `${lang}: ${word}`).toBeUndefined();
    }
  });
});

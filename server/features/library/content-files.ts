// The chapter file format of content/ (see content/README.md): YAML front matter, then `## Title {#section-id}`
// sections. Parsing and formatting are exact inverses for well-formed files, so export after import is byte-stable.
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { z } from 'zod';
import { LIBRARY_LANGUAGES } from '#shared/lib/languages.ts';
import { AudienceSchema, type LibraryLanguage } from '#shared/library/library.schema.ts';

export interface ChapterFile {
  title: string;
  summary: string;
  audience: 'public' | 'professionals';
  /** Why the chapter is for professionals only (what in it would help an exploiter); required for those chapters. */
  audienceReason?: string;
  sections: { slug: string; title: string; bodyMd: string }[];
}

const FrontMatterSchema = z.object({
  title: z.string().trim().min(1),
  summary: z.string().trim().default(''),
  audience: AudienceSchema.default('public'),
  audienceReason: z.string().trim().min(1).optional(),
});

export const OutlineSchema = z.object({
  publications: z.array(
    z.object({
      slug: z.string(),
      title: z.partialRecord(z.enum(LIBRARY_LANGUAGES), z.string()),
      sourceLanguage: z.enum(LIBRARY_LANGUAGES).optional(),
      chapters: z.array(
        z.object({
          id: z.string(),
          order: z.number().int(),
          title: z.string(),
          audience: AudienceSchema.optional(),
          sections: z.array(z.object({ id: z.string(), title: z.string() })),
        }),
      ),
    }),
  ),
});
export type Outline = z.infer<typeof OutlineSchema>;

const HEADING = /^## (.+?) \{#([a-z0-9][a-z0-9-]*)\}[ \t]*$/;
const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;

/** Parses one chapter file; `where` names the file in error messages. */
export function parseChapterFile(text: string, where: string): ChapterFile {
  const normalised = text.replace(/\r\n/g, '\n');
  const match = FRONT_MATTER.exec(normalised);
  if (!match) throw new Error(`${where}: missing front matter`);
  const front = FrontMatterSchema.safeParse(parseYaml(match[1]!));
  if (!front.success) throw new Error(`${where}: front matter: ${front.error.issues.map((i) => i.path.join('.') + ' ' + i.message).join('; ')}`);
  // NOTE: a chapter is closed to the public only for a stated reason (issue 8): what in it would help an exploiter.
  if (front.data.audience === 'professionals' && !front.data.audienceReason) throw new Error(`${where}: a professionals-only chapter needs audienceReason: why it is not public`);
  const { audienceReason, ...rest } = front.data;
  return { ...rest, ...(audienceReason ? { audienceReason } : {}), sections: splitSections(normalised.slice(match[0].length), where) };
}

function splitSections(body: string, where: string): ChapterFile['sections'] {
  const sections: ChapterFile['sections'] = [];
  let current: { slug: string; title: string; lines: string[] } | null = null;
  let fenced = false;
  for (const line of body.split('\n')) {
    if (/^(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : HEADING.exec(line);
    if (heading) {
      if (current) sections.push(finish(current));
      current = { title: heading[1]!.trim(), slug: heading[2]!, lines: [] };
    } else if (!fenced && line.startsWith('## ')) {
      throw new Error(`${where}: the heading "${line}" has no {#section-id}`);
    } else if (current) {
      current.lines.push(line);
    } else if (line.trim()) {
      throw new Error(`${where}: text before the first section heading`);
    }
  }
  if (current) sections.push(finish(current));
  const slugs = sections.map((s) => s.slug);
  const duplicate = slugs.find((s, i) => slugs.indexOf(s) !== i);
  if (duplicate) throw new Error(`${where}: section id "${duplicate}" appears twice`);
  return sections;
}

function finish(s: { slug: string; title: string; lines: string[] }) {
  return { slug: s.slug, title: s.title, bodyMd: s.lines.join('\n').replace(/^\n+/, '').replace(/\s+$/, '') };
}

/** The exact inverse of parseChapterFile for files written in the repository's style. */
export function formatChapterFile(file: ChapterFile): string {
  const front = [yamlLine('title', file.title), yamlLine('summary', file.summary), yamlLine('audience', file.audience), file.audienceReason ? yamlLine('audienceReason', file.audienceReason) : ''].join('');
  const sections = file.sections.map((s) => `## ${s.title} {#${s.slug}}\n\n${s.bodyMd ? `${s.bodyMd}\n` : ''}`);
  return `---\n${front}---\n\n${sections.join('\n')}`;
}

/** `key: value` as a plain scalar when YAML reads it back unchanged, else quoted the way the yaml package does. */
function yamlLine(key: string, value: string): string {
  const plain = `${key}: ${value}\n`;
  try {
    if (!value.includes('\n') && (parseYaml(plain) as Record<string, unknown>)[key] === value) return plain;
  } catch {
    // NOTE: not valid as a plain scalar (e.g. starts with "@" or contains ": "): quote it below.
  }
  return stringifyYaml({ [key]: value }, { lineWidth: 0 });
}

/** content/<publication>/<lang>/NN-<chapter>.md */
export function chapterFilePath(publication: string, language: LibraryLanguage, position: number, chapter: string): string {
  return `${publication}/${language}/${String(position).padStart(2, '0')}-${chapter}.md`;
}

/** outline.json as the repository keeps it: two-space JSON, with a final newline only if the file had one. */
export function formatOutline(outline: unknown, finalNewline: boolean): string {
  return `${JSON.stringify(outline, null, 2)}${finalNewline ? '\n' : ''}`;
}

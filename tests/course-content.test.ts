// The courses in content/courses: each course.json holds the structure (modules, quizzes, questions, correct answers)
// and each <lang>.json its words. These checks keep the two in step, so that a question can never be asked without its
// text, an answer can never be marked correct that is not on offer, and no language can fall behind the others.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';

const COURSES = path.resolve('content/courses');
const OUTLINE = path.resolve('content/outline.json');
const LANGUAGES = ['en', 'ro', 'nb'] as const;
type Language = (typeof LANGUAGES)[number];

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/);
const text = z.string().refine((s) => s.trim().length > 0, 'empty text');

const question = z.discriminatedUnion('kind', [
  z.strictObject({ id, kind: z.literal('single'), options: z.array(id).min(2), correct: z.array(id).length(1), points: z.number().int().positive() }),
  z.strictObject({ id, kind: z.literal('multiple'), options: z.array(id).min(3), correct: z.array(id).min(2), points: z.number().int().positive() }),
  z.strictObject({ id, kind: z.literal('true_false'), correct: z.boolean(), points: z.number().int().positive() }),
  z.strictObject({
    id,
    kind: z.literal('matching'),
    left: z.array(id).min(2),
    right: z.array(id).min(2),
    pairs: z.record(id, id),
    points: z.number().int().positive(),
  }),
]);
type Question = z.infer<typeof question>;

const courseModule = z.discriminatedUnion('kind', [
  z.strictObject({ id, kind: z.literal('quiz'), role: z.enum(['pre_test', 'post_test']) }),
  z.strictObject({ id, kind: z.literal('lesson') }),
  z.strictObject({ id, kind: z.literal('chapter'), chapter: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/) }),
]);

const quiz = z.strictObject({ questions: z.array(id).min(1), shuffle: z.boolean() });

const courseSchema = z.strictObject({
  slug: id,
  sourceLanguage: z.enum(LANGUAGES),
  passMark: z.number().int().min(1).max(100),
  maxAttempts: z.number().int().positive(),
  grading: z.enum(['highest', 'last']),
  certificate: z.boolean(),
  modules: z.array(courseModule).min(3),
  quizzes: z.strictObject({ pre: quiz, post: quiz }),
  questions: z.array(question).min(1),
});

const wordsSchema = z.strictObject({
  title: text,
  summary: text,
  lessons: z.record(id, z.strictObject({ title: text, body: text })),
  modules: z.record(id, z.strictObject({ title: text })),
  quizzes: z.strictObject({ pre: z.strictObject({ title: text, intro: text }), post: z.strictObject({ title: text, intro: text }) }),
  questions: z.record(
    id,
    z.strictObject({
      prompt: text,
      explanation: text,
      options: z.record(id, text).optional(),
      left: z.record(id, text).optional(),
      right: z.record(id, text).optional(),
    }),
  ),
});
type Words = z.infer<typeof wordsSchema>;

interface Outline {
  publications: { slug: string; chapters: { id: string; sections: { id: string }[] }[] }[];
}
const outline: Outline = JSON.parse(readFileSync(OUTLINE, 'utf8'));
/** "manual/children" → its section ids; a chapter missing from the outline is simply absent. */
const CHAPTERS = new Map<string, Set<string>>(
  outline.publications.flatMap((p) => p.chapters.map((c): [string, Set<string>] => [`${p.slug}/${c.id}`, new Set(c.sections.map((s) => s.id))])),
);

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/** A course file checked against its format; the error names the file, so a broken language is found at once. */
function load<T>(schema: z.ZodType<T>, file: string): T {
  const parsed = schema.safeParse(readJson(file));
  if (!parsed.success) throw new Error(`${path.relative(COURSES, file)} does not match the course format:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
const sorted = (values: Iterable<string>) => [...values].sort();

/** The words of a Markdown text, link targets left out. */
export function wordCount(markdown: string): number {
  return markdown
    .replace(/\]\([^)]*\)/g, ']')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** The figures a text states: acts (678/2001), articles, paragraphs (§ 196) and every number of two or more digits. */
export function figuresOf(text: string): string[] {
  let rest = text.replace(/\]\([^)]*\)/g, ']');
  const found = new Set<string>();
  const take = (re: RegExp, name: (m: string[]) => string) => {
    rest = rest.replace(re, (...m: string[]) => {
      found.add(name(m));
      return ' ';
    });
  };
  take(/\b(\d{1,4})\/(\d{4})\b/g, (m) => `${m[1]}/${m[2]}`);
  take(/\b(?:art\.|arts\.|articolul)\s*(\d+)/gi, (m) => `art ${m[1]}`);
  take(/§\s*(\d+)/g, (m) => `§ ${m[1]}`);
  take(/\b\d{2,}\b/g, (m) => m[0]!);
  return sorted(found);
}

/** Every string inside a JSON value, with where it is. */
function strings(value: unknown, at = ''): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, `${at}.${k}`));
  return [];
}

/** All the words of one question in one language, for comparing figures across languages. */
function questionText(words: Words, questionId: string): string {
  return strings(words.questions[questionId]).map(([, s]) => s).join('\n');
}

const slugs = readdirSync(COURSES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

test('there is at least one course', () => {
  expect(slugs).toContain('identification-first-response');
});

describe.each(slugs)('course %s', (slug) => {
  const dir = path.join(COURSES, slug);
  const course = load(courseSchema, path.join(dir, 'course.json'));
  const byId = new Map(course.questions.map((q) => [q.id, q]));
  const lessonIds = course.modules.filter((m) => m.kind === 'lesson').map((m) => m.id);
  const titledIds = course.modules.filter((m) => m.kind !== 'lesson').map((m) => m.id);
  const words = Object.fromEntries(LANGUAGES.map((l) => [l, load(wordsSchema, path.join(dir, `${l}.json`))])) as Record<Language, Words>;

  test('the folder is named after the slug and holds the structure and all three languages', () => {
    expect(course.slug).toBe(slug);
    for (const l of LANGUAGES) expect(existsSync(path.join(dir, `${l}.json`)), `${l}.json`).toBe(true);
  });

  test('modules have unique ids and run from the pre-test to the post-test', () => {
    const ids = course.modules.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(course.modules[0]).toEqual({ id: 'pre', kind: 'quiz', role: 'pre_test' });
    expect(course.modules.at(-1)).toEqual({ id: 'post', kind: 'quiz', role: 'post_test' });
    expect(course.modules.filter((m) => m.kind === 'quiz').map((m) => m.id)).toEqual(['pre', 'post']);
  });

  test('every chapter module names a chapter of the library outline', () => {
    for (const m of course.modules) if (m.kind === 'chapter') expect(CHAPTERS.has(m.chapter), `${m.id}: ${m.chapter}`).toBe(true);
  });

  test('every question in a quiz exists, and the post-test asks the same questions as the pre-test, shuffled', () => {
    for (const [name, q] of Object.entries(course.quizzes)) {
      for (const qid of q.questions) expect(byId.has(qid), `${name}: ${qid}`).toBe(true);
      expect(new Set(q.questions).size, `${name} repeats a question`).toBe(q.questions.length);
    }
    expect(sorted(course.quizzes.post.questions)).toEqual(sorted(course.quizzes.pre.questions));
    expect(course.quizzes.pre.shuffle).toBe(false);
    expect(course.quizzes.post.shuffle).toBe(true);
    expect(sorted(course.quizzes.pre.questions)).toEqual(sorted(byId.keys()));
  });

  test('every correct answer is one of the options, and every matching pairs each left item with a different right item', () => {
    expect(byId.size).toBe(course.questions.length);
    for (const q of course.questions) checkAnswerKey(q);
  });

  test('each language has exactly the lessons, module titles, quizzes and questions of the structure', () => {
    for (const l of LANGUAGES) {
      const w = words[l];
      expect(sorted(Object.keys(w.lessons)), `${l} lessons`).toEqual(sorted(lessonIds));
      expect(sorted(Object.keys(w.modules)), `${l} modules`).toEqual(sorted(titledIds));
      expect(sorted(Object.keys(w.questions)), `${l} questions`).toEqual(sorted(byId.keys()));
      for (const q of course.questions) checkQuestionWords(q, w.questions[q.id]!, `${l} ${q.id}`);
    }
  });

  test('no text is empty or padded, and Romanian uses the comma-below ș and ț', () => {
    for (const l of LANGUAGES) {
      for (const [at, s] of strings(words[l])) {
        expect(s.trim(), `${l}${at}`).not.toBe('');
        expect(s.trimStart(), `${l}${at} starts with blank space`).toBe(s);
      }
    }
    for (const [at, s] of strings(words.ro)) expect(/[şţŞŢ]/.test(s), `ro${at} has a cedilla ş/ţ`).toBe(false);
  });

  test('every explanation points to a chapter', () => {
    const chapterWord: Record<Language, RegExp> = { en: /chapter \d+/i, ro: /capitolul \d+/i, nb: /kapittel \d+/i };
    for (const l of LANGUAGES) {
      for (const [qid, q] of Object.entries(words[l].questions)) expect(chapterWord[l].test(q.explanation), `${l} ${qid}`).toBe(true);
    }
  });

  test('every link in a lesson leads to a chapter and section of the library', () => {
    for (const l of LANGUAGES) {
      for (const [lid, lesson] of Object.entries(words[l].lessons)) {
        const links = [...lesson.body.matchAll(/\]\((\/[^)]*)\)/g)].map((m) => m[1]!);
        expect(links.length, `${l} ${lid} links to the library`).toBeGreaterThan(0);
        for (const link of links) {
          const [, chapter, section] = /^\/library\/([a-z0-9-]+\/[a-z0-9-]+)(?:#([a-z0-9-]+))?$/.exec(link) ?? [];
          expect(chapter && CHAPTERS.has(chapter), `${l} ${lid}: ${link}`).toBe(true);
          if (section) expect(CHAPTERS.get(chapter!)?.has(section), `${l} ${lid}: ${link}`).toBe(true);
        }
      }
    }
  });

  test('lessons are short: 250 to 450 words in each language', () => {
    for (const l of LANGUAGES) {
      for (const [lid, lesson] of Object.entries(words[l].lessons)) {
        const n = wordCount(lesson.body);
        expect(n, `${l} ${lid} has ${n} words`).toBeGreaterThanOrEqual(250);
        expect(n, `${l} ${lid} has ${n} words`).toBeLessThanOrEqual(450);
      }
    }
  });

  test('the three languages state the same figures and legal references in every lesson and question', () => {
    const pieces: [string, (w: Words) => string][] = [
      ...lessonIds.map((lid): [string, (w: Words) => string] => [`lesson ${lid}`, (w) => w.lessons[lid]!.body]),
      ...course.questions.map((q): [string, (w: Words) => string] => [`question ${q.id}`, (w) => questionText(w, q.id)]),
      ['quiz intros', (w) => `${w.quizzes.pre.intro}\n${w.quizzes.post.intro}`],
    ];
    for (const [name, textOf] of pieces) {
      const en = figuresOf(textOf(words.en));
      for (const l of ['ro', 'nb'] as const) expect(figuresOf(textOf(words[l])), `${name}, ${l} against en`).toEqual(en);
    }
  });
});

describe('the first course, identification and first response', () => {
  const dir = path.join(COURSES, 'identification-first-response');
  const course = load(courseSchema, path.join(dir, 'course.json'));

  test('has the settings the project agreed on', () => {
    expect(course).toMatchObject({ sourceLanguage: 'en', passMark: 70, maxAttempts: 3, grading: 'highest', certificate: true });
  });

  test('asks 12 to 15 questions, at least two of each kind', () => {
    expect(course.quizzes.pre.questions.length).toBeGreaterThanOrEqual(12);
    expect(course.quizzes.pre.questions.length).toBeLessThanOrEqual(15);
    for (const kind of ['single', 'multiple', 'true_false', 'matching'] as const) {
      expect(course.questions.filter((q) => q.kind === kind).length, kind).toBeGreaterThanOrEqual(2);
    }
  });

  test('has 4 to 6 lessons, interleaved with chapters of the manual', () => {
    const kinds = course.modules.map((m) => m.kind);
    const lessons = kinds.filter((k) => k === 'lesson').length;
    expect(lessons).toBeGreaterThanOrEqual(4);
    expect(lessons).toBeLessThanOrEqual(6);
    // NOTE: interleaved means no two lessons in a row: each is followed by the reading it introduces.
    expect(kinds.some((k, i) => k === 'lesson' && kinds[i + 1] === 'lesson')).toBe(false);
    expect(kinds.filter((k) => k === 'chapter').length).toBeGreaterThanOrEqual(lessons);
  });

  test('does not spread the correct single-choice answers on one letter', () => {
    const letters = course.questions.flatMap((q) => (q.kind === 'single' ? q.correct : []));
    expect(new Set(letters).size).toBeGreaterThan(2);
  });
});

function checkAnswerKey(q: Question): void {
  const where = `question ${q.id}`;
  if (q.kind === 'single' || q.kind === 'multiple') {
    expect(new Set(q.options).size, `${where}: repeated option`).toBe(q.options.length);
    expect(new Set(q.correct).size, `${where}: repeated answer`).toBe(q.correct.length);
    for (const c of q.correct) expect(q.options, where).toContain(c);
    expect(q.correct.length, `${where}: some option must be wrong`).toBeLessThan(q.options.length);
  }
  if (q.kind === 'matching') {
    expect(new Set(q.left).size, `${where}: repeated left item`).toBe(q.left.length);
    expect(new Set(q.right).size, `${where}: repeated right item`).toBe(q.right.length);
    expect(sorted(Object.keys(q.pairs)), `${where}: every left item is paired`).toEqual(sorted(q.left));
    for (const r of Object.values(q.pairs)) expect(q.right, where).toContain(r);
    expect(new Set(Object.values(q.pairs)).size, `${where}: two left items share a right item`).toBe(q.left.length);
  }
}

function checkQuestionWords(q: Question, w: Words['questions'][string], where: string): void {
  if (q.kind === 'single' || q.kind === 'multiple') {
    expect(sorted(Object.keys(w.options ?? {})), `${where} options`).toEqual(sorted(q.options));
    expect(w.left ?? w.right, `${where} has matching texts`).toBeUndefined();
  } else if (q.kind === 'matching') {
    expect(sorted(Object.keys(w.left ?? {})), `${where} left`).toEqual(sorted(q.left));
    expect(sorted(Object.keys(w.right ?? {})), `${where} right`).toEqual(sorted(q.right));
    expect(w.options, `${where} has options`).toBeUndefined();
  } else {
    expect(w.options ?? w.left ?? w.right, `${where} is true/false and has no options`).toBeUndefined();
  }
}

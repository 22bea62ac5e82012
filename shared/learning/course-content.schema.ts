// The course files under content/courses/<slug>/: course.json (structure, questions, correct answers) and one
// <lang>.json per language (every text). The importer checks the shapes here and the cross-references itself.
import { z } from 'zod';
import { line, text } from '#shared/lib/input.ts';

export const COURSE_LANGUAGES = ['en', 'ro', 'nb'] as const;
export type CourseLanguage = (typeof COURSE_LANGUAGES)[number];
export const QUESTION_KINDS = ['single', 'multiple', 'true_false', 'matching'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const QUIZ_ROLES = ['pre_test', 'post_test', 'practice'] as const;
export const GRADINGS = ['highest', 'last'] as const;
export type Grading = (typeof GRADINGS)[number];

/** Keys of modules, quizzes, questions and options: short, lower case, usable in a URL. */
export const ContentKey = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'Use lower-case letters, digits, - and _');
const KEYS_MAX = 50;

const ModuleSchema = z.discriminatedUnion('kind', [
  z.object({ id: ContentKey, kind: z.literal('lesson') }),
  z.object({ id: ContentKey, kind: z.literal('chapter'), chapter: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'Write "<publication>/<chapter>"') }),
  z.object({ id: ContentKey, kind: z.literal('quiz'), role: z.enum(QUIZ_ROLES) }),
]);

const points = z.int().min(1).max(100).default(1);
const QuestionSchema = z.discriminatedUnion('kind', [
  z.object({ id: ContentKey, kind: z.literal('single'), options: z.array(ContentKey).min(2).max(10), correct: z.array(ContentKey).length(1), points }),
  z.object({ id: ContentKey, kind: z.literal('multiple'), options: z.array(ContentKey).min(2).max(10), correct: z.array(ContentKey).min(1).max(10), points }),
  z.object({ id: ContentKey, kind: z.literal('true_false'), correct: z.boolean(), points }),
  z.object({
    id: ContentKey,
    kind: z.literal('matching'),
    left: z.array(ContentKey).min(2).max(10),
    right: z.array(ContentKey).min(2).max(10),
    pairs: z.record(ContentKey, ContentKey),
    points,
  }),
]);
export type QuestionContent = z.infer<typeof QuestionSchema>;

export const CourseFileSchema = z.object({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,79}$/, 'Use lower-case letters, digits and -'),
  sourceLanguage: z.enum(COURSE_LANGUAGES),
  passMark: z.int().min(0).max(100),
  maxAttempts: z.int().min(1).max(100).nullable(),
  grading: z.enum(GRADINGS),
  certificate: z.boolean().default(true),
  modules: z.array(ModuleSchema).min(1).max(KEYS_MAX),
  quizzes: z.record(ContentKey, z.object({ questions: z.array(ContentKey).min(1).max(KEYS_MAX), shuffle: z.boolean().default(false) })),
  questions: z.array(QuestionSchema).min(1).max(200),
});
export type CourseFile = z.infer<typeof CourseFileSchema>;

const title = line(200).min(1);
export const CourseLanguageFileSchema = z.object({
  title,
  summary: text(2000).default(''),
  lessons: z.record(ContentKey, z.object({ title, body: text(60_000) })).default({}),
  modules: z.record(ContentKey, z.object({ title })).default({}),
  quizzes: z.record(ContentKey, z.object({ title, intro: text(2000).optional() })).default({}),
  questions: z.record(
    ContentKey,
    z.object({
      prompt: text(2000).min(1),
      options: z.record(ContentKey, line(500).min(1)).optional(),
      left: z.record(ContentKey, line(500).min(1)).optional(),
      right: z.record(ContentKey, line(500).min(1)).optional(),
      explanation: text(4000).optional(),
    }),
  ),
});
export type CourseLanguageFile = z.infer<typeof CourseLanguageFileSchema>;

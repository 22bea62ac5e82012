// The e-learning API's contracts: learners' course list, course page, quiz attempts and their feedback; the
// organisers' course list, settings and knowledge-change report.
import { z } from 'zod';
import { DateTime } from '#shared/lib/datetime.ts';
import { int4, Version } from '#shared/lib/input.ts';
import { COURSE_LANGUAGES, ContentKey, GRADINGS, QUESTION_KINDS, QUIZ_ROLES } from './course-content.schema.ts';

export const ANSWER_ITEMS_MAX = 10;

/** The roles that manage their organisation's courses (the same as organise events). */
export const COURSE_MANAGER_ROLES = ['trainer', 'coordinator', 'org_admin'] as const;

// ---- inputs
export const LanguageQuerySchema = z.object({ lang: z.enum(COURSE_LANGUAGES).default('en') });
export const CourseSlugParamsSchema = z.object({ slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,79}$/, 'Not a course') });
export const ModuleParamsSchema = CourseSlugParamsSchema.extend({ moduleKey: ContentKey });
export const QuizParamsSchema = z.object({ quizId: z.uuid() });
export const AttemptParamsSchema = z.object({ attemptId: z.uuid() });
export const AnswerParamsSchema = AttemptParamsSchema.extend({ questionId: ContentKey });
export const CourseIdParamsSchema = z.object({ id: z.uuid() });

/** One answer: an option key (single), option keys (multiple), true/false, or { left item: right item } (matching). */
export const AnswerSchema = z.union([
  z.boolean(),
  ContentKey,
  z.array(ContentKey).max(ANSWER_ITEMS_MAX),
  z.record(ContentKey, ContentKey).refine((r) => Object.keys(r).length <= ANSWER_ITEMS_MAX, 'Too many pairs'),
]);
export type Answer = z.infer<typeof AnswerSchema>;
export const AnswerBodySchema = z.object({ answer: AnswerSchema });

export const CourseSettingsSchema = z.object({
  passMark: int4(0, 100),
  maxAttempts: int4(1, 100).nullable(),
  grading: z.enum(GRADINGS),
  version: Version,
});
export type CourseSettings = z.infer<typeof CourseSettingsSchema>;
export const CourseStatusBodySchema = z.object({ status: z.enum(['draft', 'published']), version: Version });

// ---- learner responses
const Progress = z.object({ started: z.boolean(), done: z.number(), total: z.number(), completed: z.boolean(), passed: z.boolean() });

export const CourseSummarySchema = z.object({ id: z.uuid(), slug: z.string(), title: z.string(), summary: z.string(), language: z.string(), progress: Progress });
export type CourseSummary = z.infer<typeof CourseSummarySchema>;
export const CourseListSchema = z.object({ courses: z.array(CourseSummarySchema) });
export type CourseList = z.infer<typeof CourseListSchema>;

export const QuizStateSchema = z.object({
  id: z.uuid(),
  role: z.enum(QUIZ_ROLES),
  intro: z.string().nullable(),
  attemptsUsed: z.number(),
  attemptsLeft: z.number().nullable(),
  openAttemptId: z.uuid().nullable(),
  lastAttemptId: z.uuid().nullable(),
  grade: z.number().nullable(),
});
export type QuizState = z.infer<typeof QuizStateSchema>;

export const ModuleSchema = z.object({
  key: z.string(),
  kind: z.enum(['lesson', 'chapter', 'quiz']),
  title: z.string(),
  done: z.boolean(),
  chapterPath: z.string().nullable(),
  lessonHtml: z.string().nullable(),
  quiz: QuizStateSchema.nullable(),
});
export type CourseModuleView = z.infer<typeof ModuleSchema>;

export const KnowledgeSchema = z.object({ pre: z.number().nullable(), post: z.number().nullable(), rawGain: z.number().nullable(), normalisedGain: z.number().nullable() });
export type Knowledge = z.infer<typeof KnowledgeSchema>;

export const CourseViewSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  language: z.string(),
  passMark: z.number(),
  maxAttempts: z.number().nullable(),
  grading: z.enum(GRADINGS),
  certificateEnabled: z.boolean(),
  enrolled: z.boolean(),
  /** The learner's enrolment, for asking for the course certificate once passed; null before the first step. */
  enrolmentId: z.uuid().nullable(),
  completedAt: DateTime.nullable(),
  passedAt: DateTime.nullable(),
  modules: z.array(ModuleSchema),
  knowledge: KnowledgeSchema,
});
export type CourseView = z.infer<typeof CourseViewSchema>;

const Choice = z.object({ key: z.string(), label: z.string() });
export const QuestionViewSchema = z.object({
  key: z.string(),
  kind: z.enum(QUESTION_KINDS),
  prompt: z.string(),
  points: z.number(),
  options: z.array(Choice),
  left: z.array(Choice),
  right: z.array(Choice),
});
export type QuestionView = z.infer<typeof QuestionViewSchema>;

export const FeedbackSchema = z.object({ key: z.string(), earned: z.number(), correct: z.boolean(), correctAnswer: AnswerSchema, explanation: z.string().nullable() });
export type Feedback = z.infer<typeof FeedbackSchema>;

export const AttemptViewSchema = z.object({
  id: z.uuid(),
  quizId: z.uuid(),
  role: z.enum(QUIZ_ROLES),
  courseSlug: z.string(),
  courseTitle: z.string(),
  title: z.string(),
  intro: z.string().nullable(),
  number: z.number(),
  status: z.enum(['in_progress', 'submitted']),
  questions: z.array(QuestionViewSchema),
  answers: z.record(z.string(), AnswerSchema),
  result: z.object({ score: z.number(), maxScore: z.number(), percent: z.number(), feedback: z.array(FeedbackSchema) }).nullable(),
});
export type AttemptView = z.infer<typeof AttemptViewSchema>;
export const SavedSchema = z.object({ saved: z.literal(true) });

export const ContinueSchema = z.object({ course: z.object({ slug: z.string(), title: z.string(), done: z.number(), total: z.number() }).nullable() });
export type Continue = z.infer<typeof ContinueSchema>;

// ---- organiser responses
export const ManagedCourseSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  status: z.enum(['draft', 'published']),
  passMark: z.number(),
  maxAttempts: z.number().nullable(),
  grading: z.enum(GRADINGS),
  version: z.number(),
  learners: z.number(),
  passed: z.number(),
});
export type ManagedCourse = z.infer<typeof ManagedCourseSchema>;
export const ManagedCourseListSchema = z.object({ courses: z.array(ManagedCourseSchema) });

export const LearnerRowSchema = z.object({
  enrolmentId: z.uuid(),
  name: z.string(),
  startedAt: DateTime,
  done: z.number(),
  total: z.number(),
  completedAt: DateTime.nullable(),
  passedAt: DateTime.nullable(),
  pre: z.number().nullable(),
  post: z.number().nullable(),
  rawGain: z.number().nullable(),
  normalisedGain: z.number().nullable(),
});
export type LearnerRow = z.infer<typeof LearnerRowSchema>;
export const CourseReportSchema = z.object({
  course: ManagedCourseSchema,
  summary: z.object({ learners: z.number(), meanPre: z.number().nullable(), meanPost: z.number().nullable(), meanRawGain: z.number().nullable(), meanNormalisedGain: z.number().nullable() }),
  learners: z.array(LearnerRowSchema),
});
export type CourseReport = z.infer<typeof CourseReportSchema>;

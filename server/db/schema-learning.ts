// Row types of e-learning (issue 11, migration 2026-12-07T0050-create-courses). jsonb columns are written as
// JSON.stringify(...) strings and read back parsed, as elsewhere.
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Timestamp } from './schema.ts';

type JsonOf<T> = ColumnType<T, string, string>;
type JsonDefault<T> = ColumnType<T, string | undefined, string>;

export interface CourseTable {
  id: Generated<string>;
  slug: string;
  organisationId: string;
  status: Generated<string>;
  sourceLanguage: string;
  passMark: number;
  maxAttempts: number | null;
  grading: Generated<string>;
  certificateEnabled: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
  version: Generated<number>;
}

/** The texts of one language: lessons (title, body as Markdown and its HTML), module, quiz and question texts. */
export interface CourseTexts {
  lessons: Record<string, { title: string; body: string; html: string }>;
  modules: Record<string, { title: string }>;
  quizzes: Record<string, { title: string; intro?: string }>;
  questions: Record<string, { prompt: string; options?: Record<string, string>; left?: Record<string, string>; right?: Record<string, string>; explanation?: string }>;
}

export interface CourseTextTable {
  courseId: string;
  language: string;
  title: string;
  summary: Generated<string>;
  texts: JsonDefault<CourseTexts>;
  updatedAt: Timestamp;
}

export interface QuizTable {
  id: Generated<string>;
  courseId: string;
  key: string;
  role: string;
  shuffle: Generated<boolean>;
  questionKeys: JsonOf<string[]>;
}

export interface CourseModuleTable {
  courseId: string;
  key: string;
  position: number;
  kind: string;
  chapterRef: string | null;
  quizId: string | null;
}

export type QuestionOptions = string[] | { left: string[]; right: string[] };
export type CorrectAnswer = string[] | boolean | Record<string, string>;

export interface QuizQuestionTable {
  courseId: string;
  key: string;
  kind: string;
  options: JsonOf<QuestionOptions>;
  correct: JsonOf<CorrectAnswer>;
  points: Generated<number>;
}

export interface CourseEnrolmentTable {
  id: Generated<string>;
  courseId: string;
  accountId: string;
  startedAt: Timestamp;
  completedAt: Date | null;
  passedAt: Date | null;
  progress: JsonDefault<{ done: string[] }>;
  updatedAt: Timestamp;
  version: Generated<number>;
}

export interface QuizAttemptTable {
  id: Generated<string>;
  quizId: string;
  enrolmentId: string;
  number: number;
  status: Generated<string>;
  questionOrder: JsonOf<string[]>;
  answers: JsonDefault<Record<string, unknown>>;
  score: number | null;
  maxScore: number | null;
  percent: number | null;
  startedAt: Timestamp;
  submittedAt: Date | null;
}

export interface LearningEventTable {
  id: Generated<string>;
  accountId: string;
  verb: string;
  objectType: string;
  objectId: string;
  courseId: string;
  result: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  at: Timestamp;
}

export interface LearningTables {
  course: CourseTable;
  courseText: CourseTextTable;
  quiz: QuizTable;
  courseModule: CourseModuleTable;
  quizQuestion: QuizQuestionTable;
  courseEnrolment: CourseEnrolmentTable;
  quizAttempt: QuizAttemptTable;
  learningEvent: LearningEventTable;
}

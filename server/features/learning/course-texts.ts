// Picks a course's texts in the reader's language, falling back to the course's source language (then any).
import type { CourseTexts } from '#server/db/schema-learning.ts';
import type { TextRow } from './learning.queries.ts';

export interface PickedTexts {
  language: string;
  title: string;
  summary: string;
  texts: CourseTexts;
}

const EMPTY: CourseTexts = { lessons: {}, modules: {}, quizzes: {}, questions: {} };

export function pickTexts(rows: TextRow[], courseId: string, lang: string, sourceLanguage: string): PickedTexts {
  const own = rows.filter((r) => r.courseId === courseId);
  const row = own.find((r) => r.language === lang) ?? own.find((r) => r.language === sourceLanguage) ?? own[0];
  if (!row) return { language: lang, title: '', summary: '', texts: EMPTY };
  return { language: row.language, title: row.title, summary: row.summary, texts: { ...EMPTY, ...row.texts } };
}

/** The title shown for a module: lessons by their lesson title, chapters and quizzes by their module or quiz title. */
export function moduleTitle(texts: CourseTexts, key: string, kind: string): string {
  if (kind === 'lesson') return texts.lessons[key]?.title ?? key;
  return texts.modules[key]?.title ?? texts.quizzes[key]?.title ?? key;
}

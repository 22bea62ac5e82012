// The cross-references of a course's files that their schemas cannot see: every key named exists, every correct
// answer is one of the options, the path starts with the pre-test, and every language has every text. Pure: returns
// the problems as { path: message } (empty when the course can be imported).
import { COURSE_LANGUAGES, type CourseFile, type CourseLanguageFile, type QuestionContent } from '#shared/learning/course-content.schema.ts';

type Problems = Record<string, string>;

function duplicates(keys: string[]): string[] {
  return keys.filter((k, i) => keys.indexOf(k) !== i);
}

function checkQuestion(q: QuestionContent, at: string, problems: Problems): void {
  if (q.kind === 'single' || q.kind === 'multiple') {
    if (duplicates(q.options).length) problems[`${at}.options`] = 'An option is listed twice';
    const strangers = q.correct.filter((c) => !q.options.includes(c));
    if (strangers.length) problems[`${at}.correct`] = `Not an option of this question: ${strangers.join(', ')}`;
    if (duplicates(q.correct).length) problems[`${at}.correct`] = 'A correct answer is listed twice';
  }
  if (q.kind === 'matching') {
    if (duplicates(q.left).length || duplicates(q.right).length) problems[`${at}.left`] = 'An item is listed twice';
    const paired = Object.keys(q.pairs);
    if (q.left.some((l) => !paired.includes(l)) || paired.some((l) => !q.left.includes(l))) problems[`${at}.pairs`] = 'Pair every left item, and only those';
    else if (Object.values(q.pairs).some((r) => !q.right.includes(r))) problems[`${at}.pairs`] = 'A pair names a right item that is not listed';
  }
}

function checkStructure(course: CourseFile, chapters: ReadonlySet<string>, problems: Problems): void {
  const moduleIds = course.modules.map((m) => m.id);
  if (duplicates(moduleIds).length) problems['course.json.modules'] = `Module ids are used twice: ${duplicates(moduleIds).join(', ')}`;
  const quizModules = course.modules.filter((m) => m.kind === 'quiz');
  course.modules.forEach((m, i) => {
    if (m.kind === 'chapter' && !chapters.has(m.chapter)) problems[`course.json.modules.${i}.chapter`] = `The library has no chapter ${m.chapter}`;
    if (m.kind === 'quiz' && !course.quizzes[m.id]) problems[`course.json.modules.${i}.id`] = `No quiz "${m.id}" in quizzes`;
    if (m.kind === 'quiz' && m.role === 'pre_test' && i !== 0) problems[`course.json.modules.${i}.role`] = 'The pre-test comes first';
  });
  if (quizModules.filter((m) => m.role === 'post_test').length !== 1) problems['course.json.modules'] = 'A course has exactly one post-test';
  if (quizModules.filter((m) => m.role === 'pre_test').length > 1) problems['course.json.modules'] = 'A course has at most one pre-test';
  const questionIds = course.questions.map((q) => q.id);
  if (duplicates(questionIds).length) problems['course.json.questions'] = `Question ids are used twice: ${duplicates(questionIds).join(', ')}`;
  for (const [key, quiz] of Object.entries(course.quizzes)) {
    if (!moduleIds.includes(key)) problems[`course.json.quizzes.${key}`] = 'No module shows this quiz';
    const unknown = quiz.questions.filter((q) => !questionIds.includes(q));
    if (unknown.length) problems[`course.json.quizzes.${key}.questions`] = `Unknown questions: ${unknown.join(', ')}`;
    if (duplicates(quiz.questions).length) problems[`course.json.quizzes.${key}.questions`] = 'A question is listed twice';
  }
  course.questions.forEach((q) => checkQuestion(q, `course.json.questions.${q.id}`, problems));
}

function missingKeys(map: Record<string, string> | undefined, keys: string[]): string[] {
  return keys.filter((k) => !map?.[k]);
}

function checkLanguage(course: CourseFile, lang: string, file: CourseLanguageFile, problems: Problems): void {
  const at = `${lang}.json`;
  for (const m of course.modules) {
    if (m.kind === 'lesson' && !file.lessons[m.id]) problems[`${at}.lessons.${m.id}`] = 'Missing translation';
    if (m.kind === 'chapter' && !file.modules[m.id]) problems[`${at}.modules.${m.id}`] = 'Missing translation';
    if (m.kind === 'quiz' && !file.modules[m.id] && !file.quizzes[m.id]) problems[`${at}.quizzes.${m.id}`] = 'Missing translation';
  }
  for (const q of course.questions) {
    const texts = file.questions[q.id];
    if (!texts) {
      problems[`${at}.questions.${q.id}`] = 'Missing translation';
      continue;
    }
    const missing =
      q.kind === 'single' || q.kind === 'multiple'
        ? missingKeys(texts.options, q.options).map((k) => `options.${k}`)
        : q.kind === 'matching'
          ? [...missingKeys(texts.left, q.left).map((k) => `left.${k}`), ...missingKeys(texts.right, q.right).map((k) => `right.${k}`)]
          : [];
    for (const m of missing) problems[`${at}.questions.${q.id}.${m}`] = 'Missing translation';
  }
}

/** Every problem of a course's files; `languages` holds the parsed <lang>.json files found. */
export function checkCourse(course: CourseFile, languages: Partial<Record<string, CourseLanguageFile>>, chapters: ReadonlySet<string>): Problems {
  const problems: Problems = {};
  checkStructure(course, chapters, problems);
  for (const lang of COURSE_LANGUAGES) {
    const file = languages[lang];
    if (!file) problems[`${lang}.json`] = 'Missing translation';
    else checkLanguage(course, lang, file, problems);
  }
  return problems;
}

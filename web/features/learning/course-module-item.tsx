// One part of a course in its list: its done mark (a word and a sign, never colour alone), and what to do with it —
// read a lesson, open a library chapter, or start, continue or review a quiz.
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CourseModuleView, CourseView } from '#shared/learning/learning.schema.ts';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { useReaderLanguage } from '#web/features/library/reader-language.ts';
import { useMarkDone, useStartAttempt } from './learning.api.ts';

export function CourseModuleItem({ course, module, position }: { course: CourseView; module: CourseModuleView; position: number }) {
  const { t } = useTranslation('learning');
  const headingId = `module-${module.key}`;
  return (
    <li className={`card learn-module${module.done ? ' is-done' : ''}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span className="learn-step">{t('module.step', { n: position })}</span> {module.title}
      </h3>
      <p className="learn-mark">
        <span aria-hidden="true">{module.done ? '✓' : '○'}</span> {module.done ? t('module.done') : t('module.todo')}
        {' · '}
        {module.quiz ? t(`quizRole.${module.quiz.role}`) : t(`kind.${module.kind}`)}
      </p>
      {module.kind === 'lesson' && <LessonBody module={module} current={course.modules.find((m) => !m.done)?.key === module.key} />}
      {module.kind === 'chapter' && module.chapterPath && (
        <p>
          <Link to={`/library/${module.chapterPath}`}>{t('module.openChapter')}</Link>
        </p>
      )}
      {module.kind !== 'quiz' && !module.done && <MarkDone slug={course.slug} moduleKey={module.key} />}
      {module.quiz && <QuizActions course={course} module={module} />}
    </li>
  );
}

/** Closed unless it is the learner's next step, so the course page stays a short list. */
function LessonBody({ module, current }: { module: CourseModuleView; current: boolean }) {
  const { t } = useTranslation('learning');
  return (
    <details className="learn-lesson" open={current}>
      <summary>{t('module.readLesson')}</summary>
      {/* NOTE: HTML rendered and sanitised on the server at import, as the library's sections are. */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: module.lessonHtml ?? '' }} />
    </details>
  );
}

function MarkDone({ slug, moduleKey }: { slug: string; moduleKey: string }) {
  const { t } = useTranslation('learning');
  const lang = useReaderLanguage();
  const mark = useMarkDone(slug, lang);
  return (
    <>
      <BusyButton className="secondary" busy={mark.isPending} onClick={() => mark.mutate(moduleKey)}>
        {t('module.markDone')}
      </BusyButton>
      {mark.isError && (
        <p className="field-error" role="alert">
          {t('saveError')}
        </p>
      )}
    </>
  );
}

function QuizActions({ course, module }: { course: CourseView; module: CourseModuleView }) {
  const { t } = useTranslation('learning');
  const lang = useReaderLanguage();
  const navigate = useNavigate();
  const start = useStartAttempt(lang);
  const quiz = module.quiz!;
  const preDone = course.modules.find((m) => m.quiz?.role === 'pre_test')?.done ?? true;
  const waitsForPre = quiz.role === 'post_test' && !preDone;
  const closed = (quiz.role === 'post_test' && !!course.passedAt) || quiz.attemptsLeft === 0 || (quiz.role === 'pre_test' && module.done);
  const open = () => start.mutate(quiz.id, { onSuccess: (attempt) => void navigate(`/learn/${course.slug}/quiz/${quiz.id}?attempt=${attempt.id}`) });
  return (
    <div className="learn-quiz">
      {quiz.intro && <p>{quiz.intro}</p>}
      <p className="muted">
        {quiz.grade !== null && t('quiz.grade', { percent: quiz.grade })}
        {quiz.grade !== null && !closed && ' · '}
        {!closed && (quiz.attemptsLeft === null ? t('quiz.attemptsUsed', { count: quiz.attemptsUsed }) : t('quiz.attemptsLeft', { count: quiz.attemptsLeft }))}
      </p>
      {waitsForPre && <p>{t('quiz.preFirst')}</p>}
      <div className="actions-row">
        {quiz.openAttemptId ? (
          <Link className="button" to={`/learn/${course.slug}/quiz/${quiz.id}?attempt=${quiz.openAttemptId}`}>
            {t('quiz.continue')}
          </Link>
        ) : (
          !closed &&
          !waitsForPre && (
            <BusyButton busy={start.isPending} onClick={open}>
              {quiz.attemptsUsed === 0 ? t('quiz.start') : t('quiz.again')}
            </BusyButton>
          )
        )}
        {quiz.lastAttemptId && (
          <Link className="button secondary" to={`/learn/${course.slug}/quiz/${quiz.id}?attempt=${quiz.lastAttemptId}`}>
            {t('quiz.review')}
          </Link>
        )}
      </div>
      {start.isError && (
        <p className="field-error" role="alert">
          {start.error.message}
        </p>
      )}
    </div>
  );
}

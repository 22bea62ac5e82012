// /learn/:slug/quiz/:quizId?attempt=<id> — a quiz, all questions on one page (it reads top to bottom on a phone):
// each answer is saved as it is given, so a learner can leave and come back; submitting grades it on the server and
// shows the feedback. Without an attempt in the address it offers to start one.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Answer, AttemptView } from '#shared/learning/learning.schema.ts';
import { Page } from '#web/components/page.tsx';
import { Banner } from '#web/components/ui/banner.tsx';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { useReaderLanguage } from '#web/features/library/reader-language.ts';
import { useAttempt, useSaveAnswer, useStartAttempt, useSubmitAttempt } from './learning.api.ts';
import { QuizQuestion } from './quiz-question.tsx';
import { QuizResult } from './quiz-result.tsx';

export function QuizPage() {
  const { t } = useTranslation('learning');
  const { slug = '', quizId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const lang = useReaderLanguage();
  const attemptId = params.get('attempt');
  const attempt = useAttempt(attemptId, lang);
  const start = useStartAttempt(lang);
  if (!attemptId) {
    return (
      <Page title={t('quiz.title')}>
        <BusyButton busy={start.isPending} onClick={() => start.mutate(quizId, { onSuccess: (a) => setParams({ attempt: a.id }) })}>
          {t('quiz.start')}
        </BusyButton>
        {start.isError && <Banner tone="error">{start.error.message}</Banner>}
        <BackToCourse slug={slug} />
      </Page>
    );
  }
  if (attempt.isPending) return <Loading />;
  if (attempt.isError || !attempt.data) {
    return (
      <Page title={t('quiz.title')}>
        <Banner tone="error">{t('loadError')}</Banner>
        <BackToCourse slug={slug} />
      </Page>
    );
  }
  return <AttemptScreen key={attempt.data.id} attempt={attempt.data} />;
}

function BackToCourse({ slug }: { slug: string }) {
  const { t } = useTranslation('learning');
  return (
    <p>
      <Link to={`/learn/${slug}`}>{t('quiz.backToCourse')}</Link>
    </p>
  );
}

function AttemptScreen({ attempt }: { attempt: AttemptView }) {
  const { t } = useTranslation('learning');
  const lang = useReaderLanguage();
  const [answers, setAnswers] = useState<Record<string, Answer>>(attempt.answers);
  const [status, setStatus] = useState('');
  const save = useSaveAnswer(attempt.id);
  const submit = useSubmitAttempt(attempt.id, lang);
  const open = attempt.status === 'in_progress';
  const answer = (questionKey: string, value: Answer) => {
    setAnswers((a) => ({ ...a, [questionKey]: value }));
    setStatus(t('quiz.saving'));
    save.mutate({ questionKey, answer: value }, { onSuccess: () => setStatus(t('quiz.saved')), onError: () => setStatus(t('saveError')) });
  };
  const unanswered = attempt.questions.filter((q) => answers[q.key] === undefined).length;
  return (
    <Page title={`${attempt.title} · ${attempt.courseTitle}`}>
      <p className="muted">{t('quiz.attemptNumber', { n: attempt.number })}</p>
      {attempt.intro && open && <p>{attempt.intro}</p>}
      {open ? (
        <form
          className="stack learn-quiz-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit.mutate();
          }}
        >
          {attempt.questions.map((q, i) => (
            <QuizQuestion key={q.key} question={q} number={i + 1} answer={answers[q.key]} onAnswer={(v) => answer(q.key, v)} />
          ))}
          <p className="learn-save-status" role="status">
            {status}
          </p>
          {unanswered > 0 && <p className="hint">{t('quiz.unanswered', { count: unanswered })}</p>}
          {submit.isError && <Banner tone="error" role="alert">{submit.error.message}</Banner>}
          <BusyButton type="submit" busy={submit.isPending || save.isPending}>
            {t('quiz.submit')}
          </BusyButton>
        </form>
      ) : (
        <QuizResult attempt={attempt} />
      )}
      <BackToCourse slug={attempt.courseSlug} />
    </Page>
  );
}

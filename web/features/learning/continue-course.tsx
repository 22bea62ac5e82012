// The home page's "continue your course" line, for a learner with an unfinished course (nothing otherwise).
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useReaderLanguage } from '#web/features/library/reader-language.ts';
import { useContinueCourse } from './learning.api.ts';

export function ContinueCourse() {
  const { t } = useTranslation('learning');
  const lang = useReaderLanguage();
  const next = useContinueCourse(lang);
  const course = next.data?.course;
  if (!course) return null;
  return (
    <p className="card learn-continue">
      {t('continue.text', { done: course.done, total: course.total })} <Link to={`/learn/${course.slug}`}>{t('continue.link', { title: course.title })}</Link>
    </p>
  );
}

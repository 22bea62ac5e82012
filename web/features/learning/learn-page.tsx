// /learn — the published courses, each with the learner's progress; organisers also see a link to manage them.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CourseSummary } from '#shared/learning/learning.schema.ts';
import { COURSE_MANAGER_ROLES } from '#shared/learning/learning.schema.ts';
import { Page } from '#web/components/page.tsx';
import { Banner } from '#web/components/ui/banner.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { useMe } from '#web/features/account/me.api.ts';
import { useReaderLanguage } from '#web/features/library/reader-language.ts';
import { useCourses } from './learning.api.ts';

export function LearnPage() {
  const { t } = useTranslation('learning');
  const lang = useReaderLanguage();
  const courses = useCourses(lang);
  const me = useMe();
  const manages = me.data?.roles.some((r) => (COURSE_MANAGER_ROLES as readonly string[]).includes(r)) ?? false;
  return (
    <Page title={t('list.title')}>
      <p className="lead">{t('list.lead')}</p>
      {manages && (
        <p>
          <Link to="/learn/manage">{t('list.manage')}</Link>
        </p>
      )}
      {courses.isPending && <Loading />}
      {courses.isError && <Banner tone="error">{t('loadError')}</Banner>}
      {courses.data && courses.data.courses.length === 0 && <p>{t('list.empty')}</p>}
      {courses.data && courses.data.courses.length > 0 && (
        <ul className="learn-courses">
          {courses.data.courses.map((course) => (
            <CourseCard key={course.id} course={course} />
          ))}
        </ul>
      )}
    </Page>
  );
}

function CourseCard({ course }: { course: CourseSummary }) {
  const { t } = useTranslation('learning');
  const p = course.progress;
  const state = p.passed ? t('progress.passed') : p.completed ? t('progress.completed') : p.started ? t('progress.partsDone', { done: p.done, total: p.total }) : t('progress.notStarted');
  return (
    <li className="card learn-course">
      <h2>
        <Link to={`/learn/${course.slug}`}>{course.title}</Link>
      </h2>
      <p>{course.summary}</p>
      <p className="learn-progress">
        <span className="visually-hidden">{t('progress.label')}: </span>
        {state}
      </p>
      {p.started && (
        <progress className="learn-bar" max={p.total} value={p.done} aria-label={t('progress.label')} />
      )}
    </li>
  );
}

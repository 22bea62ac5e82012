// /learn/manage — the organisation's courses for trainers, coordinators and admins: publish or take back, change the
// pass mark, attempts and grading (authoring itself is done in the course files and imported), and the reports.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ManagedCourse } from '#shared/learning/learning.schema.ts';
import { Page } from '#web/components/page.tsx';
import { Banner } from '#web/components/ui/banner.tsx';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { Tag } from '#web/components/ui/tag.tsx';
import { useReaderLanguage } from '#web/features/library/reader-language.ts';
import { CourseSettingsForm } from './course-settings-form.tsx';
import { useCourseStatus, useManagedCourses } from './learning.api.ts';

export function ManagePage() {
  const { t } = useTranslation('learning');
  const lang = useReaderLanguage();
  const courses = useManagedCourses(lang);
  return (
    <Page title={t('manage.title')}>
      <p className="lead">{t('manage.lead')}</p>
      {courses.isPending && <Loading />}
      {courses.isError && <Banner tone="error">{t('manage.forbidden')}</Banner>}
      {courses.data?.courses.length === 0 && <p>{t('manage.empty')}</p>}
      {courses.data?.courses.map((c) => (
        <ManagedCourseCard key={c.id} course={c} />
      ))}
    </Page>
  );
}

function ManagedCourseCard({ course }: { course: ManagedCourse }) {
  const { t } = useTranslation('learning');
  const lang = useReaderLanguage();
  const status = useCourseStatus(lang);
  const headingId = `course-${course.id}`;
  const next = course.status === 'published' ? 'draft' : 'published';
  return (
    <section className="card learn-manage" aria-labelledby={headingId}>
      <h2 id={headingId}>{course.title}</h2>
      <p>
        <Tag tone={course.status === 'published' ? 'published' : 'draft'}>{t(`status.${course.status}`)}</Tag>{' '}
        {t('manage.counts', { learners: course.learners, passed: course.passed })}
      </p>
      <div className="actions-row">
        <Link className="button" to={`/learn/manage/${course.id}`}>
          {t('manage.report')}
        </Link>
        <BusyButton className="secondary" busy={status.isPending} onClick={() => status.mutate({ id: course.id, status: next, version: course.version })}>
          {next === 'published' ? t('manage.publish') : t('manage.unpublish')}
        </BusyButton>
      </div>
      {status.isError && <Banner tone="error" role="alert">{status.error.message}</Banner>}
      <CourseSettingsForm course={course} />
    </section>
  );
}

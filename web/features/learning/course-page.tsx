// /learn/:slug — one course: its parts in order with done marks, the pre-test first, lessons to read, library
// chapters to open, quizzes to start, resume or review; the result, the knowledge change and the certificate link.
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CourseView } from '#shared/learning/learning.schema.ts';
import { Page } from '#web/components/page.tsx';
import { Banner } from '#web/components/ui/banner.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { useReaderLanguage } from '#web/features/library/reader-language.ts';
import { CourseCertificate } from './course-certificate.tsx';
import { CourseModuleItem } from './course-module-item.tsx';
import { KnowledgeChange } from './knowledge-change.tsx';
import { useCourse } from './learning.api.ts';

export function CoursePage() {
  const { t } = useTranslation('learning');
  const { slug = '' } = useParams();
  const lang = useReaderLanguage();
  const course = useCourse(slug, lang);
  if (course.isPending) return <Loading />;
  if (course.isError || !course.data) {
    return (
      <Page title={t('course.missingTitle')}>
        <p>{t('course.missing')}</p>
        <Link to="/learn">{t('course.back')}</Link>
      </Page>
    );
  }
  const c = course.data;
  return (
    <Page title={c.title}>
      <p className="lead">{c.summary}</p>
      <Outcome course={c} />
      <p className="muted">{t('course.rules', { passMark: c.passMark, attempts: c.maxAttempts === null ? t('course.unlimited') : c.maxAttempts, grading: t(`grading.${c.grading}`) })}</p>
      <section aria-labelledby="course-parts">
        <h2 id="course-parts">{t('course.parts')}</h2>
        <ol className="learn-modules">
          {c.modules.map((m, i) => (
            <CourseModuleItem key={m.key} course={c} module={m} position={i + 1} />
          ))}
        </ol>
      </section>
      {c.knowledge.pre !== null && c.knowledge.post !== null && <KnowledgeChange knowledge={c.knowledge} />}
      <p>
        <Link to="/learn">{t('course.back')}</Link>
      </p>
    </Page>
  );
}

function Outcome({ course }: { course: CourseView }) {
  const { t } = useTranslation('learning');
  if (course.passedAt) {
    return (
      <Banner tone="success" title={t('course.passedTitle')}>
        {course.certificateEnabled && course.enrolmentId && <CourseCertificate enrolmentId={course.enrolmentId} />}
      </Banner>
    );
  }
  if (course.completedAt) return <Banner tone="warning">{t('course.completedNotPassed', { passMark: course.passMark })}</Banner>;
  return null;
}

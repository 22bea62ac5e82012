// The simple settings of a course: pass mark (percent on the post-test), attempts per quiz (empty = no limit) and
// which attempt counts (highest or last). A stale save shows the current values.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManagedCourse } from '#shared/learning/learning.schema.ts';
import { apiError, ErrorSummary, SelectField, SubmitButton, TextField, useFormErrors } from '#web/components/ui/form.tsx';
import { Banner } from '#web/components/ui/banner.tsx';
import { useReaderLanguage } from '#web/features/library/reader-language.ts';
import { useCourseSettings } from './learning.api.ts';

function checkNumber(value: string, min: number, max: number): number | null {
  if (!/^\d{1,3}$/.test(value.trim())) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

export function CourseSettingsForm({ course }: { course: ManagedCourse }) {
  const { t } = useTranslation('learning');
  const lang = useReaderLanguage();
  const save = useCourseSettings(lang);
  const [passMark, setPassMark] = useState(String(course.passMark));
  const [attempts, setAttempts] = useState(course.maxAttempts === null ? '' : String(course.maxAttempts));
  const [grading, setGrading] = useState<string>(course.grading);
  const [saved, setSaved] = useState(false);
  const { errors, formError, summaryRef, fail, clear } = useFormErrors();
  const id = (f: string) => `${course.id}-${f}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const mark = checkNumber(passMark, 0, 100);
    const max = attempts.trim() === '' ? null : checkNumber(attempts, 1, 100);
    const found: Record<string, string> = {};
    if (mark === null) found.passMark = t('settings.passMarkError');
    if (attempts.trim() !== '' && max === null) found.maxAttempts = t('settings.attemptsError');
    if (Object.keys(found).length > 0) return fail(found);
    clear();
    save.mutate(
      { id: course.id, body: { passMark: mark!, maxAttempts: max, grading: grading as ManagedCourse['grading'], version: course.version } },
      { onSuccess: () => setSaved(true), onError: (error) => fail(apiError(error)?.body.fields ?? {}, apiError(error)?.status === 409 ? t('settings.conflict') : (error as Error).message) },
    );
  };
  const items = Object.entries(errors).map(([field, message]) => ({ id: id(field), label: t(`settings.${field}`), message: message ?? '' }));
  return (
    <form className="stack learn-settings" noValidate onSubmit={submit} aria-label={t('settings.title', { title: course.title })}>
      <h3>{t('settings.heading')}</h3>
      <ErrorSummary items={items} summaryRef={summaryRef} formError={formError} />
      <TextField id={id('passMark')} label={t('settings.passMark')} hint={t('settings.passMarkHint')} inputMode="numeric" value={passMark} onChange={setPassMark} error={errors.passMark} />
      <TextField id={id('maxAttempts')} label={t('settings.maxAttempts')} hint={t('settings.maxAttemptsHint')} inputMode="numeric" value={attempts} onChange={setAttempts} error={errors.maxAttempts} />
      <SelectField id={id('grading')} label={t('settings.grading')} value={grading} onChange={setGrading} options={[{ value: 'highest', label: t('grading.highest') }, { value: 'last', label: t('grading.last') }]} />
      {saved && <Banner tone="success" role="status">{t('settings.saved')}</Banner>}
      <SubmitButton pending={save.isPending}>{t('settings.save')}</SubmitButton>
    </form>
  );
}

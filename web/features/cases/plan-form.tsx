// A support plan's form, in a dialog: drafting a new plan (its type decides who may see it) or changing goals,
// objectives and action plan of a draft or active one (the version read goes along: a parallel save is a 409).
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading } from 'react-aria-components';
import type { CaseCategory } from '#shared/cases/case-vocabulary.ts';
import { planCategoryOf, PLAN_PROGRESS, type PlanType, type SupportPlan } from '#shared/cases/follow-up.schema.ts';
import { PLAN_TYPES } from '#shared/cases/case-vocabulary.ts';
import { ErrorSummary, SelectField, SubmitOrCancel, TextField, useFormErrors } from '#web/components/ui/form.tsx';
import { ModalDialog } from '#web/components/ui/modal-dialog.tsx';
import { usePlanChanges } from './assistance.api.ts';
import { CheckboxField, codeOptions, NoteField, orNull, saveFailure } from './case-form-parts.tsx';

type Goal = SupportPlan['goals'][number];

export function PlanForm(props: { caseId: string; plan: SupportPlan | null; writable: CaseCategory[]; onClose(): void }) {
  const { t } = useTranslation('case-assistance');
  const id = useId();
  const types = PLAN_TYPES.filter((x) => props.writable.includes(planCategoryOf(x)));
  const [plan, setPlan] = useState(props.plan);
  const [type, setType] = useState<PlanType>(props.plan?.type ?? types[0] ?? 'SocialCare');
  const [goals, setGoals] = useState<Goal[]>(props.plan?.goals ?? [{ text: '', done: false }]);
  const [objectives, setObjectives] = useState(props.plan?.objectives ?? '');
  const [actionPlan, setActionPlan] = useState(props.plan?.actionPlan ?? '');
  const [plannedEnd, setPlannedEnd] = useState(props.plan?.plannedEnd ?? '');
  const form = useFormErrors();
  const changes = usePlanChanges(props.caseId);
  const busy = changes.create.isPending || changes.update.isPending;

  const load = (p: SupportPlan) => {
    setPlan(p);
    setGoals(p.goals);
    setObjectives(p.objectives ?? '');
    setActionPlan(p.actionPlan ?? '');
    setPlannedEnd(p.plannedEnd ?? '');
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.clear();
    const fields = { goals: goals.filter((g) => g.text.trim()).map((g) => ({ text: g.text.trim(), done: g.done })), objectives: orNull(objectives), actionPlan: orNull(actionPlan), plannedEnd: orNull(plannedEnd) };
    try {
      if (plan) await changes.update.mutateAsync({ id: plan.id, version: plan.version, ...fields });
      else await changes.create.mutateAsync({ type, ...fields });
      props.onClose();
    } catch (error) {
      const failure = saveFailure(error, t);
      if (failure.current) load(failure.current as SupportPlan);
      form.fail(failure.fields, failure.message);
    }
  };
  const setGoal = (i: number, g: Partial<Goal>) => setGoals((old) => old.map((x, j) => (j === i ? { ...x, ...g } : x)));
  return (
    <ModalDialog onClose={props.onClose}>
      <Heading slot="title" level={2}>
        {plan ? `${t('common.edit')}: ${t(`plans.types.${plan.type}`)}` : t('plans.add')}
      </Heading>
      <form className="stack" onSubmit={submit} noValidate>
        <ErrorSummary items={[]} formError={form.formError} summaryRef={form.summaryRef} />
        {!plan && <SelectField id={`${id}-type`} label={t('plans.type')} value={type} onChange={(v) => setType(v as PlanType)} options={codeOptions(types, (c) => t(`plans.types.${c}`))} />}
        <fieldset className="stack">
          <legend>{t('plans.goals')}</legend>
          <p className="hint">{t('common.noNames')}</p>
          {goals.map((g, i) => (
            <div key={i} className="stack">
              <TextField id={`${id}-goal-${i}`} label={t('plans.goal', { n: i + 1 })} value={g.text} onChange={(text) => setGoal(i, { text })} maxLength={300} />
              <CheckboxField id={`${id}-goal-${i}-done`} label={t('plans.goalDone', { n: i + 1 })} checked={g.done} onChange={(done) => setGoal(i, { done })} />
              <button type="button" className="secondary" onClick={() => setGoals((old) => old.filter((_, j) => j !== i))}>
                {t('plans.removeGoal', { n: i + 1 })}
              </button>
            </div>
          ))}
          {goals.length < 20 && (
            <button type="button" className="secondary" onClick={() => setGoals((old) => [...old, { text: '', done: false }])}>
              {t('plans.addGoal')}
            </button>
          )}
        </fieldset>
        <NoteField id={`${id}-objectives`} label={t('plans.objectives')} value={objectives} onChange={setObjectives} maxLength={4000} />
        <NoteField id={`${id}-action`} label={t('plans.actionPlan')} value={actionPlan} onChange={setActionPlan} maxLength={4000} />
        <TextField id={`${id}-end`} type="date" label={t('plans.plannedEnd')} value={plannedEnd} onChange={setPlannedEnd} error={form.errors.plannedEnd} />
        <SubmitOrCancel pending={busy} onCancel={props.onClose}>
          {t('common.save')}
        </SubmitOrCancel>
      </form>
    </ModalDialog>
  );
}

/** Recording a review of an active plan: date, progress, a sealed note. */
export function ReviewForm(props: { caseId: string; plan: SupportPlan; onClose(): void }) {
  const { t } = useTranslation('case-assistance');
  const id = useId();
  const [reviewedOn, setReviewedOn] = useState(new Date().toISOString().slice(0, 10));
  const [progress, setProgress] = useState<(typeof PLAN_PROGRESS)[number]>('on_track');
  const [note, setNote] = useState('');
  const form = useFormErrors();
  const { review } = usePlanChanges(props.caseId);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.clear();
    try {
      await review.mutateAsync({ id: props.plan.id, reviewedOn, progress, note: orNull(note) });
      props.onClose();
    } catch (error) {
      const failure = saveFailure(error, t);
      form.fail(failure.fields, failure.message);
    }
  };
  const summary = form.errors.reviewedOn ? [{ id: `${id}-on`, label: t('plans.reviewedOn'), message: form.errors.reviewedOn }] : [];
  return (
    <ModalDialog onClose={props.onClose}>
      <Heading slot="title" level={2}>
        {t('plans.review')}: {t(`plans.types.${props.plan.type}`)}
      </Heading>
      <form className="stack" onSubmit={submit} noValidate>
        <ErrorSummary items={summary} formError={form.formError} summaryRef={form.summaryRef} />
        <TextField id={`${id}-on`} type="date" label={t('plans.reviewedOn')} value={reviewedOn} onChange={setReviewedOn} error={form.errors.reviewedOn} required />
        <SelectField id={`${id}-progress`} label={t('plans.progress')} value={progress} onChange={(v) => setProgress(v as typeof progress)} options={codeOptions(PLAN_PROGRESS, (c) => t(`plans.progressOf.${c}`))} />
        <NoteField id={`${id}-note`} label={t('tasks.note')} value={note} onChange={setNote} maxLength={2000} />
        <SubmitOrCancel pending={review.isPending} onCancel={props.onClose}>
          {t('common.save')}
        </SubmitOrCancel>
      </form>
    </ModalDialog>
  );
}

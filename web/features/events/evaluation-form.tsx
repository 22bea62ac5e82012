// One questionnaire (the evaluation or the follow-up survey): each item a group of radio buttons with its statement as
// the legend, the free-text questions, and one submit. Every question may be skipped; at least one must be answered.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '#web/lib/i18n.ts';
import { COMMENT_MAX, COMMENTS_OF, ITEMS_OF, SCALE_VALUES, type EvaluationItem, type EvaluationKind, type EvaluationValue } from '#shared/events/evaluation-items.ts';
import type { EvaluationSubmit } from '#shared/events/evaluation.schema.ts';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { apiError, focusSoon } from '#web/components/ui/form.tsx';
import { useSubmitEvaluation } from './evaluation.api.ts';

export function EvaluationForm({ token, kind, onSent }: { token: string; kind: EvaluationKind; onSent(): void }) {
  const { t, i18n } = useTranslation('event-evaluation');
  const id = useId();
  const [answers, setAnswers] = useState<Record<string, EvaluationValue>>({});
  const [comments, setComments] = useState<Record<string, string>>({});
  const [empty, setEmpty] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);
  const submit = useSubmitEvaluation(token);
  const send = (event: FormEvent) => {
    event.preventDefault();
    const written = Object.fromEntries(Object.entries(comments).filter(([, v]) => v.trim()));
    if (Object.keys(answers).length === 0 && Object.keys(written).length === 0) {
      setEmpty(true);
      focusSoon(errorRef);
      return;
    }
    setEmpty(false);
    const language = isLanguage(i18n.language) ? i18n.language : 'en';
    // NOTE: the union's two shapes differ only in their item keys, which the server checks again.
    const body = { token, kind, language, answers, comments: written } as EvaluationSubmit;
    submit.mutate(body, { onSuccess: onSent, onError: () => focusSoon(errorRef) });
  };
  const failure = empty ? t('form.errors.empty') : submit.isError ? failureMessage(t, submit.error) : null;
  return (
    <form className="stack evaluation-form" onSubmit={send} noValidate aria-describedby={`${id}-intro`}>
      <p id={`${id}-intro`}>{t('form.intro')}</p>
      {failure && (
        <div className="alert error" role="alert" tabIndex={-1} ref={errorRef}>
          <p>{failure}</p>
        </div>
      )}
      {ITEMS_OF[kind].map((item) => (
        <ItemField key={item.key} name={`${id}-${item.key}`} item={item} value={answers[item.key]} onChange={(v) => setAnswers({ ...answers, [item.key]: v })} />
      ))}
      <h2>{t('form.commentsHeading')}</h2>
      <p className="hint" id={`${id}-comment-hint`}>
        {t('commentHint')}
      </p>
      {COMMENTS_OF[kind].map((key) => (
        <div className="field" key={key}>
          <label htmlFor={`${id}-${key}`}>{t(`comments.${key}`)}</label>
          <textarea
            id={`${id}-${key}`}
            rows={4}
            maxLength={COMMENT_MAX}
            aria-describedby={`${id}-comment-hint`}
            value={comments[key] ?? ''}
            onChange={(e) => setComments({ ...comments, [key]: e.target.value })}
          />
        </div>
      ))}
      <p>
        <BusyButton type="submit" busy={submit.isPending} busyLabel={t('form.sending')}>
          {t('form.submit')}
        </BusyButton>
      </p>
    </form>
  );
}

function failureMessage(t: (key: string) => string, error: unknown): string {
  const status = apiError(error)?.status;
  return status === 409 || status === 403 ? t('form.errors.conflict') : t('form.errors.generic');
}

function ItemField({ name, item, value, onChange }: { name: string; item: EvaluationItem; value: EvaluationValue | undefined; onChange(v: EvaluationValue): void }) {
  const { t } = useTranslation('event-evaluation');
  return (
    <fieldset className="field evaluation-item">
      <legend>{t(`items.${item.key}`)}</legend>
      <div className={`radio-row evaluation-scale scale-${item.scale}`}>
        {SCALE_VALUES[item.scale].map((option) => (
          <label key={String(option)} className="choice">
            <input type="radio" name={name} value={String(option)} checked={value === option} onChange={() => onChange(option)} />
            {t(`scale.${item.scale}.${option}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

// The form for one synonym group (new or existing): its terms in a textarea, one per line; checked before sending
// against the other groups, errors summarised (and focused) and tied to the field; a stale version shows the other
// editor's terms to redo the change.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import type { SynonymGroup } from '#shared/search/thesaurus.schema.ts';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { ApiRequestError } from '#web/lib/api.ts';
import { useCreateGroup, useUpdateGroup } from './thesaurus.api.ts';
import { checkTerms, termsOf, type TermsError } from './thesaurus-rules.ts';

interface Props {
  language: LibraryLanguage;
  group: SynonymGroup | null;
  others: SynonymGroup[];
  onDone(message: string): void;
  onCancel(): void;
}

export function SynonymGroupForm({ language, group, others, onDone, onCancel }: Props) {
  const { t } = useTranslation('thesaurus');
  const id = useId();
  const summary = useRef<HTMLDivElement>(null);
  const [text, setText] = useState(group?.terms.join('\n') ?? '');
  const [version, setVersion] = useState(group?.version ?? 1);
  const [error, setError] = useState<TermsError | { kind: 'server' } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const create = useCreateGroup();
  const update = useUpdateGroup();

  const fail = (e: TermsError | { kind: 'server' }) => {
    setError(e);
    requestAnimationFrame(() => summary.current?.focus());
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const terms = termsOf(text);
    const problem = checkTerms(terms, others);
    if (problem) return fail(problem);
    setError(null);
    try {
      if (group) await update.mutateAsync({ id: group.id, body: { terms, version } });
      else await create.mutateAsync({ language, terms });
      onDone(t(group ? 'saved' : 'created'));
    } catch (e) {
      if (e instanceof ApiRequestError && e.status === 409 && e.body.current) {
        const current = e.body.current as SynonymGroup;
        setText(current.terms.join('\n'));
        setVersion(current.version);
        setNotice(t('form.conflict'));
      } else if (e instanceof ApiRequestError && e.body.fields) fail({ kind: 'server' });
      else setNotice(t('common:error.generic'));
    }
  };

  const message = error && t(`form.errors.${error.kind}`, { terms: 'terms' in error ? error.terms : '' });
  const field = `${id}-terms`;
  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t(group ? 'form.editTitle' : 'form.newTitle', { language: t(`library:languages.${language}`) })}</h2>
      {notice && (
        <p className="alert error" role="alert">
          {notice}
        </p>
      )}
      {message && (
        <div className="alert error" role="alert" tabIndex={-1} ref={summary}>
          <p>{t('form.errorSummary')}</p>
          <ul>
            <li>
              <a href={`#${field}`}>
                {t('form.terms')}: {message}
              </a>
            </li>
          </ul>
        </div>
      )}
      <div className="field">
        <label htmlFor={field}>{t('form.terms')}</label>
        <span className="hint" id={`${field}-hint`}>
          {t('form.hint')}
        </span>
        <textarea
          id={field}
          lang={language}
          rows={8}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={message ? true : undefined}
          aria-describedby={[`${field}-hint`, message && `${field}-error`].filter(Boolean).join(' ')}
        />
        {message && (
          <span className="field-error" id={`${field}-error`}>
            {message}
          </span>
        )}
      </div>
      <div className="actions-row">
        <BusyButton type="submit" busy={create.isPending || update.isPending}>
          {t('form.save')}
        </BusyButton>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}

// The form for one help contact (new or existing): every field, checked with the shared schema before sending; errors
// summarised (and focused) and tied to their inputs; a stale version shows the other editor's version to redo the change.
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { HELP_COUNTRIES, HELP_KINDS, HELP_STATUSES, type HelpDeskContact } from '#shared/help/help-contact.schema.ts';
import { ApiRequestError } from '#web/lib/api.ts';
import { useCreateContact, useUpdateContact } from './help-desk.api.ts';
import { FORM_LANGUAGES, emptyForm, fieldOf, formOf, toApi, type ContactForm } from './help-form-rules.ts';
import { BusyButton } from '#web/components/ui/busy-button.tsx';

interface Props {
  contact: HelpDeskContact | null;
  today: string;
  onDone(message: string): void;
  onCancel(): void;
}

const ERROR_OF: Record<string, string> = { number: 'number', sourceUrl: 'sourceUrl', verifiedOn: 'verifiedOn', key: 'key', chapters: 'chapters', languages: 'languages', position: 'invalid' };

export function HelpContactForm({ contact, today, onDone, onCancel }: Props) {
  const { t } = useTranslation('help');
  const id = useId();
  const summary = useRef<HTMLDivElement>(null);
  const [form, setForm] = useState<ContactForm>(contact ? formOf(contact) : emptyForm(today));
  const [version, setVersion] = useState(contact?.version ?? 1);
  const [errors, setErrors] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const create = useCreateContact();
  const update = useUpdateContact();
  const busy = create.isPending || update.isPending;

  const label = (field: string) => {
    const [group, lang] = field.split('.');
    return lang ? t(`desk.form.fields.${group}.label`, { language: t(`library:languages.${lang}`) }) : t(`desk.form.fields.${group}.label`);
  };
  const errorText = (field: string) => t(`desk.form.errors.${ERROR_OF[field] ?? (field.includes('.') || field === 'hours' ? 'required' : 'invalid')}`);
  const showErrors = (fields: string[]) => {
    setErrors(fields);
    requestAnimationFrame(() => summary.current?.focus());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const result = toApi(form);
    if ('errors' in result) return showErrors([...result.errors]);
    setErrors([]);
    try {
      if (!contact) {
        await create.mutateAsync(result.body);
        return onDone(t('desk.createdMessage'));
      }
      const { key: _key, ...fields } = result.body;
      await update.mutateAsync({ id: contact.id, body: { ...fields, status: form.status as HelpDeskContact['status'], version } });
      onDone(t('desk.savedMessage'));
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 409 && error.body.current) {
        const current = error.body.current as HelpDeskContact;
        setForm(formOf(current));
        setVersion(current.version);
        setNotice(t('desk.form.conflict'));
      } else if (error instanceof ApiRequestError && error.body.fields) showErrors([...new Set(Object.keys(error.body.fields).map((k) => fieldOf(k.split('.'))))]);
      else setNotice(error instanceof Error ? error.message : String(error));
    }
  };

  const set = (field: keyof ContactForm, lang?: string) => (value: string) =>
    setForm((f) => (lang ? { ...f, [field]: { ...(f[field] as Record<string, string>), [lang]: value } } : { ...f, [field]: value }));
  const hintKey = (field: string) => `desk.form.fields.${field.split('.')[0]}.hint`;
  const hasHint = (field: string) => t(hintKey(field), { defaultValue: '' }) !== '';
  const control = (field: string) => ({
    id: `${id}-${field}`,
    'aria-invalid': errors.includes(field) ? true : undefined,
    'aria-describedby': [hasHint(field) && `${id}-${field}-hint`, errors.includes(field) && `${id}-${field}-error`].filter(Boolean).join(' ') || undefined,
  });
  const field = (name: string, input: ReactNode) => (
    <div className="field" key={name}>
      <label htmlFor={`${id}-${name}`}>{label(name)}</label>
      {hasHint(name) && (
        <span className="hint" id={`${id}-${name}-hint`}>
          {t(hintKey(name))}
        </span>
      )}
      {input}
      {errors.includes(name) && (
        <span className="field-error" id={`${id}-${name}-error`}>
          {errorText(name)}
        </span>
      )}
    </div>
  );
  const text = (name: keyof ContactForm, type = 'text') => <input {...control(name)} type={type} value={form[name] as string} onChange={(e) => set(name)(e.target.value)} autoComplete="off" />;
  const select = (name: keyof ContactForm, options: readonly string[], optionLabel: (o: string) => string) => (
    <select {...control(name)} value={form[name] as string} onChange={(e) => set(name)(e.target.value)}>
      {options.map((o) => (
        <option key={o} value={o}>
          {optionLabel(o)}
        </option>
      ))}
    </select>
  );

  return (
    <form className="card help-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{contact ? t('desk.form.editTitle', { name: contact.names.en || contact.key }) : t('desk.form.newTitle')}</h2>
      {notice && (
        <p className="alert error" role="alert">
          {notice}
        </p>
      )}
      {errors.length > 0 && (
        <div className="alert error" role="alert" tabIndex={-1} ref={summary}>
          <p>{t('desk.form.errorSummary')}</p>
          <ul>
            {errors.map((f) => (
              <li key={f}>
                <a href={`#${id}-${f}`}>
                  {label(f)}: {errorText(f)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {!contact && field('key', text('key'))}
      <div className="help-form-grid">
        {field('country', select('country', HELP_COUNTRIES, (c) => t(`countries.${c}`)))}
        {field('kind', select('kind', HELP_KINDS, (k) => t(`desk.form.fields.kind.${k}`)))}
        {field('position', text('position', 'number'))}
        {contact && field('status', select('status', HELP_STATUSES, (s) => t(`desk.status.${s}`)))}
      </div>
      {FORM_LANGUAGES.map((lang) => field(`names.${lang}`, <input {...control(`names.${lang}`)} lang={lang} value={form.names[lang] ?? ''} onChange={(e) => set('names', lang)(e.target.value)} autoComplete="off" />))}
      {FORM_LANGUAGES.map((lang) =>
        field(`purposes.${lang}`, <textarea {...control(`purposes.${lang}`)} lang={lang} rows={3} value={form.purposes[lang] ?? ''} onChange={(e) => set('purposes', lang)(e.target.value)} />),
      )}
      {field('number', text('number', 'tel'))}
      {field('hours', text('hours'))}
      {field('languages', text('languages'))}
      {field('sourceUrl', text('sourceUrl', 'url'))}
      {field('verifiedOn', text('verifiedOn', 'date'))}
      {field('chapters', text('chapters'))}
      <div className="actions-row">
        <BusyButton type="submit" busy={busy}>
          {t('desk.form.save')}
        </BusyButton>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('desk.form.cancel')}
        </button>
      </div>
    </form>
  );
}

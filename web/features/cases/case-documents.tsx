// The case's documents: the attachments of the categories the reader holds (the server filters), each downloaded
// through the case's rules, and an upload form for the categories the reader may write. The type is checked here for
// a quick answer; the server sniffs the bytes and decides.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from '#shared/cases/case-protection.schema.ts';
import { CLOSED_STATUSES, type CaseCategory } from '#shared/cases/case-vocabulary.ts';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { ErrorSummary, SelectField, apiError, focusSoon, type FieldErrors } from '#web/components/ui/form.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { TableWrap } from '#web/components/ui/table-wrap.tsx';
import { attachmentUrl, useAttachments, useUploadAttachment } from './case-protection.api.ts';
import type { CaseSectionProps } from './case-sections.ts';
import { FileField } from '#web/components/ui/file-field.tsx';

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** The server's answer as a field error: 413 too large, 415 not a supported type, 404/422 no longer allowed. */
function serverError(error: unknown): FieldErrors {
  const status = apiError(error)?.status;
  if (status === 413) return { file: 'upload.errors.tooLarge' };
  if (status === 415) return { file: 'upload.errors.type' };
  if (status === 400) return { file: 'upload.errors.unreadable' };
  return { form: status === 404 || status === 422 ? 'upload.errors.notAllowed' : 'common:error.generic' };
}

function UploadForm({ caseId, categories }: { caseId: string; categories: CaseCategory[] }) {
  const { t } = useTranslation('case-protection');
  const id = useId();
  const upload = useUploadAttachment(caseId);
  const [category, setCategory] = useState<CaseCategory>(categories[0]!);
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const fail = (found: FieldErrors) => {
    setErrors(found);
    focusSoon(summary);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (!file) return fail({ file: 'upload.errors.noFile' });
    if (file.size > ATTACHMENT_MAX_BYTES) return fail({ file: 'upload.errors.tooLarge' });
    if (file.type && !(ATTACHMENT_TYPES as readonly string[]).includes(file.type)) return fail({ file: 'upload.errors.type' });
    try {
      await upload.mutateAsync({ category, fileName: file.name.slice(0, 200), dataBase64: await readBase64(file) });
      setErrors({});
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      setDone(true);
    } catch (error) {
      fail(serverError(error));
    }
  };
  const fileLabel = t('upload.file');
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('upload.title')}</h3>
      {errors.file ? (
        <ErrorSummary items={[{ id: `${id}-file`, label: fileLabel, message: t(errors.file) }]} summaryRef={summary} />
      ) : (
        errors.form && (
          <div className="alert error" role="alert" tabIndex={-1} ref={summary}>
            <p>{t(errors.form)}</p>
          </div>
        )
      )}
      <SelectField id={`${id}-category`} label={t('upload.category')} hint={t('upload.categoryHint')} value={category} onChange={(v) => setCategory(v as CaseCategory)} options={categories.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
      <FileField id={`${id}-file`} label={fileLabel} hint={t('upload.fileHint')} accept={ATTACHMENT_TYPES} error={errors.file ? t(errors.file) : undefined} inputRef={fileInput} onFile={setFile} />
      <p role="status">{done ? t('upload.done') : ''}</p>
      <p>
        <BusyButton type="submit" busy={upload.isPending} busyLabel={t('upload.uploading')}>
          {t('upload.submit')}
        </BusyButton>
      </p>
    </form>
  );
}

export function CaseDocuments({ detail }: CaseSectionProps) {
  const { t, i18n } = useTranslation('case-protection');
  const list = useAttachments(detail.id);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const size = new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
  const writable = CLOSED_STATUSES.includes(detail.status) ? [] : detail.grant.teamCategories;
  return (
    <Card>
      <h2>{t('section.documents')}</h2>
      <p className="hint">{t('documents.intro')}</p>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <p className="alert error" role="alert">
          {t('documents.loadError')}
        </p>
      ) : list.data.attachments.length === 0 ? (
        <p>{t('documents.empty')}</p>
      ) : (
        <TableWrap label={t('section.documents')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('documents.name')}</th>
                <th scope="col">{t('documents.category')}</th>
                <th scope="col">{t('documents.type')}</th>
                <th scope="col">{t('documents.size')}</th>
                <th scope="col">{t('documents.added')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.attachments.map((a) => (
                <tr key={a.id}>
                  <td>
                    <a href={attachmentUrl(detail.id, a.id)} download>
                      {a.fileName}
                    </a>
                  </td>
                  <td>{t(`category.${a.category}`)}</td>
                  <td>{t(`mediaType.${a.mediaType.replace('/', '_')}`)}</td>
                  <td>{size.format(Math.max(1, Math.round(a.byteSize / 1024)))}</td>
                  <td>
                    {date.format(a.createdAt)}
                    {a.createdByName ? ` · ${a.createdByName}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {writable.length > 0 && <UploadForm caseId={detail.id} categories={writable} />}
    </Card>
  );
}

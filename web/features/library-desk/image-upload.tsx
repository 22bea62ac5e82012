// Insert an image: a PNG, JPEG, WebP or GIF of at most 2 MB with a description in every language (required: readers
// who cannot see it hear the description). Checked here first, then sniffed by the server; the Markdown for the
// image goes in at the caret, with the description in the text's language.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IMAGE_MAX_BYTES, IMAGE_TYPES } from '#shared/library/library-report.schema.ts';
import { LIBRARY_LANGUAGES } from '#shared/lib/languages.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { ErrorSummary, TextField, apiError, focusSoon, type FieldErrors } from '#web/components/ui/form.tsx';
import { useUploadImage } from './section.api.ts';
import { imageMarkdown } from './markdown-edit.ts';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { FileField } from '#web/components/ui/file-field.tsx';

type AltTexts = Record<LibraryLanguage, string>;
const NO_ALT: AltTexts = { en: '', ro: '', nb: '' };

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

function checkLocally(file: File | null, alt: AltTexts): FieldErrors {
  const errors: FieldErrors = {};
  if (!file) errors.file = 'image.errors.noFile';
  else if (!(IMAGE_TYPES as readonly string[]).includes(file.type)) errors.file = 'image.errors.type';
  else if (file.size > IMAGE_MAX_BYTES) errors.file = 'image.errors.tooLarge';
  for (const lang of LIBRARY_LANGUAGES) if (!alt[lang].trim()) errors[lang] = `image.errors.alt.${lang}`;
  return errors;
}

/** The server's answer as field errors: 413 too large, 400 not an image or a missing description. */
function serverErrors(error: unknown): FieldErrors {
  const api = apiError(error);
  if (api?.status === 413) return { file: 'image.errors.tooLarge' };
  const fields = api?.status === 400 ? (api.body.fields ?? {}) : {};
  const errors: FieldErrors = {};
  if (fields.dataBase64) errors.file = 'image.errors.notImage';
  for (const lang of LIBRARY_LANGUAGES) if (fields[`altTexts.${lang}`]) errors[lang] = `image.errors.alt.${lang}`;
  return Object.keys(errors).length > 0 ? errors : { form: 'common:error.generic' };
}

export function ImageUpload({ publicationId, lang, onInsert }: { publicationId: string; lang: LibraryLanguage; onInsert(markdown: string): void }) {
  const { t } = useTranslation('library-desk');
  const id = useId();
  const upload = useUploadImage();
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState<AltTexts>(NO_ALT);
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
    const found = checkLocally(file, alt);
    if (Object.keys(found).length > 0 || !file) return fail(found);
    try {
      const image = await upload.mutateAsync({ publicationId, dataBase64: await readBase64(file), altTexts: alt });
      setErrors({});
      setFile(null);
      setAlt(NO_ALT);
      if (fileInput.current) fileInput.current.value = '';
      setDone(true);
      onInsert(imageMarkdown(alt[lang].trim(), image.url));
    } catch (error) {
      fail(serverErrors(error));
    }
  };
  const fileLabel = t('image.file');
  const items = [
    ...(errors.file ? [{ id: `${id}-file`, label: fileLabel, message: t(errors.file) }] : []),
    ...LIBRARY_LANGUAGES.filter((l) => errors[l]).map((l) => ({ id: `${id}-alt-${l}`, label: t(`image.alt.${l}`), message: t(errors[l]!) })),
  ];
  return (
    <details className="image-upload">
      <summary>{t('image.toggle')}</summary>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        {items.length > 0 ? (
          <ErrorSummary items={items} summaryRef={summary} />
        ) : (
          errors.form && (
            <div className="alert error" role="alert" tabIndex={-1} ref={summary}>
              <p>{t(errors.form)}</p>
            </div>
          )
        )}
        <FileField id={`${id}-file`} label={fileLabel} hint={t('image.fileHint')} accept={IMAGE_TYPES} error={errors.file ? t(errors.file) : undefined} inputRef={fileInput} onFile={setFile} />
        <p className="hint">{t('image.altHint')}</p>
        {LIBRARY_LANGUAGES.map((l) => (
          <TextField
            key={l}
            id={`${id}-alt-${l}`}
            label={t(`image.alt.${l}`)}
            value={alt[l]}
            onChange={(value) => setAlt((a) => ({ ...a, [l]: value }))}
            error={errors[l] ? t(errors[l]) : undefined}
            maxLength={300}
            required
          />
        ))}
        <p role="status">{done ? t('image.inserted') : ''}</p>
        <p>
          <BusyButton type="submit" busy={upload.isPending} busyLabel={t('image.uploading')}>
            {t('image.submit')}
          </BusyButton>
        </p>
      </form>
    </details>
  );
}

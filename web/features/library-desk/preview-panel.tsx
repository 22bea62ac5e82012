// The preview tab: the title and the body rendered and sanitised by the server, as readers will see them.
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabelledTableCells } from '#web/components/ui/label-table-cells.ts';
import { Loading } from '#web/components/ui/loading.tsx';
import { DeskLoadError, statusOf } from './desk-frame.tsx';
import { usePreview } from './section.api.ts';

export function PreviewPanel({ title, bodyMd, lang, active }: { title: string; bodyMd: string; lang: string; active: boolean }) {
  const { t } = useTranslation('library-desk');
  const preview = usePreview(bodyMd, active);
  const ref = useRef<HTMLDivElement>(null);
  useLabelledTableCells(ref);
  return (
    <div className="preview" ref={ref}>
      <p className="muted">{t('editor.previewHint')}</p>
      {title ? (
        <h2 className="preview-title" lang={lang}>
          {title}
        </h2>
      ) : (
        <h2 className="preview-title muted">{t('editor.noTitle')}</h2>
      )}
      {preview.isPending && <Loading />}
      {preview.isError &&
        (statusOf(preview.error) === 400 ? (
          <p className="alert error" role="alert">
            {t('editor.previewRejected')}
          </p>
        ) : (
          <DeskLoadError error={preview.error} />
        ))}
      {/* NOTE: HTML rendered from Markdown and sanitised by the server (the same function readers' pages use). */}
      {preview.data && <div className="prose" lang={lang} dangerouslySetInnerHTML={{ __html: preview.data.html }} />}
    </div>
  );
}

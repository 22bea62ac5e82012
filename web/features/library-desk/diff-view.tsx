// What changed between two revisions: runs of unchanged, inserted (<ins>) and deleted (<del>) text. Besides colour,
// insertions are underlined and deletions struck through, and each run is named for screen readers.
import { useTranslation } from 'react-i18next';
import type { DiffPart, RevisionDiff } from '#shared/library/library-edit.schema.ts';

function Parts({ parts }: { parts: DiffPart[] }) {
  const { t } = useTranslation('library-desk');
  return parts.map((part, index) => {
    if (part.added) {
      return (
        <ins key={index}>
          <span className="visually-hidden">[{t('diff.addedStart')}] </span>
          {part.value}
          <span className="visually-hidden"> [{t('diff.addedEnd')}]</span>
        </ins>
      );
    }
    if (part.removed) {
      return (
        <del key={index}>
          <span className="visually-hidden">[{t('diff.removedStart')}] </span>
          {part.value}
          <span className="visually-hidden"> [{t('diff.removedEnd')}]</span>
        </del>
      );
    }
    return <span key={index}>{part.value}</span>;
  });
}

const count = (parts: DiffPart[], which: 'added' | 'removed') => parts.filter((p) => p[which]).length;

export function DiffView({ diff }: { diff: RevisionDiff }) {
  const { t } = useTranslation('library-desk');
  const added = count(diff.title, 'added') + count(diff.body, 'added');
  const removed = count(diff.title, 'removed') + count(diff.body, 'removed');
  return (
    <div className="diff">
      <p>
        {added + removed === 0 ? t('diff.same') : t('diff.summary', { added: t('diff.additions', { count: added }), removed: t('diff.removals', { count: removed }) })}
      </p>
      <p className="hint">{t('diff.legend')}</p>
      <h3>{t('diff.titleHeading')}</h3>
      <p className="diff-text" lang={diff.to.language}>
        <Parts parts={diff.title} />
      </p>
      <h3>{t('diff.bodyHeading')}</h3>
      <div className="diff-text diff-body" lang={diff.to.language} role="region" aria-label={t('diff.bodyHeading')} tabIndex={0}>
        <Parts parts={diff.body} />
      </div>
    </div>
  );
}

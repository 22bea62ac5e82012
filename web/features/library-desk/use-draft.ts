// The editor's working copy of a section text (title and body) beside the saved text it started from.
import { useState } from 'react';
import type { SectionEdit } from '#shared/library/library-edit.schema.ts';

export interface Draft {
  title: string;
  bodyMd: string;
}

const savedOf = (edit: SectionEdit): Draft => ({ title: edit.current?.title ?? '', bodyMd: edit.current?.bodyMd ?? '' });
const same = (a: Draft, b: Draft) => a.title === b.title && a.bodyMd === b.bodyMd;

/**
 * `dirty` while the working copy differs from the current revision. When the current revision changes (a save, a
 * restore, a refetch) an untouched working copy follows it; a touched one is kept, so no typing is ever lost.
 */
export function useDraft(edit: SectionEdit) {
  const saved = savedOf(edit);
  const [draft, setDraft] = useState<Draft>(saved);
  const [startedFrom, setStartedFrom] = useState<Draft>(saved);
  if (!same(saved, startedFrom)) {
    // NOTE: adjusting state while rendering (React's documented pattern for state derived from props).
    if (same(draft, startedFrom)) setDraft(saved);
    setStartedFrom(saved);
  }
  return { draft, setDraft, dirty: !same(draft, saved), saved };
}

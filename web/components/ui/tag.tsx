// A tag: a short status in words beside a title (never colour alone), e.g. "Draft", "Published", "Expired".
import type { ReactNode } from 'react';

export type TagTone = 'neutral' | 'warning' | 'draft' | 'in_review' | 'published';

export function Tag({ tone = 'neutral', children }: { tone?: TagTone; children: ReactNode }) {
  const toneClass = tone === 'neutral' ? '' : tone === 'warning' ? ' warn' : ` state-${tone}`;
  return <span className={`badge${toneClass}`}>{children}</span>;
}

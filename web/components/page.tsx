// One page: sets a neutral document title and moves focus to the heading after navigation (screen readers hear it).
import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';

// NOTE: on the page the browser loaded focus stays at the top, so the first Tab reaches the skip link; after an
// in-app navigation it moves to the new page's heading, which screen readers then announce.
const loadedKey: unknown = (window.history.state as { key?: unknown } | null)?.key ?? 'default';

/** True when this location was reached by navigating inside the app, false on the page the browser loaded. */
export function useNavigatedInApp(): boolean {
  return useLocation().key !== loadedKey;
}

export function Page({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Pro Health`;
  }, [title]);
  const { key } = useLocation();
  const navigated = useNavigatedInApp();
  useEffect(() => {
    if (navigated) heading.current?.focus({ preventScroll: false });
  }, [key, navigated]);
  return (
    <>
      <div className="page-header">
        <h1 tabIndex={-1} ref={heading}>
          {title}
        </h1>
        {actions}
      </div>
      {children}
    </>
  );
}

// One page: sets a neutral document title and moves focus to the heading after navigation (screen readers hear it).
import { useEffect, useRef, type ReactNode } from 'react';

export function Page({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Pro Health`;
  }, [title]);
  useEffect(() => {
    heading.current?.focus({ preventScroll: false });
  }, []);
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

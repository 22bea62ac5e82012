// The one wrapper of a wide table: it scrolls sideways on a narrow screen, and only then is it a labelled region
// that takes keyboard focus, so keyboard users can scroll it too (WCAG 2.1.1; axe scrollable-region-focusable)
// without an extra Tab stop on every table that fits.
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className="table-wrap" {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}>
      {children}
    </div>
  );
}

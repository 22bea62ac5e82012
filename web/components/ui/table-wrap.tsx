// The one wrapper of a table. By default its rows stack into labelled blocks on a phone (each cell shows its
// column's name), so nothing scrolls sideways; a table that must keep its grid (stack={false}) scrolls sideways
// instead, and only then is it a labelled region that takes keyboard focus, so keyboard users can scroll it too
// (WCAG 2.1.1; axe scrollable-region-focusable), without an extra Tab stop on every table that fits.
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useLabelledTableCells } from './label-table-cells.ts';

export function TableWrap({ label, children, stack = true }: { label: string; children: ReactNode; stack?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useLabelledTableCells(ref);
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
    <div ref={ref} className={stack ? 'table-wrap stacks' : 'table-wrap'} {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}>
      {children}
    </div>
  );
}

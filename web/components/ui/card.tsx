// A card: a white panel on the grey page grouping one thing (a publication, a report, a form), labelled by its heading.
import type { ReactNode } from 'react';

export function Card({ children, labelledBy, as: Element = 'section', className }: { children: ReactNode; labelledBy?: string; as?: 'section' | 'article' | 'div' | 'li'; className?: string }) {
  return (
    <Element className={className ? `card ${className}` : 'card'} aria-labelledby={labelledBy}>
      {children}
    </Element>
  );
}

// A list of labelled facts (a description list, one label and value a row); its class sets the layout.
import type { ReactNode } from 'react';

export function FactList({ rows, className }: { rows: [label: string, value: ReactNode][]; className: string }) {
  return (
    <dl className={className}>
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

// The one accessible bar chart of events: a figure whose caption says what it shows, each bar with its label written
// beside it and its value after it (nothing depends on colour), and one summary sentence for screen readers
// (role="img" with a label). A withheld value (null) draws no bar and shows its text ("< 3") instead.
import type { ReactNode } from 'react';

export interface Bar {
  key: string;
  label: string;
  /** null: withheld (small cell). */
  count: number | null;
  /** What is written after the bar: "7 (58 %)", "< 3". */
  text: string;
}

export function BarFigure({ caption, summary, bars }: { caption: ReactNode; summary: string; bars: Bar[] }) {
  const most = Math.max(1, ...bars.map((b) => b.count ?? 0));
  return (
    <figure className="evaluation-chart">
      <figcaption>{caption}</figcaption>
      <div className="evaluation-bars" role="img" aria-label={summary}>
        {bars.map((b) => (
          <div className="evaluation-bar-row" key={b.key}>
            <span className="evaluation-bar-label">{b.label}</span>
            <svg className="evaluation-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <rect className="evaluation-bar-track" x="0" y="0" width="100" height="10" />
              {b.count !== null && <rect className="evaluation-bar-fill" x="0" y="0" width={(b.count / most) * 100} height="10" />}
            </svg>
            <span className="evaluation-bar-value">{b.text}</span>
          </div>
        ))}
      </div>
    </figure>
  );
}

/** "Label value, label value" for the summary sentence. */
export function barsSummary(bars: Bar[]): string {
  return bars.map((b) => `${b.label} ${b.text}`).join(', ');
}

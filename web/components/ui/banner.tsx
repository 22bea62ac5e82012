// A notification banner (NHS-style inset): information, success, warning or error, with an optional bold title.
// The same classes as the older `<p className="alert …">`, which stays valid; new code uses this component.
import type { ReactNode, Ref } from 'react';

export type BannerTone = 'info' | 'success' | 'warning' | 'error';

const TONE_CLASS: Record<BannerTone, string> = { info: 'alert', success: 'alert success', warning: 'alert notice', error: 'alert error' };

interface BannerProps {
  tone?: BannerTone;
  title?: ReactNode;
  children: ReactNode;
  /** "alert" for an error that appears after an action; "status" for news that should be announced politely. */
  role?: 'alert' | 'status';
  ref?: Ref<HTMLDivElement>;
  tabIndex?: number;
}

export function Banner({ tone = 'info', title, children, role, ref, tabIndex }: BannerProps) {
  return (
    <div className={TONE_CLASS[tone]} role={role} ref={ref} tabIndex={tabIndex}>
      {title && <p className="alert-title">{title}</p>}
      {children}
    </div>
  );
}

// The one button for an action that waits on the server: while busy it is disabled (no double submit), shows a
// spinner and "Working…" (or a more precise label), carries aria-busy, and a polite status says the same.
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface BusyButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'children'> {
  busy: boolean;
  children: ReactNode;
  /** Shown while busy; defaults to common:working ("Working…"). */
  busyLabel?: string | undefined;
  type?: 'button' | 'submit';
}

export function BusyButton({ busy, busyLabel, children, type = 'button', disabled, ...rest }: BusyButtonProps) {
  const { t } = useTranslation();
  const label = busyLabel ?? t('common:working');
  return (
    <>
      <button {...rest} type={type} disabled={busy || disabled} aria-busy={busy || undefined}>
        {busy && <span className="spinner" aria-hidden="true" />}
        {busy ? label : children}
      </button>
      <span role="status" className="visually-hidden">
        {busy ? label : ''}
      </span>
    </>
  );
}

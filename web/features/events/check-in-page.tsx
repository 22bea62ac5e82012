// /events/:id/check-in, for the event's organisers: scan QR codes with the phone's camera, type a short code, or find
// a name on the list. Keeps working when the network drops (use-check-in.ts, check-in-queue.ts): it says so, counts
// the scans waiting, syncs them when back and lists any scan the server decided otherwise.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Page } from '#web/components/page.tsx';
import { Banner } from '#web/components/ui/banner.tsx';
import { saveLoadedAssets } from '#web/features/library/offline.ts';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import type { RosterEntry } from '#shared/events/check-in.schema.ts';
import { EventManageNav } from './event-manage-nav.tsx';
import { CheckInCamera } from './check-in-camera.tsx';
import { CheckInCodeForm } from './check-in-code-form.tsx';
import { CheckInConflicts } from './check-in-conflicts.tsx';
import { countsOf, type ScanInput } from './check-in-local.ts';
import type { ScanOutcome } from './check-in-queue.ts';
import { CheckInResultCard } from './check-in-result.tsx';
import { CheckInRoster } from './check-in-roster.tsx';
import { undoCheckIn } from './check-in.api.ts';
import { useCheckIn } from './use-check-in.ts';

export function CheckInPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('event-check-in');
  const { view, queue, failed } = useCheckIn(id);
  const [outcome, setOutcome] = useState<ScanOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const result = useRef<HTMLDivElement>(null);
  // NOTE: the worker serves this page's shell offline (sw.js), but its own script files only once it has them.
  useEffect(saveLoadedAssets, []);

  const submit = async (input: ScanInput) => {
    if (!queue) return;
    setBusy(true);
    setError(null);
    try {
      const o = await queue.scan(input);
      setOutcome(o);
      navigator.vibrate?.(o.result === 'ok' ? 80 : [80, 60, 80]);
      result.current?.focus();
    } catch {
      setError(t('error.scanFailed'));
    } finally {
      setBusy(false);
    }
  };
  const undo = async (entry: RosterEntry) => {
    setError(null);
    try {
      await queue?.applyEntry(await undoCheckIn(id, entry.id));
    } catch {
      setError(t('error.undoFailed'));
    }
  };

  const roster = view?.roster ?? null;
  const title = roster ? (roster.titles[i18n.language] ?? roster.titles.ro ?? Object.values(roster.titles)[0]) : null;
  const counts = countsOf(roster?.registrations ?? []);
  return (
    <Page title={t('title')}>
      <EventManageNav eventId={id} />
      {title && <p className="check-in-event-title">{title}</p>}
      {failed && !roster && <Banner tone="error">{t('error.load')}</Banner>}
      {view && !view.online && (
        <Banner tone="warning" title={t('offline.title', { count: view.queue.length })} role="status">
          <p>{roster ? t('offline.body') : t('offline.noRoster')}</p>
          <BusyButton busy={view.syncing} className="button secondary" onClick={() => void queue?.sync()}>
            {t('offline.retry')}
          </BusyButton>
        </Banner>
      )}
      {view?.online && view.queue.length > 0 && <Banner role="status">{t('sync.sending', { count: view.queue.length })}</Banner>}
      {view && <CheckInConflicts conflicts={view.conflicts} onDismiss={(key) => void queue?.dismissConflict(key)} />}
      {error && <Banner tone="error" role="alert">{error}</Banner>}
      {roster && (
        <p className="check-in-counts" role="status">
          {t('counts', { checkedIn: counts.checkedIn, expected: counts.expected })}
        </p>
      )}
      <section aria-labelledby="check-in-scan-heading" className="stack">
        <h2 id="check-in-scan-heading">{t('scan.heading')}</h2>
        <CheckInCamera onCode={(code) => void submit({ code })} paused={busy || !queue} />
        <div ref={result} tabIndex={-1} aria-live="polite" className="check-in-result-region">
          {outcome && <CheckInResultCard outcome={outcome} onNext={() => setOutcome(null)} />}
        </div>
      </section>
      <CheckInCodeForm busy={busy} onCode={(code) => submit({ code })} />
      {roster && <CheckInRoster entries={roster.registrations} online={view?.online ?? false} onCheckIn={(e) => void submit({ registrationId: e.id })} onUndo={(e) => void undo(e)} />}
    </Page>
  );
}

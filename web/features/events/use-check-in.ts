// The scanner page's hold on its queue: starts it with the phone's store, follows the browser's online and offline
// events, and retries the sync on a timer while scans wait or the network is down.
import { useEffect, useRef, useState } from 'react';
import { isNetworkFailure } from '#web/lib/api.ts';
import { checkInApi } from './check-in.api.ts';
import { CheckInQueue, type CheckInView } from './check-in-queue.ts';
import { deviceId, indexedDbStore } from './check-in-store.ts';

const RETRY_MS = 15_000;

export function useCheckIn(eventId: string): { view: CheckInView | null; queue: CheckInQueue | null; failed: boolean } {
  const [view, setView] = useState<CheckInView | null>(null);
  const [failed, setFailed] = useState(false);
  const queueRef = useRef<CheckInQueue | null>(null);

  useEffect(() => {
    let stopped = false;
    let queue: CheckInQueue | null = null;
    const retry = window.setInterval(() => {
      const v = queue?.view();
      if (v && (!v.online || v.queue.length > 0)) void queue!.sync().catch(() => setFailed(true));
    }, RETRY_MS);
    const goOnline = () => void queue?.setOnline(true).catch(() => setFailed(true));
    const goOffline = () => void queue?.setOnline(false);
    window.addEventListener('online', goOnline);
    window.addEventListener('offline', goOffline);
    void (async () => {
      const store = await indexedDbStore();
      if (stopped) return;
      queue = new CheckInQueue({
        eventId,
        deviceId: deviceId(),
        store,
        api: checkInApi(eventId),
        now: () => new Date(),
        newKey: () => crypto.randomUUID(),
        isNetworkFailure,
        onChange: (v) => !stopped && setView(v),
      });
      queueRef.current = queue;
      if (!navigator.onLine) await queue.setOnline(false);
      await queue.start().catch(() => setFailed(true));
    })();
    return () => {
      stopped = true;
      window.clearInterval(retry);
      window.removeEventListener('online', goOnline);
      window.removeEventListener('offline', goOffline);
    };
  }, [eventId]);

  return { view, queue: queueRef.current, failed };
}

// Offline use of the aid: once per page load, asks the existing service worker (web/public/sw.js) to keep the files
// this page loaded, after loading the aid's content and strings in every language, so the aid opens and switches
// language without a connection. The worker's library save also keeps the Help now numbers and the linked chapters.
import { useEffect } from 'react';
import { loadAllLanguages } from '#web/lib/i18n.ts';
import { loadedAssets } from '#web/features/library/offline.ts';
import { loadAllAidContent } from './aid-content.ts';

let warmed = false;

export function useWarmOfflineAid(): void {
  useEffect(() => {
    if (warmed || !('serviceWorker' in navigator)) return;
    warmed = true;
    void navigator.serviceWorker.ready.then(async (registration) => {
      await Promise.allSettled([loadAllLanguages(), loadAllAidContent()]);
      registration.active?.postMessage({ type: 'warm-library', assets: loadedAssets() });
    });
  }, []);
}

// Offline reading: registers the service worker (web/public/sw.js), asks it to save the library, clears what it saved
// on sign-out, and tells the page whether the browser is online.
import { useEffect, useSyncExternalStore } from 'react';
import { loadAllLanguages } from '#web/lib/i18n.ts';

export const WORKER_URL = '/sw.js';

type WorkerMessage = { type: 'warm-library'; assets: string[] } | { type: 'save-assets'; assets: string[] } | { type: 'clear-library' };

/** Called once from web/main.tsx in production builds (the dev server has no hashed assets to cache). */
export function registerLibraryWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    void navigator.serviceWorker.register(WORKER_URL, { scope: '/' }).catch(() => undefined);
  });
}

async function postToWorker(message: WorkerMessage): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const registration = await navigator.serviceWorker.getRegistration();
  (registration?.active ?? navigator.serviceWorker.controller)?.postMessage(message);
}

let warmed = false;

/**
 * On a library page: once per page load, asks the worker to save every public chapter in every language, and the
 * script files offline reading needs: those this page loaded (lazy chunks fetched before the worker took control
 * would otherwise be missing), plus the other languages' strings and the report form, loaded here for that purpose.
 */
export function useWarmOfflineLibrary(): void {
  useEffect(() => {
    if (warmed || !('serviceWorker' in navigator)) return;
    warmed = true;
    void navigator.serviceWorker.ready.then(async (registration) => {
      const post = () => registration.active?.postMessage({ type: 'warm-library', assets: loadedAssets() } satisfies WorkerMessage);
      // NOTE: twice: at once with what this page loaded, then with the extra files (the worker skips saved ones).
      post();
      await Promise.allSettled([loadAllLanguages(), import('./report-form.tsx')]);
      post();
    });
  }, []);
}

/**
 * Once the worker is active, asks it to keep the script files this page has loaded (lazy chunks fetched before it took
 * control included) and nothing else: the check-in page calls it so a reload without network opens the page.
 */
export function saveLoadedAssets(): void {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready.then((registration) => {
    registration.active?.postMessage({ type: 'save-assets', assets: loadedAssets() } satisfies WorkerMessage);
  });
}

/** Same-site script and style files this page has loaded so far, lazy chunks included. */
export function loadedAssets(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name))
    .filter((url) => url.origin === location.origin && url.pathname.startsWith('/assets/'))
    .map((url) => url.pathname);
}

/** On sign-out: nothing read while signed in stays on the device (the worker never saves professionals-only text anyway). */
export function clearOfflineLibrary(): void {
  warmed = false;
  void postToWorker({ type: 'clear-library' });
  // NOTE: also from the page itself, in case no worker is active; the name prefix matches LIBRARY_CACHE in sw.js.
  if ('caches' in window) {
    void caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('ph-library-')).map((name) => caches.delete(name))))
      .catch(() => undefined);
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, () => navigator.onLine, () => true);
}

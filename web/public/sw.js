// Pro Health service worker: keeps the published library and the identification aid usable offline, in every language.
//
// NOTE: a hand-written file in web/public (served as-is at /sw.js with scope "/"), not built by Vite: the worker needs
// no bundling, the project has no PWA plugin, and the hashed file names it must cache are read at run time (from the
// index.html fetched on install and from the list of files a library page loaded), so it never goes stale with a build.
//
// What it stores — and nothing else:
//  - ph-shell-*: the app's index.html and its /assets/* files (cache-first: a hashed name never changes content),
//    so "/", /library pages, /identify (the identification aid: its content is in its script files) and an
//    event's check-in page (its roster is in IndexedDB, not here) open without a connection.
//  - ph-library-*: GET /api/library/publications[/<slug>[/chapters/<chapter>]]?lang=<en|ro|nb> (stale-while-
//    revalidate), never a professionals-only chapter. Saved in advance without cookies, so only public text.
//  - ph-help-*: GET /api/help/contacts?lang=<en|ro|nb> (stale-while-revalidate): the public Help now numbers the aid
//    and the chapters show, saved in advance like the library; public, so signing out leaves them.
// Every other request, above all every other /api path (the account, cases, administration, audit, outbox), goes to
// the network untouched and is never stored.

/* global self, caches, fetch, Response, URL */

const VERSION = 'v1';
const SHELL_CACHE = `ph-shell-${VERSION}`;
const LIBRARY_CACHE = `ph-library-${VERSION}`;
const HELP_CACHE = `ph-help-${VERSION}`;
const LANGUAGES = ['en', 'ro', 'nb'];
const SHELL_URL = '/';
const WARMED_KEY = '/__library-saved-at';
const LIBRARY_API = /^\/api\/library\/publications(?:\/[a-z0-9][a-z0-9-]*(?:\/chapters\/[a-z0-9][a-z0-9-]*)?)?$/;
const ASSET = /^\/assets\/[\w.-]+$/;
const HELP_API = '/api/help/contacts';
// NOTE: the check-in page too, so an organiser who reloads it at a venue without network gets the app (and the roster
// saved in IndexedDB) instead of the browser's error page; the shell is the same public index.html.
const OFFLINE_PAGES = /^\/(?:library(?:\/.*)?|identify|events\/[0-9a-f-]{36}\/check-in)?$/;
const WARM_EVERY_MS = 6 * 60 * 60 * 1000;
const WARM_PARALLEL = 4;

/** Bumped by a clear, so a save still running cannot put back what was just removed. */
let generation = 0;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      await saveShell().catch(() => undefined);
      await saveHelp().catch(() => undefined);
      // Installing happens on the first visit, before the worker controls anything, so nothing waits for this.
      await saveLibrary(true).catch(() => undefined);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      const old = names.filter((name) => name.startsWith('ph-') && ![SHELL_CACHE, LIBRARY_CACHE, HELP_CACHE].includes(name));
      await Promise.all(old.map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  const data = event.data ?? {};
  if (data.type === 'warm-library') {
    event.waitUntil(Promise.all([saveAssets(data.assets), saveLibrary(false), saveHelp()]).catch(() => undefined));
  } else if (data.type === 'save-assets') {
    // The check-in page: only the files it loaded (its lazy chunks came before the worker took control), so a reload
    // at a venue without network opens it; no library download on the venue's connection.
    event.waitUntil(saveAssets(data.assets).catch(() => undefined));
  } else if (data.type === 'clear-library') {
    generation += 1;
    event.waitUntil(caches.delete(LIBRARY_CACHE));
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) {
    if (isLibraryRead(url)) event.respondWith(staleWhileRevalidate(event, LIBRARY_CACHE));
    else if (url.pathname === HELP_API && hasOnlyLang(url)) event.respondWith(staleWhileRevalidate(event, HELP_CACHE));
    return;
  }
  if (request.mode === 'navigate') {
    if (OFFLINE_PAGES.test(url.pathname)) event.respondWith(pageOrShell(request));
    return;
  }
  if (ASSET.test(url.pathname) || url.pathname === '/favicon.svg') event.respondWith(cacheFirst(request));
});

/** Only the public reading routes, with nothing in the query but a known ?lang= (no ?preview=, no PDF). */
function isLibraryRead(url) {
  return LIBRARY_API.test(url.pathname) && hasOnlyLang(url);
}

function hasOnlyLang(url) {
  const keys = [...url.searchParams.keys()];
  return keys.length === 1 && keys[0] === 'lang' && LANGUAGES.includes(url.searchParams.get('lang'));
}

async function staleWhileRevalidate(event, cacheName) {
  const request = event.request;
  // NOTE: the generation when the request started: an answer that arrives after signing out cleared the library
  // must not be stored into the library again.
  const startedIn = generation;
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request.url, { ignoreVary: true });
  const network = fetch(request).then(async (response) => {
    await storePublic(cache, request.url, response.clone(), startedIn);
    return response;
  });
  if (cached) {
    event.waitUntil(network.catch(() => undefined));
    return cached;
  }
  return network.catch(() => offlineAnswer());
}

/** Stores a reading answer unless it is a professionals-only chapter; forgets one that is gone or now locked. */
async function storePublic(cache, url, response, startedIn) {
  if ([401, 403, 404, 410].includes(response.status)) return void (await cache.delete(url));
  if (!response.ok || !(response.headers.get('content-type') ?? '').includes('application/json')) return;
  const body = await response.clone().json();
  if (body?.audience === 'professionals') return void (await cache.delete(url));
  if (startedIn !== generation) return;
  await cache.put(url, response);
  return body;
}

function offlineAnswer() {
  const body = JSON.stringify({ code: 'unavailable', message: 'Offline and not saved on this device.' });
  return new Response(body, { status: 503, headers: { 'content-type': 'application/json' } });
}

/** Saves the list, every table of contents and every public chapter in every language (not more than every 6 h). */
async function saveLibrary(force) {
  const startedIn = generation;
  const cache = await caches.open(LIBRARY_CACHE);
  const savedAt = await cache.match(WARMED_KEY);
  if (!force && savedAt && Date.now() - Number(await savedAt.text()) < WARM_EVERY_MS) return;
  const chapters = [];
  for (const lang of LANGUAGES) {
    const list = await fetchPublic(cache, `/api/library/publications?lang=${lang}`, startedIn);
    for (const publication of list?.publications ?? []) {
      const base = `/api/library/publications/${publication.slug}`;
      const toc = await fetchPublic(cache, `${base}?lang=${lang}`, startedIn);
      for (const chapter of toc?.chapters ?? []) {
        if (chapter.audience === 'public' && !chapter.locked) chapters.push(`${base}/chapters/${chapter.slug}?lang=${lang}`);
      }
    }
  }
  await inParallel(chapters, WARM_PARALLEL, (url) => fetchPublic(cache, url, startedIn));
  if (startedIn === generation) await cache.put(WARMED_KEY, new Response(String(Date.now())));
}

/** The Help now list in every language (three small answers; kept apart from the library, which signing out clears). */
async function saveHelp() {
  const cache = await caches.open(HELP_CACHE);
  await Promise.all(LANGUAGES.map((lang) => fetchPublic(cache, `${HELP_API}?lang=${lang}`, generation)));
}

async function fetchPublic(cache, url, startedIn) {
  try {
    // NOTE: no cookies, so only what an anonymous reader may see; "purpose: prefetch" so the server does not count
    // a reader's view for a chapter nobody has opened yet.
    const response = await fetch(url, { credentials: 'omit', headers: { accept: 'application/json', purpose: 'prefetch' } });
    return await storePublic(cache, url, response, startedIn);
  } catch {
    return undefined;
  }
}

async function inParallel(items, limit, work) {
  const queue = [...items];
  const worker = async () => {
    while (queue.length > 0) await work(queue.shift());
  };
  await Promise.all(Array.from({ length: Math.min(limit, queue.length) }, worker));
}

/** index.html plus the files it names (entry script, styles, preloads). */
async function saveShell() {
  const cache = await caches.open(SHELL_CACHE);
  const response = await fetch(SHELL_URL, { headers: { accept: 'text/html' }, cache: 'no-store' });
  if (!response.ok) return;
  const html = await response.clone().text();
  await cache.put(SHELL_URL, response);
  const named = [...html.matchAll(/(?:src|href)="(\/assets\/[\w.-]+)"/g)].map((match) => match[1]);
  await saveAssets([...named, '/favicon.svg']);
}

/** Files a page reports having loaded (lazy chunks included); only same-site /assets/ paths. */
async function saveAssets(paths) {
  if (!Array.isArray(paths)) return;
  const cache = await caches.open(SHELL_CACHE);
  const wanted = [...new Set(paths)].filter((path) => typeof path === 'string' && (ASSET.test(path) || path === '/favicon.svg'));
  for (const path of wanted) {
    if (await cache.match(path)) continue;
    const response = await fetch(path).catch(() => undefined);
    if (response?.ok) await cache.put(path, response);
  }
}

/** A page: the network first (and keep its index.html as the shell), the saved shell when offline. */
async function pageOrShell(request) {
  try {
    const response = await fetch(request);
    if (response.ok && (response.headers.get('content-type') ?? '').includes('text/html')) {
      const cache = await caches.open(SHELL_CACHE);
      await cache.put(SHELL_URL, response.clone());
    }
    return response;
  } catch {
    return (await caches.match(SHELL_URL, { cacheName: SHELL_CACHE })) ?? Response.error();
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(SHELL_CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

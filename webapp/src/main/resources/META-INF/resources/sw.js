/*
 * The field app's service worker: the app shell (pages, scripts, styles, fonts, icons, the webjars) is served
 * from the cache when there is no network, so an inspector can open the app and report offline; reports then
 * wait in IndexedDB (app/outbox.js). API calls are never cached here.
 */
const SHELL = 'cityloop-shell-v3';
const PRECACHE = [
  '/', '/index.html', '/manifest.webmanifest', '/favicon.ico',
  '/app/app.css', '/app/main.js', '/app/api.js', '/app/session.js', '/app/i18n.js', '/app/format.js',
  '/app/outbox.js', '/app/reference.js', '/app/map.js', '/app/components.js', '/app/category-picker.js',
  '/app/scorecard-format.js', '/app/live.js',
  '/app/views/login.js', '/app/views/field-report.js', '/app/views/field-mine.js', '/app/views/field-checks.js', '/app/views/field-confirm.js',
  '/app/views/inbox.js', '/app/views/desk.js', '/app/views/supervision.js',
  '/webjars/vue/3.5.26/dist/vue.global.prod.js', '/webjars/leaflet/1.9.4/dist/leaflet.js',
  '/webjars/leaflet/1.9.4/dist/leaflet.css', '/fonts/cityloop-sans-sc.woff2', '/icons/icon-192.png',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n !== SHELL).map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

/** Network first, so a new release is seen at once; the cache when the network fails. */
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')
      || url.pathname.startsWith('/open311/') || url.pathname.startsWith('/oauth2/')) {
    return;
  }
  event.respondWith(fetch(event.request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(SHELL).then((cache) => cache.put(event.request, copy));
    }
    return response;
  }).catch(() => caches.match(event.request, { ignoreSearch: true })
    .then((cached) => cached || caches.match('/index.html'))));
});

/*
 * 待发送: reports made on the phone wait here (IndexedDB) until they reach the server. Each keeps the
 * Idempotency-Key it was given when the inspector pressed "上报", so sending it again — after a lost answer, a
 * closed app or a day without signal — returns the same case and never creates a second one. Photos are sent
 * after the case exists; the server keys a photo by its content, so a photo sent twice is one photo.
 */
import { api, ApiError } from './api.js';
import { expire, tokenValid } from './session.js';

const { reactive } = Vue;

const DB = 'cityloop-field';
const STORE = 'outbox';

export const outbox = reactive({ items: [], sending: false });

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function transact(mode, work) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const result = work(tx.objectStore(STORE));
    tx.oncomplete = () => { db.close(); resolve(result && 'result' in result ? result.result : undefined); };
    tx.onerror = () => { db.close(); reject(tx.error); };
  });
}

export async function load() {
  const all = await transact('readonly', (store) => store.getAll());
  outbox.items = (all || []).sort((a, b) => a.createdAt - b.createdAt);
  return outbox.items;
}

/** Keeps a report on the phone; photos are stored as Blobs with their names and types. */
export async function keep(item) {
  await transact('readwrite', (store) => store.put(plain(item)));
  await load();
}

async function forget(key) {
  await transact('readwrite', (store) => store.delete(key));
  await load();
}

export async function discard(key) {
  await forget(key);
}

async function update(item, changes) {
  Object.assign(item, changes);
  await transact('readwrite', (store) => store.put(plain(item)));
}

/** IndexedDB clones what it stores and cannot clone Vue's proxies; the Blobs inside are kept as they are. */
function plain(item) {
  const raw = Vue.toRaw(item);
  return { ...raw, report: JSON.parse(JSON.stringify(raw.report)), photos: (raw.photos || []).map((p) => ({ ...Vue.toRaw(p) })) };
}

/**
 * Sends what waits, oldest first. Stops at the first network failure (the rest would fail too) and leaves a
 * report the server refused (4xx) marked with the server's words for the inspector to correct or delete.
 * Answers the cases created.
 */
export function flush(onSent) {
  const run = queue.then(() => sendAll(onSent));
  queue = run.catch(() => undefined);
  return run;
}

/** The cases reports became in this session, by their key, whichever run sent them. */
const sent = new Map();

export function sentAs(key) {
  return sent.get(key) || null;
}

/** One run at a time: a report sent while the timer's run is under way waits for it, then goes itself. */
let queue = Promise.resolve();

async function sendAll(onSent) {
  if (!tokenValid()) return [];
  outbox.sending = true;
  const created = [];
  try {
    for (const item of await load()) {
      if (item.state === 'failed') continue;
      try {
        await update(item, { state: 'sending' });
        const view = await api('POST', '/api/cases', {
          body: item.report, headers: { 'Idempotency-Key': item.key }, background: true,
        });
        for (const photo of item.photos || []) {
          const form = new FormData();
          form.append('file', photo.blob, photo.name || 'photo.jpg');
          form.append('stage', 'REPORT');
          await api('POST', `/api/cases/${view.id}/photos`, { form, background: true });
        }
        await forget(item.key);
        sent.set(item.key, view);
        created.push(view);
        if (onSent) onSent(view, item);
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) {
          // The gateway no longer takes the token: ask for the password over whatever page is open, then go on.
          await update(item, { state: 'waiting', error: null });
          expire().then((signedIn) => { if (signedIn) flush(); });
          break;
        }
        if (e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 429) {
          await update(item, { state: 'failed', error: e.message });
          continue;
        }
        await update(item, { state: 'waiting', error: null });
        break;
      }
    }
  } finally {
    outbox.sending = false;
    await load();
  }
  return created;
}

/** A refused report the inspector corrected nothing about but wants to try again (e.g. after a fix on the server). */
export async function retry(key) {
  const item = outbox.items.find((i) => i.key === key);
  if (item) await update(item, { state: 'waiting', error: null });
  return flush();
}

/*
 * The one way the apps talk to the gateway. Errors come back as RFC 9457 problems; they are turned into
 * sentences for people (the problem's detail, or each field's message), never shown as raw JSON.
 */
import { session, expire, tokenValid } from './session.js';
import { t } from './i18n.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(describe(status, problem));
    this.status = status;
    this.problem = problem || {};
  }
}

/** The request never reached the gateway: no network, or the gateway is down. */
export class OfflineError extends Error {
  constructor() {
    super(t('error.offline'));
    this.offline = true;
  }
}

function describe(status, problem) {
  if (problem && Array.isArray(problem.errors) && problem.errors.length) {
    return problem.errors.map(brokenRule).join('；');
  }
  if (problem && problem.detail) return problem.detail;
  if (problem && problem.title) return problem.title;
  if (status === 503) return t('error.unavailable');
  return t('error.status', { status });
}

/** A broken rule the apps have words for (problem.<field>.<rule>), else the field's name and the server's message. */
function brokenRule(e) {
  const key = `problem.${e.field}.${e.rule}`;
  const words = t(key);
  if (words !== key) return words;
  return e.message ? `${fieldName(e.field)}：${e.message}` : fieldName(e.field);
}

function fieldName(field) {
  const key = 'field.' + field;
  const name = t(key);
  return name === key ? field : name;
}

/** crypto.randomUUID exists only in secure contexts; a phone on http://<LAN address> needs the fallback. */
export function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Calls the API. {@code body} is sent as JSON, {@code form} as multipart. A 401 opens the sign-in dialog and the
 * same request is sent again once the user is back, so nothing typed is lost; {@code background} requests (the
 * outbox) do not ask and fail instead.
 */
export async function api(method, path, { body, form, headers, background, raw } = {}) {
  const sent = Object.assign({ Accept: 'application/json, application/problem+json' }, headers);
  // A dead token on the sign-in request itself would have it refused before the password is even looked at.
  if (session.token && !path.startsWith('/api/auth/')) sent.Authorization = 'Bearer ' + session.token;
  if (body !== undefined) sent['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: sent,
      body: body !== undefined ? JSON.stringify(body) : form,
      cache: 'no-store',
    });
  } catch (e) {
    throw new OfflineError();
  }
  if (response.status === 401 && !path.startsWith('/api/auth/')) {
    if (background || !(await expire())) throw new ApiError(401, { detail: t('error.signedOut') });
    return api(method, path, { body, form, headers, background, raw });
  }
  if (raw && response.ok) return response;
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch (e) { data = { detail: response.status >= 500 ? null : text.slice(0, 200) }; }
  }
  if (!response.ok) throw new ApiError(response.status, data);
  if (response.headers.get('X-Total-Count') && Array.isArray(data)) {
    data.total = Number(response.headers.get('X-Total-Count'));
  }
  if (response.headers.get('ETag')) {
    Object.defineProperty(data, 'etag', { value: response.headers.get('ETag'), enumerable: false });
  }
  return data;
}

export const get = (path, options) => api('GET', path, options);
export const post = (path, body, options) => api('POST', path, Object.assign({ body }, options));

/** A photo of a case as an object URL: images need the bearer token, which an <img src> cannot send. */
const photoUrls = new Map();
export async function photoUrl(url) {
  if (photoUrls.has(url)) return photoUrls.get(url);
  const response = await api('GET', url, { raw: true, headers: { Accept: 'image/*' } });
  const objectUrl = URL.createObjectURL(await response.blob());
  photoUrls.set(url, objectUrl);
  return objectUrl;
}

export { tokenValid };

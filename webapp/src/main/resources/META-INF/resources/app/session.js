/*
 * Who is signed in. The token is kept in localStorage so that the field app, closed with reports waiting to be
 * sent, can send them when it is opened again; it is dropped when it expires or the user signs out.
 */
const { reactive } = Vue;

const STORAGE_KEY = 'cityloop.session';

export const session = reactive({
  token: null,
  claims: null,
  /** True while the sign-in dialog is open over a page whose work must not be lost. */
  expired: false,
});

/** Resolvers of requests that wait for the user to sign in again after the token expired. */
let waiting = [];

export function restore() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) || 'null');
    if (saved && saved.token && saved.claims && saved.claims.exp * 1000 > Date.now()) {
      session.token = saved.token;
      session.claims = saved.claims;
    }
  } catch (e) {
    localStorage.removeItem(STORAGE_KEY);
  }
}

export function signIn(token) {
  session.token = token;
  session.claims = decodeClaims(token);
  session.expired = false;
  localStorage.setItem(STORAGE_KEY, JSON.stringify({ token: session.token, claims: session.claims }));
  const resume = waiting;
  waiting = [];
  resume.forEach((resolve) => resolve());
}

export function signOut() {
  session.token = null;
  session.claims = null;
  session.expired = false;
  localStorage.removeItem(STORAGE_KEY);
  const abandoned = waiting;
  waiting = [];
  abandoned.forEach((resolve) => resolve(false));
}

/** The token was refused: ask for the password again, keep the page, and resume once signed in. */
export function expire() {
  session.expired = true;
  return new Promise((resolve) => waiting.push((signedIn = true) => resolve(signedIn)));
}

export function hasRole(...roles) {
  const mine = (session.claims && session.claims.roles) || [];
  return roles.some((r) => mine.includes(r));
}

export function tokenValid() {
  return !!(session.token && session.claims && session.claims.exp * 1000 > Date.now());
}

function decodeClaims(token) {
  const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(payload), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

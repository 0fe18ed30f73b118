/*
 * CityLoop console: a plain-JS single page over the gateway's REST API. The token lives only in memory, so
 * closing or reloading the tab signs the user out.
 */
'use strict';

const session = { token: null, claims: null };

const $ = (id) => document.getElementById(id);

/** crypto.randomUUID exists only in secure contexts (https, localhost); a LAN address over http needs the fallback. */
function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** One key per report being filled in: resubmitting after a network error cannot create a second case. */
let reportKey = uuid();

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props || {});
  children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
  return node;
}

function say(text, kind) {
  const message = $('message');
  message.textContent = text;
  message.className = kind || '';
}

/** Calls the API with the bearer token; rejects with the problem+json detail when the answer is an error. */
async function api(method, path, body, extraHeaders) {
  const headers = Object.assign({ Accept: 'application/json, application/problem+json' }, extraHeaders);
  if (session.token) headers.Authorization = 'Bearer ' + session.token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && !headers['Idempotency-Key']) headers['Idempotency-Key'] = uuid();
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const data = text ? safeJson(text) : null;
  if (!response.ok) {
    const detail = (data && (data.detail || data.title)) || response.status + ' ' + response.statusText;
    throw new Error(detail);
  }
  return data;
}

function safeJson(text) {
  try { return JSON.parse(text); } catch (e) { return { detail: text }; }
}

function decodeClaims(token) {
  const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(payload), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/** Lists may come bare or wrapped in a page object; the console accepts both. */
function rows(data) {
  if (Array.isArray(data)) return data;
  return (data && (data.items || data.content || data.rows)) || [];
}

function cell(value) {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Renders objects as a table; columns are the given keys or, if none, the keys of the first row. */
function table(items, columns, actions) {
  if (!items.length) return el('p', {}, '暂无数据 Nothing here');
  const keys = columns || Object.keys(items[0]);
  const head = el('tr', {}, keys.map((k) => el('th', {}, k)), actions ? el('th', {}, '操作 Actions') : []);
  const body = items.map((item) => el('tr', {},
    keys.map((k) => el('td', {}, cell(item[k]))),
    actions ? el('td', {}, actions(item)) : []));
  return el('table', {}, el('thead', {}, head), el('tbody', {}, body));
}

function button(label, onClick) {
  return el('button', { type: 'button', onclick: () => onClick().catch((e) => say(e.message, 'error')) }, label);
}

function show(targetId, node) {
  $(targetId).replaceChildren(node);
}

async function act(method, path, body, done) {
  await api(method, path, body);
  say('已完成 Done', 'ok');
  if (done) await done();
}

const REJECTION_REASONS = 'NOT_IN_SCOPE, CRITERION_NOT_MET, LOCATION_INVALID, INFORMATION_INSUFFICIENT, DUPLICATE';

const loaders = {
  async verifications() {
    const items = rows(await api('GET', '/api/verifications'));
    show('verifications', table(items, ['caseId', 'categoryName', 'address', 'gridCode', 'unitName', 'dueBy'], (v) => [
      button('通过 PASS', () => act('POST', `/api/cases/${v.caseId}/verification`, { result: 'PASS' }, loaders.verifications)),
      button('不通过 FAIL', () => {
        const note = prompt('仍存在的问题 What is still wrong');
        return note ? act('POST', `/api/cases/${v.caseId}/verification`, { result: 'FAIL', note }, loaders.verifications)
          : Promise.resolve();
      }),
    ]));
  },
  async reported() {
    const items = rows(await api('GET', '/api/cases?status=REPORTED'));
    show('reported', table(items, ['id', 'categoryName', 'description', 'districtName', 'address', 'reportedAt'], (c) => [
      button('立案 FILE', () => act('POST', `/api/cases/${c.id}/filing`, { decision: 'FILE' }, loaders.reported)),
      button('不予立案 REJECT', () => {
        const reasonCode = prompt('原因代码 Reason code: ' + REJECTION_REASONS, 'CRITERION_NOT_MET');
        if (!reasonCode) return Promise.resolve();
        const note = prompt('说明 Note') || undefined;
        return act('POST', `/api/cases/${c.id}/filing`, { decision: 'REJECT', reasonCode: reasonCode.trim(), note },
          loaders.reported);
      }),
    ]));
  },
  async tasks() {
    const items = rows(await api('GET', '/api/tasks'));
    show('tasks', table(items, ['taskId', 'caseId', 'categoryName', 'status', 'deadline', 'overdue', 'reworkCount'], (t) => [
      button('签收 Accept', () => act('POST', `/api/tasks/${t.taskId}/accept`, undefined, loaders.tasks)),
      button('反馈 Feed back', () => {
        const note = prompt('处理结果 What was done');
        return note ? act('POST', `/api/tasks/${t.taskId}/feedback`, { note }, loaders.tasks) : Promise.resolve();
      }),
    ]));
  },
  async scorecards() {
    const month = $('month').value;
    if (!month) throw new Error('请选择月份 Choose a month');
    const columns = ['dispatched', 'handled', 'handledOnTime', 'overdue', 'rework', 'closed', 'handlingRate', 'onTimeRate'];
    show('scorecard-departments', table(rows(await api('GET', `/api/scorecards/${month}/departments`)),
      ['unitName'].concat(columns)));
    show('scorecard-districts', table(rows(await api('GET', `/api/scorecards/${month}/districts`)),
      ['districtName', 'reported', 'filed'].concat(columns)));
  },
};

/** Which sections a role sees; the services still decide what each request may do. */
const sectionsByRole = {
  inspector: ['inspector'],
  operator: ['operator'],
  'shift-lead': ['operator'],
  department: ['department'],
  supervisor: ['supervisor'],
  admin: ['operator', 'supervisor'],
  dispatcher: ['supervisor'],
};

function enterWorkspace() {
  const roles = session.claims.roles || [];
  const visible = new Set(roles.flatMap((r) => sectionsByRole[r] || []));
  document.querySelectorAll('[data-role]').forEach((s) => { s.hidden = !visible.has(s.dataset.role); });
  $('who').textContent = `${session.claims.name || session.claims.sub} (${roles.join(', ')})`;
  $('login').hidden = true;
  $('workspace').hidden = false;
  $('month').value = new Date().toISOString().slice(0, 7);
  say('已登录 Signed in', 'ok');
}

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  try {
    const answer = await api('POST', '/api/auth/token', { username: form.get('username'), password: form.get('password') });
    session.token = answer.access_token;
    session.claims = decodeClaims(answer.access_token);
    enterWorkspace();
  } catch (e) {
    say(e.message, 'error');
  }
});

$('report-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const report = {
    categoryCode: form.get('categoryCode'),
    description: form.get('description'),
    location: { lon: Number(form.get('lon')), lat: Number(form.get('lat')) },
    address: form.get('address'),
  };
  try {
    const created = await api('POST', '/api/cases', report, { 'Idempotency-Key': reportKey });
    reportKey = uuid();
    event.target.reset();
    say(`已上报 Reported: ${(created && created.id) || ''}`, 'ok');
  } catch (e) {
    say(e.message, 'error');
  }
});

$('case-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const caseId = new FormData(event.target).get('caseId').trim();
  try {
    const found = await api('GET', `/api/cases/${encodeURIComponent(caseId)}`);
    show('case', el('div', {},
      el('p', {}, `状态 Status: ${found.status}`),
      table(found.timeline || [], ['at', 'type', 'fromStatus', 'toStatus', 'actor', 'role', 'reason', 'source'])));
  } catch (e) {
    say(e.message, 'error');
  }
});

document.querySelectorAll('[data-load]').forEach((b) => b.addEventListener('click',
  () => loaders[b.dataset.load]().catch((e) => say(e.message, 'error'))));

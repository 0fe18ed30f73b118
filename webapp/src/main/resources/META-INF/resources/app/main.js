/*
 * The apps' shell: sign-in, a hash router that sends each role to its own app (the inspector's 城管通, a unit's
 * inbox, the desks), the language switch and the periodic work (the outbox, the unread count). Which screens a
 * role sees is a convenience; the API decides what each request may do.
 */
import { session, restore, signOut, hasRole, tokenValid } from './session.js';
import { t, locale, setLang } from './i18n.js';
import { MessageBar } from './components.js';
import { SignIn } from './views/login.js';
import { FieldReport } from './views/field-report.js';
import { FieldMine } from './views/field-mine.js';
import { FieldChecks, FieldCheck } from './views/field-checks.js';
import { FieldConfirmations, FieldConfirmation } from './views/field-confirm.js';
import { TaskInbox, TaskDetail, Notices, unread, countUnread } from './views/inbox.js';
import { FilingDesk, HotlineForm, DispatchDesk, CaseDetail } from './views/desk.js';
import { Supervision, MonthReport } from './views/supervision.js';
import { outbox, load as loadOutbox, flush } from './outbox.js';
import { startLivePush } from './live.js';

const { createApp, reactive, computed } = Vue;

const FIELD = ['inspector'];
const CHECKERS = ['inspector', 'shift-lead'];
const UNIT = ['department'];
const DESK = ['operator', 'shift-lead', 'dispatcher', 'supervisor', 'admin'];
const SCORECARD_READERS = ['supervisor', 'dispatcher', 'admin', 'shift-lead'];

const routes = [
  { path: /^\/field\/report$/, view: FieldReport, roles: FIELD, app: 'field' },
  { path: /^\/field\/mine$/, view: FieldMine, roles: FIELD, app: 'field' },
  { path: /^\/field\/checks$/, view: FieldChecks, roles: CHECKERS, app: 'field' },
  { path: /^\/field\/checks\/(?<caseId>CL\d+)$/, view: FieldCheck, roles: CHECKERS, app: 'field' },
  { path: /^\/field\/confirm$/, view: FieldConfirmations, roles: CHECKERS, app: 'field' },
  { path: /^\/field\/confirm\/(?<caseId>CL\d+)$/, view: FieldConfirmation, roles: CHECKERS, app: 'field' },
  { path: /^\/inbox$/, view: TaskInbox, roles: UNIT, app: 'inbox' },
  { path: /^\/inbox\/task\/(?<taskId>[\w-]+)$/, view: TaskDetail, roles: UNIT, app: 'inbox' },
  { path: /^\/inbox\/notices$/, view: Notices, roles: UNIT, app: 'inbox' },
  { path: /^\/inbox\/scorecard$/, view: Supervision, roles: UNIT, app: 'inbox' },
  { path: /^\/desk\/filing$/, view: FilingDesk, roles: ['operator', 'shift-lead'], app: 'desk' },
  { path: /^\/desk\/hotline$/, view: HotlineForm, roles: ['operator', 'shift-lead'], app: 'desk' },
  { path: /^\/desk\/dispatch$/, view: DispatchDesk, roles: ['dispatcher', 'supervisor'], app: 'desk' },
  { path: /^\/desk\/scorecards$/, view: Supervision, roles: SCORECARD_READERS, app: 'desk' },
  { path: /^\/desk\/report\/(?<month>\d{4}-\d{2})$/, view: MonthReport, roles: [...SCORECARD_READERS, 'department'], app: 'desk' },
  { path: /^\/case(?:\/(?<caseId>[\w-]+))?$/, view: CaseDetail, roles: DESK, app: 'desk' },
];

/** Where each role starts. */
function home() {
  if (hasRole('inspector')) return '/field/report';
  if (hasRole('department')) return '/inbox';
  if (hasRole('operator', 'shift-lead')) return '/desk/filing';
  if (hasRole('dispatcher')) return '/desk/dispatch';
  return '/desk/scorecards';
}

const route = reactive({ path: '', match: null, params: {} });

function resolve() {
  const path = (location.hash || '#/').slice(1) || '/';
  if (!tokenValid()) {
    route.path = '/login';
    route.match = null;
    return;
  }
  const found = routes.find((r) => r.path.test(path));
  if (!found || !hasRole(...found.roles)) {
    if (path !== home()) location.replace('#' + home());
    return;
  }
  route.path = path;
  route.match = found;
  route.params = { ...(path.match(found.path).groups || {}) };
}

const Shell = {
  components: { MessageBar, SignIn },
  setup() {
    const roleNames = computed(() => ((session.claims && session.claims.roles) || []).map((r) => t('role.' + r)).join('、'));
    const appName = computed(() => (route.match ? t('app.' + route.match.app) : t('app.name')));
    return { session, route, t, locale, outbox, unread, roleNames, appName, hasRole };
  },
  methods: {
    signedIn() {
      const wanted = location.hash.slice(1);
      resolve();
      if (!wanted || wanted === '/' || wanted === '/login') location.hash = '#' + home();
      startBackgroundWork();
    },
    signOut() {
      signOut();
      location.hash = '#/';
      resolve();
    },
    toggleLang() { setLang(locale.lang === 'zh' ? 'en' : 'zh'); },
    active(prefix) { return route.path.startsWith(prefix); },
  },
  template: `
    <div class="shell" :class="route.match ? 'app-' + route.match.app : 'app-login'">
      <header class="topbar" v-if="route.match">
        <div class="title"><img src="/icons/icon-192.png" alt="" width="28" height="28"><span>{{ appName }}</span></div>
        <div class="who"><span data-test="who">{{ session.claims.name }}</span><span class="muted small"> {{ roleNames }}</span></div>
        <div class="tools">
          <button type="button" class="link light" @click="toggleLang" data-test="lang">{{ t('lang.switch') }}</button>
          <button type="button" class="link light" @click="signOut" data-test="sign-out">{{ t('nav.signOut') }}</button>
        </div>
      </header>
      <nav class="desk-nav" v-if="route.match && route.match.app === 'desk'">
        <a v-if="hasRole('operator', 'shift-lead')" href="#/desk/filing" :class="{ on: active('/desk/filing') }" data-test="nav-filing">{{ t('desk.queue') }}</a>
        <a v-if="hasRole('operator', 'shift-lead')" href="#/desk/hotline" :class="{ on: active('/desk/hotline') }" data-test="nav-hotline">{{ t('hotline.title') }}</a>
        <a v-if="hasRole('dispatcher', 'supervisor')" href="#/desk/dispatch" :class="{ on: active('/desk/dispatch') }" data-test="nav-dispatch">{{ t('dispatch.title') }}</a>
        <a v-if="hasRole('supervisor', 'dispatcher', 'admin', 'shift-lead')" href="#/desk/scorecards" :class="{ on: active('/desk/scorecards') || active('/desk/report') }" data-test="nav-scorecards">{{ t('desk.scorecards') }}</a>
        <a href="#/case" :class="{ on: active('/case') }" data-test="nav-case">{{ t('desk.lookup') }}</a>
      </nav>
      <message-bar></message-bar>
      <main>
        <sign-in v-if="!route.match" @signed-in="signedIn"></sign-in>
        <component v-else :is="route.match.view" v-bind="route.params" :key="route.path"></component>
      </main>
      <nav class="tabbar" v-if="route.match && route.match.app === 'field'">
        <a href="#/field/report" :class="{ on: active('/field/report') }" data-test="tab-report"><svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M12 5v14M5 12h14"/></svg>{{ t('nav.report') }}</a>
        <a href="#/field/mine" :class="{ on: active('/field/mine') }" data-test="tab-mine"><svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M4 6h16M4 12h16M4 18h16"/></svg>{{ t('nav.mine') }}
          <b v-if="outbox.items.length" class="badge" data-test="outbox-badge">{{ outbox.items.length }}</b></a>
        <a href="#/field/checks" :class="{ on: active('/field/checks') }" data-test="tab-checks"><svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M5 12.5l4.5 4.5L19 7.5"/></svg>{{ t('nav.checks') }}</a>
        <a href="#/field/confirm" :class="{ on: active('/field/confirm') }" data-test="tab-confirm"><svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M12 21s-6.5-5.8-6.5-11a6.5 6.5 0 0 1 13 0c0 5.2-6.5 11-6.5 11z"/><circle cx="12" cy="10" r="2.3"/></svg>{{ t('nav.confirm') }}</a>
      </nav>
      <nav class="tabbar" v-if="route.match && route.match.app === 'inbox'">
        <a href="#/inbox" :class="{ on: route.path === '/inbox' || active('/inbox/task') }" data-test="tab-tasks"><svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M4 6h16M4 12h16M4 18h16"/></svg>{{ t('nav.tasks') }}</a>
        <a href="#/inbox/notices" :class="{ on: active('/inbox/notices') }" data-test="tab-notices"><svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M3 6h18v12H3zM3 6l9 7 9-7"/></svg>{{ t('nav.notices') }}
          <b v-if="unread.count" class="badge" data-test="unread-badge">{{ unread.count }}</b></a>
        <a href="#/inbox/scorecard" :class="{ on: active('/inbox/scorecard') }" data-test="tab-scorecard"><svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M5 20V10M12 20V4M19 20v-7"/></svg>{{ t('desk.scorecards') }}</a>
      </nav>
      <sign-in v-if="session.expired" :dialog="true"></sign-in>
    </div>`,
};

let background = false;
/** The outbox is tried at start, when the network comes back and every 20 s; the unread count every 30 s. */
function startBackgroundWork() {
  if (background) return;
  background = true;
  const send = () => { if (hasRole('inspector') && navigator.onLine) flush(); };
  window.addEventListener('online', send);
  setInterval(send, 20000);
  setInterval(() => { if (hasRole('department') && tokenValid()) countUnread(); }, 30000);
  if (hasRole('inspector')) loadOutbox().then(send);
  if (hasRole('department')) { countUnread(); startLivePush(); }
}

restore();
setLang(locale.lang);
window.addEventListener('hashchange', resolve);
resolve();
createApp(Shell).mount('#app');
if (tokenValid()) startBackgroundWork();

if ('serviceWorker' in navigator && window.isSecureContext) {
  navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}

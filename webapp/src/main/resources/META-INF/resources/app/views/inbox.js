/*
 * The handling unit's inbox (任务收件箱): its tasks by urgency and working time left, yellow (预警) and red
 * (超期) as the API says; a task with its case, map, photos and timeline; and only the actions its state allows.
 */
import { get, post, api } from '../api.js';
import { t } from '../i18n.js';
import { beijingTime } from '../format.js';
import { CityMap } from '../map.js';
import { PhotoPicker, PhotoStrip, StatusTag, TimeLeft, Timeline, say, act } from '../components.js';

const OPEN = ['DISPATCHED', 'ACCEPTED', 'REWORK', 'EXTENSION_REQUESTED', 'SUSPENSION_REQUESTED', 'SUSPENDED'];
const URGENCY_ORDER = { URGENT: 0, QUICK: 1, ORDINARY: 2, COMPLEX: 3 };

/** Which actions a task in each state offers its unit; the API refuses anything else anyway. */
export const UNIT_ACTIONS = {
  DISPATCHED: ['accept', 'return'],
  ACCEPTED: ['feedback', 'extension', 'suspension', 'return'],
  REWORK: ['feedback', 'extension', 'suspension'],
};

export const TaskInbox = {
  components: { StatusTag, TimeLeft },
  setup: () => ({ t, beijingTime }),
  data: () => ({ tasks: [], filter: 'open', loading: true }),
  computed: {
    shown() {
      const list = this.filter === 'open' ? this.tasks.filter((x) => OPEN.includes(x.status)) : this.tasks.slice();
      return list.sort((a, b) => rank(a) - rank(b));
    },
  },
  mounted() {
    this.refresh();
    this.timer = setInterval(() => this.refresh(true), 30000);
    this.pushed = () => this.refresh(true);
    window.addEventListener('cityloop:notice', this.pushed);
  },
  beforeUnmount() { clearInterval(this.timer); window.removeEventListener('cityloop:notice', this.pushed); },
  methods: {
    async refresh(quiet) {
      if (!quiet) this.loading = true;
      try {
        this.tasks = await get('/api/tasks?limit=200', { background: quiet });
      } catch (e) {
        if (!quiet) say(e.message, 'error');
      } finally {
        this.loading = false;
      }
    },
  },
  template: `
    <div class="page wide">
      <div class="page-head"><h2>{{ t('inbox.title') }}</h2>
        <div class="segmented">
          <button type="button" :class="{ on: filter === 'open' }" @click="filter = 'open'">{{ t('inbox.open') }}</button>
          <button type="button" :class="{ on: filter === 'all' }" @click="filter = 'all'">{{ t('inbox.all') }}</button>
        </div>
        <button class="small" type="button" @click="refresh()" :disabled="loading">{{ t('common.refresh') }}</button></div>
      <p v-if="!loading && !shown.length" class="muted">{{ t('inbox.none') }}</p>
      <ul class="cards">
        <li v-for="x in shown" :key="x.taskId" class="card task" :class="{ red: x.overdue, yellow: x.warned && !x.overdue }">
          <a class="card-link" :href="'#/inbox/task/' + x.taskId" :data-task="x.taskId" :data-case="x.caseId" data-test="task-item">
            <div class="line">
              <strong>{{ x.categoryName }}</strong>
              <span>
                <span v-if="x.reworkCount && x.status === 'REWORK'" class="tag s-rework">{{ t('inbox.rework') }}</span>
                <span class="tag">{{ t('urgency.' + x.urgency) }}</span>
                <status-tag kind="task" :status="x.status"></status-tag>
              </span>
            </div>
            <div class="line small">
              <time-left :minutes="x.remainingWorkingMinutes" :warned="x.warned" :overdue="x.overdue" :stopped="x.status === 'SUSPENDED'"></time-left>
              <span class="muted">{{ t('common.deadline') }} {{ beijingTime(x.deadline) }}</span>
            </div>
            <div class="small muted">{{ x.caseId }} · {{ t('inbox.dispatchedAt') }} {{ beijingTime(x.dispatchedAt) }}
              <span v-if="x.escalationLevel" class="red-text"> · {{ t('inbox.escalated', { level: x.escalationLevel }) }}</span></div>
          </a>
        </li>
      </ul>
    </div>`,
};

function rank(task) {
  const open = OPEN.includes(task.status) ? 0 : 1;
  const light = task.overdue ? 0 : task.warned ? 1 : 2;
  const left = task.remainingWorkingMinutes ?? Number.MAX_SAFE_INTEGER;
  return open * 1e12 + light * 1e10 + (URGENCY_ORDER[task.urgency] ?? 4) * 1e8 + Math.max(-9e7, Math.min(9e7, left));
}

export const TaskDetail = {
  components: { CityMap, PhotoPicker, PhotoStrip, StatusTag, TimeLeft, Timeline },
  props: { taskId: String },
  setup: () => ({ t, beijingTime }),
  data: () => ({
    task: null, file: null, open: '', busy: false,
    reason: '', note: '', photos: [], amount: 1, unit: 'WORKING_DAYS',
  }),
  computed: {
    actions() { return (this.task && UNIT_ACTIONS[this.task.status]) || []; },
    pin() { return this.file && this.file.location ? { lon: this.file.location.lon, lat: this.file.location.lat } : null; },
    reportPhotos() { return this.photosOf('REPORT'); },
    handlingPhotos() { return this.photosOf('HANDLING'); },
    failedCheck() {
      if (!this.file || !this.task || this.task.status !== 'REWORK') return null;
      const failed = (this.file.timeline || []).filter((s) => s.type === 'rework-required');
      return failed.length ? failed[failed.length - 1] : null;
    },
    checkPhotos() {
      const v = this.file && this.file.verification;
      const ids = (v && v.photoIds) || [];
      return ids.length ? this.file.photos.filter((p) => ids.includes(p.id)) : this.photosOf('VERIFICATION');
    },
    waiting() { return this.task && ['EXTENSION_REQUESTED', 'SUSPENSION_REQUESTED', 'SUSPENDED'].includes(this.task.status); },
    finished() { return this.task && ['HANDLED', 'RETURNED'].includes(this.task.status); },
  },
  mounted() { this.load(); },
  methods: {
    photosOf(stage) { return ((this.file && this.file.photos) || []).filter((p) => p.stage === stage); },
    async load() {
      try {
        this.task = await get('/api/tasks/' + this.taskId);
        this.file = await get('/api/cases/' + this.task.caseId);
      } catch (e) {
        say(e.message, 'error');
      }
    },
    toggle(name) {
      this.open = this.open === name ? '' : name;
      this.reason = '';
    },
    ifMatch() { return { 'If-Match': String(this.task.version) }; },
    async command(path, body, done) {
      const answer = await act(this, () => api('POST', `/api/tasks/${this.taskId}/${path}`,
        { body, headers: this.ifMatch() }), done);
      if (answer) {
        this.task = answer;
        this.open = '';
        this.reason = '';
        this.note = '';
        this.photos = [];
        this.file = await get('/api/cases/' + this.task.caseId).catch(() => this.file);
      }
    },
    accept() { return this.command('accept', undefined, t('inbox.accepted')); },
    returnTask() {
      if (!this.reason.trim()) { say(t('inbox.needReason'), 'error'); return; }
      return this.command('return', { reason: this.reason.trim() }, t('inbox.returned'));
    },
    extension() {
      if (!this.reason.trim()) { say(t('inbox.needReason'), 'error'); return; }
      return this.command('extension-request', { amount: Number(this.amount), unit: this.unit, reason: this.reason.trim() },
        t('inbox.extensionRequested'));
    },
    suspension() {
      if (!this.reason.trim()) { say(t('inbox.needReason'), 'error'); return; }
      return this.command('suspension-request', { reason: this.reason.trim() }, t('inbox.suspensionRequested'));
    },
    async feedback() {
      if (!this.note.trim()) { say(t('inbox.needNote'), 'error'); return; }
      const ids = await act(this, async () => {
        const uploaded = [];
        for (const photo of this.photos) {
          const form = new FormData();
          form.append('file', photo, photo.name || 'result.jpg');
          form.append('stage', 'HANDLING');
          uploaded.push((await api('POST', `/api/cases/${this.task.caseId}/photos`, { form })).id);
        }
        return uploaded;
      });
      if (!ids) return;
      const body = { note: this.note.trim() };
      if (ids.length) body.photoRef = ids.join(',');
      return this.command('feedback', body, t('inbox.handled'));
    },
  },
  template: `
    <div class="page wide" v-if="task" data-test="task-detail" :data-status="task.status">
      <div class="page-head"><a href="#/inbox" class="back">‹ {{ t('common.back') }}</a>
        <time-left :minutes="task.remainingWorkingMinutes" :warned="task.warned" :overdue="task.overdue" :stopped="task.status === 'SUSPENDED'"></time-left></div>
      <div class="columns">
        <div>
          <section class="card">
            <div class="line"><strong>{{ task.categoryName }}</strong>
              <span><span class="tag">{{ t('urgency.' + task.urgency) }}</span>
              <status-tag kind="task" :status="task.status" data-test="task-status"></status-tag></span></div>
            <p v-if="file">{{ file.description }}</p>
            <p class="small muted" v-if="file">{{ file.address }} · {{ file.districtName }} {{ file.streetName }} {{ file.communityName }}</p>
            <p class="small">{{ t('common.deadline') }} <strong>{{ beijingTime(task.deadline) }}</strong>
              · {{ t('common.caseId') }} {{ task.caseId }}</p>
            <p v-if="task.escalationLevel" class="red-text small">{{ t('inbox.escalated', { level: task.escalationLevel }) }}</p>
          </section>
          <section v-if="failedCheck" class="card rework" data-test="rework-note">
            <h3>{{ t('inbox.rework') }}</h3>
            <p>{{ t('inbox.reworkNote') }}{{ failedCheck.reason }}</p>
            <photo-strip :photos="checkPhotos"></photo-strip>
          </section>
          <section class="card" data-test="task-actions">
            <p v-if="waiting" class="muted">{{ t('inbox.waitingDecision') }}</p>
            <p v-if="finished" class="muted">{{ t('inbox.finished') }}</p>
            <div class="actions">
              <button v-if="actions.includes('accept')" type="button" class="primary" :disabled="busy" @click="accept" data-action="accept">{{ t('inbox.accept') }}</button>
              <button v-if="actions.includes('feedback')" type="button" class="primary" @click="toggle('feedback')" data-action="feedback">{{ t('inbox.feedback') }}</button>
              <button v-if="actions.includes('extension')" type="button" @click="toggle('extension')" data-action="extension">{{ t('inbox.extension') }}</button>
              <button v-if="actions.includes('suspension')" type="button" @click="toggle('suspension')" data-action="suspension">{{ t('inbox.suspension') }}</button>
              <button v-if="actions.includes('return')" type="button" class="danger" @click="toggle('return')" data-action="return">{{ t('inbox.return') }}</button>
            </div>
            <form v-if="open === 'feedback'" class="subform" @submit.prevent="feedback" data-test="feedback-form">
              <label>{{ t('inbox.feedback') }}<textarea v-model="note" rows="3" maxlength="1000" :placeholder="t('inbox.feedbackHint')" data-test="feedback-note"></textarea></label>
              <label>{{ t('inbox.feedbackPhotos') }}</label>
              <photo-picker v-model="photos" test-id="feedback-photo"></photo-picker>
              <button type="submit" class="primary" :disabled="busy" data-test="feedback-send">{{ t('inbox.feedback') }}</button>
            </form>
            <form v-if="open === 'return'" class="subform" @submit.prevent="returnTask">
              <label>{{ t('common.reason') }}<textarea v-model="reason" rows="2" maxlength="500" :placeholder="t('inbox.returnHint')" data-test="return-reason"></textarea></label>
              <button type="submit" class="danger" :disabled="busy" data-test="return-send">{{ t('inbox.return') }}</button>
            </form>
            <form v-if="open === 'extension'" class="subform" @submit.prevent="extension">
              <div class="row2">
                <label>{{ t('inbox.extensionAmount') }}<input v-model="amount" type="number" min="0.5" max="60" step="0.5" data-test="extension-amount"></label>
                <label>&nbsp;<select v-model="unit"><option value="WORKING_HOURS">{{ t('unit.WORKING_HOURS') }}</option><option value="WORKING_DAYS">{{ t('unit.WORKING_DAYS') }}</option></select></label>
              </div>
              <label>{{ t('common.reason') }}<textarea v-model="reason" rows="2" maxlength="500" data-test="extension-reason"></textarea></label>
              <button type="submit" class="primary" :disabled="busy" data-test="extension-send">{{ t('inbox.extension') }}</button>
            </form>
            <form v-if="open === 'suspension'" class="subform" @submit.prevent="suspension">
              <label>{{ t('common.reason') }}<textarea v-model="reason" rows="2" maxlength="500" :placeholder="t('inbox.suspensionHint')" data-test="suspension-reason"></textarea></label>
              <button type="submit" class="primary" :disabled="busy" data-test="suspension-send">{{ t('inbox.suspension') }}</button>
            </form>
          </section>
        </div>
        <div>
          <section class="card" v-if="file">
            <city-map :pin="pin" height="220px"></city-map>
            <h3>{{ t('checks.original') }}</h3>
            <photo-strip :photos="reportPhotos"></photo-strip>
            <template v-if="handlingPhotos.length"><h3>{{ t('inbox.feedbackPhotos') }}</h3><photo-strip :photos="handlingPhotos"></photo-strip></template>
          </section>
          <section class="card" v-if="file"><h3>{{ t('common.timeline') }}</h3><timeline :steps="file.timeline"></timeline></section>
        </div>
      </div>
    </div>
    <p v-else class="muted page">{{ t('common.loading') }}</p>`,
};

export const unread = Vue.reactive({ count: 0 });

export async function countUnread() {
  try {
    unread.count = (await get('/api/notifications?unreadOnly=true&limit=200', { background: true })).length;
  } catch (e) {
    /* the count waits for the next poll */
  }
}

export const Notices = {
  setup: () => ({ t, beijingTime, unread }),
  data: () => ({ notices: [], loading: true }),
  mounted() { this.refresh(); },
  methods: {
    async refresh() {
      this.loading = true;
      try {
        this.notices = await get('/api/notifications?limit=100');
      } catch (e) {
        say(e.message, 'error');
      } finally {
        this.loading = false;
        countUnread();
      }
    },
    async read(n) {
      const answer = await act(this, () => post(`/api/notifications/${n.id}/read`));
      if (answer) { Object.assign(n, answer); countUnread(); }
    },
  },
  template: `
    <div class="page wide">
      <div class="page-head"><h2>{{ t('notices.title') }}</h2>
        <span class="muted" data-test="unread-count">{{ t('notices.unread', { count: unread.count }) }}</span></div>
      <p v-if="!loading && !notices.length" class="muted">{{ t('notices.none') }}</p>
      <ul class="cards">
        <li v-for="n in notices" :key="n.id" class="card" :class="{ unread: !n.read }" data-test="notice" :data-case="n.caseId">
          <div class="line"><strong>{{ n.title }}</strong><span class="small muted">{{ beijingTime(n.createdAt) }}</span></div>
          <p class="small">{{ n.message }}</p>
          <div class="actions">
            <a v-if="n.taskId" :href="'#/inbox/task/' + n.taskId">{{ n.caseId }}</a>
            <button v-if="!n.read" type="button" class="small" @click="read(n)" data-action="read">{{ t('notices.markRead') }}</button>
          </div>
        </li>
      </ul>
    </div>`,
};

/*
 * The desks of the supervision and command centers: the operator's filing desk (受理/立案) with probable
 * duplicates side by side and the keyboard for hundreds of reports a day, 派核实 of a report nobody has seen on
 * site and the reports out for 核实, the hotline form for a caller's report,
 * the dispatcher's desk (派遣) with the dispatch queue, the live board of open tasks and the approvals, and the
 * case detail with the timelines of both axes.
 */
import { api, get, post, uuid } from '../api.js';
import { t } from '../i18n.js';
import { beijingTime } from '../format.js';
import { hasRole } from '../session.js';
import { CityMap } from '../map.js';
import { ConfirmationCard, PhotoStrip, StatusTag, TimeLeft, Timeline, say, act } from '../components.js';
import { CategoryPicker } from '../category-picker.js';
import { categoryTree, flatten, units, districts } from '../reference.js';

const REASONS = ['CRITERION_NOT_MET', 'NOT_IN_SCOPE', 'LOCATION_INVALID', 'INFORMATION_INSUFFICIENT', 'DUPLICATE'];

function metresBetween(a, b) {
  const dLat = ((b.lat - a.lat) * Math.PI) / 180;
  const dLon = ((b.lon - a.lon) * Math.PI) / 180 * Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180);
  return Math.round(6371000 * Math.sqrt(dLat * dLat + dLon * dLon));
}

function typing(event) {
  const tag = (event.target && event.target.tagName) || '';
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(tag);
}

/** 派核实 only for a report no inspector has seen: an inspector's own report was made on site (the API agrees). */
const mayConfirm = (c) => c && c.source !== 'INSPECTOR' && !c.confirmation;

export const FilingDesk = {
  components: { CityMap, ConfirmationCard, PhotoStrip, StatusTag },
  setup: () => ({ t, beijingTime, REASONS, hasRole, mayConfirm }),
  data: () => ({
    queue: [], confirming: [], index: 0, duplicates: [], criteria: {}, loading: true, busy: false,
    reasonCode: 'CRITERION_NOT_MET', note: '', question: '', cancelReason: '',
  }),
  computed: {
    current() { return this.queue[this.index] || null; },
    markers() { return this.duplicates.map((d) => ({ lon: d.location.lon, lat: d.location.lat, label: d.id, color: '#1f6fb2' })); },
  },
  async mounted() {
    try { for (const c of flatten(await categoryTree())) this.criteria[c.code] = c.filingCriterion; } catch (e) { /* a help only */ }
    this.keys = (event) => this.key(event);
    window.addEventListener('keydown', this.keys);
    this.refresh();
  },
  beforeUnmount() { window.removeEventListener('keydown', this.keys); },
  watch: { current() { this.loadDuplicates(); } },
  methods: {
    async refresh() {
      this.loading = true;
      try {
        // The reports out for 核实 are not in the filing queue (they are CONFIRMING) but are still the desk's own.
        [this.queue, this.confirming] = await Promise.all([get('/api/cases/filing-queue?limit=100'),
          get('/api/cases?status=CONFIRMING&size=100&sort=stageDueBy&order=asc')]);
      } catch (e) { say(e.message, 'error'); }
      if (this.index >= this.queue.length) this.index = Math.max(0, this.queue.length - 1);
      this.loading = false;
    },
    async loadDuplicates() {
      const c = this.current;
      this.duplicates = [];
      if (!c || !c.probableDuplicates || !c.probableDuplicates.length) return;
      const found = [];
      for (const id of c.probableDuplicates.slice(0, 3)) {
        try { found.push(await get('/api/cases/' + id, { background: true })); } catch (e) { /* gone meanwhile */ }
      }
      if (this.current === c) this.duplicates = found;
    },
    select(i) { this.index = i; this.note = ''; this.question = ''; },
    key(event) {
      if (typing(event) || event.ctrlKey || event.metaKey || event.altKey || !this.current) return;
      const k = event.key;
      if (k === 'ArrowDown' || k === 'j') { this.select(Math.min(this.index + 1, this.queue.length - 1)); event.preventDefault(); }
      else if (k === 'ArrowUp' || k === 'k') { this.select(Math.max(this.index - 1, 0)); event.preventDefault(); }
      else if (k === 'f') { this.decide('FILE'); }
      else if (k === 'c' && mayConfirm(this.current)) { this.decide('CONFIRM'); }
      else if (k === 'm' && this.duplicates.length) { this.merge(this.duplicates[0]); }
      else if (k === 'r') { const el = this.$refs.reason; if (el) el.focus(); event.preventDefault(); }
      else if (k === 'i') { const el = this.$refs.question; if (el) el.focus(); event.preventDefault(); }
    },
    async decide(decision, extra = {}) {
      const c = this.current;
      const body = { decision, ...extra };
      if (this.note.trim() && decision !== 'REQUEST_INFO') body.note = this.note.trim();
      const done = await act(this, () => post(`/api/cases/${c.id}/filing`, body), t('filing.done.' + decision, { id: c.id }));
      if (done) {
        this.afterDecision(c);
        if (decision === 'CONFIRM') this.confirming = this.confirming.concat([done]);
      }
    },
    reject() { this.decide('REJECT', { reasonCode: this.reasonCode }); },
    ask() {
      if (!this.question.trim()) { say(t('filing.needQuestion'), 'error'); return; }
      this.decide('REQUEST_INFO', { note: this.question.trim() });
    },
    merge(master) { this.decide('MERGE', { masterCaseId: master.id }); },
    async cancel() {
      const c = this.current;
      if (!this.cancelReason.trim()) { say(t('inbox.needReason'), 'error'); return; }
      const done = await act(this, () => post(`/api/cases/${c.id}/cancellation`, { reason: this.cancelReason.trim() }), t('common.done'));
      if (done) { this.cancelReason = ''; this.afterDecision(c); }
    },
    afterDecision(c) {
      this.queue = this.queue.filter((x) => x.id !== c.id);
      if (this.index >= this.queue.length) this.index = Math.max(0, this.queue.length - 1);
      this.note = ''; this.question = '';
    },
    distance(d) { return metresBetween(this.current.location, d.location); },
    /** The report's own photos; a 核实's site photo is shown with its answer (ConfirmationCard). */
    reportPhotos(c) {
      const cited = (c.confirmation && c.confirmation.photoIds) || [];
      return (c.photos || []).filter((p) => !cited.includes(p.id));
    },
    late(confirmation) { return new Date(confirmation.dueBy) < new Date(); },
    origin(c) { return c.origin && (c.origin.callerName || c.origin.callerPhone) ? c.origin : null; },
  },
  template: `
    <div class="page wide desk" data-test="filing-desk">
      <div class="page-head"><h2>{{ t('desk.queue') }} <span class="muted small">（{{ queue.length }}）</span></h2>
        <span class="muted small">{{ t('filing.keys') }}</span>
        <button class="small" type="button" @click="refresh" :disabled="loading">{{ t('common.refresh') }}</button></div>
      <p v-if="!loading && !queue.length" class="muted">{{ t('common.empty') }}</p>
      <div class="desk-columns" v-if="queue.length || confirming.length">
        <aside>
        <ul class="queue-list">
          <li v-for="(c, i) in queue" :key="c.id" :class="{ on: i === index }" @click="select(i)" :data-case="c.id" data-test="queue-item">
            <div class="line"><strong>{{ c.categoryName }}</strong><span class="tag">{{ t('urgency.' + c.urgency) }}</span></div>
            <div class="small muted">{{ c.districtName }} {{ c.streetName }} · {{ beijingTime(c.reportedAt) }}</div>
            <div class="small"><span class="tag">{{ t('source.' + c.source) }}</span>
              <span v-if="c.probableDuplicates && c.probableDuplicates.length" class="tag s-waiting">{{ t('filing.duplicates', { count: c.probableDuplicates.length }) }}</span>
              <span v-if="c.confirmation && c.confirmation.result" class="tag" :class="'s-confirm-' + c.confirmation.result.toLowerCase()" data-test="queue-confirmed">{{ t('confirm.was.' + c.confirmation.result) }}</span></div>
          </li>
        </ul>
        <template v-if="confirming.length">
          <h3 class="queue-head">{{ t('case.CONFIRMING') }} <span class="muted small">（{{ confirming.length }}）</span></h3>
          <ul class="queue-list confirming-list">
            <li v-for="c in confirming" :key="c.id" :data-case="c.id" data-test="confirming-item">
              <a :href="'#/case/' + c.id" class="card-link">
                <div class="line"><strong>{{ c.categoryName }}</strong><status-tag :status="c.status"></status-tag></div>
                <div class="small muted">{{ c.districtName }} {{ c.streetName }} · {{ t('source.' + c.source) }}</div>
                <div class="small" v-if="c.confirmation">{{ t('confirm.assignee') }} {{ c.confirmation.assignee }} ·
                  <span class="due" :class="{ 'red-text': late(c.confirmation) }">{{ t('confirm.due') }} {{ beijingTime(c.confirmation.dueBy) }}</span></div>
              </a>
            </li>
          </ul>
        </template>
        </aside>
        <div v-if="current" class="desk-detail" :data-case="current.id" data-test="filing-current">
          <section class="card">
            <div class="line"><strong>{{ current.categoryName }} <span class="muted small">{{ current.categoryCode }}</span></strong>
              <span><span class="tag">{{ t('urgency.' + current.urgency) }}</span><status-tag :status="current.status"></status-tag></span></div>
            <p>{{ current.description }}</p>
            <p class="small muted">{{ current.address }} · {{ current.districtName }} {{ current.streetName }} {{ current.communityName }} · {{ t('report.cell', { cell: current.gridCode }) }}</p>
            <p class="small muted">{{ current.id }} · {{ t('source.' + current.source) }} · {{ current.reportedBy }} · {{ beijingTime(current.reportedAt) }}
              <span v-if="current.filingDueBy"> · {{ t('filing.dueBy') }} {{ beijingTime(current.filingDueBy) }}</span></p>
            <p v-if="origin(current)" class="small" data-test="caller">{{ t('hotline.caller') }}：{{ origin(current).callerName }} {{ origin(current).callerPhone }}</p>
            <p class="criterion small"><span class="muted">{{ t('report.criterion') }}：</span>{{ criteria[current.categoryCode] }}</p>
            <div class="columns">
              <photo-strip :photos="reportPhotos(current)"></photo-strip>
              <city-map :pin="{ lon: current.location.lon, lat: current.location.lat }" :markers="markers" height="200px" :key="current.id"></city-map>
            </div>
          </section>
          <confirmation-card :file="current"></confirmation-card>
          <section v-if="duplicates.length" class="card" data-test="duplicates">
            <h3>{{ t('filing.probableDuplicates') }}</h3>
            <div class="side-by-side">
              <div v-for="d in duplicates" :key="d.id" class="card dup" :data-case="d.id" data-test="duplicate">
                <div class="line"><strong>{{ d.id }}</strong><status-tag :status="d.status"></status-tag></div>
                <p class="small">{{ d.description }}</p>
                <p class="small muted">{{ t('filing.distance', { metres: distance(d) }) }} · {{ beijingTime(d.reportedAt) }}</p>
                <photo-strip :photos="d.photos"></photo-strip>
                <button type="button" class="primary small" :disabled="busy" @click="merge(d)" data-action="merge">{{ t('filing.merge') }}</button>
              </div>
            </div>
          </section>
          <section class="card actions-card">
            <label>{{ t('common.note') }}<input v-model="note" maxlength="500" data-test="filing-note"></label>
            <div class="actions">
              <button type="button" class="primary" :disabled="busy" @click="decide('FILE')" data-action="file">{{ t('desk.file') }} <kbd>F</kbd></button>
              <select v-model="reasonCode" ref="reason" :aria-label="t('desk.rejectReason')" data-test="reject-reason">
                <option v-for="r in REASONS" :value="r">{{ t('reject.' + r) }}</option></select>
              <button type="button" class="danger" :disabled="busy" @click="reject" data-action="reject">{{ t('desk.reject') }}</button>
              <button v-if="mayConfirm(current)" type="button" :disabled="busy" @click="decide('CONFIRM')" :title="t('filing.confirmHint')" data-action="confirm">{{ t('filing.confirm') }} <kbd>C</kbd></button>
            </div>
            <div class="actions">
              <input v-model="question" ref="question" maxlength="500" :placeholder="t('filing.questionHint')" data-test="question">
              <button type="button" :disabled="busy" @click="ask" data-action="ask">{{ t('filing.ask') }} <kbd>I</kbd></button>
            </div>
            <div v-if="hasRole('shift-lead')" class="actions">
              <input v-model="cancelReason" maxlength="500" :placeholder="t('filing.cancelHint')" data-test="cancel-reason">
              <button type="button" class="danger" :disabled="busy" @click="cancel" data-action="cancel">{{ t('filing.cancel') }}</button>
            </div>
          </section>
        </div>
      </div>
    </div>`,
};

export const HotlineForm = {
  components: { CityMap, CategoryPicker },
  setup: () => ({ t }),
  data: () => ({
    key: uuid(), callerName: '', callerPhone: '', pin: { lon: 108.7012, lat: 34.3405 }, place: null,
    address: '', categoryCode: '', description: '', busy: false, created: null,
  }),
  mounted() { this.resolve(); },
  methods: {
    async moved(pin) { this.pin = { lon: pin.lon, lat: pin.lat }; this.resolve(); },
    async resolve() {
      try { this.place = await get(`/api/reference/grid/locate?lon=${this.pin.lon}&lat=${this.pin.lat}`, { background: true }); }
      catch (e) { this.place = null; }
    },
    async submit() {
      if (!this.categoryCode) { say(t('report.needCategory'), 'error'); return; }
      if (!this.description.trim()) { say(t('report.needDescription'), 'error'); return; }
      const body = { categoryCode: this.categoryCode, description: this.description.trim(), location: this.pin, source: 'HOTLINE' };
      if (this.address.trim()) body.address = this.address.trim();
      if (this.callerName.trim() || this.callerPhone.trim()) body.caller = { name: this.callerName.trim() || undefined, phone: this.callerPhone.trim() || undefined };
      const created = await act(this, () => api('POST', '/api/cases', { body, headers: { 'Idempotency-Key': this.key } }));
      if (created) {
        this.created = created;
        say(t('report.sent', { id: created.id }), 'ok');
        Object.assign(this, { key: uuid(), callerName: '', callerPhone: '', address: '', categoryCode: '', description: '' });
      }
    },
  },
  template: `
    <form class="page wide" @submit.prevent="submit" data-test="hotline-form">
      <div class="page-head"><h2>{{ t('hotline.title') }}</h2>
        <a v-if="created" :href="'#/case/' + created.id" data-test="hotline-created">{{ created.id }}</a></div>
      <div class="columns">
        <section class="card">
          <div class="row2">
            <label>{{ t('hotline.callerName') }}<input v-model="callerName" maxlength="40" data-test="caller-name"></label>
            <label>{{ t('hotline.callerPhone') }}<input v-model="callerPhone" maxlength="20" inputmode="tel" data-test="caller-phone"></label>
          </div>
          <p class="small muted">{{ t('hotline.privacy') }}</p>
          <h3>{{ t('common.category') }}</h3>
          <category-picker v-model="categoryCode"></category-picker>
          <label>{{ t('common.description') }}<textarea v-model="description" rows="3" maxlength="500" data-test="hotline-description"></textarea></label>
          <button type="submit" class="primary" :disabled="busy" data-test="hotline-send">{{ t('hotline.send') }}</button>
        </section>
        <section class="card">
          <h3>{{ t('common.location') }}</h3>
          <city-map :pin="pin" :draggable="true" @update:pin="moved" height="300px"></city-map>
          <p class="small" data-test="hotline-place">{{ place ? place.districtName + ' · ' + place.streetName + ' · ' + place.communityName : t('report.outside') }}</p>
          <label>{{ t('common.address') }}<input v-model="address" maxlength="200" :placeholder="t('report.addressHint')" data-test="hotline-address"></label>
        </section>
      </div>
    </form>`,
};

const OPEN_STATES = ['DISPATCHED', 'ACCEPTED', 'REWORK', 'EXTENSION_REQUESTED', 'SUSPENSION_REQUESTED', 'SUSPENDED'];

export const DispatchDesk = {
  components: { TimeLeft, StatusTag },
  setup: () => ({ t, beijingTime, OPEN_STATES, hasRole }),
  data: () => ({
    tab: 'queue', queue: [], tasks: [], units: [], districts: [], filter: { unit: '', district: '', status: '' },
    chosenUnit: {}, reasons: {}, expanded: null, details: null, busy: false, updatedAt: null,
  }),
  computed: {
    approvals() { return this.tasks.filter((x) => x.status === 'EXTENSION_REQUESTED' || x.status === 'SUSPENSION_REQUESTED'); },
    board() { return this.tasks.filter((x) => OPEN_STATES.includes(x.status)); },
    dispatcher() { return hasRole('dispatcher'); },
  },
  async mounted() {
    try { [this.units, this.districts] = await Promise.all([units(), districts()]); } catch (e) { say(e.message, 'error'); }
    this.refresh();
    this.timer = setInterval(() => this.refresh(true), 10000);
  },
  beforeUnmount() { clearInterval(this.timer); },
  methods: {
    async refresh(quiet) {
      try {
        const q = new URLSearchParams({ limit: '200' });
        Object.entries(this.filter).forEach(([k, v]) => { if (v) q.set(k, v); });
        [this.queue, this.tasks] = await Promise.all([
          get('/api/dispatch-queue?limit=200', { background: quiet }), get('/api/tasks?' + q, { background: quiet })]);
        this.updatedAt = new Date();
      } catch (e) { if (!quiet) say(e.message, 'error'); }
    },
    key(entry) { return entry.taskId || entry.caseId; },
    reason(entry) { return (this.reasons[this.key(entry)] || '').trim(); },
    async run(entry, work) {
      if (!this.reason(entry)) { say(t('inbox.needReason'), 'error'); return; }
      const done = await act(this, work, t('common.done'));
      if (done) { this.reasons[this.key(entry)] = ''; this.expanded = null; this.refresh(); }
    },
    dispatchParked(e) {
      const unitId = this.chosenUnit[e.caseId];
      if (!unitId) { say(t('dispatch.needUnit'), 'error'); return; }
      return this.run(e, () => post(`/api/dispatch-queue/${e.caseId}/dispatch`, { unitId, reason: this.reason(e) }));
    },
    review(e, justified) { return this.run(e, () => post(`/api/tasks/${e.taskId}/return-review`, { justified, reason: this.reason(e) })); },
    redispatch(e) {
      const unitId = this.chosenUnit[e.taskId];
      return this.run(e, () => post(`/api/tasks/${e.taskId}/redispatch`, { unitId: unitId || undefined, reason: this.reason(e) }));
    },
    async expand(task) {
      this.expanded = this.expanded === task.taskId ? null : task.taskId;
      this.details = this.expanded ? await get('/api/tasks/' + task.taskId).catch(() => null) : null;
    },
    decideExtension(task, approved) { return this.run(task, () => post(`/api/tasks/${task.taskId}/extension-decision`, { approved, reason: this.reason(task) })); },
    decideSuspension(task, approved) { return this.run(task, () => post(`/api/tasks/${task.taskId}/suspension-decision`, { approved, reason: this.reason(task) })); },
    reassign(task) {
      const unitId = this.chosenUnit[task.taskId];
      if (!unitId) { say(t('dispatch.needUnit'), 'error'); return; }
      return this.run(task, () => post(`/api/tasks/${task.taskId}/reassign`, { unitId, reason: this.reason(task) }));
    },
    escalate(task) { return this.run(task, () => post(`/api/tasks/${task.taskId}/escalate`, { reason: this.reason(task) })); },
  },
  template: `
    <div class="page wide desk" data-test="dispatch-desk">
      <div class="page-head"><h2>{{ t('dispatch.title') }}</h2>
        <div class="segmented">
          <button type="button" :class="{ on: tab === 'queue' }" @click="tab = 'queue'" data-tab="queue">{{ t('dispatch.queue') }}（{{ queue.length }}）</button>
          <button type="button" :class="{ on: tab === 'approvals' }" @click="tab = 'approvals'" data-tab="approvals">{{ t('dispatch.approvals') }}（{{ approvals.length }}）</button>
          <button type="button" :class="{ on: tab === 'board' }" @click="tab = 'board'" data-tab="board">{{ t('dispatch.board') }}（{{ board.length }}）</button>
        </div>
        <span class="small muted" v-if="updatedAt">{{ t('dispatch.live') }} {{ updatedAt.toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' }) }}</span>
      </div>
      <div class="filters" v-if="tab !== 'queue'">
        <select v-model="filter.unit" @change="refresh()" data-test="filter-unit"><option value="">{{ t('dispatch.allUnits') }}</option><option v-for="u in units" :value="u.id">{{ u.name }}</option></select>
        <select v-model="filter.district" @change="refresh()" data-test="filter-district"><option value="">{{ t('dispatch.allDistricts') }}</option><option v-for="d in districts" :value="d.code">{{ d.name }}</option></select>
        <select v-model="filter.status" @change="refresh()" data-test="filter-status"><option value="">{{ t('dispatch.allStates') }}</option><option v-for="s in OPEN_STATES" :value="s">{{ t('task.' + s) }}</option></select>
      </div>

      <ul v-if="tab === 'queue'" class="cards">
        <li v-for="e in queue" :key="key(e)" class="card" :data-case="e.caseId" :data-kind="e.kind" data-test="dispatch-entry">
          <div class="line"><strong>{{ e.categoryName || e.categoryCode }}</strong><span class="tag">{{ t('dispatch.kind.' + e.kind) }}</span></div>
          <p class="small muted"><a :href="'#/case/' + e.caseId">{{ e.caseId }}</a> · {{ e.districtCode }} · {{ beijingTime(e.filedAt || e.dispatchedAt) }}</p>
          <p v-if="e.kind === 'PARKED'" class="small">{{ t('dispatch.parked') }}：{{ e.parkedDetail || e.parkedBecause }}</p>
          <p v-else class="small">{{ e.unitName }} {{ t('dispatch.returnedBecause') }}：{{ e.returnReason }}
            <span v-if="e.returnReview" class="tag">{{ e.returnReview.justified ? t('dispatch.justified') : t('dispatch.unjustified') }}</span></p>
          <div v-if="dispatcher" class="actions">
            <select v-model="chosenUnit[key(e)]" :aria-label="t('common.unit')" data-test="unit-choice"><option value="" disabled>{{ t('common.unit') }}</option><option v-for="u in units" :value="u.id">{{ u.name }}</option></select>
            <input v-model="reasons[key(e)]" :placeholder="t('common.reason')" maxlength="500" data-test="dispatch-reason">
            <button v-if="e.kind === 'PARKED'" type="button" class="primary" :disabled="busy" @click="dispatchParked(e)" data-action="dispatch">{{ t('dispatch.dispatch') }}</button>
            <template v-else>
              <button v-if="!e.returnReview" type="button" :disabled="busy" @click="review(e, true)" data-action="justified">{{ t('dispatch.justified') }}</button>
              <button v-if="!e.returnReview" type="button" class="danger" :disabled="busy" @click="review(e, false)" data-action="unjustified">{{ t('dispatch.unjustified') }}</button>
              <button v-if="e.returnReview" type="button" class="primary" :disabled="busy" @click="redispatch(e)" data-action="redispatch">{{ t('dispatch.redispatch') }}</button>
            </template>
          </div>
        </li>
        <li v-if="!queue.length" class="muted">{{ t('common.empty') }}</li>
      </ul>

      <table v-else class="grid-table board" data-test="task-board">
        <thead><tr><th>{{ t('common.caseId') }}</th><th>{{ t('common.category') }}</th><th>{{ t('common.unit') }}</th><th>{{ t('common.status') }}</th><th>{{ t('common.deadline') }}</th><th></th></tr></thead>
        <tbody>
          <template v-for="x in (tab === 'approvals' ? approvals : board)" :key="x.taskId">
            <tr :class="{ red: x.overdue, yellow: x.warned && !x.overdue }" :data-task="x.taskId" :data-case="x.caseId" :data-status="x.status" data-test="board-row">
              <td><a :href="'#/case/' + x.caseId">{{ x.caseId }}</a></td><td>{{ x.categoryName }}</td><td>{{ x.unitName }}</td>
              <td><status-tag kind="task" :status="x.status"></status-tag><span v-if="x.escalationLevel" class="tag s-rework">{{ t('inbox.escalated', { level: x.escalationLevel }) }}</span></td>
              <td><time-left :minutes="x.remainingWorkingMinutes" :warned="x.warned" :overdue="x.overdue" :stopped="x.status === 'SUSPENDED'"></time-left> <span class="small muted">{{ beijingTime(x.deadline) }}</span></td>
              <td><button type="button" class="small" @click="expand(x)" data-action="expand">{{ t('common.more') }}</button></td>
            </tr>
            <tr v-if="expanded === x.taskId" class="expanded"><td colspan="6">
              <p v-if="details && details.pendingExtension" class="small" data-test="pending-extension">{{ t('dispatch.extensionAsked', { hours: (details.pendingExtension.additionalSeconds / 3600).toFixed(1), deadline: beijingTime(details.pendingExtension.requestedDeadline) }) }}：{{ details.pendingExtension.reason }}</p>
              <p v-if="details && details.pendingSuspension" class="small">{{ t('dispatch.suspensionAsked') }}：{{ details.pendingSuspension.reason }}</p>
              <div class="actions">
                <input v-model="reasons[x.taskId]" :placeholder="t('common.reason')" maxlength="500" data-test="board-reason">
                <template v-if="dispatcher && x.status === 'EXTENSION_REQUESTED'">
                  <button type="button" class="primary" :disabled="busy" @click="decideExtension(x, true)" data-action="approve-extension">{{ t('dispatch.approve') }}</button>
                  <button type="button" class="danger" :disabled="busy" @click="decideExtension(x, false)" data-action="reject-extension">{{ t('dispatch.reject') }}</button>
                </template>
                <template v-if="dispatcher && x.status === 'SUSPENSION_REQUESTED'">
                  <button type="button" class="primary" :disabled="busy" @click="decideSuspension(x, true)" data-action="approve-suspension">{{ t('dispatch.approve') }}</button>
                  <button type="button" class="danger" :disabled="busy" @click="decideSuspension(x, false)" data-action="reject-suspension">{{ t('dispatch.reject') }}</button>
                </template>
                <template v-if="dispatcher && ['DISPATCHED', 'ACCEPTED', 'SUSPENDED'].includes(x.status)">
                  <select v-model="chosenUnit[x.taskId]" :aria-label="t('common.unit')"><option value="" disabled>{{ t('common.unit') }}</option><option v-for="u in units" :value="u.id">{{ u.name }}</option></select>
                  <button type="button" :disabled="busy" @click="reassign(x)" data-action="reassign">{{ t('dispatch.reassign') }}</button>
                </template>
                <button type="button" class="danger" :disabled="busy" @click="escalate(x)" data-action="escalate">{{ t('dispatch.escalate') }}</button>
              </div>
            </td></tr>
          </template>
        </tbody>
      </table>
    </div>`,
};

export const CaseDetail = {
  components: { CityMap, ConfirmationCard, PhotoStrip, StatusTag, Timeline },
  props: { caseId: String },
  setup: () => ({ t, beijingTime }),
  data: () => ({ file: null, task: null, lookup: '' }),
  computed: {
    stages() {
      // A 核实's photos are shown with its answer, not as the 核查's, whose stage (VERIFICATION) they share.
      const confirming = (this.file && this.file.confirmation && this.file.confirmation.photoIds) || [];
      const photos = ((this.file && this.file.photos) || []).filter((p) => !confirming.includes(p.id));
      return ['REPORT', 'HANDLING', 'VERIFICATION', 'OTHER'].map((s) => ({ stage: s, photos: photos.filter((p) => p.stage === s) }))
        .filter((s) => s.photos.length);
    },
  },
  watch: { caseId: { immediate: true, handler() { this.load(); } } },
  methods: {
    async load() {
      this.file = null;
      this.task = null;
      if (!this.caseId) return;
      try {
        this.file = await get('/api/cases/' + encodeURIComponent(this.caseId));
        if (this.file.currentTask) this.task = await get('/api/tasks/' + this.file.currentTask.taskId, { background: true }).catch(() => null);
      } catch (e) { say(e.message, 'error'); }
    },
    go() { if (this.lookup.trim()) location.hash = '#/case/' + this.lookup.trim(); },
  },
  template: `
    <div class="page wide">
      <form class="page-head" @submit.prevent="go"><h2>{{ t('desk.lookup') }}</h2>
        <input v-model="lookup" :placeholder="t('common.caseId')" data-test="lookup"><button type="submit" class="small">{{ t('common.confirm') }}</button></form>
      <div class="columns" v-if="file" data-test="case-detail" :data-status="file.status">
        <div>
          <section class="card">
            <div class="line"><strong>{{ file.categoryName }} <span class="muted small">{{ file.categoryCode }}</span></strong><status-tag :status="file.status"></status-tag></div>
            <p>{{ file.description }}</p>
            <p class="small muted">{{ file.address }} · {{ file.districtName }} {{ file.streetName }} {{ file.communityName }} · {{ file.id }}</p>
            <p class="small">{{ t('source.' + file.source) }} · {{ file.reportedBy }} · {{ beijingTime(file.reportedAt) }}
              <span v-if="file.currentTask"> · {{ file.currentTask.unitName }} · {{ t('common.deadline') }} {{ beijingTime(file.currentTask.deadline) }}</span></p>
            <city-map :pin="{ lon: file.location.lon, lat: file.location.lat }" height="220px"></city-map>
          </section>
          <confirmation-card :file="file"></confirmation-card>
          <section class="card" v-for="s in stages" :key="s.stage"><h3>{{ t('stage.' + s.stage) }}</h3><photo-strip :photos="s.photos"></photo-strip></section>
        </div>
        <div>
          <section class="card"><h3>{{ t('case.axis.supervision') }}</h3><timeline :steps="file.timeline"></timeline></section>
          <section class="card" v-if="task"><h3>{{ t('case.axis.command') }} · {{ task.unitName }}</h3><timeline :steps="task.history"></timeline></section>
        </div>
      </div>
    </div>`,
};

/*
 * The desks of the supervision and command centers in their first form: the operator's filing queue with its
 * photos, place and filing criterion; the month's scorecards; a case looked up by its number. The full desks
 * (duplicates side by side, dispatch, drill-down, map and charts) build on these.
 */
import { get, post } from '../api.js';
import { t } from '../i18n.js';
import { beijingTime, percent } from '../format.js';
import { CityMap } from '../map.js';
import { PhotoStrip, StatusTag, Timeline, say, act } from '../components.js';
import { categoryTree, flatten } from '../reference.js';

const REASONS = ['CRITERION_NOT_MET', 'NOT_IN_SCOPE', 'LOCATION_INVALID', 'INFORMATION_INSUFFICIENT', 'DUPLICATE'];

export const FilingQueue = {
  components: { PhotoStrip, StatusTag },
  setup: () => ({ t, beijingTime, REASONS }),
  data: () => ({ queue: [], criteria: {}, reasons: {}, busy: false, loading: true }),
  async mounted() {
    try {
      for (const c of flatten(await categoryTree())) this.criteria[c.code] = c.filingCriterion;
    } catch (e) { /* criteria are a help */ }
    this.refresh();
  },
  methods: {
    async refresh() {
      this.loading = true;
      try { this.queue = await get('/api/cases/filing-queue?limit=50'); } catch (e) { say(e.message, 'error'); }
      this.loading = false;
    },
    async decide(c, decision) {
      const body = { decision };
      if (decision === 'REJECT') body.reasonCode = this.reasons[c.id] || 'CRITERION_NOT_MET';
      const done = await act(this, () => post(`/api/cases/${c.id}/filing`, body), t('common.done'));
      if (done) this.refresh();
    },
  },
  template: `
    <div class="page wide">
      <p class="notice small">{{ t('desk.interim') }}</p>
      <div class="page-head"><h2>{{ t('desk.queue') }}</h2>
        <button class="small" type="button" @click="refresh" :disabled="loading">{{ t('common.refresh') }}</button></div>
      <p v-if="!loading && !queue.length" class="muted">{{ t('common.empty') }}</p>
      <ul class="cards">
        <li v-for="c in queue" :key="c.id" class="card" :data-case="c.id" data-test="queue-item">
          <div class="line"><strong>{{ c.categoryName }}</strong><span><span class="tag">{{ t('urgency.' + c.urgency) }}</span>
            <status-tag :status="c.status"></status-tag></span></div>
          <p>{{ c.description }}</p>
          <p class="small muted">{{ c.districtName }} {{ c.streetName }} {{ c.communityName }} · {{ c.address }} · {{ beijingTime(c.reportedAt) }} · {{ c.id }}</p>
          <p class="small"><span class="muted">{{ t('report.criterion') }}：</span>{{ criteria[c.categoryCode] }}</p>
          <photo-strip :photos="c.photos"></photo-strip>
          <div class="actions">
            <button type="button" class="primary" :disabled="busy" @click="decide(c, 'FILE')" data-action="file">{{ t('desk.file') }}</button>
            <select v-model="reasons[c.id]" :aria-label="t('desk.rejectReason')"><option v-for="r in REASONS" :value="r">{{ t('reject.' + r) }}</option></select>
            <button type="button" class="danger" :disabled="busy" @click="decide(c, 'REJECT')" data-action="reject">{{ t('desk.reject') }}</button>
          </div>
        </li>
      </ul>
    </div>`,
};

function thisMonth() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);
}

export const Scorecards = {
  setup: () => ({ t, percent }),
  data: () => ({ month: thisMonth(), units: null, districts: null, busy: false }),
  mounted() { this.load(); },
  methods: {
    async load() {
      await act(this, async () => {
        this.units = await get(`/api/scorecards/${this.month}/departments`);
        this.districts = await get(`/api/scorecards/${this.month}/districts`);
      });
    },
    score(value) { return value === null || value === undefined ? '—' : Number(value).toFixed(1); },
  },
  template: `
    <div class="page wide">
      <p class="notice small">{{ t('desk.interim') }}</p>
      <div class="page-head"><h2>{{ t('desk.scorecards') }}</h2>
        <label class="inline">{{ t('desk.month') }} <input type="month" v-model="month" @change="load"></label></div>
      <section class="card" v-for="(card, i) in [units, districts]" :key="i">
        <template v-if="card">
        <h3>{{ i === 0 ? t('desk.departments') : t('desk.districts') }}</h3>
        <table class="grid-table">
          <thead><tr><th>{{ i === 0 ? t('score.unit') : t('score.district') }}</th><th>{{ t('score.score') }}</th><th>{{ t('score.grade') }}</th><th>#</th></tr></thead>
          <tbody><tr v-for="r in card.rows" :key="r.unitId || r.districtCode">
            <td>{{ r.unitName || r.districtName }}</td><td class="num">{{ score(r.score) }}</td>
            <td><span class="grade" :style="{ background: r.gradeColor || 'transparent' }">{{ r.grade || '—' }}</span></td>
            <td class="num">{{ r.rank || '—' }}</td></tr></tbody>
        </table>
        </template>
      </section>
    </div>`,
};

export const CaseDetail = {
  components: { CityMap, PhotoStrip, StatusTag, Timeline },
  props: { caseId: String },
  setup: () => ({ t, beijingTime }),
  data: () => ({ file: null, lookup: '' }),
  watch: { caseId: { immediate: true, handler() { this.load(); } } },
  methods: {
    async load() {
      this.file = null;
      if (!this.caseId) return;
      try { this.file = await get('/api/cases/' + encodeURIComponent(this.caseId)); } catch (e) { say(e.message, 'error'); }
    },
    go() { if (this.lookup.trim()) location.hash = '#/case/' + this.lookup.trim(); },
  },
  template: `
    <div class="page wide">
      <form class="page-head" @submit.prevent="go"><h2>{{ t('desk.lookup') }}</h2>
        <input v-model="lookup" :placeholder="t('common.caseId')"><button type="submit" class="small">{{ t('common.confirm') }}</button></form>
      <div class="columns" v-if="file">
        <section class="card">
          <div class="line"><strong>{{ file.categoryName }}</strong><status-tag :status="file.status"></status-tag></div>
          <p>{{ file.description }}</p>
          <p class="small muted">{{ file.address }} · {{ file.districtName }} {{ file.streetName }} {{ file.communityName }} · {{ file.id }}</p>
          <city-map :pin="{ lon: file.location.lon, lat: file.location.lat }" height="220px"></city-map>
          <photo-strip :photos="file.photos"></photo-strip>
        </section>
        <section class="card"><h3>{{ t('common.timeline') }}</h3><timeline :steps="file.timeline"></timeline></section>
      </div>
    </div>`,
};

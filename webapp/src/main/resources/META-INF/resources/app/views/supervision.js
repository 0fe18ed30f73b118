/*
 * 监督中心 / 考核: the month's scorecards of the 34 handling units and the 13 districts — score, grade, rank and
 * every indicator by its Chinese name — with the scheme's formula written out, the month's close state and its
 * steps, drill-down from every number to its cases, a unit's or district's trend, the city map, appeals, exports
 * and the printable report. A handling unit sees its own row and files its appeals here.
 */
import { api, get, post } from '../api.js';
import { t } from '../i18n.js';
import { beijingTime } from '../format.js';
import { hasRole, session } from '../session.js';
import { say, act } from '../components.js';
import { districtOutlines } from '../reference.js';
import {
  indicatorColumns, figure, score, formulaText, gradeColour, monthsBack, thisMonth, echarts,
} from '../scorecard-format.js';

const STEPS = { DRAFT: 'freeze', FROZEN: 'publish', PUBLISHED: 'close-appeals', APPEALS: 'finalize' };
const POSITIONS = ['INSPECTOR', 'OPERATOR', 'DISPATCHER', 'SHIFT_LEAD'];
const role = (scope) => scope.toLowerCase().replace('_', '-');
const IDS = { UNIT: 'unitId', DISTRICT: 'districtCode' };
const NAMES = { UNIT: 'unitName', DISTRICT: 'districtName' };
/** What an appeal asks for when upheld (FactCorrection.Effect); the first is the API's default. */
const EFFECTS = ['EXCLUDE', 'COUNT_ON_TIME'];
/** An appeal's state as the case statuses colour it: waiting, done, refused. */
const APPEAL_TAGS = { PENDING: 's-waiting', UPHELD: 's-closed', REJECTED: 's-rejected' };

/** The API's name of a unit or district scope (positions, 岗位, are one path with a role). */
const SEGMENTS = { UNIT: 'departments', DISTRICT: 'districts' };

/** Where a scope's scorecard, a row's cases and the export live. */
function cardPath(month, scope) {
  return SEGMENTS[scope] ? `/api/scorecards/${month}/${SEGMENTS[scope]}`
    : `/api/scorecards/${month}/positions?role=${role(scope)}`;
}

function casesPath(month, scope, id, indicator) {
  return SEGMENTS[scope] ? `/api/scorecards/${month}/${SEGMENTS[scope]}/${id}/cases?indicator=${indicator}`
    : `/api/scorecards/${month}/positions/${role(scope)}/${id}/cases?indicator=${indicator}`;
}

function exportPath(month, scope, format) {
  return SEGMENTS[scope] ? `/api/scorecards/${month}/${SEGMENTS[scope]}/export?format=${format}`
    : `/api/scorecards/${month}/positions/export?role=${role(scope)}&format=${format}`;
}

export const Supervision = {
  props: { month: String },
  setup: () => ({ t, figure, score, gradeColour, beijingTime, hasRole, formulaText, POSITIONS, EFFECTS, APPEAL_TAGS }),
  data: () => ({
    chosenMonth: '', scope: 'UNIT', cards: { UNIT: null, DISTRICT: null }, close: null, busy: false,
    drill: null, drillRow: null, trend: null, appeals: [], decisionReasons: {},
    appealCases: [], appealReason: '', appealEffect: EFFECTS[0], showMap: false, loadedMonth: '', appealCounts: {},
  }),
  computed: {
    card() { return this.cards[this.scope]; },
    position() { return POSITIONS.includes(this.scope); },
    columns() { return indicatorColumns(this.card); },
    rows() {
      const rows = (this.card && this.card.rows) || [];
      return rows.slice().sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999) || (b.score ?? -1) - (a.score ?? -1));
    },
    labels() { return Object.fromEntries(((this.card && this.card.columns) || []).map((c) => [c.key, c.label])); },
    supervisor() { return hasRole('supervisor'); },
    unitUser() { return hasRole('department') && !hasRole('supervisor', 'admin', 'dispatcher', 'shift-lead'); },
    nextStep() { return this.close && STEPS[this.close.state]; },
    pendingAppeals() { return this.appeals.filter((a) => a.state === 'PENDING').length; },
    unitNames() { return Object.fromEntries(((this.cards.UNIT && this.cards.UNIT.rows) || []).map((r) => [r.unitId, r.unitName])); },
    unitLabels() { return Object.fromEntries(((this.cards.UNIT && this.cards.UNIT.columns) || []).map((c) => [c.key, c.label])); },
  },
  created() { this.chosenMonth = this.month || thisMonth(); this.loads = 0; },
  mounted() { this.load(); },
  methods: {
    /**
     * The chosen month's cards, close state and appeals. Never dropped while another load runs (a month chosen
     * meanwhile is loaded, and only the latest load is shown); actions wait while it runs. The page carries the
     * month once everything of it is shown (data-month).
     */
    async load() {
      this.drill = null;
      this.trend = null;
      const m = this.chosenMonth;
      const serial = ++this.loads;
      this.busy = true;
      this.loadedMonth = '';
      try {
        const [units, districts, close] = await Promise.all([
          get(`/api/scorecards/${m}/departments`),
          this.unitUser && !(session.claims && session.claims.district) ? Promise.resolve(null) : get(`/api/scorecards/${m}/districts`),
          get(`/api/assessment-months/${m}`),
        ]);
        const position = this.position ? await get(cardPath(m, this.scope)) : null;
        const appeals = this.supervisor || this.unitUser ? await get(`/api/assessment-months/${m}/appeals`).catch(() => []) : [];
        const appealCounts = this.supervisor ? await countedNow(m, appeals) : {};
        if (serial !== this.loads) return;
        this.cards = { UNIT: units, DISTRICT: districts };
        if (position) this.cards[this.scope] = position;
        this.close = close;
        this.appeals = appeals;
        this.appealCounts = appealCounts;
        this.loadedMonth = m;
      } catch (e) {
        if (serial === this.loads) say(e.message, 'error');
      } finally {
        if (serial === this.loads) this.busy = false;
      }
      if (this.showMap && serial === this.loads) this.$nextTick(() => this.drawMap());
    },
    id(row) { return row[IDS[this.scope] || 'userId']; },
    name(row) { return row[NAMES[this.scope] || 'name']; },
    async choose(scope) {
      this.scope = scope;
      this.drill = null;
      this.trend = null;
      if (!this.cards[scope]) this.cards[scope] = await act(this, () => get(cardPath(this.chosenMonth, scope)));
    },
    async open(row, key) {
      this.drillRow = row;
      this.drill = await act(this, () => get(casesPath(this.chosenMonth, this.scope, this.id(row), key)));
      this.$nextTick(() => { const el = document.querySelector('[data-test=drill-down]'); if (el) el.scrollIntoView({ block: 'start' }); });
    },
    async showTrend(row) {
      if (this.position) return;
      const from = monthsBack(this.chosenMonth, 11);
      const trend = await act(this, () => get(`/api/scorecard-trends/${SEGMENTS[this.scope]}/${this.id(row)}?from=${from}&to=${this.chosenMonth}`));
      if (!trend) return;
      this.trend = { name: this.name(row), months: trend.months };
      await this.$nextTick();
      const charts = await echarts();
      const chart = charts.init(this.$refs.trend);
      const rateKey = this.scope === 'UNIT' ? 'onTimeRate' : 'onTimeClosingRate';
      const secondKey = this.scope === 'UNIT' ? 'handlingRate' : 'closingRate';
      const pct = (v) => (v === null || v === undefined ? null : Math.round(v * 1000) / 10);
      chart.setOption({
        textStyle: { fontFamily: getComputedStyle(document.body).fontFamily },
        tooltip: { trigger: 'axis' },
        legend: { data: [t('score.score'), this.labels[rateKey], this.labels[secondKey]] },
        grid: { left: 40, right: 40, bottom: 30, top: 40 },
        xAxis: { type: 'category', data: trend.months.map((p) => p.month) },
        yAxis: [{ type: 'value', min: 0, max: 100, name: t('score.score') }, { type: 'value', min: 0, max: 100, name: '%' }],
        series: [
          { name: t('score.score'), type: 'line', data: trend.months.map((p) => p.score ?? null), connectNulls: true, lineStyle: { width: 3 } },
          { name: this.labels[rateKey], type: 'bar', yAxisIndex: 1, data: trend.months.map((p) => pct(p[rateKey])) },
          { name: this.labels[secondKey], type: 'bar', yAxisIndex: 1, data: trend.months.map((p) => pct(p[secondKey])) },
        ],
      });
    },
    /** 全市: the city's monthly volume (tasks due) and closing rate over the last 12 months, from the districts' cards. */
    async cityTrend() {
      const months = Array.from({ length: 12 }, (_, i) => monthsBack(this.chosenMonth, 11 - i));
      const cards = await act(this, () => Promise.all(months.map((m) => get(`/api/scorecards/${m}/districts`).catch(() => null))));
      if (!cards) return;
      const sum = (card, key) => (card ? card.rows.reduce((total, r) => total + (r[key] || 0), 0) : 0);
      const volume = cards.map((c) => sum(c, 'dispatched'));
      const rate = cards.map((c, i) => (volume[i] ? Math.round((sum(c, 'closed') / volume[i]) * 1000) / 10 : null));
      this.trend = { name: t('sc.city'), months: [] };
      await this.$nextTick();
      const chart = (await echarts()).init(this.$refs.trend);
      chart.setOption({
        textStyle: { fontFamily: getComputedStyle(document.body).fontFamily },
        tooltip: { trigger: 'axis' },
        legend: { data: [t('sc.cityVolume'), t('score.closingRate')] },
        grid: { left: 50, right: 50, bottom: 30, top: 40 },
        xAxis: { type: 'category', data: months },
        yAxis: [{ type: 'value', name: t('sc.cityVolume') }, { type: 'value', min: 0, max: 100, name: '%' }],
        series: [
          { name: t('sc.cityVolume'), type: 'bar', data: volume },
          { name: t('score.closingRate'), type: 'line', yAxisIndex: 1, data: rate, connectNulls: true, lineStyle: { width: 3 } },
        ],
      });
    },
    async step() {
      const step = this.nextStep;
      const answer = await act(this, () => post(`/api/assessment-months/${this.chosenMonth}/${step}`, {}), t('month.done.' + step));
      if (answer) { this.close = answer; this.load(); }
    },
    /** 支持 or 驳回, always with the supervisor's words; upholding corrects the unit's scorecard, which is reloaded. */
    async decide(appeal, decision) {
      const reason = (this.decisionReasons[appeal.id] || '').trim();
      if (!reason) { say(t('sc.decisionNeeds'), 'error'); return; }
      const answer = await act(this, () => post(`/api/appeals/${appeal.id}/decision`, { decision, reason }),
        t(decision === 'UPHOLD' ? 'sc.appealUpheld' : 'sc.appealRejected', { unit: this.unitName(appeal.unitId) }));
      if (answer) { delete this.decisionReasons[appeal.id]; this.load(); }
    },
    async appeal() {
      if (!this.appealCases.length || !this.appealReason.trim()) { say(t('sc.appealNeeds'), 'error'); return; }
      const answer = await act(this, () => post(`/api/assessment-months/${this.chosenMonth}/appeals`,
        { caseIds: this.appealCases, reason: this.appealReason.trim(), effect: this.appealEffect }), t('sc.appealFiled'));
      if (answer) { this.appealCases = []; this.appealReason = ''; this.appealEffect = EFFECTS[0]; this.load(); }
    },
    unitName(unitId) { return this.unitNames[unitId] || unitId; },
    /** "超期未处置数 1"…: how a contested case counts for its unit now, each of its tasks' indicators by name. */
    countedAs(unitId, caseId) {
      return (this.appealCounts[unitId] || []).filter((c) => c.caseId === caseId)
        .flatMap((c) => Object.entries(c.counts).filter(([k]) => this.unitLabels[k]).map(([k, n]) => `${this.unitLabels[k]} ${n}`));
    },
    /** A case's counts in the drill-down, by this card's names; counts the card has no column for are left out. */
    shownCounts(counts) { return Object.entries(counts || {}).filter(([k]) => this.labels[k]); },
    showAppeals() {
      const section = document.querySelector('[data-test=appeals]');
      if (section) section.scrollIntoView({ block: 'start' });
    },
    async download(format) {
      const response = await act(this, () => api('GET', exportPath(this.chosenMonth, this.scope, format),
        { raw: true, headers: { Accept: '*/*' } }));
      if (!response) return;
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await response.blob());
      link.download = `scorecard-${SEGMENTS[this.scope] || this.scope.toLowerCase()}-${this.chosenMonth}.${format}`;
      document.body.append(link);
      link.click();
      link.remove();
    },
    async toggleMap() {
      this.showMap = !this.showMap;
      if (this.showMap) { await this.$nextTick(); this.drawMap(); }
    },
    async drawMap() {
      if (!this.$refs.map) return;
      if (this.map) this.map.remove();
      const map = L.map(this.$refs.map).setView([34.45, 108.45], 9);
      this.map = map;
      const scores = Object.fromEntries(((this.cards.DISTRICT && this.cards.DISTRICT.rows) || []).map((r) => [r.districtCode, r]));
      const outlines = await districtOutlines();
      const layer = L.geoJSON(outlines, {
        style: (f) => {
          const row = scores[f.properties.code];
          return { color: '#fff', weight: 1.5, fillOpacity: 0.65, fillColor: row ? gradeColour(row.gradeColor) : '#c9d1d9', className: 'district-shape' };
        },
        onEachFeature: (f, l) => {
          const row = scores[f.properties.code];
          l.bindTooltip(`${f.properties.name} ${row ? score(row.score) + ' ' + (row.grade || '') : '—'}`, { sticky: true });
        },
      }).addTo(map);
      this.districtCount = layer.getLayers().length;
      map.fitBounds(layer.getBounds());
      const [y, m] = this.chosenMonth.split('-').map(Number);
      const from = new Date(Date.UTC(y, m - 1, 1) - 8 * 3600e3).toISOString();
      const to = new Date(Date.UTC(y, m, 1) - 8 * 3600e3).toISOString();
      try {
        const cases = await get(`/api/cases?from=${from}&to=${to}&size=200`, { background: true });
        for (const c of cases) {
          const colour = c.status === 'CLOSED' ? '#2e7d32' : c.overdue ? '#d93026' : '#e67e22';
          L.circleMarker([c.location.lat, c.location.lon], { radius: 5, weight: 1, color: '#fff', fillColor: colour, fillOpacity: 0.9 })
            .bindPopup(`<a href="#/case/${c.id}">${c.id}</a><br>${escapeHtml(c.categoryName)} · ${t('case.' + c.status)}`)
            .addTo(map);
        }
      } catch (e) { /* the districts alone still tell the month */ }
    },
  },
  beforeUnmount() { if (this.map) this.map.remove(); },
  template: `
    <div class="page wide supervision" data-test="supervision" :data-month="loadedMonth || null">
      <div class="page-head">
        <h2>{{ t('desk.scorecards') }}</h2>
        <label class="inline">{{ t('desk.month') }} <input type="month" v-model="chosenMonth" @change="load" data-test="month"></label>
        <span v-if="close" class="tag month-state" :class="'m-' + close.state.toLowerCase()" data-test="month-state">{{ t('month.' + close.state) }}</span>
        <button v-if="supervisor && nextStep" type="button" class="primary small" :disabled="busy" @click="step" :data-action="nextStep">{{ t('month.step.' + nextStep) }}</button>
        <button v-if="pendingAppeals" type="button" class="small" @click="showAppeals" data-action="show-appeals">{{ t('sc.appealsWaiting', { n: pendingAppeals }) }}</button>
        <span class="spacer"></span>
        <button type="button" class="small" @click="download('csv')" data-action="csv">CSV</button>
        <button type="button" class="small" @click="download('xlsx')" data-action="xlsx">XLSX</button>
        <a class="button small" :href="'#/desk/report/' + chosenMonth" data-action="print">{{ t('sc.print') }}</a>
      </div>
      <div class="segmented" v-if="cards.DISTRICT">
        <button type="button" :class="{ on: scope === 'UNIT' }" @click="choose('UNIT')" data-scope="UNIT">{{ t('desk.departments') }}</button>
        <button type="button" :class="{ on: scope === 'DISTRICT' }" @click="choose('DISTRICT')" data-scope="DISTRICT">{{ t('desk.districts') }}</button>
        <template v-if="!unitUser"><button v-for="p in POSITIONS" :key="p" type="button" :class="{ on: scope === p }" @click="choose(p)" :data-scope="p">{{ t('sc.position.' + p) }}</button></template>
      </div>
      <button v-if="cards.DISTRICT && !unitUser" type="button" class="small" @click="toggleMap" data-action="map">{{ t('sc.map') }}</button>
      <button v-if="cards.DISTRICT && !unitUser" type="button" class="small" @click="cityTrend" data-action="city-trend">{{ t('sc.city') }} · {{ t('sc.trend') }}</button>

      <section v-if="showMap" class="card"><h3>{{ t('sc.map') }}</h3><div ref="map" class="city-map" style="height: 420px" data-test="city-map"></div>
        <p class="small muted">{{ t('sc.mapHint') }}</p></section>

      <section v-if="card" class="card">
        <p class="small formula" data-test="formula">{{ formulaText(card.scheme) }}
          <span class="muted"> · {{ card.scheme.name }} {{ card.scheme.version }}</span></p>
        <p class="small"><span v-for="b in card.scheme.gradeBands" :key="b.grade" class="grade" :style="{ background: gradeColour(b.color) }">{{ b.grade }} {{ b.min > -1000 ? '≥ ' + b.min : '' }}</span>
          <span class="muted"> · {{ t('sc.cutOff') }} {{ beijingTime(card.cutOff) }} · {{ card.live ? t('sc.live') : t('sc.frozen') }}</span></p>
        <div class="table-scroll">
          <table class="grid-table scorecard" :data-scope="scope" data-test="scorecard">
            <thead><tr>
              <th>{{ t('sc.rank') }}</th><th>{{ scope === 'UNIT' ? t('score.unit') : scope === 'DISTRICT' ? t('score.district') : t('sc.person') }}</th>
              <th>{{ labels.volume }}</th><th>{{ t('score.score') }}</th><th>{{ t('score.grade') }}</th>
              <th v-for="c in columns" :key="c.key">{{ c.label }}</th>
            </tr></thead>
            <tbody>
              <tr v-for="r in rows" :key="id(r)" :data-row="id(r)">
                <td class="num">{{ r.rank || '—' }}</td>
                <td><button type="button" class="link" @click="showTrend(r)" :title="t('sc.trend')">{{ name(r) }}</button></td>
                <td class="num"><button type="button" class="link" @click="open(r, 'dispatched')">{{ r.volume }}</button></td>
                <td class="num"><strong>{{ score(r.score) }}</strong></td>
                <td><span v-if="r.grade" class="grade" :style="{ background: gradeColour(r.gradeColor) }">{{ r.grade }}</span><span v-else class="muted">{{ r.lowVolume ? t('sc.lowVolume') : '—' }}</span></td>
                <td v-for="c in columns" :key="c.key" class="num">
                  <button v-if="r[c.key] !== null && r[c.key] !== undefined && c.key !== 'incidencePerKm2' && c.key !== 'normalisedIncidence' && c.key !== 'averageHandlingHours'"
                          type="button" class="link" @click="open(r, c.key)" :data-indicator="c.key">{{ figure(c.key, r[c.key]) }}</button>
                  <span v-else>{{ figure(c.key, r[c.key]) }}</span>
                </td>
              </tr>
            </tbody>
          </table>
        </div>
      </section>

      <section v-if="trend" class="card" data-test="trend">
        <h3>{{ trend.name }} · {{ t('sc.trend') }}</h3>
        <div ref="trend" style="height: 300px"></div>
      </section>

      <section v-if="drill" class="card" data-test="drill-down">
        <h3>{{ drillRow && name(drillRow) }} · {{ drill.label }} <span class="muted">（{{ drill.total }}）</span></h3>
        <table class="grid-table">
          <thead><tr><th v-if="unitUser"></th><th>{{ t('common.caseId') }}</th><th>{{ t('sc.task') }}</th><th>{{ drill.label }}</th><th>{{ t('sc.counts') }}</th></tr></thead>
          <tbody><tr v-for="c in drill.cases" :key="c.caseId + c.taskId" data-test="drill-case">
            <td v-if="unitUser"><input type="checkbox" :value="c.caseId" v-model="appealCases" :aria-label="c.caseId"></td>
            <td><a :href="unitUser ? '#/inbox/task/' + c.taskId : '#/case/' + c.caseId">{{ c.caseId }}</a></td><td class="small">{{ c.taskId }}</td><td class="num">{{ c.value }}</td>
            <td class="small"><span v-for="[k, n] in shownCounts(c.counts)" :key="k" class="tag">{{ labels[k] }} {{ n }}</span></td></tr></tbody>
        </table>
        <form v-if="unitUser" class="subform" @submit.prevent="appeal" data-test="appeal-form">
          <label>{{ t('sc.appealEffect') }}<select v-model="appealEffect" data-test="appeal-effect">
            <option v-for="e in EFFECTS" :key="e" :value="e">{{ t('appeal.effect.' + e) }}</option></select></label>
          <label>{{ t('sc.appealReason') }}<textarea v-model="appealReason" rows="2" maxlength="1000" data-test="appeal-reason"></textarea></label>
          <button type="submit" class="primary" :disabled="busy" data-test="appeal-send">{{ t('sc.appeal') }}（{{ appealCases.length }}）</button>
        </form>
      </section>

      <section v-if="appeals.length" class="card" data-test="appeals">
        <h3>{{ t('sc.appeals') }} <span class="muted" data-test="appeals-pending">（{{ t('sc.appealsPending', { n: pendingAppeals }) }}）</span></h3>
        <ul class="cards"><li v-for="a in appeals" :key="a.id" class="card" data-test="appeal" :data-appeal="a.id" :data-state="a.state">
          <div class="line"><strong>{{ unitName(a.unitId) }}</strong>
            <span class="tag" :class="APPEAL_TAGS[a.state]" data-test="appeal-state">{{ t('appeal.' + a.state) }}</span></div>
          <p class="small muted">{{ t('sc.appealFiledBy', { who: a.filedBy, at: beijingTime(a.filedAt) }) }}</p>
          <p v-for="id in a.caseIds" :key="id" class="small" data-test="appeal-case" :data-case="id">{{ t('common.caseId') }}：<a v-if="supervisor" :href="'#/case/' + id" target="_blank" rel="noopener">{{ id }}</a><span v-else>{{ id }}</span>
            <template v-if="supervisor && a.state === 'PENDING'"><span class="muted"> · {{ t('sc.countedNow') }}：</span><span v-for="c in countedAs(a.unitId, id)" :key="c" class="tag">{{ c }}</span><span v-if="!countedAs(a.unitId, id).length" class="muted">—</span></template></p>
          <p class="small" data-test="appeal-effect">{{ t('sc.appealEffect') }}：<strong>{{ t('appeal.effect.' + a.effect) }}</strong>
            <span v-if="a.state !== 'REJECTED'" class="muted"> · {{ t((a.state === 'UPHELD' ? 'appeal.effectDone.' : 'appeal.effectHint.') + a.effect) }}</span></p>
          <p data-test="appeal-reason-text"><span class="muted">{{ t('sc.appealReason') }}：</span>{{ a.reason }}</p>
          <p v-if="a.decisionReason" data-test="decision"><span class="muted">{{ t('sc.decisionBy', { who: a.decidedBy, at: beijingTime(a.decidedAt) }) }}：</span>{{ a.decisionReason }}</p>
          <div v-if="supervisor && a.state === 'PENDING'" class="actions">
            <input v-model="decisionReasons[a.id]" :placeholder="t('sc.decisionReason')" :aria-label="t('sc.decisionReason')" maxlength="1000" data-test="decision-reason">
            <button type="button" class="primary" :disabled="busy" @click="decide(a, 'UPHOLD')" data-action="uphold">{{ t('sc.uphold') }}</button>
            <button type="button" class="danger" :disabled="busy" @click="decide(a, 'REJECT')" data-action="reject-appeal">{{ t('sc.rejectAppeal') }}</button>
          </div>
        </li></ul>
      </section>
    </div>`,
};

/** 月度考评通报: the page the supervision center hands out at its monthly meeting. */
export const MonthReport = {
  props: { month: String },
  setup: () => ({ t, figure, score, gradeColour, formulaText, beijingTime }),
  data: () => ({ units: null, districts: null, close: null }),
  async mounted() {
    try {
      [this.units, this.districts, this.close] = await Promise.all([
        get(`/api/scorecards/${this.month}/departments`), get(`/api/scorecards/${this.month}/districts`),
        get(`/api/assessment-months/${this.month}`)]);
    } catch (e) { say(e.message, 'error'); }
  },
  methods: {
    sorted(card) { return ((card && card.rows) || []).slice().sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999)); },
    print() { window.print(); },
  },
  template: `
    <div class="page wide report-print" data-test="month-report">
      <div class="no-print actions"><a :href="'#/desk/scorecards'">‹ {{ t('common.back') }}</a><button type="button" class="primary" @click="print">{{ t('sc.print') }}</button></div>
      <h1 class="center">{{ t('sc.reportTitle', { month: month.replace('-', '年') + '月' }) }}</h1>
      <p class="center muted" v-if="close">{{ t('month.' + close.state) }} · {{ units && t('sc.cutOff') + ' ' + beijingTime(units.cutOff) }}</p>
      <template v-for="(card, i) in [units, districts]" :key="i">
        <section v-if="card">
          <h2>{{ i === 0 ? t('sc.unitRanking') : t('sc.districtRanking') }}</h2>
          <p class="small">{{ formulaText(card.scheme) }}</p>
          <table class="grid-table">
            <thead><tr><th>{{ t('sc.rank') }}</th><th>{{ i === 0 ? t('score.unit') : t('score.district') }}</th><th>{{ t('score.due') }}</th>
              <th v-for="term in card.scheme.formula.terms" :key="term.indicator">{{ term.label }}</th><th>{{ t('score.score') }}</th><th>{{ t('score.grade') }}</th></tr></thead>
            <tbody><tr v-for="r in sorted(card)" :key="r.unitId || r.districtCode">
              <td class="num">{{ r.rank || '—' }}</td><td>{{ r.unitName || r.districtName }}</td><td class="num">{{ r.volume }}</td>
              <td v-for="term in card.scheme.formula.terms" :key="term.indicator" class="num">{{ figure(term.indicator, r[term.indicator]) }}</td>
              <td class="num"><strong>{{ score(r.score) }}</strong></td>
              <td><span v-if="r.grade" class="grade" :style="{ background: gradeColour(r.gradeColor) }">{{ r.grade }}</span></td></tr></tbody>
          </table>
        </section>
      </template>
    </div>`,
};

/** For each unit with appeals still pending, its counted cases (下钻 of 应处置数) with every count they add now. */
async function countedNow(month, appeals) {
  const units = [...new Set(appeals.filter((a) => a.state === 'PENDING').map((a) => a.unitId))];
  const drills = await Promise.all(units.map((u) => get(casesPath(month, 'UNIT', u, 'dispatched')).catch(() => null)));
  return Object.fromEntries(units.map((u, i) => [u, (drills[i] && drills[i].cases) || []]));
}

function escapeHtml(text) {
  return String(text || '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/*
 * 核查: the on-site checks of the inspector's cells, soonest due first, with the working time left; one check
 * shows the original photos next to the unit's feedback and its photos, takes the site photo and the verdict.
 * The place card and the site-photo upload are exported: 核实 (field-confirm.js) is the same walk to the place.
 */
import { get, post, api } from '../api.js';
import { t } from '../i18n.js';
import { beijingTime } from '../format.js';
import { CityMap } from '../map.js';
import { PhotoPicker, PhotoStrip, TimeLeft, Timeline, say, act } from '../components.js';

/**
 * Sends the photos taken on site, as stage VERIFICATION (the stage of every photo an inspector takes after the
 * report), and answers their ids for the verdict that cites them.
 */
export async function uploadSitePhotos(caseId, files) {
  const ids = [];
  for (const photo of files) {
    const form = new FormData();
    form.append('file', photo, photo.name || 'site.jpg');
    form.append('stage', 'VERIFICATION');
    ids.push((await api('POST', `/api/cases/${caseId}/photos`, { form })).id);
  }
  return ids;
}

/** The case the inspector walks to: what, where (street, community, the pin on the map) and its status. */
export const SiteCase = {
  components: { CityMap },
  props: { file: { type: Object, required: true } },
  setup: () => ({ t }),
  computed: {
    pin() { return this.file.location ? { lon: this.file.location.lon, lat: this.file.location.lat } : null; },
  },
  template: `
    <section class="card">
      <div class="line"><strong>{{ file.categoryName }}</strong><span class="tag" :class="'s-' + file.status.toLowerCase()" data-test="case-status">{{ t('case.' + file.status) }}</span></div>
      <p>{{ file.description }}</p>
      <p class="small muted">{{ file.address }} · {{ file.streetName }} {{ file.communityName }} · {{ file.id }}</p>
      <slot></slot>
      <city-map :pin="pin" height="180px"></city-map>
    </section>`,
};

/**
 * An inspector's list of work on site (核查, 核实) read from {@code url} into {@code key}, on opening and on 刷新; a
 * network failure is a warning, anything else an error.
 */
export function onSiteList(url, key) {
  return {
    data: () => ({ [key]: [], loading: true }),
    mounted() { this.refresh(); },
    methods: {
      async refresh() {
        this.loading = true;
        try {
          this[key] = await get(url);
        } catch (e) {
          say(e.message, e.offline ? 'warn' : 'error');
        } finally {
          this.loading = false;
        }
      },
    },
  };
}

export const FieldChecks = {
  mixins: [onSiteList('/api/verifications?limit=100', 'checks')],
  components: { TimeLeft },
  setup: () => ({ t, beijingTime }),
  template: `
    <div class="page">
      <div class="page-head"><h2>{{ t('checks.title') }}</h2>
        <button class="small" type="button" @click="refresh" :disabled="loading">{{ t('common.refresh') }}</button></div>
      <p v-if="!loading && !checks.length" class="muted">{{ t('checks.none') }}</p>
      <ul class="cards">
        <li v-for="c in checks" :key="c.caseId" class="card">
          <a class="card-link" :href="'#/field/checks/' + c.caseId" :data-case="c.caseId" data-test="check-item">
            <div class="line"><strong>{{ c.categoryName }}</strong>
              <time-left :minutes="c.remainingWorkingMinutes" :overdue="c.remainingWorkingMinutes < 0"></time-left></div>
            <div class="small">{{ c.address || c.gridCode }}</div>
            <div class="small muted">{{ t('checks.due') }} {{ beijingTime(c.dueBy) }} · {{ c.unitName }}</div>
          </a>
        </li>
      </ul>
    </div>`,
};

export const FieldCheck = {
  components: { SiteCase, PhotoPicker, PhotoStrip, TimeLeft, Timeline },
  props: { caseId: String },
  setup: () => ({ t, beijingTime }),
  data: () => ({ file: null, check: null, sitePhotos: [], note: '', busy: false, done: '' }),
  computed: {
    reportPhotos() { return this.photosOf('REPORT'); },
    handlingPhotos() { return this.photosOf('HANDLING'); },
    feedback() {
      const handled = ((this.file && this.file.timeline) || []).filter((s) => s.type === 'handled');
      return handled.length ? handled[handled.length - 1] : null;
    },
  },
  async mounted() {
    try {
      this.file = await get('/api/cases/' + this.caseId);
      const checks = await get('/api/verifications?limit=200');
      this.check = checks.find((c) => c.caseId === this.caseId) || null;
    } catch (e) {
      say(e.message, 'error');
    }
  },
  methods: {
    photosOf(stage) { return ((this.file && this.file.photos) || []).filter((p) => p.stage === stage); },
    async verdict(result) {
      if (!this.sitePhotos.length) { say(t('checks.needPhoto'), 'error'); return; }
      if (result === 'FAIL' && !this.note.trim()) { say(t('checks.needNote'), 'error'); return; }
      const answer = await act(this, async () => {
        const ids = await uploadSitePhotos(this.caseId, this.sitePhotos);
        const body = { result, photoIds: ids };
        if (this.note.trim()) body.note = this.note.trim();
        return post(`/api/cases/${this.caseId}/verification`, body);
      }, result === 'PASS' ? t('checks.passed') : t('checks.failed'));
      if (answer) {
        this.file = answer;
        this.done = result;
        this.sitePhotos = [];
      }
    },
  },
  template: `
    <div class="page" v-if="file" data-test="check-detail">
      <div class="page-head"><a href="#/field/checks" class="back">‹ {{ t('common.back') }}</a>
        <time-left v-if="check" :minutes="check.remainingWorkingMinutes" :overdue="check.remainingWorkingMinutes < 0"></time-left></div>
      <site-case :file="file"></site-case>
      <section class="card">
        <h3>{{ t('checks.original') }}</h3>
        <photo-strip :photos="reportPhotos"></photo-strip>
        <h3>{{ t('checks.feedback') }}</h3>
        <p v-if="feedback">{{ feedback.reason }} <span class="small muted">{{ beijingTime(feedback.at) }}</span></p>
        <photo-strip :photos="handlingPhotos"></photo-strip>
      </section>
      <section class="card" v-if="file.status === 'VERIFYING'">
        <h3>{{ t('checks.sitePhoto') }}</h3>
        <photo-picker v-model="sitePhotos" :label="t('checks.takeSitePhoto')" test-id="site-photo"></photo-picker>
        <label>{{ t('checks.failNote') }}<textarea v-model="note" rows="2" maxlength="500" data-test="check-note"></textarea></label>
        <div class="actions two">
          <button type="button" class="primary" :disabled="busy" @click="verdict('PASS')" data-test="check-pass">{{ t('checks.pass') }}</button>
          <button type="button" class="danger" :disabled="busy" @click="verdict('FAIL')" data-test="check-fail">{{ t('checks.fail') }}</button>
        </div>
      </section>
      <section class="card" v-if="done"><p class="ok-text" data-test="check-done">{{ done === 'PASS' ? t('checks.passed') : t('checks.failed') }}</p></section>
      <section class="card"><h3>{{ t('common.timeline') }}</h3><timeline :steps="file.timeline"></timeline></section>
    </div>
    <p v-else class="muted page">{{ t('common.loading') }}</p>`,
};

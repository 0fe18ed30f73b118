/*
 * 核实: reports from citizens, the 12345 hotline, sensors and cameras that the filing desk sent to this inspector
 * to confirm on site before they are filed, soonest due first (the API's order). One shows the place as the 核查
 * screen does (its SiteCase and photo upload), takes the site photo and the answer: 属实 with a photo, the report
 * goes back to the filing desk; 不属实 with what was found, it is rejected.
 *
 * Answers are sent at once, not through the outbox (app/outbox.js keeps new reports only, as it does not keep
 * 核查 verdicts either): an answer needs its photo uploaded first and is refused if the desk meanwhile cancelled
 * the report, which the inspector should see on the spot.
 */
import { get, post } from '../api.js';
import { t } from '../i18n.js';
import { beijingTime } from '../format.js';
import { PhotoPicker, PhotoStrip, TimeLeft, Timeline, say, act } from '../components.js';
import { SiteCase, onSiteList, uploadSitePhotos } from './field-checks.js';

export const FieldConfirmations = {
  mixins: [onSiteList('/api/confirmations?limit=100', 'items')],
  components: { TimeLeft },
  setup: () => ({ t, beijingTime }),
  template: `
    <div class="page" data-test="confirmations">
      <div class="page-head"><h2>{{ t('confirm.listTitle') }}</h2>
        <button class="small" type="button" @click="refresh" :disabled="loading">{{ t('common.refresh') }}</button></div>
      <p v-if="!loading && !items.length" class="muted">{{ t('confirm.none') }}</p>
      <ul class="cards">
        <li v-for="c in items" :key="c.caseId" class="card task" :class="{ red: c.remainingWorkingMinutes < 0 }">
          <a class="card-link" :href="'#/field/confirm/' + c.caseId" :data-case="c.caseId" data-test="confirm-item">
            <div class="line"><strong>{{ c.categoryName }}</strong>
              <time-left :minutes="c.remainingWorkingMinutes" :overdue="c.remainingWorkingMinutes < 0" over-key="confirm.over"></time-left></div>
            <p class="small clamp2">{{ c.description }}</p>
            <div class="small">{{ c.address || c.gridCode }}</div>
            <div class="small muted"><span class="tag" data-test="confirm-source">{{ t('source.' + c.source) }}</span>
              {{ t('confirm.due') }} {{ beijingTime(c.dueBy) }}</div>
          </a>
        </li>
      </ul>
    </div>`,
};

export const FieldConfirmation = {
  components: { SiteCase, PhotoPicker, PhotoStrip, TimeLeft, Timeline },
  props: { caseId: String },
  setup: () => ({ t, beijingTime }),
  data: () => ({ file: null, item: null, sitePhotos: [], note: '', busy: false, done: '' }),
  computed: {
    reportPhotos() { return ((this.file && this.file.photos) || []).filter((p) => p.stage === 'REPORT'); },
  },
  async mounted() {
    try {
      this.file = await get('/api/cases/' + this.caseId);
      const open = await get('/api/confirmations?limit=200');
      this.item = open.find((c) => c.caseId === this.caseId) || null;
    } catch (e) {
      say(e.message, 'error');
    }
  },
  methods: {
    async answer(result) {
      // The API refuses both too; saying it here keeps the inspector from uploading photos for nothing.
      if (result === 'CONFIRMED' && !this.sitePhotos.length) { say(t('confirm.needPhoto'), 'error'); return; }
      if (result === 'REFUTED' && !this.note.trim()) { say(t('confirm.needNote'), 'error'); return; }
      const answered = await act(this, async () => {
        const body = { result, photoIds: await uploadSitePhotos(this.caseId, this.sitePhotos) };
        if (this.note.trim()) body.note = this.note.trim();
        return post(`/api/cases/${this.caseId}/confirmation`, body);
      }, t('confirm.done.' + result));
      if (answered) {
        this.file = answered;
        this.done = result;
        this.sitePhotos = [];
      }
    },
  },
  template: `
    <div class="page" v-if="file" data-test="confirm-detail" :data-status="file.status">
      <div class="page-head"><a href="#/field/confirm" class="back">‹ {{ t('common.back') }}</a>
        <time-left v-if="item" :minutes="item.remainingWorkingMinutes" :overdue="item.remainingWorkingMinutes < 0" over-key="confirm.over"></time-left></div>
      <site-case :file="file">
        <p class="small"><span class="tag">{{ t('source.' + file.source) }}</span> {{ beijingTime(file.reportedAt) }}
          <span v-if="file.confirmation"> · {{ t('confirm.due') }} {{ beijingTime(file.confirmation.dueBy) }}</span></p>
      </site-case>
      <section class="card" v-if="reportPhotos.length">
        <h3>{{ t('checks.original') }}</h3>
        <photo-strip :photos="reportPhotos"></photo-strip>
      </section>
      <section class="card" v-if="file.status === 'CONFIRMING'">
        <h3>{{ t('confirm.sitePhoto') }}</h3>
        <photo-picker v-model="sitePhotos" :label="t('checks.takeSitePhoto')" test-id="confirm-photo"></photo-picker>
        <label>{{ t('confirm.note') }}<textarea v-model="note" rows="2" maxlength="500" data-test="confirm-note"></textarea></label>
        <div class="actions two">
          <button type="button" class="primary" :disabled="busy" @click="answer('CONFIRMED')" data-test="confirm-yes">{{ t('confirm.result.CONFIRMED') }}</button>
          <button type="button" class="danger" :disabled="busy" @click="answer('REFUTED')" data-test="confirm-no">{{ t('confirm.result.REFUTED') }}</button>
        </div>
        <p class="small muted">{{ t('confirm.hint') }}</p>
      </section>
      <section class="card" v-if="done"><p class="ok-text" data-test="confirm-done">{{ t('confirm.done.' + done) }}</p></section>
      <section class="card"><h3>{{ t('common.timeline') }}</h3><timeline :steps="file.timeline"></timeline></section>
    </div>
    <p v-else class="muted page">{{ t('common.loading') }}</p>`,
};

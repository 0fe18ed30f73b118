/*
 * 我的上报: what waits on the phone (待发送), then the inspector's reports with their place along the loop; a
 * report the operator asked about (待补充信息) shows the question and takes the answer.
 */
import { get, post } from '../api.js';
import { t } from '../i18n.js';
import { beijingTime } from '../format.js';
import { StatusTag, say, act } from '../components.js';
import { outbox, load, flush, discard, retry } from '../outbox.js';

export const FieldMine = {
  components: { StatusTag },
  setup: () => ({ t, outbox, beijingTime }),
  data: () => ({ cases: [], loading: true, answers: {}, busy: false }),
  async mounted() {
    await load();
    await this.refresh();
    // A report the outbox sent in the background (the network came back) appears in the list at once.
    this.$watch(() => outbox.items.length, (now, before) => { if (now < before) this.reloadCases(); });
  },
  methods: {
    async refresh() {
      this.loading = true;
      try {
        await flush();
        this.cases = await get('/api/cases/mine?size=50');
      } catch (e) {
        say(e.message, e.offline ? 'warn' : 'error');
      } finally {
        this.loading = false;
      }
    },
    async reloadCases() {
      try {
        this.cases = await get('/api/cases/mine?size=50', { background: true });
      } catch (e) {
        /* the next refresh shows it */
      }
    },
    question(c) {
      const asked = (c.timeline || []).filter((s) => s.type === 'information-requested');
      return asked.length ? asked[asked.length - 1].reason : '';
    },
    async answer(c) {
      const text = (this.answers[c.id] || '').trim();
      if (!text) { say(t('inbox.needReason'), 'error'); return; }
      const done = await act(this, () => post(`/api/cases/${c.id}/information`, { reason: text }), t('common.done'));
      if (done) { this.answers[c.id] = ''; await this.refresh(); }
    },
    discard(key) { return discard(key); },
    retry(key) { return retry(key); },
  },
  template: `
    <div class="page">
      <div class="page-head"><h2>{{ t('mine.title') }}</h2>
        <button class="small" type="button" @click="refresh" :disabled="loading">{{ t('common.refresh') }}</button></div>
      <ul class="cards" data-test="outbox">
        <li v-for="item in outbox.items" :key="item.key" class="card pending" :data-state="item.state" data-test="outbox-item">
          <div class="line"><strong>{{ item.summary.categoryName }}</strong>
            <span class="tag s-waiting" data-test="outbox-state">{{ t(item.state === 'failed' ? 'outbox.failed' : item.state === 'sending' ? 'outbox.sending' : 'outbox.waiting') }}</span></div>
          <div class="small">{{ item.report.description }}</div>
          <div class="small muted">{{ beijingTime(item.createdAt) }} · {{ item.photos.length }} {{ t('common.photos') }}</div>
          <p v-if="item.error" class="error small">{{ item.error }}</p>
          <div v-if="item.state === 'failed'" class="actions">
            <button type="button" @click="retry(item.key)">{{ t('outbox.retry') }}</button>
            <button type="button" class="danger" @click="discard(item.key)">{{ t('outbox.discard') }}</button>
          </div>
        </li>
      </ul>
      <p v-if="loading && !cases.length" class="muted">{{ t('common.loading') }}</p>
      <p v-else-if="!cases.length && !outbox.items.length" class="muted">{{ t('common.empty') }}</p>
      <ul class="cards" data-test="my-reports">
        <li v-for="c in cases" :key="c.id" class="card" :data-case="c.id" data-test="my-report">
          <div class="line"><strong>{{ c.categoryName }}</strong><status-tag :status="c.status"></status-tag></div>
          <div class="small">{{ c.description }}</div>
          <div class="small muted">{{ beijingTime(c.reportedAt) }} · {{ c.communityName || c.districtName }} · {{ c.id }}</div>
          <div v-if="c.status === 'INFO_REQUESTED'" class="ask">
            <div><span class="muted">{{ t('mine.question') }}：</span>{{ question(c) }}</div>
            <textarea v-model="answers[c.id]" rows="2" maxlength="500" :placeholder="t('mine.answerHint')"></textarea>
            <button type="button" class="primary" :disabled="busy" @click="answer(c)">{{ t('mine.sendAnswer') }}</button>
          </div>
        </li>
      </ul>
    </div>`,
};

/*
 * Small components every screen shares: the message bar, photos (taken and shown), the timeline, the
 * working-time badge and the status tag.
 */
import { photoUrl } from './api.js';
import { t } from './i18n.js';
import { beijingTime, workingTimeLeft } from './format.js';

const { reactive } = Vue;

/** The one message bar: what happened, or the server's words when an action was refused. */
export const messages = reactive({ text: '', kind: 'info', serial: 0 });

export function say(text, kind = 'info') {
  messages.text = text;
  messages.kind = kind;
  messages.serial += 1;
  const serial = messages.serial;
  if (kind !== 'error') setTimeout(() => { if (messages.serial === serial) messages.text = ''; }, 6000);
}

export const MessageBar = {
  setup: () => ({ messages }),
  template: `<div v-if="messages.text" class="message" :class="messages.kind" role="status" data-test="message"
                 @click="messages.text = ''">{{ messages.text }}</div>`,
};

/** Photos the user takes or picks: kept as Files until they are sent; thumbnails from local object URLs. */
export const PhotoPicker = {
  props: { modelValue: { type: Array, required: true }, max: { type: Number, default: 6 }, label: String, testId: String },
  emits: ['update:modelValue', 'tooMany'],
  setup: () => ({ t }),
  data: () => ({ urls: [] }),
  watch: {
    modelValue: {
      immediate: true,
      handler(files) {
        this.urls.forEach((u) => URL.revokeObjectURL(u));
        this.urls = files.map((f) => URL.createObjectURL(f));
      },
    },
  },
  methods: {
    picked(event) {
      const chosen = Array.from(event.target.files || []);
      event.target.value = '';
      const next = this.modelValue.concat(chosen).slice(0, this.max);
      if (this.modelValue.length + chosen.length > this.max) this.$emit('tooMany');
      this.$emit('update:modelValue', next);
    },
    remove(index) {
      this.$emit('update:modelValue', this.modelValue.filter((f, i) => i !== index));
    },
  },
  template: `
    <div class="photo-picker">
      <div class="thumbs">
        <figure v-for="(url, i) in urls" :key="url" class="thumb">
          <img :src="url" alt="">
          <button type="button" class="thumb-remove" :aria-label="t('outbox.discard')" @click="remove(i)">×</button>
        </figure>
        <label v-if="modelValue.length < max" class="thumb add" :data-test="testId">
          <input type="file" accept="image/*" capture="environment" multiple @change="picked">
          <span class="plus">＋</span><span>{{ label || t('report.takePhoto') }}</span>
        </label>
      </div>
    </div>`,
};

/** A case's stored photos, fetched with the token; a tap shows one large. */
export const PhotoStrip = {
  props: { photos: { type: Array, default: () => [] } },
  setup: () => ({ t }),
  data: () => ({ urls: {}, large: null }),
  watch: {
    photos: {
      immediate: true,
      async handler(photos) {
        for (const p of photos) {
          if (this.urls[p.id]) continue;
          try { this.urls[p.id] = await photoUrl(p.url); } catch (e) { this.urls[p.id] = null; }
        }
      },
    },
  },
  template: `
    <div class="thumbs">
      <figure v-for="p in photos" :key="p.id" class="thumb" @click="large = urls[p.id]">
        <img v-if="urls[p.id]" :src="urls[p.id]" :alt="p.stage">
        <figcaption>{{ beijingTime(p.takenAt || p.uploadedAt) }}</figcaption>
      </figure>
      <div v-if="large" class="lightbox" @click.stop="large = null"><img :src="large" alt=""></div>
    </div>`,
  methods: { beijingTime },
};

const INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})/g;

const REASON_CODE = /^[A-Z][A-Z_]+(?=:|$)/;

/** A step's reason as people read it: times in Beijing time, a rejection's code (NOT_CONFIRMED: …) in words. */
function readable(step) {
  let text = step.reason;
  if (step.type === 'rejected') {
    text = text.replace(REASON_CODE, (code) => (t('reject.' + code) === 'reject.' + code ? code : t('reject.' + code)));
  }
  return text.replace(INSTANT, (at) => beijingTime(at));
}

export const Timeline = {
  props: { steps: { type: Array, default: () => [] } },
  setup: () => ({ t, beijingTime, readable }),
  template: `
    <ol class="timeline">
      <li v-for="(s, i) in steps" :key="i" :data-step="s.type">
        <time>{{ beijingTime(s.at) }}</time>
        <strong>{{ t('step.' + s.type) }}</strong>
        <span v-if="s.actor" class="muted"> · {{ s.actor }}</span>
        <div v-if="s.reason" class="reason">{{ readable(s) }}</div>
      </li>
    </ol>`,
};

/** 剩余/超期 working time, yellow at the warning (预警) and red when overdue (超期), as the API says. */
export const TimeLeft = {
  props: { minutes: Number, warned: Boolean, overdue: Boolean, stopped: Boolean, overKey: String },
  setup: () => ({ t, workingTimeLeft }),
  template: `
    <span class="time-left" :class="{ red: overdue, yellow: warned && !overdue }" data-test="time-left">
      <span v-if="overdue && !overKey" class="light">{{ t('light.overdue') }}</span>
      <span v-else-if="warned" class="light">{{ t('light.warned') }}</span>
      {{ stopped ? t('time.stopped') : workingTimeLeft(minutes, overKey) }}
    </span>`,
};

/**
 * 核实 of a report before filing, as the desks show it: who was sent, by whom and when, by when, whether it was
 * sent within the filing limit, and the answer with its note and the photos it cites.
 */
export const ConfirmationCard = {
  components: { PhotoStrip },
  props: { file: { type: Object, required: true } },
  setup: () => ({ t, beijingTime }),
  computed: {
    c() { return this.file.confirmation; },
    photos() {
      const ids = (this.c && this.c.photoIds) || [];
      return (this.file.photos || []).filter((p) => ids.includes(p.id));
    },
  },
  template: `
    <section v-if="c" class="card confirmation" :data-result="c.result || 'OPEN'" data-test="confirmation">
      <div class="line"><h3>{{ t('confirm.title') }}</h3>
        <span class="tag" :class="c.result ? 's-confirm-' + c.result.toLowerCase() : 's-confirming'" data-test="confirmation-result">{{ c.result ? t('confirm.result.' + c.result) : t('case.CONFIRMING') }}</span></div>
      <dl class="facts small">
        <dt>{{ t('confirm.assignee') }}</dt><dd data-test="confirmation-assignee">{{ c.assignee }}</dd>
        <dt>{{ t('confirm.requested') }}</dt><dd>{{ beijingTime(c.requestedAt) }} · {{ c.requestedBy }}
          <span v-if="c.dispatchedOnTime === false" class="tag s-rework">{{ t('confirm.sentLate') }}</span></dd>
        <dt>{{ t('confirm.due') }}</dt><dd>{{ beijingTime(c.dueBy) }}</dd>
        <template v-if="c.answeredAt">
          <dt>{{ t('confirm.answered') }}</dt><dd>{{ beijingTime(c.answeredAt) }}
            <span v-if="c.answeredOnTime === false" class="tag s-rework">{{ t('confirm.answeredLate') }}</span></dd>
        </template>
        <template v-if="c.note"><dt>{{ t('common.note') }}</dt><dd data-test="confirmation-note">{{ c.note }}</dd></template>
      </dl>
      <photo-strip v-if="photos.length" :photos="photos"></photo-strip>
    </section>`,
};

export const StatusTag = {
  props: { kind: { type: String, default: 'case' }, status: String },
  setup: () => ({ t }),
  template: `<span class="tag" :class="'s-' + (status || '').toLowerCase()">{{ t(kind + '.' + status) }}</span>`,
};

/** Runs an action, shows the server's refusal in words, and keeps the button disabled while it runs. */
export async function act(state, work, done) {
  if (state.busy) return;
  state.busy = true;
  try {
    const result = await work();
    if (done) say(done, 'ok');
    return result;
  } catch (e) {
    say(e.message, 'error');
    return undefined;
  } finally {
    state.busy = false;
  }
}

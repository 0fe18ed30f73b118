/*
 * 问题上报 from the phone: photos, the phone's GPS fix with its accuracy and a pin to drag, the cell the server
 * places it in, the category by type → class → category or by name with its filing criterion, and the words.
 * Every report goes through the outbox with its Idempotency-Key, online or not.
 */
import { get, uuid } from '../api.js';
import { expire, session, tokenValid } from '../session.js';
import { t } from '../i18n.js';
import { CityMap } from '../map.js';
import { PhotoPicker, say } from '../components.js';
import { CategoryPicker } from '../category-picker.js';
import { keep, flush, outbox, sentAs } from '../outbox.js';
import { metres } from '../format.js';

export const FieldReport = {
  components: { CityMap, PhotoPicker, CategoryPicker },
  setup: () => ({ t, outbox, metres }),
  data: () => ({
    key: uuid(),
    photos: [],
    pin: null,
    accuracy: null,
    gps: 'locating',
    place: null,
    placeState: '',
    categoryCode: '',
    category: null,
    description: '',
    address: '',
    busy: false,
  }),
  mounted() {
    this.locate();
  },
  methods: {
    locate() {
      if (!navigator.geolocation) { this.gps = 'none'; this.fallbackPin(); return; }
      this.gps = 'locating';
      navigator.geolocation.getCurrentPosition((position) => {
        this.gps = 'fixed';
        this.accuracy = position.coords.accuracy;
        this.setPin({ lon: position.coords.longitude, lat: position.coords.latitude });
      }, () => {
        this.gps = 'none';
        this.fallbackPin();
      }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 30000 });
    },
    fallbackPin() {
      if (!this.pin) this.setPin({ lon: 108.7012, lat: 34.3405 });
    },
    moved(pin) {
      this.accuracy = null;
      this.setPin(pin);
    },
    async setPin(pin) {
      this.pin = { lon: pin.lon, lat: pin.lat };
      this.place = null;
      if (!navigator.onLine) { this.placeState = 'offline'; return; }
      this.placeState = 'resolving';
      try {
        this.place = await get(`/api/reference/grid/locate?lon=${pin.lon}&lat=${pin.lat}`, { background: true });
        this.placeState = 'resolved';
        if (!this.address) this.address = '';
      } catch (e) {
        this.placeState = e.offline ? 'offline' : e.status === 401 ? '' : 'outside';
      }
    },
    invalid() {
      if (!this.photos.length) return t('report.needPhoto');
      if (!this.pin) return t('report.needLocation');
      if (!this.categoryCode) return t('report.needCategory');
      if (!this.description.trim()) return t('report.needDescription');
      return null;
    },
    async send() {
      const problem = this.invalid();
      if (problem) { say(problem, 'error'); return; }
      if (this.busy) return;
      this.busy = true;
      try {
        if (!tokenValid()) await expire();
        const report = {
          categoryCode: this.categoryCode,
          description: this.description.trim(),
          location: { lon: this.pin.lon, lat: this.pin.lat },
        };
        if (this.address.trim()) report.address = this.address.trim();
        const key = this.key;
        await keep({
          key,
          report,
          photos: this.photos.map((f) => ({ blob: f, name: f.name, type: f.type })),
          createdAt: Date.now(),
          state: 'waiting',
          summary: { categoryName: this.category ? this.category.name : this.categoryCode, place: this.place ? this.place.communityName : '' },
        });
        this.reset();
        await flush();
        if (!sentAs(key) && session.expired && await expire()) await flush();
        if (sentAs(key)) {
          say(t('report.sent', { id: sentAs(key).id }), 'ok');
        } else {
          const item = outbox.items.find((i) => i.key === key);
          if (item && item.state === 'failed') say(item.error, 'error');
          else say(t('report.queued'), 'warn');
        }
      } finally {
        this.busy = false;
      }
    },
    reset() {
      this.key = uuid();
      this.photos = [];
      this.description = '';
      this.address = '';
      this.categoryCode = '';
      this.category = null;
    },
  },
  template: `
    <form class="page report" @submit.prevent="send" data-test="report-form">
      <section class="card">
        <h2>{{ t('report.photos') }}</h2>
        <photo-picker v-model="photos" test-id="report-photo" @too-many="say(t('report.tooMany'), 'warn')"></photo-picker>
      </section>

      <section class="card">
        <h2>{{ t('common.location') }}</h2>
        <city-map :pin="pin" :draggable="true" :accuracy="accuracy" @update:pin="moved" height="220px"></city-map>
        <p class="small">
          <span v-if="gps === 'locating'">{{ t('report.locating') }}</span>
          <span v-else-if="gps === 'fixed' && accuracy" data-test="gps-accuracy">{{ t('report.accuracy', { metres: metres(accuracy) }) }}</span>
          <span v-else-if="gps === 'none'" class="warn-text">{{ t('report.noGps') }}</span>
          <span v-else-if="pin">{{ t('report.adjusted') }}</span>
          · <span class="muted">{{ t('report.dragHint') }}</span>
          <button type="button" class="link" @click="locate">{{ t('report.locate') }}</button>
        </p>
        <p class="place" data-test="resolved-place">
          <template v-if="placeState === 'resolved' && place">
            <strong>{{ t('report.resolved', { district: place.districtName, street: place.streetName, community: place.communityName }) }}</strong>
            <span class="muted small"> {{ t('report.cell', { cell: place.cellCode }) }}</span>
          </template>
          <span v-else-if="placeState === 'outside'" class="error">{{ t('report.outside') }}</span>
          <span v-else-if="placeState === 'offline'" class="muted">{{ t('report.unresolvedOffline') }}</span>
        </p>
        <label>{{ t('common.address') }}<input v-model="address" maxlength="200" :placeholder="t('report.addressHint')" data-test="report-address"></label>
      </section>

      <section class="card">
        <h2>{{ t('common.category') }}</h2>
        <category-picker v-model="categoryCode" @chosen="category = $event"></category-picker>
      </section>

      <section class="card">
        <h2>{{ t('common.description') }}</h2>
        <textarea v-model="description" rows="3" maxlength="500" :placeholder="t('report.descriptionHint')" data-test="report-description"></textarea>
      </section>

      <button class="primary block big" type="submit" :disabled="busy" data-test="report-send">{{ t('report.send') }}</button>
    </form>`,
};
FieldReport.methods.say = say;

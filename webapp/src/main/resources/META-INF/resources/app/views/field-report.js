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
import { categoryTree, flatten } from '../reference.js';
import { keep, flush, outbox, sentAs } from '../outbox.js';
import { metres } from '../format.js';

export const FieldReport = {
  components: { CityMap, PhotoPicker },
  setup: () => ({ t, outbox, metres }),
  data: () => ({
    key: uuid(),
    photos: [],
    pin: null,
    accuracy: null,
    gps: 'locating',
    place: null,
    placeState: '',
    categories: [],
    tree: { types: [] },
    typeCode: '',
    majorCode: '',
    categoryCode: '',
    search: '',
    description: '',
    address: '',
    busy: false,
  }),
  computed: {
    majors() {
      const type = this.tree.types.find((x) => x.code === this.typeCode);
      return type ? type.majors : [];
    },
    minors() {
      const major = this.majors.find((x) => x.code === this.majorCode);
      return major ? major.categories : [];
    },
    category() {
      return this.categories.find((c) => c.code === this.categoryCode) || null;
    },
    matches() {
      const q = this.search.trim();
      if (!q) return [];
      return this.categories.filter((c) => c.name.includes(q) || c.code.startsWith(q) || c.majorName.includes(q)).slice(0, 8);
    },
  },
  async mounted() {
    try {
      this.tree = await categoryTree();
      this.categories = flatten(this.tree);
    } catch (e) {
      say(e.message, 'error');
    }
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
    chooseType() { this.majorCode = ''; this.categoryCode = ''; },
    chooseMajor() { this.categoryCode = ''; },
    pick(c) {
      this.typeCode = c.typeCode;
      this.majorCode = c.majorCode;
      this.categoryCode = c.code;
      this.search = '';
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
          summary: { categoryName: this.category.name, place: this.place ? this.place.communityName : '' },
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
      this.majorCode = '';
      this.typeCode = '';
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
        <input v-model="search" type="search" :placeholder="t('report.categorySearch')" data-test="category-search">
        <ul v-if="matches.length" class="choices">
          <li v-for="c in matches" :key="c.code"><button type="button" @click="pick(c)" :data-code="c.code">
            {{ c.name }} <span class="muted small">{{ c.typeName }} · {{ c.majorName }} · {{ c.code }}</span></button></li>
        </ul>
        <div class="row3">
          <label>{{ t('report.type') }}<select v-model="typeCode" @change="chooseType" data-test="category-type">
            <option value="" disabled></option><option v-for="x in tree.types" :value="x.code">{{ x.name }}</option></select></label>
          <label>{{ t('report.major') }}<select v-model="majorCode" @change="chooseMajor" data-test="category-major">
            <option value="" disabled></option><option v-for="x in majors" :value="x.code">{{ x.name }}</option></select></label>
          <label>{{ t('report.minor') }}<select v-model="categoryCode" data-test="category-minor">
            <option value="" disabled></option><option v-for="x in minors" :value="x.code">{{ x.name }}</option></select></label>
        </div>
        <div v-if="category" class="criterion" data-test="criterion">
          <div><strong>{{ category.name }}</strong> <span class="tag">{{ t('urgency.' + category.urgency) }}</span></div>
          <div><span class="muted">{{ t('report.criterion') }}：</span>{{ category.filingCriterion }}</div>
          <div class="small muted">{{ t('report.limit') }}：{{ category.handlingLimit.amount }} {{ t('unit.' + category.handlingLimit.unit) }}</div>
        </div>
      </section>

      <section class="card">
        <h2>{{ t('common.description') }}</h2>
        <textarea v-model="description" rows="3" maxlength="500" :placeholder="t('report.descriptionHint')" data-test="report-description"></textarea>
      </section>

      <button class="primary block big" type="submit" :disabled="busy" data-test="report-send">{{ t('report.send') }}</button>
    </form>`,
};
FieldReport.methods.say = say;

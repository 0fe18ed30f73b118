/*
 * 问题类别: the category chosen by type (部件/事件) → class → category, or found by name; shows the category's
 * filing criterion (立案标准) and time limit. Works offline from the catalog kept on the device.
 */
import { t } from './i18n.js';
import { say } from './components.js';
import { categoryTree, flatten } from './reference.js';

export const CategoryPicker = {
  props: { modelValue: String },
  emits: ['update:modelValue', 'chosen'],
  setup: () => ({ t }),
  data: () => ({ tree: { types: [] }, categories: [], typeCode: '', majorCode: '', search: '' }),
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
      return this.categories.find((c) => c.code === this.modelValue) || null;
    },
    matches() {
      const q = this.search.trim();
      if (!q) return [];
      return this.categories.filter((c) => c.name.includes(q) || c.code.startsWith(q) || c.majorName.includes(q)).slice(0, 8);
    },
  },
  watch: {
    modelValue(code) {
      if (!code) { this.typeCode = ''; this.majorCode = ''; return; }
      const c = this.categories.find((x) => x.code === code);
      if (c) { this.typeCode = c.typeCode; this.majorCode = c.majorCode; this.$emit('chosen', c); }
    },
  },
  async mounted() {
    try {
      this.tree = await categoryTree();
      this.categories = flatten(this.tree);
    } catch (e) {
      say(e.message, 'error');
    }
  },
  methods: {
    chooseType() { this.majorCode = ''; this.$emit('update:modelValue', ''); },
    chooseMajor() { this.$emit('update:modelValue', ''); },
    chooseMinor(event) { this.$emit('update:modelValue', event.target.value); },
    pick(c) {
      this.typeCode = c.typeCode;
      this.majorCode = c.majorCode;
      this.search = '';
      this.$emit('update:modelValue', c.code);
    },
  },
  template: `
    <div class="category-picker">
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
        <label>{{ t('report.minor') }}<select :value="modelValue || ''" @change="chooseMinor" data-test="category-minor">
          <option value="" disabled></option><option v-for="x in minors" :value="x.code">{{ x.name }}</option></select></label>
      </div>
      <div v-if="category" class="criterion" data-test="criterion">
        <div><strong>{{ category.name }}</strong> <span class="tag">{{ t('urgency.' + category.urgency) }}</span></div>
        <div><span class="muted">{{ t('report.criterion') }}：</span>{{ category.filingCriterion }}</div>
        <div class="small muted">{{ t('report.limit') }}：{{ category.handlingLimit.amount }} {{ t('unit.' + category.handlingLimit.unit) }}</div>
      </div>
    </div>`,
};

/*
 * How a scorecard's numbers read: rates as percentages, hours and densities with their decimals, counts whole;
 * the score's formula written out in the indicators' Chinese names.
 */
import { percent } from './format.js';

/** Keys shown elsewhere on the row (who, score, grade) or only inside another figure. */
const NOT_INDICATORS = new Set(['unitId', 'unitName', 'kind', 'districtCode', 'districtName', 'role', 'userId', 'name',
  'volume', 'score', 'rank', 'grade', 'gradeColor', 'lowVolume', 'handlingSeconds']);

export function indicatorColumns(card) {
  return ((card && card.columns) || []).filter((c) => !NOT_INDICATORS.has(c.key));
}

export function isRate(key) {
  return /Rate$|Accuracy$/.test(key) || key === 'normalisedIncidence';
}

export function figure(key, value) {
  if (value === null || value === undefined) return '—';
  if (isRate(key)) return percent(value);
  if (key === 'averageHandlingHours') return Number(value).toFixed(1);
  if (key === 'incidencePerKm2') return Number(value).toFixed(2);
  return String(value);
}

export function score(value) {
  return value === null || value === undefined ? '—' : Number(value).toFixed(1);
}

/** "综合指标值 = (按期处置率 × 0.5 + 处置率 × 0.3 + (1 − 返工率) × 0.2) × 100 − 督办数 × 1". */
export function formulaText(scheme) {
  const f = scheme && scheme.formula;
  if (!f) return '';
  const name = (x) => (x.bands && x.bands.length ? `${x.label}分档分值` : x.label);
  const terms = f.terms.map((x) => (x.complement ? `(1 − ${name(x)})` : name(x)) + ` × ${x.weight}`).join(' + ');
  const deductions = f.deductions.map((d) => ` − ${d.label} × ${d.points}`).join('');
  return `综合指标值 = (${terms}) × 100${deductions}`;
}

const GRADE_COLOURS = { green: '#2e7d32', blue: '#1f6fb2', yellow: '#e0a100', red: '#d93026', orange: '#e67e22' };

/** The scheme names a grade's colour by word; this is the shade the screens and the map use. */
export function gradeColour(name) {
  return GRADE_COLOURS[name] || name || '#9aa5b1';
}

export function monthsBack(month, count) {
  const [y, m] = month.split('-').map(Number);
  const at = new Date(Date.UTC(y, m - 1 - count, 1));
  return `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function thisMonth() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
    .format(new Date()).slice(0, 7);
}

let echartsLoading = null;
/** ECharts (1 MB) is loaded only by the screens that draw charts. */
export function echarts() {
  if (window.echarts) return Promise.resolve(window.echarts);
  if (!echartsLoading) {
    echartsLoading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/webjars/echarts/5.3.1/dist/echarts.min.js';
      script.onload = () => resolve(window.echarts);
      script.onerror = () => { echartsLoading = null; reject(new Error('echarts')); };
      document.head.append(script);
    });
  }
  return echartsLoading;
}

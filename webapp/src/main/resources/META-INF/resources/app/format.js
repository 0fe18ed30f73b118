/*
 * How times, working time and rates read to people in Xianyang: Beijing time (Asia/Shanghai) whatever the
 * device's zone, working time in hours with one decimal, rates as percentages.
 */
import { locale, t } from './i18n.js';

export const CITY_ZONE = 'Asia/Shanghai';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: CITY_ZONE, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit',
  hourCycle: 'h23',
});
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The instant's year, month, day, hour and minute on the city's clock. */
export function cityClock(instant) {
  const p = Object.fromEntries(parts.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return { year: Number(p.year), month: Number(p.month), day: Number(p.day), hour: p.hour, minute: p.minute };
}

/** "12月4日 15:18" (English "4 Dec 15:18") in Beijing time; the year only when it is not the current one. */
export function beijingTime(instant, now = new Date()) {
  if (!instant) return '';
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return '';
  const c = cityClock(at);
  const year = c.year !== cityClock(now).year;
  if (locale.lang === 'en') return `${c.day} ${MONTHS[c.month - 1]}${year ? ' ' + c.year : ''} ${c.hour}:${c.minute}`;
  return `${year ? c.year + '年' : ''}${c.month}月${c.day}日 ${c.hour}:${c.minute}`;
}

/** Working hours with at most one decimal: 210 minutes → "3.5". */
export function workingHours(minutes) {
  const hours = Math.abs(minutes) / 60;
  return (Math.round(hours * 10) / 10).toString();
}

/**
 * "剩余 3.5 工作小时" or "超期 1 工作小时"; null minutes (a finished task) show nothing. {@code overKey} words the
 * overdue side for what is late: a task is 超期, a 核实 not yet answered 已超时.
 */
export function workingTimeLeft(minutes, overKey = 'time.over') {
  if (minutes === null || minutes === undefined) return '';
  return minutes >= 0 ? t('time.left', { value: workingHours(minutes) }) : t(overKey, { value: workingHours(minutes) });
}

/** 0.3333 → "33.3%". */
export function percent(rate) {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '—';
  return (Math.round(rate * 1000) / 10).toFixed(1) + '%';
}

export function metres(value) {
  return Math.round(value).toString();
}

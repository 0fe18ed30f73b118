/*
 * How times, working time and rates read to people in Xianyang: Beijing time (Asia/Shanghai) whatever the
 * device's zone, working time in hours with one decimal, rates as percentages.
 */
import { locale, t } from './i18n.js';

export const CITY_ZONE = 'Asia/Shanghai';

const formatters = {};
function formatter(lang, withYear) {
  const key = lang + withYear;
  if (!formatters[key]) {
    formatters[key] = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: CITY_ZONE, year: withYear ? 'numeric' : undefined, month: lang === 'en' ? 'short' : 'numeric',
      day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    });
  }
  return formatters[key];
}

/** "12月4日 15:18" in Beijing time; the year only when it is not the current one. */
export function beijingTime(instant, now = new Date()) {
  if (!instant) return '';
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return '';
  const sameYear = yearIn(at) === yearIn(now);
  return formatter(locale.lang, !sameYear).format(at);
}

function yearIn(date) {
  return new Intl.DateTimeFormat('en', { timeZone: CITY_ZONE, year: 'numeric' }).format(date);
}

/** Working hours with at most one decimal: 210 minutes → "3.5". */
export function workingHours(minutes) {
  const hours = Math.abs(minutes) / 60;
  return (Math.round(hours * 10) / 10).toString();
}

/** "剩余 3.5 工作小时" or "超期 1 工作小时"; null minutes (a finished task) show nothing. */
export function workingTimeLeft(minutes) {
  if (minutes === null || minutes === undefined) return '';
  return minutes >= 0 ? t('time.left', { value: workingHours(minutes) }) : t('time.over', { value: workingHours(minutes) });
}

/** 0.3333 → "33.3%". */
export function percent(rate) {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '—';
  return (Math.round(rate * 1000) / 10).toFixed(1) + '%';
}

export function metres(value) {
  return Math.round(value).toString();
}

// What the counter pages share (JX-1): the citizen being served at this counter, the line's
// addresses in the console, words for states and channels (never colour alone), and the checks of
// an ID number and a mobile number as typed.
import { reactive, computed } from 'vue';
import { t, i18n, session, checkIdNumber, checkMobile, maskIdNumber, formatTime } from 'guangsha';
import { regions, regionsUnder } from 'guangsha/console';

/** The console address (after '#') of a counter page: `#/m/jiangxi/<path>`. */
export function counterHref(path = '') {
  return `#/m/jiangxi/${path}`;
}

/** The console path of a counter page, for `navigate`. */
export function counterPath(path = '') {
  return `/m/jiangxi/${path}`;
}

// The citizen served now, as the core answered it (masked: the full ID number is never kept). Kept
// for this browser tab only, so a reload of a page of the filing still names whom it is for; the
// next caseworker at a shared PC logs in afresh and starts from the search.
const KEY = 'guangsha.console.jiangxi.citizen';

function restore() {
  try {
    const kept = JSON.parse(sessionStorage.getItem(KEY) || 'null');
    return kept && kept.citizen && kept.staffId ? kept : null;
  } catch (e) {
    return null;
  }
}

/** The citizen at the counter: `{id, name, idNumber, mobile, trustLevel}`, all masked. */
export const counter = reactive({ citizen: null, staffId: null });
const kept = restore();
if (kept) {
  counter.citizen = kept.citizen;
  counter.staffId = kept.staffId;
}

/** The citizen at the counter, when the signed-in caseworker chose them in this tab. */
export function currentCitizen(id) {
  const me = session.me && session.me.id;
  if (!counter.citizen || !me || counter.staffId !== me) return null;
  return !id || counter.citizen.id === id ? counter.citizen : null;
}

/** Serves `citizen` (the core's masked view) at this counter; null forgets them. */
export function serve(citizen) {
  counter.citizen = citizen
    ? { id: citizen.id, name: citizen.name, idNumber: maskIdNumber(citizen.idNumber), mobile: citizen.mobile, trustLevel: citizen.trustLevel }
    : null;
  counter.staffId = citizen && session.me ? session.me.id : null;
  if (counter.citizen) sessionStorage.setItem(KEY, JSON.stringify({ citizen: counter.citizen, staffId: counter.staffId }));
  else sessionStorage.removeItem(KEY);
}

/** What is wrong with an ID number as typed ('' when nothing, or not yet 18 characters long). */
export function idNumberError(value, { complete = false } = {}) {
  const v = (value || '').trim();
  if (!v) return '';
  if (!complete && v.length < 18 && /^\d*$/.test(v)) return '';
  const code = checkIdNumber(v);
  return code ? t(`jiangxiCounter.checks.idNumber.${code}`) : '';
}

/** What is wrong with a mobile number as typed ('' when nothing, or not yet 11 digits). */
export function mobileError(value, { complete = false } = {}) {
  const v = (value || '').trim();
  if (!v) return '';
  if (!complete && v.length < 11 && /^1?\d*$/.test(v)) return '';
  return checkMobile(v) ? t('jiangxiCounter.checks.mobile.format') : '';
}

/** A word under `jiangxiCounter.<group>.<value>`, else the value itself. */
export function word(group, value) {
  if (value === null || value === undefined || value === '') return '';
  const key = `jiangxiCounter.${group}.${value}`;
  return i18n.global.te(key) ? t(key) : String(value);
}

/** The counties and districts a caseworker of `code` files for (their region and below). */
export function countiesUnder(code) {
  return computed(() =>
    regionsUnder(code)
      .filter((r) => r.level === 'COUNTY' || r.level === 'DISTRICT')
      .map((r) => ({ ...r, parentName: parentName(r.code) })),
  );
}

function parentName(code) {
  const r = regions.byCode[code];
  const parent = r && r.parent && regions.byCode[r.parent];
  return parent ? parent.name : null;
}

/** The four steps of the form, in order (the contract's names). */
export const STEPS = ['type', 'family', 'assets', 'materials'];

/** How many of the four steps an application (Summary) has complete. */
export function stepsDone(a) {
  const s = (a && a.steps) || {};
  return STEPS.filter((k) => s[k]).length;
}

export { formatTime };

// What the Jiangxi application pages share: the line's addresses, the sign-in guard, the guide and
// the categories (read once), the region tree of the province, words with fallbacks, yuan ↔ fen,
// and the field errors of the server under the names the contract gives them.
import { reactive } from 'vue';
import { api, session, navigate, route, t, local, hasTrustLevel, ensureStylesheet, addMessages } from 'guangsha';
import { messages } from './messages.js';

// the form steps are also mounted by the console, which does not load main.js: the words come here
addMessages(messages);
ensureStylesheet('/ui/jiangxi/jiangxi.css');

/** The line's place in the portal: `#/m/jiangxi/<path>`. */
export const BASE = '/m/jiangxi';

/** Goes to a page of the line (`applications/7/form`), not when it is the page shown. */
export function go(path, options) {
  const target = `${BASE}/${path}`;
  if (route.path === target) return;
  navigate(target, options);
}

/** The portal address (after '#') of a page of the line, for `href`. */
export function href(path) {
  return `#${BASE}/${path}`;
}

function here() {
  const q = new URLSearchParams(route.query).toString();
  return route.path + (q ? `?${q}` : '');
}

/** Signed in at all (L1+): else to the login page and back here. */
export function requireLogin() {
  if (session.me) return true;
  navigate('/login', { query: { next: here() }, replace: true });
  return false;
}

/** Signed in and verified (L2), as opening an application needs: else login or verification. */
export function requireVerified() {
  if (!requireLogin()) return false;
  if (!hasTrustLevel('L2')) {
    navigate('/verify-prompt', { query: { level: 'L2', next: here() }, replace: true });
    return false;
  }
  return true;
}

/** Whether this looks like a phone (touch first, narrow): the library's, which GsFaceCheck uses too. */
export { isPhone } from 'guangsha';

// ---------------------------------------------------------------------------------------------
// What the server says once per page load: the guide and the categories.

const cache = {};
function once(key, load) {
  if (!cache[key]) {
    cache[key] = load().catch((e) => {
      delete cache[key];
      throw e;
    });
  }
  return cache[key];
}

/** `GET /api/jiangxi/guide`: the agreement, notice, flow, application types and province. */
export const loadGuide = () => once('guide', () => api.get('jiangxi/guide'));

/** `GET /api/jiangxi/categories`: the applicant categories with their materials. */
export const loadCategories = () => once('categories', () => api.get('jiangxi/categories'));

/** The cities of the province with their counties/districts: `[{code, name, children}]`. */
export async function loadProvince() {
  const [guide, tree] = await Promise.all([loadGuide(), once('regions', () => api.get('platform/regions'))]);
  const code = guide.provinceCode || '360000';
  const find = (list) => {
    for (const r of list || []) {
      if (r.code === code) return r;
      const inner = find(r.children);
      if (inner) return inner;
    }
    return null;
  };
  const province = find(tree);
  return { province, cities: (province && province.children) || [] };
}

/** The application where the citizen left it: the page that continues it. */
export function nextPageOf(a) {
  if (!a) return '';
  if (a.status !== 'DRAFT') return `applications/${a.id}`;
  if (!a.faceVerifiedAt) return `applications/${a.id}/face`;
  return `applications/${a.id}/form`;
}

// ---------------------------------------------------------------------------------------------
// Words.

/** Words for a key under `jiangxi.` with a fallback to the raw value. */
export function words(group, value) {
  if (value === null || value === undefined || value === '') return '';
  const key = `jiangxi.${group}.${value}`;
  const w = t(key);
  return w === key ? String(value) : w;
}

/** The options of an enumeration for a select: `[{value, label}]`. */
export function options(group, values) {
  return values.map((v) => ({ value: v, label: words(group, v) }));
}

/** Icons for application states: never colour alone. */
export const STATUS_ICONS = {
  DRAFT: 'edit', SUBMITTED: 'clock-o', UNDER_REVIEW: 'underway-o', RETURNED: 'warning-o',
  APPROVED: 'passed', REJECTED: 'close', WITHDRAWN: 'revoke',
};

export { local };

// ---------------------------------------------------------------------------------------------
// Money: typed in 元, kept in fen.

/** `1234.5` (元, as typed) → 123450 fen; '' → null; NaN for what is not an amount. */
export function toFen(text) {
  if (text === null || text === undefined || String(text).trim() === '') return null;
  const s = String(text).replace(/[,，\s]/g, '');
  if (!/^\d+(\.\d{0,2})?$/.test(s)) return NaN;
  const [whole, part = ''] = s.split('.');
  return Number(whole) * 100 + Number((part + '00').substring(0, 2));
}

/** 123450 fen → `1234.50` for an input; null → ''. */
export function fromFen(fen) {
  if (fen === null || fen === undefined || fen === '') return '';
  const n = Number(fen);
  return Number.isFinite(n) ? (n / 100).toFixed(2).replace(/\.00$/, '') : '';
}

// ---------------------------------------------------------------------------------------------
// Field errors.

/**
 * The server's message for a field of a step: the contract names them as the step's body does
 * (`applicant.maritalStatus`) on a step's PUT and with the step in front on submission
 * (`family.applicant.maritalStatus`); both are looked up.
 */
export function fieldError(problem, step, name) {
  if (!problem) return '';
  return problem.field(name) || problem.field(`${step}.${name}`) || '';
}

/** The step a submission's field names first (`family.members[0].idNumber` → family). */
export function stepOfField(field) {
  const head = String(field || '').split(/[.[]/)[0];
  return ['type', 'family', 'assets', 'materials'].includes(head) ? head : '';
}

/** A reactive holder of the `{zh,en}` texts of the guide, for templates. */
export const guideState = reactive({ guide: null });

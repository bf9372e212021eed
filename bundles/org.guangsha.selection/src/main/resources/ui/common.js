// What the selection pages share: the line's addresses, the sign-in guard, the server's clock, the
// caller's families, words for phases and outcomes, and the small components every page shows (a
// countdown, a unit, a labelled select). Everything else comes from the shared library 'guangsha'.
import { defineComponent, reactive, computed, watch, onBeforeUnmount } from 'vue';
import { api, session, navigate, route, t, hasTrustLevel, ensureStylesheet, yuan, formatTime } from 'guangsha';

ensureStylesheet('/ui/selection/selection.css');

/** The line's place in the portal: `#/m/selection/<path>`. */
export const BASE = '/m/selection';

/**
 * Goes to a page of the line (`family/7/pre`); not when it is the page shown (replacing the address
 * by itself fires popstate, which closes every open Vant dialog).
 */
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

/**
 * The pages of a family need a signed-in citizen verified to L2 (the line's level): others go to
 * the login or the verification prompt and come back here. True when the page may load.
 */
export function requireCitizen() {
  if (!session.me) {
    navigate('/login', { query: { next: here() }, replace: true });
    return false;
  }
  if (!hasTrustLevel('L2')) {
    navigate('/verify-prompt', { query: { level: 'L2', next: here() }, replace: true });
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// The server's clock. Times (session start, end of the window) are the server's; the browser's
// clock may be wrong or be changed while the page is open, so the page counts on the monotonic
// clock (performance.now) from what the server said: every family it sends carries `serverTime`,
// its clock when it answered (taken as halfway through the request).

const mono = () => performance.now();

/** `offset`: server time minus the monotonic clock, in ms (null until the server said). */
export const clock = reactive({ offset: null, rtt: Infinity });

/** Now on the server's clock (ms since the epoch); the browser's clock until the server said. */
export function serverNow() {
  return clock.offset === null ? Date.now() : mono() + clock.offset;
}

/** The monotonic deadline of a server time (ISO). */
export function deadlineOf(iso) {
  if (!iso) return null;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? null : mono() + (at - serverNow());
}

/**
 * Reads a family answer: learns the server's clock from its `serverTime` (a quicker answer, or a
 * newer one after a minute, is trusted more) and sets `windowDeadline`, the monotonic moment its
 * formal window ends (S-4), or null when no window runs.
 */
function received(f, before, after) {
  const server = Date.parse(f.serverTime);
  if (!Number.isNaN(server)) {
    const rtt = after - before;
    if (rtt <= clock.rtt || clock.offset === null || rtt < 2000) {
      clock.offset = server - (before + after) / 2;
      clock.rtt = rtt;
    }
  }
  const ends = Date.parse(f.windowEndsAt);
  if (f.phase === 'FORMAL' && !Number.isNaN(ends) && !Number.isNaN(server)) {
    f.windowDeadline = (before + after) / 2 + (ends - server);
  } else if (f.phase === 'FORMAL' && typeof f.secondsLeft === 'number' && f.windowEndsAt) {
    f.windowDeadline = after + f.secondsLeft * 1000;
  } else {
    f.windowDeadline = null;
  }
  return f;
}

// ---------------------------------------------------------------------------------------------
// The caller's families.

/** The caller's families (GET /api/selection/me). */
export async function loadFamilies() {
  const before = mono();
  const list = await api.get('selection/me');
  const after = mono();
  return (list || []).map((f) => received(f, before, after));
}

/** One family of the caller (another's answers 404). */
export async function loadFamily(fid) {
  const before = mono();
  const f = await api.get(`selection/families/${encodeURIComponent(fid)}`);
  return received(f, before, mono());
}

/**
 * For a countdown's `end`: when the moment has come, read the family now and twice more shortly
 * after, since the server may pass the moment a little after this page's countdown (its clock is
 * the reference, known here to within half a round trip). Call in `setup`: nothing is read once
 * the page is gone.
 */
export function useMomentCame(load) {
  const timers = [];
  let alive = true;
  onBeforeUnmount(() => {
    alive = false;
    timers.forEach(clearTimeout);
  });
  const again = () => alive && load();
  return () => {
    again();
    timers.push(setTimeout(again, 1500), setTimeout(again, 4000));
  };
}

/** Whether the family's 3-minute window (S-4) is running now. */
export function windowOpen(family) {
  return !!(family && family.phase === 'FORMAL' && family.windowDeadline && family.windowDeadline > mono());
}

/**
 * The next moment a family waits for, as `{key, deadline}` (key names the words), or null when it
 * waits for none or the moment has passed on this page's reckoning (the server has not said so yet).
 */
export function nextMoment(family) {
  if (!family) return null;
  const s = family.session || {};
  let moment = null;
  switch (family.phase) {
    case 'PRESELECT_NOT_OPEN':
      moment = { key: 'preselectOpens', deadline: deadlineOf(family.batch && family.batch.preselectStartsAt) };
      break;
    case 'PRESELECT':
      moment = { key: 'sessionStarts', deadline: deadlineOf(s.startsAt) };
      break;
    case 'SUPPLEMENT_WAIT':
      moment = { key: 'supplementStarts', deadline: deadlineOf(s.startsAt) };
      break;
    case 'FORMAL':
      moment = family.windowDeadline && family.windowDeadline > mono()
        ? { key: 'windowEnds', deadline: family.windowDeadline }
        : { key: 'sessionEnds', deadline: deadlineOf(s.endsAt) };
      break;
    default:
      return null;
  }
  return moment.deadline && moment.deadline > mono() ? moment : null;
}

/** Words for a key under `selection.` with a fallback to the raw value (a state the page does not know). */
export function words(group, value) {
  if (value === null || value === undefined || value === '') return '';
  const key = `selection.${group}.${value}`;
  const w = t(key);
  return w === key ? String(value) : w;
}

/** Icons for states: never colour alone. */
export const STATUS_ICONS = {
  WAITING: 'clock-o', CONFIRMED: 'passed', AUTO_ASSIGNED: 'passed', NO_UNIT: 'info-o', ABSENT: 'warning-o', GAVE_UP: 'close',
  FREE: 'circle', TAKEN: 'close',
};

/** `52.30 m²`. */
export function area(m2) {
  if (m2 === null || m2 === undefined) return '';
  return `${Number(m2).toFixed(2)} m²`;
}

/** The unit's short name: `1栋 1203`. */
export function unitName(u) {
  if (!u) return '';
  return [u.building, u.roomNumber].filter(Boolean).join(' ') || u.code;
}

/** A session's time: `2026-11-23 10:00–10:30`. */
export function sessionTime(s) {
  if (!s || !s.startsAt) return '';
  const start = formatTime(s.startsAt);
  const end = formatTime(s.endsAt);
  return start.substring(0, 10) === end.substring(0, 10) ? `${start}–${end.substring(11)}` : `${start} – ${end}`;
}

/** Reads a 409's slug from an ApiError (or ''). */
export function slugOf(e) {
  return (e && e.status === 409 && e.slug) || '';
}

// ---------------------------------------------------------------------------------------------
// Components

/** `1天 02:03:04`, `02:03:04`, `03:04`. */
export function clockText(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n) => String(n).padStart(2, '0');
  const hms = h || d ? `${pad(h)}:${pad(m)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`;
  return d ? `${t('selection.countdown.days', { d })} ${hms}` : hms;
}

/**
 * A countdown to a monotonic `deadline` (from `deadlineOf` or a family's `windowDeadline`), with a
 * label; emits `end` once when it reaches zero. Screen readers hear it at one minute and at ten
 * seconds, not every second. data-testid: `testid` (root, `data-seconds` the seconds left).
 */
export const SelCountdown = defineComponent({
  name: 'SelCountdown',
  props: { deadline: Number, label: String, testid: { type: String, default: 'countdown' }, urgent: { type: Number, default: 30 } },
  emits: ['end'],
  setup(props, { emit }) {
    const state = reactive({ left: 0, announce: '' });
    let timer = null;
    // `end` only for a count this countdown saw run down: a deadline already past when it was
    // given says nothing new (and reading the family again for it would repeat for ever)
    let running = false;
    function tick() {
      if (props.deadline === null || props.deadline === undefined) return;
      const left = Math.max(0, Math.ceil((props.deadline - mono()) / 1000));
      if (left !== state.left && (left === 60 || left === 10)) state.announce = t('selection.countdown.announce', { s: clockText(left) });
      state.left = left;
      if (left > 0) running = true;
      else if (running) {
        running = false;
        emit('end');
      }
    }
    watch(() => props.deadline, tick, { immediate: true });
    timer = setInterval(tick, 250);
    onBeforeUnmount(() => clearInterval(timer));
    const text = computed(() => clockText(state.left));
    return { state, text };
  },
  template: `
    <p class="sel-countdown" :class="{ 'sel-countdown-urgent': state.left <= urgent }" :data-testid="testid" :data-seconds="state.left">
      <van-icon name="clock-o" aria-hidden="true" />
      <span class="sel-countdown-label">{{ label }}</span>
      <strong class="sel-countdown-time" role="timer" aria-live="off">{{ text }}</strong>
      <span class="gs-visually-hidden" aria-live="polite">{{ state.announce }}</span>
    </p>`,
});

/** A unit as a card: name, facts, status in words and icon; actions in the default slot. */
export const SelUnit = defineComponent({
  name: 'SelUnit',
  props: { unit: { type: Object, required: true }, position: Number, compact: Boolean },
  setup(props) {
    const facts = computed(() => {
      const u = props.unit;
      const has = (v) => v !== undefined && v !== null && v !== '';
      return [
        { key: 'type', value: u.unitType },
        { key: 'orientation', value: u.orientation },
        { key: 'floor', value: u.floor },
        { key: 'area', value: has(u.areaM2) ? area(u.areaM2) : null },
        { key: 'rent', value: !props.compact && has(u.rentFen) ? yuan(u.rentFen) : null },
        { key: 'project', value: !props.compact ? u.project : null },
      ].filter((f) => has(f.value));
    });
    return { facts, unitName, words, STATUS_ICONS };
  },
  template: `
    <article class="sel-unit" :class="'sel-unit-' + (unit.status || 'FREE').toLowerCase()" :data-unit="unit.code" :data-status="unit.status">
      <header class="sel-unit-head">
        <span v-if="position" class="sel-unit-position" :aria-label="$t('selection.unit.position', { n: position })">{{ position }}</span>
        <h3 class="sel-unit-name">{{ unitName(unit) }} <span class="sel-unit-code gs-muted">{{ unit.code }}</span></h3>
        <span v-if="unit.status" class="sel-status" :class="'sel-status-' + unit.status" data-testid="unit-status">
          <van-icon :name="STATUS_ICONS[unit.status] || 'info-o'" aria-hidden="true" /> {{ words('unitStatus', unit.status) }}
        </span>
      </header>
      <dl class="sel-unit-facts">
        <div v-for="f in facts" :key="f.key" class="sel-unit-fact"><dt>{{ $t('selection.unit.' + f.key) }}</dt><dd>{{ f.value }}</dd></div>
      </dl>
      <p v-if="!compact && unit.address" class="sel-unit-address gs-muted">{{ unit.address }}</p>
      <div v-if="$slots.default" class="sel-unit-actions"><slot /></div>
    </article>`,
});

/**
 * A labelled native select (the phone's own picker, keyboard reachable): `options` as strings or
 * `{value, label}`; the first option is "all" (`allText`).
 */
export const SelSelect = defineComponent({
  name: 'SelSelect',
  props: { modelValue: [String, Number], label: String, options: { type: Array, default: () => [] }, id: String, testid: String, allText: String },
  emits: ['update:modelValue'],
  setup(props, { emit }) {
    const items = computed(() => props.options.map((o) => (o !== null && typeof o === 'object' ? o : { value: o, label: String(o) })));
    return { items, change: (e) => emit('update:modelValue', e.target.value) };
  },
  template: `
    <div class="sel-select van-cell van-field">
      <label class="van-cell__title van-field__label" :for="id">{{ label }}</label>
      <div class="van-cell__value van-field__value">
        <select :id="id" :value="modelValue === null || modelValue === undefined ? '' : String(modelValue)" @change="change" :data-testid="testid">
          <option value="">{{ allText || $t('common.all') }}</option>
          <option v-for="o in items" :key="o.value" :value="String(o.value)">{{ o.label }}</option>
        </select>
      </div>
    </div>`,
});

/** A random key for one intended confirmation (S-5): the same key is sent again on every retry. */
export function newKey() {
  if (crypto && crypto.randomUUID) return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

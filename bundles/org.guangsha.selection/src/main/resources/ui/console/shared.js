// What the selection console pages share: status words (never colour alone), the public pages'
// addresses, and time fields.
import { computed } from 'vue';
import { t, i18n } from 'guangsha';

/** Family statuses as the server names them (SelectionService.Status), in the order shown. */
export const FAMILY_STATUSES = ['WAITING', 'CONFIRMED', 'AUTO_ASSIGNED', 'NO_UNIT', 'ABSENT', 'GAVE_UP'];

const FAMILY_ICON = {
  WAITING: 'clock-o', CONFIRMED: 'passed', AUTO_ASSIGNED: 'certificate', NO_UNIT: 'warning-o', ABSENT: 'close', GAVE_UP: 'delete-o',
};
const FAMILY_CLASS = {
  WAITING: 'submitted', CONFIRMED: 'approved', AUTO_ASSIGNED: 'approved', NO_UNIT: 'rejected', ABSENT: 'withdrawn', GAVE_UP: 'withdrawn',
};

/** A family's status in words (the code itself when the server sends one unknown here). */
export function familyWord(status) {
  const key = `selectionConsole.familyStatus.${status}`;
  return i18n.global.te(key) ? t(key) : status;
}

/** A family's status in words with an icon. */
export const SelFamilyStatus = {
  name: 'SelFamilyStatus',
  props: { status: String },
  setup(props) {
    return {
      word: computed(() => familyWord(props.status)),
      icon: computed(() => FAMILY_ICON[props.status] || 'info-o'),
      css: computed(() => `gs-c-status-${FAMILY_CLASS[props.status] || 'draft'}`),
    };
  },
  template: `<span class="gs-c-status" :class="css" :data-status="status"><van-icon :name="icon" aria-hidden="true" /> {{ word }}</span>`,
};

/**
 * Where a session stands now: `upcoming`, `running`, `ending` (its end passed, the close has not
 * run yet) or `closed`.
 */
export function sessionState(s, now = Date.now()) {
  if (!s) return '';
  if (s.status === 'CLOSED') return 'closed';
  if (new Date(s.startsAt).getTime() > now) return 'upcoming';
  if (new Date(s.endsAt).getTime() > now) return 'running';
  return 'ending';
}

const SESSION_ICON = { upcoming: 'clock-o', running: 'play-circle-o', ending: 'hourglass-o', closed: 'passed' };
const SESSION_CLASS = { upcoming: 'draft', running: 'under_review', ending: 'submitted', closed: 'approved' };

/** A session's state in words with an icon. */
export const SelSessionState = {
  name: 'SelSessionState',
  props: { session: Object },
  setup(props) {
    const state = computed(() => sessionState(props.session));
    return {
      state,
      icon: computed(() => SESSION_ICON[state.value] || 'info-o'),
      css: computed(() => `gs-c-status-${SESSION_CLASS[state.value] || 'draft'}`),
    };
  },
  template: `<span class="gs-c-status" :class="css" :data-state="state"><van-icon :name="icon" aria-hidden="true" /> {{ $t('selectionConsole.sessionState.' + state) }}</span>`,
};

/** A session's kind in words. */
export const kindWord = (kind) => t(`selectionConsole.kind.${kind === 'SUPPLEMENTARY' ? 'SUPPLEMENTARY' : 'FORMAL'}`);

/** The formal-selection window in words (180 → 3 分钟). */
export function windowWords(seconds) {
  if (seconds === null || seconds === undefined || seconds === '') return '—';
  const n = Number(seconds);
  if (n % 60 === 0) return t('selectionConsole.minutes', { n: n / 60 });
  return t('selectionConsole.seconds', { n });
}

/** The portal's public results page of a batch (anyone may open it; names masked, no ID number). */
export function resultsPage(batch) {
  return `/#/m/selection/public/${encodeURIComponent(batch.id)}`;
}

/** The portal's public page of an auto-assignment run (S-6): its inputs, results and hashes. */
export function runAddress(runId) {
  return `/#/m/selection/public/runs/${encodeURIComponent(runId)}`;
}

/** A `datetime-local` value (the reader's clock, as the console shows times) as an ISO instant. */
export function instantOf(local) {
  if (!local) return null;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** An instant as a `datetime-local` value on the reader's clock. */
export function localInput(value) {
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** `[items, total]` of a list answer, paged (`{items, total}`) or not (an array). */
export function pageOf(answer) {
  if (Array.isArray(answer)) return [answer, answer.length];
  return [(answer && answer.items) || [], (answer && (answer.total ?? (answer.items || []).length)) || 0];
}

// Shared pieces every page uses: error display, page frame, progress timeline, confirm-twice.
import { createApp, defineComponent, reactive, h } from 'vue';
import Vant, { showConfirmDialog } from 'vant';
import { ApiError } from './api.js';
import { i18n, local, t } from './i18n.js';
import { prefs } from './prefs.js';
import { back } from './router.js';

/**
 * A form's error state from a problem+json answer: `message` for the whole form and `fields`
 * per field name, each in the reader's language. `field('mobile')` suits Vant's error-message.
 */
export function useProblem() {
  const state = reactive({
    message: '',
    fields: {},
    status: 0,
    slug: '',
    set(error) {
      if (!(error instanceof ApiError)) {
        state.message = String((error && error.message) || error);
        state.fields = {};
        return;
      }
      const p = error.problem;
      state.status = error.status;
      state.slug = error.slug;
      const fields = {};
      for (const [k, v] of Object.entries(error.fields)) fields[k] = local(v);
      state.fields = fields;
      const title = prefs.locale === 'en' ? p.titleEn || p.title : p.title;
      state.message = p.detail && prefs.locale !== 'en' ? `${title}：${p.detail}` : title;
      if (Object.keys(fields).length && !state.message) state.message = t('problem.fieldsHint');
    },
    clear() {
      state.message = '';
      state.fields = {};
      state.status = 0;
      state.slug = '';
    },
    field(name) {
      return state.fields[name] || '';
    },
    /** Sets a message for one field found wrong before sending (checked here, as on the server). */
    fieldError(name, message) {
      state.fields = { ...state.fields, [name]: message };
    },
    get hasErrors() {
      return !!state.message || Object.keys(state.fields).length > 0;
    },
  });
  return state;
}

/**
 * Shows a problem: its title and detail, and a hint to the marked fields. The field messages sit
 * on the fields themselves (`problem.field(name)`); fields the form has no place for are listed
 * here, by label: name them in `unplaced` (`{field: label}`), or name the fields the form does
 * place in `placed` and every other field is listed under its own name.
 */
export const GsProblem = defineComponent({
  name: 'GsProblem',
  props: {
    problem: { type: Object, required: true },
    unplaced: { type: Object, default: () => ({}) },
    placed: { type: Array, default: null },
  },
  setup(props) {
    const listed = () =>
      Object.entries(props.problem.fields)
        .filter(([f]) => props.unplaced[f] || (props.placed && !props.placed.includes(f)))
        .map(([f, m]) => [props.unplaced[f] || f, m]);
    // the hint, unless the message already asks for it (the core's 400 title "…请按提示修改")
    const hint = () =>
      Object.keys(props.problem.fields).length > 0 && !listed().length
      && !props.problem.message.includes(t('problem.fieldsHintLead'));
    return { listed, hint };
  },
  template: `
    <div v-if="problem.message" class="gs-problem" role="alert" aria-live="assertive">
      <van-icon name="warning-o" aria-hidden="true" /> <span>{{ problem.message }}</span>
      <span v-if="hint()" class="gs-problem-hint"> {{ $t('problem.fieldsHint') }}</span>
      <ul v-if="listed().length" class="gs-problem-fields">
        <li v-for="[label, m] in listed()" :key="label"><strong>{{ label }}</strong>：{{ m }}</li>
      </ul>
    </div>`,
});

/** A page frame: title bar with back, content, and the sandbox ribbon when a page is simulated. */
export const GsPage = defineComponent({
  name: 'GsPage',
  props: { title: String, backTo: { type: [String, Boolean], default: '/' }, narrow: Boolean },
  setup(props) {
    return { goBack: () => back(typeof props.backTo === 'string' ? props.backTo : '/') };
  },
  template: `
    <div class="gs-page" :class="{ 'gs-narrow': narrow }">
      <van-nav-bar :title="title" :left-arrow="backTo !== false" :left-text="backTo !== false ? $t('common.back') : ''"
        @click-left="goBack" class="gs-navbar" />
      <main class="gs-content" :aria-label="title"><slot /></main>
    </div>`,
});

/**
 * A case's timeline ([{type, at, actor, status, level, remark, fieldRemarks}]) newest last, in the
 * reader's words (`eventText`); `levels` names the review level of review events.
 */
export const GsTimeline = defineComponent({
  name: 'GsTimeline',
  props: { events: { type: Array, default: () => [] }, levels: Boolean },
  setup() {
    return { formatTime, eventText };
  },
  template: `
    <p v-if="!events.length" class="gs-muted">{{ $t('timeline.empty') }}</p>
    <van-steps v-else direction="vertical" :active="events.length - 1" class="gs-timeline">
      <van-step v-for="(e, i) in events" :key="i">
        <div class="gs-timeline-title"><strong>{{ eventText(e, { levels }) }}</strong></div>
        <div class="gs-muted"><time :datetime="e.at">{{ formatTime(e.at) }}</time><span v-if="e.actor"> · {{ e.actor }}</span></div>
        <div v-if="e.remark" class="gs-timeline-remark">{{ e.remark }}</div>
        <ul v-if="e.fieldRemarks && Object.keys(e.fieldRemarks).length" class="gs-timeline-fields">
          <li v-for="(m, f) in e.fieldRemarks" :key="f">{{ f }}：{{ m }}</li>
        </ul>
      </van-step>
    </van-steps>`,
});

const LEVEL_EVENTS = ['claimed', 'approved', 'levelPassed', 'rejected'];

/**
 * Words for a timeline event (types as CaseEvent names them: `submitted`, `returned`, …; a line's
 * own types are shown as sent). An approval that passed the case on to the next level reads as
 * such. With `levels`, review events name their level (the console shows it, the portal not).
 */
export function eventText(e, { levels = false } = {}) {
  const type = String(e.type || '');
  const key = type === 'approved' && e.status && e.status !== 'APPROVED' ? 'levelPassed' : type;
  const path = `timeline.events.${key}`;
  const words = i18n.global.te(path) ? t(path) : type;
  return levels && e.level > 0 && LEVEL_EVENTS.includes(key) ? `${words}（${t('timeline.level', { level: e.level })}）` : words;
}

/**
 * Asks twice before something that cannot be undone (withdraw, confirm a unit): the first dialog
 * says what will happen, the second makes the person type `word`. Resolves true only when both
 * were confirmed.
 */
export async function confirmTwice({ title, message, word }) {
  try {
    await showConfirmDialog({ title, message, confirmButtonText: t('common.next'), cancelButtonText: t('common.cancel') });
  } catch (e) {
    return false;
  }
  return new Promise((resolve) => {
    const host = document.createElement('div');
    document.body.appendChild(host);
    const app = createApp({
      setup() {
        const state = reactive({ show: true, typed: '', error: '' });
        const finish = (ok) => {
          state.show = false;
          setTimeout(() => {
            app.unmount();
            host.remove();
          }, 300);
          resolve(ok);
        };
        const beforeClose = (action) => {
          if (action !== 'confirm') {
            finish(false);
            return true;
          }
          if (state.typed.trim() !== word) {
            state.error = t('confirmTwice.mismatch');
            return false;
          }
          finish(true);
          return true;
        };
        return { state, beforeClose, word, title };
      },
      template: `
        <van-dialog v-model:show="state.show" :title="$t('confirmTwice.again')" show-cancel-button
          :confirm-button-text="$t('common.confirm')" :cancel-button-text="$t('common.cancel')"
          :before-close="beforeClose" class="gs-confirm-twice">
          <div class="gs-confirm-twice-body">
            <p>{{ title }}</p>
            <van-field v-model="state.typed" :label="$t('confirmTwice.typeToConfirm', { word })" label-align="top"
              :error-message="state.error" autocomplete="off" name="confirmWord" :placeholder="word" />
          </div>
        </van-dialog>`,
    });
    app.use(Vant).use(i18n).mount(host);
  });
}

/** `2026-11-23 10:05` in the city's time, as the server sent it. */
export function formatTime(value) {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** `¥1,200.00` from fen. */
export function yuan(fen) {
  if (fen === null || fen === undefined) return '';
  return `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** A render helper for pages that prefer h(): the text of a `{zh, en}` value. */
export const GsText = defineComponent({
  name: 'GsText',
  props: { value: [Object, String] },
  setup(props) {
    return () => h('span', local(props.value));
  },
});

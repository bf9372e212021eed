// GsQrStatus: a QR code for the phone, with the live status of what the phone does.
import { defineComponent, reactive, watch, computed, onBeforeUnmount } from 'vue';
import { showToast } from 'vant';
import { api, ApiError } from './api.js';
import { t } from './i18n.js';
import { useProblem, GsProblem } from './components.js';
import { ensureStylesheet } from './styles.js';

ensureStylesheet('/web/lib/widgets.css');

/**
 * QR code with status polling.
 *
 * Props:
 * - `text` (String, required): what the QR code carries (an address the phone opens). The image
 *   comes from `GET /api/platform/qr?text=…&size=…` (PNG, fetched with the token); the text is
 *   shown under it too, to copy or open by hand.
 * - `poll` (Function): async, answers the current status (a String, or an object with
 *   `status`); called every `interval` ms until a final status.
 * - `finalStatuses` (Array): statuses that end the polling, default PASSED, FAILED, EXPIRED.
 * - `expiresAt` (String, ISO time): when the code lapses; then polling stops and "new QR code"
 *   is offered (`renew` event).
 * - `interval` (Number): ms between polls, default 2000.
 * - `size` (Number): image size in pixels, default 240.
 * - `statusText` (Function): words for a status (default: PENDING / PASSED / FAILED / EXPIRED).
 * - `renewable` (Boolean, default true): offer "new QR code" after expiry or failure.
 *
 * Emits: `status` (status, answer) on every change, `final` (status, answer) once, `expired`,
 * `renew` (the page makes a new code and passes its `text`).
 *
 * data-testid: `qr-status` (root), `qr-image`, `qr-link` (the text), `qr-copy`, `qr-state`
 * (`data-status` the status), `qr-expiry`, `qr-renew`.
 */
export const GsQrStatus = defineComponent({
  name: 'GsQrStatus',
  components: { GsProblem },
  props: {
    text: { type: String, required: true },
    poll: Function,
    finalStatuses: { type: Array, default: () => ['PASSED', 'FAILED', 'EXPIRED'] },
    expiresAt: String,
    interval: { type: Number, default: 2000 },
    size: { type: Number, default: 240 },
    statusText: Function,
    renewable: { type: Boolean, default: true },
  },
  emits: ['status', 'final', 'expired', 'renew'],
  setup(props, { emit }) {
    const problem = useProblem();
    const state = reactive({ image: '', imageFailed: false, status: 'PENDING', final: false, expired: false, now: Date.now() });
    let pollTimer = null;
    let clock = null;
    let alive = true;

    function revoke() {
      if (state.image) URL.revokeObjectURL(state.image);
      state.image = '';
    }
    async function loadImage() {
      revoke();
      state.imageFailed = false;
      if (!props.text) return;
      const text = props.text;
      try {
        const blob = await api.blob('platform/qr', { text, size: props.size });
        if (alive && text === props.text) state.image = URL.createObjectURL(blob);
      } catch (e) {
        if (alive) state.imageFailed = true;
      }
    }

    const expiresMs = computed(() => (props.expiresAt ? new Date(props.expiresAt).getTime() : 0));
    const secondsLeft = computed(() => (expiresMs.value ? Math.max(0, Math.ceil((expiresMs.value - state.now) / 1000)) : null));

    function stop() {
      clearTimeout(pollTimer);
      pollTimer = null;
    }
    function schedule() {
      stop();
      if (!alive || !props.poll || state.final) return;
      pollTimer = setTimeout(pollOnce, props.interval);
    }
    async function pollOnce() {
      if (!alive) return;
      if (expiresMs.value && Date.now() > expiresMs.value) {
        expire();
        return;
      }
      try {
        const answer = await props.poll();
        if (!alive) return;
        problem.clear();
        const status = typeof answer === 'string' ? answer : answer && answer.status;
        if (status && status !== state.status) {
          state.status = status;
          emit('status', status, answer);
        }
        if (status && props.finalStatuses.includes(status)) {
          state.final = true;
          if (status === 'EXPIRED') state.expired = true;
          emit('final', status, answer);
          return;
        }
      } catch (e) {
        if (!alive) return;
        problem.set(e);
        if (e instanceof ApiError && (e.status === 404 || e.status === 401 || e.status === 403)) return;
      }
      schedule();
    }
    function expire() {
      stop();
      state.expired = true;
      state.final = true;
      state.status = 'EXPIRED';
      emit('status', 'EXPIRED', null);
      emit('expired');
    }

    function restart() {
      state.status = 'PENDING';
      state.final = false;
      state.expired = false;
      problem.clear();
      loadImage();
      schedule();
    }
    watch(() => props.text, restart, { immediate: true });

    clock = setInterval(() => {
      state.now = Date.now();
      if (!state.final && expiresMs.value && state.now > expiresMs.value) expire();
    }, 1000);
    onBeforeUnmount(() => {
      alive = false;
      stop();
      clearInterval(clock);
      revoke();
    });

    const statusWords = computed(() => {
      if (props.statusText) {
        const s = props.statusText(state.status);
        if (s) return s;
      }
      const key = `qr.statuses.${state.status}`;
      const words = t(key);
      return words === key ? state.status : words;
    });
    const statusIcon = computed(
      () => ({ PASSED: 'passed', PAID: 'passed', FAILED: 'close', EXPIRED: 'underway-o', CLOSED: 'underway-o' })[state.status] || 'clock-o',
    );
    const linkText = computed(() => (props.text && props.text.startsWith('/') ? location.origin + props.text : props.text));

    async function copy() {
      try {
        await navigator.clipboard.writeText(linkText.value);
        showToast(t('qr.copied'));
      } catch (e) {
        showToast(t('qr.copyFailed'));
      }
    }
    function renew() {
      emit('renew');
    }

    return { state, problem, secondsLeft, statusWords, statusIcon, linkText, copy, renew };
  },
  template: `
    <section class="gs-qr" data-testid="qr-status" :class="{ 'gs-qr-expired': state.expired }">
      <p class="gs-qr-scan">{{ $t('qr.scan') }}</p>
      <div class="gs-qr-frame" :style="{ width: (size / 16) + 'rem', height: (size / 16) + 'rem' }">
        <img v-if="state.image" :src="state.image" :alt="$t('qr.imageAlt')" data-testid="qr-image" />
        <p v-else-if="state.imageFailed" class="gs-qr-noimage" role="note"><van-icon name="qr-invalid" aria-hidden="true" /> {{ $t('qr.noImage') }}</p>
        <van-loading v-else size="32" :aria-label="$t('common.loading')" />
        <div v-if="state.expired" class="gs-qr-veil"><van-icon name="underway-o" aria-hidden="true" /> {{ $t('qr.expired') }}</div>
      </div>
      <p class="gs-qr-state" role="status" aria-live="polite" data-testid="qr-state" :data-status="state.status">
        <van-icon :name="statusIcon" aria-hidden="true" /> {{ $t('qr.status', { s: statusWords }) }}
      </p>
      <p v-if="secondsLeft !== null && !state.final" class="gs-qr-expiry gs-muted" data-testid="qr-expiry">
        {{ $t('qr.validFor', { m: Math.floor(secondsLeft / 60), s: secondsLeft % 60 }) }}
      </p>
      <GsProblem :problem="problem" />
      <div class="gs-qr-link">
        <span class="gs-muted">{{ $t('qr.linkLabel') }}</span>
        <code data-testid="qr-link">{{ linkText }}</code>
        <van-button size="mini" icon="description" @click="copy" data-testid="qr-copy">{{ $t('qr.copy') }}</van-button>
      </div>
      <van-button v-if="renewable && state.final && state.status !== 'PASSED'" round type="primary" icon="replay"
        @click="renew" data-testid="qr-renew">{{ $t('qr.renew') }}</van-button>
    </section>`,
});

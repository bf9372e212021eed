// GsFaceCheck: a core face session on the phone, from its creation to the page that consumes it.
import { defineComponent, reactive, computed, watch } from 'vue';
import { api } from './api.js';
import { t } from './i18n.js';
import { useProblem, GsProblem } from './components.js';
import { GsQrStatus } from './qr.js';
import { ensureStylesheet } from './styles.js';

ensureStylesheet('/web/lib/widgets.css');

/** A phone or a small touch screen: there the check opens on this device instead of by QR code. */
export function isPhone() {
  const coarse = window.matchMedia && window.matchMedia('(pointer: coarse)').matches;
  return (coarse && window.innerWidth < 900) || /Android|iPhone|iPad|Mobile/i.test(navigator.userAgent);
}

/**
 * Face check on the phone: creates a core face session (`POST /api/identity/face-sessions
 * {purpose}`); on a phone it opens directly on this device, on a computer GsQrStatus shows its QR
 * code and follows it (`GET /api/identity/face-sessions/{id}`); expiry and failure offer a retry
 * (a new session). Under it the privacy note.
 *
 * Props:
 * - `purpose` (String, required): the session's purpose (`verify`, `sign:<id>`, `apply:<id>`; see
 *   the platform README). A PASSED session is consumed once, for this purpose only.
 * - `ready` (Boolean, default true): the page's own conditions are met (signed in, an agreement
 *   accepted …). Until then the slot `gate` shows in place of the check; the session is created
 *   when it becomes true.
 * - `consume` (Function): async (sessionId), the page's use of a PASSED session (e.g.
 *   `POST /api/jiangxi/applications/{id}/face {sessionId}`). While it runs the working note shows;
 *   it fails the check when it throws (the error is shown) or answers `false` (the page said why)
 *   or a String (the words shown). Without it the check ends at PASSED.
 * - `intro` (String): the sentence under the icon (default: the library's).
 * - `afterText` (String): the last of the three steps, what happens once passed (default: this
 *   page goes on by itself).
 * - `workingText` (String): the note while `consume` runs (default: confirming the result).
 *
 * Slots: `gate` (shown while not `ready`: e.g. the agreement and its two buttons).
 *
 * Emits: `passed` (sessionId, what `consume` answered) once the session PASSED and `consume`, if
 * any, succeeded: the page goes on; `failed` (status or reason) when a retry is offered.
 *
 * data-testid: `face-check` (root; `data-state` gate, creating, pending, consuming, failed or
 * passed), `face-intro`, `face-open-here` (phone only), `face-consuming`, `face-failed`,
 * `face-retry`, `face-start` (when the session could not be created), `face-privacy`; inside,
 * GsQrStatus's own (`qr-status`, `qr-link`, `qr-state` …).
 */
export const GsFaceCheck = defineComponent({
  name: 'GsFaceCheck',
  components: { GsProblem, GsQrStatus },
  props: {
    purpose: { type: String, required: true },
    ready: { type: Boolean, default: true },
    consume: Function,
    intro: String,
    afterText: String,
    workingText: String,
  },
  emits: ['passed', 'failed'],
  setup(props, { emit }) {
    const problem = useProblem();
    const state = reactive({ session: null, creating: false, consuming: false, failed: false, passed: false, result: '', phone: isPhone() });
    const qrText = computed(() => (state.session && state.session.qr ? new URL(state.session.qr, location.origin).href : ''));
    const phase = computed(() => {
      if (!props.ready) return 'gate';
      if (state.creating) return 'creating';
      if (state.failed) return 'failed';
      if (state.consuming) return 'consuming';
      if (state.passed) return 'passed';
      return 'pending';
    });

    async function create() {
      problem.clear();
      state.creating = true;
      state.failed = false;
      state.passed = false;
      state.result = '';
      try {
        state.session = await api.post('identity/face-sessions', { purpose: props.purpose });
      } catch (e) {
        state.session = null;
        problem.set(e);
      } finally {
        state.creating = false;
      }
    }
    const poll = () => api.get(`identity/face-sessions/${encodeURIComponent(state.session.id)}`);

    function fail(reason, words) {
      state.failed = true;
      state.result = words || '';
      emit('failed', reason);
    }
    async function finished(status) {
      if (status !== 'PASSED') {
        fail(status);
        return;
      }
      const id = state.session.id;
      let answer;
      if (props.consume) {
        state.consuming = true;
        try {
          answer = await props.consume(id);
        } catch (e) {
          problem.set(e);
          fail('consume');
          return;
        } finally {
          state.consuming = false;
        }
        if (answer === false || typeof answer === 'string') {
          fail('consume', answer || '');
          return;
        }
      }
      state.passed = true;
      emit('passed', id, answer);
    }
    function expired() {
      fail('EXPIRED', t('faceCheck.expired'));
    }
    function openHere() {
      window.open(qrText.value, '_blank');
    }
    const statusText = (s) => t(`faceCheck.statuses.${s}`);

    watch(
      () => props.ready,
      (ready) => {
        if (ready && !state.session && !state.creating) create();
      },
      { immediate: true },
    );
    return { state, problem, qrText, phase, create, poll, finished, expired, openHere, statusText };
  },
  template: `
    <div class="gs-face-check" data-testid="face-check" :data-state="phase">
      <section class="gs-face-intro" data-testid="face-intro">
        <van-icon name="smile-o" class="gs-face-icon" aria-hidden="true" />
        <p>{{ intro || $t('faceCheck.intro') }}</p>
        <ol class="gs-face-steps">
          <li v-if="state.phone">{{ $t('faceCheck.phoneStep') }}</li><li v-else>{{ $t('faceCheck.pcStep') }}</li>
          <li>{{ $t('faceCheck.step2') }}</li>
          <li>{{ afterText || $t('faceCheck.step3') }}</li>
        </ol>
      </section>
      <GsProblem :problem="problem" />
      <slot v-if="!ready" name="gate" />
      <p v-else-if="state.creating" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <template v-else-if="state.session">
        <div v-if="state.phone" class="gs-actions">
          <van-button round block type="primary" icon="smile-o" @click="openHere" data-testid="face-open-here">{{ $t('faceCheck.openHere') }}</van-button>
        </div>
        <GsQrStatus :text="qrText" :poll="poll" :expires-at="state.session.expiresAt" :status-text="statusText"
          :renewable="false" @final="finished" @expired="expired" :key="state.session.id" />
        <p v-if="state.consuming" class="gs-loading" role="status" data-testid="face-consuming">{{ workingText || $t('faceCheck.consuming') }}</p>
        <div v-if="state.failed" class="gs-face-failed" role="alert" data-testid="face-failed">
          <p><van-icon name="close" aria-hidden="true" /> {{ state.result || $t('faceCheck.failed') }}</p>
          <van-button round block type="primary" icon="replay" @click="create" data-testid="face-retry">{{ $t('faceCheck.retry') }}</van-button>
        </div>
      </template>
      <div v-else class="gs-actions">
        <van-button round block type="primary" @click="create" data-testid="face-start">{{ $t('faceCheck.start') }}</van-button>
      </div>
      <p class="gs-face-privacy gs-muted" data-testid="face-privacy">{{ $t('faceCheck.privacy') }}</p>
    </div>`,
});

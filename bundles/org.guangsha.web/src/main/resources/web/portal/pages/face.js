// 人脸核验: a face session on the phone. On a computer the QR code is scanned with the phone; on a
// phone the check opens directly. When it passed and the purpose is verification, the real-name
// verification is made with it, then on to `next`.
import { reactive, computed, onMounted } from 'vue';
import { showToast } from 'vant';
import { api, loadMe, route, t, local, useProblem, GsProblem, GsPage, GsQrStatus } from 'guangsha';
import { requireLogin, safeNext, go, isPhone } from '../words.js';

export const Face = {
  components: { GsProblem, GsPage, GsQrStatus },
  setup() {
    const ok = requireLogin();
    const purpose = computed(() => route.query.purpose || 'verify');
    const next = computed(() => safeNext(route.query.next, purpose.value === 'verify' ? '/me' : '/'));
    const state = reactive({ session: null, creating: false, verifying: false, result: '', phone: isPhone(), failed: false });
    const problem = useProblem();
    const qrText = computed(() => (state.session && state.session.qr ? new URL(state.session.qr, location.origin).href : ''));

    async function create() {
      problem.clear();
      state.creating = true;
      state.failed = false;
      state.result = '';
      try {
        state.session = await api.post('identity/face-sessions', { purpose: purpose.value });
      } catch (e) {
        problem.set(e);
      } finally {
        state.creating = false;
      }
    }
    const poll = () => api.get(`identity/face-sessions/${encodeURIComponent(state.session.id)}`);

    async function finished(status) {
      if (status !== 'PASSED') {
        state.failed = true;
        return;
      }
      if (purpose.value !== 'verify') {
        const sep = next.value.includes('?') ? '&' : '?';
        go(`${next.value}${sep}faceSession=${encodeURIComponent(state.session.id)}`);
        return;
      }
      state.verifying = true;
      try {
        const r = await api.post('identity/verifications', { method: 'face', input: { faceSessionId: state.session.id } });
        if (r.status === 'PASSED') {
          await loadMe();
          showToast({ message: t('verify.passed'), type: 'success' });
          go(next.value);
        } else {
          state.failed = true;
          state.result = local({ zh: r.message, en: r.messageEn }) || t(`verify.status.${r.status}`);
        }
      } catch (e) {
        problem.set(e);
        state.failed = true;
      } finally {
        state.verifying = false;
      }
    }
    function expired() {
      state.failed = true;
      state.result = t('face.expired');
    }
    function openHere() {
      window.open(qrText.value, '_blank');
    }
    const statusText = (s) => t(`face.statuses.${s}`);
    if (ok) onMounted(create);
    return { state, problem, qrText, poll, finished, expired, create, openHere, statusText, purpose };
  },
  template: `
    <GsPage :title="$t('face.title')" narrow>
      <section class="gs-face-intro">
        <van-icon name="smile-o" class="gs-verify-icon" aria-hidden="true" />
        <p>{{ purpose === 'verify' ? $t('face.introVerify') : $t('face.introOther') }}</p>
        <ol class="gs-face-steps">
          <li v-if="state.phone">{{ $t('face.phoneStep1') }}</li><li v-else>{{ $t('face.pcStep1') }}</li>
          <li>{{ $t('face.step2') }}</li>
          <li>{{ $t('face.step3') }}</li>
        </ol>
      </section>
      <GsProblem :problem="problem" />
      <p v-if="state.creating" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <template v-else-if="state.session">
        <div v-if="state.phone" class="gs-actions">
          <van-button round block type="primary" icon="smile-o" @click="openHere" data-testid="face-open-here">{{ $t('face.openHere') }}</van-button>
        </div>
        <GsQrStatus :text="qrText" :poll="poll" :expires-at="state.session.expiresAt" :status-text="statusText"
          :renewable="false" @final="finished" @expired="expired" :key="state.session.id" />
        <p v-if="state.verifying" class="gs-loading" role="status" data-testid="face-verifying">{{ $t('face.verifying') }}</p>
        <div v-if="state.failed" class="gs-face-failed" role="alert" data-testid="face-failed">
          <p><van-icon name="close" aria-hidden="true" /> {{ state.result || $t('face.failed') }}</p>
          <van-button round block type="primary" icon="replay" @click="create" data-testid="face-retry">{{ $t('face.retry') }}</van-button>
        </div>
      </template>
      <div v-else class="gs-actions">
        <van-button round block type="primary" @click="create" data-testid="face-start">{{ $t('face.start') }}</van-button>
      </div>
      <p class="gs-form-note gs-muted">{{ $t('face.privacy') }}</p>
    </GsPage>`,
};

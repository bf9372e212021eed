// 身份验证 (JX-3): before the form, the citizen passes a core face session with purpose
// `apply:<application id>`: on a phone directly, on a computer by scanning the QR code with the
// phone (GsQrStatus follows the session). The line then consumes the session (POST …/face).
import { reactive, computed, onMounted } from 'vue';
import { showToast } from 'vant';
import { api, t, local, useProblem, GsProblem, GsPage, GsQrStatus } from 'guangsha';
import { go, requireVerified, isPhone, loadGuide } from './common.js';
import { pathOf } from './form/shared.js';

export const Face = {
  components: { GsPage, GsProblem, GsQrStatus },
  props: { params: Object },
  setup(props) {
    const ok = requireVerified();
    const id = props.params && props.params.id;
    const problem = useProblem();
    const state = reactive({
      loading: true, application: null, guide: null, agreed: false, session: null, creating: false, consuming: false, failed: false,
      result: '', phone: isPhone(),
    });
    const qrText = computed(() => (state.session && state.session.qr ? new URL(state.session.qr, location.origin).href : ''));

    onMounted(async () => {
      if (!ok) return;
      try {
        const [a, guide] = await Promise.all([api.get(pathOf(id)), loadGuide()]);
        state.application = a;
        state.guide = guide;
        if (a.faceVerifiedAt) go(`applications/${id}/form`, { replace: true });
        else if (a.status !== 'DRAFT') go(`applications/${id}`, { replace: true });
      } catch (e) {
        problem.set(e);
      } finally {
        state.loading = false;
      }
    });

    /** 同意授权: the face session starts. */
    async function agree() {
      state.agreed = true;
      await create();
    }
    /** 取消授权: back to the start; the application stays a draft without the face check. */
    function decline() {
      showToast({ message: t('jiangxi.face.declined'), duration: 2500 });
      go('');
    }
    async function create() {
      problem.clear();
      state.creating = true;
      state.failed = false;
      state.result = '';
      try {
        state.session = await api.post('identity/face-sessions', { purpose: `apply:${id}` });
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
      state.consuming = true;
      try {
        state.application = await api.post(pathOf(id, '/face'), { sessionId: state.session.id });
        showToast({ message: t('jiangxi.face.passed'), type: 'success' });
        go(`applications/${id}/form`, { replace: true });
      } catch (e) {
        problem.set(e);
        state.failed = true;
      } finally {
        state.consuming = false;
      }
    }
    function expired() {
      state.failed = true;
      state.result = t('jiangxi.face.expired');
    }
    function openHere() {
      window.open(qrText.value, '_blank');
    }
    const statusText = (s) => t(`jiangxi.face.statuses.${s}`);
    return { state, problem, qrText, agree, decline, create, poll, finished, expired, openHere, statusText, local };
  },
  template: `
    <GsPage :title="$t('jiangxi.face.title')" :back-to="'/m/jiangxi/'" narrow>
      <GsProblem :problem="problem" />
      <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <template v-else-if="state.application">
        <section class="jx-face-intro" data-testid="face-intro">
          <van-icon name="smile-o" class="jx-hero-icon" aria-hidden="true" />
          <p>{{ $t('jiangxi.face.intro') }}</p>
          <ol class="jx-face-steps">
            <li v-if="state.phone">{{ $t('jiangxi.face.phoneStep') }}</li><li v-else>{{ $t('jiangxi.face.pcStep') }}</li>
            <li>{{ $t('jiangxi.face.step2') }}</li>
            <li>{{ $t('jiangxi.face.step3') }}</li>
          </ol>
        </section>
        <template v-if="!state.agreed">
          <article v-if="state.guide && state.guide.agreement" class="jx-agreement jx-agreement-short">
            <h2>{{ local(state.guide.agreement.title) }}</h2>
            <p>{{ $t('jiangxi.face.agreement') }}</p>
          </article>
          <div class="jx-two-buttons">
            <van-button round plain @click="decline" data-testid="face-decline">{{ $t('jiangxi.consent.decline') }}</van-button>
            <van-button round type="primary" @click="agree" data-testid="face-agree">{{ $t('jiangxi.consent.agree') }}</van-button>
          </div>
        </template>
        <p v-else-if="state.creating" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
        <template v-else-if="state.session">
          <div v-if="state.phone" class="gs-actions">
            <van-button round block type="primary" icon="smile-o" @click="openHere" data-testid="face-open-here">{{ $t('jiangxi.face.openHere') }}</van-button>
          </div>
          <GsQrStatus :text="qrText" :poll="poll" :expires-at="state.session.expiresAt" :status-text="statusText"
            :renewable="false" @final="finished" @expired="expired" :key="state.session.id" />
          <p v-if="state.consuming" class="gs-loading" role="status" data-testid="face-consuming">{{ $t('jiangxi.face.checking') }}</p>
          <div v-if="state.failed" class="jx-face-failed" role="alert" data-testid="face-failed">
            <p><van-icon name="close" aria-hidden="true" /> {{ state.result || $t('jiangxi.face.failed') }}</p>
            <van-button round block type="primary" icon="replay" @click="create" data-testid="face-retry">{{ $t('jiangxi.face.retry') }}</van-button>
          </div>
        </template>
        <div v-else class="gs-actions">
          <van-button round block type="primary" @click="create" data-testid="face-start">{{ $t('jiangxi.face.start') }}</van-button>
        </div>
        <p class="gs-muted jx-small jx-pad">{{ $t('jiangxi.face.privacy') }}</p>
      </template>
    </GsPage>`,
};

// 身份验证 (JX-3): before the form, the citizen agrees to the face check (the agreement's short
// form, 同意授权 / 取消授权), then passes a core face session with purpose `apply:<application
// id>` (GsFaceCheck: on a phone directly, on a computer by QR code). The line then consumes the
// session (POST …/face) and the form opens.
import { reactive, onMounted } from 'vue';
import { showToast } from 'vant';
import { api, t, local, useProblem, GsProblem, GsPage, GsFaceCheck } from 'guangsha';
import { go, requireVerified, loadGuide } from './common.js';
import { pathOf } from './form/shared.js';

export const Face = {
  components: { GsPage, GsProblem, GsFaceCheck },
  props: { params: Object },
  setup(props) {
    const ok = requireVerified();
    const id = props.params && props.params.id;
    const problem = useProblem();
    const state = reactive({ loading: true, application: null, guide: null, agreed: false });

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

    /** 同意授权: GsFaceCheck creates the face session. */
    function agree() {
      state.agreed = true;
    }
    /** 取消授权: back to the start; the application stays a draft without the face check. */
    function decline() {
      showToast({ message: t('jiangxi.face.declined'), duration: 2500 });
      go('');
    }
    /** The passed session is the application's (JX-3); a refusal is shown by GsFaceCheck, with a retry. */
    async function consume(sessionId) {
      state.application = await api.post(pathOf(id, '/face'), { sessionId });
    }
    function passed() {
      showToast({ message: t('jiangxi.face.passed'), type: 'success' });
      go(`applications/${id}/form`, { replace: true });
    }
    return { state, problem, purpose: `apply:${id}`, agree, decline, consume, passed, local };
  },
  template: `
    <GsPage :title="$t('jiangxi.face.title')" :back-to="'/m/jiangxi/'" narrow>
      <GsProblem :problem="problem" />
      <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <GsFaceCheck v-else-if="state.application" :purpose="purpose" :ready="state.agreed" :intro="$t('jiangxi.face.intro')"
        :after-text="$t('jiangxi.face.step3')" :working-text="$t('jiangxi.face.checking')" :consume="consume" @passed="passed">
        <template #gate>
          <article v-if="state.guide && state.guide.agreement" class="jx-agreement jx-agreement-short">
            <h2>{{ local(state.guide.agreement.title) }}</h2>
            <p>{{ $t('jiangxi.face.agreement') }}</p>
          </article>
          <div class="jx-two-buttons">
            <van-button round plain @click="decline" data-testid="face-decline">{{ $t('jiangxi.consent.decline') }}</van-button>
            <van-button round type="primary" @click="agree" data-testid="face-agree">{{ $t('jiangxi.consent.agree') }}</van-button>
          </div>
        </template>
      </GsFaceCheck>
    </GsPage>`,
};

// 人脸核验: GsFaceCheck (a face session on the phone: the QR code on a computer, directly on a
// phone). When it passed and the purpose is verification, the real-name verification is made with
// it, then on to `next`; another purpose goes on to `next` with the session for that page to use.
import { computed } from 'vue';
import { showToast } from 'vant';
import { api, loadMe, route, t, local, GsPage, GsFaceCheck } from 'guangsha';
import { requireLogin, safeNext, go } from '../words.js';

export const Face = {
  components: { GsPage, GsFaceCheck },
  setup() {
    const ok = requireLogin();
    const purpose = computed(() => route.query.purpose || 'verify');
    const next = computed(() => safeNext(route.query.next, purpose.value === 'verify' ? '/me' : '/'));

    /** The verification with the passed session; its refusal is the check's failure, in its words. */
    async function verify(faceSessionId) {
      const r = await api.post('identity/verifications', { method: 'face', input: { faceSessionId } });
      return r.status === 'PASSED' ? r : local({ zh: r.message, en: r.messageEn }) || t(`verify.status.${r.status}`);
    }
    async function passed(sessionId) {
      if (purpose.value !== 'verify') {
        const sep = next.value.includes('?') ? '&' : '?';
        go(`${next.value}${sep}faceSession=${encodeURIComponent(sessionId)}`);
        return;
      }
      await loadMe();
      showToast({ message: t('verify.passed'), type: 'success' });
      go(next.value);
    }
    return { ok, purpose, verify, passed };
  },
  template: `
    <GsPage :title="$t('face.title')" narrow>
      <GsFaceCheck :purpose="purpose" :ready="ok" :intro="purpose === 'verify' ? $t('face.introVerify') : $t('face.introOther')"
        :consume="purpose === 'verify' ? verify : null" :working-text="$t('face.verifying')" @passed="passed" />
    </GsPage>`,
};

// 工作人员登录: staff log in with their user name, password and the captcha (POST
// /api/identity/login takes ID numbers, mobiles and staff user names alike). A citizen's or an
// organization's account is told the console is for staff only and logged out again.
import { reactive, onMounted, computed } from 'vue';
import { api, setToken, loadMe, logout, navigate, route, session, useProblem, GsProblem } from 'guangsha';
import { isStaff, homePath } from '../common.js';

export const Login = {
  components: { GsProblem },
  setup() {
    const form = reactive({ account: '', password: '', captchaAnswer: '', captchaId: '', image: '' });
    const problem = useProblem();
    const state = reactive({ busy: false, staffOnly: false, captchaFailed: false });
    // someone is signed in here with a citizen's account (the portal shares this browser's login)
    const citizenSignedIn = computed(() => !!session.me && !isStaff() && !state.staffOnly);

    async function captcha() {
      state.captchaFailed = false;
      form.captchaAnswer = '';
      try {
        const c = await api.get('identity/captcha');
        form.captchaId = c.id;
        form.image = c.image;
      } catch (e) {
        form.image = '';
        state.captchaFailed = true;
        problem.set(e);
      }
    }

    async function submit() {
      problem.clear();
      state.staffOnly = false;
      state.busy = true;
      try {
        const r = await api.post('identity/login', {
          account: form.account.trim(),
          password: form.password,
          captchaId: form.captchaId,
          captchaAnswer: form.captchaAnswer.trim(),
        });
        setToken(r.token, r.expiresAt);
        await loadMe();
        if (!isStaff()) {
          state.staffOnly = true;
          await logout();
          form.password = '';
          captcha();
          return;
        }
        const next = route.query.next;
        navigate(next && next !== '/login' && next !== '/' ? next : homePath(), { replace: true });
      } catch (e) {
        problem.set(e);
        captcha();
      } finally {
        state.busy = false;
      }
    }
    onMounted(captcha);
    return { form, problem, state, submit, captcha, citizenSignedIn };
  },
  template: `
    <section class="gs-c-login" aria-labelledby="gs-c-login-title">
      <h1 id="gs-c-login-title" class="gs-c-title">{{ $t('clogin.title') }}</h1>
      <p class="gs-muted">{{ $t('clogin.intro') }}</p>
      <div v-if="state.staffOnly || citizenSignedIn" class="gs-problem" role="alert" data-testid="login-staff-only">
        <van-icon name="warning-o" aria-hidden="true" />
        {{ state.staffOnly ? $t('clogin.staffOnly') : $t('clogin.citizenSignedIn') }}
        <a href="/" class="gs-c-portal-link">{{ $t('clogin.portal') }}</a>
      </div>
      <GsProblem :problem="problem" />
      <van-form @submit="submit" class="gs-c-login-form">
        <van-cell-group inset>
          <van-field v-model="form.account" name="account" :label="$t('clogin.account')" :placeholder="$t('clogin.accountPlaceholder')"
            autocomplete="username" :error-message="problem.field('account')" required data-testid="login-account" />
          <van-field v-model="form.password" name="password" type="password" :label="$t('clogin.password')"
            autocomplete="current-password" :error-message="problem.field('password')" required data-testid="login-password" />
          <van-field v-model="form.captchaAnswer" name="captchaAnswer" :label="$t('clogin.captcha')" autocomplete="off"
            :error-message="problem.field('captchaAnswer') || (state.captchaFailed ? $t('clogin.captchaFailed') : '')" required data-testid="login-captcha">
            <template #button>
              <button type="button" class="gs-c-captcha" @click="captcha" :aria-label="$t('clogin.captchaImage')" data-testid="login-captcha-refresh">
                <img v-if="form.image" :src="form.image" :data-captcha-id="form.captchaId" :alt="$t('clogin.captchaImage')" />
                <span v-else>{{ $t('clogin.newCaptcha') }}</span>
              </button>
            </template>
          </van-field>
        </van-cell-group>
        <div class="gs-actions">
          <van-button round block type="primary" native-type="submit" :loading="state.busy" data-testid="login-submit">{{ $t('clogin.submit') }}</van-button>
        </div>
      </van-form>
    </section>`,
};

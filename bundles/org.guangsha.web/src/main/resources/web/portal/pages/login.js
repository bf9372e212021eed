// 登录: account (mobile, ID number or staff name) and password with a captcha.
import { reactive, onMounted } from 'vue';
import { api, setToken, loadMe, navigate, route, useProblem, GsProblem, GsPage } from 'guangsha';

export const Login = {
  components: { GsProblem, GsPage },
  setup() {
    const form = reactive({ account: '', password: '', captchaAnswer: '', captchaId: '', image: '' });
    const problem = useProblem();
    const state = reactive({ busy: false });
    async function captcha() {
      const c = await api.get('identity/captcha');
      form.captchaId = c.id;
      form.image = c.image;
      form.captchaAnswer = '';
    }
    async function submit() {
      problem.clear();
      state.busy = true;
      try {
        const r = await api.post('identity/login', {
          account: form.account.trim(), password: form.password, captchaId: form.captchaId, captchaAnswer: form.captchaAnswer.trim(),
        });
        setToken(r.token, r.expiresAt);
        await loadMe();
        navigate(route.query.next || '/', { replace: true });
      } catch (e) {
        problem.set(e);
        captcha();
      } finally {
        state.busy = false;
      }
    }
    onMounted(captcha);
    return { form, problem, state, submit, captcha };
  },
  template: `
    <GsPage :title="$t('nav.login')" narrow>
      <GsProblem :problem="problem" />
      <van-form @submit="submit" class="gs-form">
        <van-cell-group inset>
          <van-field v-model="form.account" name="account" :label="$t('login.account')" autocomplete="username" :error-message="problem.field('account')" required />
          <van-field v-model="form.password" name="password" type="password" :label="$t('login.password')" autocomplete="current-password" :error-message="problem.field('password')" required />
          <van-field v-model="form.captchaAnswer" name="captchaAnswer" :label="$t('login.captcha')" autocomplete="off" :error-message="problem.field('captchaAnswer')" required>
            <template #button><img v-if="form.image" :src="form.image" :alt="$t('login.captchaImage')" class="gs-captcha" @click="captcha" /></template>
          </van-field>
        </van-cell-group>
        <div class="gs-actions"><van-button round block type="primary" native-type="submit" :loading="state.busy" name="login">{{ $t('nav.login') }}</van-button></div>
      </van-form>
    </GsPage>`,
};

// 找回密码: an SMS code to the registered mobile (with a captcha), then the new password.
import { reactive, computed, onMounted, onBeforeUnmount } from 'vue';
import { showToast } from 'vant';
import { api, ApiError, navigate, t, useProblem, GsProblem, GsPage, checkMobile } from 'guangsha';
import { passwordRules } from './register.js';

export const PasswordReset = {
  components: { GsProblem, GsPage },
  setup() {
    const form = reactive({ mobile: '', captchaAnswer: '', code: '', password: '', password2: '' });
    const captcha = reactive({ id: '', image: '' });
    const state = reactive({ step: 'code', busy: false, resendIn: 0, sentNote: '' });
    const problem = useProblem();
    let timer = null;
    const rules = computed(() => passwordRules(form.password, form.mobile));

    async function newCaptcha() {
      try {
        const c = await api.get('identity/captcha');
        captcha.id = c.id;
        captcha.image = c.image;
        form.captchaAnswer = '';
      } catch (e) {
        problem.set(e);
      }
    }
    function countdown(seconds) {
      state.resendIn = seconds;
      clearInterval(timer);
      timer = setInterval(() => {
        state.resendIn = Math.max(0, state.resendIn - 1);
        if (!state.resendIn) clearInterval(timer);
      }, 1000);
    }
    function localError(field, key) {
      return new ApiError(400, {
        title: t('problem.fieldsHint', {}, { locale: 'zh-CN' }), titleEn: t('problem.fieldsHint', {}, { locale: 'en' }), status: 400,
        errors: [{ field, message: t(key, {}, { locale: 'zh-CN' }), messageEn: t(key, {}, { locale: 'en' }) }],
      });
    }
    async function sendCode() {
      problem.clear();
      if (checkMobile(form.mobile)) {
        problem.set(localError('mobile', 'register.mobileError'));
        return;
      }
      state.busy = true;
      try {
        const r = await api.post('identity/password-reset/code', {
          mobile: form.mobile.trim(), captchaId: captcha.id, captchaAnswer: form.captchaAnswer.trim(),
        });
        state.sentNote = (r && r.message) || '';
        state.step = 'reset';
        countdown(60);
      } catch (e) {
        problem.set(e);
        if (e.retryAfter) countdown(e.retryAfter);
      } finally {
        state.busy = false;
        newCaptcha();
      }
    }
    async function reset() {
      problem.clear();
      const broken = rules.value.find((r) => !r.ok);
      if (broken) {
        problem.set(localError('newPassword', `register.rules.${broken.key}`));
        return;
      }
      if (form.password !== form.password2) {
        problem.set(localError('password2', 'register.mismatch'));
        return;
      }
      state.busy = true;
      try {
        await api.post('identity/password-reset', { mobile: form.mobile.trim(), code: form.code.trim(), newPassword: form.password });
        form.password = '';
        form.password2 = '';
        showToast({ message: t('reset.done'), type: 'success' });
        navigate('/login', { replace: true });
      } catch (e) {
        problem.set(e);
      } finally {
        state.busy = false;
      }
    }
    onMounted(newCaptcha);
    onBeforeUnmount(() => clearInterval(timer));
    return { form, captcha, state, problem, rules, newCaptcha, sendCode, reset };
  },
  template: `
    <GsPage :title="$t('reset.title')" backTo="/login" narrow>
      <van-steps :active="state.step === 'code' ? 0 : 1" class="gs-reset-steps">
        <van-step>{{ $t('reset.stepCode') }}</van-step>
        <van-step>{{ $t('reset.stepPassword') }}</van-step>
      </van-steps>
      <GsProblem :problem="problem" />
      <van-form v-if="state.step === 'code'" @submit="sendCode" data-testid="reset-code-form">
        <p class="gs-form-intro gs-muted">{{ $t('reset.intro') }}</p>
        <van-cell-group inset>
          <van-field v-model="form.mobile" name="mobile" type="tel" maxlength="11" :label="$t('register.mobile')" autocomplete="tel" required
            :error-message="problem.field('mobile')" data-testid="reset-mobile" />
          <van-field v-model="form.captchaAnswer" name="captchaAnswer" :label="$t('login.captcha')" autocomplete="off" maxlength="8" required
            :error-message="problem.field('captchaAnswer')" data-testid="reset-captcha">
            <template #button>
              <span class="gs-captcha-box">
                <img v-if="captcha.image" :src="captcha.image" :data-captcha-id="captcha.id" :alt="$t('login.captchaImage')" class="gs-captcha" @click="newCaptcha" />
                <van-button size="small" icon="replay" native-type="button" @click="newCaptcha" :aria-label="$t('login.captchaRefresh')" class="gs-captcha-refresh" />
              </span>
            </template>
          </van-field>
        </van-cell-group>
        <div class="gs-actions">
          <van-button round block type="primary" native-type="submit" :loading="state.busy" :disabled="state.resendIn > 0"
            data-testid="reset-send-code">{{ state.resendIn > 0 ? $t('reset.resendIn', { s: state.resendIn }) : $t('reset.sendCode') }}</van-button>
        </div>
      </van-form>
      <van-form v-else @submit="reset" data-testid="reset-password-form">
        <p class="gs-form-intro" role="status">{{ $t('reset.sent', { mobile: form.mobile }) }}</p>
        <van-cell-group inset>
          <van-field v-model="form.code" name="code" inputmode="numeric" maxlength="8" :label="$t('reset.code')" autocomplete="one-time-code" required
            :error-message="problem.field('code')" data-testid="reset-sms-code" />
          <van-field v-model="form.password" name="newPassword" type="password" :label="$t('reset.newPassword')" autocomplete="new-password" maxlength="64" required
            :error-message="problem.field('newPassword')" data-testid="reset-new-password" />
          <ul class="gs-rules" :aria-label="$t('register.rulesTitle')">
            <li v-for="r in rules" :key="r.key" :class="r.ok ? 'gs-rule-ok' : 'gs-rule-todo'">
              <van-icon :name="r.ok ? 'passed' : 'circle'" aria-hidden="true" /> <span>{{ $t('register.rules.' + r.key) }}</span>
              <span class="gs-visually-hidden">{{ r.ok ? $t('register.ruleMet') : $t('register.ruleNotMet') }}</span>
            </li>
          </ul>
          <van-field v-model="form.password2" name="password2" type="password" :label="$t('register.password2')" autocomplete="new-password" maxlength="64" required
            :error-message="problem.field('password2')" data-testid="reset-new-password2" />
        </van-cell-group>
        <div class="gs-actions">
          <van-button round block type="primary" native-type="submit" :loading="state.busy" data-testid="reset-submit">{{ $t('reset.submit') }}</van-button>
          <van-button round block plain native-type="button" :disabled="state.resendIn > 0" @click="state.step = 'code'" data-testid="reset-again">
            {{ state.resendIn > 0 ? $t('reset.resendIn', { s: state.resendIn }) : $t('reset.again') }}</van-button>
        </div>
      </van-form>
    </GsPage>`,
};

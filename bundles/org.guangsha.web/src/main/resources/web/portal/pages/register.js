// 注册: two steps (identity, then account), the ID number and mobile checked as they are typed,
// the server's field errors on the fields, a draft in this tab's sessionStorage WITHOUT the
// password; then a login with a new captcha and on to real-name verification.
import { reactive, computed, watch } from 'vue';
import {
  api, ApiError, setToken, loadMe, navigate, t, useProblem, GsProblem, GsPage, GsSteps, checkIdNumber, checkMobile,
} from 'guangsha';

const DRAFT_KEY = 'guangsha.register.draft';

/** A check made here, shaped like the server's problem so the fields show it the same way. */
function invalid(errors) {
  return new ApiError(400, {
    title: '请按提示修改标出的内容',
    titleEn: 'Please correct the marked fields',
    status: 400,
    errors: errors.map(([field, key, args]) => ({
      field,
      message: t(key, args || {}, { locale: 'zh-CN' }),
      messageEn: t(key, args || {}, { locale: 'en' }),
    })),
  });
}

/** The password rules of the server (PasswordPolicy), each with whether it is met. */
export function passwordRules(password, ...personal) {
  const p = password || '';
  let classes = 0;
  if (/[a-z]/.test(p)) classes++;
  if (/[A-Z]/.test(p)) classes++;
  if (/\d/.test(p)) classes++;
  if (/[^A-Za-z0-9]/.test(p)) classes++;
  return [
    { key: 'length', ok: p.length >= 8 && p.length <= 64 },
    { key: 'classes', ok: classes >= 3 },
    { key: 'personal', ok: !!p && !personal.some((x) => x && x.length >= 6 && p.includes(x)) },
  ];
}

export const Register = {
  components: { GsProblem, GsPage, GsSteps },
  setup() {
    const data = reactive({ name: '', idNumber: '', mobile: '', password: '', password2: '', captchaAnswer: '' });
    const captcha = reactive({ id: '', image: '', busy: false });
    const touched = reactive({ idNumber: false, mobile: false });
    const done = reactive({ registered: false, me: null, busy: false });
    const loginProblem = useProblem();
    const steps = [
      { key: 'identity', title: t('register.stepIdentity'), fields: ['name', 'idNumber', 'mobile'] },
      { key: 'account', title: t('register.stepAccount'), fields: ['password', 'password2', 'captchaAnswer'] },
    ];

    watch(
      () => data.idNumber,
      (v) => {
        const clean = (v || '').replace(/\s/g, '').toUpperCase();
        if (clean !== v) data.idNumber = clean;
      },
    );
    watch(
      () => data.mobile,
      (v) => {
        const clean = (v || '').replace(/[\s-]/g, '');
        if (clean !== v) data.mobile = clean;
      },
    );

    const idError = computed(() => {
      const v = data.idNumber;
      if (!v || (v.length < 18 && !touched.idNumber)) return '';
      const code = checkIdNumber(v);
      return code ? t(`register.idErrors.${code}`) : '';
    });
    const idHint = computed(() => {
      const v = data.idNumber;
      if (!v) return t('register.idHelp');
      if (v.length < 18) return t('register.idCount', { n: v.length });
      return idError.value ? '' : t('register.idOk');
    });
    const mobileError = computed(() => {
      const v = data.mobile;
      if (!v || (v.length < 11 && !touched.mobile)) return '';
      return checkMobile(v) ? t('register.mobileError') : '';
    });
    const rules = computed(() => passwordRules(data.password, data.idNumber, data.mobile));

    async function newCaptcha() {
      captcha.busy = true;
      try {
        const c = await api.get('identity/captcha');
        captcha.id = c.id;
        captcha.image = c.image;
        data.captchaAnswer = '';
      } catch (e) {
        captcha.id = '';
      } finally {
        captcha.busy = false;
      }
    }

    async function validate(step, d) {
      if (step === 'identity') {
        touched.idNumber = true;
        touched.mobile = true;
        const errors = [];
        if (!d.name.trim()) errors.push(['name', 'register.nameRequired']);
        else if (d.name.trim().length > 50) errors.push(['name', 'register.nameLong']);
        const id = checkIdNumber(d.idNumber);
        if (id) errors.push(['idNumber', `register.idErrors.${id}`]);
        if (checkMobile(d.mobile)) errors.push(['mobile', 'register.mobileError']);
        if (errors.length) throw invalid(errors);
      } else {
        const errors = [];
        const broken = passwordRules(d.password, d.idNumber, d.mobile).find((r) => !r.ok);
        if (broken) errors.push(['password', `register.rules.${broken.key}`]);
        if (d.password !== d.password2) errors.push(['password2', 'register.mismatch']);
        if (!d.captchaAnswer.trim()) errors.push(['captchaAnswer', 'register.captchaRequired']);
        if (errors.length) throw invalid(errors);
      }
    }
    function save(d, step) {
      sessionStorage.setItem(
        DRAFT_KEY,
        JSON.stringify({ data: { name: d.name, idNumber: d.idNumber, mobile: d.mobile }, step }),
      );
    }
    function load() {
      try {
        const draft = JSON.parse(sessionStorage.getItem(DRAFT_KEY) || 'null');
        return draft && draft.data ? draft : null;
      } catch (e) {
        return null;
      }
    }
    async function finish(d) {
      try {
        done.me = await api.post('identity/register', {
          name: d.name.trim(), idNumber: d.idNumber, mobile: d.mobile, password: d.password,
          captchaId: captcha.id, captchaAnswer: d.captchaAnswer.trim(),
        });
      } catch (e) {
        newCaptcha();
        throw e;
      }
      sessionStorage.removeItem(DRAFT_KEY);
      done.registered = true;
      await newCaptcha();
    }
    function onStep(key) {
      if (key === 'account' && !captcha.id) newCaptcha();
    }
    async function login() {
      loginProblem.clear();
      done.busy = true;
      try {
        const r = await api.post('identity/login', {
          account: data.mobile, password: data.password, captchaId: captcha.id, captchaAnswer: data.captchaAnswer.trim(),
        });
        setToken(r.token, r.expiresAt);
        data.password = '';
        data.password2 = '';
        await loadMe();
        navigate('/verify-prompt', { query: { level: 'L2', next: '/' }, replace: true });
      } catch (e) {
        loginProblem.set(e);
        newCaptcha();
      } finally {
        done.busy = false;
      }
    }

    return {
      data, captcha, touched, done, steps, idError, idHint, mobileError, rules, loginProblem,
      validate, save, load, finish, onStep, newCaptcha, login,
    };
  },
  template: `
    <GsPage :title="$t('nav.register')" narrow>
      <template v-if="!done.registered">
        <GsSteps :steps="steps" v-model="data" :validate="validate" :save="save" :load="load" :finish="finish"
          :finish-text="$t('register.submit')" @step="onStep">
          <template #step-identity="{ problem }">
            <p class="gs-form-intro gs-muted">{{ $t('register.identityIntro') }}</p>
            <van-cell-group inset>
              <van-field v-model="data.name" name="name" :label="$t('register.name')" autocomplete="name" maxlength="50" required
                :error-message="problem.field('name')" data-testid="register-name" />
              <van-field v-model="data.idNumber" name="idNumber" :label="$t('register.idNumber')" autocomplete="off" maxlength="18"
                inputmode="text" required @blur="touched.idNumber = true" :error-message="idError || problem.field('idNumber')"
                data-testid="register-id-number" />
              <p v-if="!idError && idHint && !problem.field('idNumber')" class="gs-field-hint" :class="{ 'gs-field-ok': data.idNumber.length === 18 }"
                data-testid="register-id-hint">{{ idHint }}</p>
              <van-field v-model="data.mobile" name="mobile" type="tel" :label="$t('register.mobile')" autocomplete="tel" maxlength="11"
                required @blur="touched.mobile = true" :error-message="mobileError || problem.field('mobile')" data-testid="register-mobile" />
            </van-cell-group>
            <p class="gs-form-note gs-muted"><van-icon name="shield-o" aria-hidden="true" /> {{ $t('register.privacy') }}</p>
          </template>
          <template #step-account="{ problem }">
            <van-cell-group inset>
              <van-field v-model="data.password" name="password" type="password" :label="$t('register.password')" autocomplete="new-password"
                maxlength="64" required :error-message="problem.field('password')" data-testid="register-password" />
              <ul class="gs-rules" :aria-label="$t('register.rulesTitle')" data-testid="register-password-rules">
                <li v-for="r in rules" :key="r.key" :class="r.ok ? 'gs-rule-ok' : 'gs-rule-todo'">
                  <van-icon :name="r.ok ? 'passed' : 'circle'" aria-hidden="true" />
                  <span>{{ $t('register.rules.' + r.key) }}</span>
                  <span class="gs-visually-hidden">{{ r.ok ? $t('register.ruleMet') : $t('register.ruleNotMet') }}</span>
                </li>
              </ul>
              <van-field v-model="data.password2" name="password2" type="password" :label="$t('register.password2')" autocomplete="new-password"
                maxlength="64" required :error-message="problem.field('password2')" data-testid="register-password2" />
              <van-field v-model="data.captchaAnswer" name="captchaAnswer" :label="$t('login.captcha')" autocomplete="off" maxlength="8"
                required :error-message="problem.field('captchaAnswer')" data-testid="register-captcha">
                <template #button>
                  <span class="gs-captcha-box">
                    <img v-if="captcha.image" :src="captcha.image" :data-captcha-id="captcha.id" :alt="$t('login.captchaImage')" class="gs-captcha" @click="newCaptcha" />
                    <van-button size="small" icon="replay" native-type="button" :loading="captcha.busy" @click="newCaptcha"
                      :aria-label="$t('login.captchaRefresh')" class="gs-captcha-refresh" />
                  </span>
                </template>
              </van-field>
            </van-cell-group>
            <p class="gs-form-note gs-muted">{{ $t('register.draftNote') }}</p>
          </template>
          <template #after>
            <p class="gs-login-links"><a href="#/login">{{ $t('register.haveAccount') }}</a></p>
          </template>
        </GsSteps>
      </template>
      <section v-else class="gs-register-done" data-testid="register-done">
        <van-icon name="checked" class="gs-done-icon" aria-hidden="true" />
        <h2>{{ $t('register.doneTitle') }}</h2>
        <p>{{ $t('register.doneText', { name: done.me && done.me.name }) }}</p>
        <GsProblem :problem="loginProblem" />
        <van-form @submit="login">
          <van-cell-group inset>
            <van-field v-model="data.captchaAnswer" name="captchaAnswer" :label="$t('login.captcha')" autocomplete="off" maxlength="8" required
              :error-message="loginProblem.field('captchaAnswer')" data-testid="register-login-captcha">
              <template #button>
                <span class="gs-captcha-box">
                  <img v-if="captcha.image" :src="captcha.image" :data-captcha-id="captcha.id" :alt="$t('login.captchaImage')" class="gs-captcha" @click="newCaptcha" />
                  <van-button size="small" icon="replay" native-type="button" :loading="captcha.busy" @click="newCaptcha"
                    :aria-label="$t('login.captchaRefresh')" class="gs-captcha-refresh" />
                </span>
              </template>
            </van-field>
          </van-cell-group>
          <div class="gs-actions">
            <van-button round block type="primary" native-type="submit" :loading="done.busy" data-testid="register-login">{{ $t('register.loginNow') }}</van-button>
            <van-button round block plain type="primary" url="#/login" data-testid="register-login-later">{{ $t('register.loginLater') }}</van-button>
          </div>
        </van-form>
      </section>
    </GsPage>`,
};

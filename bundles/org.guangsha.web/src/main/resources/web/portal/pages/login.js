// 登录: account (mobile, ID number or staff name) and password with a captcha, and the other login
// methods the server has installed (WeChat scan, CA certificate …), each with the inputs it names.
// The console uses this page too (staff: password only, no register or reset links). 个人登录 / 法人登录
// (seed 001): an organization logs in with its unified social credit code and password.
import { reactive, computed, onMounted } from 'vue';
import { api, setToken, loadMe, route, useProblem, GsProblem, GsPage, local, addMessages } from 'guangsha';
import { messages } from '../messages.js';
import { safeNext, go } from '../words.js';

addMessages(messages);

export const Login = {
  components: { GsProblem, GsPage },
  setup() {
    const staff = location.pathname.startsWith('/console');
    const form = reactive({ account: '', password: '', captchaAnswer: '', captchaId: '', image: '' });
    const problem = useProblem();
    const state = reactive({
      busy: false, method: 'password', methods: [], inputs: {}, captchaBusy: false,
      who: !staff && route.query.who === 'organization' ? 'organization' : 'person',
    });
    const organization = computed(() => state.who === 'organization');
    const others = computed(() => state.methods.filter((m) => m.id !== 'password'));
    const current = computed(() => others.value.find((m) => m.id === state.method));

    async function captcha() {
      state.captchaBusy = true;
      try {
        const c = await api.get('identity/captcha');
        form.captchaId = c.id;
        form.image = c.image;
        form.captchaAnswer = '';
      } catch (e) {
        problem.set(e);
      } finally {
        state.captchaBusy = false;
      }
    }
    async function loadMethods() {
      if (staff) return;
      try {
        state.methods = await api.get('identity/login-methods');
      } catch (e) {
        state.methods = [];
      }
    }
    async function signedIn(answer) {
      setToken(answer.token, answer.expiresAt);
      await loadMe();
      go(safeNext(route.query.next, '/'));
    }
    async function submit() {
      problem.clear();
      state.busy = true;
      try {
        const r = organization.value
          ? await api.post('identity/organizations/login', {
            creditCode: form.account.trim().toUpperCase(), password: form.password, captchaId: form.captchaId, captchaAnswer: form.captchaAnswer.trim(),
          })
          : await api.post('identity/login', {
            account: form.account.trim(), password: form.password, captchaId: form.captchaId, captchaAnswer: form.captchaAnswer.trim(),
          });
        await signedIn(r);
      } catch (e) {
        problem.set(e);
        captcha();
      } finally {
        state.busy = false;
      }
    }
    async function submitOther() {
      const m = current.value;
      if (!m) return;
      problem.clear();
      state.busy = true;
      try {
        const body = {};
        for (const k of Object.keys(m.inputs || {})) body[k] = (state.inputs[k] || '').trim();
        await signedIn(await api.post(`identity/login/${encodeURIComponent(m.id)}`, body));
      } catch (e) {
        problem.set(e);
      } finally {
        state.busy = false;
      }
    }
    function choose(id) {
      problem.clear();
      state.method = id;
      state.inputs = {};
    }
    function chooseWho(who) {
      problem.clear();
      state.who = who;
      state.method = 'password';
      form.account = '';
    }
    onMounted(() => {
      captcha();
      loadMethods();
    });
    return { staff, form, problem, state, organization, others, current, submit, submitOther, captcha, choose, chooseWho, local };
  },
  template: `
    <GsPage :title="$t('nav.login')" narrow>
      <div class="gs-login-hero">
        <p class="gs-login-welcome">{{ staff ? $t('login.staffWelcome') : $t('login.welcome') }}</p>
        <p class="gs-muted" :data-testid="organization ? 'login-organization-hint' : null">{{ staff ? $t('login.staffHint') : organization ? $t('login.organizationHint') : $t('login.hint') }}</p>
      </div>
      <div v-if="!staff" class="gs-login-tabs gs-login-who" role="tablist" :aria-label="$t('login.who')" data-testid="login-who">
        <button type="button" role="tab" class="gs-login-tab" :aria-selected="organization ? 'false' : 'true'"
          @click="chooseWho('person')" data-testid="login-who-person">{{ $t('login.person') }}</button>
        <button type="button" role="tab" class="gs-login-tab" :aria-selected="organization ? 'true' : 'false'"
          @click="chooseWho('organization')" data-testid="login-who-organization">{{ $t('login.organization') }}</button>
      </div>
      <GsProblem :problem="problem" />
      <div v-if="others.length && !organization" class="gs-login-tabs" role="tablist" :aria-label="$t('login.methods')" data-testid="login-methods">
        <button type="button" role="tab" class="gs-login-tab" :aria-selected="state.method === 'password' ? 'true' : 'false'"
          @click="choose('password')" data-testid="login-method-password">{{ $t('login.passwordTab') }}</button>
        <button v-for="m in others" :key="m.id" type="button" role="tab" class="gs-login-tab"
          :aria-selected="state.method === m.id ? 'true' : 'false'" @click="choose(m.id)" :data-testid="'login-method-' + m.id">{{ local(m.name) }}</button>
      </div>
      <van-form v-if="state.method === 'password'" @submit="submit" class="gs-form" data-testid="login-form">
        <van-cell-group inset>
          <van-field v-model="form.account" name="account" :label="staff ? $t('login.staffAccount') : organization ? $t('login.creditCode') : $t('login.account')"
            :placeholder="staff ? '' : organization ? $t('login.creditCodePlaceholder') : $t('login.accountPlaceholder')" autocomplete="username"
            :maxlength="organization ? 18 : undefined"
            :error-message="problem.field('account') || problem.field('creditCode')" required data-testid="login-account" />
          <van-field v-model="form.password" name="password" type="password" :label="$t('login.password')" autocomplete="current-password"
            :error-message="problem.field('password')" required data-testid="login-password" />
          <van-field v-model="form.captchaAnswer" name="captchaAnswer" :label="$t('login.captcha')" autocomplete="off" maxlength="8"
            :error-message="problem.field('captchaAnswer')" required data-testid="login-captcha">
            <template #button>
              <span class="gs-captcha-box">
                <img v-if="form.image" :src="form.image" :data-captcha-id="form.captchaId" :alt="$t('login.captchaImage')" class="gs-captcha" @click="captcha" data-testid="captcha-image" />
                <van-button size="small" icon="replay" :loading="state.captchaBusy" native-type="button" @click="captcha"
                  :aria-label="$t('login.captchaRefresh')" data-testid="captcha-refresh" class="gs-captcha-refresh" />
              </span>
            </template>
          </van-field>
        </van-cell-group>
        <div class="gs-actions">
          <van-button round block type="primary" native-type="submit" :loading="state.busy" name="login" data-testid="login-submit">{{ $t('nav.login') }}</van-button>
        </div>
      </van-form>
      <van-form v-else-if="current" @submit="submitOther" class="gs-form" :data-testid="'login-form-' + current.id">
        <p class="gs-login-method-hint gs-muted">{{ $t('login.otherHint', { name: local(current.name) }) }}</p>
        <van-cell-group inset>
          <van-field v-for="(label, key) in current.inputs" :key="key" v-model="state.inputs[key]" :name="key" :label="local(label)"
            autocomplete="off" :error-message="problem.field(key)" required :data-testid="'login-input-' + key" />
        </van-cell-group>
        <div class="gs-actions">
          <van-button round block type="primary" native-type="submit" :loading="state.busy" data-testid="login-other-submit">{{ $t('nav.login') }}</van-button>
        </div>
      </van-form>
      <p v-if="!staff && !organization" class="gs-login-links">
        <a href="#/register" data-testid="link-register">{{ $t('login.noAccount') }}</a>
        <a href="#/password-reset" data-testid="link-password-reset">{{ $t('login.forgot') }}</a>
      </p>
    </GsPage>`,
};

// 身份验证提示页: why verification is needed (the service's level against mine), the methods the
// server has installed, and the chosen one run here (face: on its own page).
import { reactive, computed, onMounted, nextTick } from 'vue';
import { showToast } from 'vant';
import { api, session, loadMe, navigate, route, local, t, hasTrustLevel, useProblem, GsProblem, GsPage } from 'guangsha';
import { requireLogin, safeNext, go, trustWords } from '../words.js';

const ICONS = { face: 'smile-o', 'bank-card': 'card', 'social-security-card': 'idcard', wechat: 'wechat' };

export const VerifyPrompt = {
  components: { GsProblem, GsPage },
  setup() {
    const ok = requireLogin();
    const need = computed(() => (['L1', 'L2', 'L3'].includes(route.query.level) ? route.query.level : 'L2'));
    const next = computed(() => safeNext(route.query.next, '/'));
    const state = reactive({ loading: true, methods: [], chosen: '', inputs: {}, busy: false, result: null });
    const problem = useProblem();
    const reached = computed(() => hasTrustLevel(need.value));
    const method = computed(() => state.methods.find((m) => m.id === state.chosen));

    async function load() {
      try {
        state.methods = await api.get('identity/verifications/methods');
      } catch (e) {
        problem.set(e);
      } finally {
        state.loading = false;
      }
    }
    function choose(m) {
      problem.clear();
      state.result = null;
      if (m.id === 'face') {
        navigate('/face', { query: { purpose: 'verify', next: next.value } });
        return;
      }
      state.chosen = m.id;
      state.inputs = {};
      // the form opens below the list: bring it into view and put the cursor in its first field
      nextTick(() => {
        const form = document.querySelector('.gs-verify-form');
        if (!form) return;
        form.scrollIntoView({ block: 'center' });
        const first = form.querySelector('input');
        if (first) first.focus({ preventScroll: true });
      });
    }
    async function submit() {
      const m = method.value;
      if (!m) return;
      problem.clear();
      state.result = null;
      state.busy = true;
      try {
        const input = {};
        for (const k of Object.keys(m.inputs || {})) input[k] = (state.inputs[k] || '').trim();
        const r = await api.post('identity/verifications', { method: m.id, input });
        state.result = r;
        if (r.status === 'PASSED') {
          await loadMe();
          showToast({ message: t('verify.passed'), type: 'success' });
          go(next.value);
        }
      } catch (e) {
        problem.set(e);
      } finally {
        state.busy = false;
      }
    }
    const resultText = computed(() => (state.result ? local({ zh: state.result.message, en: state.result.messageEn }) : ''));
    function hint(id) {
      const key = `verify.methodHint.${id}`;
      const words = t(key);
      return words === key ? '' : words;
    }
    if (ok) onMounted(load);
    return { hint, session, need, next, state, problem, reached, method, choose, submit, resultText, trustWords, local, ICONS, go };
  },
  template: `
    <GsPage :title="$t('verify.title')" narrow>
      <section class="gs-verify-why" data-testid="verify-why" v-if="session.me">
        <van-icon name="shield-o" class="gs-verify-icon" aria-hidden="true" />
        <template v-if="!reached">
          <h2>{{ $t('verify.needTitle') }}</h2>
          <p>{{ $t('verify.needText', { need: trustWords(need), mine: trustWords(session.me.trustLevel) }) }}</p>
          <p class="gs-muted">{{ $t('verify.why') }}</p>
        </template>
        <template v-else>
          <h2>{{ $t('verify.reachedTitle') }}</h2>
          <p data-testid="verify-reached">{{ $t('verify.reachedText', { mine: trustWords(session.me.trustLevel) }) }}</p>
          <div class="gs-actions"><van-button round block type="primary" @click="go(next)" data-testid="verify-continue">{{ $t('verify.continue') }}</van-button></div>
        </template>
      </section>
      <template v-if="session.me && !reached">
        <GsProblem :problem="problem" />
        <h3 class="gs-section-title">{{ $t('verify.chooseMethod') }}</h3>
        <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
        <p v-else-if="!state.methods.length" class="gs-empty gs-muted">{{ $t('verify.noMethods') }}</p>
        <van-cell-group v-else inset data-testid="verify-methods">
          <van-cell v-for="m in state.methods" :key="m.id" :title="local(m.name)" :label="hint(m.id)"
            :icon="ICONS[m.id] || 'passed'" is-link clickable :class="{ 'gs-chosen': state.chosen === m.id }"
            :aria-current="state.chosen === m.id ? 'true' : undefined" @click="choose(m)" @keydown.enter.prevent="choose(m)" @keydown.space.prevent="choose(m)" :data-testid="'verify-method-' + m.id"
            :value="state.chosen === m.id ? '✓ ' + $t('verify.chosen') : undefined" value-class="gs-chosen-mark" />
        </van-cell-group>
        <van-form v-if="method" @submit="submit" class="gs-verify-form" :data-testid="'verify-form-' + method.id">
          <h3 class="gs-section-title">{{ local(method.name) }}</h3>
          <van-cell-group inset>
            <van-field v-for="(label, key) in method.inputs" :key="key" v-model="state.inputs[key]" :name="key" :label="local(label)"
              :type="key.toLowerCase().includes('mobile') ? 'tel' : 'text'" autocomplete="off" required
              :error-message="problem.field(key) || problem.field('input.' + key)" :data-testid="'verify-input-' + key" />
          </van-cell-group>
          <p v-if="state.result && state.result.status !== 'PASSED'" class="gs-verify-result" role="alert" data-testid="verify-result"
            :data-status="state.result.status">
            <van-icon :name="state.result.status === 'PENDING' ? 'clock-o' : 'close'" aria-hidden="true" />
            {{ $t('verify.status.' + state.result.status) }}<template v-if="resultText">：{{ resultText }}</template>
          </p>
          <div class="gs-actions">
            <van-button round block type="primary" native-type="submit" :loading="state.busy" data-testid="verify-submit">{{ $t('verify.submit') }}</van-button>
          </div>
        </van-form>
        <p class="gs-form-note gs-muted">{{ $t('verify.counter') }}</p>
      </template>
    </GsPage>`,
};

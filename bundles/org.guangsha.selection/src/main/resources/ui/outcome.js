// 我的结果 (S-8): the unit, or what happened (auto-assigned, no unit left, absent, gave up), with
// 去签约 when there is a unit; and 补选申请 (S-9): who may apply and until when, apply, then the
// supplementary session once it is published.
import { reactive, computed, onMounted, onBeforeUnmount } from 'vue';
import { showConfirmDialog } from 'vant';
import { api, t, formatTime, useProblem, GsProblem, GsPage, hasApi } from 'guangsha';
import { requireCitizen, loadFamily, words, href, sessionTime, unitName, SelUnit, STATUS_ICONS } from './common.js';

/**
 * data-testid: `result` (`data-status`), `result-status`, `result-unit` (`data-unit` the code),
 * `result-mode`, `result-signing` (去签约), `result-waiting`, `result-supplement`, `result-run`.
 */
export const Result = {
  components: { GsPage, GsProblem, SelUnit },
  props: { params: Object },
  setup(props) {
    const ok = requireCitizen();
    const fid = props.params.fid;
    const problem = useProblem();
    const state = reactive({ loading: true, result: null, family: null, signing: false });
    let timer = null;
    const unit = computed(() => {
      const a = state.result && state.result.allocation;
      return (a && a.unit) || null;
    });
    const waiting = computed(() => state.result && (state.result.status === 'WAITING' || !state.result.status));
    async function load() {
      try {
        const [result, family] = await Promise.all([
          api.get(`selection/families/${encodeURIComponent(fid)}/result`),
          loadFamily(fid).catch(() => null),
        ]);
        state.result = result;
        state.family = family;
        problem.clear();
      } catch (e) {
        problem.set(e);
      } finally {
        state.loading = false;
      }
    }
    const mayApply = computed(() => {
      const s = state.family && state.family.supplement;
      return !!(s && (s.mayApply || s.appliedAt || s.session));
    });
    if (ok) {
      onMounted(async () => {
        await load();
        // while the session's run has not happened, the result follows without a reload
        timer = setInterval(() => waiting.value && document.visibilityState === 'visible' && load(), 10000);
        state.signing = await hasApi('GET', '/selection/families/{fid}/signing');
      });
    }
    onBeforeUnmount(() => clearInterval(timer));
    return { fid, state, problem, unit, waiting, mayApply, words, href, formatTime, sessionTime, STATUS_ICONS, unitName };
  },
  template: `
    <GsPage :title="$t('selection.result.title')" :back-to="'/m/selection/'">
      <GsProblem :problem="problem" />
      <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <section v-else-if="state.result" class="sel-result" data-testid="result" :data-status="state.result.status">
        <div class="sel-result-head" :class="'sel-result-' + (unit ? 'unit' : 'none')">
          <van-icon :name="STATUS_ICONS[state.result.status] || 'info-o'" class="sel-notice-icon" aria-hidden="true" />
          <h2 data-testid="result-status">{{ words('status', state.result.status) }}</h2>
          <p class="gs-muted">{{ words('statusText', state.result.status) }}</p>
        </div>
        <p v-if="waiting" class="sel-hint" role="status" data-testid="result-waiting"><van-loading size="1rem" /> {{ $t('selection.result.waiting') }}</p>
        <div v-if="unit" class="sel-result-unit" data-testid="result-unit" :data-unit="unit.code">
          <SelUnit :unit="{ ...unit, status: undefined }" />
          <dl class="sel-facts">
            <template v-if="state.result.allocation.mode"><dt>{{ $t('selection.result.mode') }}</dt><dd data-testid="result-mode">{{ words('mode', state.result.allocation.mode) }}</dd></template>
            <template v-if="state.result.allocation.allocatedAt"><dt>{{ $t('selection.result.at') }}</dt><dd>{{ formatTime(state.result.allocation.allocatedAt) }}</dd></template>
            <template v-if="state.result.session"><dt>{{ $t('selection.family.session') }}</dt><dd>{{ state.result.session.name }} · {{ sessionTime(state.result.session) }}</dd></template>
          </dl>
          <div class="gs-actions">
            <van-button v-if="state.signing" round block type="primary" icon="edit" :url="href('family/' + fid + '/signing')" data-testid="result-signing">{{ $t('selection.entry.goSign') }}</van-button>
            <p v-else class="gs-muted" role="note">{{ $t('selection.result.signingLater') }}</p>
          </div>
        </div>
        <div class="gs-actions">
          <van-button v-if="mayApply" round block plain icon="add-o" :url="href('family/' + fid + '/supplement')" data-testid="result-supplement">{{ $t('selection.entry.supplement') }}</van-button>
          <van-button v-if="state.result.runId" round block plain icon="bar-chart-o" :url="href('public/runs/' + state.result.runId)" data-testid="result-run">{{ $t('selection.result.run') }}</van-button>
        </div>
      </section>
    </GsPage>`,
};

/**
 * data-testid: `supplement` (`data-state`: may, applied, published, closed), `supplement-until`,
 * `supplement-apply`, `supplement-applied`, `supplement-session`.
 */
export const Supplement = {
  components: { GsPage, GsProblem },
  props: { params: Object },
  setup(props) {
    const ok = requireCitizen();
    const fid = props.params.fid;
    const problem = useProblem();
    const state = reactive({ loading: true, family: null, busy: false });
    const s = computed(() => (state.family && state.family.supplement) || {});
    const view = computed(() => (s.value.session ? 'published' : s.value.appliedAt ? 'applied' : s.value.mayApply ? 'may' : 'closed'));
    async function load() {
      try {
        state.family = await loadFamily(fid);
        if (!state.family) problem.message = t('selection.start.notYours');
      } catch (e) {
        problem.set(e);
      } finally {
        state.loading = false;
      }
    }
    async function apply() {
      try {
        await showConfirmDialog({
          title: t('selection.supplement.applyTitle'), message: t('selection.supplement.applyText'),
          confirmButtonText: t('selection.supplement.apply'), cancelButtonText: t('common.cancel'),
        });
      } catch (e) {
        return;
      }
      state.busy = true;
      problem.clear();
      try {
        await api.post(`selection/families/${encodeURIComponent(fid)}/supplement`, {});
        await load();
      } catch (e) {
        problem.set(e);
      } finally {
        state.busy = false;
      }
    }
    if (ok) onMounted(load);
    return { state, problem, s, view, apply, formatTime, sessionTime, href };
  },
  template: `
    <GsPage :title="$t('selection.entry.supplement')" :back-to="'/m/selection/'">
      <GsProblem :problem="problem" />
      <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <section v-else-if="state.family" class="sel-supplement" data-testid="supplement" :data-state="view">
        <article class="sel-rules">
          <h2>{{ $t('selection.supplement.whoTitle') }}</h2>
          <p>{{ $t('selection.supplement.who') }}</p>
          <p v-if="s.applyUntil" data-testid="supplement-until"><van-icon name="clock-o" aria-hidden="true" />
            {{ s.applyFrom ? $t('selection.supplement.between', { from: formatTime(s.applyFrom), until: formatTime(s.applyUntil) }) : $t('selection.supplement.until', { at: formatTime(s.applyUntil) }) }}</p>
          <p class="gs-muted">{{ $t('selection.supplement.published') }}</p>
        </article>
        <div v-if="view === 'may'" class="gs-actions">
          <van-button round block type="primary" icon="add-o" :loading="state.busy" @click="apply" data-testid="supplement-apply">{{ $t('selection.supplement.apply') }}</van-button>
        </div>
        <p v-if="s.appliedAt" class="sel-hint" role="status" data-testid="supplement-applied"><van-icon name="passed" aria-hidden="true" /> {{ $t('selection.supplement.applied', { at: formatTime(s.appliedAt) }) }}</p>
        <div v-if="s.session" class="sel-notice" data-testid="supplement-session">
          <h2>{{ $t('selection.supplement.sessionTitle') }}</h2>
          <p><strong>{{ s.session.name }}</strong></p>
          <p>{{ sessionTime(s.session) }}</p>
          <van-button round type="primary" :url="href('')">{{ $t('selection.start.title') }}</van-button>
        </div>
        <p v-if="view === 'closed'" class="sel-hint" role="status">{{ $t('selection.supplement.notYou') }}</p>
      </section>
    </GsPage>`,
};

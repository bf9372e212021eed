// 审计日志 (operators): the audit trail, newest first, filtered by dates, action and actor, paged
// from 1 (every read is itself recorded as audit.export), and the check of its hash chain.
import { reactive, computed, watch } from 'vue';
import { api, route, navigate, session, formatTime, useProblem, GsProblem } from 'guangsha';
import { GsConsolePage, GsOperatorsOnly, GsSelect, isOperator, setQuery, pageFrom, regions, loadRegions } from '../common.js';

const SIZES = [20, 50, 100, 200];
const ACTIONS = [
  'login.*', 'login.succeeded', 'login.failed', 'account.locked', 'staff.*', 'staff.created', 'case.decision',
  'verification.*', 'document.*', 'signing.completed', 'payment.*', 'config.*', 'audit.export',
];

export const Audit = {
  components: { GsProblem, GsConsolePage, GsOperatorsOnly, GsSelect },
  setup() {
    const problem = useProblem();
    const verifyProblem = useProblem();
    const state = reactive({ loading: false, items: [], total: 0, loadedOnce: false, verifying: false, verification: null });
    const filters = computed(() => ({
      from: route.query.from || '',
      to: route.query.to || '',
      action: route.query.action || '',
      actor: route.query.actor || '',
      page: pageFrom(route.query.page),
      size: SIZES.includes(Number(route.query.size)) ? Number(route.query.size) : 50,
    }));
    // what is typed, applied with 查询
    const draft = reactive({ from: '', to: '', action: '', actor: '' });
    watch(filters, (f) => Object.assign(draft, { from: f.from, to: f.to, action: f.action, actor: f.actor }), { immediate: true });

    async function load() {
      if (!isOperator()) return;
      problem.clear();
      state.loading = true;
      const f = filters.value;
      try {
        const r = await api.get('audit', { from: f.from, to: f.to, action: f.action, actor: f.actor, page: f.page, size: f.size });
        state.items = r.items || [];
        state.total = r.total || 0;
      } catch (e) {
        state.items = [];
        state.total = 0;
        problem.set(e);
      } finally {
        state.loading = false;
        state.loadedOnce = true;
      }
    }
    watch(() => JSON.stringify(filters.value), load, { immediate: true });

    const search = () => setQuery({ ...draft, action: draft.action.trim(), actor: draft.actor.trim(), page: undefined }, { push: true });
    const reset = () => navigate('/operator/audit', { replace: true });
    const goPage = (p) => setQuery({ page: p > 1 ? p : undefined }, { push: true });
    const setSize = (s) => setQuery({ size: Number(s) === 50 ? undefined : s, page: undefined });
    const pages = computed(() => Math.max(1, Math.ceil(state.total / filters.value.size)));

    async function verify() {
      verifyProblem.clear();
      state.verifying = true;
      state.verification = null;
      try {
        state.verification = await api.get('audit/verification');
      } catch (e) {
        verifyProblem.set(e);
      } finally {
        state.verifying = false;
      }
    }
    // staff user names beside their account ids (citizens stay ids: their names are personal data)
    const names = reactive({});
    async function loadNames() {
      if (!isOperator()) return;
      names[session.me.id] = session.me.name;
      try {
        await loadRegions();
        const lists = await Promise.all(regions.tree.map((r) => api.get('identity/staff', { region: r.code })));
        for (const list of lists) for (const s of list || []) names[s.id] = s.username;
      } catch (e) {
        // ids alone are still correct
      }
    }
    loadNames();
    const short = (hash) => (hash ? `${hash.substring(0, 10)}…` : '');
    return {
      state, problem, verifyProblem, names, filters, draft, pages, SIZES, ACTIONS, isOperator, search, reset, goPage, setSize, verify, short, formatTime,
    };
  },
  template: `
    <GsOperatorsOnly v-if="!isOperator()" />
    <GsConsolePage v-else :title="$t('ops.auditTitle')">
      <section class="gs-c-card gs-c-verify" aria-labelledby="a-verify">
        <div class="gs-c-card-head">
          <h2 id="a-verify">{{ $t('ops.verify') }}</h2>
          <van-button size="small" type="primary" icon="shield-o" @click="verify" :loading="state.verifying" :loading-text="$t('ops.verifying')" data-testid="audit-verify">{{ $t('ops.verify') }}</van-button>
        </div>
        <GsProblem :problem="verifyProblem" />
        <div v-if="state.verification" role="status" aria-live="polite" data-testid="audit-verify-result" :data-ok="state.verification.ok ? 'true' : 'false'">
          <p v-if="state.verification.ok" class="gs-c-status gs-c-status-approved gs-c-verify-line">
            <van-icon name="passed" aria-hidden="true" /> {{ $t('ops.chainOk', { rows: state.verification.rowsChecked }) }}</p>
          <p v-else class="gs-c-status gs-c-status-rejected gs-c-verify-line">
            <van-icon name="warning-o" aria-hidden="true" />
            {{ state.verification.firstBrokenSeq != null
              ? $t('ops.chainBroken', { seq: state.verification.firstBrokenSeq, reason: state.verification.reason || '' })
              : $t('ops.chainBrokenNoSeq', { reason: state.verification.reason || '' }) }}</p>
          <p v-if="state.verification.lastHash" class="gs-muted gs-c-small gs-c-break">{{ $t('ops.lastHash', { hash: state.verification.lastHash }) }}</p>
          <p class="gs-muted gs-c-small">{{ $t('ops.checkedAt', { time: formatTime(state.verification.checkedAt) }) }}</p>
        </div>
      </section>
      <form class="gs-c-filters" role="search" :aria-label="$t('queue.filters')" @submit.prevent="search">
        <label class="gs-c-field" for="a-from"><span class="gs-c-label">{{ $t('ops.from') }}</span>
          <input id="a-from" type="date" v-model="draft.from" data-testid="audit-from" /></label>
        <label class="gs-c-field" for="a-to"><span class="gs-c-label">{{ $t('ops.to') }}</span>
          <input id="a-to" type="date" v-model="draft.to" data-testid="audit-to" /></label>
        <label class="gs-c-field" for="a-action"><span class="gs-c-label">{{ $t('ops.action') }}</span>
          <input id="a-action" v-model="draft.action" list="a-actions" autocomplete="off" :title="$t('ops.actionHint')" aria-describedby="a-action-hint" data-testid="audit-action" />
          <datalist id="a-actions"><option v-for="a in ACTIONS" :key="a" :value="a"></option></datalist>
          <small id="a-action-hint" class="gs-muted gs-c-small">{{ $t('ops.actionHint') }}</small></label>
        <label class="gs-c-field" for="a-actor"><span class="gs-c-label">{{ $t('ops.actor') }}</span>
          <input id="a-actor" v-model="draft.actor" autocomplete="off" spellcheck="false" data-testid="audit-actor" /></label>
        <div class="gs-c-filter-buttons">
          <van-button size="small" type="primary" native-type="submit" data-testid="audit-search">{{ $t('queue.search') }}</van-button>
          <van-button size="small" native-type="button" @click="reset" data-testid="audit-reset">{{ $t('queue.reset') }}</van-button>
        </div>
      </form>
      <GsProblem :problem="problem" />
      <p class="gs-c-summary" role="status" aria-live="polite" data-testid="audit-total">
        <span v-if="state.loading && !state.loadedOnce">{{ $t('common.loading') }}</span>
        <span v-else>{{ $t('ops.auditTotal', { total: state.total }) }} · {{ $t('queue.pageOf', { page: filters.page, pages }) }}</span>
      </p>
      <div class="gs-c-table-wrap">
        <table class="gs-c-table gs-c-table-dense" data-testid="audit-table" :aria-busy="state.loading ? 'true' : 'false'">
          <caption class="gs-c-sr">{{ $t('ops.auditCaption') }}</caption>
          <thead><tr>
            <th scope="col">{{ $t('ops.seq') }}</th><th scope="col">{{ $t('ops.at') }}</th><th scope="col">{{ $t('ops.action') }}</th>
            <th scope="col">{{ $t('ops.actor') }}</th><th scope="col">{{ $t('ops.target') }}</th><th scope="col">{{ $t('ops.source') }}</th>
            <th scope="col">{{ $t('ops.detail') }}</th><th scope="col">{{ $t('ops.hash') }}</th>
          </tr></thead>
          <tbody>
            <tr v-for="e in state.items" :key="e.seq" data-testid="audit-row" :data-seq="e.seq" :data-action="e.action">
              <td>{{ e.seq }}</td>
              <td><time :datetime="e.at">{{ formatTime(e.at) }}</time></td>
              <td><code>{{ e.action }}</code></td>
              <td class="gs-c-break">{{ e.actorId || $t('ops.system') }}<div v-if="e.actorId && names[e.actorId]" class="gs-c-small"><strong>{{ names[e.actorId] }}</strong></div></td>
              <td class="gs-c-break">{{ e.target }}</td>
              <td>{{ e.sourceAddress }}</td>
              <td class="gs-c-break">{{ e.detail }}</td>
              <td><code :title="e.hash">{{ short(e.hash) }}</code></td>
            </tr>
            <tr v-if="!state.items.length && state.loadedOnce && !state.loading"><td colspan="8" class="gs-c-empty-cell">{{ $t('ops.noAudit') }}</td></tr>
          </tbody>
        </table>
      </div>
      <div class="gs-c-pager">
        <van-pagination v-if="state.total > filters.size" :model-value="filters.page" :total-items="state.total" :items-per-page="filters.size"
          :show-page-size="5" force-ellipses @change="goPage" :prev-text="$t('queue.prev')" :next-text="$t('queue.next')" data-testid="audit-pager" />
        <GsSelect id="a-size" :label="$t('queue.size')" :model-value="String(filters.size)"
          :options="SIZES.map(s => ({ value: String(s), label: String(s) }))" @update:model-value="setSize" testid="audit-size" />
      </div>
    </GsConsolePage>`,
};

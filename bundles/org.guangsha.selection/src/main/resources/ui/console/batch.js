// 批次详情 (staff): one batch (GET /api/selection/admin/batches/{bid}) with its sessions and how
// many families of each stand where, and its families page by page with masked names and ID
// numbers (GET …/families). Operators close a session now (its auto-assignment runs, S-6) and
// publish a supplementary session with the families that applied (S-9). Caseworkers read.
import { reactive, computed, watch, onMounted } from 'vue';
import { showConfirmDialog } from 'vant';
import { api, route, formatTime, maskIdNumber, t, useProblem, GsProblem } from 'guangsha';
import { GsConsolePage, GsSelect, isOperator, loadRegions, regionName, setQuery, pageFrom } from 'guangsha/console';
import {
  FAMILY_STATUSES, SelFamilyStatus, SelSessionState, sessionState, kindWord, windowWords, resultsPage, runAddress,
  instantOf, localInput, pageOf,
} from './shared.js';

const SIZE = 20;

/** How many families of a session stand at each status: `{WAITING: 3, …}` from what the server sends. */
function countsOf(s) {
  return (s && s.families && typeof s.families === 'object' && !Array.isArray(s.families) && s.families) || {};
}

/** The unit a family got, in words. */
function unitOf(f) {
  return f.unitCode || '';
}

export const BatchDetail = {
  components: { GsProblem, GsConsolePage, GsSelect, SelFamilyStatus, SelSessionState },
  props: { params: Object },
  setup(props) {
    const bid = computed(() => (props.params && props.params.bid) || '');
    const problem = useProblem();
    const familiesProblem = useProblem();
    const actionProblem = useProblem();
    const supplementProblem = useProblem();
    const state = reactive({
      loading: false, batch: null, sessions: [], counts: {}, unitsTaken: null, supplementPending: null, done: '', runId: '', closing: '',
    });
    const families = reactive({ loading: false, loaded: false, items: [], total: 0 });
    const supplement = reactive({ name: '', startsAt: '', endsAt: '', busy: false, done: '' });

    const filters = computed(() => ({
      session: route.query.session || '',
      status: FAMILY_STATUSES.includes(route.query.status) ? route.query.status : '',
      page: pageFrom(route.query.page),
    }));
    const pages = computed(() => Math.max(1, Math.ceil(families.total / SIZE)));

    async function loadBatch() {
      problem.clear();
      state.loading = true;
      try {
        const answer = await api.get(`selection/admin/batches/${encodeURIComponent(bid.value)}`);
        state.batch = answer.batch || answer;
        state.sessions = (Array.isArray(answer.sessions) ? answer.sessions : []).slice().sort((a, b) => a.seq - b.seq);
        state.counts = countsOf(answer);
        state.unitsTaken = answer.unitsTaken ?? null;
        state.supplementPending = answer.supplementPending ?? null;
      } catch (e) {
        if (!state.batch) state.sessions = [];
        problem.set(e);
      } finally {
        state.loading = false;
      }
    }

    async function loadFamilies() {
      familiesProblem.clear();
      families.loading = true;
      const f = filters.value;
      try {
        const answer = await api.get(`selection/admin/batches/${encodeURIComponent(bid.value)}/families`, {
          session: f.session, status: f.status, page: f.page, size: SIZE,
        });
        [families.items, families.total] = pageOf(answer);
      } catch (e) {
        families.items = [];
        families.total = 0;
        familiesProblem.set(e);
      } finally {
        families.loading = false;
        families.loaded = true;
      }
    }

    const reload = () => Promise.all([loadBatch(), loadFamilies()]);
    onMounted(() => {
      loadRegions();
      loadBatch();
      if (route.query.imported) state.done = t('selectionConsole.imported');
      const start = new Date(Date.now() + 24 * 3600 * 1000);
      start.setHours(9, 0, 0, 0);
      supplement.startsAt = localInput(start);
      supplement.endsAt = localInput(new Date(start.getTime() + 2 * 3600 * 1000));
    });
    watch(() => JSON.stringify(filters.value), loadFamilies, { immediate: true });

    const sessionOptions = computed(() =>
      state.sessions.map((s) => ({ value: s.id, label: `${s.seq}. ${s.name}（${kindWord(s.kind)}）` })));
    const statusOptions = computed(() => FAMILY_STATUSES.map((s) => ({ value: s, label: t(`selectionConsole.familyStatus.${s}`) })));
    const sessionName = (id, seq) => {
      const s = state.sessions.find((x) => x.id === id);
      return s ? `${s.seq}. ${s.name}` : seq ? String(seq) : '—';
    };
    const total = (s) => s.familyCount ?? Object.values(countsOf(s)).reduce((a, b) => a + Number(b || 0), 0);
    const change = (key) => (value) => setQuery({ [key]: value, page: undefined });
    const goPage = (p) => setQuery({ page: p > 1 ? p : undefined }, { push: true });

    async function closeNow(s) {
      state.done = '';
      state.runId = '';
      actionProblem.clear();
      try {
        await showConfirmDialog({
          title: t('selectionConsole.closeTitle', { name: s.name }),
          message: t(sessionState(s) === 'ending' ? 'selectionConsole.closeEnded' : 'selectionConsole.closeText', { name: s.name, n: countsOf(s).WAITING || 0 }),
          confirmButtonText: t('selectionConsole.closeConfirm'),
          cancelButtonText: t('selectionConsole.cancel'),
          className: 'gs-c-confirm',
        });
      } catch (e) {
        return;
      }
      state.closing = s.id;
      try {
        const run = await api.post(`selection/admin/sessions/${encodeURIComponent(s.id)}/close`, {});
        state.done = t('selectionConsole.closed', { name: s.name, assigned: (run && run.assigned) || 0, families: (run && run.families) || 0 });
        state.runId = (run && run.id) || '';
        await reload();
      } catch (e) {
        actionProblem.set(e);
        if (e.status === 409) loadBatch();
      } finally {
        state.closing = '';
      }
    }

    async function publish() {
      supplementProblem.clear();
      supplement.done = '';
      const startsAt = instantOf(supplement.startsAt);
      const endsAt = instantOf(supplement.endsAt);
      if (!supplement.name.trim()) supplementProblem.fieldError('name', t('selectionConsole.required'));
      if (!startsAt) supplementProblem.fieldError('startsAt', t('selectionConsole.required'));
      if (!endsAt) supplementProblem.fieldError('endsAt', t('selectionConsole.required'));
      if (supplementProblem.hasErrors) return;
      try {
        await showConfirmDialog({
          title: t('selectionConsole.publishTitle'),
          message: t('selectionConsole.publishText', { name: supplement.name.trim() }),
          confirmButtonText: t('selectionConsole.publishConfirm'),
          cancelButtonText: t('selectionConsole.cancel'),
          className: 'gs-c-confirm',
        });
      } catch (e) {
        return;
      }
      supplement.busy = true;
      try {
        const answer = await api.post(`selection/admin/batches/${encodeURIComponent(bid.value)}/supplementary-sessions`, {
          name: supplement.name.trim(), startsAt, endsAt,
        });
        const s = (answer && answer.session) || answer || {};
        await reload();
        const listed = state.sessions.find((x) => x.id === s.id);
        const n = Array.isArray(answer && answer.families) ? answer.families.length : listed ? total(listed) : 0;
        supplement.done = t('selectionConsole.published', { name: s.name || supplement.name.trim(), n });
        supplement.name = '';
      } catch (e) {
        supplementProblem.set(e);
      } finally {
        supplement.busy = false;
      }
    }

    return {
      bid, state, families, supplement, problem, familiesProblem, actionProblem, supplementProblem, filters, pages, SIZE,
      FAMILY_STATUSES, sessionOptions, statusOptions, isOperator, formatTime, regionName, windowWords, resultsPage, runAddress,
      kindWord, countsOf, total, unitOf, sessionName, maskIdNumber, change, goPage, reload, closeNow, publish,
    };
  },
  template: `
    <GsConsolePage :title="state.batch ? state.batch.name : $t('selectionConsole.batchTitle')" back="/m/selection/" :back-text="$t('selectionConsole.batchesTitle')">
      <template #actions>
        <van-button size="small" icon="replay" @click="reload" :loading="state.loading" data-testid="sel-batch-refresh">{{ $t('selectionConsole.refresh') }}</van-button>
      </template>
      <p v-if="!isOperator()" class="gs-c-note" role="note" data-testid="sel-read-only"><van-icon name="info-o" aria-hidden="true" /> {{ $t('selectionConsole.readOnly') }}</p>
      <GsProblem :problem="problem" />
      <p v-if="state.done" class="gs-c-done" role="status" data-testid="sel-batch-done"><van-icon name="passed" aria-hidden="true" /> {{ state.done }}
        <a v-if="state.runId" :href="runAddress(state.runId)" target="_blank" rel="noopener" data-testid="sel-run-link">{{ $t('selectionConsole.runLink') }}</a></p>
      <section v-if="state.batch" class="gs-c-card" aria-labelledby="sel-b-head" data-testid="sel-batch" :data-batch-id="state.batch.id" :data-batch-code="state.batch.code">
        <h2 id="sel-b-head" class="gs-c-sr">{{ $t('selectionConsole.batchDetails') }}</h2>
        <dl class="gs-c-dl selc-dl">
          <dt>{{ $t('selectionConsole.code') }}</dt><dd><code data-testid="sel-batch-code">{{ state.batch.code }}</code></dd>
          <dt>{{ $t('selectionConsole.region') }}</dt><dd>{{ regionName(state.batch.regionCode) }}</dd>
          <dt>{{ $t('selectionConsole.preselectStartsAt') }}</dt><dd><time :datetime="state.batch.preselectStartsAt">{{ formatTime(state.batch.preselectStartsAt) }}</time></dd>
          <dt>{{ $t('selectionConsole.cartSize') }}</dt><dd>{{ state.batch.cartSize }}</dd>
          <dt>{{ $t('selectionConsole.window') }}</dt><dd>{{ windowWords(state.batch.windowSeconds) }}</dd>
          <dt>{{ $t('selectionConsole.counts') }}</dt><dd data-testid="sel-batch-counts">{{ $t('selectionConsole.countsText', {
            units: state.batch.units ?? '—', sessions: state.sessions.length || state.batch.sessions, families: typeof state.batch.families === 'number' ? state.batch.families : families.total }) }}</dd>
          <template v-if="state.unitsTaken !== null">
            <dt>{{ $t('selectionConsole.unitsTaken') }}</dt><dd data-testid="sel-units-taken">{{ state.unitsTaken }} / {{ state.batch.units }}</dd>
          </template>
          <dt>{{ $t('selectionConsole.familiesByStatus') }}</dt>
          <dd><ul class="selc-status-counts gs-c-plain"><li v-for="st in FAMILY_STATUSES" :key="st"><SelFamilyStatus :status="st" /> {{ state.counts[st] || 0 }}</li></ul></dd>
          <dt>{{ $t('selectionConsole.links') }}</dt>
          <dd><a :href="resultsPage(state.batch)" target="_blank" rel="noopener" data-testid="sel-results-link">{{ $t('selectionConsole.publicResults') }}<span class="gs-c-sr"> {{ $t('selectionConsole.newWindow') }}</span></a></dd>
        </dl>
      </section>

      <section class="gs-c-card" aria-labelledby="sel-s-head">
        <h2 id="sel-s-head">{{ $t('selectionConsole.sessions') }}</h2>
        <GsProblem :problem="actionProblem" />
        <div class="gs-c-table-wrap">
          <table class="gs-c-table gs-c-table-dense" data-testid="sel-sessions">
            <caption class="gs-c-sr">{{ $t('selectionConsole.sessionsCaption') }}</caption>
            <thead><tr>
              <th scope="col">{{ $t('selectionConsole.seq') }}</th><th scope="col">{{ $t('selectionConsole.sessionName') }}</th>
              <th scope="col">{{ $t('selectionConsole.kindLabel') }}</th><th scope="col">{{ $t('selectionConsole.time') }}</th>
              <th scope="col">{{ $t('selectionConsole.state') }}</th>
              <th v-for="st in FAMILY_STATUSES" :key="st" scope="col" class="selc-count">{{ $t('selectionConsole.familyStatus.' + st) }}</th>
              <th scope="col" class="selc-count">{{ $t('selectionConsole.total') }}</th>
              <th scope="col">{{ $t('selectionConsole.actions') }}</th>
            </tr></thead>
            <tbody>
              <tr v-for="s in state.sessions" :key="s.id" data-testid="sel-session-row" :data-session-id="s.id" :data-seq="s.seq" :data-status="s.status">
                <td>{{ s.seq }}</td>
                <td>{{ s.name }}</td>
                <td class="gs-c-nowrap">{{ kindWord(s.kind) }}</td>
                <td class="gs-c-nowrap"><time :datetime="s.startsAt">{{ formatTime(s.startsAt) }}</time> – <time :datetime="s.endsAt">{{ formatTime(s.endsAt) }}</time></td>
                <td data-testid="sel-session-state"><SelSessionState :session="s" /></td>
                <td v-for="st in FAMILY_STATUSES" :key="st" class="selc-count" :data-testid="'sel-count-' + st">{{ countsOf(s)[st] || 0 }}</td>
                <td class="selc-count" data-testid="sel-count-total">{{ total(s) }}</td>
                <td class="gs-c-row-actions">
                  <van-button v-if="isOperator() && s.status !== 'CLOSED'" size="mini" type="danger" plain :loading="state.closing === s.id"
                    @click="closeNow(s)" data-testid="sel-session-close" :aria-label="$t('selectionConsole.closeNowNamed', { name: s.name })">{{ $t('selectionConsole.closeNow') }}</van-button>
                  <a v-if="s.runId" :href="runAddress(s.runId)" target="_blank" rel="noopener">{{ $t('selectionConsole.runLink') }}</a>
                  <span v-if="!isOperator() && !s.runId" class="gs-muted">—</span>
                </td>
              </tr>
              <tr v-if="!state.sessions.length && !state.loading"><td :colspan="7 + FAMILY_STATUSES.length" class="gs-c-empty-cell">{{ $t('selectionConsole.noSessions') }}</td></tr>
            </tbody>
          </table>
        </div>
      </section>

      <section class="gs-c-card" aria-labelledby="sel-f-head">
        <div class="gs-c-card-head">
          <h2 id="sel-f-head">{{ $t('selectionConsole.families') }}</h2>
          <div class="gs-c-filters gs-c-filters-inline" role="search" :aria-label="$t('selectionConsole.familyFilters')">
            <GsSelect id="sel-f-session" :label="$t('selectionConsole.session')" :all="$t('selectionConsole.all')" :model-value="filters.session"
              :options="sessionOptions" @update:model-value="change('session')($event)" testid="sel-filter-session" />
            <GsSelect id="sel-f-status" :label="$t('selectionConsole.status')" :all="$t('selectionConsole.all')" :model-value="filters.status"
              :options="statusOptions" @update:model-value="change('status')($event)" testid="sel-filter-status" />
          </div>
        </div>
        <GsProblem :problem="familiesProblem" />
        <p class="gs-c-summary" role="status" aria-live="polite" data-testid="sel-families-total">
          <span v-if="!families.loaded">{{ $t('selectionConsole.loading') }}</span>
          <span v-else>{{ $t('selectionConsole.familiesTotal', { total: families.total, page: filters.page, pages }) }}</span>
        </p>
        <div class="gs-c-table-wrap">
          <table class="gs-c-table gs-c-table-dense" data-testid="sel-families" :aria-busy="families.loading ? 'true' : 'false'">
            <caption class="gs-c-sr">{{ $t('selectionConsole.familiesCaption') }}</caption>
            <thead><tr>
              <th scope="col">{{ $t('selectionConsole.rank') }}</th><th scope="col">{{ $t('selectionConsole.applicant') }}</th>
              <th scope="col">{{ $t('selectionConsole.idNumber') }}</th><th scope="col">{{ $t('selectionConsole.household') }}</th>
              <th scope="col">{{ $t('selectionConsole.session') }}</th><th scope="col">{{ $t('selectionConsole.status') }}</th>
              <th scope="col">{{ $t('selectionConsole.unit') }}</th><th scope="col">{{ $t('selectionConsole.supplement') }}</th>
            </tr></thead>
            <tbody>
              <tr v-for="f in families.items" :key="f.id || f.familyId || f.rank" data-testid="sel-family-row" :data-rank="f.rank" :data-status="f.status">
                <td>{{ f.rank }}</td>
                <td>{{ f.applicantName }}</td>
                <td class="gs-c-nowrap"><code>{{ maskIdNumber(f.idNumber) }}</code></td>
                <td>{{ f.householdSize }}</td>
                <td class="gs-c-nowrap">{{ sessionName(f.sessionId, f.sessionSeq) }}</td>
                <td><SelFamilyStatus :status="f.status" /></td>
                <td>{{ unitOf(f) || '—' }}</td>
                <td class="gs-c-nowrap">
                  <span v-if="f.supplementAppliedAt">{{ $t('selectionConsole.appliedAt') }} <time :datetime="f.supplementAppliedAt">{{ formatTime(f.supplementAppliedAt) }}</time></span>
                  <span v-else class="gs-muted">—</span>
                  <div v-if="f.supplementSessionId" class="gs-c-small">{{ $t('selectionConsole.inSession', { name: sessionName(f.supplementSessionId) }) }}</div>
                </td>
              </tr>
              <tr v-if="!families.items.length && families.loaded && !families.loading"><td colspan="8" class="gs-c-empty-cell">{{ $t('selectionConsole.noFamilies') }}</td></tr>
            </tbody>
          </table>
        </div>
        <div class="gs-c-pager">
          <van-pagination v-if="families.total > SIZE" :model-value="filters.page" :total-items="families.total" :items-per-page="SIZE"
            :show-page-size="5" force-ellipses @change="goPage" :prev-text="$t('selectionConsole.prev')" :next-text="$t('selectionConsole.next')" data-testid="sel-families-pager" />
        </div>
      </section>

      <section v-if="isOperator()" class="gs-c-card" aria-labelledby="sel-sup-head">
        <h2 id="sel-sup-head">{{ $t('selectionConsole.supplementTitle') }}</h2>
        <p class="gs-c-hint">{{ $t('selectionConsole.supplementIntro') }}</p>
        <p v-if="state.supplementPending !== null" id="sel-sup-pending" class="gs-c-note" role="status" data-testid="sel-supplement-pending" :data-pending="state.supplementPending">
          <van-icon name="friends-o" aria-hidden="true" />
          {{ state.supplementPending === 0 ? $t('selectionConsole.noneApplied') : $t('selectionConsole.supplementPending', { n: state.supplementPending }) }}</p>
        <p v-if="supplement.done" class="gs-c-done" role="status" data-testid="sel-supplement-done"><van-icon name="passed" aria-hidden="true" /> {{ supplement.done }}</p>
        <GsProblem :problem="supplementProblem" :placed="['name', 'startsAt', 'endsAt']" />
        <form class="selc-grid" @submit.prevent="publish" novalidate data-testid="sel-supplement-form">
          <label class="gs-c-field" for="sel-sup-name"><span class="gs-c-label">{{ $t('selectionConsole.sessionName') }} <span class="gs-c-required">*</span></span>
            <input id="sel-sup-name" v-model="supplement.name" maxlength="100" autocomplete="off" :placeholder="$t('selectionConsole.supplementPlaceholder')"
              data-testid="sel-supplement-name" :aria-invalid="supplementProblem.field('name') ? 'true' : 'false'" />
            <span v-if="supplementProblem.field('name')" class="gs-c-error" role="alert">{{ supplementProblem.field('name') }}</span></label>
          <label class="gs-c-field" for="sel-sup-start"><span class="gs-c-label">{{ $t('selectionConsole.startsAt') }} <span class="gs-c-required">*</span></span>
            <input id="sel-sup-start" type="datetime-local" v-model="supplement.startsAt" data-testid="sel-supplement-start"
              :aria-invalid="supplementProblem.field('startsAt') ? 'true' : 'false'" />
            <span v-if="supplementProblem.field('startsAt')" class="gs-c-error" role="alert">{{ supplementProblem.field('startsAt') }}</span></label>
          <label class="gs-c-field" for="sel-sup-end"><span class="gs-c-label">{{ $t('selectionConsole.endsAt') }} <span class="gs-c-required">*</span></span>
            <input id="sel-sup-end" type="datetime-local" v-model="supplement.endsAt" data-testid="sel-supplement-end"
              :aria-invalid="supplementProblem.field('endsAt') ? 'true' : 'false'" />
            <span v-if="supplementProblem.field('endsAt')" class="gs-c-error" role="alert">{{ supplementProblem.field('endsAt') }}</span></label>
          <div class="selc-submit">
            <van-button type="primary" native-type="submit" :loading="supplement.busy" icon="add-o" :disabled="state.supplementPending === 0"
              aria-describedby="sel-sup-pending" data-testid="sel-supplement-submit">{{ $t('selectionConsole.publish') }}</van-button>
          </div>
        </form>
      </section>
    </GsConsolePage>`,
};

// 我的申请: my cases, and one case with its timeline and live progress (long polling), submit
// and the two-step withdrawal.
import { reactive, computed, onMounted, onBeforeUnmount } from 'vue';
import { showToast } from 'vant';
import {
  api, route, local, t, prefs, formatTime, confirmTwice, useProblem, GsProblem, GsPage, GsTimeline,
} from 'guangsha';
import { requireLogin } from '../words.js';

const STATUS_ICON = {
  DRAFT: 'edit', SUBMITTED: 'clock-o', UNDER_REVIEW: 'underway-o', RETURNED: 'warning-o',
  APPROVED: 'passed', REJECTED: 'close', WITHDRAWN: 'revoke',
};

/** Words for a case's state: the server's, else ours. */
export function caseStatusText(c) {
  return local(c.statusText) || t(`cases.status.${c.status}`);
}

export const Cases = {
  components: { GsProblem, GsPage },
  setup() {
    const ok = requireLogin();
    const state = reactive({ loading: true, items: [] });
    const problem = useProblem();
    async function load() {
      problem.clear();
      state.loading = true;
      try {
        state.items = await api.get('cases');
      } catch (e) {
        problem.set(e);
      } finally {
        state.loading = false;
      }
    }
    if (ok) onMounted(load);
    return { state, problem, load, local, formatTime, caseStatusText, STATUS_ICON };
  },
  template: `
    <GsPage :title="$t('me.cases')" back-to="/me">
      <GsProblem :problem="problem" />
      <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <div v-else-if="!state.items.length" class="gs-empty" data-testid="cases-empty">
        <van-icon name="todo-list-o" class="gs-empty-icon" aria-hidden="true" />
        <p>{{ $t('cases.empty') }}</p>
        <a href="#/">{{ $t('cases.goServices') }}</a>
      </div>
      <ul v-else class="gs-card-list" data-testid="cases-list">
        <li v-for="c in state.items" :key="c.id" class="gs-card" :data-case="c.id">
          <a :href="'#/me/cases/' + encodeURIComponent(c.id)" class="gs-card-link" data-testid="case-item">
            <div class="gs-card-head">
              <strong>{{ local(c.typeName) }}</strong>
              <span class="gs-status" :class="'gs-status-' + c.status"><van-icon :name="STATUS_ICON[c.status] || 'info-o'" aria-hidden="true" /> {{ caseStatusText(c) }}</span>
            </div>
            <div class="gs-card-meta gs-muted">
              <span>{{ $t('cases.number') }}：{{ c.number }}</span>
              <span v-if="c.regionName">{{ local(c.regionName) }}</span>
              <span>{{ c.submittedAt ? $t('cases.submittedAt', { at: formatTime(c.submittedAt) }) : $t('cases.createdAt', { at: formatTime(c.createdAt) }) }}</span>
            </div>
          </a>
        </li>
      </ul>
    </GsPage>`,
};

export const CaseDetail = {
  components: { GsProblem, GsPage, GsTimeline },
  setup() {
    const ok = requireLogin();
    const id = route.params.id;
    const state = reactive({ loading: true, item: null, busy: false, live: 'off', changed: false });
    const problem = useProblem();
    let controller = null;
    let alive = true;

    const timeline = computed(() => (state.item && state.item.timeline) || []);
    /** The remarks of the latest return for correction, field by field. */
    const returned = computed(() => {
      if (!state.item || state.item.status !== 'RETURNED') return null;
      const events = (state.item.timeline || []).filter((e) => e.type === 'returned' || e.status === 'RETURNED');
      const last = events[events.length - 1];
      return last ? { remark: last.remark, fields: last.fieldRemarks || {}, at: last.at } : null;
    });
    const editable = computed(() => state.item && ['DRAFT', 'RETURNED'].includes(state.item.status));
    const withdrawable = computed(() => state.item && !['WITHDRAWN', 'REJECTED'].includes(state.item.status));

    async function load() {
      try {
        state.item = await api.get(`cases/${encodeURIComponent(id)}`);
      } catch (e) {
        problem.set(e);
      } finally {
        state.loading = false;
      }
    }
    /** Long polling while the page is open: each answer carries the version to wait beyond. */
    async function follow() {
      while (alive && state.item) {
        controller = new AbortController();
        state.live = 'on';
        try {
          const c = await api.get(`cases/${encodeURIComponent(id)}/progress`, { since: state.item.version, wait: 25 }, { signal: controller.signal });
          if (!alive) return;
          if (c && c.version > state.item.version) {
            const before = state.item;
            state.item = c;
            // a version can change without anything the applicant sees (e.g. a withdrawal asked)
            if (c.status !== before.status || (c.timeline || []).length !== (before.timeline || []).length) {
              state.changed = true;
              showToast({ message: t('cases.updated'), position: 'top' });
            }
          }
        } catch (e) {
          if (!alive || e.name === 'AbortError') return;
          state.live = 'retrying';
          await new Promise((r) => setTimeout(r, 5000));
        }
      }
    }
    async function submit() {
      problem.clear();
      state.busy = true;
      try {
        state.item = await api.post(`cases/${encodeURIComponent(id)}/submit`);
        showToast({ message: t('cases.submitted'), type: 'success' });
      } catch (e) {
        problem.set(e);
      } finally {
        state.busy = false;
      }
    }
    async function withdraw() {
      problem.clear();
      state.busy = true;
      try {
        const notice = await api.post(`cases/${encodeURIComponent(id)}/withdraw`);
        const consequences = local(notice.consequences);
        const sure = await confirmTwice({
          title: t('cases.withdrawTitle'),
          message: `${consequences}\n\n${t('cases.withdrawWarn')}`,
          word: t('cases.withdrawWord'),
        });
        if (!sure) return;
        state.item = await api.post(`cases/${encodeURIComponent(id)}/withdraw/confirm`, { confirmationToken: notice.confirmationToken });
        showToast(t('cases.withdrawn'));
      } catch (e) {
        problem.set(e);
      } finally {
        state.busy = false;
      }
    }
    if (ok) {
      onMounted(async () => {
        await load();
        follow();
      });
    }
    onBeforeUnmount(() => {
      alive = false;
      if (controller) controller.abort();
    });
    return {
      state, problem, timeline, returned, editable, withdrawable, submit, withdraw, local, formatTime, caseStatusText, STATUS_ICON, prefs,
    };
  },
  template: `
    <GsPage :title="$t('cases.detail')" back-to="/me/cases">
      <GsProblem :problem="problem" />
      <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <template v-else-if="state.item">
        <section class="gs-case-head" data-testid="case-detail">
          <h2>{{ local(state.item.typeName) }}</h2>
          <p class="gs-case-status" :class="'gs-status-' + state.item.status" aria-live="polite">
            <van-icon :name="STATUS_ICON[state.item.status] || 'info-o'" aria-hidden="true" />
            <span data-testid="case-status" :data-status="state.item.status">{{ caseStatusText(state.item) }}</span>
          </p>
          <p v-if="state.item.levelName && ['SUBMITTED', 'UNDER_REVIEW'].includes(state.item.status)" class="gs-muted" data-testid="case-level">
            {{ $t('cases.level', { level: local(state.item.levelName) }) }}</p>
          <p class="gs-live gs-muted" data-testid="case-live" :data-live="state.live">
            <van-icon :name="state.live === 'on' ? 'replay' : 'warning-o'" aria-hidden="true" />
            {{ state.live === 'on' ? $t('cases.liveOn') : state.live === 'retrying' ? $t('cases.liveRetry') : '' }}
          </p>
        </section>
        <van-cell-group inset>
          <van-cell :title="$t('cases.number')" :value="state.item.number" />
          <van-cell v-if="state.item.regionName" :title="$t('cases.region')" :value="local(state.item.regionName)" />
          <van-cell :title="$t('cases.created')" :value="formatTime(state.item.createdAt)" />
          <van-cell v-if="state.item.submittedAt" :title="$t('cases.submittedTitle')" :value="formatTime(state.item.submittedAt)" />
          <van-cell v-if="state.item.closedAt" :title="$t('cases.closed')" :value="formatTime(state.item.closedAt)" />
        </van-cell-group>

        <section v-if="returned" class="gs-returned" role="note" data-testid="case-returned">
          <h3><van-icon name="warning-o" aria-hidden="true" /> {{ $t('cases.returnedTitle') }}</h3>
          <p v-if="returned.remark" class="gs-pre">{{ returned.remark }}</p>
          <dl v-if="Object.keys(returned.fields).length" class="gs-field-remarks" data-testid="case-field-remarks">
            <template v-for="(m, f) in returned.fields" :key="f"><dt>{{ f }}</dt><dd>{{ m }}</dd></template>
          </dl>
        </section>

        <div class="gs-actions" v-if="editable || withdrawable">
          <van-button v-if="editable" round block type="primary" :loading="state.busy" @click="submit" data-testid="case-submit">
            {{ state.item.status === 'RETURNED' ? $t('cases.resubmit') : $t('cases.submit') }}</van-button>
          <van-button v-if="withdrawable" round block plain type="danger" :disabled="state.busy" @click="withdraw" data-testid="case-withdraw">
            {{ $t('cases.withdraw') }}</van-button>
        </div>

        <h3 class="gs-section-title">{{ $t('cases.progress') }}</h3>
        <div class="gs-timeline-box" data-testid="case-timeline"><GsTimeline :events="timeline" /></div>
      </template>
    </GsPage>`,
};

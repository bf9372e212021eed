// 我的申请 (JX-9, JX-10): the citizen's applications, each with its live progress (the core's case,
// followed by long polling), a draft resumed where it was left, and 放弃申请 through the core's
// two-step withdrawal, confirmed twice after saying that the data of the applicant and the
// co-applicants cannot be restored and that rights from the application are void. Also the page
// of the form (applications/:id/form).
import { reactive, computed, onMounted, onBeforeUnmount, defineComponent } from 'vue';
import { showToast } from 'vant';
import { api, t, local, formatTime, confirmTwice, eventText, useProblem, GsProblem, GsPage, GsTimeline, followCase } from 'guangsha';
import { go, href, requireLogin, requireVerified, nextPageOf, words, STATUS_ICONS } from './common.js';
import { ApplicationForm, STEPS } from './form/form.js';
import { pathOf } from './form/shared.js';

const FOLLOWED = ['SUBMITTED', 'UNDER_REVIEW', 'RETURNED'];
const WITHDRAWABLE = (s) => !['WITHDRAWN', 'REJECTED'].includes(s);

/** 放弃申请: the core's notice, both confirmations, then the withdrawal. True when withdrawn. */
async function withdraw(id, problem) {
  problem.clear();
  try {
    const notice = await api.post(`cases/${encodeURIComponent(id)}/withdraw`);
    const consequences = local(notice.consequences);
    const sure = await confirmTwice({
      title: t('jiangxi.withdraw.title'),
      message: `${t('jiangxi.withdraw.warn')}${consequences ? `\n\n${consequences}` : ''}`,
      word: t('jiangxi.withdraw.word'),
    });
    if (!sure) return false;
    await api.post(`cases/${encodeURIComponent(id)}/withdraw/confirm`, { confirmationToken: notice.confirmationToken });
    showToast(t('jiangxi.withdraw.done'));
    return true;
  } catch (e) {
    problem.set(e);
    return false;
  }
}

/** One application in 我的申请: state, level, the latest event, its actions; follows the case. */
const JxApplicationCard = defineComponent({
  name: 'JxApplicationCard',
  props: { application: { type: Object, required: true } },
  emits: ['changed'],
  setup(props, { emit }) {
    const problem = useProblem();
    const state = reactive({ item: props.application, case: null, live: 'off', busy: false, open: false });
    let stop = null;
    function follow() {
      if (stop) stop();
      stop = state.item.status !== 'DRAFT'
        ? followCase(state.item.id, (c, live) => {
            state.live = live;
            if (!c) return;
            const before = state.case;
            state.case = c;
            if (c.status && c.status !== state.item.status) {
              state.item = { ...state.item, status: c.status, level: c.level };
              if (before) showToast({ message: t('jiangxi.mine.updated'), position: 'top' });
            }
          }, !FOLLOWED.includes(state.item.status))
        : null;
    }
    onMounted(follow);
    onBeforeUnmount(() => stop && stop());
    const last = computed(() => {
      const tl = (state.case && state.case.timeline) || [];
      return tl.length ? tl[tl.length - 1] : null;
    });
    const stepsDone = computed(() => STEPS.filter((k) => state.item.steps && state.item.steps[k]).length);
    async function giveUp() {
      state.busy = true;
      const done = await withdraw(state.item.id, problem);
      state.busy = false;
      if (done) emit('changed');
    }
    return { state, problem, last, stepsDone, giveUp, eventText, go, href, nextPageOf, words, local, formatTime, STATUS_ICONS, WITHDRAWABLE, STEPS };
  },
  template: `
    <li class="jx-app" data-testid="application" :data-application="state.item.id" :data-status="state.item.status">
      <header class="jx-app-head">
        <h2 class="jx-app-title">{{ $t('jiangxi.start.title') }}</h2>
        <span class="jx-status" :class="'jx-status-' + state.item.status" data-testid="application-status" :data-status="state.item.status">
          <van-icon :name="STATUS_ICONS[state.item.status] || 'info-o'" aria-hidden="true" /> {{ words('status', state.item.status) }}</span>
      </header>
      <dl class="jx-facts">
        <template v-if="state.item.number"><dt>{{ $t('jiangxi.app.number') }}</dt><dd>{{ state.item.number }}</dd></template>
        <dt>{{ $t('jiangxi.app.region') }}</dt><dd>{{ local(state.item.regionName) }}</dd>
        <template v-if="state.item.applicationType"><dt>{{ $t('jiangxi.type.applicationType') }}</dt><dd>{{ words('applicationType', state.item.applicationType) }}<template v-if="state.item.categoryName"> · {{ local(state.item.categoryName) }}</template></dd></template>
        <template v-if="state.case && state.case.levelName && ['SUBMITTED', 'UNDER_REVIEW'].includes(state.item.status)"><dt>{{ $t('jiangxi.app.level') }}</dt><dd data-testid="application-level">{{ local(state.case.levelName) }}</dd></template>
        <template v-if="state.item.status === 'DRAFT'"><dt>{{ $t('jiangxi.app.progress') }}</dt><dd>{{ $t('jiangxi.app.stepsDone', { n: stepsDone, total: STEPS.length }) }}</dd></template>
        <template v-if="state.item.submittedAt"><dt>{{ $t('jiangxi.app.submittedAt') }}</dt><dd>{{ formatTime(state.item.submittedAt) }}</dd></template>
        <template v-else><dt>{{ $t('jiangxi.app.updatedAt') }}</dt><dd>{{ formatTime(state.item.updatedAt || state.item.createdAt) }}</dd></template>
      </dl>
      <p v-if="last" class="jx-app-last gs-muted" data-testid="application-last">
        <van-icon name="underway-o" aria-hidden="true" /> {{ $t('jiangxi.app.latest') }}：<span data-testid="application-last-event">{{ eventText(last) }}</span> · {{ formatTime(last.at) }}</p>
      <p v-if="state.live === 'on'" class="jx-live gs-muted jx-small" data-testid="application-live"><van-icon name="replay" aria-hidden="true" /> {{ $t('jiangxi.mine.live') }}</p>
      <GsProblem :problem="problem" />
      <div class="jx-app-actions">
        <van-button v-if="state.item.status === 'DRAFT'" size="small" type="primary" icon="edit" :url="href(nextPageOf(state.item))" data-testid="application-resume">
          {{ $t('jiangxi.mine.resume') }}</van-button>
        <van-button size="small" plain type="primary" icon="underway-o" :url="href('applications/' + state.item.id)" data-testid="application-open">
          {{ $t('jiangxi.mine.progress') }}</van-button>
        <van-button v-if="WITHDRAWABLE(state.item.status)" size="small" plain type="danger" icon="revoke" :loading="state.busy" @click="giveUp"
          data-testid="application-withdraw">{{ $t('jiangxi.withdraw.button') }}</van-button>
      </div>
    </li>`,
});

export const MyApplications = {
  components: { GsPage, GsProblem, JxApplicationCard },
  props: { params: Object },
  setup() {
    const ok = requireLogin();
    const problem = useProblem();
    const state = reactive({ loading: true, items: [], stamp: 0 });
    async function load() {
      try {
        state.items = (await api.get('jiangxi/applications')) || [];
        state.stamp++;
        problem.clear();
      } catch (e) {
        problem.set(e);
      } finally {
        state.loading = false;
      }
    }
    if (ok) onMounted(load);
    return { state, problem, load, href };
  },
  template: `
    <GsPage :title="$t('jiangxi.mine.title')" :back-to="'/m/jiangxi/'">
      <GsProblem :problem="problem" />
      <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <div v-else-if="!state.items.length && !problem.message" class="gs-empty" data-testid="applications-empty">
        <van-icon name="todo-list-o" class="gs-empty-icon" aria-hidden="true" />
        <p>{{ $t('jiangxi.mine.empty') }}</p>
        <van-button round type="primary" :url="href('')">{{ $t('jiangxi.start.now') }}</van-button>
      </div>
      <ul v-else class="jx-apps" data-testid="applications">
        <JxApplicationCard v-for="a in state.items" :key="a.id + '/' + state.stamp" :application="a" @changed="load" />
      </ul>
    </GsPage>`,
};

/** One application: facts, the case's timeline followed live, the form as filed, actions. */
export const ApplicationDetail = {
  components: { GsPage, GsProblem, GsTimeline },
  props: { params: Object },
  setup(props) {
    const ok = requireLogin();
    const id = props.params && props.params.id;
    const problem = useProblem();
    const state = reactive({ loading: true, item: null, case: null, live: 'off', busy: false, fields: [], showFields: false });
    let stop = null;
    async function load() {
      try {
        state.item = await api.get(pathOf(id));
        if (state.item.status !== 'DRAFT') {
          if (stop) stop();
          const closed = !FOLLOWED.includes(state.item.status);
          stop = followCase(id, (c, live) => {
            state.live = live;
            if (!c) return;
            const before = state.case;
            state.case = c;
            if (c.status !== state.item.status) {
              state.item = { ...state.item, status: c.status, level: c.level };
              if (before) showToast({ message: t('jiangxi.mine.updated'), position: 'top' });
            }
          }, closed);
        }
      } catch (e) {
        problem.set(e);
      } finally {
        state.loading = false;
      }
    }
    async function toggleFields() {
      state.showFields = !state.showFields;
      if (state.showFields && !state.fields.length) {
        try {
          const view = await api.get(`jiangxi/cases/${encodeURIComponent(id)}`);
          state.fields = (view && view.fields) || [];
        } catch (e) {
          problem.set(e);
        }
      }
    }
    async function giveUp() {
      state.busy = true;
      const done = await withdraw(id, problem);
      state.busy = false;
      if (done) {
        // the line keeps nothing of a withdrawn application but the case's shell (JX-10)
        if (stop) stop();
        go('applications', { replace: true });
      }
    }
    if (ok) onMounted(load);
    onBeforeUnmount(() => stop && stop());
    const timeline = computed(() => (state.case && state.case.timeline) || []);
    const value = (v) => (v === null || v === undefined ? '' : typeof v === 'object' ? local(v) : String(v));
    return { state, problem, timeline, toggleFields, giveUp, value, href, nextPageOf, words, local, formatTime, STATUS_ICONS, WITHDRAWABLE };
  },
  template: `
    <GsPage :title="$t('jiangxi.app.detail')" :back-to="'/m/jiangxi/applications'">
      <GsProblem :problem="problem" />
      <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <template v-else-if="state.item">
        <section class="jx-app-status" data-testid="application-detail" :data-status="state.item.status">
          <h2>{{ $t('jiangxi.start.title') }}</h2>
          <p class="jx-status jx-status-big" :class="'jx-status-' + state.item.status" aria-live="polite">
            <van-icon :name="STATUS_ICONS[state.item.status] || 'info-o'" aria-hidden="true" />
            <span data-testid="detail-status" :data-status="state.item.status">{{ words('status', state.item.status) }}</span></p>
          <p v-if="state.case && state.case.levelName && ['SUBMITTED', 'UNDER_REVIEW'].includes(state.item.status)" class="gs-muted" data-testid="detail-level">
            {{ $t('jiangxi.app.atLevel', { level: local(state.case.levelName) }) }}</p>
          <p v-if="state.live !== 'off'" class="jx-live gs-muted jx-small" data-testid="detail-live" :data-live="state.live">
            <van-icon :name="state.live === 'on' ? 'replay' : 'warning-o'" aria-hidden="true" />
            {{ state.live === 'on' ? $t('jiangxi.mine.live') : $t('jiangxi.mine.liveRetry') }}</p>
        </section>
        <van-cell-group inset>
          <van-cell v-if="state.item.number" :title="$t('jiangxi.app.number')" :value="state.item.number" />
          <van-cell :title="$t('jiangxi.app.region')" :value="local(state.item.regionName)" />
          <van-cell :title="$t('jiangxi.app.channel')" :value="words('channel', state.item.channel)" />
          <van-cell v-if="state.item.applicationType" :title="$t('jiangxi.type.applicationType')" :value="words('applicationType', state.item.applicationType)" />
          <van-cell v-if="state.item.categoryName" :title="$t('jiangxi.type.category')" :value="local(state.item.categoryName)" />
          <van-cell v-if="state.item.filedBy" :title="$t('jiangxi.app.filedBy')" :value="state.item.filedBy" />
          <van-cell :title="$t('jiangxi.app.createdAt')" :value="formatTime(state.item.createdAt)" />
          <van-cell v-if="state.item.submittedAt" :title="$t('jiangxi.app.submittedAt')" :value="formatTime(state.item.submittedAt)" />
        </van-cell-group>
        <div class="gs-actions">
          <van-button v-if="state.item.status === 'DRAFT'" round block type="primary" icon="edit" :url="href(nextPageOf(state.item))" data-testid="detail-resume">
            {{ $t('jiangxi.mine.resume') }}</van-button>
          <van-button v-if="WITHDRAWABLE(state.item.status)" round block plain type="danger" icon="revoke" :loading="state.busy" @click="giveUp" data-testid="detail-withdraw">
            {{ $t('jiangxi.withdraw.button') }}</van-button>
        </div>
        <p v-if="WITHDRAWABLE(state.item.status)" class="gs-muted jx-small jx-pad">{{ $t('jiangxi.withdraw.warn') }}</p>
        <template v-if="state.item.status !== 'DRAFT'">
          <h3 class="gs-section-title">{{ $t('jiangxi.app.timeline') }}</h3>
          <div class="gs-timeline-box jx-pad" data-testid="detail-timeline"><GsTimeline :events="timeline" /></div>
          <div class="jx-pad">
            <van-button size="small" plain :icon="state.showFields ? 'arrow-up' : 'arrow-down'" @click="toggleFields" data-testid="detail-fields-toggle">
              {{ state.showFields ? $t('jiangxi.app.hideForm') : $t('jiangxi.app.showForm') }}</van-button>
          </div>
          <van-cell-group v-if="state.showFields" inset data-testid="detail-fields">
            <van-cell v-for="f in state.fields" :key="f.name" :title="local(f.label)" :value="value(f.value)" />
          </van-cell-group>
        </template>
      </template>
    </GsPage>`,
};

/** The form page: the face check comes first (JX-3); after submission, the application's page. */
export const FormPage = {
  components: { GsPage, ApplicationForm },
  props: { params: Object },
  setup(props) {
    const ok = requireVerified();
    const id = props.params && props.params.id;
    function loaded(a) {
      if (a.status === 'DRAFT' && !a.faceVerifiedAt) go(`applications/${id}/face`, { replace: true });
      else if (a.editable === false && a.status !== 'DRAFT' && a.status !== 'RETURNED') go(`applications/${id}`, { replace: true });
    }
    function submitted() {
      showToast({ message: t('jiangxi.submit.done'), type: 'success' });
      go(`applications/${id}`, { replace: true });
    }
    return { ok, id, loaded, submitted };
  },
  template: `
    <GsPage :title="$t('jiangxi.form.title')" :back-to="'/m/jiangxi/applications'">
      <ApplicationForm v-if="ok" :application-id="id" @loaded="loaded" @submitted="submitted" />
    </GsPage>`,
};

// 案件详情: the case record, its form, its files, its timeline; taking it and deciding on it.
// Decisions name the version the caseworker saw: when someone else decided first the server says
// 409 and the page explains it and offers to reload.
import { reactive, computed, watch } from 'vue';
import { showConfirmDialog } from 'vant';
import {
  api, route, session, prefs, local, t, formatTime, useProblem, GsProblem, GsTimeline, GsAttachmentViewer,
} from 'guangsha';
import { GsStatus, GsConsolePage, loadRegions, regionName } from '../common.js';
import { caseForm, fieldValue } from '../forms.js';

const OPEN = ['SUBMITTED', 'UNDER_REVIEW'];
const KIND_WORDS = {
  'zh-CN': {
    'id-card-front': '身份证人像面', 'id-card-back': '身份证国徽面', 'id-card-licence': '电子身份证',
    'household-register-licence': '电子户口簿', 'bank-card': '银行卡', certificate: '证明材料', 'signed-letter': '签字承诺书',
    signature: '手写签名', other: '其他材料',
  },
  en: {
    'id-card-front': 'ID card (photo side)', 'id-card-back': 'ID card (emblem side)', 'id-card-licence': 'Electronic ID card',
    'household-register-licence': 'Electronic household register', 'bank-card': 'Bank card', certificate: 'Certificate',
    'signed-letter': 'Signed letter', signature: 'Handwritten signature', other: 'Other',
  },
};

export const CaseDetail = {
  components: { GsProblem, GsTimeline, GsAttachmentViewer, GsStatus, GsConsolePage },
  setup() {
    const problem = useProblem();
    const actionProblem = useProblem();
    const state = reactive({
      loading: true, notFound: false, record: null, attachments: [],
      form: null, formReason: '', formSandbox: false,
      busy: false, conflict: false, done: '',
    });
    const decision = reactive({ choice: '', reason: '', picked: {}, remarks: {}, errors: {} });

    async function load() {
      problem.clear();
      state.loading = true;
      state.notFound = false;
      try {
        const r = await api.get(`review/cases/${encodeURIComponent(route.params.id)}`);
        state.record = r.record;
        state.attachments = r.attachments || [];
        loadForm(r.record);
      } catch (e) {
        if (e.status === 404) state.notFound = true;
        else problem.set(e);
      } finally {
        state.loading = false;
      }
    }

    async function loadForm(record) {
      try {
        const f = await caseForm(record);
        state.form = f.fields;
        state.formReason = f.reason || '';
        state.formSandbox = !!f.sandbox;
      } catch (e) {
        state.form = null;
        state.formReason = 'erased';
      }
    }

    watch(() => route.params.id, (id) => id && load(), { immediate: true });
    watch(() => decision.choice, () => {
      decision.errors = {};
    });
    loadRegions();

    const record = computed(() => state.record);
    const isOpen = computed(() => !!record.value && OPEN.includes(record.value.status));
    // remarks per field named by the form's labels, as the applicant's form calls them
    const events = computed(() => {
      const labels = Object.fromEntries((state.form || []).map((f) => [f.name, local(f.label) || f.name]));
      return ((record.value && record.value.timeline) || []).map((e) => (e.fieldRemarks
        ? { ...e, fieldRemarks: Object.fromEntries(Object.entries(e.fieldRemarks).map(([k, v]) => [labels[k] || k, v])) }
        : e));
    });

    /** Who took the case at its current level, from the timeline (the view has no assignee). */
    const claimedBy = computed(() => {
      const r = record.value;
      if (!r || !isOpen.value) return null;
      const list = r.timeline || [];
      for (let i = list.length - 1; i >= 0; i--) {
        const e = list[i];
        if (e.type === 'claimed' && e.level === r.level) return e.actor || '';
        if (e.type === 'claimed') continue;
        // a submission or an approval moved the case to this level: nobody took it since
        if (['submitted', 'approved', 'returned', 'resubmitted'].includes(e.type)) return null;
      }
      return null;
    });
    const claimedByMe = computed(() => {
      const actor = claimedBy.value;
      const me = session.me && session.me.name;
      return !!actor && !!me && (actor === me || actor.startsWith(`${me}（`));
    });

    const fields = computed(() => state.form || []);
    const fieldLabel = (f) => local(f.label) || f.name;
    const kindName = (kind) => {
      const words = KIND_WORDS[prefs.locale] || KIND_WORDS['zh-CN'];
      return words[kind] || kind;
    };

    function explain(e) {
      state.conflict = false;
      if (e.status === 409 && e.slug === 'case-changed') {
        state.conflict = true;
        actionProblem.clear();
        actionProblem.message = t('case.conflict');
        return;
      }
      actionProblem.set(e);
      if (e.status === 409 && e.slug === 'case-assigned') actionProblem.message = t('case.assigned');
      if (e.status === 403 && e.slug === 'not-your-level') actionProblem.message = t('case.notYourLevel');
    }

    async function claim() {
      actionProblem.clear();
      state.done = '';
      state.busy = true;
      try {
        const r = await api.post(`review/cases/${encodeURIComponent(record.value.id)}/claim`, { version: record.value.version });
        state.record = r;
        state.done = t('case.claimedOk');
      } catch (e) {
        explain(e);
      } finally {
        state.busy = false;
      }
    }

    function check() {
      const errors = {};
      if (!decision.choice) errors.decision = t('case.chooseDecision');
      if ((decision.choice === 'REJECT' || decision.choice === 'RETURN') && !decision.reason.trim()) {
        errors.reason = t('case.reasonRequired');
      }
      if (decision.choice === 'RETURN') {
        for (const [name, on] of Object.entries(decision.picked)) {
          if (on && !(decision.remarks[name] || '').trim()) errors[`remark.${name}`] = t('case.remarkRequired');
        }
      }
      decision.errors = errors;
      return Object.keys(errors).length === 0;
    }

    async function decide() {
      actionProblem.clear();
      state.done = '';
      state.conflict = false;
      if (!check()) return;
      const words = t(`case.${decision.choice}`);
      try {
        await showConfirmDialog({
          title: t('case.confirmTitle'),
          message: t('case.confirmMessage', { number: record.value.number, decision: words }),
          confirmButtonText: t('common.confirm'),
          cancelButtonText: t('common.cancel'),
          className: 'gs-c-confirm',
        });
      } catch (e) {
        return; // cancelled
      }
      const remarks = {};
      if (decision.choice === 'RETURN') {
        for (const [name, on] of Object.entries(decision.picked)) if (on) remarks[name] = decision.remarks[name].trim();
      }
      state.busy = true;
      try {
        const r = await api.post(`review/cases/${encodeURIComponent(record.value.id)}/decisions`, {
          decision: decision.choice,
          reason: decision.reason.trim() || null,
          remarks,
          version: record.value.version,
        });
        state.record = r;
        state.done = t('case.decided', { decision: words });
        Object.assign(decision, { choice: '', reason: '', picked: {}, remarks: {}, errors: {} });
      } catch (e) {
        explain(e);
        if (e.status === 400) {
          decision.errors = { ...decision.errors, reason: actionProblem.field('reason'), decision: actionProblem.field('decision') };
        }
      } finally {
        state.busy = false;
      }
    }

    async function reload() {
      state.conflict = false;
      actionProblem.clear();
      state.done = '';
      await load();
    }

    const info = computed(() => {
      const r = record.value;
      if (!r) return [];
      return [
        ['case.number', r.number],
        ['case.type', local(r.typeName) || r.typeId],
        ['case.applicant', r.applicantName],
        ['case.region', local(r.regionName) || regionName(r.regionCode)],
        ['case.channel', t(`channel.${r.channel}`)],
        ['case.level', r.level ? t('case.levelValue', { n: r.level, name: local(r.levelName) }) : t('console.none')],
        ['case.createdAt', formatTime(r.createdAt)],
        ['case.submittedAt', formatTime(r.submittedAt) || t('console.none')],
        ['case.closedAt', formatTime(r.closedAt) || t('console.none')],
        ['case.version', String(r.version)],
      ];
    });

    return {
      state, problem, actionProblem, decision, record, isOpen, events, claimedBy, claimedByMe, fields, fieldLabel,
      kindName, info, claim, decide, reload, local, fieldValue: (v) => fieldValue(v, t),
    };
  },
  template: `
    <GsConsolePage :title="record ? $t('case.title') + ' ' + record.number : $t('case.title')" back="/queue" :back-text="$t('console.backToQueue')">
      <template #actions>
        <van-button size="small" icon="replay" @click="reload" :loading="state.loading" data-testid="case-refresh">{{ $t('common.refresh') }}</van-button>
      </template>
      <p v-if="state.loading && !record" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <div v-else-if="state.notFound" class="gs-empty" role="alert" data-testid="case-not-found">{{ $t('case.notFound') }}</div>
      <GsProblem :problem="problem" />
      <div v-if="record" class="gs-c-case">
        <div class="gs-c-case-main">
          <section class="gs-c-card" aria-labelledby="c-record">
            <div class="gs-c-card-head">
              <h2 id="c-record">{{ $t('case.record') }}</h2>
              <span class="gs-c-big-status" data-testid="case-status" :data-status="record.status" role="status" aria-live="polite">
                <GsStatus :status="record.status" :text="record.statusText" />
              </span>
            </div>
            <dl class="gs-c-dl">
              <template v-for="[k, v] in info" :key="k"><dt>{{ $t(k) }}</dt><dd>{{ v }}</dd></template>
            </dl>
          </section>
          <section class="gs-c-card" aria-labelledby="c-form">
            <div class="gs-c-card-head">
              <h2 id="c-form">{{ $t('case.form') }}</h2>
              <span v-if="state.formSandbox" class="gs-c-sandbox-tag">{{ $t('case.sandboxForm') }}</span>
            </div>
            <dl v-if="fields.length" class="gs-c-dl" data-testid="case-form">
              <template v-for="f in fields" :key="f.name"><dt>{{ fieldLabel(f) }}</dt><dd :data-field="f.name">{{ fieldValue(f.value) }}</dd></template>
            </dl>
            <p v-else class="gs-muted" data-testid="case-form-unavailable">{{ state.formReason === 'erased' ? $t('case.formErased') : $t('case.formUnavailable') }}</p>
          </section>
          <section class="gs-c-card" aria-labelledby="c-files">
            <h2 id="c-files">{{ $t('case.attachments') }}</h2>
            <GsAttachmentViewer :attachments="state.attachments" :kind-name="kindName" />
          </section>
        </div>
        <aside class="gs-c-case-side">
          <section class="gs-c-card gs-c-actions" aria-labelledby="c-actions" data-testid="case-actions">
            <h2 id="c-actions">{{ $t('case.actions') }}</h2>
            <p v-if="state.done" class="gs-c-done" role="status" data-testid="decision-result"><van-icon name="passed" aria-hidden="true" /> {{ state.done }}</p>
            <div v-if="actionProblem.message" class="gs-problem" role="alert" data-testid="decision-problem">
              <van-icon name="warning-o" aria-hidden="true" /> {{ actionProblem.message }}
              <div v-if="state.conflict" class="gs-c-conflict-actions">
                <van-button size="small" type="primary" @click="reload" data-testid="reload-case">{{ $t('case.reload') }}</van-button>
              </div>
            </div>
            <template v-if="isOpen">
              <div class="gs-c-claim">
                <p v-if="claimedByMe" data-testid="claim-state"><van-icon name="user-circle-o" aria-hidden="true" /> {{ $t('case.claimedMine') }}</p>
                <p v-else-if="claimedBy !== null" data-testid="claim-state"><van-icon name="user-circle-o" aria-hidden="true" /> {{ $t('case.claimedBy', { actor: claimedBy }) }}</p>
                <template v-else>
                  <p class="gs-muted" data-testid="claim-state">{{ $t('case.notClaimed') }}</p>
                  <van-button type="primary" plain block :loading="state.busy" @click="claim" data-testid="claim-button">{{ $t('case.claim') }}</van-button>
                </template>
              </div>
              <form class="gs-c-decision" @submit.prevent="decide" novalidate>
                <fieldset class="gs-c-fieldset">
                  <legend>{{ $t('case.decision') }}</legend>
                  <van-radio-group v-model="decision.choice" role="radiogroup" :aria-label="$t('case.decision')" data-testid="decision-choice">
                    <van-radio name="APPROVE" data-testid="decision-approve">{{ $t('case.APPROVE') }}<small class="gs-c-hint">{{ $t('case.approveHint') }}</small></van-radio>
                    <van-radio name="REJECT" data-testid="decision-reject">{{ $t('case.REJECT') }}<small class="gs-c-hint">{{ $t('case.rejectHint') }}</small></van-radio>
                    <van-radio name="RETURN" data-testid="decision-return">{{ $t('case.RETURN') }}<small class="gs-c-hint">{{ $t('case.returnHint') }}</small></van-radio>
                  </van-radio-group>
                  <p v-if="decision.errors.decision" class="gs-c-error" role="alert">{{ decision.errors.decision }}</p>
                </fieldset>
                <label class="gs-c-field gs-c-block" for="c-reason">
                  <span class="gs-c-label">{{ $t('case.reason') }}<span v-if="decision.choice === 'REJECT' || decision.choice === 'RETURN'" class="gs-c-required"> *（{{ $t('common.required') }}）</span></span>
                  <textarea id="c-reason" v-model="decision.reason" rows="4" maxlength="1000" :placeholder="$t('case.reasonPlaceholder')"
                    :aria-invalid="decision.errors.reason ? 'true' : 'false'" aria-describedby="c-reason-error" data-testid="decision-reason"></textarea>
                  <span id="c-reason-error" v-if="decision.errors.reason" class="gs-c-error" role="alert">{{ decision.errors.reason }}</span>
                </label>
                <fieldset v-if="decision.choice === 'RETURN'" class="gs-c-fieldset" data-testid="decision-remarks">
                  <legend>{{ $t('case.remarks') }}</legend>
                  <p class="gs-muted">{{ fields.length ? $t('case.remarksHint') : $t('case.noFields') }}</p>
                  <div v-for="f in fields" :key="f.name" class="gs-c-remark">
                    <label class="gs-c-check"><input type="checkbox" v-model="decision.picked[f.name]" :data-testid="'remark-pick-' + f.name" /> {{ fieldLabel(f) }}</label>
                    <label v-if="decision.picked[f.name]" class="gs-c-field gs-c-block" :for="'c-remark-' + f.name">
                      <span class="gs-c-label">{{ $t('case.remarkFor', { field: fieldLabel(f) }) }}</span>
                      <textarea :id="'c-remark-' + f.name" v-model="decision.remarks[f.name]" rows="2" maxlength="500" :data-testid="'remark-' + f.name"></textarea>
                      <span v-if="decision.errors['remark.' + f.name]" class="gs-c-error" role="alert">{{ decision.errors['remark.' + f.name] }}</span>
                    </label>
                  </div>
                </fieldset>
                <van-button type="primary" block native-type="submit" :loading="state.busy" data-testid="decision-submit">{{ $t('case.submit') }}</van-button>
              </form>
            </template>
            <p v-else class="gs-muted" data-testid="case-closed">{{ ['APPROVED', 'REJECTED', 'WITHDRAWN'].includes(record.status) ? $t('case.closed') : record.status === 'RETURNED' ? $t('case.returnedWaiting') : $t('case.notOpen') }}</p>
          </section>
          <section class="gs-c-card" aria-labelledby="c-timeline">
            <h2 id="c-timeline">{{ $t('case.timeline') }}</h2>
            <GsTimeline :events="events" levels />
          </section>
        </aside>
      </div>
    </GsConsolePage>`,
};

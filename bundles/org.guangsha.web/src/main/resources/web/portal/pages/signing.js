// 签约: the signing ceremony the server drives (GET /api/signing/{id} says the step): confirm the
// details, read the commitment letter (countdown), type it, face check on the phone (GsFaceCheck,
// the session consumed by the step), read the contract (countdown), sign by hand; then the signed
// contract.
import { reactive, computed, watch, onMounted, onBeforeUnmount } from 'vue';
import { showToast } from 'vant';
import {
  api, ApiError, route, local, t, formatTime, maskIdNumber, maskMobile, useProblem, GsProblem, GsPage,
  GsCountdownReader, GsFaceCheck, GsSignaturePad,
} from 'guangsha';
import { requireLogin, safeNext, isPhone, blobUrl, openFile, downloadFile } from '../words.js';
import { documentFileName } from './documents.js';

/** The contract's values in reading order (the lease contract's first; a line's own keys after). */
const FIELD_ORDER = [
  'contractNumber', 'projectName', 'dwellingAddress', 'building', 'unit', 'room', 'floorArea', 'monthlyRent', 'deposit',
  'termFrom', 'termTo', 'paymentDay', 'wechatPayment', 'coResidents', 'tenantName', 'tenantIdNumber', 'tenantPhone',
  'lessorName', 'lessorIdNumber', 'lessorPhone', 'cityName', 'signedAt',
];
const rank = (k) => (FIELD_ORDER.includes(k) ? FIELD_ORDER.indexOf(k) : FIELD_ORDER.length);

const ORDER = ['CONFIRM_DETAILS', 'READ_COMMITMENT', 'TYPE_COMMITMENT', 'FACE_CHECK', 'READ_CONTRACT', 'SIGN', 'DONE'];

/** A value as the page may show it: ID numbers and mobiles masked. */
function shown(key, value) {
  const v = value === null || value === undefined ? '' : String(value);
  if (/idnumber$/i.test(key) && /^\d{17}[\dXx]$/.test(v)) return maskIdNumber(v);
  if (/(phone|mobile)$/i.test(key) && /^1\d{10}$/.test(v)) return maskMobile(v);
  return v;
}

export const Signing = {
  components: { GsProblem, GsPage, GsCountdownReader, GsFaceCheck, GsSignaturePad },
  setup() {
    const ok = requireLogin();
    const id = route.params.id;
    const path = `signing/${encodeURIComponent(id)}`;
    const state = reactive({
      loading: true, flow: null, busy: false, typed: '', signature: null,
      contractUrl: '', contractFailed: false, document: null, phone: isPhone(),
    });
    const problem = useProblem();
    // the page that started the ceremony (a line's own page, e.g. the renewal's) to go back to
    const next = safeNext(route.query.next, '');

    const index = computed(() => (state.flow ? ORDER.indexOf(state.flow.step) : 0));
    const expired = computed(() => state.flow && state.flow.step !== 'DONE' && state.flow.expiresAt && new Date(state.flow.expiresAt) < new Date());
    const values = computed(() => {
      const v = (state.flow && state.flow.values) || {};
      return Object.keys(v)
        .filter((k) => v[k] !== null && v[k] !== '')
        .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
        .map((k) => {
          const key = `signing.fields.${k}`;
          const label = t(key);
          return { key: k, label: label === key ? k : label, value: shown(k, v[k]) };
        });
    });

    async function load() {
      try {
        state.flow = await api.get(path);
      } catch (e) {
        problem.set(e);
      } finally {
        state.loading = false;
      }
    }
    /** One step; a step out of order means the page is behind the server: read it again. */
    async function step(action, body) {
      problem.clear();
      state.busy = true;
      try {
        state.flow = await api.post(`${path}/${action}`, body || {});
        return true;
      } catch (e) {
        problem.set(e);
        if (e instanceof ApiError && e.status === 409 && e.slug === 'signing-step-out-of-order') {
          const kept = problem.message;
          await load();
          problem.message = kept;
        }
        return false;
      } finally {
        state.busy = false;
      }
    }
    const readCommitment = () => api.post(`${path}/commitment/read`);
    const readContract = () => api.post(`${path}/contract/read`);
    function advanced(flow) {
      if (flow) state.flow = flow;
    }

    /** The passed face session is the step's; false (the problem shown above) lets GsFaceCheck offer a retry. */
    const faceStep = (sessionId) => step('face', { sessionId });

    async function loadContract() {
      state.contractFailed = false;
      if (state.contractUrl) URL.revokeObjectURL(state.contractUrl);
      state.contractUrl = '';
      try {
        state.contractUrl = await blobUrl(`${path}/contract`);
      } catch (e) {
        state.contractFailed = true;
        problem.set(e);
      }
    }
    function openContract() {
      if (state.contractUrl) window.open(state.contractUrl, '_blank');
    }

    async function sign() {
      if (!state.signature) {
        problem.set(new ApiError(400, { title: t('signature.empty', {}, { locale: 'zh-CN' }), titleEn: t('signature.empty', {}, { locale: 'en' }), status: 400, errors: [] }));
        return;
      }
      await step('signature', { image: state.signature });
    }
    async function loadDocument() {
      if (!state.flow || !state.flow.documentId) return;
      try {
        state.document = await api.get(`documents/${encodeURIComponent(state.flow.documentId)}`);
      } catch (e) {
        state.document = null;
      }
    }
    async function viewDocument() {
      try {
        await openFile(`documents/${encodeURIComponent(state.flow.documentId)}/pdf`);
      } catch (e) {
        problem.set(e);
      }
    }
    async function downloadDocument() {
      try {
        const name = state.document ? documentFileName(state.document) : `${t('signing.contract')}.pdf`;
        await downloadFile(`documents/${encodeURIComponent(state.flow.documentId)}/pdf?download=true`, name);
      } catch (e) {
        problem.set(e);
      }
    }

    watch(
      () => state.flow && state.flow.step,
      (s, before) => {
        if (!s || s === before) return;
        if (s === 'READ_CONTRACT') loadContract();
        if (s === 'DONE') {
          loadDocument();
          if (before) showToast({ message: t('signing.doneToast'), type: 'success' });
        }
        if (s === 'TYPE_COMMITMENT') state.typed = '';
      },
    );
    if (ok) onMounted(load);
    onBeforeUnmount(() => {
      if (state.contractUrl) URL.revokeObjectURL(state.contractUrl);
    });
    return {
      state, problem, next, index, expired, values, ORDER, step, readCommitment, readContract, advanced, faceStep, openContract,
      loadContract, sign, viewDocument, downloadDocument, local, formatTime,
    };
  },
  template: `
    <GsPage :title="$t('signing.title')" :back-to="next || '/me'" class="gs-signing">
      <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <GsProblem v-if="!state.flow" :problem="problem" />
      <template v-if="state.flow">
        <div v-if="state.flow.module === 'sandbox'" class="gs-sandbox-ribbon" role="note">{{ $t('signing.sandbox') }}</div>
        <section class="gs-signing-head">
          <h2>{{ local(state.flow.documentType) || $t('signing.contract') }}</h2>
          <van-steps :active="index" class="gs-signing-steps" aria-hidden="true">
            <van-step v-for="s in ORDER.slice(0, 6)" :key="s">{{ $t('signing.short.' + s) }}</van-step>
          </van-steps>
          <p class="gs-signing-position" data-testid="signing-step" :data-step="state.flow.step" aria-live="polite">
            <template v-if="state.flow.step !== 'DONE'">
              <span class="gs-steps-count">{{ $t('steps.position', { n: index + 1, total: 6 }) }}</span> {{ $t('signing.steps.' + state.flow.step) }}
            </template>
            <template v-else><van-icon name="checked" aria-hidden="true" /> {{ $t('signing.steps.DONE') }}</template>
          </p>
          <p v-if="state.flow.expiresAt && state.flow.step !== 'DONE'" class="gs-muted gs-signing-expiry">{{ $t('signing.expiresAt', { at: formatTime(state.flow.expiresAt) }) }}</p>
        </section>
        <GsProblem :problem="problem" />
        <p v-if="expired" class="gs-problem" role="alert" data-testid="signing-expired">{{ $t('signing.expired') }}</p>

        <section v-else-if="state.flow.step === 'CONFIRM_DETAILS'" class="gs-signing-step" data-testid="signing-confirm-step">
          <p>{{ $t('signing.confirmIntro') }}</p>
          <dl class="gs-facts gs-facts-wide" data-testid="signing-values">
            <template v-for="v in values" :key="v.key"><dt>{{ v.label }}</dt><dd>{{ v.value }}</dd></template>
          </dl>
          <div class="gs-actions">
            <van-button round block type="primary" :loading="state.busy" @click="step('confirm')" data-testid="signing-confirm">{{ $t('signing.confirm') }}</van-button>
          </div>
          <p class="gs-form-note gs-muted">{{ $t('signing.confirmWrong') }}</p>
        </section>

        <section v-else-if="state.flow.step === 'READ_COMMITMENT'" class="gs-signing-step" data-testid="signing-commitment-step">
          <GsCountdownReader :title="$t('signing.commitmentTitle')" :text="state.flow.commitmentText" :seconds-left="state.flow.secondsLeft"
            :done="readCommitment" :done-text="$t('signing.commitmentRead')" @done="advanced" />
        </section>

        <section v-else-if="state.flow.step === 'TYPE_COMMITMENT'" class="gs-signing-step" data-testid="signing-type-step">
          <p>{{ $t('signing.typeIntro') }}</p>
          <blockquote class="gs-quote" data-testid="signing-commitment-reference">{{ state.flow.commitmentText }}</blockquote>
          <van-cell-group inset>
            <van-field v-model="state.typed" type="textarea" autosize :rows="5" name="text" :label="$t('signing.typeLabel')" label-align="top"
              :placeholder="$t('signing.typePlaceholder')" :error-message="problem.field('text')" data-testid="signing-commitment-text"
              show-word-limit :maxlength="(state.flow.commitmentText || '').length + 200" />
          </van-cell-group>
          <div class="gs-actions">
            <van-button round block type="primary" :loading="state.busy" :disabled="!state.typed.trim()" @click="step('commitment/text', { text: state.typed })"
              data-testid="signing-commitment-submit">{{ $t('common.next') }}</van-button>
          </div>
        </section>

        <section v-else-if="state.flow.step === 'FACE_CHECK'" class="gs-signing-step" data-testid="signing-face-step">
          <GsFaceCheck :purpose="state.flow.facePurpose" :intro="$t('signing.faceIntro')" :consume="faceStep" />
        </section>

        <section v-else-if="state.flow.step === 'READ_CONTRACT'" class="gs-signing-step" data-testid="signing-contract-step">
          <GsCountdownReader :title="$t('signing.contractTitle')" :seconds-left="state.flow.secondsLeft" :done="readContract"
            :done-text="$t('signing.contractRead')" @done="advanced">
            <div class="gs-pdf-box">
              <iframe v-if="state.contractUrl && !state.phone" :src="state.contractUrl" :title="$t('signing.contractFrame')" class="gs-pdf-frame" data-testid="signing-contract-frame"></iframe>
              <p v-else-if="state.contractUrl" class="gs-muted">{{ $t('signing.contractPhone') }}</p>
              <p v-else-if="state.contractFailed" class="gs-muted">{{ $t('signing.contractFailed') }}</p>
              <p v-else-if="!state.contractUrl" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
              <van-button v-if="state.contractUrl" :size="state.phone ? 'normal' : 'small'" :block="state.phone" round plain type="primary" icon="enlarge" @click="openContract" data-testid="signing-contract-open">{{ $t('signing.contractOpen') }}</van-button>
              <van-button v-if="state.contractFailed" size="small" icon="replay" @click="loadContract">{{ $t('common.retry') }}</van-button>
            </div>
          </GsCountdownReader>
        </section>

        <section v-else-if="state.flow.step === 'SIGN'" class="gs-signing-step" data-testid="signing-sign-step">
          <p>{{ $t('signing.signIntro') }}</p>
          <GsSignaturePad v-model="state.signature" />
          <div class="gs-actions">
            <van-button round block type="primary" :loading="state.busy" :disabled="!state.signature" @click="sign" data-testid="signing-sign">{{ $t('signing.sign') }}</van-button>
          </div>
        </section>

        <section v-else-if="state.flow.step === 'DONE'" class="gs-signing-step gs-signing-done" data-testid="signing-done">
          <van-icon name="checked" class="gs-done-icon" aria-hidden="true" />
          <h3>{{ $t('signing.doneTitle') }}</h3>
          <p>{{ $t('signing.doneText') }}</p>
          <p v-if="state.document" class="gs-muted" data-testid="signing-document-number">{{ $t('documents.number') }}：{{ state.document.number }}</p>
          <div class="gs-actions">
            <van-button round block type="primary" icon="eye-o" @click="viewDocument" data-testid="signing-document-view">{{ $t('signing.viewSigned') }}</van-button>
            <van-button round block plain type="primary" icon="down" @click="downloadDocument" data-testid="signing-document-download">{{ $t('common.download') }}</van-button>
            <van-button round block plain url="#/me/documents" data-testid="signing-documents">{{ $t('me.documents') }}</van-button>
            <van-button v-if="next" round block plain type="primary" icon="arrow-left" :url="'#' + next" data-testid="signing-next">{{ $t('signing.backToService') }}</van-button>
          </div>
        </section>
      </template>
    </GsPage>`,
};

// The certificate services of the Shenzhen line (seed 000 sections 9-11): 政策性住房信息查询 (SZ-6: apply,
// once a calendar month; no purchase → printable at once, a purchase → after review), 安居房产权份额打印
// (SZ-7: apply when no share information exists; the certificate is valid one month) and 授权委托书打印
// (SZ-8: apply when there is none; print the POA and the 深圳市不动产登记申请表, valid three months).
// Each page shows the guide's 操作说明, the way to apply, the status, and 查看 / 打印 / 下载 of the
// core's PDFs. main.js mounts `recordRoutes`; the words are `recordsMessages` (records-messages.js).
import { reactive, onMounted, defineComponent } from 'vue';
import { showToast } from 'vant';
import { api, t, local, formatTime, navigate, session, hasTrustLevel, route, addMessages, useProblem, GsProblem, GsPage, fileAction } from 'guangsha';
import { recordsMessages } from './records-messages.js';

addMessages(recordsMessages);

const DISTRICTS = ['440303', '440304', '440305', '440306', '440307', '440308', '440309', '440310', '440311'];

/** Signed in and verified (L2): else to the login or verification page and back here. */
function verified() {
  if (!session.me) {
    navigate('/login', { query: { next: route.path }, replace: true });
    return false;
  }
  if (!hasTrustLevel('L2')) {
    navigate('/verify-prompt', { query: { level: 'L2', next: route.path }, replace: true });
    return false;
  }
  return true;
}

/** One issued certificate: number, dates with validity (P-2), and 查看 / 打印 / 下载. */
const SzDocument = defineComponent({
  name: 'SzDocument',
  props: { doc: { type: Object, required: true } },
  setup() {
    async function open(doc, mode) {
      try { await fileAction(mode, doc.pdf.replace(/^\/api\//, ''), `${local(doc.name)}-${doc.number}.pdf`); } catch (e) { showToast(e.message || String(e)); }
    }
    return { open, local };
  },
  template: `
    <div class="sz-doc" data-testid="document" :data-type="doc.typeId" :data-status="doc.status">
      <p class="sz-doc-name"><van-icon name="description" aria-hidden="true" /> <strong>{{ local(doc.name) }}</strong>
        <van-tag :type="doc.status === 'VALID' ? 'success' : 'danger'" data-testid="document-status">{{ $t('shenzhen.records.docStatus.' + doc.status) }}</van-tag></p>
      <van-cell-group inset>
        <van-cell :title="$t('shenzhen.records.number')" :value="doc.number" />
        <van-cell :title="$t('shenzhen.records.issuedOn')" :value="doc.issuedOn" />
        <van-cell :title="$t('shenzhen.records.validUntil')" :value="doc.validUntil || $t('shenzhen.records.longTerm')" data-testid="document-valid-until" />
      </van-cell-group>
      <div class="sz-actions">
        <van-button size="small" plain type="primary" icon="eye-o" @click="open(doc, 'view')">{{ $t('shenzhen.records.view') }}</van-button>
        <van-button size="small" type="primary" icon="printer" @click="open(doc, 'print')" data-testid="document-print">{{ $t('shenzhen.records.print') }}</van-button>
        <van-button size="small" plain type="primary" icon="down" @click="open(doc, 'download')" data-testid="document-download">{{ $t('shenzhen.records.download') }}</van-button>
        <van-button size="small" plain icon="orders-o" url="#/me/documents">{{ $t('shenzhen.records.myDocuments') }}</van-button>
      </div>
    </div>`,
});

const GUIDE = `<van-notice-bar wrapable :scrollable="false" left-icon="info-o" data-testid="guide"><strong>{{ $t('shenzhen.records.guide') }}：</strong>{{ local(state.data.guide) }}</van-notice-bar>`;

/** SZ-6 政策性住房信息查询. */
const RecordsPage = defineComponent({
  name: 'SzRecordsPage',
  components: { GsPage, GsProblem, SzDocument },
  setup() {
    const problem = useProblem();
    const state = reactive({ data: null, purpose: '', busy: false });
    async function load() {
      try { state.data = await api.get('shenzhen/rental/records'); } catch (e) { problem.set(e); }
    }
    async function apply() {
      problem.clear();
      state.busy = true;
      try {
        await api.post('shenzhen/rental/records', { purpose: state.purpose || null, channel: window.innerWidth < 768 ? 'MOBILE' : 'PC' });
        showToast(t('shenzhen.records.applied'));
        state.purpose = '';
        await load();
      } catch (e) {
        problem.set(e);
        await load();
      } finally {
        state.busy = false;
      }
    }
    onMounted(() => verified() && load());
    return { state, problem, apply, local, formatTime };
  },
  template: `
    <GsPage :title="$t('shenzhen.records.record.title')" backTo="/m/shenzhen-rental/">
      <div v-if="state.data" class="sz-records" data-testid="records-page">
        ${GUIDE}
        <van-cell-group inset v-if="state.data.canApply">
          <van-field v-model="state.purpose" :label="$t('shenzhen.records.record.purpose')" :placeholder="$t('shenzhen.records.record.purposeHint')" maxlength="50" :error-message="problem.field('purpose')" />
        </van-cell-group>
        <p v-else class="gs-muted sz-reason" data-testid="reason">{{ state.data.reason ? local({ zh: state.data.reason.message, en: state.data.reason.messageEn }) : '' }}</p>
        <GsProblem :problem="problem" />
        <div class="sz-actions"><van-button type="primary" block :disabled="!state.data.canApply" :loading="state.busy" @click="apply" data-testid="apply">{{ $t('shenzhen.records.apply') }}</van-button></div>
        <p v-if="!state.data.canApply" class="gs-muted">{{ $t('shenzhen.records.nextAt', { at: formatTime(state.data.nextPossibleAt) }) }}</p>
        <h2 class="sz-h2">{{ $t('shenzhen.records.status') }}</h2>
        <van-empty v-if="!state.data.applications.length" :description="$t('shenzhen.records.none')" />
        <ul class="sz-list">
          <li v-for="a in state.data.applications" :key="a.id" class="sz-card" data-testid="record-application" :data-status="a.status">
            <p><van-tag :type="a.status === 'REJECTED' ? 'danger' : (a.document ? 'success' : 'primary')">{{ local(a.statusText) }}</van-tag>
              {{ $t('shenzhen.records.month') }} {{ a.period }} · {{ a.hasPurchaseRecord ? $t('shenzhen.records.record.withRecord') : $t('shenzhen.records.record.noRecord') }}</p>
            <p class="gs-muted">{{ $t('shenzhen.records.created') }} {{ formatTime(a.createdAt) }}<template v-if="a.caseNumber"> · {{ $t('shenzhen.records.caseNo') }} {{ a.caseNumber }}</template></p>
            <van-button v-if="a.caseId && !a.document" size="small" plain icon="underway-o" :url="'#/me/cases/' + a.caseId">{{ $t('shenzhen.records.progress') }}</van-button>
            <SzDocument v-if="a.document" :doc="a.document" />
          </li>
        </ul>
      </div>
      <GsProblem v-else :problem="problem" />
    </GsPage>`,
});

/** SZ-7 安居房产权份额打印. */
const SharesPage = defineComponent({
  name: 'SzSharesPage',
  components: { GsPage, GsProblem, SzDocument },
  setup() {
    const problem = useProblem();
    const state = reactive({ data: null, busy: false, form: { project: '', address: '', districtCode: '440304', certificateNo: '', contractNo: '', areaM2: '', ownerSharePercent: '' } });
    async function load() {
      try { state.data = await api.get('shenzhen/rental/property-shares'); } catch (e) { problem.set(e); }
    }
    function fromPurchase(p) {
      Object.assign(state.form, { project: p.project, address: p.address, districtCode: p.districtCode });
    }
    async function apply() {
      problem.clear();
      state.busy = true;
      const f = state.form;
      try {
        await api.post('shenzhen/rental/property-shares', {
          ...f,
          areaM2: f.areaM2 === '' ? null : Number(f.areaM2),
          ownerSharePercent: f.ownerSharePercent === '' ? null : Number(f.ownerSharePercent),
          channel: window.innerWidth < 768 ? 'MOBILE' : 'PC',
        });
        showToast(t('shenzhen.records.applied'));
        await load();
      } catch (e) { problem.set(e); } finally { state.busy = false; }
    }
    async function print(share) {
      problem.clear();
      try {
        const doc = await api.post(`shenzhen/rental/property-shares/${encodeURIComponent(share.id)}/certificate`);
        share.certificate = doc;
      } catch (e) { problem.set(e); }
    }
    onMounted(() => verified() && load());
    return { state, problem, apply, print, fromPurchase, local, formatTime, DISTRICTS };
  },
  template: `
    <GsPage :title="$t('shenzhen.records.share.title')" backTo="/m/shenzhen-rental/">
      <div v-if="state.data" data-testid="shares-page">
        ${GUIDE}
        <div v-for="s in state.data.shares" :key="s.id" class="sz-card" data-testid="share">
          <h2 class="sz-h2">{{ $t('shenzhen.records.share.held') }}</h2>
          <van-cell-group inset>
            <van-cell :title="$t('shenzhen.records.share.project')" :value="s.project" />
            <van-cell :title="$t('shenzhen.records.share.address')" :label="s.address" />
            <van-cell :title="$t('shenzhen.records.share.owner')" :value="s.ownerSharePercent + '%'" />
            <van-cell :title="$t('shenzhen.records.share.government')" :value="s.governmentSharePercent + '%'" />
          </van-cell-group>
          <p class="gs-muted">{{ $t('shenzhen.records.share.validHint') }}</p>
          <SzDocument v-if="s.certificate && s.certificate.status === 'VALID'" :doc="s.certificate" />
          <van-button v-else type="primary" block icon="printer" @click="print(s)" data-testid="share-print">{{ $t('shenzhen.records.share.printNew') }}</van-button>
        </div>
        <template v-if="state.data.canApply">
          <h2 class="sz-h2">{{ $t('shenzhen.records.share.applyTitle') }}</h2>
          <div v-for="p in state.data.purchases" :key="p.address" class="sz-actions">
            <van-button size="small" plain icon="records-o" @click="fromPurchase(p)">{{ $t('shenzhen.records.share.fromPurchase') }}：{{ p.project }}</van-button>
          </div>
          <van-cell-group inset>
            <van-field v-model="state.form.project" required :label="$t('shenzhen.records.share.project')" :error-message="problem.field('project')" />
            <van-field v-model="state.form.address" required :label="$t('shenzhen.records.share.address')" :error-message="problem.field('address')" />
            <van-field :label="$t('shenzhen.records.share.district')" required :error-message="problem.field('districtCode')">
              <template #input><select v-model="state.form.districtCode" class="sz-select"><option v-for="d in DISTRICTS" :key="d" :value="d">{{ $t('shenzhen.records.districts.' + d) }}</option></select></template>
            </van-field>
            <van-field v-model="state.form.certificateNo" :label="$t('shenzhen.records.share.certificateNo')" :error-message="problem.field('certificateNo')" />
            <van-field v-model="state.form.contractNo" :label="$t('shenzhen.records.share.contractNo')" :error-message="problem.field('contractNo')" />
            <van-field v-model="state.form.areaM2" type="number" :label="$t('shenzhen.records.share.area')" :error-message="problem.field('areaM2')" />
            <van-field v-model="state.form.ownerSharePercent" type="number" required :label="$t('shenzhen.records.share.ownerShare')" :error-message="problem.field('ownerSharePercent')" data-testid="owner-share" />
          </van-cell-group>
          <GsProblem :problem="problem" />
          <div class="sz-actions"><van-button type="primary" block :loading="state.busy" @click="apply" data-testid="apply">{{ $t('shenzhen.records.apply') }}</van-button></div>
        </template>
        <p v-else-if="!state.data.shares.length && state.data.reason" class="gs-muted" data-testid="reason">{{ local({ zh: state.data.reason.message, en: state.data.reason.messageEn }) }}</p>
        <GsProblem v-if="!state.data.canApply" :problem="problem" />
        <template v-if="state.data.applications.length">
          <h2 class="sz-h2">{{ $t('shenzhen.records.share.applications') }}</h2>
          <ul class="sz-list">
            <li v-for="a in state.data.applications" :key="a.id" class="sz-card" data-testid="share-application" :data-status="a.status">
              <van-tag>{{ local(a.statusText) }}</van-tag> {{ a.project }} · {{ a.ownerSharePercent }}%
              <p class="gs-muted">{{ $t('shenzhen.records.caseNo') }} {{ a.caseNumber }} · {{ formatTime(a.createdAt) }}</p>
              <van-button v-if="a.status === 'REVIEW'" size="small" plain icon="underway-o" :url="'#/me/cases/' + a.caseId">{{ $t('shenzhen.records.progress') }}</van-button>
            </li>
          </ul>
        </template>
      </div>
      <GsProblem v-else :problem="problem" />
    </GsPage>`,
});

/** SZ-8 授权委托书打印. */
const PoaPage = defineComponent({
  name: 'SzPoaPage',
  components: { GsPage, GsProblem, SzDocument },
  setup() {
    const problem = useProblem();
    const state = reactive({
      data: null, busy: false,
      form: { agentName: '', agentIdNumber: '', agentPhone: '', agentRelation: '', registrationType: '转移登记', reason: '', matters: '', propertyAddress: '', certificateNo: '', districtCode: '440304', principalAddress: '' },
    });
    async function load() {
      try { state.data = await api.get('shenzhen/rental/powers-of-attorney'); } catch (e) { problem.set(e); }
    }
    async function apply() {
      problem.clear();
      state.busy = true;
      try {
        await api.post('shenzhen/rental/powers-of-attorney', { ...state.form, matters: state.form.matters || null, channel: window.innerWidth < 768 ? 'MOBILE' : 'PC' });
        showToast(t('shenzhen.records.applied'));
        await load();
      } catch (e) { problem.set(e); } finally { state.busy = false; }
    }
    onMounted(() => verified() && load());
    return { state, problem, apply, local, formatTime, DISTRICTS };
  },
  template: `
    <GsPage :title="$t('shenzhen.records.poa.title')" backTo="/m/shenzhen-rental/">
      <div v-if="state.data" data-testid="poa-page">
        ${GUIDE}
        <div v-if="state.data.current" class="sz-card" data-testid="poa-current">
          <h2 class="sz-h2">{{ $t('shenzhen.records.poa.current') }}</h2>
          <p>{{ $t('shenzhen.records.poa.agentName') }}：{{ state.data.current.agentName }}（{{ state.data.current.agentRelation }}） · {{ state.data.current.registrationType }}</p>
          <p class="gs-muted">{{ $t('shenzhen.records.poa.validHint') }}</p>
          <SzDocument v-if="state.data.current.powerOfAttorney" :doc="state.data.current.powerOfAttorney" />
          <SzDocument v-if="state.data.current.registrationForm" :doc="state.data.current.registrationForm" />
        </div>
        <template v-if="state.data.canApply">
          <van-cell-group inset>
            <van-field v-model="state.form.agentName" required :label="$t('shenzhen.records.poa.agentName')" :error-message="problem.field('agentName')" />
            <van-field v-model="state.form.agentIdNumber" required maxlength="18" :label="$t('shenzhen.records.poa.agentIdNumber')" :error-message="problem.field('agentIdNumber')" />
            <van-field v-model="state.form.agentPhone" required type="tel" maxlength="11" :label="$t('shenzhen.records.poa.agentPhone')" :error-message="problem.field('agentPhone')" />
            <van-field v-model="state.form.agentRelation" required :label="$t('shenzhen.records.poa.agentRelation')" :error-message="problem.field('agentRelation')" />
            <van-field :label="$t('shenzhen.records.poa.registrationType')" required :error-message="problem.field('registrationType')">
              <template #input><select v-model="state.form.registrationType" class="sz-select"><option v-for="r in state.data.registrationTypes" :key="r" :value="r">{{ r }}</option></select></template>
            </van-field>
            <van-field v-model="state.form.reason" required :label="$t('shenzhen.records.poa.reason')" :error-message="problem.field('reason')" />
            <van-field v-model="state.form.matters" type="textarea" rows="2" :label="$t('shenzhen.records.poa.matters')" :error-message="problem.field('matters')" />
            <van-field v-model="state.form.propertyAddress" required :label="$t('shenzhen.records.poa.propertyAddress')" :error-message="problem.field('propertyAddress')" />
            <van-field v-model="state.form.certificateNo" :label="$t('shenzhen.records.poa.certificateNo')" :error-message="problem.field('certificateNo')" />
            <van-field :label="$t('shenzhen.records.poa.district')" required :error-message="problem.field('districtCode')">
              <template #input><select v-model="state.form.districtCode" class="sz-select"><option v-for="d in DISTRICTS" :key="d" :value="d">{{ $t('shenzhen.records.districts.' + d) }}</option></select></template>
            </van-field>
            <van-field v-model="state.form.principalAddress" required :label="$t('shenzhen.records.poa.principalAddress')" :error-message="problem.field('principalAddress')" />
          </van-cell-group>
          <GsProblem :problem="problem" />
          <div class="sz-actions"><van-button type="primary" block :loading="state.busy" @click="apply" data-testid="apply">{{ $t('shenzhen.records.apply') }}</van-button></div>
        </template>
        <p v-else-if="!state.data.current && state.data.reason" class="gs-muted" data-testid="reason">{{ local({ zh: state.data.reason.message, en: state.data.reason.messageEn }) }}</p>
        <template v-if="state.data.applications.length">
          <h2 class="sz-h2">{{ $t('shenzhen.records.poa.applications') }}</h2>
          <ul class="sz-list">
            <li v-for="a in state.data.applications" :key="a.id" class="sz-card" data-testid="poa-application" :data-status="a.status">
              <van-tag>{{ local(a.statusText) }}</van-tag> {{ a.agentName }} · {{ a.registrationType }}
              <template v-if="a.validUntil"> · {{ $t('shenzhen.records.validUntil') }} {{ a.validUntil }}</template>
              <p class="gs-muted">{{ $t('shenzhen.records.caseNo') }} {{ a.caseNumber }} · {{ formatTime(a.createdAt) }}</p>
              <van-button v-if="a.status === 'REVIEW'" size="small" plain icon="underway-o" :url="'#/me/cases/' + a.caseId">{{ $t('shenzhen.records.progress') }}</van-button>
            </li>
          </ul>
        </template>
      </div>
      <GsProblem v-else :problem="problem" />
    </GsPage>`,
});

/** The pages, for main.js: `routes: [...otherRoutes, ...recordRoutes]`. */
export const recordRoutes = [
  { path: 'records', component: RecordsPage },
  { path: 'property-shares', component: SharesPage },
  { path: 'powers-of-attorney', component: PoaPage },
];

export { recordsMessages };

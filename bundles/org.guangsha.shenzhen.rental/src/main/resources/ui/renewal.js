// Lease renewal (个人租赁合同续签, SZ-2, seed 001): the policy branch (按照原政策执行, or 经济状况核对 first
// and the new policy once the report passes), the steps in their order (申请声明 → 确认续约信息 →
// 上传材料 → 提交), the status under 我的 (core case), then the contract signed in the core's ceremony
// (#/signing/:id: confirm, the 承诺书 with its countdown and the copy-matched text, the face check by
// phone, the contract read, the handwritten signature) and, once a caseworker approves it, the
// contract to view, download and print. main.js mounts `renewalRoutes`; words under `szRenewal`.
import { reactive, onMounted, defineComponent } from 'vue';
import { showToast } from 'vant';
import { api, t, local, navigate, session, hasTrustLevel, route, addMessages, useProblem, GsProblem, GsPage, GsUpload } from 'guangsha';

export const renewalMessages = {
  'zh-CN': {
    szRenewal: {
      title: '个人租赁合同续签', checkTitle: '经济状况核对', signTitle: '个人租赁合同签订',
      guide: '操作说明', noLease: '您目前没有有效的租赁合同', home: '住房信息', lessee: '承租人信息',
      residents: '其他入住人', terms: '续约信息', policy: '政策', OLD: '原政策', NEW: '新政策',
      end: '现租期至', newEnd: '续约后租期至', rent: '月租金（元）', marital: '婚姻状况',
      chooseOld: '按照原政策执行', chooseNew: '按新政策续租', toCheck: '经济状况核对',
      declaration: '申请声明', declarationText: '本人已阅读并知悉续约相关规定，承诺所填信息真实有效，如有虚假愿承担相应责任。',
      accept: '我已阅知', confirm: '确认续约信息', next: '下一步', upload: '上传材料',
      idFront: '承租人身份证正面', idBack: '承租人身份证反面', submit: '提交',
      status: '续约申请状态', progress: '查看审核详情', sign: '合同签署', toSign: '去签订合同',
      signed: '签订成功', contract: '续约合同', view: '查看', print: '打印', download: '下载',
      report: '核对报告', passed: '符合要求', failed: '不符合要求', runCheck: '发起收入财产核对',
      reportNo: '报告编号',
    },
  },
  'en-US': {
    szRenewal: {
      title: 'Lease renewal', checkTitle: 'Income and asset check', signTitle: 'Lease signing',
      guide: 'How it works', noLease: 'You hold no active lease', home: 'Home', lessee: 'Lessee',
      residents: 'Other residents', terms: 'Renewal', policy: 'Policy', OLD: 'Old policy', NEW: 'New policy',
      end: 'Current term ends', newEnd: 'Renewed term ends', rent: 'Monthly rent (yuan)', marital: 'Marriage status',
      chooseOld: 'Renew under the old policy', chooseNew: 'Renew under the new policy', toCheck: 'Income and asset check',
      declaration: 'Declaration', declarationText: 'I have read the renewal rules and declare the details true.',
      accept: 'I have read it', confirm: 'Confirm the details', next: 'Next', upload: 'Documents',
      idFront: 'ID card front', idBack: 'ID card back', submit: 'Submit',
      status: 'Renewal status', progress: 'Review details', sign: 'Sign the contract', toSign: 'Sign the contract',
      signed: 'Signed', contract: 'Renewal contract', view: 'View', print: 'Print', download: 'Download',
      report: 'Report', passed: 'Qualifies', failed: 'Does not qualify', runCheck: 'Apply for the check',
      reportNo: 'Report no.',
    },
  },
};

addMessages(renewalMessages);

const STEP = { DRAFT: 1, DECLARED: 2, CONFIRMED: 3, DOCUMENTS: 4 };
const STEPS = [
  { zh: '选择政策', en: 'Policy' }, { zh: '申请声明', en: 'Declaration' }, { zh: '确认续约信息', en: 'Confirm' },
  { zh: '上传材料', en: 'Documents' }, { zh: '提交', en: 'Submit' },
];

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

/** The caller's first active lease and its renewal overview. */
function useRenewal() {
  const problem = useProblem();
  const state = reactive({ data: null, none: false, busy: false, accepted: false, marital: '', front: null, back: null, message: '' });
  async function load() {
    try {
      const me = await api.get('shenzhen/rental/me');
      const lease = (me.homes || [])[0];
      if (!lease) { state.none = true; return; }
      state.data = await api.get(`shenzhen/rental/leases/${encodeURIComponent(lease.leaseId)}/renewal`);
      if (!state.marital) state.marital = state.data.maritalStatus || '';
    } catch (e) { problem.set(e); }
  }
  async function post(path, body) {
    problem.clear();
    state.busy = true;
    try {
      const out = await api.post(`shenzhen/rental/leases/${encodeURIComponent(state.data.leaseId)}/renewal${path}`, body || {});
      await load();
      return out;
    } catch (e) { problem.set(e); return null; } finally { state.busy = false; }
  }
  return { state, problem, load, post };
}

async function openPdf(documentId, mode) {
  const blob = await api.blob(`documents/${encodeURIComponent(documentId)}/pdf`);
  const url = URL.createObjectURL(blob);
  if (mode === 'download') {
    const a = document.createElement('a');
    a.href = url;
    a.download = 'lease-renewal.pdf';
    document.body.appendChild(a);
    a.click();
    a.remove();
  } else if (mode === 'print') {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'position:fixed;width:0;height:0;border:0;';
    frame.src = url;
    frame.onload = () => { try { frame.contentWindow.print(); } catch (e) { window.open(url, '_blank', 'noopener'); } };
    document.body.appendChild(frame);
  } else {
    window.open(url, '_blank', 'noopener');
  }
}

const SUMMARY = `
  <van-cell-group inset :title="$t('szRenewal.home')">
    <van-cell :title="state.data.home.project" :label="state.data.home.address" />
  </van-cell-group>
  <van-cell-group inset :title="$t('szRenewal.lessee')">
    <van-cell :title="state.data.lesseeName" :value="state.data.lesseeIdNumber" />
  </van-cell-group>
  <van-cell-group inset :title="$t('szRenewal.residents')">
    <van-cell v-for="r in state.data.residents" :key="r.id" :title="r.name" :label="r.idNumber" :value="r.relation" />
  </van-cell-group>
  <van-cell-group inset :title="$t('szRenewal.terms')">
    <van-cell :title="$t('szRenewal.policy')" :value="$t('szRenewal.' + state.data.policy)" />
    <van-cell :title="$t('szRenewal.end')" :value="state.data.endDate" />
    <van-cell :title="$t('szRenewal.newEnd')" :value="state.data.newEndDate" data-testid="renewal-new-end" />
    <van-cell :title="$t('szRenewal.rent')" :value="(state.data.rentFen / 100).toFixed(2)" />
  </van-cell-group>`;

/** SZ-2 a, b: the policy, then the steps in order, then the status. */
const RenewalPage = defineComponent({
  name: 'SzRenewalPage',
  components: { GsPage, GsProblem, GsUpload },
  setup() {
    const { state, problem, load, post } = useRenewal();
    const open = (r) => r && !['RENEWED', 'REJECTED', 'WITHDRAWN'].includes(r.status);
    const step = () => (state.data && open(state.data.renewal) ? (STEP[state.data.renewal.status] || 5) : 0);
    async function submit() {
      const r = await post('/submit');
      if (r) { state.message = r.message; showToast(r.message); }
    }
    onMounted(() => verified() && load());
    return { state, problem, post, step, open, submit, local, STEPS, MARITAL: ['未婚', '已婚', '离异', '丧偶'] };
  },
  template: `
    <GsPage :title="$t('szRenewal.title')" backTo="/m/shenzhen-rental/">
      <van-empty v-if="state.none" :description="$t('szRenewal.noLease')" />
      <div v-else-if="state.data" data-testid="renewal-page">
        <van-notice-bar wrapable :scrollable="false" left-icon="info-o" data-testid="guide"><strong>{{ $t('szRenewal.guide') }}：</strong>{{ local(state.data.guide) }}</van-notice-bar>
        <van-steps :active="Math.min(step(), 4)"><van-step v-for="s in STEPS" :key="s.en">{{ local(s) }}</van-step></van-steps>
        <GsProblem :problem="problem" />
        <template v-if="step() === 0">
          <p v-if="state.data.reason" class="gs-muted" data-testid="renewal-reason">{{ local(state.data.reason) }}</p>
          <div class="sz-actions">
            <van-button v-if="state.data.options.includes('OLD')" type="primary" block :loading="state.busy" @click="post('', { track: 'OLD' })" data-testid="renew-old">{{ $t('szRenewal.chooseOld') }}</van-button>
            <van-button v-if="state.data.options.includes('NEW')" type="primary" block :loading="state.busy" @click="post('', { track: 'NEW' })" data-testid="renew-new">{{ $t('szRenewal.chooseNew') }}</van-button>
            <van-button plain block url="#/m/shenzhen-rental/economic-check">{{ $t('szRenewal.toCheck') }}</van-button>
          </div>
        </template>
        <template v-else-if="step() === 1">
          <h2 class="sz-h2">{{ $t('szRenewal.declaration') }}</h2>
          <p>{{ $t('szRenewal.declarationText') }}</p>
          <van-checkbox v-model="state.accepted" data-testid="declaration-check">{{ $t('szRenewal.declarationText') }}</van-checkbox>
          <div class="sz-actions"><van-button type="primary" block :disabled="!state.accepted" :loading="state.busy" @click="post('/declaration', { accepted: true })" data-testid="declaration-accept">{{ $t('szRenewal.accept') }}</van-button></div>
        </template>
        <template v-else-if="step() === 2">
          ${SUMMARY}
          <van-cell-group inset>
            <van-field :label="$t('szRenewal.marital')" required :error-message="problem.field('maritalStatus')">
              <template #input><van-radio-group v-model="state.marital" direction="horizontal"><van-radio v-for="m in MARITAL" :key="m" :name="m">{{ m }}</van-radio></van-radio-group></template>
            </van-field>
          </van-cell-group>
          <div class="sz-actions"><van-button type="primary" block :disabled="!state.marital" :loading="state.busy" @click="post('/confirmation', { confirmed: true, maritalStatus: state.marital })" data-testid="confirm-next">{{ $t('szRenewal.next') }}</van-button></div>
        </template>
        <template v-else-if="step() === 3">
          <GsUpload v-model="state.front" kind="id-card-front" :label="$t('szRenewal.idFront')" accept="image/jpeg,image/png" capture />
          <GsUpload v-model="state.back" kind="id-card-back" :label="$t('szRenewal.idBack')" accept="image/jpeg,image/png" capture />
          <div class="sz-actions"><van-button type="primary" block :disabled="!state.front || !state.back" :loading="state.busy" @click="post('/documents', { idFrontId: state.front.id, idBackId: state.back.id })" data-testid="documents-next">{{ $t('szRenewal.next') }}</van-button></div>
        </template>
        <template v-else-if="step() === 4">
          ${SUMMARY}
          <div class="sz-actions"><van-button type="primary" block :loading="state.busy" @click="submit" data-testid="renewal-submit">{{ $t('szRenewal.submit') }}</van-button></div>
        </template>
        <template v-if="state.data.renewal && (step() >= 5 || !open(state.data.renewal))">
          <h2 class="sz-h2">{{ $t('szRenewal.status') }}</h2>
          <p v-if="state.message" data-testid="renewal-submitted">{{ state.message }}</p>
          <p><van-tag type="primary" data-testid="renewal-status" :data-status="state.data.renewal.status">{{ local(state.data.renewal.statusText) }}</van-tag>
            {{ $t('szRenewal.' + state.data.renewal.track) }} · {{ $t('szRenewal.newEnd') }} {{ state.data.renewal.newEndDate }}</p>
          <van-button v-if="state.data.renewal.caseId" size="small" plain icon="underway-o" :url="'#/me/cases/' + state.data.renewal.caseId">{{ $t('szRenewal.progress') }}</van-button>
          <van-button v-if="state.data.renewal.next === 'signing' || state.data.renewal.contractDocumentId" size="small" type="primary" url="#/m/shenzhen-rental/signing">{{ $t('szRenewal.toSign') }}</van-button>
        </template>
      </div>
      <GsProblem v-else :problem="problem" />
    </GsPage>`,
});

/** SZ-2 a: 经济状况核对 through the core's EconomicStatusProvider. */
const CheckPage = defineComponent({
  name: 'SzEconomicCheckPage',
  components: { GsPage, GsProblem },
  setup() {
    const { state, problem, load, post } = useRenewal();
    onMounted(() => verified() && load());
    return { state, problem, post, local };
  },
  template: `
    <GsPage :title="$t('szRenewal.checkTitle')" backTo="/m/shenzhen-rental/">
      <van-empty v-if="state.none" :description="$t('szRenewal.noLease')" />
      <div v-else-if="state.data" data-testid="economic-check-page">
        <GsProblem :problem="problem" />
        <div class="sz-actions"><van-button type="primary" block :loading="state.busy" @click="post('/economic-check')" data-testid="run-check">{{ $t('szRenewal.runCheck') }}</van-button></div>
        <template v-if="state.data.check">
          <h2 class="sz-h2">{{ $t('szRenewal.report') }} <van-tag :type="state.data.check.passed ? 'success' : 'danger'" data-testid="check-result">{{ state.data.check.passed ? $t('szRenewal.passed') : $t('szRenewal.failed') }}</van-tag></h2>
          <p class="gs-muted">{{ $t('szRenewal.reportNo') }} {{ state.data.check.reportNumber }}</p>
          <van-cell-group inset>
            <van-cell v-for="f in state.data.check.findings" :key="f.item" :title="local({ zh: f.item, en: f.itemEn })" :value="f.value" :label="f.limit">
              <template #right-icon><van-icon :name="f.passed ? 'passed' : 'close'" /></template>
            </van-cell>
          </van-cell-group>
          <div v-if="state.data.check.passed" class="sz-actions"><van-button type="primary" block url="#/m/shenzhen-rental/renewal">{{ $t('szRenewal.chooseNew') }}</van-button></div>
        </template>
      </div>
      <GsProblem v-else :problem="problem" />
    </GsPage>`,
});

/** SZ-2 c: the contract to sign (core ceremony), then the signed contract to view, download, print. */
const SigningPage = defineComponent({
  name: 'SzRenewalSigningPage',
  components: { GsPage, GsProblem },
  setup() {
    const { state, problem, load, post } = useRenewal();
    async function sign() {
      const s = await post('/signing');
      if (s) navigate(`/signing/${s.signingId}`, { query: { next: '/m/shenzhen-rental/signing' } });
    }
    async function open(mode) {
      try { await openPdf(state.data.renewal.contractDocumentId, mode); } catch (e) { showToast(e.message || String(e)); }
    }
    onMounted(() => verified() && load());
    return { state, problem, sign, open, local, t };
  },
  template: `
    <GsPage :title="$t('szRenewal.signTitle')" backTo="/m/shenzhen-rental/">
      <van-empty v-if="state.none" :description="$t('szRenewal.noLease')" />
      <div v-else-if="state.data" data-testid="renewal-signing-page">
        <GsProblem :problem="problem" />
        <template v-if="state.data.renewal">
          <p><van-tag type="primary" data-testid="renewal-status" :data-status="state.data.renewal.status">{{ local(state.data.renewal.statusText) }}</van-tag></p>
          <p v-if="state.data.renewal.message" data-testid="signed-message">{{ state.data.renewal.message }}</p>
          <div v-if="state.data.renewal.next === 'signing'" class="sz-actions"><van-button type="primary" block :loading="state.busy" @click="sign" data-testid="start-signing">{{ $t('szRenewal.sign') }}</van-button></div>
          <div v-if="state.data.renewal.status === 'RENEWED' && state.data.renewal.contractDocumentId" class="sz-actions" data-testid="renewal-contract">
            <van-button size="small" plain type="primary" icon="eye-o" @click="open('view')">{{ $t('szRenewal.view') }}</van-button>
            <van-button size="small" type="primary" icon="printer" @click="open('print')">{{ $t('szRenewal.print') }}</van-button>
            <van-button size="small" plain type="primary" icon="down" @click="open('download')">{{ $t('szRenewal.download') }}</van-button>
          </div>
        </template>
        <van-empty v-else :description="local(state.data.guide)" />
      </div>
      <GsProblem v-else :problem="problem" />
    </GsPage>`,
});

export const renewalRoutes = [
  { path: 'renewal', component: RenewalPage },
  { path: 'economic-check', component: CheckPage },
  { path: 'signing', component: SigningPage },
];

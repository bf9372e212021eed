// Lease renewal (个人租赁合同续签, SZ-2, seed 001): the policy branch (按照原政策执行, or 经济状况核对 first
// and the new policy once the report passes), the steps in their order (申请声明 → 确认续约信息 →
// 上传材料 → 提交), the status under 我的 (core case), then the contract signed in the core's ceremony
// (#/signing/:id: confirm, the 承诺书 with its countdown and the copy-matched text, the face check by
// phone, the contract read, the handwritten signature) and, once a caseworker approves it, the
// contract to view, download and print. main.js mounts `renewalRoutes`; words under `szRenewal`.
import { reactive, watch, onMounted, onBeforeUnmount, defineComponent } from 'vue';
import { showConfirmDialog } from 'vant';
import { api, t, local, navigate, session, hasTrustLevel, route, addMessages, yuan, formatTime, useProblem, GsProblem, GsPage, GsUpload, fileAction, followCase } from 'guangsha';

export const renewalMessages = {
  'zh-CN': {
    szRenewal: {
      title: '个人租赁合同续签', checkTitle: '经济状况核对', signTitle: '个人租赁合同签订',
      guide: '操作说明', noLease: '您目前没有有效的租赁合同', home: '住房信息', lessee: '承租人信息',
      residents: '其他入住人', lesseeName: '承租人', noResidents: '无', terms: '续约信息', policy: '现行政策', track: '续约政策',
      OLD: '原政策', NEW: '新政策', leaseNo: '合同编号', project: '项目', room: '房屋', address: '地址', area: '面积',
      areaM2: '{n} ㎡', name: '姓名', idNumber: '身份证号码',
      term: '现租期', termRange: '{from} 至 {to}', end: '现租期至', newEnd: '续约后租期至', newTerm: '续约租期',
      rent: '月租金', marital: '婚姻状况', maritalHint: '请核对婚姻状况，如有变化请选择现在的状况',
      apply: '续租申请', chooseIntro: '请选择续约方式后点击“确认”。',
      chooseOLD: '按照原政策执行', chooseOLDHint: '按原租赁政策续租，租期续 {years} 年',
      chooseNEW: '按新政策续租', chooseNEWHint: '经济状况核对报告符合要求，可按新政策续租',
      confirmChoice: '确认', toCheck: '经济状况核对', toCheckHint: '原政策承租人如需按新政策续租，请先发起收入财产核对',
      declaration: '申请声明',
      declarationText: '本人已仔细阅读个人续签说明，知悉公共租赁住房续约的相关规定；承诺所提交的住房、承租人、其他入住人及婚姻状况等信息真实、准确、完整，如有虚假，愿承担相应责任。',
      declarationCheck: '我已阅读并同意个人续约声明',
      accept: '我已阅知', confirm: '确认续约信息', next: '下一步', upload: '上传材料',
      uploadIntro: '请上传承租人身份证正、反面照片（JPG、PNG，不超过 1 MB）。',
      idFront: '承租人身份证正面（人像面）', idBack: '承租人身份证反面（国徽面）', submit: '提交',
      uploaded: '身份证正、反面已上传，请提交续约申请。',
      submitTitle: '提交续约申请', submitText: '提交后由住房所在区的业务人员审核，审核期间不能修改续约信息和材料。确定提交吗？',
      status: '续约申请状态', caseNumber: '业务编号', progress: '查看审核详情', sign: '合同签署', toSign: '去签订合同',
      approvedHint: '续约申请已审核通过，请签订续约合同。',
      signed: '签订成功', signedHint: '续约合同已签订，待业务人员审批。审批通过后新租期生效，可查看、下载、打印合同。',
      done: '续约完成', doneText: '续约合同已审批通过，新租期已生效。', leaseEnd: '租期至',
      rejected: '续约申请未通过，租赁合同保持不变。如有疑问请查看审核详情。',
      contract: '续约合同', view: '查看', print: '打印', download: '下载', myDocuments: '我的文书',
      toSignIntro: '以下为待签订的续约合同。点击“合同签署”后，依次确认续约信息、阅读承诺书、复制粘贴承诺书内容、手机扫码人脸识别、阅读合同并手写签名。',
      contractName: '个人租赁合同（续签）', notReady: '续约申请审核通过后，方可签订续约合同。', toRenewal: '去办理续约',
      checkIntro: '经济状况核对（收入财产核对）将核对承租人及其他入住人的收入、车辆和住房情况。核对报告符合要求后，原政策承租人可按新政策续租；新政策承租人须核对报告符合要求方可续租。',
      report: '核对报告', passed: '符合要求', failed: '不符合要求', runCheck: '发起收入财产核对', runAgain: '重新发起核对',
      again: '再次续约', reportNo: '报告编号', checkedAt: '核对时间', limit: '标准：{limit}',
      failedOld: '核对报告不符合新政策续租要求。您仍可按照原政策执行续租。', renewNow: '去续租',
    },
  },
  en: {
    szRenewal: {
      title: 'Lease renewal', checkTitle: 'Income and asset check', signTitle: 'Lease signing',
      guide: 'How it works', noLease: 'You hold no active lease', home: 'Home', lessee: 'Lessee',
      residents: 'Other residents', lesseeName: 'Lessee', noResidents: 'None', terms: 'Renewal', policy: 'Current policy', track: 'Renew under',
      OLD: 'Old policy', NEW: 'New policy', leaseNo: 'Lease no.', project: 'Project', room: 'Home', address: 'Address', area: 'Area',
      areaM2: '{n} m²', name: 'Name', idNumber: 'ID number',
      term: 'Current term', termRange: '{from} to {to}', end: 'Current term ends', newEnd: 'Renewed term ends', newTerm: 'Renewed term',
      rent: 'Monthly rent', marital: 'Marriage status', maritalHint: 'Check your marriage status; choose the current one if it changed',
      apply: 'Apply for renewal', chooseIntro: 'Choose how to renew, then press OK.',
      chooseOLD: 'Renew under the old policy', chooseOLDHint: 'Renew under the old policy for {years} more years',
      chooseNEW: 'Renew under the new policy', chooseNEWHint: 'Your income-and-asset report qualifies for the new policy',
      confirmChoice: 'OK', toCheck: 'Income and asset check', toCheckHint: 'To renew under the new policy, apply for the income-and-asset check first',
      declaration: 'Declaration',
      declarationText: 'I have read the renewal instructions and know the rules for renewing a public-rental lease; the home, lessee, other residents and marriage status I confirm are true, accurate and complete, and I am liable for anything false.',
      declarationCheck: 'I have read and accept the renewal declaration',
      accept: 'I have read it', confirm: 'Confirm the details', next: 'Next', upload: 'Documents',
      uploadIntro: 'Upload both sides of the lessee\'s ID card (JPG or PNG, at most 1 MB).',
      idFront: 'ID card front (photo side)', idBack: 'ID card back (emblem side)', submit: 'Submit',
      uploaded: 'Both sides of the ID card are uploaded; submit the renewal.',
      submitTitle: 'Submit the renewal', submitText: 'A caseworker of the home\'s district reviews it; meanwhile the details and files cannot be changed. Submit now?',
      status: 'Renewal status', caseNumber: 'Case no.', progress: 'Review details', sign: 'Sign the contract', toSign: 'Sign the contract',
      approvedHint: 'Your renewal was approved: sign the renewal contract.',
      signed: 'Signed', signedHint: 'The contract is signed and awaits a caseworker\'s approval; then the new term applies and the contract can be viewed, downloaded and printed.',
      done: 'Renewed', doneText: 'The renewal contract was approved; the new term applies.', leaseEnd: 'Lease ends',
      rejected: 'The renewal was not approved; the lease stays as it was. See the review details.',
      contract: 'Renewal contract', view: 'View', print: 'Print', download: 'Download', myDocuments: 'My documents',
      toSignIntro: 'The renewal contract to sign. After “Sign the contract” you confirm the details, read the commitment letter, paste its text, pass the face check on your phone, read the contract and sign by hand.',
      contractName: 'Lease contract (renewal)', notReady: 'The contract can be signed once your renewal is approved.', toRenewal: 'Go to renewal',
      checkIntro: 'The income-and-asset check looks at the income, vehicles and homes of the lessee and the other residents. With a qualifying report an old-policy tenant may renew under the new policy; new-policy tenants need one to renew.',
      report: 'Report', passed: 'Qualifies', failed: 'Does not qualify', runCheck: 'Apply for the check', runAgain: 'Check again',
      again: 'Renew again', reportNo: 'Report no.', checkedAt: 'Checked at', limit: 'Limit: {limit}',
      failedOld: 'The report does not qualify for the new policy. You may still renew under the old policy.', renewNow: 'Renew',
    },
  },
};

addMessages(renewalMessages);

const BASE = '/m/shenzhen-rental';
const STEP = { DRAFT: 1, DECLARED: 2, CONFIRMED: 3, DOCUMENTS: 4 };
const STEPS = [
  { zh: '选择政策', en: 'Policy' }, { zh: '申请声明', en: 'Declaration' }, { zh: '确认续约信息', en: 'Confirm' },
  { zh: '上传材料', en: 'Documents' }, { zh: '提交', en: 'Submit' },
];
const CLOSED = ['RENEWED', 'REJECTED', 'WITHDRAWN'];
// the states in which a caseworker decides next (the page follows that case meanwhile)
const WAITING = ['REVIEW', 'SIGNED'];

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

/** The years a renewal adds (from the dates the server gives). */
function years(data) {
  if (!data || !data.endDate || !data.newEndDate) return 3;
  return Number(data.newEndDate.slice(0, 4)) - Number(data.endDate.slice(0, 4));
}

/** The day after `date` (yyyy-MM-dd), where the renewed term starts. */
function dayAfter(date) {
  if (!date) return '';
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The caller's first active lease and its renewal overview. */
function useRenewal() {
  const problem = useProblem();
  const state = reactive({
    data: null, none: false, busy: false, again: false, track: '', accepted: false, marital: '', front: null, back: null, message: '',
  });
  async function load() {
    try {
      const me = await api.get('shenzhen/rental/me');
      const lease = (me.homes || [])[0];
      if (!lease) {
        state.none = true;
        return;
      }
      state.data = await api.get(`shenzhen/rental/leases/${encodeURIComponent(lease.leaseId)}/renewal`);
      const r = state.data.renewal;
      if (!state.marital) state.marital = (r && !CLOSED.includes(r.status) && r.maritalStatus) || state.data.maritalStatus || '';
      if (state.track && !state.data.options.includes(state.track)) state.track = '';
    } catch (e) {
      problem.set(e);
    }
  }
  async function post(path, body) {
    problem.clear();
    state.busy = true;
    try {
      const out = await api.post(`shenzhen/rental/leases/${encodeURIComponent(state.data.leaseId)}/renewal${path}`, body || {});
      await load();
      return out;
    } catch (e) {
      problem.set(e);
      await load();
      return null;
    } finally {
      state.busy = false;
    }
  }
  /**
   * While the renewal waits for a caseworker (审核中, 签订成功 awaiting approval) the page follows that
   * case live (the core's long polling), so the approval shows without reloading.
   */
  function follow() {
    let followed = null;
    let stop = null;
    const waitingCase = () => {
      const r = state.data && state.data.renewal;
      if (!r || !WAITING.includes(r.status)) return null;
      return r.status === 'SIGNED' ? r.contractCaseId : r.caseId;
    };
    // the line applies a decision just after the case changes: read again until the renewal moves
    async function catchUp(id) {
      for (let i = 0; i < 5 && followed === id; i += 1) {
        if (!state.busy) await load();
        if (waitingCase() !== id) return;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
    const unwatch = watch(waitingCase, (id) => {
      if (id === followed) return;
      if (stop) stop();
      stop = null;
      followed = id;
      if (!id) return;
      let first = true;
      stop = followCase(id, (c, live) => {
        if (first) {
          first = false; // the case as the page already read it
          return;
        }
        if (c && live === 'on') catchUp(id);
      });
    }, { immediate: true });
    onBeforeUnmount(() => {
      unwatch();
      if (stop) stop();
    });
  }
  return { state, problem, load, post, follow };
}

// 确认续约信息: the home, the lessee, the other residents and the renewal terms (seed 001).
const SUMMARY = `
  <van-cell-group inset :title="$t('szRenewal.home')" data-testid="renewal-summary-home">
    <van-cell :title="$t('szRenewal.leaseNo')" :value="state.data.leaseNo" />
    <van-cell :title="$t('szRenewal.project')" :value="state.data.home.project" />
    <van-cell :title="$t('szRenewal.room')" :value="state.data.home.building + ' ' + state.data.home.room" />
    <van-cell :title="$t('szRenewal.address')" :label="state.data.home.address" />
    <van-cell v-if="state.data.home.areaM2" :title="$t('szRenewal.area')" :value="$t('szRenewal.areaM2', { n: state.data.home.areaM2 })" />
  </van-cell-group>
  <van-cell-group inset :title="$t('szRenewal.lessee')" data-testid="renewal-summary-lessee">
    <van-cell :title="$t('szRenewal.name')" :value="state.data.lesseeName" />
    <van-cell :title="$t('szRenewal.idNumber')" :value="state.data.lesseeIdNumber" />
  </van-cell-group>
  <van-cell-group inset :title="$t('szRenewal.residents')" data-testid="renewal-summary-residents">
    <van-cell v-for="r in state.data.residents" :key="r.id" :title="r.name" :label="r.idNumber" :value="r.relation" data-testid="renewal-resident" />
    <van-cell v-if="!state.data.residents.length" :title="$t('szRenewal.noResidents')" />
  </van-cell-group>
  <van-cell-group inset :title="$t('szRenewal.terms')" data-testid="renewal-summary-terms">
    <van-cell :title="$t('szRenewal.policy')" :value="$t('szRenewal.' + state.data.policy)" />
    <van-cell v-if="state.data.renewal" :title="$t('szRenewal.track')" :value="$t('szRenewal.' + state.data.renewal.track)" data-testid="renewal-track" />
    <van-cell :title="$t('szRenewal.term')" :value="$t('szRenewal.termRange', { from: state.data.startDate, to: state.data.endDate })" />
    <van-cell :title="$t('szRenewal.newTerm')" :value="$t('szRenewal.termRange', { from: dayAfter(state.data.endDate), to: state.data.newEndDate })" data-testid="renewal-new-end" :data-date="state.data.newEndDate" />
    <van-cell :title="$t('szRenewal.rent')" :value="yuan(state.data.rentFen)" />
  </van-cell-group>`;

// the approved contract: view, print, download (core document PDF)
const CONTRACT = `
  <div class="sz-actions sz-contract" data-testid="renewal-contract" :data-document-id="state.data.renewal.contractDocumentId">
    <p><strong>{{ $t('szRenewal.contract') }}</strong></p>
    <van-button size="small" plain type="primary" icon="eye-o" @click="openContract('view')" data-testid="contract-view">{{ $t('szRenewal.view') }}</van-button>
    <van-button size="small" type="primary" icon="printer" @click="openContract('print')" data-testid="contract-print">{{ $t('szRenewal.print') }}</van-button>
    <van-button size="small" plain type="primary" icon="down" @click="openContract('download')" data-testid="contract-download">{{ $t('szRenewal.download') }}</van-button>
    <van-button size="small" plain url="#/me/documents" data-testid="contract-documents">{{ $t('szRenewal.myDocuments') }}</van-button>
  </div>`;

function contractOpener(state, problem) {
  return async (mode) => {
    problem.clear();
    try {
      await fileAction(mode, `documents/${encodeURIComponent(state.data.renewal.contractDocumentId)}/pdf`, `${t('szRenewal.contract')}.pdf`);
    } catch (e) {
      problem.set(e);
    }
  };
}

/** SZ-2 a, b: the policy, then the steps in order, then the status. */
const RenewalPage = defineComponent({
  name: 'SzRenewalPage',
  components: { GsPage, GsProblem, GsUpload },
  setup() {
    const { state, problem, load, post, follow } = useRenewal();
    follow();
    const open = (r) => !!r && !CLOSED.includes(r.status);
    const step = () => (state.data && open(state.data.renewal) ? (STEP[state.data.renewal.status] || 5) : 0);
    // just renewed: the result first; a further renewal only on request (再次续约)
    const renewed = () => !!state.data && !!state.data.renewal && state.data.renewal.status === 'RENEWED';
    const choosing = () => step() === 0 && (!renewed() || state.again);
    async function start() {
      if (!state.track) return;
      await post('', { track: state.track });
    }
    async function submit() {
      try {
        await showConfirmDialog({
          title: t('szRenewal.submitTitle'), message: t('szRenewal.submitText'),
          confirmButtonText: t('szRenewal.submit'), cancelButtonText: t('common.cancel'),
        });
      } catch (e) {
        return;
      }
      if (state.data.renewal.status === 'CONFIRMED') {
        const stored = await post('/documents', { idFrontId: state.front.id, idBackId: state.back.id });
        if (!stored) return;
      }
      const r = await post('/submit');
      if (r) state.message = r.message;
    }
    onMounted(() => verified() && load());
    return {
      state, problem, post, step, renewed, choosing, open, start, submit, local, yuan, dayAfter, formatTime, STEPS,
      years: () => years(state.data), openContract: contractOpener(state, problem), MARITAL: ['未婚', '已婚', '离异', '丧偶'],
    };
  },
  template: `
    <GsPage :title="$t('szRenewal.title')" backTo="${BASE}/">
      <van-empty v-if="state.none" :description="$t('szRenewal.noLease')" data-testid="renewal-no-lease" />
      <div v-else-if="state.data" data-testid="renewal-page" :data-step="step()" :data-status="state.data.renewal ? state.data.renewal.status : ''">
        <van-notice-bar v-if="choosing()" wrapable :scrollable="false" left-icon="info-o" data-testid="guide"><strong>{{ $t('szRenewal.guide') }}：</strong>{{ local(state.data.guide) }}</van-notice-bar>
        <van-steps v-if="!renewed() || state.again" :active="Math.min(step(), 4)"><van-step v-for="s in STEPS" :key="s.en">{{ local(s) }}</van-step></van-steps>
        <GsProblem :problem="problem" />

        <section v-if="state.data.renewal && state.data.renewal.status === 'RENEWED'" class="szr-card" data-testid="renewal-done">
          <h3><van-icon name="checked" color="#07c160" /> {{ $t('szRenewal.done') }}</h3>
          <p>{{ $t('szRenewal.doneText') }}</p>
          <dl class="szr-facts">
            <dt>{{ $t('szRenewal.track') }}</dt><dd>{{ $t('szRenewal.' + state.data.renewal.track) }}</dd>
            <dt>{{ $t('szRenewal.newTerm') }}</dt><dd>{{ $t('szRenewal.termRange', { from: dayAfter(state.data.renewal.oldEndDate), to: state.data.renewal.newEndDate }) }}</dd>
            <dt>{{ $t('szRenewal.leaseEnd') }}</dt><dd data-testid="renewal-lease-end" :data-date="state.data.endDate">{{ state.data.endDate }}</dd>
          </dl>
          ${CONTRACT}
          <div v-if="!state.again" class="sz-actions"><van-button plain block size="small" @click="state.again = true" data-testid="renew-again">{{ $t('szRenewal.again') }}</van-button></div>
        </section>

        <template v-if="choosing()">
          <section class="szr-card" data-testid="renewal-choose">
            <h3>{{ $t('szRenewal.apply') }}</h3>
            <dl class="szr-facts">
              <dt>{{ $t('szRenewal.room') }}</dt><dd>{{ state.data.home.project }} {{ state.data.home.building }} {{ state.data.home.room }}</dd>
              <dt>{{ $t('szRenewal.policy') }}</dt><dd data-testid="renewal-policy" :data-policy="state.data.policy">{{ $t('szRenewal.' + state.data.policy) }}</dd>
              <dt>{{ $t('szRenewal.term') }}</dt><dd>{{ $t('szRenewal.termRange', { from: state.data.startDate, to: state.data.endDate }) }}</dd>
            </dl>
          </section>
          <p v-if="state.data.reason" class="gs-problem szr-card" role="alert" data-testid="renewal-reason">{{ local(state.data.reason) }}</p>
          <template v-if="state.data.options.length">
            <p class="gs-muted sz-intro">{{ $t('szRenewal.chooseIntro') }}</p>
            <van-radio-group v-model="state.track">
              <van-cell-group inset>
                <van-cell v-for="o in state.data.options" :key="o" clickable @click="state.track = o" :title="$t('szRenewal.choose' + o)"
                  :label="$t('szRenewal.choose' + o + 'Hint', { years: years() })" :data-testid="'renew-option-' + o">
                  <template #right-icon><van-radio :name="o" /></template>
                </van-cell>
              </van-cell-group>
            </van-radio-group>
            <div class="sz-actions"><van-button type="primary" block :disabled="!state.track" :loading="state.busy" @click="start" data-testid="renew-start">{{ $t('szRenewal.confirmChoice') }}</van-button></div>
          </template>
          <div v-if="!state.data.options.includes('NEW')" class="sz-actions">
            <p class="gs-muted">{{ $t('szRenewal.toCheckHint') }}</p>
            <van-button plain block type="primary" url="#${BASE}/economic-check" data-testid="to-economic-check">{{ $t('szRenewal.toCheck') }}</van-button>
          </div>
        </template>

        <section v-else-if="step() === 1" data-testid="renewal-declaration">
          <h2 class="sz-h2">{{ $t('szRenewal.declaration') }}</h2>
          <div class="szr-card" data-testid="declaration-text">{{ $t('szRenewal.declarationText') }}</div>
          <van-checkbox v-model="state.accepted" class="sz-check" data-testid="declaration-check">{{ $t('szRenewal.declarationCheck') }}</van-checkbox>
          <div class="sz-actions"><van-button type="primary" block :disabled="!state.accepted" :loading="state.busy" @click="post('/declaration', { accepted: true })" data-testid="declaration-accept">{{ $t('szRenewal.accept') }}</van-button></div>
        </section>

        <section v-else-if="step() === 2" data-testid="renewal-confirmation">
          <h2 class="sz-h2">{{ $t('szRenewal.confirm') }}</h2>
          ${SUMMARY}
          <van-cell-group inset :title="$t('szRenewal.marital')">
            <van-field :label="$t('szRenewal.marital')" required :error-message="problem.field('maritalStatus')" :placeholder="$t('szRenewal.maritalHint')">
              <template #input><van-radio-group v-model="state.marital" direction="horizontal" data-testid="marital"><van-radio v-for="m in MARITAL" :key="m" :name="m" :data-testid="'marital-' + m">{{ m }}</van-radio></van-radio-group></template>
            </van-field>
          </van-cell-group>
          <div class="sz-actions"><van-button type="primary" block :disabled="!state.marital" :loading="state.busy" @click="post('/confirmation', { confirmed: true, maritalStatus: state.marital })" data-testid="confirm-next">{{ $t('szRenewal.next') }}</van-button></div>
        </section>

        <section v-else-if="step() === 3 || step() === 4" data-testid="renewal-documents">
          <h2 class="sz-h2">{{ $t('szRenewal.upload') }}</h2>
          <template v-if="step() === 3">
            <p class="gs-muted sz-intro">{{ $t('szRenewal.uploadIntro') }}</p>
            <GsUpload v-model="state.front" kind="id-card-front" :label="$t('szRenewal.idFront')" accept="image/jpeg,image/png" capture />
            <GsUpload v-model="state.back" kind="id-card-back" :label="$t('szRenewal.idBack')" accept="image/jpeg,image/png" capture />
            <p v-if="problem.field('idFrontId') || problem.field('idBackId')" class="gs-problem" role="alert">{{ problem.field('idFrontId') || problem.field('idBackId') }}</p>
          </template>
          <p v-else class="szr-card" data-testid="renewal-uploaded"><van-icon name="passed" color="#07c160" /> {{ $t('szRenewal.uploaded') }}</p>
          <div class="sz-actions"><van-button type="primary" block :disabled="step() === 3 && (!state.front || !state.back)" :loading="state.busy" @click="submit" data-testid="renewal-submit">{{ $t('szRenewal.submit') }}</van-button></div>
        </section>

        <section v-if="state.data.renewal && step() >= 5 || state.data.renewal && ['REJECTED', 'WITHDRAWN'].includes(state.data.renewal.status)" class="szr-card" data-testid="renewal-state">
          <h3>{{ $t('szRenewal.status') }}</h3>
          <p v-if="state.message && state.data.renewal.status === 'REVIEW'" class="sz-success" role="status" data-testid="renewal-submitted"><van-icon name="checked" color="#07c160" /> {{ state.message }}</p>
          <p><van-tag type="primary" size="medium" data-testid="renewal-status" :data-status="state.data.renewal.status">{{ local(state.data.renewal.statusText) }}</van-tag></p>
          <dl class="szr-facts">
            <template v-if="state.data.renewal.caseNumber"><dt>{{ $t('szRenewal.caseNumber') }}</dt><dd data-testid="renewal-case-number">{{ state.data.renewal.caseNumber }}</dd></template>
            <dt>{{ $t('szRenewal.track') }}</dt><dd>{{ $t('szRenewal.' + state.data.renewal.track) }}</dd>
            <dt>{{ $t('szRenewal.newEnd') }}</dt><dd>{{ state.data.renewal.newEndDate }}</dd>
          </dl>
          <p v-if="state.data.renewal.next === 'signing'" data-testid="renewal-approved">{{ $t('szRenewal.approvedHint') }}</p>
          <p v-if="state.data.renewal.status === 'SIGNED'" data-testid="renewal-signed"><strong>{{ state.data.renewal.message || $t('szRenewal.signed') }}</strong> {{ $t('szRenewal.signedHint') }}</p>
          <p v-if="state.data.renewal.status === 'REJECTED'" data-testid="renewal-rejected">{{ $t('szRenewal.rejected') }}</p>
          <div class="sz-actions">
            <van-button v-if="state.data.renewal.next === 'signing'" type="primary" block :url="'#${BASE}/signing'" data-testid="renewal-to-sign">{{ $t('szRenewal.toSign') }}</van-button>
            <van-button v-if="state.data.renewal.caseId" plain block icon="underway-o" :url="'#/me/cases/' + state.data.renewal.caseId" data-testid="renewal-progress">{{ $t('szRenewal.progress') }}</van-button>
          </div>
        </section>
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
    return { state, problem, post, local, formatTime };
  },
  template: `
    <GsPage :title="$t('szRenewal.checkTitle')" backTo="${BASE}/">
      <van-empty v-if="state.none" :description="$t('szRenewal.noLease')" />
      <div v-else-if="state.data" data-testid="economic-check-page">
        <van-notice-bar wrapable :scrollable="false" left-icon="info-o">{{ $t('szRenewal.checkIntro') }}</van-notice-bar>
        <GsProblem :problem="problem" />
        <div class="sz-actions"><van-button type="primary" block :loading="state.busy" @click="post('/economic-check')" data-testid="run-check">{{ state.data.check ? $t('szRenewal.runAgain') : $t('szRenewal.runCheck') }}</van-button></div>
        <section v-if="state.data.check" data-testid="check-report" :data-passed="String(state.data.check.passed)">
          <h2 class="sz-h2">{{ $t('szRenewal.report') }} <van-tag :type="state.data.check.passed ? 'success' : 'danger'" size="medium" data-testid="check-result">{{ state.data.check.passed ? $t('szRenewal.passed') : $t('szRenewal.failed') }}</van-tag></h2>
          <p class="gs-muted sz-intro">{{ $t('szRenewal.reportNo') }} <span data-testid="check-report-number">{{ state.data.check.reportNumber }}</span> · {{ $t('szRenewal.checkedAt') }} {{ formatTime(state.data.check.checkedAt) }}</p>
          <van-cell-group inset>
            <van-cell v-for="f in state.data.check.findings" :key="f.item" :title="local({ zh: f.item, en: f.itemEn })" :value="f.value"
              :label="$t('szRenewal.limit', { limit: f.limit })" data-testid="check-finding" :data-passed="String(f.passed)">
              <template #right-icon><van-icon :name="f.passed ? 'passed' : 'close'" :color="f.passed ? '#07c160' : '#ee0a24'" class="sz-finding-icon" /></template>
            </van-cell>
          </van-cell-group>
          <template v-if="!state.data.check.passed">
            <p v-if="state.data.reason" class="gs-problem szr-card" role="alert" data-testid="check-reason">{{ local(state.data.reason) }}</p>
            <p v-else-if="state.data.options.includes('OLD')" class="szr-card" data-testid="check-reason">{{ $t('szRenewal.failedOld') }}</p>
          </template>
          <div v-if="state.data.options.length && !(state.data.renewal && !['RENEWED', 'REJECTED', 'WITHDRAWN'].includes(state.data.renewal.status))" class="sz-actions">
            <van-button type="primary" block url="#${BASE}/renewal" data-testid="check-renew">{{ state.data.options.includes('NEW') ? $t('szRenewal.chooseNEW') : $t('szRenewal.renewNow') }}</van-button>
          </div>
        </section>
      </div>
      <GsProblem v-else :problem="problem" />
    </GsPage>`,
});

/** SZ-2 c: the contract to sign (core ceremony), then the signed contract to view, download, print. */
const SigningPage = defineComponent({
  name: 'SzRenewalSigningPage',
  components: { GsPage, GsProblem },
  setup() {
    const { state, problem, load, post, follow } = useRenewal();
    follow();
    async function sign() {
      const s = await post('/signing');
      if (s) navigate(`/signing/${encodeURIComponent(s.signingId)}`, { query: { next: `${BASE}/signing` } });
    }
    onMounted(() => verified() && load());
    return { state, problem, sign, local, dayAfter, openContract: contractOpener(state, problem) };
  },
  template: `
    <GsPage :title="$t('szRenewal.signTitle')" backTo="${BASE}/">
      <van-empty v-if="state.none" :description="$t('szRenewal.noLease')" />
      <div v-else-if="state.data" data-testid="renewal-signing-page" :data-status="state.data.renewal ? state.data.renewal.status : ''">
        <GsProblem :problem="problem" />
        <template v-if="state.data.renewal && ['APPROVED', 'SIGNING', 'SIGNED', 'RENEWED'].includes(state.data.renewal.status)">
          <section class="szr-card">
            <p><van-tag type="primary" size="medium" data-testid="renewal-status" :data-status="state.data.renewal.status">{{ local(state.data.renewal.statusText) }}</van-tag></p>
            <h3>{{ $t('szRenewal.contractName') }}</h3>
            <dl class="szr-facts" data-testid="signing-summary">
              <dt>{{ $t('szRenewal.leaseNo') }}</dt><dd>{{ state.data.leaseNo }}</dd>
              <dt>{{ $t('szRenewal.room') }}</dt><dd>{{ state.data.home.project }} {{ state.data.home.building }} {{ state.data.home.room }}</dd>
              <dt>{{ $t('szRenewal.lesseeName') }}</dt><dd>{{ state.data.lesseeName }}</dd>
              <dt>{{ $t('szRenewal.track') }}</dt><dd>{{ $t('szRenewal.' + state.data.renewal.track) }}</dd>
              <dt>{{ $t('szRenewal.newTerm') }}</dt><dd>{{ $t('szRenewal.termRange', { from: dayAfter(state.data.renewal.oldEndDate), to: state.data.renewal.newEndDate }) }}</dd>
              <template v-if="state.data.renewal.status === 'RENEWED'"><dt>{{ $t('szRenewal.leaseEnd') }}</dt><dd data-testid="renewal-lease-end" :data-date="state.data.endDate">{{ state.data.endDate }}</dd></template>
            </dl>
          </section>
          <template v-if="state.data.renewal.next === 'signing'">
            <p class="gs-muted sz-intro">{{ $t('szRenewal.toSignIntro') }}</p>
            <div class="sz-actions"><van-button type="primary" block :loading="state.busy" @click="sign" data-testid="start-signing">{{ $t('szRenewal.sign') }}</van-button></div>
          </template>
          <p v-if="state.data.renewal.status === 'SIGNED'" class="szr-card" data-testid="signed-message"><strong>{{ state.data.renewal.message || $t('szRenewal.signed') }}</strong> {{ $t('szRenewal.signedHint') }}</p>
          <section v-if="state.data.renewal.status === 'RENEWED' && state.data.renewal.contractDocumentId" class="szr-card" data-testid="renewal-done">
            <p><van-icon name="checked" color="#07c160" /> {{ $t('szRenewal.doneText') }}</p>
            ${CONTRACT}
          </section>
        </template>
        <div v-else class="szr-card" data-testid="signing-not-ready">
          <p>{{ $t('szRenewal.notReady') }}</p>
          <van-button type="primary" block url="#${BASE}/renewal">{{ $t('szRenewal.toRenewal') }}</van-button>
        </div>
      </div>
      <GsProblem v-else :problem="problem" />
    </GsPage>`,
});

export const renewalRoutes = [
  { path: 'renewal', component: RenewalPage },
  { path: 'economic-check', component: CheckPage },
  { path: 'signing', component: SigningPage },
];

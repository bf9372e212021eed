// 个人租后信息变更 (SZ-3, citizens: route `changes`) and 单位住房承租信息变更 (SZ-5, organizations: route
// `employer-changes`), as seed 000 §6 and §8 show them: a list page with the home(s), who lives there
// and the changes with their review (变更记录), and 变更信息 opening the form of one home
// (`…/:leaseId/edit`): the citizen edits their mobile and marital status and adds, edits and deletes
// co-residents (同住人); an organization edits and deletes occupants (入住人) and adds occupants and
// the co-residents of each. Files per A-1 (JPG/PNG/PDF, at most 1 MB: the ID card of every person
// added, a certificate when the marital status changes). Submitted after a confirmation; nothing
// changes before the home's district approves. An organization prints the 入住通知书 of an occupant
// once the change is approved. Values are shown masked; a row sent back masked keeps them.
import { reactive, computed, nextTick, onMounted, defineComponent } from 'vue';
import { showConfirmDialog, showToast } from 'vant';
import {
  api, t, local, formatTime, navigate, session, hasTrustLevel, route, addMessages, useProblem, checkIdNumber, checkMobile,
  isPhone, ensureStylesheet, GsProblem, GsPage, GsUpload, fileAction,
} from 'guangsha';

ensureStylesheet('/ui/shenzhen-rental/changes.css');

const BASE = '/m/shenzhen-rental';

const zh = {
  title: '个人租后信息变更', employerTitle: '单位住房承租信息变更',
  guide: '操作说明',
  guideText: '该页面可以编辑个人基础信息，以及增加、编辑和删除同住人信息。上传附件要求：必须是JPG、PNG、PDF等格式且大小在1M之内。提交后由房屋所在区住房保障部门审核，审核通过后生效。',
  employerGuideText: '1）变更信息：编辑和删除入住人，以及增加入住人和同住人信息；2）审核通过后打印入住通知书。上传附件要求：必须是JPG、PNG、PDF等格式且大小在1M之内。',
  loading: '正在加载…', noLease: '您目前没有有效的租赁合同', orgOnly: '单位住房承租信息变更由单位（法人）账号办理，请使用法人登录。',
  orgLogin: '法人登录', homes: '本单位承租的住房（{n} 套）', leaseNo: '合同编号', address: '地址',
  lessee: '承租人', mobile: '手机号码', marital: '婚姻状况', notGiven: '未登记',
  coResidents: '同住人', occupants: '入住人', noResidents: '暂无同住人', noOccupants: '暂无入住人', livesWith: '同住人',
  change: '变更信息', underReview: '已有一份变更申请正在审核中，审核结束后才能再次变更',
  history: '变更记录', none: '暂无变更记录', caseNo: '业务编号', submittedAt: '提交时间', progress: '查看审核进度',
  after: '变更后住户', deleted: '删除',
  notice: '打印入住通知书', noticeOf: '打印入住通知书（{name}）', noticeIssued: '入住通知书 {number}',
  view: '查看', print: '打印', download: '下载', myDocuments: '我的文书', noticeFile: '入住通知书-{number}.pdf',
  // the form
  editTitle: '变更信息', basics: '承租人信息', name: '姓名', idNumber: '身份证号码', relation: '与承租人关系',
  relationOccupant: '与入住人关系', chooseRelation: '请选择', chooseMarital: '请选择',
  masked: '不修改的内容留空即可（灰色为现登记的内容）；如需修改，请完整填写新的内容', mobileHint: '如需变更，请输入新的手机号码',
  coResident: '同住人', occupant: '入住人', added: '新增', edited: '已修改', removed: '将删除',
  edit: '编辑', done: '完成', remove: '删除', undo: '撤销删除',
  add: '新增同住人', addOccupant: '新增入住人', addCoResident: '新增同住人',
  removeOccupantTitle: '删除入住人', removeOccupantText: '删除入住人{name}，其同住人也将一并删除。',
  files: '证明材料', idFront: '身份证（人像面）', idBack: '身份证（国徽面）',
  idCardOf: '{name}的身份证', newPerson: '新增人员',
  certificate: '结婚证、离婚证、出生医学证明或户口簿等', certificateOptional: '（选填）', certificateRequired: '（婚姻状况变更时必传）',
  reason: '变更原因', reasonPlaceholder: '如：子女出生、结婚、员工入住或离职',
  summary: '本次变更：新增 {add} 人，修改 {edit} 人，删除 {remove} 人', basicsChanged: '，承租人信息有变更',
  nothing: '尚未做任何变更', submit: '提交变更', cancel: '返回',
  confirmTitle: '确认提交变更', confirmText: '{summary}。提交后由房屋所在区住房保障部门审核，审核通过后生效，审核期间不能再次变更。',
  confirmSubmit: '确认提交', back: '再检查一下',
  submitted: '变更申请已提交，审核通过后生效',
  fix: '请更正标出的信息后再提交',
  err: {
    name: '请填写姓名', idNumber: '请填写身份证号码', relation: '请选择关系', mobile: '手机号码应为 11 位数字，以 1 开头',
    marital: '请选择婚姻状况', idFront: '请上传{name}的身份证人像面', idBack: '请上传{name}的身份证国徽面',
    certificate: '婚姻状况变更，请上传结婚证或离婚证等证明', occupant: '请先为同住人选择入住人',
    id: { format: '身份证号码应为 18 位，前 17 位为数字，最后一位为数字或 X', birthDate: '身份证号码中的出生日期无效', checkDigit: '身份证号码校验位错误，请核对' },
  },
  status: { REVIEW: '审核中', APPROVED: '已通过', REJECTED: '未通过', WITHDRAWN: '已撤回' },
  action: { ADD: '新增', EDIT: '修改', KEEP: '不变', DELETE: '删除' },
};
const en = {
  title: 'Changes after renting', employerTitle: 'Employer housing changes',
  guide: 'How it works',
  guideText: 'Edit your basic information and add, edit or delete co-residents. Files: JPG, PNG or PDF, at most 1 MB each. The district housing office of the home reviews the change; it takes effect once approved.',
  employerGuideText: '1) Change: edit and delete occupants, add occupants and their co-residents; 2) print the occupancy notice once approved. Files: JPG, PNG or PDF, at most 1 MB each.',
  loading: 'Loading…', noLease: 'You hold no active lease', orgOnly: 'Employer housing changes are made with an organization account: log in as an organization.',
  orgLogin: 'Organization login', homes: 'Homes rented by your organization ({n})', leaseNo: 'Lease no.', address: 'Address',
  lessee: 'Lessee', mobile: 'Mobile', marital: 'Marital status', notGiven: 'not given',
  coResidents: 'Co-residents', occupants: 'Occupants', noResidents: 'No co-residents', noOccupants: 'No occupants', livesWith: 'Co-residents',
  change: 'Change', underReview: 'A change is under review; a new one can be made once it is decided',
  history: 'Changes', none: 'No changes yet', caseNo: 'Case no.', submittedAt: 'Submitted', progress: 'Review progress',
  after: 'Residents after the change', deleted: 'Deleted',
  notice: 'Print the occupancy notice', noticeOf: 'Occupancy notice ({name})', noticeIssued: 'Occupancy notice {number}',
  view: 'View', print: 'Print', download: 'Download', myDocuments: 'My documents', noticeFile: 'occupancy-notice-{number}.pdf',
  editTitle: 'Change', basics: 'Lessee', name: 'Name', idNumber: 'ID number', relation: 'Relation to the lessee',
  relationOccupant: 'Relation to the occupant', chooseRelation: 'Choose', chooseMarital: 'Choose',
  masked: 'Leave a field empty to keep it (the grey text is what is on record); to change it, type the new value in full', mobileHint: 'To change it, enter the new mobile',
  coResident: 'Co-resident', occupant: 'Occupant', added: 'New', edited: 'Edited', removed: 'To be deleted',
  edit: 'Edit', done: 'Done', remove: 'Delete', undo: 'Undo',
  add: 'Add a co-resident', addOccupant: 'Add an occupant', addCoResident: 'Add a co-resident',
  removeOccupantTitle: 'Delete the occupant', removeOccupantText: 'Deleting {name} also deletes their co-residents.',
  files: 'Documents', idFront: 'ID card (photo side)', idBack: 'ID card (emblem side)',
  idCardOf: 'ID card of {name}', newPerson: 'the new person',
  certificate: 'Marriage or divorce certificate, birth certificate or household register', certificateOptional: ' (optional)', certificateRequired: ' (required when the marital status changes)',
  reason: 'Reason', reasonPlaceholder: 'e.g. a child was born, a marriage, an employee moves in or leaves',
  summary: 'This change: {add} added, {edit} edited, {remove} deleted', basicsChanged: '; the lessee\'s details change',
  nothing: 'Nothing has been changed yet', submit: 'Submit the change', cancel: 'Back',
  confirmTitle: 'Submit the change?', confirmText: '{summary}. The district housing office reviews it; it takes effect once approved, and no other change can be made meanwhile.',
  confirmSubmit: 'Submit', back: 'Check again',
  submitted: 'Submitted: it takes effect once approved',
  fix: 'Correct the marked fields, then submit again',
  err: {
    name: 'Enter the name', idNumber: 'Enter the ID number', relation: 'Choose the relation', mobile: '11 digits starting with 1',
    marital: 'Choose the marital status', idFront: 'Upload the photo side of the ID card of {name}', idBack: 'Upload the emblem side of the ID card of {name}',
    certificate: 'The marital status changes: upload the marriage or divorce certificate', occupant: 'Choose the occupant first',
    id: { format: '18 characters: 17 digits and a digit or X', birthDate: 'The date of birth in the ID number is not valid', checkDigit: 'The check digit of the ID number is wrong' },
  },
  status: { REVIEW: 'Under review', APPROVED: 'Approved', REJECTED: 'Rejected', WITHDRAWN: 'Withdrawn' },
  action: { ADD: 'Added', EDIT: 'Edited', KEEP: 'Unchanged', DELETE: 'Deleted' },
};
addMessages({ 'zh-CN': { szChanges: zh }, en: { szChanges: en } });

const MARITAL = ['未婚', '已婚', '离异', '丧偶'];
const RELATIONS = ['配偶', '子女', '父母', '配偶父母', '兄弟姐妹', '祖父母', '孙子女', '其他亲属', '其他'];

/** The page's gate: signed in, the right kind of account, a citizen verified (L2). */
function allowed(employer) {
  const me = session.me;
  if (!me) {
    navigate('/login', { query: { next: route.path, ...(employer ? { who: 'organization' } : {}) }, replace: true });
    return false;
  }
  const organization = me.kind === 'ORGANIZATION';
  if (!employer && organization) {
    navigate(`${BASE}/employer-changes`, { replace: true });
    return false;
  }
  if (employer && !organization) return false;
  if (!employer && !hasTrustLevel('L2')) {
    navigate('/verify-prompt', { query: { level: 'L2', next: route.path }, replace: true });
    return false;
  }
  return true;
}

const listPath = (employer) => `${BASE}/${employer ? 'employer-changes' : 'changes'}`;
const changesPath = (leaseId) => `shenzhen/rental/leases/${encodeURIComponent(leaseId)}/changes`;
const homeName = (d) => `${d.project || ''} ${d.building || ''} ${d.room || ''}`.trim();

/** A person in one line: 李* · 4403**********2026 · 配偶 · 138****0011. */
function personLine(r) {
  return [r.name, r.idNumber, r.relation, r.mobile].filter(Boolean).join(' · ');
}

/** SZ-3 / SZ-5 list: the home(s), who lives there, 变更信息, the changes and their review. */
const ChangesList = defineComponent({
  name: 'SzChangesList',
  components: { GsPage, GsProblem },
  props: { employer: { type: Boolean, default: false }, params: Object },
  setup(props) {
    const problem = useProblem();
    const state = reactive({ ok: false, orgOnly: false, loading: true, leases: [], notices: {}, busy: '' });
    async function load() {
      state.ok = allowed(props.employer);
      state.orgOnly = props.employer && !!session.me && session.me.kind !== 'ORGANIZATION';
      if (!state.ok) {
        state.loading = false;
        return;
      }
      try {
        const me = await api.get('shenzhen/rental/me');
        const homes = (me.homes || []).filter((h) => h.status === 'ACTIVE');
        state.leases = await Promise.all(homes.map((h) => api.get(changesPath(h.leaseId))));
        problem.clear();
      } catch (e) {
        problem.set(e);
      } finally {
        state.loading = false;
      }
    }
    const occupants = (d) => d.residents.filter((r) => r.role === 'OCCUPANT');
    const coResidents = (d, occupant) =>
      d.residents.filter((r) => r.role === 'CO_RESIDENT' && (!occupant || r.occupantRef === occupant.id));
    // SZ-5: the notice is printed for an occupant the approved change names who still lives there
    const printable = (d, c) =>
      c.status === 'APPROVED' ? c.residents.filter((r) => r.role === 'OCCUPANT' && d.residents.some((n) => n.id === r.id)) : [];
    const people = (c) => (c.status === 'REVIEW' ? c.residents.filter((r) => r.action !== 'KEEP') : c.residents);
    async function notice(d, c, r) {
      problem.clear();
      state.busy = `${c.id}:${r.id}`;
      try {
        const doc = await api.post(`${changesPath(d.leaseId)}/${encodeURIComponent(c.id)}/notice?occupantId=${encodeURIComponent(r.id)}`);
        state.notices = { ...state.notices, [`${c.id}:${r.id}`]: doc };
      } catch (e) {
        problem.set(e);
      } finally {
        state.busy = '';
      }
    }
    async function open(doc, mode) {
      try {
        await fileAction(mode, doc.pdf.replace(/^\/api\//, ''), t('szChanges.noticeFile', { number: doc.number }));
      } catch (e) {
        showToast(e.message || String(e));
      }
    }
    const edit = (d) => navigate(`${listPath(props.employer)}/${encodeURIComponent(d.leaseId)}/edit`);
    onMounted(load);
    return { state, problem, occupants, coResidents, printable, people, notice, open, edit, homeName, personLine, local, formatTime, BASE };
  },
  template: `
    <GsPage :title="$t(employer ? 'szChanges.employerTitle' : 'szChanges.title')" :back-to="BASE + '/'">
      <div class="sz-changes" data-testid="changes-list">
        <van-notice-bar wrapable :scrollable="false" left-icon="info-o" data-testid="changes-guide">
          <strong>{{ $t('szChanges.guide') }}：</strong>{{ $t(employer ? 'szChanges.employerGuideText' : 'szChanges.guideText') }}
        </van-notice-bar>
        <GsProblem :problem="problem" />
        <section v-if="state.orgOnly" class="szc-card" data-testid="changes-org-only">
          <p>{{ $t('szChanges.orgOnly') }}</p>
          <van-button round block type="primary" :url="'#/login?who=organization&next=' + encodeURIComponent(BASE + '/employer-changes')">{{ $t('szChanges.orgLogin') }}</van-button>
        </section>
        <p v-if="state.loading" class="gs-loading" role="status">{{ $t('szChanges.loading') }}</p>
        <p v-else-if="state.ok && !state.leases.length && !problem.message" class="szc-card gs-muted" data-testid="changes-no-lease">{{ $t('szChanges.noLease') }}</p>
        <h2 v-if="employer && state.leases.length" class="gs-section-title">{{ $t('szChanges.homes', { n: state.leases.length }) }}</h2>
        <article v-for="d in state.leases" :key="d.leaseId" class="szc-card" data-testid="changes-home" :data-lease="d.leaseNo" :data-home="d.homeCode">
          <h3 data-testid="changes-home-name">{{ homeName(d) }}</h3>
          <dl class="szc-facts">
            <dt>{{ $t('szChanges.address') }}</dt><dd>{{ d.address }}</dd>
            <dt>{{ $t('szChanges.leaseNo') }}</dt><dd>{{ d.leaseNo }}</dd>
            <template v-if="!employer">
              <dt>{{ $t('szChanges.lessee') }}</dt><dd>{{ d.lesseeName }}</dd>
              <dt>{{ $t('szChanges.mobile') }}</dt><dd data-testid="changes-lessee-mobile">{{ d.mobile || $t('szChanges.notGiven') }}</dd>
              <dt>{{ $t('szChanges.marital') }}</dt><dd data-testid="changes-lessee-marital">{{ d.maritalStatus || $t('szChanges.notGiven') }}</dd>
            </template>
          </dl>
          <template v-if="!employer">
            <h4>{{ $t('szChanges.coResidents') }}</h4>
            <p v-if="!d.residents.length" class="gs-muted">{{ $t('szChanges.noResidents') }}</p>
            <ul class="szc-people" data-testid="changes-residents">
              <li v-for="r in d.residents" :key="r.id" data-testid="changes-person" :data-role="r.role">{{ personLine(r) }}</li>
            </ul>
          </template>
          <template v-else>
            <h4>{{ $t('szChanges.occupants') }}</h4>
            <p v-if="!occupants(d).length" class="gs-muted">{{ $t('szChanges.noOccupants') }}</p>
            <ul class="szc-people" data-testid="changes-residents">
              <li v-for="o in occupants(d)" :key="o.id" data-testid="changes-person" data-role="OCCUPANT">{{ personLine(o) }}
                <ul v-if="coResidents(d, o).length" class="szc-people szc-nested">
                  <li v-for="r in coResidents(d, o)" :key="r.id" data-testid="changes-person" data-role="CO_RESIDENT">{{ $t('szChanges.livesWith') }}：{{ personLine(r) }}</li>
                </ul>
              </li>
            </ul>
          </template>
          <p v-if="!d.canApply" class="gs-muted szc-reason" data-testid="changes-reason">{{ local(d.reason) }}</p>
          <van-button type="primary" block round icon="edit" :disabled="!d.canApply" @click="edit(d)" data-testid="changes-edit">{{ $t('szChanges.change') }}</van-button>
          <h4>{{ $t('szChanges.history') }}</h4>
          <p v-if="!d.changes.length" class="gs-muted" data-testid="changes-none">{{ $t('szChanges.none') }}</p>
          <ol class="szc-history">
            <li v-for="c in d.changes" :key="c.id" data-testid="change" :data-status="c.status" :data-case="c.caseId">
              <p class="szc-history-head">
                <van-tag :type="c.status === 'APPROVED' ? 'success' : c.status === 'REVIEW' ? 'warning' : 'default'" data-testid="change-status">{{ local(c.statusText) }}</van-tag>
                <span class="gs-muted"> {{ $t('szChanges.caseNo') }} {{ c.caseNumber || '—' }} · {{ formatTime(c.createdAt) }}</span>
              </p>
              <p v-if="c.mobile || c.maritalStatus" class="szc-basics">
                <span v-if="c.mobile">{{ $t('szChanges.mobile') }}：{{ c.mobile }} </span><span v-if="c.maritalStatus">{{ $t('szChanges.marital') }}：{{ c.maritalStatus }}</span>
              </p>
              <ul class="szc-people szc-small">
                <li v-for="r in people(c)" :key="r.ref" data-testid="change-person" :data-action="r.action || ''">
                  <van-tag v-if="r.action" plain :type="r.action === 'ADD' ? 'success' : 'primary'">{{ $t('szChanges.action.' + r.action) }}</van-tag>
                  {{ $t(r.role === 'OCCUPANT' ? 'szChanges.occupant' : 'szChanges.coResident') }}：{{ personLine(r) }}
                </li>
                <li v-for="r in c.removed" :key="'x' + r.ref" data-testid="change-person" data-action="DELETE">
                  <van-tag plain type="danger">{{ $t('szChanges.action.DELETE') }}</van-tag>
                  {{ $t(r.role === 'OCCUPANT' ? 'szChanges.occupant' : 'szChanges.coResident') }}：{{ personLine(r) }}
                </li>
              </ul>
              <div class="szc-actions">
                <van-button v-if="c.caseId" size="small" plain icon="underway-o" :url="'#/me/cases/' + c.caseId" data-testid="change-progress">{{ $t('szChanges.progress') }}</van-button>
                <template v-if="employer">
                  <van-button v-for="r in printable(d, c)" :key="r.id" size="small" type="primary" icon="printer" :loading="state.busy === c.id + ':' + r.id"
                    @click="notice(d, c, r)" data-testid="changes-notice" :data-occupant="r.id">{{ $t('szChanges.noticeOf', { name: r.name }) }}</van-button>
                </template>
              </div>
              <template v-for="r in printable(d, c)" :key="'n' + r.id">
                <div v-if="state.notices[c.id + ':' + r.id]" class="szc-doc" data-testid="changes-notice-document" :data-number="state.notices[c.id + ':' + r.id].number" :data-pdf="state.notices[c.id + ':' + r.id].pdf">
                  <p><van-icon name="description" aria-hidden="true" /> {{ $t('szChanges.noticeIssued', { number: state.notices[c.id + ':' + r.id].number }) }}</p>
                  <div class="szc-actions">
                    <van-button size="small" plain type="primary" icon="eye-o" @click="open(state.notices[c.id + ':' + r.id], 'view')" data-testid="notice-view">{{ $t('szChanges.view') }}</van-button>
                    <van-button size="small" type="primary" icon="printer" @click="open(state.notices[c.id + ':' + r.id], 'print')" data-testid="notice-print">{{ $t('szChanges.print') }}</van-button>
                    <van-button size="small" plain type="primary" icon="down" @click="open(state.notices[c.id + ':' + r.id], 'download')" data-testid="notice-download">{{ $t('szChanges.download') }}</van-button>
                    <van-button size="small" plain icon="orders-o" url="#/me/documents">{{ $t('szChanges.myDocuments') }}</van-button>
                  </div>
                </div>
              </template>
            </li>
          </ol>
        </article>
      </div>
    </GsPage>`,
});

let seq = 0;

/**
 * A row of the form: a resident as the server showed it, or a new one. A resident's name, ID number
 * and mobile are only known masked: their fields start empty with the masked value as placeholder,
 * and only what is typed replaces them (sent back masked, the server keeps the stored value).
 */
function row(r, role) {
  seq += 1;
  const base = r
    ? { id: r.id, ref: r.id, role: r.role, occupantRef: r.occupantRef || null, relation: r.relation || '' }
    : { id: null, ref: `n${seq}`, role, occupantRef: null, relation: role === 'OCCUPANT' ? '员工' : '' };
  return reactive({
    ...base, name: '', idNumber: '', mobile: '', key: `k${seq}`,
    masked: r ? { name: r.name || '', idNumber: r.idNumber || '', mobile: r.mobile || '' } : null,
    before: r ? { ...base } : null, editing: !r, deleted: false, front: null, back: null, errors: {},
  });
}

const typed = (v) => !!(v && v.trim());
const changed = (r) => !!r.before && (typed(r.name) || typed(r.idNumber) || typed(r.mobile)
  || (r.relation || '') !== (r.before.relation || '') || (r.occupantRef || '') !== (r.before.occupantRef || ''));
const idChanged = (r) => !r.before || typed(r.idNumber);
const shown = (r, k) => (typed(r[k]) ? r[k].trim() : r.masked ? r.masked[k] : '');
/** A row in one line: what was typed, else the masked value. */
const rowLine = (r, relation = true) =>
  [shown(r, 'name'), shown(r, 'idNumber'), relation ? r.relation : '', shown(r, 'mobile')].filter(Boolean).join(' · ');

/** SZ-3 / SZ-5 变更信息: the form of one home. */
const ChangesEdit = defineComponent({
  name: 'SzChangesEdit',
  components: { GsPage, GsProblem, GsUpload },
  props: { employer: { type: Boolean, default: false }, params: Object },
  setup(props) {
    const problem = useProblem();
    const state = reactive({ ok: false, loading: true, data: null, rows: [], mobile: '', marital: '', reason: '', certificate: null, busy: false, errors: {} });
    const leaseId = props.params && props.params.leaseId;
    async function load() {
      state.ok = allowed(props.employer);
      if (!state.ok) {
        state.loading = false;
        return;
      }
      try {
        state.data = await api.get(changesPath(leaseId));
        state.rows = state.data.residents.map((r) => row(r));
        state.mobile = '';
        state.marital = state.data.maritalStatus || '';
      } catch (e) {
        problem.set(e);
      } finally {
        state.loading = false;
      }
    }
    const live = computed(() => state.rows.filter((r) => !r.deleted));
    const occupantRows = computed(() => state.rows.filter((r) => r.role === 'OCCUPANT'));
    const coRows = (o) => state.rows.filter((r) => r.role === 'CO_RESIDENT' && r.occupantRef === o.ref);
    const mobileChanged = computed(() => !props.employer && typed(state.mobile));
    const maritalChanged = computed(() => !props.employer && (state.marital || '') !== ((state.data && state.data.maritalStatus) || ''));
    const counts = computed(() => ({
      add: state.rows.filter((r) => !r.id && !r.deleted).length,
      edit: state.rows.filter((r) => r.id && !r.deleted && changed(r)).length,
      remove: state.rows.filter((r) => r.id && r.deleted).length,
    }));
    const dirty = computed(() => counts.value.add + counts.value.edit + counts.value.remove > 0 || mobileChanged.value || maritalChanged.value);
    const summary = computed(() => t('szChanges.summary', counts.value) + (mobileChanged.value || maritalChanged.value ? t('szChanges.basicsChanged') : ''));

    function add(role, occupant) {
      const r = row(null, role);
      if (role === 'CO_RESIDENT' && occupant) r.occupantRef = occupant.ref;
      // a co-resident goes after its occupant's other co-residents
      if (occupant) {
        const group = coRows(occupant);
        const after = group.length ? group[group.length - 1] : occupant;
        state.rows.splice(state.rows.indexOf(after) + 1, 0, r);
      } else {
        state.rows.push(r);
      }
    }
    async function remove(r) {
      if (!r.id) {
        // a person added here is simply dropped (with their co-residents)
        state.rows = state.rows.filter((x) => x !== r && !(r.role === 'OCCUPANT' && x.occupantRef === r.ref));
        return;
      }
      const group = r.role === 'OCCUPANT' ? coRows(r).filter((x) => !x.deleted) : [];
      if (group.length) {
        try {
          await showConfirmDialog({
            title: t('szChanges.removeOccupantTitle'), message: t('szChanges.removeOccupantText', { name: shown(r, 'name') }),
            confirmButtonText: t('szChanges.remove'), cancelButtonText: t('szChanges.back'), className: 'szc-remove-dialog',
          });
        } catch (e) {
          return;
        }
      }
      r.deleted = true;
      r.editing = false;
      for (const x of group) {
        if (x.id) x.deleted = true;
        else state.rows.splice(state.rows.indexOf(x), 1);
      }
    }
    function undo(r) {
      r.deleted = false;
      const occupant = state.rows.find((o) => o.role === 'OCCUPANT' && o.ref === r.occupantRef);
      if (occupant) occupant.deleted = false;
    }
    const idHint = (r) => {
      if (!typed(r.idNumber) || r.idNumber.includes('*')) return '';
      const bad = checkIdNumber(r.idNumber);
      return bad ? t(`szChanges.err.id.${bad}`) : '';
    };
    const mobileHint = (v) => (v && !v.includes('*') && checkMobile(v) ? t('szChanges.err.mobile') : '');
    const personName = (r) => shown(r, 'name') || t('szChanges.newPerson');

    /** The checks the server makes, here first: every problem at once, on its field. */
    function check() {
      let bad = false;
      for (const r of state.rows) {
        const e = {};
        if (!r.deleted) {
          if (!shown(r, 'name')) e.name = t('szChanges.err.name');
          if (!shown(r, 'idNumber')) e.idNumber = t('szChanges.err.idNumber');
          else if (idHint(r)) e.idNumber = idHint(r);
          if (!props.employer && !r.relation) e.relation = t('szChanges.err.relation');
          if (mobileHint(r.mobile)) e.mobile = mobileHint(r.mobile);
          if (props.employer && r.role === 'CO_RESIDENT' && !r.occupantRef) e.occupantRef = t('szChanges.err.occupant');
          if (idChanged(r) && !r.front) e.front = t('szChanges.err.idFront', { name: personName(r) });
          if (idChanged(r) && !r.back) e.back = t('szChanges.err.idBack', { name: personName(r) });
        }
        r.errors = e;
        if (Object.keys(e).length) {
          bad = true;
          if (e.name || e.idNumber || e.relation || e.mobile) r.editing = true;
        }
      }
      const top = {};
      if (mobileHint(state.mobile)) top.mobile = mobileHint(state.mobile);
      if (maritalChanged.value && !state.marital) top.maritalStatus = t('szChanges.err.marital');
      if (maritalChanged.value && !state.certificate) top.certificate = t('szChanges.err.certificate');
      state.errors = top;
      return !bad && !Object.keys(top).length;
    }
    /** Brings the first marked field into view (on a phone it is often far below the button). */
    function showFirstError() {
      nextTick(() => {
        const el = document.querySelector('.szc-form .van-field__error-message, .szc-form .szc-error');
        if (el) el.scrollIntoView({ block: 'center' });
      });
    }
    /** The server's 400 on the rows it names: `residents[i].field`, i counting the rows sent. */
    function placeServerErrors(sent) {
      state.errors = {};
      for (const [name, message] of Object.entries(problem.fields)) {
        const m = /^residents\[(\d+)\]\.?(\w*)$/.exec(name);
        if (m && sent[Number(m[1])]) {
          const r = sent[Number(m[1])];
          r.errors = { ...r.errors, [m[2] || 'name']: message };
          r.editing = true;
        } else {
          state.errors = { ...state.errors, [name]: message };
        }
      }
    }
    async function submit() {
      problem.clear();
      for (const r of state.rows) r.errors = {};
      if (!check()) {
        problem.message = t('szChanges.fix');
        showFirstError();
        return;
      }
      try {
        await showConfirmDialog({
          title: t('szChanges.confirmTitle'), message: t('szChanges.confirmText', { summary: summary.value }),
          confirmButtonText: t('szChanges.confirmSubmit'), cancelButtonText: t('szChanges.back'), className: 'szc-confirm-dialog',
        });
      } catch (e) {
        return;
      }
      const sent = live.value;
      const files = new Set();
      for (const r of sent) {
        if (idChanged(r) && r.front) files.add(r.front.id);
        if (idChanged(r) && r.back) files.add(r.back.id);
      }
      if (state.certificate) files.add(state.certificate.id);
      state.busy = true;
      try {
        await api.post(changesPath(leaseId), {
          mobile: mobileChanged.value ? state.mobile.trim() : null,
          maritalStatus: maritalChanged.value ? state.marital : null,
          reason: state.reason.trim() || null,
          residents: sent.map((r) => ({
            id: r.id, ref: r.ref, role: r.role, occupantRef: r.role === 'CO_RESIDENT' ? r.occupantRef : null,
            name: shown(r, 'name'), idNumber: shown(r, 'idNumber').toUpperCase(), relation: r.relation || null, mobile: shown(r, 'mobile') || null,
          })),
          attachmentIds: [...files],
          channel: isPhone() ? 'MOBILE' : 'PC',
        });
        showToast(t('szChanges.submitted'));
        navigate(listPath(props.employer), { replace: true });
      } catch (e) {
        problem.set(e);
        placeServerErrors(sent);
        showFirstError();
      } finally {
        state.busy = false;
      }
    }
    const cancel = () => navigate(listPath(props.employer), { replace: true });
    onMounted(load);
    return {
      state, problem, occupantRows, coRows, counts, dirty, summary, add, remove, undo, changed, idChanged, idHint, mobileHint, submit, cancel,
      homeName, rowLine, MARITAL, RELATIONS, listPath,
    };
  },
  template: `
    <GsPage :title="$t(employer ? 'szChanges.employerTitle' : 'szChanges.title')" :back-to="listPath(employer)">
      <div class="sz-changes szc-form" data-testid="changes-form">
        <GsProblem :problem="problem" />
        <p v-if="state.loading" class="gs-loading" role="status">{{ $t('szChanges.loading') }}</p>
        <template v-if="state.data">
          <h2 class="szc-title">{{ $t('szChanges.editTitle') }} · {{ homeName(state.data) }} <small class="gs-muted">{{ state.data.leaseNo }}</small></h2>
          <p v-if="!state.data.canApply" class="szc-card gs-muted" data-testid="changes-reason">{{ local(state.data.reason) }}</p>
          <template v-else>
            <p class="gs-muted szc-pad">{{ $t('szChanges.masked') }}</p>
            <van-cell-group v-if="!employer" inset :title="$t('szChanges.basics')" data-testid="changes-basics">
              <van-field :model-value="state.data.lesseeName" :label="$t('szChanges.name')" readonly />
              <van-field v-model="state.mobile" :label="$t('szChanges.mobile')" type="tel" maxlength="11" :placeholder="state.data.mobile ? state.data.mobile + '（' + $t('szChanges.mobileHint') + '）' : $t('szChanges.mobileHint')"
                :error-message="state.errors.mobile || mobileHint(state.mobile)" @update:model-value="state.errors.mobile = ''" data-testid="changes-mobile" />
              <van-field :label="$t('szChanges.marital')" :error-message="state.errors.maritalStatus">
                <template #input>
                  <select v-model="state.marital" class="szc-select" data-testid="changes-marital" :aria-label="$t('szChanges.marital')">
                    <option value="" disabled>{{ $t('szChanges.chooseMarital') }}</option>
                    <option v-for="m in MARITAL" :key="m" :value="m">{{ m }}</option>
                  </select>
                </template>
              </van-field>
            </van-cell-group>

            <template v-if="!employer">
              <h3 class="gs-section-title">{{ $t('szChanges.coResidents') }}</h3>
              <div v-for="r in state.rows" :key="r.key" class="szc-person-card" :class="{ 'szc-deleted': r.deleted }" data-testid="changes-row" :data-ref="r.ref"
                :data-role="r.role" :data-state="r.deleted ? 'DELETE' : !r.id ? 'ADD' : changed(r) ? 'EDIT' : 'KEEP'">
                <div class="szc-person-head">
                  <strong>{{ $t('szChanges.coResident') }}</strong>
                  <van-tag v-if="!r.id" type="success">{{ $t('szChanges.added') }}</van-tag>
                  <van-tag v-else-if="r.deleted" type="danger">{{ $t('szChanges.removed') }}</van-tag>
                  <van-tag v-else-if="changed(r)" type="primary">{{ $t('szChanges.edited') }}</van-tag>
                </div>
                <p v-if="!r.editing" class="szc-person-line" data-testid="changes-row-line">{{ rowLine(r) }}</p>
                <van-cell-group v-else :border="false">
                  <van-field v-model="r.name" :label="$t('szChanges.name')" maxlength="50" :required="!r.id" :placeholder="r.masked ? r.masked.name : ''" :error-message="r.errors.name" @update:model-value="r.errors.name = ''" data-testid="row-name" />
                  <van-field v-model="r.idNumber" :label="$t('szChanges.idNumber')" maxlength="18" :required="!r.id" :placeholder="r.masked ? r.masked.idNumber : ''" :error-message="r.errors.idNumber || idHint(r)" @update:model-value="r.errors.idNumber = ''" data-testid="row-id-number" />
                  <van-field :label="$t('szChanges.relation')" required :error-message="r.errors.relation">
                    <template #input>
                      <select v-model="r.relation" class="szc-select" @change="r.errors.relation = ''" data-testid="row-relation" :aria-label="$t('szChanges.relation')">
                        <option value="" disabled>{{ $t('szChanges.chooseRelation') }}</option>
                        <option v-if="r.relation && !RELATIONS.includes(r.relation)" :value="r.relation">{{ r.relation }}</option>
                        <option v-for="x in RELATIONS" :key="x" :value="x">{{ x }}</option>
                      </select>
                    </template>
                  </van-field>
                  <van-field v-model="r.mobile" :label="$t('szChanges.mobile')" type="tel" maxlength="11" :placeholder="r.masked ? r.masked.mobile : ''" :error-message="r.errors.mobile || mobileHint(r.mobile)" @update:model-value="r.errors.mobile = ''" data-testid="row-mobile" />
                </van-cell-group>
                <div v-if="!r.deleted && idChanged(r)" class="szc-uploads">
                  <GsUpload v-model="r.front" kind="id-card-front" :label="$t('szChanges.idFront')" accept="image/jpeg,image/png,application/pdf" capture />
                  <p v-if="r.errors.front" class="szc-error" role="alert">{{ r.errors.front }}</p>
                  <GsUpload v-model="r.back" kind="id-card-back" :label="$t('szChanges.idBack')" accept="image/jpeg,image/png,application/pdf" capture />
                  <p v-if="r.errors.back" class="szc-error" role="alert">{{ r.errors.back }}</p>
                </div>
                <div class="szc-actions">
                  <template v-if="!r.deleted">
                    <van-button v-if="!r.editing" size="small" plain type="primary" icon="edit" @click="r.editing = true" data-testid="row-edit">{{ $t('szChanges.edit') }}</van-button>
                    <van-button v-else-if="r.id" size="small" plain type="primary" icon="success" @click="r.editing = false" data-testid="row-done">{{ $t('szChanges.done') }}</van-button>
                    <van-button size="small" plain type="danger" icon="delete-o" @click="remove(r)" data-testid="row-remove">{{ $t('szChanges.remove') }}</van-button>
                  </template>
                  <van-button v-else size="small" plain icon="revoke" @click="undo(r)" data-testid="row-undo">{{ $t('szChanges.undo') }}</van-button>
                </div>
              </div>
              <van-button plain type="primary" block icon="plus" class="szc-add" @click="add('CO_RESIDENT')" data-testid="changes-add">{{ $t('szChanges.add') }}</van-button>
            </template>

            <template v-else>
              <h3 class="gs-section-title">{{ $t('szChanges.occupants') }}</h3>
              <div v-for="o in occupantRows" :key="o.key" class="szc-person-card" :class="{ 'szc-deleted': o.deleted }" data-testid="changes-row" :data-ref="o.ref"
                data-role="OCCUPANT" :data-state="o.deleted ? 'DELETE' : !o.id ? 'ADD' : changed(o) ? 'EDIT' : 'KEEP'">
                <div class="szc-person-head">
                  <strong>{{ $t('szChanges.occupant') }}</strong>
                  <van-tag v-if="!o.id" type="success">{{ $t('szChanges.added') }}</van-tag>
                  <van-tag v-else-if="o.deleted" type="danger">{{ $t('szChanges.removed') }}</van-tag>
                  <van-tag v-else-if="changed(o)" type="primary">{{ $t('szChanges.edited') }}</van-tag>
                </div>
                <p v-if="!o.editing" class="szc-person-line" data-testid="changes-row-line">{{ rowLine(o, false) }}</p>
                <van-cell-group v-else :border="false">
                  <van-field v-model="o.name" :label="$t('szChanges.name')" maxlength="50" :required="!o.id" :placeholder="o.masked ? o.masked.name : ''" :error-message="o.errors.name" @update:model-value="o.errors.name = ''" data-testid="row-name" />
                  <van-field v-model="o.idNumber" :label="$t('szChanges.idNumber')" maxlength="18" :required="!o.id" :placeholder="o.masked ? o.masked.idNumber : ''" :error-message="o.errors.idNumber || idHint(o)" @update:model-value="o.errors.idNumber = ''" data-testid="row-id-number" />
                  <van-field v-model="o.mobile" :label="$t('szChanges.mobile')" type="tel" maxlength="11" :placeholder="o.masked ? o.masked.mobile : ''" :error-message="o.errors.mobile || mobileHint(o.mobile)" @update:model-value="o.errors.mobile = ''" data-testid="row-mobile" />
                </van-cell-group>
                <div v-if="!o.deleted && idChanged(o)" class="szc-uploads">
                  <GsUpload v-model="o.front" kind="id-card-front" :label="$t('szChanges.idFront')" accept="image/jpeg,image/png,application/pdf" capture />
                  <p v-if="o.errors.front" class="szc-error" role="alert">{{ o.errors.front }}</p>
                  <GsUpload v-model="o.back" kind="id-card-back" :label="$t('szChanges.idBack')" accept="image/jpeg,image/png,application/pdf" capture />
                  <p v-if="o.errors.back" class="szc-error" role="alert">{{ o.errors.back }}</p>
                </div>
                <div class="szc-actions">
                  <template v-if="!o.deleted">
                    <van-button v-if="!o.editing" size="small" plain type="primary" icon="edit" @click="o.editing = true" data-testid="row-edit">{{ $t('szChanges.edit') }}</van-button>
                    <van-button v-else-if="o.id" size="small" plain type="primary" icon="success" @click="o.editing = false" data-testid="row-done">{{ $t('szChanges.done') }}</van-button>
                    <van-button size="small" plain type="danger" icon="delete-o" @click="remove(o)" data-testid="row-remove">{{ $t('szChanges.remove') }}</van-button>
                  </template>
                  <van-button v-else size="small" plain icon="revoke" @click="undo(o)" data-testid="row-undo">{{ $t('szChanges.undo') }}</van-button>
                </div>

                <div v-for="r in coRows(o)" :key="r.key" class="szc-person-card szc-nested-card" :class="{ 'szc-deleted': r.deleted }" data-testid="changes-row" :data-ref="r.ref"
                  data-role="CO_RESIDENT" :data-state="r.deleted ? 'DELETE' : !r.id ? 'ADD' : changed(r) ? 'EDIT' : 'KEEP'">
                  <div class="szc-person-head">
                    <strong>{{ $t('szChanges.coResident') }}</strong>
                    <van-tag v-if="!r.id" type="success">{{ $t('szChanges.added') }}</van-tag>
                    <van-tag v-else-if="r.deleted" type="danger">{{ $t('szChanges.removed') }}</van-tag>
                    <van-tag v-else-if="changed(r)" type="primary">{{ $t('szChanges.edited') }}</van-tag>
                  </div>
                  <p v-if="!r.editing" class="szc-person-line" data-testid="changes-row-line">{{ rowLine(r) }}</p>
                  <van-cell-group v-else :border="false">
                    <van-field v-model="r.name" :label="$t('szChanges.name')" maxlength="50" :required="!r.id" :placeholder="r.masked ? r.masked.name : ''" :error-message="r.errors.name" @update:model-value="r.errors.name = ''" data-testid="row-name" />
                    <van-field v-model="r.idNumber" :label="$t('szChanges.idNumber')" maxlength="18" :required="!r.id" :placeholder="r.masked ? r.masked.idNumber : ''" :error-message="r.errors.idNumber || idHint(r)" @update:model-value="r.errors.idNumber = ''" data-testid="row-id-number" />
                    <van-field :label="$t('szChanges.relationOccupant')" :error-message="r.errors.relation || r.errors.occupantRef">
                      <template #input>
                        <select v-model="r.relation" class="szc-select" @change="r.errors.relation = ''" data-testid="row-relation" :aria-label="$t('szChanges.relationOccupant')">
                          <option value="">{{ $t('szChanges.chooseRelation') }}</option>
                          <option v-if="r.relation && !RELATIONS.includes(r.relation)" :value="r.relation">{{ r.relation }}</option>
                          <option v-for="x in RELATIONS" :key="x" :value="x">{{ x }}</option>
                        </select>
                      </template>
                    </van-field>
                    <van-field v-model="r.mobile" :label="$t('szChanges.mobile')" type="tel" maxlength="11" :placeholder="r.masked ? r.masked.mobile : ''" :error-message="r.errors.mobile || mobileHint(r.mobile)" @update:model-value="r.errors.mobile = ''" data-testid="row-mobile" />
                  </van-cell-group>
                  <div v-if="!r.deleted && idChanged(r)" class="szc-uploads">
                    <GsUpload v-model="r.front" kind="id-card-front" :label="$t('szChanges.idFront')" accept="image/jpeg,image/png,application/pdf" capture />
                    <p v-if="r.errors.front" class="szc-error" role="alert">{{ r.errors.front }}</p>
                    <GsUpload v-model="r.back" kind="id-card-back" :label="$t('szChanges.idBack')" accept="image/jpeg,image/png,application/pdf" capture />
                    <p v-if="r.errors.back" class="szc-error" role="alert">{{ r.errors.back }}</p>
                  </div>
                  <div class="szc-actions">
                    <template v-if="!r.deleted">
                      <van-button v-if="!r.editing" size="small" plain type="primary" icon="edit" @click="r.editing = true" data-testid="row-edit">{{ $t('szChanges.edit') }}</van-button>
                      <van-button v-else-if="r.id" size="small" plain type="primary" icon="success" @click="r.editing = false" data-testid="row-done">{{ $t('szChanges.done') }}</van-button>
                      <van-button size="small" plain type="danger" icon="delete-o" @click="remove(r)" data-testid="row-remove">{{ $t('szChanges.remove') }}</van-button>
                    </template>
                    <van-button v-else-if="!o.deleted" size="small" plain icon="revoke" @click="undo(r)" data-testid="row-undo">{{ $t('szChanges.undo') }}</van-button>
                  </div>
                </div>
                <van-button v-if="!o.deleted" size="small" plain type="primary" icon="plus" class="szc-add" @click="add('CO_RESIDENT', o)" data-testid="changes-add-co-resident">{{ $t('szChanges.addCoResident') }}</van-button>
              </div>
              <van-button plain type="primary" block icon="plus" class="szc-add" @click="add('OCCUPANT')" data-testid="changes-add-occupant">{{ $t('szChanges.addOccupant') }}</van-button>
            </template>

            <van-cell-group inset :title="$t(employer ? 'szChanges.reason' : 'szChanges.files')" data-testid="changes-files">
              <GsUpload v-if="!employer" v-model="state.certificate" kind="certificate"
                :label="$t('szChanges.certificate') + $t(state.marital !== (state.data.maritalStatus || '') ? 'szChanges.certificateRequired' : 'szChanges.certificateOptional')"
                accept="image/jpeg,image/png,application/pdf" />
              <p v-if="state.errors.certificate" class="szc-error" role="alert">{{ state.errors.certificate }}</p>
              <van-field v-model="state.reason" :label="$t('szChanges.reason')" type="textarea" rows="2" autosize maxlength="200" show-word-limit
                :placeholder="$t('szChanges.reasonPlaceholder')" :error-message="state.errors.reason" data-testid="changes-reason-input" />
            </van-cell-group>

            <p class="szc-summary" :class="{ 'gs-muted': !dirty }" data-testid="changes-summary" role="status">{{ dirty ? summary : $t('szChanges.nothing') }}</p>
            <div class="szc-submit">
              <van-button type="primary" block round :loading="state.busy" :disabled="!dirty" @click="submit" data-testid="changes-submit">{{ $t('szChanges.submit') }}</van-button>
              <van-button block round plain @click="cancel" data-testid="changes-cancel">{{ $t('szChanges.cancel') }}</van-button>
            </div>
          </template>
        </template>
      </div>
    </GsPage>`,
});

// the module host passes the route's `params`: one thin page per route
const page = (name, inner, employer) => defineComponent({
  name, components: { SzInner: inner }, props: { params: Object },
  template: employer ? '<SzInner employer :params="params" />' : '<SzInner :params="params" />',
});
const CitizenChanges = page('SzCitizenChanges', ChangesList, false);
const EmployerChanges = page('SzEmployerChanges', ChangesList, true);
const CitizenEdit = page('SzCitizenChangeEdit', ChangesEdit, false);
const EmployerEdit = page('SzEmployerChangeEdit', ChangesEdit, true);

/** The pages, for main.js: SZ-3 `changes`, SZ-5 `employer-changes`, each with `/:leaseId/edit`. */
export const changeRoutes = [
  { path: 'changes', component: CitizenChanges },
  { path: 'changes/:leaseId/edit', component: CitizenEdit },
  { path: 'employer-changes', component: EmployerChanges },
  { path: 'employer-changes/:leaseId/edit', component: EmployerEdit },
];

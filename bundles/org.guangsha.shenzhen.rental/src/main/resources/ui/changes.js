// 个人租后信息变更 (SZ-3, citizens: route `changes`) and 单位住房承租信息变更 (SZ-5, organizations: route
// `employer-changes`): the lessee edits, deletes and adds the residents of a leased home (同住人; an
// organization's 入住人 and their 同住人), a citizen also their mobile and marital status, with files per
// A-1; submits; follows the review; an organization prints the 入住通知书 once approved. Nothing changes
// before the home's district approves. Values are shown masked; a row sent back masked keeps them.
import { reactive, onMounted, defineComponent } from 'vue';
import { showToast } from 'vant';
import { api, t, local, formatTime, navigate, session, route, addMessages, useProblem, checkIdNumber, checkMobile, GsProblem, GsPage, GsUpload } from 'guangsha';

const BASE = '/m/shenzhen-rental';

const zh = {
  title: '个人租后信息变更', employerTitle: '单位住房承租信息变更', choose: '请选择住房', noLease: '您目前没有有效的租赁合同',
  basics: '承租人信息', mobile: '手机号码', marital: '婚姻状况', residents: '住户', coResident: '同住人', occupant: '入住人',
  name: '姓名', idNumber: '身份证号码', relation: '关系', livesWith: '同住的入住人', add: '添加同住人', addOccupant: '添加入住人',
  remove: '删除', reason: '变更原因', files: '证明材料', idFront: '新增同住人身份证（人像面）', idBack: '新增同住人身份证（国徽面）',
  certificate: '结婚证等证明（选填）', submit: '提交变更申请', submitted: '变更申请已提交，审核通过后生效', history: '变更记录',
  caseNo: '业务编号', status: '状态', progress: '查看审核进度', notice: '打印入住通知书', none: '暂无变更记录',
  action: { ADD: '新增', EDIT: '修改', KEEP: '不变', DELETE: '删除' },
};
const en = {
  title: 'Changes after renting', employerTitle: 'Employer housing changes', choose: 'Choose a home', noLease: 'You hold no active lease',
  basics: 'Lessee', mobile: 'Mobile', marital: 'Marital status', residents: 'Residents', coResident: 'Co-resident', occupant: 'Occupant',
  name: 'Name', idNumber: 'ID number', relation: 'Relation', livesWith: 'Lives with', add: 'Add a co-resident', addOccupant: 'Add an occupant',
  remove: 'Delete', reason: 'Reason', files: 'Documents', idFront: 'ID card of an added person (photo side)', idBack: 'ID card (emblem side)',
  certificate: 'Marriage certificate etc. (optional)', submit: 'Submit the change', submitted: 'Submitted: it takes effect once approved', history: 'Changes',
  caseNo: 'Case number', status: 'Status', progress: 'Review progress', notice: 'Print the occupancy notice', none: 'No changes yet',
  action: { ADD: 'Added', EDIT: 'Edited', KEEP: 'Unchanged', DELETE: 'Deleted' },
};
addMessages({ zh: { szChanges: zh }, en: { szChanges: en } });

const MARITAL = ['未婚', '已婚', '离异', '丧偶'];

const ChangesPage = defineComponent({
  name: 'SzChangesPage',
  components: { GsPage, GsProblem, GsUpload },
  props: { employer: { type: Boolean, default: false } },
  setup(props) {
    const problem = useProblem();
    const state = reactive({ homes: null, leaseId: null, data: null, rows: [], mobile: '', marital: '', reason: '', files: {}, busy: false, seq: 0 });
    const base = () => `shenzhen/rental/leases/${encodeURIComponent(state.leaseId)}/changes`;
    async function loadHomes() {
      if (!session.me) { navigate('/login', { query: { next: route.path }, replace: true }); return; }
      try {
        const me = await api.get('shenzhen/rental/me');
        state.homes = (me.homes || []).filter((h) => h.status === 'ACTIVE');
        if (state.homes.length === 1) await open(state.homes[0].leaseId);
      } catch (e) { problem.set(e); }
    }
    async function open(leaseId) {
      state.leaseId = leaseId;
      problem.clear();
      try {
        state.data = await api.get(base());
        state.rows = state.data.residents.map((r) => ({ ...r, ref: r.id }));
        state.mobile = state.data.mobile || '';
        state.marital = state.data.maritalStatus || '';
      } catch (e) { problem.set(e); }
    }
    function add(role) {
      state.seq += 1;
      const occupant = state.rows.find((r) => r.role === 'OCCUPANT');
      state.rows.push({ id: null, ref: `n${state.seq}`, role, occupantRef: role === 'CO_RESIDENT' && props.employer ? occupant && occupant.ref : null, name: '', idNumber: '', relation: '', mobile: '' });
    }
    const remove = (i) => state.rows.splice(i, 1);
    const occupants = () => state.rows.filter((r) => r.role === 'OCCUPANT').map((r) => ({ text: r.name || r.ref, value: r.ref }));
    function hint(r) {
      const bad = [];
      if (r.idNumber && !r.idNumber.includes('*') && checkIdNumber(r.idNumber)) bad.push(t('szChanges.idNumber'));
      if (r.mobile && !r.mobile.includes('*') && checkMobile(r.mobile)) bad.push(t('szChanges.mobile'));
      return bad.join('、');
    }
    async function submit() {
      problem.clear();
      state.busy = true;
      try {
        const residents = state.rows.map((r) => ({
          id: r.id, ref: r.ref, role: r.role || (props.employer ? 'OCCUPANT' : 'CO_RESIDENT'), occupantRef: r.role === 'CO_RESIDENT' ? r.occupantRef : null,
          name: r.name, idNumber: r.idNumber, relation: r.relation || null, mobile: r.mobile || null,
        }));
        const attachmentIds = Object.values(state.files).filter((f) => f && f.id).map((f) => f.id);
        await api.post(base(), {
          mobile: props.employer ? null : state.mobile || null,
          maritalStatus: props.employer ? null : state.marital || null,
          reason: state.reason || null, residents, attachmentIds, channel: window.innerWidth < 768 ? 'MOBILE' : 'PC',
        });
        showToast(t('szChanges.submitted'));
        await open(state.leaseId);
      } catch (e) { problem.set(e); } finally { state.busy = false; }
    }
    async function notice(change) {
      try {
        const d = await api.post(`${base()}/${encodeURIComponent(change.id)}/notice`);
        const blob = await api.blob(d.pdf.replace(/^\/api\//, ''));
        window.open(URL.createObjectURL(blob), '_blank', 'noopener');
      } catch (e) { problem.set(e); }
    }
    const homeName = (h) => (h.home ? `${h.home.project || ''}${h.home.building || ''}栋${h.home.room || ''}` : h.leaseNo);
    onMounted(loadHomes);
    return { state, problem, open, add, remove, occupants, hint, submit, notice, homeName, local, formatTime, MARITAL, BASE };
  },
  template: `
    <GsPage :title="$t(employer ? 'szChanges.employerTitle' : 'szChanges.title')" :back-to="BASE + '/'">
      <GsProblem :problem="problem" />
      <p v-if="state.homes && !state.homes.length" class="gs-muted" data-testid="changes-no-lease">{{ $t('szChanges.noLease') }}</p>
      <van-cell-group v-if="state.homes && state.homes.length > 1" inset :title="$t('szChanges.choose')">
        <van-cell v-for="h in state.homes" :key="h.leaseId" :title="homeName(h)" :label="h.leaseNo" is-link @click="open(h.leaseId)" data-testid="changes-lease" />
      </van-cell-group>
      <div v-if="state.data" class="sz-changes" data-testid="changes-page">
        <h3>{{ state.data.project }} {{ state.data.building }}栋{{ state.data.room }} <small class="gs-muted">{{ state.data.leaseNo }}</small></h3>
        <p v-if="!state.data.canApply" class="gs-muted" data-testid="changes-reason">{{ local(state.data.reason) }}</p>
        <template v-else>
          <van-cell-group v-if="!employer" inset :title="$t('szChanges.basics')">
            <van-field v-model="state.mobile" :label="$t('szChanges.mobile')" maxlength="11" :error-message="problem.field('mobile')" data-testid="changes-mobile" />
            <van-field :label="$t('szChanges.marital')" :error-message="problem.field('maritalStatus')">
              <template #input><select v-model="state.marital" data-testid="changes-marital"><option v-for="m in MARITAL" :key="m" :value="m">{{ m }}</option></select></template>
            </van-field>
          </van-cell-group>
          <van-cell-group v-for="(r, i) in state.rows" :key="r.ref" inset :title="$t(r.role === 'OCCUPANT' ? 'szChanges.occupant' : 'szChanges.coResident') + ' ' + (i + 1)" data-testid="changes-resident">
            <van-field v-model="r.name" :label="$t('szChanges.name')" maxlength="50" :error-message="problem.field('residents[' + i + '].name')" />
            <van-field v-model="r.idNumber" :label="$t('szChanges.idNumber')" maxlength="18" :error-message="problem.field('residents[' + i + '].idNumber') || hint(r)" />
            <van-field v-if="r.role !== 'OCCUPANT'" v-model="r.relation" :label="$t('szChanges.relation')" maxlength="10" :error-message="problem.field('residents[' + i + '].relation')" />
            <van-field v-if="employer && r.role === 'CO_RESIDENT'" :label="$t('szChanges.livesWith')" :error-message="problem.field('residents[' + i + '].occupantRef')">
              <template #input><select v-model="r.occupantRef"><option v-for="o in occupants()" :key="o.value" :value="o.value">{{ o.text }}</option></select></template>
            </van-field>
            <van-field v-model="r.mobile" :label="$t('szChanges.mobile')" maxlength="11" :error-message="problem.field('residents[' + i + '].mobile')" />
            <van-cell><van-button size="small" plain type="danger" icon="delete-o" @click="remove(i)" data-testid="changes-remove">{{ $t('szChanges.remove') }}</van-button></van-cell>
          </van-cell-group>
          <div class="sz-actions">
            <van-button v-if="employer" size="small" plain type="primary" icon="plus" @click="add('OCCUPANT')" data-testid="changes-add-occupant">{{ $t('szChanges.addOccupant') }}</van-button>
            <van-button size="small" plain type="primary" icon="plus" @click="add('CO_RESIDENT')" data-testid="changes-add">{{ $t('szChanges.add') }}</van-button>
          </div>
          <van-cell-group inset :title="$t('szChanges.files')">
            <GsUpload v-model="state.files.front" kind="id-card-front" :label="$t('szChanges.idFront')" accept="image/jpeg,image/png" capture />
            <GsUpload v-model="state.files.back" kind="id-card-back" :label="$t('szChanges.idBack')" accept="image/jpeg,image/png" capture />
            <GsUpload v-if="!employer" v-model="state.files.certificate" kind="certificate" :label="$t('szChanges.certificate')" accept="image/jpeg,image/png,application/pdf" />
            <van-field v-model="state.reason" :label="$t('szChanges.reason')" type="textarea" rows="2" maxlength="200" :error-message="problem.field('reason')" />
          </van-cell-group>
          <div class="sz-actions"><van-button type="primary" block :loading="state.busy" @click="submit" data-testid="changes-submit">{{ $t('szChanges.submit') }}</van-button></div>
        </template>
        <van-cell-group inset :title="$t('szChanges.history')">
          <p v-if="!state.data.changes.length" class="gs-muted">{{ $t('szChanges.none') }}</p>
          <van-cell v-for="c in state.data.changes" :key="c.id" :title="local(c.statusText)" :label="(c.caseNumber || '') + ' · ' + formatTime(c.createdAt)" data-testid="change" :data-status="c.status">
            <template #value>
              <van-button v-if="c.caseId" size="mini" plain :url="'#/me/cases/' + c.caseId">{{ $t('szChanges.progress') }}</van-button>
              <van-button v-if="employer && c.status === 'APPROVED'" size="mini" type="primary" icon="printer" @click="notice(c)" data-testid="changes-notice">{{ $t('szChanges.notice') }}</van-button>
            </template>
          </van-cell>
        </van-cell-group>
      </div>
    </GsPage>`,
});

// the module router passes no props: one thin page per route
const CitizenChanges = defineComponent({ name: 'SzCitizenChanges', components: { ChangesPage }, template: '<ChangesPage />' });
const EmployerChanges = defineComponent({ name: 'SzEmployerChanges', components: { ChangesPage }, template: '<ChangesPage employer />' });

/** The pages, for main.js: SZ-3 `changes`, SZ-5 `employer-changes`. */
export const changeRoutes = [
  { path: 'changes', component: CitizenChanges },
  { path: 'employer-changes', component: EmployerChanges },
];

// 家庭成员 (JX-6): the applicant's basic, employment and residence information (name and ID
// number those of the account), and the co-applicants with the same fields; a married applicant
// must name the spouse. ID numbers are checked as they are typed (GB 11643), as the server does.
import { computed, watch } from 'vue';
import { showConfirmDialog } from 'vant';
import { session, t, checkIdNumber, checkMobile, maskIdNumber, GsProblem } from 'guangsha';
import { options, toFen, fromFen } from '../common.js';
import { useStep, STEP_PROPS, invalid, JxSelect } from './shared.js';

export const RELATIONS = ['SPOUSE', 'CHILD', 'PARENT', 'SIBLING', 'OTHER'];
export const MARITAL = ['UNMARRIED', 'MARRIED', 'DIVORCED', 'WIDOWED'];
export const EMPLOYMENT = ['EMPLOYED', 'SELF_EMPLOYED', 'FLEXIBLE', 'UNEMPLOYED', 'RETIRED', 'STUDENT', 'NONE'];
export const EARNING = ['EMPLOYED', 'SELF_EMPLOYED', 'FLEXIBLE', 'RETIRED'];
export const HUKOU = ['LOCAL_URBAN', 'LOCAL_RURAL', 'NON_LOCAL'];
export const HOUSING = ['NO_HOME', 'RENTING', 'BORROWING', 'OWN_BELOW_STANDARD', 'OTHER'];

/** A member as the form edits it (income in 元 as typed). */
function editable(m, relation) {
  const e = (m && m.employment) || {};
  const r = (m && m.residence) || {};
  return {
    id: (m && m.id) || null,
    relation: (m && m.relation) || relation,
    name: (m && m.name) || '',
    idNumber: (m && m.idNumber) || '',
    mobile: (m && m.mobile) || '',
    maritalStatus: (m && m.maritalStatus) || null,
    employment: {
      status: e.status || null, employer: e.employer || '', occupation: e.occupation || '', monthlyIncome: fromFen(e.monthlyIncomeFen),
    },
    residence: {
      hukouType: r.hukouType || null, hukouAddress: r.hukouAddress || '', currentAddress: r.currentAddress || '',
      housingSituation: r.housingSituation || null, livingAreaM2: r.livingAreaM2 === null || r.livingAreaM2 === undefined ? '' : String(r.livingAreaM2),
      residentSince: r.residentSince || '',
    },
  };
}

const blank = (v) => (v === '' || v === undefined ? null : v);

/** A member as the contract sends it. */
function sent(m) {
  const income = toFen(m.employment.monthlyIncome);
  const area = m.residence.livingAreaM2 === '' ? null : Number(m.residence.livingAreaM2);
  return {
    id: m.id || undefined,
    relation: m.relation,
    name: m.name.trim(),
    idNumber: m.idNumber.trim().toUpperCase(),
    mobile: blank(m.mobile.trim()),
    maritalStatus: m.maritalStatus,
    employment: {
      status: m.employment.status, employer: blank(m.employment.employer.trim()), occupation: blank(m.employment.occupation.trim()),
      monthlyIncomeFen: Number.isNaN(income) ? m.employment.monthlyIncome : income,
    },
    residence: {
      hukouType: m.residence.hukouType, hukouAddress: blank(m.residence.hukouAddress.trim()),
      currentAddress: blank(m.residence.currentAddress.trim()), housingSituation: m.residence.housingSituation,
      livingAreaM2: Number.isNaN(area) ? m.residence.livingAreaM2 : area, residentSince: blank(m.residence.residentSince),
    },
  };
}

/** Checks made before sending, as the server makes them (it still decides). */
function checkFamily(f) {
  const errors = [];
  const all = [['applicant', f.applicant], ...f.members.map((m, i) => [`members[${i}]`, m])];
  const seen = {};
  for (const [at, m] of all) {
    if (at !== 'applicant') {
      if (!m.name.trim()) errors.push([`${at}.name`, 'jiangxi.family.errors.name']);
      const id = checkIdNumber(m.idNumber);
      if (id) errors.push([`${at}.idNumber`, `jiangxi.family.idErrors.${id}`]);
      if (!m.relation) errors.push([`${at}.relation`, 'jiangxi.family.errors.relation']);
    }
    const key = (m.idNumber || '').trim().toUpperCase();
    if (key && !key.includes('*')) {
      if (seen[key]) errors.push([`${at}.idNumber`, 'jiangxi.family.errors.twice']);
      seen[key] = true;
    }
    if (m.mobile && checkMobile(m.mobile)) errors.push([`${at}.mobile`, 'jiangxi.family.errors.mobile']);
    if (at === 'applicant' && !m.mobile) errors.push([`${at}.mobile`, 'jiangxi.family.errors.mobileRequired']);
    if (['EMPLOYED', 'SELF_EMPLOYED'].includes(m.employment.status) && !m.employment.employer.trim()) {
      errors.push([`${at}.employment.employer`, 'jiangxi.family.errors.employer']);
    }
    if (EARNING.includes(m.employment.status) && String(m.employment.monthlyIncome).trim() === '') {
      errors.push([`${at}.employment.monthlyIncomeFen`, 'jiangxi.family.errors.income']);
    }
    if (!m.residence.hukouAddress.trim()) errors.push([`${at}.residence.hukouAddress`, 'jiangxi.family.errors.hukouAddress']);
    if (!m.residence.currentAddress.trim()) errors.push([`${at}.residence.currentAddress`, 'jiangxi.family.errors.currentAddress']);
    if (!m.maritalStatus) errors.push([`${at}.maritalStatus`, 'jiangxi.family.errors.marital']);
    if (!m.employment.status) errors.push([`${at}.employment.status`, 'jiangxi.family.errors.employment']);
    if (!m.residence.hukouType) errors.push([`${at}.residence.hukouType`, 'jiangxi.family.errors.hukou']);
    if (!m.residence.housingSituation) errors.push([`${at}.residence.housingSituation`, 'jiangxi.family.errors.housing']);
    if (Number.isNaN(toFen(m.employment.monthlyIncome))) errors.push([`${at}.employment.monthlyIncomeFen`, 'jiangxi.form.amountError']);
  }
  // JX-6: a married applicant names the spouse
  if (f.applicant.maritalStatus === 'MARRIED' && !f.members.some((m) => m.relation === 'SPOUSE')) {
    errors.push(['members', 'jiangxi.family.errors.spouse']);
  }
  if (f.members.filter((m) => m.relation === 'SPOUSE').length > 1) errors.push(['members', 'jiangxi.family.errors.twoSpouses']);
  if (errors.length) throw invalid(errors);
}

/**
 * One member's three sections (基础信息, 就业信息, 居住信息). `at` is the member's place in the
 * contract's field names (`applicant`, `members[0]`); `err(name)` the step's error lookup.
 * data-testid: `m-name`, `m-id-number`, `m-mobile`, `m-relation`, `m-marital`, `m-employment`,
 * `m-employer`, `m-occupation`, `m-income`, `m-hukou`, `m-hukou-address`, `m-address`,
 * `m-housing`, `m-area`, `m-since`.
 */
export const JxMember = {
  name: 'JxMember',
  components: { JxSelect },
  props: { member: { type: Object, required: true }, at: String, applicant: Boolean, err: Function, disabled: Boolean },
  setup(props) {
    watch(
      () => props.member.idNumber,
      (v) => {
        const clean = (v || '').replace(/\s/g, '').toUpperCase();
        if (clean !== v) props.member.idNumber = clean;
      },
    );
    const idError = computed(() => {
      const v = props.member.idNumber;
      if (props.applicant || !v || v.length < 18) return '';
      const code = checkIdNumber(v);
      return code ? t(`jiangxi.family.idErrors.${code}`) : '';
    });
    const idHint = computed(() => {
      const v = props.member.idNumber;
      if (props.applicant || idError.value) return '';
      if (!v) return t('jiangxi.family.idHelp');
      return v.length < 18 ? t('jiangxi.family.idCount', { n: v.length }) : t('jiangxi.family.idOk');
    });
    const e = (name) => (props.err ? props.err(`${props.at}.${name}`) : '');
    // as the server asks: an employer of the employed and self-employed, an income of those who earn
    const employerNeeded = computed(() => ['EMPLOYED', 'SELF_EMPLOYED'].includes(props.member.employment.status));
    const incomeNeeded = computed(() => EARNING.includes(props.member.employment.status));
    return {
      idError, idHint, e, maskIdNumber, employerNeeded, incomeNeeded,
      relations: options('relation', RELATIONS), marital: options('marital', MARITAL), employment: options('employment', EMPLOYMENT),
      hukou: options('hukou', HUKOU), housing: options('housing', HOUSING),
    };
  },
  template: `
    <div class="jx-member">
      <h4 class="jx-subtitle">{{ $t('jiangxi.family.basic') }}</h4>
      <van-cell-group inset>
        <template v-if="applicant">
          <van-cell :title="$t('jiangxi.family.name')" :value="member.name" data-testid="m-name" />
          <van-cell :title="$t('jiangxi.family.idNumber')" :value="maskIdNumber(member.idNumber)" data-testid="m-id-number" />
          <p class="gs-muted jx-small jx-cell-note">{{ $t('jiangxi.family.fromAccount') }}</p>
        </template>
        <template v-else>
          <JxSelect v-model="member.relation" :label="$t('jiangxi.family.relation')" :options="relations" testid="m-relation"
            :error="e('relation')" required :disabled="disabled" />
          <van-field v-model="member.name" :label="$t('jiangxi.family.name')" required maxlength="50" autocomplete="off"
            :error-message="e('name')" data-testid="m-name" :disabled="disabled" />
          <van-field v-model="member.idNumber" :label="$t('jiangxi.family.idNumber')" required maxlength="18" autocomplete="off"
            :error-message="idError || e('idNumber')" data-testid="m-id-number" :disabled="disabled" />
          <p v-if="idHint && !e('idNumber')" class="gs-field-hint jx-cell-note" :class="{ 'gs-field-ok': member.idNumber.length === 18 }"
            data-testid="m-id-hint">{{ idHint }}</p>
        </template>
        <van-field v-model="member.mobile" :label="$t('jiangxi.family.mobile')" type="tel" maxlength="11" autocomplete="off" :required="applicant"
          :error-message="e('mobile')" data-testid="m-mobile" :disabled="disabled" />
        <JxSelect v-model="member.maritalStatus" :label="$t('jiangxi.family.maritalStatus')" :options="marital" testid="m-marital"
          :error="e('maritalStatus')" required :disabled="disabled" />
      </van-cell-group>
      <h4 class="jx-subtitle">{{ $t('jiangxi.family.employmentTitle') }}</h4>
      <van-cell-group inset>
        <JxSelect v-model="member.employment.status" :label="$t('jiangxi.family.employmentStatus')" :options="employment" testid="m-employment"
          :error="e('employment.status')" required :disabled="disabled" />
        <van-field v-model="member.employment.employer" :label="$t('jiangxi.family.employer')" maxlength="100" :required="employerNeeded"
          :error-message="e('employment.employer')" data-testid="m-employer" :disabled="disabled" />
        <van-field v-model="member.employment.occupation" :label="$t('jiangxi.family.occupation')" maxlength="50"
          :error-message="e('employment.occupation')" data-testid="m-occupation" :disabled="disabled" />
        <van-field v-model="member.employment.monthlyIncome" :label="$t('jiangxi.family.monthlyIncome')" type="number" inputmode="decimal" :required="incomeNeeded"
          :placeholder="$t('jiangxi.form.yuanPlaceholder')" :error-message="e('employment.monthlyIncomeFen')" data-testid="m-income" :disabled="disabled">
          <template #extra><span class="jx-unit" aria-hidden="true">{{ $t('jiangxi.form.yuan') }}</span></template>
        </van-field>
      </van-cell-group>
      <h4 class="jx-subtitle">{{ $t('jiangxi.family.residenceTitle') }}</h4>
      <van-cell-group inset>
        <JxSelect v-model="member.residence.hukouType" :label="$t('jiangxi.family.hukouType')" :options="hukou" testid="m-hukou"
          :error="e('residence.hukouType')" required :disabled="disabled" />
        <van-field v-model="member.residence.hukouAddress" :label="$t('jiangxi.family.hukouAddress')" maxlength="200" required
          :error-message="e('residence.hukouAddress')" data-testid="m-hukou-address" :disabled="disabled" />
        <van-field v-model="member.residence.currentAddress" :label="$t('jiangxi.family.currentAddress')" maxlength="200" required
          :error-message="e('residence.currentAddress')" data-testid="m-address" :disabled="disabled" />
        <JxSelect v-model="member.residence.housingSituation" :label="$t('jiangxi.family.housingSituation')" :options="housing" testid="m-housing"
          :error="e('residence.housingSituation')" required :disabled="disabled" />
        <van-field v-model="member.residence.livingAreaM2" :label="$t('jiangxi.family.livingArea')" type="number" inputmode="decimal"
          :error-message="e('residence.livingAreaM2')" data-testid="m-area" :disabled="disabled">
          <template #extra><span class="jx-unit" aria-hidden="true">m²</span></template>
        </van-field>
        <van-field v-model="member.residence.residentSince" :label="$t('jiangxi.family.residentSince')" type="month"
          :error-message="e('residence.residentSince')" data-testid="m-since" :disabled="disabled" />
      </van-cell-group>
    </div>`,
};

export const FamilyStep = {
  name: 'JxFamilyStep',
  components: { GsProblem, JxMember },
  props: STEP_PROPS,
  emits: ['saved'],
  setup(props, { emit, expose }) {
    const step = useStep(props, emit, {
      step: 'family',
      fromApplication: (a) => {
        const f = a.family || {};
        const applicant = editable(f.applicant, 'SELF');
        // the applicant is the account's holder (the server fills these too)
        if (!applicant.name && session.me && !props.counter) applicant.name = session.me.name || '';
        if (!applicant.idNumber && session.me && !props.counter) applicant.idNumber = session.me.idNumber || '';
        if (!applicant.mobile && session.me && !props.counter && session.me.mobile && !session.me.mobile.includes('*')) applicant.mobile = session.me.mobile;
        return { applicant, members: (f.members || []).map((m) => editable(m, 'OTHER')) };
      },
      body: (f) => {
        const applicant = sent(f.applicant);
        // the server knows the applicant's name and ID number; a masked copy is not sent back
        if (applicant.idNumber.includes('*')) delete applicant.idNumber;
        return { applicant, members: f.members.map(sent) };
      },
      check: checkFamily,
    });
    const married = computed(() => step.model.value && step.model.value.applicant.maritalStatus === 'MARRIED');
    const hasSpouse = computed(() => step.model.value && step.model.value.members.some((m) => m.relation === 'SPOUSE'));
    const spouseMissing = computed(() => married.value && !hasSpouse.value);
    function add() {
      const f = step.model.value;
      f.members.push(editable(null, spouseMissing.value ? 'SPOUSE' : null));
    }
    async function remove(i) {
      const m = step.model.value.members[i];
      try {
        await showConfirmDialog({
          title: t('jiangxi.family.removeTitle'),
          message: t('jiangxi.family.removeText', { name: m.name || t('jiangxi.family.memberN', { n: i + 1 }) }),
          confirmButtonText: t('jiangxi.family.remove'),
          cancelButtonText: t('common.cancel'),
        });
      } catch (e) {
        return;
      }
      step.model.value.members.splice(i, 1);
    }
    const membersError = () => step.err('members') || step.err('spouse');
    expose({ save: step.save });
    return { ...step, married, spouseMissing, add, remove, membersError };
  },
  template: `
    <div class="jx-step jx-step-family" data-testid="jx-step-family">
      <GsProblem v-if="!$props.problem" :problem="own" />
      <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <template v-else-if="model">
        <section class="jx-section" data-testid="member-applicant">
          <h3 class="jx-section-title"><van-icon name="manager-o" aria-hidden="true" /> {{ $t('jiangxi.family.applicant') }}</h3>
          <JxMember :member="model.applicant" at="applicant" applicant :err="err" />
        </section>
        <section class="jx-section" data-testid="members">
          <h3 class="jx-section-title"><van-icon name="friends-o" aria-hidden="true" /> {{ $t('jiangxi.family.coApplicants') }}</h3>
          <p v-if="married" class="jx-hint" :class="{ 'jx-hint-warn': spouseMissing }" data-testid="spouse-hint">
            <van-icon :name="spouseMissing ? 'warning-o' : 'passed'" aria-hidden="true" />
            {{ spouseMissing ? $t('jiangxi.family.spouseNeeded') : $t('jiangxi.family.spouseThere') }}</p>
          <p v-if="membersError()" class="jx-field-error jx-block-error" role="alert" data-testid="members-error">{{ membersError() }}</p>
          <p v-if="!model.members.length" class="gs-muted jx-empty-line">{{ $t('jiangxi.family.noMembers') }}</p>
          <article v-for="(m, i) in model.members" :key="i" class="jx-member-card" :data-testid="'member-' + i" :data-relation="m.relation">
            <header class="jx-member-head">
              <h4>{{ $t('jiangxi.family.memberN', { n: i + 1 }) }}<template v-if="m.name"> · {{ m.name }}</template></h4>
              <van-button size="small" icon="delete-o" plain native-type="button" @click="remove(i)" data-testid="member-remove"
                :aria-label="$t('jiangxi.family.removeNamed', { n: i + 1 })">{{ $t('jiangxi.family.remove') }}</van-button>
            </header>
            <JxMember :member="m" :at="'members[' + i + ']'" :err="err" />
          </article>
          <div class="gs-actions">
            <van-button round block plain type="primary" icon="plus" native-type="button" @click="add" data-testid="member-add">
              {{ spouseMissing ? $t('jiangxi.family.addSpouse') : $t('jiangxi.family.add') }}</van-button>
          </div>
        </section>
      </template>
    </div>`,
};

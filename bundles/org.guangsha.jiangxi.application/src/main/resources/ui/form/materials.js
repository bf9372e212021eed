// 申请材料 (JX-8): the checklist the category and the family decide (GET …/materials). The ID
// card and household register come as electronic licences (获取电子证照 / 重新获取: the core fetches
// them, A-3; a co-applicant's needs the consent they gave the applicant), or are uploaded; the
// other materials are uploaded, and earlier uploads of the same kind can be used again.
import { reactive, computed, onMounted } from 'vue';
import { showToast, showConfirmDialog } from 'vant';
import { api, t, local, formatTime, formatBytes, GsProblem, GsUpload, useProblem } from 'guangsha';
import { pathOf, invalid, STEP_PROPS } from './shared.js';

const LICENCE_PATHS = { ID_CARD: 'licences/id-card', HOUSEHOLD_REGISTER: 'licences/household-register' };

/** `张三` → `张*`, as the core masks the names of those who gave a licence consent. */
function maskedName(name) {
  const v = (name || '').trim();
  if (!v) return '';
  const chars = [...v];
  if (/\p{Script=Han}/u.test(chars[0])) return chars.length === 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
  return chars.length === 1 ? '*' : `${chars[0]}***`;
}

export const MaterialsStep = {
  name: 'JxMaterialsStep',
  components: { GsProblem, GsUpload },
  props: STEP_PROPS,
  emits: ['saved', 'items'],
  setup(props, { emit, expose }) {
    const own = useProblem();
    const prob = () => props.problem || own;
    const state = reactive({ loading: true, items: [], busy: {}, consents: [], uploads: {}, applicantId: null });

    const key = (item) => `${item.code}/${item.memberId || ''}`;
    const missing = computed(() => state.items.filter((i) => i.required && !i.satisfied));

    function received(answer) {
      state.items = (answer && answer.items) || [];
      emit('items', state.items);
    }
    async function load() {
      try {
        const [answer, application] = await Promise.all([
          api.get(pathOf(props.applicationId, '/materials')),
          props.application ? Promise.resolve(props.application) : api.get(pathOf(props.applicationId)),
        ]);
        received(answer);
        const applicant = application && application.family && application.family.applicant;
        state.applicantId = applicant ? applicant.id : null;
      } catch (e) {
        prob().set(e);
      } finally {
        state.loading = false;
      }
      if (!props.counter) {
        try {
          const c = await api.get('licences/consents');
          state.consents = (c && c.received) || [];
        } catch (e) {
          state.consents = [];
        }
      }
    }
    onMounted(load);

    const isApplicant = (item) => !item.memberId || item.memberId === state.applicantId;
    /** The consent a co-applicant gave the applicant for their licences, if there is one. */
    function consentOf(item) {
      if (isApplicant(item)) return null;
      const masked = maskedName(item.memberName);
      return state.consents.find((c) => c.grantorName === masked || c.grantorName === item.memberName) || null;
    }
    /** Licences are fetched by the citizen (not at the counter) for themselves or with a consent. */
    const fetchable = (item) => !!item.licence && !props.counter && (isApplicant(item) || !!consentOf(item));

    async function file(item, attachmentId) {
      const body = { attachmentId };
      if (item.memberId) body.memberId = item.memberId;
      received(await api.post(pathOf(props.applicationId, `/materials/${encodeURIComponent(item.code)}`), body));
    }

    /** 获取电子证照 / 重新获取: the core fetches the licence, then it is filed here. */
    async function fetchLicence(item) {
      const k = key(item);
      own.clear();
      state.busy = { ...state.busy, [k]: true };
      try {
        const consent = consentOf(item);
        const attachment = await api.post(LICENCE_PATHS[item.licence], consent ? { consentId: consent.id } : {});
        await file(item, attachment.id);
        showToast({ message: t('jiangxi.materials.fetched'), type: 'success' });
      } catch (e) {
        prob().set(e);
      } finally {
        state.busy = { ...state.busy, [k]: false };
      }
    }

    /** An upload (new, or an earlier one chosen) is filed for the material. */
    async function uploaded(item, record) {
      if (!record) return;
      const k = key(item);
      state.busy = { ...state.busy, [k]: true };
      try {
        await file(item, record.id);
      } catch (e) {
        prob().set(e);
      } finally {
        state.uploads = { ...state.uploads, [k]: null };
        state.busy = { ...state.busy, [k]: false };
      }
    }

    /** At the counter the file is uploaded as the applicant's through the line. */
    async function counterUpload(item, event) {
      const f = event.target.files && event.target.files[0];
      if (!f) return;
      const k = key(item);
      state.busy = { ...state.busy, [k]: true };
      try {
        const form = new FormData();
        form.append('file', f, f.name);
        if (item.memberId) form.append('memberId', item.memberId);
        received(await api.upload(pathOf(props.applicationId, `/materials/${encodeURIComponent(item.code)}/upload`), form));
      } catch (e) {
        prob().set(e);
      } finally {
        event.target.value = '';
        state.busy = { ...state.busy, [k]: false };
      }
    }

    async function unfile(item, a) {
      try {
        await showConfirmDialog({
          title: t('jiangxi.materials.removeTitle'),
          message: t('jiangxi.materials.removeText', { name: a.fileName }),
          confirmButtonText: t('jiangxi.materials.remove'),
          cancelButtonText: t('common.cancel'),
        });
      } catch (e) {
        return;
      }
      try {
        received(await api.del(pathOf(props.applicationId, `/materials/${encodeURIComponent(item.code)}/${encodeURIComponent(a.id)}`)));
      } catch (e) {
        prob().set(e);
      }
    }

    async function viewFile(a) {
      try {
        const blob = await api.blob(`attachments/${encodeURIComponent(a.id)}/content`);
        const url = URL.createObjectURL(blob);
        const w = window.open(url, '_blank', 'noopener');
        if (!w) location.assign(url);
        setTimeout(() => URL.revokeObjectURL(url), 120000);
      } catch (e) {
        prob().set(e);
      }
    }

    /**
     * The checklist read again; without `draft`, a required material still missing is named (the
     * server checks again on submission). Resolves the Application, as the other steps do.
     */
    async function save({ draft = false } = {}) {
      prob().clear();
      received(await api.get(pathOf(props.applicationId, '/materials')));
      if (!draft && missing.value.length) {
        const e = invalid(missing.value.map((i) => [`materials.${i.code}`, 'jiangxi.materials.missingOne', { name: local(i.name) }]));
        if (!props.problem) own.set(e);
        throw e;
      }
      const a = await api.get(pathOf(props.applicationId));
      emit('saved', a);
      return a;
    }
    const fieldError = (item) => {
      const p = prob();
      return p.field(`materials.${item.code}`) || (item.memberId ? p.field(`materials.${item.code}.${item.memberId}`) : '') || p.field(item.code);
    };

    expose({ save, missing, reload: load });
    return {
      own, state, key, missing, fetchable, consentOf, isApplicant, fetchLicence, uploaded, counterUpload, unfile, viewFile, fieldError,
      local, formatTime, formatBytes,
    };
  },
  template: `
    <div class="jx-step jx-step-materials" data-testid="jx-step-materials">
      <GsProblem v-if="!$props.problem" :problem="own" />
      <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <template v-else>
        <p class="jx-hint" :class="{ 'jx-hint-warn': missing.length }" data-testid="materials-summary" :data-missing="missing.length" role="status">
          <van-icon :name="missing.length ? 'info-o' : 'passed'" aria-hidden="true" />
          {{ missing.length ? $t('jiangxi.materials.missing', { n: missing.length }) : $t('jiangxi.materials.complete') }}</p>
        <ul class="jx-material-list" data-testid="materials">
          <li v-for="item in state.items" :key="key(item)" class="jx-material" data-testid="material" :data-code="item.code"
            :data-member="item.memberId || ''" :data-satisfied="item.satisfied ? 'true' : 'false'">
            <header class="jx-material-head">
              <h3>{{ local(item.name) }}<span v-if="item.required" class="jx-required" :aria-label="$t('common.required')">*</span></h3>
              <span class="jx-state" :class="{ 'jx-state-ok': item.satisfied }" data-testid="material-state">
                <van-icon :name="item.satisfied ? 'passed' : item.required ? 'warning-o' : 'info-o'" aria-hidden="true" />
                {{ item.satisfied ? $t('jiangxi.materials.done') : item.required ? $t('jiangxi.materials.needed') : $t('jiangxi.materials.optional') }}
              </span>
            </header>
            <p v-if="item.memberName" class="gs-muted jx-small">
              {{ isApplicant(item) ? $t('jiangxi.materials.ofApplicant') : $t('jiangxi.materials.ofMember') }}：{{ item.memberName }}</p>
            <p v-if="item.hint" class="gs-muted jx-small">{{ local(item.hint) }}</p>
            <ul v-if="item.attachments && item.attachments.length" class="jx-files">
              <li v-for="a in item.attachments" :key="a.id" class="jx-file" data-testid="material-file" :data-source="a.source">
                <van-icon :name="String(a.source || '').startsWith('licence') ? 'certificate' : 'description'" aria-hidden="true" />
                <span class="jx-file-name">{{ a.fileName }}</span>
                <span class="gs-muted jx-small">
                  <template v-if="String(a.source || '').startsWith('licence')">{{ $t('jiangxi.materials.fromLicence') }}</template>
                  <template v-else>{{ formatBytes(a.size) }}</template>
                  <template v-if="a.createdAt"> · {{ formatTime(a.createdAt) }}</template></span>
                <span class="jx-file-actions">
                  <van-button size="mini" plain native-type="button" icon="eye-o" @click="viewFile(a)" :aria-label="$t('jiangxi.materials.viewNamed', { name: a.fileName })">{{ $t('common.view') }}</van-button>
                  <van-button size="mini" plain native-type="button" icon="delete-o" @click="unfile(item, a)" data-testid="material-remove"
                    :aria-label="$t('jiangxi.materials.removeNamed', { name: a.fileName })">{{ $t('jiangxi.materials.remove') }}</van-button>
                </span>
              </li>
            </ul>
            <p v-if="fieldError(item)" class="jx-field-error" role="alert">{{ fieldError(item) }}</p>
            <div v-if="item.licence" class="jx-licence">
              <van-button v-if="fetchable(item)" size="small" type="primary" :plain="!!(item.attachments && item.attachments.length)" icon="certificate"
                native-type="button" :loading="!!state.busy[key(item)]" @click="fetchLicence(item)" data-testid="material-licence">
                {{ item.attachments && item.attachments.length ? $t('jiangxi.materials.refetch') : $t('jiangxi.materials.fetch') }}</van-button>
              <p v-else-if="!counter" class="gs-muted jx-small" data-testid="material-no-consent">{{ $t('jiangxi.materials.noConsent') }}</p>
            </div>
            <div v-if="!item.licence || !fetchable(item)" class="jx-material-upload">
              <GsUpload v-if="!counter" :model-value="state.uploads[key(item)] || null" :kind="item.uploadKind || (item.kinds && item.kinds[0]) || 'other'"
                :label="item.attachments && item.attachments.length ? $t('jiangxi.materials.addMore') : $t('jiangxi.materials.uploadLabel')"
                capture @update:model-value="uploaded(item, $event)" />
              <label v-else class="jx-counter-upload">
                <span>{{ $t('jiangxi.materials.counterUpload') }}</span>
                <input type="file" accept="image/jpeg,image/png,application/pdf" @change="counterUpload(item, $event)" data-testid="material-counter-upload" />
              </label>
            </div>
          </li>
        </ul>
      </template>
    </div>`,
};

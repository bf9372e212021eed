// The application form (JX-4 … JX-9): four steps in GsSteps, each saved on the server. 暂存 saves
// the step shown as a draft (formats only); 下一步 saves it checked (the server marks it complete);
// 上一步 keeps what was typed. Opened again (on any device) it resumes at the first step not yet
// complete. The last button, 提交申请, asks once more: 再次检查 or 提交.
//
// `ApplicationForm` takes `applicationId` and `counter` (the console mounts it for counter filing,
// JX-1) and emits `submitted` (the Application) and `loaded` (the Application read on open).
import { reactive, ref, computed, onMounted, onBeforeUnmount } from 'vue';
import { showConfirmDialog, showToast } from 'vant';
import { api, ApiError, t, local, GsSteps, GsProblem } from 'guangsha';
import { stepOfField, words } from '../common.js';
import { pathOf, forget } from './shared.js';
import { TypeStep } from './type.js';
import { FamilyStep } from './family.js';
import { AssetsStep } from './assets.js';
import { MaterialsStep } from './materials.js';

export { TypeStep, FamilyStep, AssetsStep, MaterialsStep };

export const STEPS = ['type', 'family', 'assets', 'materials'];

/** The first step not yet complete (`steps: {type: true, …}` of the Summary), or the last. */
export function resumeStep(a) {
  const s = (a && a.steps) || {};
  return STEPS.find((k) => !s[k]) || 'materials';
}

export const ApplicationForm = {
  name: 'JxApplicationForm',
  components: { GsSteps, GsProblem, TypeStep, FamilyStep, AssetsStep, MaterialsStep },
  props: { applicationId: { type: [String, Number], required: true }, counter: Boolean },
  emits: ['submitted', 'loaded'],
  setup(props, { emit }) {
    const data = reactive({});
    const steps = STEPS.map((key) => ({ key, title: t(`jiangxi.form.steps.${key}`) }));
    const state = reactive({ application: null, current: 'type', drafting: false, draftedAt: null, loading: true, failed: null });
    const stepsRef = ref(null);
    const refs = {};
    const setRef = (key) => (el) => {
      refs[key] = el;
    };
    const problem = () => stepsRef.value && stepsRef.value.problem;

    forget(props.applicationId);
    onBeforeUnmount(() => forget(props.applicationId));

    async function load() {
      const a = await api.get(pathOf(props.applicationId));
      state.application = a;
      emit('loaded', a);
      const started = !!(a.steps && STEPS.some((k) => a.steps[k])) || !!a.applicationType || !!(a.type && a.type.applicationType);
      return started ? { data: {}, step: resumeStep(a) } : null;
    }
    onMounted(() => {
      state.loading = false;
    });

    function saved(a) {
      if (a) state.application = a;
    }
    /** 下一步: the step shown, checked and saved (not a draft). */
    async function validate(key) {
      const step = refs[key];
      if (!step) return;
      if (key === 'materials') return;
      await step.save({ draft: false });
    }
    /** 暂存: the step shown as a draft. */
    async function draft() {
      const step = refs[state.current];
      const p = problem();
      if (!step || state.drafting) return;
      if (p) p.clear();
      state.drafting = true;
      try {
        if (state.current === 'materials') await step.save();
        else await step.save({ draft: true });
        state.draftedAt = new Date();
        showToast({ message: t('jiangxi.form.drafted'), type: 'success' });
      } catch (e) {
        if (p) p.set(e);
      } finally {
        state.drafting = false;
      }
    }
    /** 提交申请: asked once more (再次检查 / 提交), then sent with `confirm: true` (JX-9). */
    async function finish() {
      const materials = refs.materials;
      if (materials) await materials.save();
      try {
        await showConfirmDialog({
          title: t('jiangxi.submit.title'),
          message: t('jiangxi.submit.text'),
          confirmButtonText: t('jiangxi.submit.confirm'),
          cancelButtonText: t('jiangxi.submit.check'),
          className: 'jx-submit-dialog',
        });
      } catch (e) {
        return null; // 再次检查: the form stays open
      }
      try {
        const a = await api.post(pathOf(props.applicationId, '/submit'), { confirm: true });
        state.application = a;
        emit('submitted', a);
        return a;
      } catch (e) {
        if (e instanceof ApiError) {
          // the first step the server names is opened, with its fields marked
          const first = Object.keys(e.fields).map(stepOfField).find(Boolean);
          if (first && first !== state.current && stepsRef.value) stepsRef.value.goTo(first);
        }
        throw e;
      }
    }
    const editable = computed(() => !state.application || state.application.editable !== false);
    const region = computed(() => state.application && local(state.application.regionName));
    return { data, steps, state, stepsRef, setRef, validate, draft, finish, load, saved, editable, region, words };
  },
  template: `
    <div class="jx-form" data-testid="jx-form" :data-application="applicationId">
      <header v-if="state.application" class="jx-form-head">
        <p class="jx-form-meta gs-muted">
          <span v-if="state.application.number">{{ $t('jiangxi.app.number') }}：<strong data-testid="form-number">{{ state.application.number }}</strong></span>
          <span v-if="region"> · {{ region }}</span>
          <span> · {{ words('channel', state.application.channel) }}</span>
        </p>
      </header>
      <p v-if="state.application && !editable" class="jx-hint jx-hint-warn" role="note" data-testid="form-locked">
        <van-icon name="lock" aria-hidden="true" /> {{ $t('jiangxi.form.locked') }}</p>
      <GsSteps ref="stepsRef" :steps="steps" v-model="data" :validate="validate" :load="load" :finish="finish"
        :finish-text="$t('jiangxi.form.submit')" @step="state.current = $event">
        <template #step-type="{ problem }">
          <TypeStep :ref="setRef('type')" :application-id="applicationId" :counter="counter" :application="state.application" :problem="problem" @saved="saved" />
        </template>
        <template #step-family="{ problem }">
          <FamilyStep :ref="setRef('family')" :application-id="applicationId" :counter="counter" :application="state.application" :problem="problem" @saved="saved" />
        </template>
        <template #step-assets="{ problem }">
          <AssetsStep :ref="setRef('assets')" :application-id="applicationId" :counter="counter" :application="state.application" :problem="problem" @saved="saved" />
        </template>
        <template #step-materials="{ problem }">
          <MaterialsStep :ref="setRef('materials')" :application-id="applicationId" :counter="counter" :application="state.application" :problem="problem" />
        </template>
        <template #after>
          <div class="jx-draft-bar">
            <van-button round plain icon="notes-o" native-type="button" :loading="state.drafting" @click="draft" data-testid="form-draft">
              {{ $t('jiangxi.form.draft') }}</van-button>
          </div>
        </template>
      </GsSteps>
    </div>`,
};

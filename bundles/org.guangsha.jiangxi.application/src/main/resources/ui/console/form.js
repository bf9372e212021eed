// 代为填报 (JX-1, JX-4 … JX-9): the caseworker fills the citizen's application at the counter with
// the same four steps the citizen's pages use (ui/form/*.js, mounted with `counter`), the same
// step endpoints (PUT …/{step}, 暂存 with ?draft=true), the commitment letter printed, signed on
// paper and its scan uploaded as the citizen's file, and submits after a second confirmation
// (POST …/submit {confirm: true}): the case goes to the county review, then the city's.
import { reactive, computed, shallowRef, ref, onMounted, watch } from 'vue';
import { showConfirmDialog } from 'vant';
import { api, local, t, route, formatTime, maskIdNumber, useProblem, GsProblem } from 'guangsha';
import { GsConsolePage, GsStatus, isStaff, loadRegions, regionName, setQuery } from 'guangsha/console';
import { counterHref, currentCitizen, word, STEPS } from './shared.js';
import { CounterLetter } from './letter.js';

/** The step components of the citizen's form (ui/form/), loaded when the page needs them. */
const STEP_MODULES = {
  type: () => import('../form/type.js'),
  family: () => import('../form/family.js'),
  assets: () => import('../form/assets.js'),
  materials: () => import('../form/materials.js'),
};

/** The component a step module exports (`TypeStep` for type.js …), else its default export. */
function componentOf(step, mod) {
  const name = `${step[0].toUpperCase()}${step.substring(1)}Step`;
  if (mod[name]) return mod[name];
  if (mod.default) return mod.default;
  return Object.values(mod).find((v) => v && typeof v === 'object' && (v.template || v.setup || v.render)) || null;
}

const PAGES = [...STEPS, 'submit'];

/** 张三 → 张*: the first character only, as the core masks names in staff views. */
function maskName(name) {
  const s = String(name || '');
  return s.includes('*') || s.length < 2 ? s : s[0] + '*'.repeat(s.length - 1);
}

export const CounterForm = {
  components: { GsProblem, GsConsolePage, GsStatus, CounterLetter },
  props: { params: { type: Object, default: () => ({}) } },
  setup(props) {
    const problem = useProblem();
    const submitProblem = useProblem();
    const id = computed(() => props.params.id);
    const state = reactive({ loading: true, application: null, saving: false, savedAt: null, draft: false, submitting: false, done: false, loadFailed: '' });
    const stepComponent = shallowRef(null);
    const stepRef = ref(null);

    const step = computed(() => (PAGES.includes(route.query.step) ? route.query.step : firstOpenStep()));
    const index = computed(() => PAGES.indexOf(step.value));
    const application = computed(() => state.application);
    const editable = computed(() => !!state.application && state.application.status === 'DRAFT' && state.application.editable !== false);
    const stepsState = computed(() => (state.application && state.application.steps) || {});
    const missing = computed(() => STEPS.filter((s) => !stepsState.value[s]));
    const citizen = computed(() => {
      const a = state.application;
      const own = a && a.family && a.family.applicant;
      const served = currentCitizen();
      // a staff view: masked like every list, whatever the filing form itself shows
      if (own && own.name) return { name: maskName(own.name), idNumber: maskIdNumber(own.idNumber) };
      return served ? { name: served.name, idNumber: served.idNumber } : null;
    });

    function firstOpenStep() {
      const a = state.application;
      if (!a) return 'type';
      if (a.status !== 'DRAFT') return 'submit';
      return STEPS.find((s) => !(a.steps || {})[s]) || 'submit';
    }

    async function load() {
      state.loading = true;
      state.loadFailed = '';
      problem.clear();
      try {
        state.application = await api.get(`jiangxi/applications/${encodeURIComponent(id.value)}`);
      } catch (e) {
        problem.set(e);
        state.loadFailed = problem.message;
      } finally {
        state.loading = false;
      }
    }

    async function loadStep() {
      stepComponent.value = null;
      if (!STEP_MODULES[step.value]) return;
      const wanted = step.value;
      try {
        const mod = await STEP_MODULES[wanted]();
        if (step.value === wanted) stepComponent.value = componentOf(wanted, mod);
      } catch (e) {
        problem.set(new Error(t('jiangxiCounter.formMissing')));
      }
    }

    function go(target) {
      problem.clear();
      submitProblem.clear();
      state.savedAt = null;
      setQuery({ step: target }, { push: true });
    }

    function saved(a) {
      state.application = a;
    }

    async function save(draft) {
      const comp = stepRef.value;
      if (!comp || !comp.save) return null;
      problem.clear();
      state.saving = true;
      try {
        const a = await comp.save({ draft });
        if (a) state.application = a;
        state.savedAt = new Date();
        state.draft = draft;
        return a;
      } catch (e) {
        // the step shows the field messages; the page shows the problem's title
        if (!problem.message) problem.set(e);
        return null;
      } finally {
        state.saving = false;
      }
    }

    async function saveNext() {
      // the step after the one shown now: without ?step= the page shows the first step not done,
      // which the save itself moves on
      const target = PAGES[index.value + 1];
      if (!editable.value) {
        go(target);
        return;
      }
      const a = await save(false);
      if (a) go(target);
    }

    async function submit() {
      submitProblem.clear();
      try {
        await showConfirmDialog({
          title: t('jiangxiCounter.confirmSubmitTitle'),
          message: t('jiangxiCounter.confirmSubmit'),
          confirmButtonText: t('jiangxiCounter.submit'),
          cancelButtonText: t('jiangxiCounter.cancel'),
        });
      } catch (e) {
        return;
      }
      state.submitting = true;
      try {
        state.application = await api.post(`jiangxi/applications/${encodeURIComponent(id.value)}/submit`, { confirm: true });
        state.done = true;
      } catch (e) {
        submitProblem.set(e);
      } finally {
        state.submitting = false;
      }
    }

    watch(step, loadStep);
    watch(id, async () => {
      await load();
      loadStep();
    });
    onMounted(async () => {
      loadRegions();
      await load();
      loadStep();
    });

    const savedText = computed(() => {
      if (!state.savedAt) return '';
      const pad = (n) => String(n).padStart(2, '0');
      const time = `${pad(state.savedAt.getHours())}:${pad(state.savedAt.getMinutes())}`;
      return t(state.draft ? 'jiangxiCounter.draftSaved' : 'jiangxiCounter.saved', { time });
    });
    const stepWords = (s) => t(`jiangxiCounter.steps.${s}`);
    const missingWords = computed(() => missing.value.map(stepWords).join('、'));

    return {
      problem, submitProblem, state, id, step, index, application, editable, stepsState, missing, missingWords, citizen,
      stepComponent, stepRef, PAGES, savedText, go, saved, save, saveNext, submit, isStaff, local, word, regionName,
      formatTime, counterHref, stepWords,
    };
  },
  template: `
    <GsConsolePage :title="$t('jiangxiCounter.formTitle') + (application && application.number ? ' ' + application.number : '')"
      back="/m/jiangxi/" :back-text="$t('jiangxiCounter.back')">
      <p v-if="!isStaff()" class="gs-empty" role="alert">{{ $t('jiangxiCounter.staffOnly') }}</p>
      <p v-else-if="state.loading" class="gs-loading" role="status">{{ $t('jiangxiCounter.loading') }}</p>
      <GsProblem v-else-if="!application" :problem="problem" />
      <template v-else>
        <section class="gs-c-card jxc-summary" aria-labelledby="jxc-summary-title" data-testid="jxc-summary"
          :data-status="application.status" :data-channel="application.channel" :data-application-id="application.id">
          <h2 id="jxc-summary-title" class="gs-c-sr">{{ $t('jiangxiCounter.summary') }}</h2>
          <dl class="gs-c-dl jxc-dl jxc-dl-4">
            <dt>{{ $t('jiangxiCounter.number') }}</dt><dd><code data-testid="jxc-number">{{ application.number || application.id }}</code></dd>
            <dt>{{ $t('jiangxiCounter.status') }}</dt><dd data-testid="jxc-status"><GsStatus :status="application.status" /></dd>
            <dt>{{ $t('jiangxiCounter.citizen') }}</dt><dd>{{ citizen ? citizen.name + ' · ' + citizen.idNumber : $t('jiangxiCounter.none') }}</dd>
            <dt>{{ $t('jiangxiCounter.region') }}</dt><dd data-testid="jxc-region">{{ local(application.regionName) || regionName(application.regionCode) }}</dd>
            <dt>{{ $t('jiangxiCounter.channel') }}</dt><dd data-testid="jxc-channel">{{ word('channels', application.channel) }}</dd>
            <dt>{{ $t('jiangxiCounter.filedBy') }}</dt><dd data-testid="jxc-filed-by">{{ application.filedBy || $t('jiangxiCounter.none') }}</dd>
            <dt>{{ $t('jiangxiCounter.faceOrCheck') }}</dt><dd>{{ application.channel === 'COUNTER' ? $t('jiangxiCounter.checkedInPerson') : formatTime(application.faceVerifiedAt) }}</dd>
            <dt>{{ $t('jiangxiCounter.createdAt') }}</dt><dd><time :datetime="application.createdAt">{{ formatTime(application.createdAt) }}</time></dd>
          </dl>
        </section>

        <nav class="jxc-steps" :aria-label="$t('jiangxiCounter.formTitle')" data-testid="jxc-steps">
          <ol>
            <li v-for="(p, i) in PAGES" :key="p">
              <button type="button" class="jxc-step" :class="{ 'jxc-step-current': p === step, 'jxc-step-done': p !== 'submit' && stepsState[p] }"
                :aria-current="p === step ? 'step' : null" @click="go(p)" :data-testid="'jxc-step-' + p" :data-done="p !== 'submit' && stepsState[p] ? 'true' : 'false'">
                <span class="jxc-step-n" aria-hidden="true">{{ i + 1 }}</span>
                <span>{{ stepWords(p) }}</span>
                <span v-if="p !== 'submit'" class="jxc-step-state"><van-icon :name="stepsState[p] ? 'passed' : 'circle'" aria-hidden="true" />
                  {{ stepsState[p] ? $t('jiangxiCounter.stepDone') : $t('jiangxiCounter.stepOpen') }}</span>
              </button>
            </li>
          </ol>
        </nav>

        <p v-if="!editable" class="gs-c-note" role="note" data-testid="jxc-read-only"><van-icon name="lock" aria-hidden="true" />
          {{ application.status === 'DRAFT' ? $t('jiangxiCounter.notEditable') : $t('jiangxiCounter.readOnly') }}
          <a :href="'#/cases/' + encodeURIComponent(application.id)">{{ $t('jiangxiCounter.view') }}</a></p>

        <section v-if="step !== 'submit'" class="gs-c-card jxc-step-body" :data-testid="'jxc-body-' + step" :aria-label="stepWords(step)">
          <p class="gs-c-hint">{{ $t('jiangxiCounter.stepOf', { n: index + 1, total: PAGES.length }) }}</p>
          <h2 class="jxc-step-title">{{ stepWords(step) }}</h2>
          <GsProblem :problem="problem" />
          <component v-if="stepComponent" :is="stepComponent" :key="step" ref="stepRef" :application-id="id" :counter="true"
            :application="application" :problem="problem" @saved="saved" />
          <p v-else-if="!problem.message" class="gs-loading" role="status">{{ $t('jiangxiCounter.loading') }}</p>
          <CounterLetter v-if="step === 'assets'" :application="application" :editable="editable" @saved="saved" />
          <div class="jxc-form-actions">
            <van-button v-if="index > 0" icon="arrow-left" @click="go(PAGES[index - 1])" data-testid="jxc-prev">{{ $t('jiangxiCounter.prev') }}</van-button>
            <van-button v-if="editable" plain type="primary" icon="records-o" :loading="state.saving" @click="save(true)" data-testid="jxc-draft">{{ $t('jiangxiCounter.saveDraft') }}</van-button>
            <van-button type="primary" icon="arrow" :loading="state.saving" @click="saveNext" data-testid="jxc-next">{{ $t('jiangxiCounter.saveNext') }}</van-button>
            <span v-if="savedText" class="gs-c-hint" role="status" data-testid="jxc-saved">{{ savedText }}</span>
          </div>
        </section>

        <section v-else class="gs-c-card jxc-submit" data-testid="jxc-body-submit" aria-labelledby="jxc-submit-title">
          <h2 id="jxc-submit-title">{{ $t('jiangxiCounter.submitTitle') }}</h2>
          <div v-if="state.done || application.status !== 'DRAFT'" class="gs-c-done" role="status" data-testid="jxc-submitted" :data-status="application.status">
            <van-icon name="passed" aria-hidden="true" />
            {{ state.done ? $t('jiangxiCounter.submitted', { number: application.number || application.id }) : '' }}
            <GsStatus :status="application.status" />
            <a :href="'#/cases/' + encodeURIComponent(application.id)" data-testid="jxc-case-link">{{ $t('jiangxiCounter.view') }}</a> ·
            <a href="#/m/jiangxi/">{{ $t('jiangxiCounter.backToCitizen') }}</a>
          </div>
          <template v-else>
            <p class="gs-c-hint">{{ $t('jiangxiCounter.submitIntro') }}</p>
            <ul class="jxc-checklist" data-testid="jxc-checklist">
              <li v-for="s in ['type', 'family', 'assets', 'materials']" :key="s" :data-step="s" :data-done="stepsState[s] ? 'true' : 'false'">
                <van-icon :name="stepsState[s] ? 'passed' : 'warning-o'" aria-hidden="true" />
                <a href="#" @click.prevent="go(s)">{{ stepWords(s) }}</a>：{{ stepsState[s] ? $t('jiangxiCounter.stepDone') : $t('jiangxiCounter.stepOpen') }}
              </li>
            </ul>
            <p v-if="missing.length" class="gs-c-note" role="note" data-testid="jxc-incomplete">{{ $t('jiangxiCounter.incomplete', { steps: missingWords }) }}</p>
            <GsProblem :problem="submitProblem" :placed="[]" />
            <div class="jxc-form-actions">
              <van-button icon="arrow-left" @click="go('materials')" data-testid="jxc-prev">{{ $t('jiangxiCounter.prev') }}</van-button>
              <van-button type="primary" icon="success" :loading="state.submitting" :loading-text="$t('jiangxiCounter.submitting')" @click="submit"
                data-testid="jxc-submit">{{ $t('jiangxiCounter.submit') }}</van-button>
            </div>
          </template>
        </section>
      </template>
    </GsConsolePage>`,
};

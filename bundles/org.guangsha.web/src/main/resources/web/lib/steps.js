// GsSteps: a form in several steps, with a progress header, Back/Next and a draft saved on Next.
import { defineComponent, reactive, computed, ref, nextTick, onMounted } from 'vue';
import { ApiError } from './api.js';
import { useProblem, GsProblem } from './components.js';
import { ensureStylesheet } from './styles.js';

ensureStylesheet('/web/lib/widgets.css');

function hhmm(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * Multi-step form.
 *
 * Props:
 * - `steps` (Array, required): `[{key, title, fields?}]`; `fields` names the form fields of the
 *   step, so that a problem naming one of them (from `validate` or `finish`) opens that step.
 * - `modelValue` (Object, required): the form data, one reactive object the steps' fields bind to
 *   (`v-model="data.name"`); Back and Next keep it.
 * - `validate(stepKey, data)` (Function): async, checks a step before Next; throws an ApiError to
 *   show its problem on that step (fields through the slot's `problem.field('x')`).
 * - `save(data, nextStepKey)` (Function): async draft save, called on every Next; the header then
 *   says 草稿已保存 hh:mm. A failed save is shown but does not hold the person back.
 * - `load()` (Function): async, the draft to resume on open: the data, or `{data, step}` to
 *   reopen at a step; null when there is none.
 * - `finish(data)` (Function): async, called by the last step's button; its ApiError is shown.
 * - `finishText` (String): the last button's words (default 提交 / Submit).
 * - `busy` (Boolean): the page is busy (buttons wait).
 *
 * Emits: `update:modelValue` (after resuming), `step` (the key of the step shown), `saved`
 * (Date), `finished` (what `finish` returned).
 *
 * Slots: `step-<key>` for each step, with `{data, problem, step}`; `after` below the buttons.
 * Exposed: `goTo(key)`, `problem`, `current` (the key shown).
 *
 * data-testid: `steps` (root, `data-step` the key shown), `steps-position`, `steps-back`,
 * `steps-next`, `steps-saved`, `steps-resumed`.
 */
export const GsSteps = defineComponent({
  name: 'GsSteps',
  components: { GsProblem },
  props: {
    steps: { type: Array, required: true },
    modelValue: { type: Object, required: true },
    validate: Function,
    save: Function,
    load: Function,
    finish: Function,
    finishText: String,
    busy: Boolean,
  },
  emits: ['update:modelValue', 'step', 'saved', 'finished'],
  setup(props, { emit, expose }) {
    const problem = useProblem();
    const state = reactive({ index: 0, working: false, savedAt: null, resumed: false, loading: !!props.load });
    const heading = ref(null);
    const current = computed(() => props.steps[state.index] || props.steps[0]);
    const last = computed(() => state.index === props.steps.length - 1);

    async function show(index) {
      state.index = Math.max(0, Math.min(props.steps.length - 1, index));
      emit('step', current.value.key);
      await nextTick();
      if (heading.value) heading.value.focus();
    }
    function goTo(key) {
      const i = props.steps.findIndex((s) => s.key === key);
      if (i >= 0) show(i);
    }
    /** The first step whose fields the problem names, if not the one shown. */
    function stepOf(error) {
      if (!(error instanceof ApiError)) return -1;
      const named = Object.keys(error.fields);
      return props.steps.findIndex((s) => (s.fields || []).some((f) => named.includes(f)));
    }
    function fail(error) {
      problem.set(error);
      const i = stepOf(error);
      if (i >= 0 && i !== state.index) show(i);
    }

    async function next() {
      if (state.working || props.busy) return;
      problem.clear();
      state.working = true;
      try {
        if (props.validate) await props.validate(current.value.key, props.modelValue);
        if (last.value) {
          const result = props.finish ? await props.finish(props.modelValue) : null;
          emit('finished', result);
          return;
        }
        const nextKey = props.steps[state.index + 1].key;
        if (props.save) {
          try {
            await props.save(props.modelValue, nextKey);
            state.savedAt = new Date();
            emit('saved', state.savedAt);
          } catch (e) {
            problem.set(e);
          }
        }
        await show(state.index + 1);
      } catch (e) {
        fail(e);
      } finally {
        state.working = false;
      }
    }
    function back() {
      problem.clear();
      show(state.index - 1);
    }

    onMounted(async () => {
      if (!props.load) return;
      try {
        const draft = await props.load();
        if (draft) {
          const data = draft.data && typeof draft.data === 'object' ? draft.data : draft;
          Object.assign(props.modelValue, data);
          emit('update:modelValue', props.modelValue);
          state.resumed = true;
          if (draft.step) {
            const i = props.steps.findIndex((s) => s.key === draft.step);
            if (i > 0) state.index = i;
          }
        }
      } catch (e) {
        problem.set(e);
      } finally {
        state.loading = false;
        emit('step', current.value.key);
      }
    });

    expose({ goTo, problem, current: computed(() => current.value.key) });
    return { state, problem, heading, current, last, next, back, hhmm };
  },
  template: `
    <div class="gs-steps" data-testid="steps" :data-step="current.key">
      <div class="gs-steps-head">
        <van-steps :active="state.index" class="gs-steps-bar-top" aria-hidden="true">
          <van-step v-for="s in steps" :key="s.key">{{ s.title }}</van-step>
        </van-steps>
        <h2 ref="heading" tabindex="-1" class="gs-steps-title" data-testid="steps-position">
          <span class="gs-steps-count">{{ $t('steps.position', { n: state.index + 1, total: steps.length }) }}</span>
          {{ current.title }}
        </h2>
        <p class="gs-steps-saved gs-muted" role="status" data-testid="steps-saved">
          <template v-if="state.savedAt"><van-icon name="passed" aria-hidden="true" /> {{ $t('steps.draftSaved', { time: hhmm(state.savedAt) }) }}</template>
        </p>
      </div>
      <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <template v-else>
        <p v-if="state.resumed" class="gs-steps-resumed" data-testid="steps-resumed"><van-icon name="info-o" aria-hidden="true" /> {{ $t('steps.resume') }}</p>
        <GsProblem :problem="problem" />
        <form class="gs-steps-form" novalidate @submit.prevent="next">
          <template v-for="(s, i) in steps" :key="s.key">
            <div v-if="i === state.index" class="gs-steps-step" :data-step="s.key">
              <slot :name="'step-' + s.key" :data="modelValue" :problem="problem" :step="s" />
            </div>
          </template>
          <div class="gs-steps-buttons">
            <van-button v-if="state.index > 0" round plain type="primary" native-type="button" icon="arrow-left"
              @click="back" data-testid="steps-back">{{ $t('common.previous') }}</van-button>
            <van-button round type="primary" native-type="submit" :loading="state.working || busy" class="gs-steps-next"
              data-testid="steps-next">{{ last ? (finishText || $t('common.submit')) : $t('common.next') }}</van-button>
          </div>
        </form>
        <slot name="after" />
      </template>
    </div>`,
});

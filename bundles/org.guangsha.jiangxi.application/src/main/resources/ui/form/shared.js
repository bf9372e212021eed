// What the four form steps share. Each step (type.js, family.js, assets.js, materials.js) is a
// component the citizen's form (form.js) and the counter's console pages mount alike:
//
// Props: `applicationId` (required), `counter` (Boolean: a caseworker files at the counter, JX-1),
// `application` (the Application as the server last answered; read here when not given),
// `problem` (a useProblem() state to show errors in, e.g. GsSteps'; the step keeps its own and
// shows it when none is given).
// Emits: `saved` (the Application the server answered).
// Exposed: `save({draft})`: PUT the step (`?draft=true`: 暂存, formats only; without: the whole
// step is checked and marked complete), resolves the Application, throws the ApiError (its fields
// are shown on the step's fields).
//
// What is typed is kept while the form is open (going back and forth shows it again without a
// read) and saved as a draft when the step is left with changes not yet saved.
import { reactive, ref, watch, onMounted, onBeforeUnmount } from 'vue';
import { api, ApiError, t, useProblem } from 'guangsha';
import { fieldError } from '../common.js';

const kept = new Map();

/** The kept model of one step of one application, made by `make()` when there is none yet. */
export function keptModel(applicationId, step, make) {
  const key = `${applicationId}/${step}`;
  if (!kept.has(key)) kept.set(key, reactive(make()));
  return kept.get(key);
}

/** Forgets what was kept for an application (the form was closed, or read again from the server). */
export function forget(applicationId) {
  for (const key of [...kept.keys()]) if (key.startsWith(`${applicationId}/`)) kept.delete(key);
}

/** The application's REST path. */
export function pathOf(applicationId, rest = '') {
  return `jiangxi/applications/${encodeURIComponent(applicationId)}${rest}`;
}

/** A check made here, shaped like the server's problem so the fields show it the same way. */
export function invalid(errors) {
  return new ApiError(400, {
    title: '请按提示修改标出的内容',
    titleEn: 'Please correct the marked fields',
    status: 400,
    errors: errors.map(([field, key, args]) => ({
      field,
      message: t(key, args || {}, { locale: 'zh-CN' }),
      messageEn: t(key, args || {}, { locale: 'en' }),
    })),
  });
}

/**
 * The common part of a step: the application (given or read), the problem to show, `err(name)`
 * for a field, `save({draft})` sending `body()` and a draft save when the step is left changed.
 * `fromApplication(app)` makes the step's model; `body(model)` the PUT's JSON; `check(model)`
 * (optional) throws an ApiError for what is wrong before sending (not for drafts).
 */
export function useStep(props, emit, { step, fromApplication, body, check }) {
  const own = useProblem();
  const problem = () => props.problem || own;
  const state = reactive({ loading: !props.application, application: props.application || null, saving: false, dirty: false });
  const model = ref(null);
  if (props.application) model.value = keptModel(props.applicationId, step, () => fromApplication(props.application));

  let watching = null;
  function watchChanges() {
    if (watching) watching();
    watching = watch(model, () => {
      state.dirty = true;
    }, { deep: true });
  }
  if (model.value) watchChanges();
  watch(
    () => props.application,
    (a) => {
      if (a) state.application = a;
    },
  );

  onMounted(async () => {
    if (model.value) return;
    try {
      state.application = await api.get(pathOf(props.applicationId));
      model.value = keptModel(props.applicationId, step, () => fromApplication(state.application));
      watchChanges();
    } catch (e) {
      problem().set(e);
    } finally {
      state.loading = false;
    }
  });

  async function save({ draft = false, quiet = false } = {}) {
    if (!model.value) return state.application;
    if (!quiet) problem().clear();
    if (!draft && check) {
      try {
        check(model.value);
      } catch (e) {
        if (!props.problem) own.set(e);
        throw e;
      }
    }
    state.saving = true;
    try {
      const a = await api.put(pathOf(props.applicationId, `/${step}`), body(model.value), { query: draft ? { draft: true } : undefined });
      state.application = a;
      state.dirty = false;
      emit('saved', a);
      return a;
    } catch (e) {
      if (!props.problem && !quiet) own.set(e);
      throw e;
    } finally {
      state.saving = false;
    }
  }

  onBeforeUnmount(() => {
    if (watching) watching();
    // left with changes (上一步, another page): kept on the server as a draft, quietly
    if (state.dirty && state.application && state.application.editable !== false) save({ draft: true, quiet: true }).catch(() => {});
  });

  const err = (name) => fieldError(problem(), step, name);
  return { own, prob: problem, state, model, save, err };
}

/** The props every step takes. */
export const STEP_PROPS = {
  applicationId: { type: [String, Number], required: true },
  counter: Boolean,
  application: Object,
  problem: Object,
};

/**
 * 是 / 否 as two radio buttons (a question each: 名下是否有车?). `modelValue` true, false or null
 * (not answered). data-testid: `testid` on the group, `<testid>-yes` / `<testid>-no`.
 */
export const JxYesNo = {
  name: 'JxYesNo',
  props: { modelValue: { default: null }, label: String, testid: String, error: String, disabled: Boolean },
  emits: ['update:modelValue'],
  setup(props, { emit }) {
    const uid = `jx-yn-${Math.random().toString(36).slice(2, 9)}`;
    const value = () => (props.modelValue === true ? 'yes' : props.modelValue === false ? 'no' : '');
    const set = (v) => emit('update:modelValue', v === 'yes');
    return { uid, value, set };
  },
  template: `
    <div class="jx-yesno van-cell" role="group" :aria-labelledby="uid" :data-testid="testid">
      <p :id="uid" class="jx-yesno-label">{{ label }}</p>
      <van-radio-group :model-value="value()" @update:model-value="set" direction="horizontal" :disabled="disabled">
        <van-radio name="yes" :data-testid="testid + '-yes'">{{ $t('common.yes') }}</van-radio>
        <van-radio name="no" :data-testid="testid + '-no'">{{ $t('common.no') }}</van-radio>
      </van-radio-group>
      <p v-if="error" class="jx-field-error" role="alert">{{ error }}</p>
    </div>`,
};

/**
 * A labelled native select (the phone's own picker, keyboard reachable) in a Vant cell:
 * `options` `[{value, label}]`, an empty first choice `placeholder`.
 */
export const JxSelect = {
  name: 'JxSelect',
  props: {
    modelValue: [String, Number], label: String, options: { type: Array, default: () => [] }, testid: String,
    placeholder: String, error: String, required: Boolean, disabled: Boolean,
  },
  emits: ['update:modelValue'],
  setup(props, { emit }) {
    const id = `jx-sel-${Math.random().toString(36).slice(2, 9)}`;
    return { id, change: (e) => emit('update:modelValue', e.target.value || null) };
  },
  template: `
    <div class="jx-select van-cell van-field" :class="{ 'van-field--error': !!error }">
      <label class="van-cell__title van-field__label" :class="{ 'van-field__label--required': required }" :for="id">{{ label }}</label>
      <div class="van-cell__value van-field__value">
        <select :id="id" :value="modelValue === null || modelValue === undefined ? '' : String(modelValue)" @change="change"
          :data-testid="testid" :disabled="disabled" :aria-invalid="error ? 'true' : 'false'">
          <option value="">{{ placeholder || $t('jiangxi.form.choose') }}</option>
          <option v-for="o in options" :key="o.value" :value="String(o.value)">{{ o.label }}</option>
        </select>
        <div v-if="error" class="van-field__error-message" role="alert">{{ error }}</div>
      </div>
    </div>`,
};

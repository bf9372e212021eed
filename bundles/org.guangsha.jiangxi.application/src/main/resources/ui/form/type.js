// 申请类别 (JX-4): 实物配租 or 租赁补贴, and the applicant category, which decides the materials.
import { reactive, computed, onMounted } from 'vue';
import { local, GsProblem } from 'guangsha';
import { loadCategories, loadGuide } from '../common.js';
import { useStep, STEP_PROPS, invalid } from './shared.js';

export const TypeStep = {
  name: 'JxTypeStep',
  components: { GsProblem },
  props: STEP_PROPS,
  emits: ['saved'],
  setup(props, { emit, expose }) {
    const step = useStep(props, emit, {
      step: 'type',
      fromApplication: (a) => ({
        applicationType: (a.type && a.type.applicationType) || a.applicationType || null,
        categoryCode: (a.type && a.type.categoryCode) || a.categoryCode || null,
      }),
      body: (m) => ({ applicationType: m.applicationType, categoryCode: m.categoryCode }),
      check: (m) => {
        const errors = [];
        if (!m.applicationType) errors.push(['applicationType', 'jiangxi.type.typeRequired']);
        if (!m.categoryCode) errors.push(['categoryCode', 'jiangxi.type.categoryRequired']);
        if (errors.length) throw invalid(errors);
      },
    });
    const lists = reactive({ categories: [], types: [], loading: true });
    onMounted(async () => {
      try {
        const [categories, guide] = await Promise.all([loadCategories(), loadGuide()]);
        lists.categories = categories || [];
        lists.types = (guide && guide.applicationTypes) || [];
      } catch (e) {
        step.prob().set(e);
      } finally {
        lists.loading = false;
      }
    });
    const types = computed(() =>
      lists.types.length ? lists.types : [{ code: 'IN_KIND' }, { code: 'SUBSIDY' }],
    );
    /** Categories open to the chosen type. */
    const categories = computed(() => {
      const m = step.model.value;
      return lists.categories.filter((c) => !m || !m.applicationType || !c.applicationTypes || c.applicationTypes.includes(m.applicationType));
    });
    const chosen = computed(() => {
      const m = step.model.value;
      return m && lists.categories.find((c) => c.code === m.categoryCode);
    });
    function pickType(code) {
      const m = step.model.value;
      m.applicationType = code;
      // a category not open to the new type is dropped
      const c = lists.categories.find((x) => x.code === m.categoryCode);
      if (c && c.applicationTypes && !c.applicationTypes.includes(code)) m.categoryCode = null;
    }
    expose({ save: step.save });
    return { ...step, lists, types, categories, chosen, pickType, local };
  },
  template: `
    <div class="jx-step jx-step-type" data-testid="jx-step-type">
      <GsProblem v-if="!$props.problem" :problem="own" />
      <p v-if="state.loading || lists.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <template v-else-if="model">
        <fieldset class="jx-fieldset">
          <legend class="jx-legend">{{ $t('jiangxi.type.applicationType') }} <span class="jx-required">*</span></legend>
          <p class="gs-muted jx-small">{{ $t('jiangxi.type.typeHint') }}</p>
          <div class="jx-choices" role="radiogroup" :aria-label="$t('jiangxi.type.applicationType')">
            <button v-for="ty in types" :key="ty.code" type="button" role="radio" class="jx-choice"
              :class="{ 'jx-choice-on': model.applicationType === ty.code }" :aria-checked="model.applicationType === ty.code ? 'true' : 'false'"
              @click="pickType(ty.code)" :data-testid="'type-' + ty.code">
              <van-icon :name="model.applicationType === ty.code ? 'checked' : 'circle'" aria-hidden="true" />
              <strong>{{ ty.name ? local(ty.name) : $t('jiangxi.applicationType.' + ty.code) }}</strong>
              <span class="gs-muted jx-small">{{ $t('jiangxi.type.typeWhat.' + ty.code) }}</span>
            </button>
          </div>
          <p v-if="err('applicationType')" class="jx-field-error" role="alert">{{ err('applicationType') }}</p>
        </fieldset>
        <fieldset class="jx-fieldset">
          <legend class="jx-legend">{{ $t('jiangxi.type.category') }} <span class="jx-required">*</span></legend>
          <div class="jx-categories" role="radiogroup" :aria-label="$t('jiangxi.type.category')" data-testid="type-categories">
            <button v-for="c in categories" :key="c.code" type="button" role="radio" class="jx-choice jx-choice-wide"
              :class="{ 'jx-choice-on': model.categoryCode === c.code }" :aria-checked="model.categoryCode === c.code ? 'true' : 'false'"
              @click="model.categoryCode = c.code" :data-testid="'category-' + c.code" :data-category="c.code">
              <span class="jx-choice-row"><van-icon :name="model.categoryCode === c.code ? 'checked' : 'circle'" aria-hidden="true" />
                <strong class="jx-category-name">{{ local(c.name) }}</strong></span>
              <span v-if="c.description" class="gs-muted jx-small">{{ local(c.description) }}</span>
            </button>
          </div>
          <p v-if="!categories.length" class="gs-muted">{{ $t('jiangxi.type.noCategories') }}</p>
          <p v-if="err('categoryCode')" class="jx-field-error" role="alert">{{ err('categoryCode') }}</p>
        </fieldset>
        <section v-if="chosen" class="jx-materials-preview" data-testid="type-materials" aria-live="polite">
          <h3>{{ $t('jiangxi.type.materialsTitle') }}</h3>
          <ul>
            <li v-for="m in chosen.materials || []" :key="m.code" :data-material="m.code">
              <van-icon :name="m.required ? 'passed' : 'info-o'" aria-hidden="true" />
              {{ local(m.name) }}
              <span class="gs-muted jx-small">（{{ m.required ? $t('jiangxi.materials.required') : $t('jiangxi.materials.optional') }}<template v-if="m.perMember">，{{ $t('jiangxi.materials.perMember') }}</template><template v-if="m.when">，{{ $t('jiangxi.materials.when.' + m.when) }}</template>）</span>
            </li>
          </ul>
        </section>
      </template>
    </div>`,
};

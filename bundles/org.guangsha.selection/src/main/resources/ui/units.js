// The two lists of pre-selection and formal selection: free units to search and add (选择), and the
// family's cart (我的预选 / 我的意向) to order (上移, 下移, 置顶) and prune (删除).
import { defineComponent, reactive, computed, onMounted } from 'vue';
import { showToast, showConfirmDialog } from 'vant';
import { api, t, useProblem, GsProblem } from 'guangsha';
import { SelUnit, SelSelect, unitName, slugOf } from './common.js';

const PAGE_SIZE = 10;

/** Refusals after which the page reads the family again (the stage is over, or another tab changed it). */
const RELOAD = ['selection-not-open', 'selection-window-over', 'not-your-session', 'selection-finished', 'declaration-required', 'changed-concurrently'];

/** The cart's path for a family and a stage (PRE or FORMAL). */
export function cartPath(familyId, stage) {
  return `selection/families/${encodeURIComponent(familyId)}/cart/${stage}`;
}

/** The ids of the units in a cart. */
export function cartIds(cart) {
  return new Set(((cart && cart.items) || []).map((i) => i.unit && i.unit.id));
}

/**
 * Search of a batch's units (building, type, orientation, room number, floor; only free ones by
 * default), paged, each with 选择 to add it to the cart. Props: `batchId`, `familyId`, `stage`,
 * `cart` (the cart shown beside it). Emits `cart` (the new cart) and `closed` (the server says the
 * stage is over: the page reads the family again).
 *
 * data-testid: `unit-search` (form), `search-building`, `search-type`, `search-orientation`,
 * `search-floor`, `search-room`, `search-free`, `search-submit`, `search-reset`, `unit-list`,
 * `unit-item` (`data-unit` the code), `unit-add`, `units-total`, `units-prev`, `units-next`.
 */
export const UnitSearch = defineComponent({
  name: 'UnitSearch',
  components: { SelUnit, SelSelect, GsProblem },
  props: { batchId: { type: String, required: true }, familyId: { type: String, required: true }, stage: { type: String, required: true }, cart: Object },
  emits: ['cart', 'closed'],
  setup(props, { emit }) {
    const problem = useProblem();
    const facets = reactive({ buildings: [], unitTypes: [], orientations: [], floors: [] });
    const filters = reactive({ building: '', unitType: '', orientation: '', floor: '', roomNumber: '', free: true });
    const state = reactive({ loading: true, items: [], page: 1, total: 0, adding: '' });
    const inCart = computed(() => cartIds(props.cart));
    const full = computed(() => !!props.cart && (props.cart.items || []).length >= (props.cart.limit || 0));
    const pages = computed(() => Math.max(1, Math.ceil(state.total / PAGE_SIZE)));

    async function loadFacets() {
      try {
        Object.assign(facets, await api.get(`selection/batches/${encodeURIComponent(props.batchId)}/facets`));
      } catch (e) {
        problem.set(e);
      }
    }
    async function search(page = 1) {
      state.loading = true;
      problem.clear();
      try {
        const answer = await api.get(`selection/batches/${encodeURIComponent(props.batchId)}/units`, {
          building: filters.building, unitType: filters.unitType, orientation: filters.orientation, floor: filters.floor,
          roomNumber: filters.roomNumber.trim(), free: filters.free ? 'true' : '', page, size: PAGE_SIZE,
        });
        state.items = answer.items || [];
        state.total = answer.total || 0;
        state.page = answer.page || page;
      } catch (e) {
        problem.set(e);
      } finally {
        state.loading = false;
      }
    }
    function reset() {
      Object.assign(filters, { building: '', unitType: '', orientation: '', floor: '', roomNumber: '', free: true });
      search(1);
    }
    async function add(unit) {
      problem.clear();
      state.adding = unit.id;
      try {
        const cart = await api.post(`${cartPath(props.familyId, props.stage)}/items`, { unitId: unit.id });
        emit('cart', cart);
        showToast({ message: t('selection.search.added', { unit: unitName(unit) }), wordBreak: 'break-word' });
      } catch (e) {
        const slug = slugOf(e);
        if (slug === 'unit-taken') {
          unit.status = 'TAKEN';
          showToast({ message: t('selection.search.takenNow'), wordBreak: 'break-word' });
        } else if (slug === 'cart-full') {
          showToast({ message: t('selection.search.full', { n: (props.cart && props.cart.limit) || '' }), wordBreak: 'break-word' });
        } else {
          problem.set(e);
          if (RELOAD.includes(slug)) emit('closed', slug);
        }
      } finally {
        state.adding = '';
      }
    }
    onMounted(() => {
      loadFacets();
      search(1);
    });
    return { problem, facets, filters, state, inCart, full, pages, search, reset, add, PAGE_SIZE };
  },
  template: `
    <section class="sel-search" :aria-label="$t('selection.search.title')">
      <form class="sel-search-form" data-testid="unit-search" @submit.prevent="search(1)">
        <van-cell-group inset>
          <SelSelect v-model="filters.building" :label="$t('selection.unit.building')" :options="facets.buildings" :id="'sel-building-' + stage" testid="search-building" />
          <SelSelect v-model="filters.unitType" :label="$t('selection.unit.type')" :options="facets.unitTypes" :id="'sel-type-' + stage" testid="search-type" />
          <SelSelect v-model="filters.orientation" :label="$t('selection.unit.orientation')" :options="facets.orientations" :id="'sel-orientation-' + stage" testid="search-orientation" />
          <SelSelect v-model="filters.floor" :label="$t('selection.unit.floor')" :options="facets.floors" :id="'sel-floor-' + stage" testid="search-floor" />
          <van-field v-model="filters.roomNumber" :label="$t('selection.unit.room')" :placeholder="$t('selection.search.roomHint')"
            name="roomNumber" autocomplete="off" clearable data-testid="search-room" />
          <van-cell center :title="$t('selection.search.freeOnly')">
            <template #right-icon>
              <van-switch v-model="filters.free" size="1.25rem" :aria-label="$t('selection.search.freeOnly')" data-testid="search-free" @change="search(1)" />
            </template>
          </van-cell>
        </van-cell-group>
        <div class="sel-search-buttons">
          <van-button round type="primary" native-type="submit" icon="search" :loading="state.loading" data-testid="search-submit">{{ $t('common.search') }}</van-button>
          <van-button round plain native-type="button" @click="reset" data-testid="search-reset">{{ $t('common.reset') }}</van-button>
        </div>
      </form>
      <GsProblem :problem="problem" />
      <p class="sel-total gs-muted" role="status" data-testid="units-total">{{ $t('selection.search.total', { n: state.total }) }}</p>
      <p v-if="full" class="sel-hint" role="note"><van-icon name="info-o" aria-hidden="true" /> {{ $t('selection.search.fullHint', { n: cart.limit }) }}</p>
      <van-empty v-if="!state.loading && !state.items.length" :description="$t('selection.search.none')" />
      <ul class="sel-list" data-testid="unit-list">
        <li v-for="u in state.items" :key="u.id" data-testid="unit-item" :data-unit="u.code">
          <SelUnit :unit="u">
            <span v-if="inCart.has(u.id)" class="sel-in-cart" data-testid="unit-in-cart"><van-icon name="success" aria-hidden="true" /> {{ $t('selection.search.inCart') }}</span>
            <template v-else-if="u.status === 'TAKEN'">
              <span class="sel-taken-hint">{{ $t('selection.search.takenHint') }}</span>
            </template>
            <van-button v-else size="small" round type="primary" icon="plus" :loading="state.adding === u.id" :disabled="full || !!state.adding"
              @click="add(u)" data-testid="unit-add" :aria-label="$t('selection.search.addNamed', { unit: u.code })">{{ $t('selection.search.add') }}</van-button>
          </SelUnit>
        </li>
      </ul>
      <nav v-if="pages > 1" class="sel-pager" :aria-label="$t('selection.search.pages')">
        <van-button size="small" round :disabled="state.page <= 1 || state.loading" @click="search(state.page - 1)" icon="arrow-left" data-testid="units-prev">{{ $t('common.previous') }}</van-button>
        <span>{{ $t('selection.search.pageOf', { page: state.page, pages }) }}</span>
        <van-button size="small" round :disabled="state.page >= pages || state.loading" @click="search(state.page + 1)" icon="arrow" icon-position="right" data-testid="units-next">{{ $t('common.next') }}</van-button>
      </nav>
    </section>`,
});

/**
 * The cart: ordered units with 上移 / 下移 / 置顶 / 删除 (S-3, S-4). Props: `familyId`, `stage`,
 * `cart`, `editable`. Emits `cart` (the new cart) and `closed` (the stage is over, or another tab
 * changed it: the page reads the family again).
 *
 * data-testid: `cart-list`, `cart-item` (`data-unit` the code, `data-position`), `cart-up`,
 * `cart-down`, `cart-top`, `cart-remove`, `cart-taken-hint`, `cart-empty`.
 */
export const CartList = defineComponent({
  name: 'CartList',
  components: { SelUnit, GsProblem },
  props: { familyId: { type: String, required: true }, stage: { type: String, required: true }, cart: Object, editable: Boolean },
  emits: ['cart', 'closed'],
  setup(props, { emit }) {
    const problem = useProblem();
    const state = reactive({ busy: '' });
    const items = computed(() => ((props.cart && props.cart.items) || []).slice().sort((a, b) => a.position - b.position));
    const anyTaken = computed(() => items.value.some((i) => i.unit && i.unit.status === 'TAKEN'));
    async function call(unit, what, action) {
      problem.clear();
      state.busy = `${unit.id}:${what}`;
      try {
        emit('cart', await action());
      } catch (e) {
        problem.set(e);
        const slug = slugOf(e);
        if (RELOAD.includes(slug)) emit('closed', slug);
      } finally {
        state.busy = '';
      }
    }
    const base = (unit) => `${cartPath(props.familyId, props.stage)}/items/${encodeURIComponent(unit.id)}`;
    const move = (unit, to) => call(unit, to, () => api.post(`${base(unit)}/move`, { to }));
    async function remove(unit) {
      try {
        await showConfirmDialog({
          title: t('selection.cart.removeTitle'), message: t('selection.cart.removeText', { unit: unitName(unit) }),
          confirmButtonText: t('selection.cart.remove'), cancelButtonText: t('common.cancel'),
        });
      } catch (e) {
        return;
      }
      await call(unit, 'remove', () => api.del(base(unit)));
    }
    return { problem, state, items, anyTaken, move, remove };
  },
  template: `
    <section class="sel-cart">
      <GsProblem :problem="problem" />
      <p v-if="anyTaken" class="sel-hint sel-hint-warn" role="alert" data-testid="cart-taken-hint">
        <van-icon name="warning-o" aria-hidden="true" /> {{ stage === 'PRE' ? $t('selection.cart.takenHintPre') : $t('selection.cart.takenHintFormal') }}
      </p>
      <van-empty v-if="!items.length" :description="stage === 'PRE' ? $t('selection.cart.emptyPre') : $t('selection.cart.emptyFormal')" data-testid="cart-empty" />
      <ol class="sel-list" data-testid="cart-list">
        <li v-for="(i, n) in items" :key="i.unit.id" data-testid="cart-item" :data-unit="i.unit.code" :data-position="i.position">
          <SelUnit :unit="i.unit" :position="i.position" compact>
            <template v-if="editable">
              <van-button size="small" round icon="arrow-up" :disabled="n === 0 || !!state.busy" :loading="state.busy === i.unit.id + ':up'"
                @click="move(i.unit, 'up')" data-testid="cart-up" :aria-label="$t('selection.cart.upNamed', { unit: i.unit.code })">{{ $t('selection.cart.up') }}</van-button>
              <van-button size="small" round icon="arrow-down" :disabled="n === items.length - 1 || !!state.busy" :loading="state.busy === i.unit.id + ':down'"
                @click="move(i.unit, 'down')" data-testid="cart-down" :aria-label="$t('selection.cart.downNamed', { unit: i.unit.code })">{{ $t('selection.cart.down') }}</van-button>
              <van-button size="small" round icon="upgrade" :disabled="n === 0 || !!state.busy" :loading="state.busy === i.unit.id + ':top'"
                @click="move(i.unit, 'top')" data-testid="cart-top" :aria-label="$t('selection.cart.topNamed', { unit: i.unit.code })">{{ $t('selection.cart.top') }}</van-button>
              <van-button size="small" round plain type="danger" icon="delete-o" :disabled="!!state.busy" :loading="state.busy === i.unit.id + ':remove'"
                @click="remove(i.unit)" data-testid="cart-remove" :aria-label="$t('selection.cart.removeNamed', { unit: i.unit.code })">{{ $t('selection.cart.remove') }}</van-button>
            </template>
          </SelUnit>
        </li>
      </ol>
    </section>`,
});

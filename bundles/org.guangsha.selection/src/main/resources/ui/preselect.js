// 预选 (S-2, S-3): search the free units and add them (选择) to the cart of at most N; 我的预选
// orders it (上移, 下移, 置顶) and removes units that families ranked before have taken meanwhile.
import { reactive, computed, onMounted, onBeforeUnmount } from 'vue';
import { api, t, useProblem, GsProblem, GsPage } from 'guangsha';
import { useMomentCame, requireCitizen, loadFamily, nextMoment, words, go, href, SelCountdown } from './common.js';
import { UnitSearch, CartList, cartPath } from './units.js';

/** Loads a family and its PRE cart; sends it on when pre-selection is not (or no longer) its phase. */
function usePreselection(fid) {
  const problem = useProblem();
  const state = reactive({ loading: true, family: null, cart: null });
  let alive = true;
  onBeforeUnmount(() => {
    alive = false;
  });
  async function load() {
    try {
      const family = await loadFamily(fid);
      if (!alive) return;
      state.family = family;
      if (!family) {
        problem.message = t('selection.start.notYours');
        return;
      }
      if (family.phase === 'PRESELECT' && !family.preDeclaredAt) {
        go(`family/${fid}/declaration`, { replace: true });
        return;
      }
      if (family.phase === 'PRESELECT' || family.preDeclaredAt) state.cart = await api.get(cartPath(fid, 'PRE'));
    } catch (e) {
      problem.set(e);
    } finally {
      state.loading = false;
    }
  }
  const open = computed(() => state.family && state.family.phase === 'PRESELECT');
  const count = computed(() => (state.cart && state.cart.items ? state.cart.items.length : 0));
  return { problem, state, load, open, count };
}

/**
 * data-testid: `pre-page`, `pre-cart-button` (with the count, `data-count`), `pre-closed`,
 * `pre-to-formal`, and the search's (units.js).
 */
export const Preselect = {
  components: { GsPage, GsProblem, UnitSearch, SelCountdown },
  props: { params: Object },
  setup(props) {
    const ok = requireCitizen();
    const fid = props.params.fid;
    const { problem, state, load, open, count } = usePreselection(fid);
    if (ok) onMounted(load);
    const momentCame = useMomentCame(load);
    return { momentCame, fid, problem, state, load, open, count, nextMoment, words, href, go };
  },
  template: `
    <GsPage :title="$t('selection.pre.title')" :back-to="'/m/selection/'">
      <GsProblem :problem="problem" />
      <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <div v-else-if="state.family" data-testid="pre-page">
        <div class="sel-bar">
          <SelCountdown v-if="nextMoment(state.family) && nextMoment(state.family).deadline" :deadline="nextMoment(state.family).deadline"
            :label="$t('selection.moment.' + nextMoment(state.family).key)" @end="momentCame" />
          <van-button v-if="state.cart" round type="primary" plain icon="shopping-cart-o" :url="href('family/' + fid + '/pre/cart')"
            data-testid="pre-cart-button" :data-count="count" class="sel-cart-button">
            {{ $t('selection.pre.myCart') }}
            <span class="sel-pill" aria-hidden="true">{{ count }}/{{ state.cart.limit }}</span>
            <span class="gs-visually-hidden">（{{ $t('selection.pre.count', { n: count, limit: state.cart.limit }) }}）</span>
          </van-button>
        </div>
        <template v-if="open">
          <p class="sel-hint" role="note"><van-icon name="info-o" aria-hidden="true" /> {{ $t('selection.pre.hint', { n: state.cart ? state.cart.limit : state.family.batch.cartSize }) }}</p>
          <UnitSearch :batch-id="state.family.batch.id" :family-id="fid" stage="PRE" :cart="state.cart" @cart="(c) => (state.cart = c)" @closed="load" />
        </template>
        <div v-else class="gs-empty" data-testid="pre-closed">
          <p>{{ words('preClosed', state.family.phase) }}</p>
          <van-button v-if="state.family.phase === 'FORMAL'" round type="primary" :url="href('family/' + fid + '/declaration')" data-testid="pre-to-formal">{{ $t('selection.entry.start') }}</van-button>
        </div>
      </div>
    </GsPage>`,
};

/** 我的预选. data-testid: `pre-cart-page`, `pre-cart-count`, `pre-search-more`, and the cart's (units.js). */
export const PreCart = {
  components: { GsPage, GsProblem, CartList, SelCountdown },
  props: { params: Object },
  setup(props) {
    const ok = requireCitizen();
    const fid = props.params.fid;
    const { problem, state, load, open, count } = usePreselection(fid);
    let timer = null;
    // Units get taken by the families ranked before while this list is open (in their sessions).
    async function refresh() {
      if (document.visibilityState !== 'visible' || !state.family) return;
      try {
        state.cart = await api.get(cartPath(fid, 'PRE'));
      } catch (e) {
        // the next refresh or the buttons show problems
      }
    }
    if (ok) {
      onMounted(() => {
        load();
        timer = setInterval(refresh, 20000);
      });
    }
    onBeforeUnmount(() => clearInterval(timer));
    const momentCame = useMomentCame(load);
    return { momentCame, fid, problem, state, load, open, count, nextMoment, href };
  },
  template: `
    <GsPage :title="$t('selection.pre.myCart')" :back-to="'/m/selection/family/' + fid + '/pre'">
      <GsProblem :problem="problem" />
      <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <div v-else-if="state.family && state.cart" data-testid="pre-cart-page">
        <SelCountdown v-if="nextMoment(state.family) && nextMoment(state.family).deadline" :deadline="nextMoment(state.family).deadline"
          :label="$t('selection.moment.' + nextMoment(state.family).key)" @end="momentCame" />
        <p class="sel-cart-count" data-testid="pre-cart-count" :data-count="count">{{ $t('selection.pre.count', { n: count, limit: state.cart.limit }) }}</p>
        <p class="sel-hint" role="note"><van-icon name="info-o" aria-hidden="true" /> {{ $t('selection.pre.orderHint') }}</p>
        <CartList :family-id="fid" stage="PRE" :cart="state.cart" :editable="open" @cart="(c) => (state.cart = c)" @closed="load" />
        <div v-if="open" class="gs-actions">
          <van-button round block plain type="primary" icon="search" :url="href('family/' + fid + '/pre')" data-testid="pre-search-more">{{ $t('selection.pre.more') }}</van-button>
        </div>
      </div>
    </GsPage>`,
};

// 正选 (S-4, S-5, S-6): in the family's session, after its declaration. 确认同步 copies the
// pre-selection into the intents (overwriting intents chosen here); 我的意向 orders them; free units
// can be added; the countdown follows the server's window; 确认正选 picks one intent, asks twice
// and sends it with an idempotency key made once per intended confirmation and sent again on every
// retry, so a lost answer, a timeout or a double tap can never confirm twice or show an error page.
import { reactive, computed, onMounted, onBeforeUnmount } from 'vue';
import { showToast, showConfirmDialog, showDialog } from 'vant';
import { api, t, useProblem, GsProblem, GsPage, confirmTwice } from 'guangsha';
import {
  useMomentCame, requireCitizen, loadFamily, nextMoment, windowOpen, deadlineOf, words, go, href, unitName, newKey, slugOf, SelCountdown,
} from './common.js';
import { UnitSearch, CartList, cartPath } from './units.js';

const TIMEOUT_MS = 15000;
const RETRIES = 4;

/** The confirmation being made, kept in this tab so a reload sends the same key again. */
function pendingStore(fid) {
  const key = `guangsha.selection.confirm.${fid}`;
  return {
    get() {
      try {
        return JSON.parse(sessionStorage.getItem(key));
      } catch (e) {
        return null;
      }
    },
    set(value) {
      sessionStorage.setItem(key, JSON.stringify(value));
    },
    clear() {
      sessionStorage.removeItem(key);
    },
  };
}

/**
 * Whether the offer to sync was already made in this window (asked once, then by the button); a
 * window is named by the moment the family accepted the declaration (a supplementary session is
 * another window).
 */
function offerStore(fid) {
  const key = (f) => `guangsha.selection.syncOffered.${fid}.${(f && f.formalDeclaredAt) || ''}`;
  return { done: (f) => sessionStorage.getItem(key(f)) === '1', mark: (f) => sessionStorage.setItem(key(f), '1') };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A lost answer: the request may or may not have reached the server. */
function lost(e) {
  return (e && e.name === 'AbortError') || (e && e.status === 0) || (e && e.status >= 500) || (e && e.status === 429);
}

/**
 * data-testid: `formal-page` (`data-state`: waiting, closed, open, over), `formal-countdown`,
 * `formal-tab-units`, `formal-tab-intents` (`data-count`), `formal-sync-offer`, `formal-sync-confirm`,
 * `formal-sync-skip`, `formal-sync`, `formal-confirm`, `formal-pick` (popup), `formal-pick-option`,
 * `formal-pick-submit`, `formal-sending`, `formal-retry`, `formal-window-over`, `formal-result-link`.
 */
export const Formal = {
  components: { GsPage, GsProblem, UnitSearch, CartList, SelCountdown },
  props: { params: Object },
  setup(props) {
    const ok = requireCitizen();
    const fid = props.params.fid;
    const problem = useProblem();
    const pending = pendingStore(fid);
    const offered = offerStore(fid);
    const state = reactive({
      loading: true, family: null, cart: null, preCart: null, tab: 'intents', offer: false, syncing: false,
      picking: false, picked: '', sending: false, retrying: false, failed: false, over: false,
    });
    let timer = null;
    let alive = true;

    const view = computed(() => {
      const f = state.family;
      if (!f) return 'none';
      if (f.phase === 'FORMAL' && f.formalDeclaredAt && !state.over && windowOpen(f)) return 'open';
      if (f.phase === 'FORMAL' && f.formalDeclaredAt) return 'over';
      if (f.phase === 'FORMAL') return 'declare';
      if (f.phase === 'PRESELECT_NOT_OPEN' || f.phase === 'PRESELECT' || f.phase === 'SUPPLEMENT_WAIT') return 'waiting';
      return 'closed';
    });
    const intents = computed(() => ((state.cart && state.cart.items) || []).slice().sort((a, b) => a.position - b.position));
    const freeIntents = computed(() => intents.value.filter((i) => i.unit && i.unit.status !== 'TAKEN'));
    const count = computed(() => intents.value.length);
    const sessionEnd = computed(() => (state.family && state.family.session ? deadlineOf(state.family.session.endsAt) : null));
    const preCount = computed(() => (state.preCart && state.preCart.items ? state.preCart.items.length : 0));

    async function loadCarts() {
      const [cart, preCart] = await Promise.all([
        api.get(cartPath(fid, 'FORMAL')),
        api.get(cartPath(fid, 'PRE')).catch(() => null),
      ]);
      state.cart = cart;
      state.preCart = preCart;
    }
    async function load() {
      try {
        const family = await loadFamily(fid);
        if (!alive) return;
        state.family = family;
        if (!family) {
          problem.message = t('selection.start.notYours');
          return;
        }
        if (family.allocation || family.phase === 'DONE') {
          go(`family/${fid}/result`, { replace: true });
          return;
        }
        if (view.value === 'declare') {
          go(`family/${fid}/declaration`, { replace: true });
          return;
        }
        if (view.value === 'open' || view.value === 'over') await loadCarts();
        if (view.value === 'open' && !offered.done(family) && preCount.value > 0) state.offer = true;
        if (view.value === 'open' && !count.value) state.tab = preCount.value ? 'intents' : 'units';
      } catch (e) {
        problem.set(e);
      } finally {
        state.loading = false;
      }
    }
    /** Re-reads the family (the server's seconds left) without touching the lists. */
    async function resync() {
      if (document.visibilityState !== 'visible' || state.sending) return;
      try {
        const family = await loadFamily(fid);
        if (!alive || !family) return;
        state.family = family;
        if (family.allocation || family.phase === 'DONE') go(`family/${fid}/result`, { replace: true });
      } catch (e) {
        // shown by the next action; the countdown keeps the last answer
      }
    }

    async function sync(fromOffer) {
      problem.clear();
      if (!fromOffer && count.value > 0) {
        try {
          await showConfirmDialog({
            title: t('selection.formal.syncTitle'), message: t('selection.formal.syncOverwrite'),
            confirmButtonText: t('selection.formal.syncConfirm'), cancelButtonText: t('common.cancel'),
          });
        } catch (e) {
          return;
        }
      }
      state.syncing = true;
      try {
        state.cart = await api.post(`selection/families/${encodeURIComponent(fid)}/formal/sync`, {});
        offered.mark(state.family);
        state.offer = false;
        state.tab = 'intents';
        showToast(t('selection.formal.synced', { n: count.value }));
      } catch (e) {
        problem.set(e);
        if (slugOf(e) === 'selection-window-over') state.over = true;
      } finally {
        state.syncing = false;
      }
    }
    function skipOffer() {
      offered.mark(state.family);
      state.offer = false;
    }

    function openPick() {
      problem.clear();
      const kept = pending.get();
      const stillFree = (id) => freeIntents.value.some((i) => i.unit.id === id);
      state.picked = kept && stillFree(kept.unitId) ? kept.unitId : freeIntents.value.length ? freeIntents.value[0].unit.id : '';
      state.picking = true;
    }
    const pickedUnit = computed(() => {
      const i = intents.value.find((x) => x.unit.id === state.picked);
      return i ? i.unit : null;
    });

    async function confirmPicked() {
      const unit = pickedUnit.value;
      if (!unit || state.sending) return;
      const yes = await confirmTwice({
        title: t('selection.formal.confirmTitle', { unit: `${unitName(unit)}（${unit.code}）` }),
        message: t('selection.formal.confirmText', { unit: `${unitName(unit)}（${unit.code}）` }),
        word: t('selection.formal.confirmWord'),
      });
      if (!yes) return;
      state.picking = false;
      await send(unit);
    }

    /** Sends the confirmation; the key is made once for this unit and reused on every retry. */
    async function send(unit) {
      if (state.sending) return;
      let mine = pending.get();
      if (!mine || mine.unitId !== unit.id) {
        mine = { unitId: unit.id, code: unit.code, key: newKey() };
        pending.set(mine);
      }
      state.sending = true;
      state.failed = false;
      problem.clear();
      try {
        for (let attempt = 0; ; attempt++) {
          const abort = new AbortController();
          const timeout = setTimeout(() => abort.abort(), TIMEOUT_MS);
          try {
            const answer = await api.post(
              `selection/families/${encodeURIComponent(fid)}/formal/confirm`,
              { unitId: mine.unitId, idempotencyKey: mine.key },
              { signal: abort.signal },
            );
            pending.clear();
            showToast({ type: 'success', message: t('selection.formal.confirmed') });
            go(`family/${fid}/result`, { replace: true });
            return answer;
          } catch (e) {
            if (lost(e) && attempt < RETRIES && alive) {
              state.retrying = true;
              await sleep(Math.min(8000, 1000 * 2 ** attempt));
              continue;
            }
            handleRefusal(e);
            return null;
          } finally {
            clearTimeout(timeout);
          }
        }
      } finally {
        state.sending = false;
        state.retrying = false;
      }
    }
    function handleRefusal(e) {
      const slug = slugOf(e);
      if (lost(e)) {
        // still unknown: the same key goes again when the person retries
        state.failed = true;
        problem.message = t('selection.formal.lost');
        return;
      }
      if (slug === 'selection-already-confirmed') {
        pending.clear();
        go(`family/${fid}/result`, { replace: true });
        return;
      }
      pending.clear();
      if (slug === 'unit-taken') {
        showDialog({ title: t('selection.formal.takenTitle'), message: t('selection.formal.takenText'), confirmButtonText: t('common.confirm') }).catch(() => {});
        state.tab = 'intents';
        loadCarts().catch((x) => problem.set(x));
        return;
      }
      if (slug === 'selection-window-over') {
        state.over = true;
        return;
      }
      problem.set(e);
    }
    function retry() {
      const mine = pending.get();
      if (!mine) return;
      const item = intents.value.find((i) => i.unit.id === mine.unitId);
      send(item ? item.unit : { id: mine.unitId, code: mine.code });
    }
    function windowEnded() {
      state.over = true;
      resync();
    }

    if (ok) {
      onMounted(() => {
        load();
        // the server's seconds left, read again (the countdown never trusts this browser's clock alone)
        timer = setInterval(resync, 15000);
        document.addEventListener('visibilitychange', resync);
      });
    }
    onBeforeUnmount(() => {
      alive = false;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', resync);
    });
    const momentCame = useMomentCame(load);
    return {
      momentCame, fid, state, problem, view, sessionEnd, intents, freeIntents, count, preCount, pickedUnit, nextMoment, words, href, unitName, load,
      sync, skipOffer, openPick, confirmPicked, retry, windowEnded, pending,
    };
  },
  template: `
    <GsPage :title="$t('selection.formal.title')" :back-to="'/m/selection/'">
      <GsProblem :problem="problem" />
      <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <div v-else-if="state.family" data-testid="formal-page" :data-state="view">
        <template v-if="view === 'open'">
          <div class="sel-bar sel-bar-sticky">
            <SelCountdown :deadline="state.family.windowDeadline" :label="$t('selection.moment.windowEnds')" testid="formal-countdown" @end="windowEnded" />
          </div>
          <p v-if="state.sending" class="sel-hint" role="status" data-testid="formal-sending">
            <van-loading size="1rem" /> {{ state.retrying ? $t('selection.formal.retrying') : $t('selection.formal.sending') }}
          </p>
          <div v-if="state.failed && pending.get()" class="gs-actions">
            <van-button round block type="primary" icon="replay" @click="retry" :loading="state.sending" data-testid="formal-retry">{{ $t('selection.formal.retry') }}</van-button>
          </div>
          <van-tabs v-model:active="state.tab" class="sel-tabs">
            <van-tab name="units">
              <template #title><span data-testid="formal-tab-units">{{ $t('selection.formal.units') }}</span></template>
              <UnitSearch :batch-id="state.family.batch.id" :family-id="fid" stage="FORMAL" :cart="state.cart" @cart="(c) => (state.cart = c)" @closed="load" />
            </van-tab>
            <van-tab name="intents" :badge="count || ''">
              <template #title><span data-testid="formal-tab-intents" :data-count="count">{{ $t('selection.formal.intents') }}</span></template>
              <p class="sel-hint" role="note"><van-icon name="info-o" aria-hidden="true" /> {{ $t('selection.formal.autoHint') }}</p>
              <CartList :family-id="fid" stage="FORMAL" :cart="state.cart" editable @cart="(c) => (state.cart = c)" @closed="load" />
              <div class="gs-actions">
                <van-button round block type="primary" icon="passed" :disabled="!freeIntents.length || state.sending" @click="openPick"
                  data-testid="formal-confirm">{{ $t('selection.formal.confirm') }}</van-button>
                <van-button round block plain type="primary" icon="exchange" :disabled="!preCount" :loading="state.syncing" @click="sync(false)"
                  data-testid="formal-sync">{{ $t('selection.formal.sync') }}</van-button>
                <p class="gs-muted sel-small">{{ $t('selection.formal.syncOverwrite') }}</p>
              </div>
            </van-tab>
          </van-tabs>

          <van-dialog v-model:show="state.offer" :title="$t('selection.formal.offerTitle')" :show-confirm-button="false" data-testid="formal-sync-offer">
            <div class="sel-dialog-body">
              <p>{{ $t('selection.formal.offerText', { n: preCount }) }}</p>
              <p class="sel-hint sel-hint-warn"><van-icon name="warning-o" aria-hidden="true" /> {{ $t('selection.formal.syncOverwrite') }}</p>
              <div class="gs-actions">
                <van-button round block type="primary" :loading="state.syncing" @click="sync(true)" data-testid="formal-sync-confirm">{{ $t('selection.formal.syncConfirm') }}</van-button>
                <van-button round block plain @click="skipOffer" data-testid="formal-sync-skip">{{ $t('selection.formal.syncSkip') }}</van-button>
              </div>
            </div>
          </van-dialog>

          <van-popup v-model:show="state.picking" position="bottom" round closeable :close-icon-position="'top-right'" class="sel-pick-popup"
            :aria-label="$t('selection.formal.pickTitle')" data-testid="formal-pick">
            <h2 class="sel-pick-title">{{ $t('selection.formal.pickTitle') }}</h2>
            <p class="sel-hint sel-hint-warn" role="note"><van-icon name="warning-o" aria-hidden="true" /> {{ $t('selection.formal.final') }}</p>
            <van-radio-group v-model="state.picked">
              <van-cell-group inset>
                <van-cell v-for="i in freeIntents" :key="i.unit.id" clickable @click="state.picked = i.unit.id"
                  :title="i.position + '. ' + unitName(i.unit)" :label="[i.unit.code, i.unit.unitType, i.unit.orientation].filter(Boolean).join(' · ')"
                  data-testid="formal-pick-option" :data-unit="i.unit.code">
                  <template #right-icon><van-radio :name="i.unit.id" :aria-label="i.unit.code" /></template>
                </van-cell>
              </van-cell-group>
            </van-radio-group>
            <div class="gs-actions">
              <van-button round block type="primary" :disabled="!state.picked || state.sending" :loading="state.sending" @click="confirmPicked"
                data-testid="formal-pick-submit">{{ $t('selection.formal.submit') }}</van-button>
            </div>
          </van-popup>
        </template>

        <section v-else-if="view === 'over'" class="sel-notice" role="status" data-testid="formal-window-over">
          <van-icon name="clock-o" class="sel-notice-icon" aria-hidden="true" />
          <h2>{{ $t('selection.formal.overTitle') }}</h2>
          <p>{{ $t('selection.formal.overText') }}</p>
          <SelCountdown v-if="sessionEnd" :deadline="sessionEnd" :label="$t('selection.moment.sessionEnds')" @end="momentCame" />
          <template v-if="count">
            <h3 class="sel-subtitle">{{ $t('selection.formal.intents') }}</h3>
            <CartList :family-id="fid" stage="FORMAL" :cart="state.cart" />
          </template>
          <div class="gs-actions"><van-button round block plain :url="href('family/' + fid + '/result')" data-testid="formal-result-link">{{ $t('selection.entry.result') }}</van-button></div>
        </section>

        <section v-else class="sel-notice" role="status">
          <p>{{ words('formalClosed', view) }}</p>
          <SelCountdown v-if="nextMoment(state.family) && nextMoment(state.family).deadline" :deadline="nextMoment(state.family).deadline"
            :label="$t('selection.moment.' + nextMoment(state.family).key)" @end="momentCame" />
          <div class="gs-actions"><van-button round block plain :url="href('')">{{ $t('selection.start.title') }}</van-button></div>
        </section>
      </div>
    </GsPage>`,
};

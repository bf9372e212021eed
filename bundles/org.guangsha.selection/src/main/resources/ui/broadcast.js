// 房源信息播报 (S-10): which units of a batch are still free, live. A snapshot first, then the
// server-sent events of the stream after the snapshot's feed position `seq`; on a broken connection
// the browser reconnects by itself (Last-Event-ID) and, if it gives up (an error answer), the page
// reads a new snapshot and opens the stream again after it. Public: no login needed.
import { reactive, computed, onMounted, onBeforeUnmount } from 'vue';
import { api, useProblem, GsProblem, GsPage } from 'guangsha';
import { words, STATUS_ICONS } from './common.js';

const base = (bid) => `/api/selection/public/batches/${encodeURIComponent(bid)}/availability`;

/**
 * data-testid: `broadcast`, `broadcast-live` (`data-state`: connecting, live, reconnecting),
 * `broadcast-free`, `broadcast-taken`, `broadcast-building` (filter), `broadcast-grid` (one per
 * building, `data-building`), `broadcast-unit` (`data-unit` the code, `data-status`).
 */
export const Broadcast = {
  components: { GsPage, GsProblem },
  props: { params: Object },
  setup(props) {
    const bid = props.params.bid;
    const problem = useProblem();
    const state = reactive({ loading: true, units: [], seq: 0, live: 'connecting', building: '', flash: {} });
    let source = null;
    let retry = null;
    let attempts = 0;
    let alive = true;

    const buildings = computed(() => {
      const groups = new Map();
      for (const u of state.units) {
        if (!groups.has(u.building)) groups.set(u.building, []);
        groups.get(u.building).push(u);
      }
      const byRoom = (a, b) => b.floor - a.floor || String(a.roomNumber).localeCompare(String(b.roomNumber), 'zh-CN', { numeric: true });
      return [...groups.entries()]
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]), 'zh-CN', { numeric: true }))
        .map(([name, units]) => ({ name, units: units.sort(byRoom), free: units.filter((u) => u.status === 'FREE').length }));
    });
    const shown = computed(() => buildings.value.filter((b) => !state.building || b.name === state.building));
    const free = computed(() => state.units.filter((u) => u.status === 'FREE').length);

    async function snapshot() {
      const s = await api.get(base(bid));
      state.units = s.units || [];
      state.seq = s.seq || 0;
    }
    /**
     * One change: the unit's new status (applying it twice changes nothing). The stream position
     * to resume after is the event's id, not the change's own number: a change committed late
     * comes after higher numbers, so no change is ever skipped by its number.
     */
    function apply(change, position) {
      const u = change && state.units.find((x) => String(x.id) === String(change.unitId) || x.code === change.code);
      if (u && u.status !== change.status) {
        u.status = change.status;
        state.flash = { ...state.flash, [u.code]: true };
        setTimeout(() => {
          const rest = { ...state.flash };
          delete rest[u.code];
          state.flash = rest;
        }, 3000);
      }
      const p = Number(position);
      if (Number.isFinite(p) && p > state.seq) state.seq = p;
    }
    function connect() {
      if (!alive) return;
      close();
      source = new EventSource(`${base(bid)}/stream?since=${encodeURIComponent(state.seq)}`);
      source.onopen = () => {
        state.live = 'live';
        attempts = 0;
      };
      source.addEventListener('unit', (event) => {
        try {
          apply(JSON.parse(event.data), event.lastEventId);
        } catch (e) {
          // a line the page cannot read: the next snapshot corrects it
        }
      });
      source.onerror = () => {
        if (!alive) return;
        state.live = 'reconnecting';
        if (source && source.readyState === EventSource.CLOSED) {
          // the browser gave up (an error answer): read a fresh snapshot and open the stream again
          attempts++;
          clearTimeout(retry);
          retry = setTimeout(async () => {
            try {
              await snapshot();
            } catch (e) {
              // kept: the stream will tell
            }
            connect();
          }, Math.min(30000, 1000 * 2 ** Math.min(attempts, 5)));
        }
      };
    }
    function close() {
      if (source) {
        source.close();
        source = null;
      }
    }
    onMounted(async () => {
      try {
        await snapshot();
        connect();
      } catch (e) {
        problem.set(e);
      } finally {
        state.loading = false;
      }
    });
    onBeforeUnmount(() => {
      alive = false;
      clearTimeout(retry);
      close();
    });
    return { state, problem, buildings, shown, free, words, STATUS_ICONS };
  },
  template: `
    <GsPage :title="$t('selection.entry.broadcast')">
      <GsProblem :problem="problem" />
      <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <section v-else-if="state.units.length" class="sel-broadcast" data-testid="broadcast">
        <p class="sel-live" :class="'sel-live-' + state.live" role="status" data-testid="broadcast-live" :data-state="state.live">
          <van-icon :name="state.live === 'live' ? 'play-circle-o' : 'replay'" aria-hidden="true" /> {{ $t('selection.broadcast.' + state.live) }}
        </p>
        <p class="sel-broadcast-counts">
          <span class="sel-status sel-status-FREE" data-testid="broadcast-free" :data-count="free"><van-icon name="circle" aria-hidden="true" /> {{ $t('selection.broadcast.free', { n: free }) }}</span>
          <span class="sel-status sel-status-TAKEN" data-testid="broadcast-taken" :data-count="state.units.length - free"><van-icon name="close" aria-hidden="true" /> {{ $t('selection.broadcast.taken', { n: state.units.length - free }) }}</span>
        </p>
        <div class="sel-broadcast-filter" role="group" :aria-label="$t('selection.unit.building')">
          <button type="button" class="sel-chip" :aria-pressed="state.building === '' ? 'true' : 'false'" @click="state.building = ''" data-testid="broadcast-building">{{ $t('common.all') }}</button>
          <button v-for="b in buildings" :key="b.name" type="button" class="sel-chip" :aria-pressed="state.building === b.name ? 'true' : 'false'"
            @click="state.building = b.name" data-testid="broadcast-building">{{ b.name }}</button>
        </div>
        <section v-for="b in shown" :key="b.name" class="sel-building" :aria-labelledby="'sel-b-' + b.name">
          <h2 :id="'sel-b-' + b.name" class="sel-building-name">{{ b.name }} <span class="gs-muted">{{ $t('selection.broadcast.buildingFree', { n: b.free, total: b.units.length }) }}</span></h2>
          <ul class="sel-grid" data-testid="broadcast-grid" :data-building="b.name">
            <li v-for="u in b.units" :key="u.id" class="sel-cell" :class="['sel-cell-' + u.status, { 'sel-cell-flash': state.flash[u.code] }]"
              data-testid="broadcast-unit" :data-unit="u.code" :data-status="u.status"
              :title="[u.code, u.unitType, u.orientation].filter(Boolean).join(' · ')">
              <span class="sel-cell-room">{{ u.roomNumber }}</span>
              <span class="sel-cell-state"><van-icon :name="STATUS_ICONS[u.status] || 'info-o'" aria-hidden="true" /> {{ words('unitStatusShort', u.status) }}</span>
              <span class="sel-cell-type gs-muted">{{ u.unitType }}</span>
            </li>
          </ul>
        </section>
      </section>
      <van-empty v-else :description="$t('selection.broadcast.none')" />
    </GsPage>`,
};

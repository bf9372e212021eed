// 审核队列: the open cases of my region at my level (the server decides the scope), filtered by
// status, level, type and region, sorted by submission time, paged from 1. The filters live in the
// address, so going back from a case returns to the same page of the same list.
import { reactive, computed, watch } from 'vue';
import { api, route, session, navigate, local, formatTime, useProblem, GsProblem } from 'guangsha';
import { GsStatus, GsSelect, GsConsolePage, regions, loadRegions, regionName, regionsUnder, isOperator, setQuery, pageFrom } from '../common.js';

const SIZES = [10, 20, 50, 100];
/** Case types met so far in this browser tab: the API has no list of types, the queue names them. */
const knownTypes = reactive({});

export const Queue = {
  components: { GsProblem, GsStatus, GsSelect, GsConsolePage },
  setup() {
    const problem = useProblem();
    const state = reactive({ loading: false, items: [], total: 0, loadedOnce: false });
    const filters = computed(() => ({
      status: route.query.status || '',
      level: route.query.level || '',
      type: route.query.type || '',
      region: route.query.region || '',
      page: pageFrom(route.query.page),
      size: SIZES.includes(Number(route.query.size)) ? Number(route.query.size) : 20,
      sort: route.query.sort === 'submittedAt,desc' ? 'submittedAt,desc' : 'submittedAt,asc',
    }));
    const pages = computed(() => Math.max(1, Math.ceil(state.total / filters.value.size)));

    async function load() {
      problem.clear();
      state.loading = true;
      const f = filters.value;
      try {
        const r = await api.get('review/queue', {
          status: f.status, level: f.level, type: f.type, region: f.region, page: f.page, size: f.size, sort: f.sort,
        });
        state.items = r.items || [];
        state.total = r.total || 0;
        for (const c of state.items) knownTypes[c.typeId] = c.typeName;
      } catch (e) {
        state.items = [];
        state.total = 0;
        problem.set(e);
      } finally {
        state.loading = false;
        state.loadedOnce = true;
      }
    }
    watch(() => JSON.stringify(filters.value), load, { immediate: true });
    loadRegions();

    const statusOptions = computed(() => ['SUBMITTED', 'UNDER_REVIEW'].map((s) => ({ value: s, label: `status.${s}` })));
    const levelOptions = [1, 2, 3].map((n) => ({ value: String(n), n }));
    const typeOptions = computed(() => {
      const all = { ...knownTypes };
      if (filters.value.type && !all[filters.value.type]) all[filters.value.type] = null;
      return Object.entries(all).map(([id, name]) => ({ value: id, label: local(name) || id }));
    });
    const regionOptions = computed(() => {
      if (!regions.loaded) return [];
      const scope = isOperator() ? null : session.me && session.me.regionCode;
      return regionsUnder(scope || null).map((r) => ({ value: r.code, label: local(r.name), depth: r.depth }));
    });

    const change = (key) => (value) => setQuery({ [key]: value, page: undefined });
    const reset = () => navigate('/queue', { replace: true });
    const toggleSort = () => setQuery({ sort: filters.value.sort === 'submittedAt,asc' ? 'submittedAt,desc' : undefined, page: undefined });
    const goPage = (p) => setQuery({ page: p > 1 ? p : undefined }, { push: true });
    const setSize = (s) => setQuery({ size: Number(s) === 20 ? undefined : s, page: undefined });
    const open = (c) => navigate(`/cases/${encodeURIComponent(c.id)}`);

    return {
      state, problem, filters, pages, statusOptions, levelOptions, typeOptions, regionOptions, SIZES,
      change, reset, toggleSort, goPage, setSize, open, load, local, formatTime, regionName,
    };
  },
  template: `
    <GsConsolePage :title="$t('queue.title')">
      <template #actions>
        <van-button size="small" icon="replay" @click="load" :loading="state.loading" data-testid="queue-refresh">{{ $t('queue.refresh') }}</van-button>
      </template>
      <form class="gs-c-filters" role="search" :aria-label="$t('queue.filters')" @submit.prevent="load">
        <GsSelect id="q-status" :label="$t('queue.status')" :all="$t('common.all')" :model-value="filters.status"
          :options="statusOptions.map(o => ({ value: o.value, label: $t(o.label) }))" @update:model-value="change('status')($event)" testid="filter-status" />
        <GsSelect id="q-level" :label="$t('queue.level')" :all="$t('common.all')" :model-value="filters.level"
          :options="levelOptions.map(o => ({ value: o.value, label: $t('queue.levelN', { n: o.n }) }))" @update:model-value="change('level')($event)" testid="filter-level" />
        <GsSelect id="q-type" :label="$t('queue.type')" :all="$t('common.all')" :model-value="filters.type"
          :options="typeOptions" @update:model-value="change('type')($event)" testid="filter-type" />
        <GsSelect id="q-region" :label="$t('queue.region')" :all="$t('queue.myScope')" :model-value="filters.region"
          :options="regionOptions" @update:model-value="change('region')($event)" testid="filter-region" />
        <div class="gs-c-filter-buttons">
          <van-button size="small" type="default" native-type="button" @click="reset" data-testid="filter-reset">{{ $t('queue.reset') }}</van-button>
        </div>
      </form>
      <GsProblem :problem="problem" />
      <p class="gs-c-summary" role="status" aria-live="polite" data-testid="queue-total">
        <span v-if="state.loading && !state.loadedOnce">{{ $t('common.loading') }}</span>
        <span v-else>{{ $t('queue.total', { total: state.total }) }} · {{ $t('queue.pageOf', { page: filters.page, pages }) }}</span>
      </p>
      <div class="gs-c-table-wrap">
        <table class="gs-c-table" data-testid="queue-table" :aria-busy="state.loading ? 'true' : 'false'">
          <caption class="gs-c-sr">{{ $t('queue.caption') }}</caption>
          <thead>
            <tr>
              <th scope="col">{{ $t('queue.number') }}</th>
              <th scope="col">{{ $t('queue.type') }}</th>
              <th scope="col">{{ $t('queue.applicant') }}</th>
              <th scope="col">{{ $t('queue.region') }}</th>
              <th scope="col">{{ $t('queue.level') }}</th>
              <th scope="col">{{ $t('queue.status') }}</th>
              <th scope="col" :aria-sort="filters.sort === 'submittedAt,asc' ? 'ascending' : 'descending'">
                <button type="button" class="gs-c-sort" @click="toggleSort" data-testid="sort-submitted"
                  :aria-label="filters.sort === 'submittedAt,asc' ? $t('queue.sortAsc') : $t('queue.sortDesc')">
                  {{ $t('queue.submittedAt') }} <van-icon :name="filters.sort === 'submittedAt,asc' ? 'arrow-up' : 'arrow-down'" aria-hidden="true" />
                </button>
              </th>
            </tr>
          </thead>
          <tbody>
            <tr v-for="c in state.items" :key="c.id" class="gs-c-row" data-testid="queue-row" :data-case-id="c.id" :data-case-number="c.number" @click="open(c)">
              <td class="gs-c-nowrap"><a :href="'#/cases/' + encodeURIComponent(c.id)" :aria-label="$t('queue.open', { number: c.number })" @click.stop>{{ c.number }}</a></td>
              <td>{{ local(c.typeName) || c.typeId }}</td>
              <td>{{ c.applicantName }}</td>
              <td>{{ local(c.regionName) || regionName(c.regionCode) }}</td>
              <td class="gs-c-nowrap">{{ $t('queue.levelN', { n: c.level }) }}<span v-if="c.levelName" class="gs-muted gs-c-level-name"> · {{ local(c.levelName) }}</span></td>
              <td data-testid="queue-status"><GsStatus :status="c.status" :text="c.statusText" /></td>
              <td class="gs-c-nowrap"><time :datetime="c.submittedAt">{{ formatTime(c.submittedAt) }}</time></td>
            </tr>
            <tr v-if="!state.items.length && state.loadedOnce && !state.loading">
              <td colspan="7" class="gs-c-empty-cell" data-testid="queue-empty">{{ $t('queue.empty') }}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <div class="gs-c-pager">
        <van-pagination v-if="state.total > filters.size" :model-value="filters.page" :total-items="state.total" :items-per-page="filters.size"
          :show-page-size="5" force-ellipses @change="goPage" :prev-text="$t('queue.prev')" :next-text="$t('queue.next')" data-testid="queue-pager" />
        <GsSelect id="q-size" :label="$t('queue.size')" :model-value="String(filters.size)"
          :options="SIZES.map(s => ({ value: String(s), label: String(s) }))" @update:model-value="setSize" testid="queue-size" />
      </div>
    </GsConsolePage>`,
};

// 选房批次 (staff): the batches the caller may see (GET /api/selection/admin/batches; caseworkers
// those of their region, operators all), each with its counts, its page and its public results.
// Operators find the CSV import here.
import { reactive, onMounted } from 'vue';
import { api, formatTime, useProblem, GsProblem } from 'guangsha';
import { GsConsolePage, isOperator, loadRegions, regionName } from 'guangsha/console';
import { windowWords, resultsPage } from './shared.js';

export const BatchList = {
  components: { GsProblem, GsConsolePage },
  setup() {
    const problem = useProblem();
    const state = reactive({ loading: false, loaded: false, items: [] });

    async function load() {
      problem.clear();
      state.loading = true;
      try {
        const answer = await api.get('selection/admin/batches');
        state.items = Array.isArray(answer) ? answer : (answer && answer.items) || [];
      } catch (e) {
        state.items = [];
        problem.set(e);
      } finally {
        state.loading = false;
        state.loaded = true;
      }
    }
    onMounted(() => {
      loadRegions();
      load();
    });
    return { state, problem, load, isOperator, formatTime, regionName, windowWords, resultsPage };
  },
  template: `
    <GsConsolePage :title="$t('selectionConsole.batchesTitle')">
      <template #actions>
        <van-button size="small" icon="replay" @click="load" :loading="state.loading" data-testid="sel-batches-refresh">{{ $t('selectionConsole.refresh') }}</van-button>
        <van-button v-if="isOperator()" size="small" type="primary" icon="upgrade" url="#/m/selection/import" data-testid="sel-import-open">{{ $t('selectionConsole.importOpen') }}</van-button>
      </template>
      <p v-if="!isOperator()" class="gs-c-note" role="note" data-testid="sel-read-only"><van-icon name="info-o" aria-hidden="true" /> {{ $t('selectionConsole.readOnly') }}</p>
      <GsProblem :problem="problem" />
      <div class="gs-c-table-wrap">
        <table class="gs-c-table" data-testid="sel-batches" :aria-busy="state.loading ? 'true' : 'false'">
          <caption class="gs-c-sr">{{ $t('selectionConsole.batchesCaption') }}</caption>
          <thead><tr>
            <th scope="col">{{ $t('selectionConsole.code') }}</th><th scope="col">{{ $t('selectionConsole.name') }}</th>
            <th scope="col">{{ $t('selectionConsole.region') }}</th><th scope="col">{{ $t('selectionConsole.preselectStartsAt') }}</th>
            <th scope="col">{{ $t('selectionConsole.cartSize') }}</th><th scope="col">{{ $t('selectionConsole.window') }}</th>
            <th scope="col">{{ $t('selectionConsole.counts') }}</th><th scope="col">{{ $t('selectionConsole.createdAt') }}</th>
            <th scope="col">{{ $t('selectionConsole.links') }}</th>
          </tr></thead>
          <tbody>
            <tr v-for="b in state.items" :key="b.id" data-testid="sel-batch-row" :data-batch-id="b.id" :data-batch-code="b.code">
              <td class="gs-c-nowrap"><a :href="'#/m/selection/batches/' + encodeURIComponent(b.id)" data-testid="sel-batch-open"
                :aria-label="$t('selectionConsole.openBatch', { code: b.code })"><code>{{ b.code }}</code></a></td>
              <td>{{ b.name }}</td>
              <td>{{ regionName(b.regionCode) }}</td>
              <td class="gs-c-nowrap"><time :datetime="b.preselectStartsAt">{{ formatTime(b.preselectStartsAt) }}</time></td>
              <td>{{ b.cartSize }}</td>
              <td class="gs-c-nowrap">{{ windowWords(b.windowSeconds) }}</td>
              <td class="gs-c-nowrap">{{ $t('selectionConsole.countsText', { units: b.units, sessions: b.sessions, families: b.families }) }}</td>
              <td class="gs-c-nowrap"><time :datetime="b.createdAt">{{ formatTime(b.createdAt) }}</time></td>
              <td class="gs-c-row-actions">
                <a :href="'#/m/selection/batches/' + encodeURIComponent(b.id)">{{ $t('selectionConsole.details') }}</a> ·
                <a :href="resultsPage(b)" target="_blank" rel="noopener" data-testid="sel-batch-results">{{ $t('selectionConsole.publicResults') }}<span class="gs-c-sr"> {{ $t('selectionConsole.newWindow') }}</span></a>
              </td>
            </tr>
            <tr v-if="!state.items.length && state.loaded && !state.loading">
              <td colspan="9" class="gs-c-empty-cell" data-testid="sel-batches-empty">{{ $t('selectionConsole.noBatches') }}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </GsConsolePage>`,
};

// 选房结果公示, without login: the batches, each batch's results (names masked, no ID number), and
// each auto-assignment run (S-6) with its published inputs and hashes and a button that runs the
// assignment again in this browser and says whether it agrees (一致 / 不一致).
import { reactive, computed, ref, nextTick, onMounted } from 'vue';
import { api, formatTime, useProblem, GsProblem, GsPage } from 'guangsha';
import { words, href, sessionTime } from './common.js';
import { verifyRun } from './rerun.js';

/** data-testid: `public-batches`, `public-batch` (`data-batch` the code), `public-results-link`, `public-broadcast-link`. */
export const PublicBatches = {
  components: { GsPage, GsProblem },
  setup() {
    const problem = useProblem();
    const state = reactive({ loading: true, batches: [] });
    onMounted(async () => {
      try {
        state.batches = await api.get('/api/selection/public/batches');
      } catch (e) {
        problem.set(e);
      } finally {
        state.loading = false;
      }
    });
    return { state, problem, href, formatTime, sessionTime, words };
  },
  template: `
    <GsPage :title="$t('selection.public.title')">
      <GsProblem :problem="problem" />
      <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <van-empty v-else-if="!state.batches.length" :description="$t('selection.public.none')" />
      <ul class="sel-families" data-testid="public-batches">
        <li v-for="b in state.batches" :key="b.id" class="sel-family" data-testid="public-batch" :data-batch="b.code">
          <header class="sel-family-head"><h2 class="sel-family-batch">{{ b.name }}</h2><span class="gs-muted">{{ b.code }}</span></header>
          <ul v-if="b.sessions && b.sessions.length" class="sel-sessions">
            <li v-for="s in b.sessions" :key="s.id || s.seq">
              <span>{{ s.name }} · {{ sessionTime(s) }}</span>
              <span v-if="s.status" class="gs-muted"> · {{ words('sessionStatus', s.status) }}</span>
            </li>
          </ul>
          <nav class="sel-entries">
            <a :href="href('public/' + b.id)" class="sel-entry sel-entry-primary" data-testid="public-results-link"><van-icon name="bar-chart-o" aria-hidden="true" /><span>{{ $t('selection.public.results') }}</span></a>
            <a :href="href('broadcast/' + b.id)" class="sel-entry" data-testid="public-broadcast-link"><van-icon name="volume-o" aria-hidden="true" /><span>{{ $t('selection.entry.broadcast') }}</span></a>
          </nav>
        </li>
      </ul>
    </GsPage>`,
};

/**
 * data-testid: `public-results` (table), `public-result` (row, `data-rank`), `public-filter`,
 * `public-runs`, `public-run-link` (`data-run`).
 */
export const PublicResults = {
  components: { GsPage, GsProblem },
  props: { params: Object },
  setup(props) {
    const bid = props.params.bid;
    const problem = useProblem();
    const state = reactive({ loading: true, rows: [], runs: [], batch: null, filter: '' });
    const rows = computed(() => {
      const f = state.filter.trim();
      return f ? state.rows.filter((r) => String(r.rank) === f || (r.unitCode || '').includes(f) || (r.roomNumber || '').includes(f)) : state.rows;
    });
    onMounted(async () => {
      try {
        const answer = await api.get(`/api/selection/public/batches/${encodeURIComponent(bid)}/results`);
        state.rows = answer.results || [];
        state.runs = answer.runs || [];
        state.batch = answer.batch || null;
      } catch (e) {
        problem.set(e);
      } finally {
        state.loading = false;
      }
    });
    return { state, problem, rows, words, href, formatTime };
  },
  template: `
    <GsPage :title="$t('selection.public.results')">
      <GsProblem :problem="problem" />
      <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <template v-else>
        <p v-if="state.batch" class="sel-public-batch"><strong>{{ state.batch.name }}</strong> <span class="gs-muted">{{ state.batch.code }}</span></p>
        <p class="sel-hint" role="note"><van-icon name="shield-o" aria-hidden="true" /> {{ $t('selection.public.masked') }}</p>
        <van-field v-model="state.filter" :label="$t('selection.public.find')" :placeholder="$t('selection.public.findHint')" clearable
          name="find" autocomplete="off" data-testid="public-filter" />
        <van-empty v-if="!rows.length" :description="$t('selection.public.noResults')" />
        <div v-else class="sel-table-wrap">
          <table class="sel-table" data-testid="public-results">
            <caption class="gs-visually-hidden">{{ $t('selection.public.results') }}</caption>
            <thead><tr>
              <th scope="col">{{ $t('selection.family.rank') }}</th><th scope="col">{{ $t('selection.public.name') }}</th>
              <th scope="col">{{ $t('selection.public.unit') }}</th><th scope="col">{{ $t('selection.result.mode') }}</th>
            </tr></thead>
            <tbody>
              <tr v-for="r in rows" :key="r.rank" data-testid="public-result" :data-rank="r.rank">
                <td>{{ r.rank }}</td>
                <td>{{ r.name }}</td>
                <td><template v-if="r.unitCode">{{ [r.building, r.roomNumber].filter(Boolean).join(' ') }} <span class="gs-muted">{{ r.unitCode }}</span></template><span v-else class="gs-muted">—</span></td>
                <td>{{ words('mode', r.mode) }}<span v-if="r.sessionSeq" class="gs-muted"> · {{ $t('selection.public.sessionSeq', { n: r.sessionSeq }) }}</span></td>
              </tr>
            </tbody>
          </table>
        </div>
        <template v-if="state.runs.length">
          <h2 class="gs-section-title">{{ $t('selection.public.runsTitle') }}</h2>
          <ul class="sel-list" data-testid="public-runs">
            <li v-for="r in state.runs" :key="r.id" class="sel-unit">
              <p class="sel-run-line"><strong>{{ r.sessionName || $t('selection.public.sessionSeq', { n: r.sessionSeq }) }}</strong>
                <span class="gs-muted"> · {{ formatTime(r.ranAt) }}</span></p>
              <p class="sel-run-line gs-muted">{{ $t('selection.public.runCounts', { families: r.families, assigned: r.assigned }) }}</p>
              <a :href="href('public/runs/' + r.id)" data-testid="public-run-link" :data-run="r.id"><van-icon name="passed" aria-hidden="true" /> {{ $t('selection.public.verifyRun') }}</a>
            </li>
          </ul>
        </template>
      </template>
    </GsPage>`,
};

/**
 * data-testid: `run` (`data-run`), `run-input-hash`, `run-output-hash`, `run-families`, `run-family`
 * (`data-rank`, `data-published`, `data-recomputed`), `run-verify`
 * (the button), `run-verdict` (`data-verdict`: match, mismatch), `run-check-results`,
 * `run-check-input-hash`, `run-check-output-hash` (each `data-ok`), `run-differences`.
 */
export const PublicRun = {
  components: { GsPage, GsProblem },
  props: { params: Object },
  setup(props) {
    const runId = props.params.runId;
    const problem = useProblem();
    const state = reactive({ loading: true, run: null, checking: false, check: null });
    const verdict = computed(() => {
      const c = state.check;
      if (!c) return '';
      return c.resultsMatch && c.inputHashMatches && c.outputHashMatches ? 'match' : 'mismatch';
    });
    const verdictBox = ref(null);
    async function check() {
      state.checking = true;
      problem.clear();
      try {
        state.check = await verifyRun(state.run);
        await nextTick();
        if (verdictBox.value) verdictBox.value.scrollIntoView({ block: 'center' });
      } catch (e) {
        problem.set(e);
      } finally {
        state.checking = false;
      }
    }
    onMounted(async () => {
      try {
        state.run = await api.get(`/api/selection/public/runs/${encodeURIComponent(runId)}`);
      } catch (e) {
        problem.set(e);
      } finally {
        state.loading = false;
      }
    });
    return { state, problem, verdict, verdictBox, check, formatTime };
  },
  template: `
    <GsPage :title="$t('selection.public.runTitle')">
      <GsProblem :problem="problem" />
      <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <section v-else-if="state.run" class="sel-run" data-testid="run" :data-run="state.run.id">
        <p class="sel-hint" role="note"><van-icon name="info-o" aria-hidden="true" /> {{ $t('selection.public.runIntro') }}</p>
        <dl class="sel-facts sel-facts-box">
          <dt>{{ $t('selection.public.batch') }}</dt><dd>{{ state.run.batchCode }}</dd>
          <dt>{{ $t('selection.public.session') }}</dt><dd>{{ state.run.sessionName || $t('selection.public.sessionSeq', { n: state.run.sessionSeq }) }}</dd>
          <dt>{{ $t('selection.public.ranAt') }}</dt><dd>{{ formatTime(state.run.ranAt) }}</dd>
          <dt>{{ $t('selection.public.algorithm') }}</dt><dd><code>{{ state.run.algorithm }}</code></dd>
          <dt>{{ $t('selection.public.inputHash') }}</dt><dd><code class="sel-hash" data-testid="run-input-hash">{{ state.run.inputHash }}</code></dd>
          <dt>{{ $t('selection.public.outputHash') }}</dt><dd><code class="sel-hash" data-testid="run-output-hash">{{ state.run.outputHash }}</code></dd>
        </dl>
        <h2 class="gs-section-title">{{ $t('selection.public.taken') }}</h2>
        <p class="sel-codes">{{ (state.run.inputs.taken || []).join('、') || '—' }}</p>
        <h2 class="gs-section-title">{{ $t('selection.public.familiesTitle') }}</h2>
        <div class="sel-table-wrap">
          <table class="sel-table" data-testid="run-families">
            <thead><tr>
              <th scope="col">{{ $t('selection.family.rank') }}</th><th scope="col">{{ $t('selection.public.intents') }}</th>
              <th scope="col">{{ $t('selection.public.published') }}</th>
              <th v-if="state.check" scope="col">{{ $t('selection.public.recomputed') }}</th>
            </tr></thead>
            <tbody>
              <tr v-if="!state.run.inputs.families.length"><td :colspan="state.check ? 4 : 3" class="gs-muted">{{ $t('selection.public.noFamilies') }}</td></tr>
              <tr v-for="(f, i) in state.run.inputs.families" :key="f.rank" data-testid="run-family" :data-rank="f.rank"
                :data-published="(state.run.results[i] && state.run.results[i].unitCode) || ''"
                :data-recomputed="state.check ? (state.check.recomputed[i] && state.check.recomputed[i].unitCode) || '' : null">
                <td>{{ f.rank }}</td>
                <td class="sel-codes">{{ (f.intents || []).join('、') || '—' }}</td>
                <td>{{ (state.run.results[i] && state.run.results[i].unitCode) || '—' }}</td>
                <td v-if="state.check">{{ (state.check.recomputed[i] && state.check.recomputed[i].unitCode) || '—' }}</td>
              </tr>
            </tbody>
          </table>
        </div>
        <div class="gs-actions">
          <van-button round block type="primary" icon="replay" :loading="state.checking" @click="check" data-testid="run-verify">{{ $t('selection.public.verify') }}</van-button>
        </div>
        <section v-if="state.check" ref="verdictBox" class="sel-verdict" :class="'sel-verdict-' + verdict" role="status" aria-live="polite" data-testid="run-verdict" :data-verdict="verdict">
          <h2><van-icon :name="verdict === 'match' ? 'passed' : 'warning-o'" aria-hidden="true" /> {{ $t('selection.public.' + verdict) }}</h2>
          <ul class="sel-checks">
            <li data-testid="run-check-results" :data-ok="state.check.resultsMatch">
              <van-icon :name="state.check.resultsMatch ? 'success' : 'cross'" aria-hidden="true" />
              {{ $t('selection.public.checkResults') }}：{{ state.check.resultsMatch ? $t('selection.public.same') : $t('selection.public.differs') }}
            </li>
            <li data-testid="run-check-input-hash" :data-ok="state.check.inputHashMatches">
              <van-icon :name="state.check.inputHashMatches ? 'success' : 'cross'" aria-hidden="true" />
              {{ $t('selection.public.checkInputHash') }}：{{ state.check.inputHashMatches ? $t('selection.public.same') : $t('selection.public.differs') }}
              <code class="sel-hash">{{ state.check.inputHash }}</code>
            </li>
            <li data-testid="run-check-output-hash" :data-ok="state.check.outputHashMatches">
              <van-icon :name="state.check.outputHashMatches ? 'success' : 'cross'" aria-hidden="true" />
              {{ $t('selection.public.checkOutputHash') }}：{{ state.check.outputHashMatches ? $t('selection.public.same') : $t('selection.public.differs') }}
              <code class="sel-hash">{{ state.check.outputHash }}</code>
            </li>
          </ul>
          <ul v-if="state.check.differences.length" class="sel-differences" data-testid="run-differences">
            <li v-for="d in state.check.differences" :key="d.rank">{{ $t('selection.public.difference', { rank: d.rank, published: d.published || '—', recomputed: d.recomputed || '—' }) }}</li>
          </ul>
        </section>
      </section>
    </GsPage>`,
};

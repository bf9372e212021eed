// 模块与功能 (operators): the platform's health, the business modules installed now (with their
// console entries) and, where the
// platform offers it (GET /api/platform/features), the features and whether they are installed.
import { reactive, onMounted } from 'vue';
import { api, ApiError, hasApi, local, formatTime, useProblem, GsProblem } from 'guangsha';
import { GsConsolePage, GsOperatorsOnly, isOperator } from '../common.js';

export const Modules = {
  components: { GsProblem, GsConsolePage, GsOperatorsOnly },
  setup() {
    const problem = useProblem();
    const state = reactive({
      loading: false, health: null, modules: [], features: null, featuresAvailable: null, featureProblem: '',
    });

    async function loadHealth() {
      try {
        state.health = await api.get('platform/health');
      } catch (e) {
        // 503 still carries the health report
        state.health = e instanceof ApiError && e.problem && e.problem.database ? e.problem : { status: 'DOWN' };
      }
    }

    async function loadFeatures() {
      state.featureProblem = '';
      state.featuresAvailable = await hasApi('GET', '/platform/features');
      if (!state.featuresAvailable) {
        state.features = null;
        return;
      }
      try {
        state.features = await api.get('platform/features');
      } catch (e) {
        state.features = null;
        if (e.status === 404) state.featuresAvailable = false;
        else state.featureProblem = local({ zh: e.problem.title, en: e.problem.titleEn });
      }
    }

    async function load() {
      if (!isOperator()) return;
      problem.clear();
      state.loading = true;
      try {
        const [modules] = await Promise.all([api.get('platform/modules'), loadHealth(), loadFeatures()]);
        state.modules = modules || [];
      } catch (e) {
        problem.set(e);
      } finally {
        state.loading = false;
      }
    }
    onMounted(load);

    /** A feature's fields beyond the ones with their own column. */
    const extra = (f) =>
      Object.entries(f)
        .filter(([k, v]) => !['name', 'version', 'description', 'installed'].includes(k) && v !== null && typeof v !== 'object')
        .map(([k, v]) => `${k}: ${v}`)
        .join(' · ');
    return { state, problem, load, local, formatTime, isOperator, extra };
  },
  template: `
    <GsOperatorsOnly v-if="!isOperator()" />
    <GsConsolePage v-else :title="$t('ops.modulesTitle')">
      <template #actions>
        <van-button size="small" icon="replay" @click="load" :loading="state.loading" data-testid="modules-refresh">{{ $t('ops.refresh') }}</van-button>
      </template>
      <GsProblem :problem="problem" />
      <section class="gs-c-card" aria-labelledby="o-health">
        <h2 id="o-health">{{ $t('ops.health') }}</h2>
        <p v-if="!state.health" class="gs-muted" role="status">{{ $t('common.loading') }}</p>
        <div v-else class="gs-c-health" data-testid="health-status" :data-status="state.health.status">
          <span class="gs-c-status" :class="state.health.status === 'UP' ? 'gs-c-status-approved' : 'gs-c-status-rejected'">
            <van-icon :name="state.health.status === 'UP' ? 'passed' : 'warning-o'" aria-hidden="true" />
            {{ state.health.status === 'UP' ? $t('ops.healthUp') : $t('ops.healthDown') }} ({{ state.health.status }})
          </span>
          <dl class="gs-c-dl gs-c-dl-inline">
            <dt>{{ $t('ops.version') }}</dt><dd>{{ state.health.version || '—' }}</dd>
            <template v-if="state.health.database">
              <dt>{{ $t('ops.database') }}</dt>
              <dd>{{ state.health.database.reachable ? $t('ops.reachable') : $t('ops.unreachable') }} ·
                {{ state.health.database.migrated ? $t('ops.migrated') : $t('ops.notMigrated') }}</dd>
            </template>
            <dt>{{ $t('ops.healthCheckedAt') }}</dt><dd>{{ formatTime(state.health.checkedAt) || '—' }}</dd>
          </dl>
        </div>
      </section>
      <section class="gs-c-card" aria-labelledby="o-modules">
        <h2 id="o-modules">{{ $t('ops.modules') }}</h2>
        <div class="gs-c-table-wrap">
          <table class="gs-c-table" data-testid="modules-table">
            <caption class="gs-c-sr">{{ $t('ops.modulesCaption') }}</caption>
            <thead><tr>
              <th scope="col">{{ $t('ops.name') }}</th><th scope="col">{{ $t('ops.moduleId') }}</th>
              <th scope="col">{{ $t('ops.description') }}</th><th scope="col">{{ $t('ops.menu') }}</th><th scope="col">{{ $t('ops.consoleMenu') }}</th>
              <th scope="col">{{ $t('ops.trust') }}</th><th scope="col">{{ $t('ops.ui') }}</th>
            </tr></thead>
            <tbody>
              <tr v-for="m in state.modules" :key="m.id" data-testid="module-row" :data-module="m.id">
                <td><strong>{{ local(m.name) }}</strong></td>
                <td><code>{{ m.id }}</code></td>
                <td>{{ local(m.description) }}</td>
                <td><ul class="gs-c-plain"><li v-for="e in m.menu || []" :key="e.id">{{ local(e.name) }} <span class="gs-muted">({{ e.requiredTrustLevel }})</span></li></ul></td>
                <td><ul v-if="(m.consoleMenu || []).length" class="gs-c-plain"><li v-for="e in m.consoleMenu" :key="e.id">
                  <a :href="'#/m/' + m.id + '/' + e.path">{{ local(e.name) }}</a> <span v-if="e.operatorsOnly" class="gs-muted">({{ $t('ops.operatorsOnly') }})</span></li></ul>
                  <span v-else class="gs-muted">—</span></td>
                <td>{{ m.requiredTrustLevel }}</td>
                <td><code>{{ m.ui || '—' }}</code></td>
              </tr>
              <tr v-if="!state.modules.length && !state.loading"><td colspan="7" class="gs-c-empty-cell">{{ $t('ops.noModules') }}</td></tr>
            </tbody>
          </table>
        </div>
      </section>
      <section class="gs-c-card" aria-labelledby="o-features">
        <h2 id="o-features">{{ $t('ops.features') }}</h2>
        <p v-if="state.featuresAvailable === false" class="gs-c-note" role="note" data-testid="features-unavailable">
          <van-icon name="info-o" aria-hidden="true" /> {{ $t('ops.featuresUnavailable') }}</p>
        <p v-else-if="state.featureProblem" class="gs-problem" role="alert">{{ state.featureProblem }}</p>
        <div v-else-if="state.features" class="gs-c-table-wrap">
          <table class="gs-c-table" data-testid="features-table">
            <caption class="gs-c-sr">{{ $t('ops.featuresCaption') }}</caption>
            <thead><tr>
              <th scope="col">{{ $t('ops.name') }}</th><th scope="col">{{ $t('ops.version') }}</th>
              <th scope="col">{{ $t('ops.description') }}</th><th scope="col">{{ $t('ops.featureState') }}</th>
            </tr></thead>
            <tbody>
              <tr v-for="f in state.features" :key="f.name + '/' + f.version" data-testid="feature-row" :data-feature="f.name" :data-installed="f.installed ? 'true' : 'false'">
                <td><code>{{ f.name }}</code></td>
                <td>{{ f.version }}</td>
                <td>{{ local(f.description) }}<div v-if="extra(f)" class="gs-muted gs-c-small">{{ extra(f) }}</div></td>
                <td><span class="gs-c-status" :class="f.installed ? 'gs-c-status-approved' : 'gs-c-status-draft'">
                  <van-icon :name="f.installed ? 'passed' : 'circle'" aria-hidden="true" /> {{ f.installed ? $t('ops.installed') : $t('ops.notInstalled') }}</span></td>
              </tr>
            </tbody>
          </table>
        </div>
        <p v-else class="gs-muted" role="status">{{ $t('common.loading') }}</p>
      </section>
    </GsConsolePage>`,
};

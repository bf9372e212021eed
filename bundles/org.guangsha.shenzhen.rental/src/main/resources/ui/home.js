// 住房保障个人服务页 (SZ-1, seed 000 §4): on the left (on top on a phone) the caller's home(s) and
// their ranks on the 安居房 and 公租房 waiting lists with how they moved; on the right the service
// menu, each entry leading to its page (#/m/shenzhen-rental/<path>) or saying why not now.
import { reactive, onMounted } from 'vue';
import { api, session, hasTrustLevel, local, yuan, useProblem, GsProblem, GsPage, navigate, ensureStylesheet } from 'guangsha';

ensureStylesheet('/ui/shenzhen-rental/rental.css');

const BASE = '/m/shenzhen-rental';

/** A small line of the rank over time: a lower rank number is better, so it is drawn upwards. */
function sparkPoints(history) {
  if (!history || history.length < 2) return '';
  const ranks = history.map((h) => h.rank);
  const min = Math.min(...ranks);
  const max = Math.max(...ranks);
  const span = max - min || 1;
  return history
    .map((h, i) => `${(i / (history.length - 1)) * 100},${4 + ((h.rank - min) / span) * 40}`)
    .join(' ');
}

export const Home = {
  components: { GsPage, GsProblem },
  setup() {
    const me = session.me;
    const organization = !!me && me.kind === 'ORGANIZATION';
    const ok = !!me && (organization || hasTrustLevel('L2'));
    const guest = !me;
    const next = encodeURIComponent(`${BASE}/`);
    const problem = useProblem();
    const state = reactive({ loading: true, page: null });

    async function load() {
      try {
        state.page = await api.get('shenzhen/rental/me');
        problem.clear();
      } catch (e) {
        problem.set(e);
      } finally {
        state.loading = false;
      }
    }
    function open(s) {
      if (s.available) navigate(`${BASE}/${s.path}`);
    }
    const people = (h) => (h.residents || []).filter((r) => r.role === 'OCCUPANT' || r.role === 'CO_RESIDENT');
    onMounted(() => {
      if (ok) load();
    });
    return { ok, guest, next, organization, state, problem, open, people, local, yuan, sparkPoints };
  },
  template: `
    <GsPage :title="$t('szr.title')">
      <section v-if="!ok" class="szr-card" data-testid="szr-intro">
        <p>{{ $t('szr.home.intro') }}</p>
        <van-button v-if="guest" round block type="primary" :url="'#/login?next=' + next" data-testid="szr-login">{{ $t('szr.home.login') }}</van-button>
        <van-button v-else round block type="primary" :url="'#/verify-prompt?level=L2&next=' + next" data-testid="szr-verify">{{ $t('szr.home.verify') }}</van-button>
      </section>
      <GsProblem :problem="problem" />
      <p v-if="ok && state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <div v-if="ok && state.page" class="szr-home" data-testid="szr-home" :data-kind="state.page.kind">
        <div class="szr-left">
          <h2 class="gs-section-title">{{ organization ? $t('szr.home.unitHomes', { n: state.page.homes.length }) : $t('szr.home.myHomes') }}</h2>
          <p v-if="!state.page.homes.length" class="szr-card gs-muted" data-testid="szr-no-home">{{ $t('szr.home.none') }}</p>
          <article v-for="h in state.page.homes" :key="h.leaseId" class="szr-card" data-testid="szr-lease" :data-lease="h.leaseNo">
            <h3 data-testid="szr-home-name">{{ h.home.project }} {{ h.home.building }} {{ h.home.room }}</h3>
            <dl class="szr-facts">
              <dt>{{ $t('szr.home.address') }}</dt><dd data-testid="szr-address">{{ h.home.address }}</dd>
              <template v-if="h.home.areaM2"><dt>{{ $t('szr.home.area') }}</dt><dd>{{ $t('szr.home.areaM2', { n: h.home.areaM2 }) }}<span v-if="h.home.layout"> · {{ h.home.layout }}</span></dd></template>
              <dt>{{ $t('szr.home.leaseNo') }}</dt><dd>{{ h.leaseNo }}</dd>
              <dt>{{ $t('szr.home.policy') }}</dt><dd data-testid="szr-policy" :data-policy="h.policy">{{ local(h.policyName) }}</dd>
              <dt>{{ $t('szr.home.term') }}</dt><dd>{{ $t('szr.home.termRange', { from: h.startDate, to: h.endDate }) }}</dd>
              <dt>{{ $t('szr.home.rent') }}</dt><dd data-testid="szr-rent">{{ yuan(h.rentFen) }}</dd>
              <template v-if="people(h).length">
                <dt>{{ organization ? $t('szr.home.occupants') : $t('szr.home.residents') }}</dt>
                <dd data-testid="szr-residents">
                  <span v-for="r in people(h)" :key="r.id" class="szr-person">{{ r.name }}<span class="gs-muted">（{{ r.relation || $t('szr.home.role.' + r.role) }}）</span> </span>
                </dd>
              </template>
            </dl>
          </article>
          <template v-if="state.page.waiting.length">
            <h2 class="gs-section-title">{{ $t('szr.home.waiting') }}</h2>
            <article v-for="w in state.page.waiting" :key="w.listType" class="szr-card" data-testid="szr-waiting" :data-list="w.listType">
              <h3>{{ local(w.name) }}</h3>
              <p v-if="w.rank === null" class="gs-muted" data-testid="szr-not-on-list">{{ $t('szr.home.notOnList') }}</p>
              <template v-else>
                <p>
                  <span class="szr-rank" data-testid="szr-rank">{{ $t('szr.home.rankNo', { n: w.rank }) }}</span>
                  <span class="gs-muted"> {{ $t('szr.home.asOf', { date: w.asOf }) }}</span>
                </p>
                <p v-if="w.change !== null" data-testid="szr-change" :class="w.change > 0 ? 'szr-up' : w.change < 0 ? 'szr-down' : ''">
                  {{ w.change > 0 ? '↑ ' + $t('szr.home.up', { n: w.change }) : w.change < 0 ? '↓ ' + $t('szr.home.down', { n: -w.change }) : $t('szr.home.same') }}
                </p>
                <svg v-if="w.history.length > 1" class="szr-spark" viewBox="0 0 100 48" preserveAspectRatio="none" role="img" :aria-label="$t('szr.home.history')">
                  <polyline :points="sparkPoints(w.history)" fill="none" stroke="currentColor" stroke-width="2" vector-effect="non-scaling-stroke" />
                </svg>
                <ul class="szr-history" data-testid="szr-history">
                  <li v-for="p in w.history" :key="p.asOf">{{ p.asOf }}：{{ $t('szr.home.rankNo', { n: p.rank }) }}</li>
                </ul>
              </template>
            </article>
          </template>
        </div>
        <div class="szr-right">
          <h2 class="gs-section-title">{{ $t('szr.home.services') }}</h2>
          <van-cell-group inset data-testid="szr-services">
            <van-cell v-for="s in state.page.services" :key="s.id" :title="local(s.name)"
              :label="s.available ? '' : local(s.reason) || $t('szr.home.unavailable')"
              :is-link="s.available" :clickable="s.available" :class="{ 'gs-muted': !s.available }"
              :aria-disabled="s.available ? 'false' : 'true'"
              @click="open(s)" @keydown.enter.prevent="open(s)"
              data-testid="szr-service" :data-service="s.id" :data-available="String(s.available)" />
          </van-cell-group>
        </div>
      </div>
    </GsPage>
  `,
};

// 网上选房: the caller's families (batch, 选房排位, session, phase with a countdown to the next
// moment) and the entries that apply now; and the 选房声明 page before pre-selection (开始预选) and
// before formal selection (去选房, which starts the server's 3-minute window, S-4).
import { reactive, computed, onMounted, onBeforeUnmount } from 'vue';
import { api, t, session, hasTrustLevel, formatTime, useProblem, GsProblem, GsPage, hasApi } from 'guangsha';
import {
  BASE, useMomentCame, requireCitizen, loadFamilies, loadFamily, nextMoment, words, go, href, sessionTime, unitName, SelCountdown,
  STATUS_ICONS, slugOf,
} from './common.js';

/** Whether the line's signing and materials endpoints are installed (h2's part may not be yet). */
async function signingOffered() {
  const [signing, materials] = await Promise.all([
    hasApi('GET', '/selection/families/{fid}/signing'),
    hasApi('GET', '/selection/families/{fid}/materials'),
  ]);
  return { signing, materials };
}

export const Start = {
  components: { GsPage, GsProblem, SelCountdown },
  setup() {
    // The line's front page: a visitor (or a citizen not yet verified) is told what it is and
    // offered the login, the verification and the public pages instead of being sent away.
    const ok = !!session.me && hasTrustLevel('L2');
    const guest = !session.me;
    const loginNext = `/login?next=${encodeURIComponent(BASE + '/')}`;
    const verifyNext = `/verify-prompt?level=L2&next=${encodeURIComponent(BASE + '/')}`;
    const problem = useProblem();
    const state = reactive({ loading: true, families: [], offered: { signing: false, materials: false }, demo: false, demoBusy: false });
    let timer = null;

    async function load() {
      try {
        state.families = await loadFamilies();
        problem.clear();
      } catch (e) {
        problem.set(e);
      } finally {
        state.loading = false;
      }
    }
    const hasUnit = (f) => !!f.allocation;
    function entries(f) {
      const e = [];
      if (f.phase === 'PRESELECT' || f.phase === 'FORMAL') e.push({ key: 'start', icon: 'home-o', to: `family/${f.familyId}/declaration`, primary: true });
      if (f.phase === 'SESSION_OVER' || f.phase === 'DONE' || f.allocation) e.push({ key: 'result', icon: 'medal-o', to: `family/${f.familyId}/result` });
      const s = f.supplement || {};
      if (s.mayApply || s.appliedAt || s.session) e.push({ key: 'supplement', icon: 'add-o', to: `family/${f.familyId}/supplement` });
      e.push({ key: 'broadcast', icon: 'volume-o', to: `broadcast/${f.batch.id}` });
      if (hasUnit(f) && state.offered.signing) e.push({ key: 'signing', icon: 'edit', to: `family/${f.familyId}/signing` });
      if (hasUnit(f) && state.offered.materials) e.push({ key: 'materials', icon: 'description', to: `family/${f.familyId}/materials` });
      return e;
    }
    /** The sandbox's demo batch (沙箱演示): offered only where the sandbox is installed. */
    async function createDemo() {
      if (state.demoBusy) return;
      state.demoBusy = true;
      try {
        await api.post('sandbox/selection', {});
        await load();
      } catch (e) {
        problem.set(e);
      } finally {
        state.demoBusy = false;
      }
    }
    onMounted(async () => {
      if (!ok) return;
      load();
      hasApi('POST', '/sandbox/selection').then((yes) => {
        state.demo = yes;
      });
      state.offered = await signingOffered();
      timer = setInterval(() => document.visibilityState === 'visible' && load(), 30000);
    });
    onBeforeUnmount(() => clearInterval(timer));
    const momentCame = useMomentCame(load);
    return {
      momentCame, createDemo, ok, guest, loginNext, verifyNext, state, problem, load, entries, nextMoment, words, href, formatTime, sessionTime,
      unitName, STATUS_ICONS,
    };
  },
  template: `
    <GsPage :title="$t('selection.title')">
      <section v-if="!ok" class="sel-notice" data-testid="selection-intro">
        <van-icon name="home-o" class="sel-notice-icon" aria-hidden="true" />
        <h2>{{ $t('selection.start.title') }}</h2>
        <p>{{ $t('selection.start.intro') }}</p>
        <div class="gs-actions">
          <van-button v-if="guest" round block type="primary" :url="'#' + loginNext" data-testid="selection-login">{{ $t('selection.start.login') }}</van-button>
          <van-button v-else round block type="primary" :url="'#' + verifyNext" data-testid="selection-verify">{{ $t('selection.start.verify') }}</van-button>
        </div>
      </section>
      <GsProblem :problem="problem" />
      <p v-if="ok && state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <div v-else-if="ok && !state.families.length && !problem.message" class="gs-empty" data-testid="selection-none">
        <van-icon name="info-o" class="gs-empty-icon" aria-hidden="true" />
        <p>{{ $t('selection.start.none') }}</p>
      </div>
      <van-cell-group v-if="ok && state.demo" inset class="gs-sandbox-group">
        <van-cell :title="$t('selection.start.demo')" :label="$t('selection.start.demoHint')" icon="home-o" is-link clickable
          @click="createDemo" @keydown.enter.prevent="createDemo" @keydown.space.prevent="createDemo"
          data-testid="selection-sandbox-demo" :aria-busy="state.demoBusy ? 'true' : 'false'" />
      </van-cell-group>
      <h2 v-if="ok && state.families.length" class="gs-section-title">{{ $t('selection.start.title') }}</h2>
      <ul class="sel-families" data-testid="families">
        <li v-for="f in state.families" :key="f.familyId" class="sel-family" data-testid="family" :data-family="f.familyId" :data-batch="f.batch.code" :data-phase="f.phase">
          <header class="sel-family-head">
            <h2 class="sel-family-batch">{{ f.batch.name }}</h2>
            <span class="gs-muted">{{ f.batch.code }}</span>
          </header>
          <dl class="sel-facts">
            <dt>{{ $t('selection.family.rank') }}</dt><dd><strong class="sel-rank" data-testid="family-rank">{{ f.rank }}</strong></dd>
            <dt>{{ $t('selection.family.applicant') }}</dt><dd>{{ f.applicantName }}<span v-if="f.householdSize" class="gs-muted">（{{ $t('selection.family.household', { n: f.householdSize }) }}）</span></dd>
            <template v-if="f.session"><dt>{{ $t('selection.family.session') }}</dt><dd data-testid="family-session">{{ f.session.name }} · {{ sessionTime(f.session) }}</dd></template>
            <dt>{{ $t('selection.family.preselect') }}</dt><dd>{{ $t('selection.family.preselectFrom', { at: formatTime(f.batch.preselectStartsAt) }) }}</dd>
            <dt>{{ $t('selection.family.cart') }}</dt><dd>{{ $t('selection.family.cartSize', { n: f.batch.cartSize, s: Math.round(f.batch.windowSeconds / 60 * 10) / 10 }) }}</dd>
          </dl>
          <p class="sel-phase" data-testid="family-phase" :data-phase="f.phase">
            <van-icon :name="f.phase === 'DONE' ? (STATUS_ICONS[f.status] || 'passed') : 'underway-o'" aria-hidden="true" />
            <span>{{ f.phase === 'DONE' ? words('status', f.status) : words('phase', f.phase) }}</span>
            <span v-if="f.allocation && f.allocation.unit" class="sel-phase-unit">：{{ unitName(f.allocation.unit) }}</span>
          </p>
          <SelCountdown v-if="nextMoment(f) && nextMoment(f).deadline" :deadline="nextMoment(f).deadline"
            :label="$t('selection.moment.' + nextMoment(f).key)" testid="family-countdown" @end="momentCame" />
          <nav class="sel-entries" :aria-label="$t('selection.start.entries')">
            <a v-for="e in entries(f)" :key="e.key" :href="href(e.to)" class="sel-entry" :class="{ 'sel-entry-primary': e.primary }"
              :data-testid="'entry-' + e.key">
              <van-icon :name="e.icon" aria-hidden="true" /><span>{{ $t('selection.entry.' + e.key) }}</span>
            </a>
          </nav>
        </li>
      </ul>
      <p class="sel-public-link"><a :href="href('public')" data-testid="entry-public"><van-icon name="bar-chart-o" aria-hidden="true" /> {{ $t('selection.entry.public') }}</a></p>
    </GsPage>`,
};

/**
 * 选房声明: the rules, 我已阅读并同意声明, then 开始预选 (pre-selection, S-2) or 去选房 (formal
 * selection, S-4: the 3-minute window starts on the server). 房源信息播报 is reachable from here.
 *
 * data-testid: `declaration` (`data-stage`), `declaration-rules`, `declaration-agree`,
 * `declaration-start-pre`, `declaration-start-formal`, `declaration-broadcast`, `declaration-phase`.
 */
export const Declaration = {
  components: { GsPage, GsProblem, SelCountdown },
  props: { params: Object },
  setup(props) {
    const ok = requireCitizen();
    const fid = props.params.fid;
    const problem = useProblem();
    const state = reactive({ loading: true, family: null, agreed: false, busy: false });
    const stage = computed(() => (state.family && state.family.phase === 'FORMAL' ? 'formal' : 'pre'));
    let alive = true;
    onBeforeUnmount(() => {
      alive = false;
    });

    async function load() {
      try {
        const family = await loadFamily(fid);
        if (!alive) return;
        state.family = family;
        if (!family) problem.message = t('selection.start.notYours');
        else if (family.phase === 'FORMAL' && family.formalDeclaredAt) go(`family/${fid}/formal`, { replace: true });
      } catch (e) {
        problem.set(e);
      } finally {
        state.loading = false;
      }
    }
    async function start() {
      problem.clear();
      if (!state.agreed) {
        problem.message = t('selection.declaration.mustAgree');
        return;
      }
      state.busy = true;
      try {
        if (stage.value === 'pre') {
          if (!state.family.preDeclaredAt) await api.post(`selection/families/${encodeURIComponent(fid)}/preselection/declaration`, {});
          go(`family/${fid}/pre`);
        } else {
          await api.post(`selection/families/${encodeURIComponent(fid)}/formal/declaration`, {});
          go(`family/${fid}/formal`);
        }
      } catch (e) {
        if (slugOf(e) === 'selection-window-over') {
          go(`family/${fid}/formal`);
          return;
        }
        problem.set(e);
        load();
      } finally {
        state.busy = false;
      }
    }
    if (ok) onMounted(load);
    const momentCame = useMomentCame(load);
    return { momentCame, state, problem, stage, start, load, nextMoment, words, href, sessionTime };
  },
  template: `
    <GsPage :title="$t('selection.declaration.title')" :back-to="'/m/selection/'">
      <GsProblem :problem="problem" />
      <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <section v-else-if="state.family" class="sel-declaration" data-testid="declaration" :data-stage="stage">
        <p class="sel-phase" data-testid="declaration-phase" :data-phase="state.family.phase">
          <van-icon name="underway-o" aria-hidden="true" /> {{ words('phase', state.family.phase) }}
        </p>
        <p v-if="state.family.session" class="sel-session-line gs-muted">{{ state.family.session.name }} · {{ sessionTime(state.family.session) }}</p>
        <SelCountdown v-if="nextMoment(state.family) && nextMoment(state.family).deadline" :deadline="nextMoment(state.family).deadline"
          :label="$t('selection.moment.' + nextMoment(state.family).key)" @end="momentCame" />
        <article class="sel-rules" data-testid="declaration-rules" tabindex="0" :aria-label="$t('selection.declaration.rulesTitle')">
          <h2>{{ $t('selection.declaration.rulesTitle') }}</h2>
          <ol>
            <li>{{ $t('selection.declaration.rule1') }}</li>
            <li>{{ $t('selection.declaration.rule2', { n: state.family.batch.cartSize }) }}</li>
            <li>{{ $t('selection.declaration.rule3') }}</li>
            <li>{{ $t('selection.declaration.rule4', { m: Math.round(state.family.batch.windowSeconds / 60 * 10) / 10 }) }}</li>
            <li>{{ $t('selection.declaration.rule5') }}</li>
            <li>{{ $t('selection.declaration.rule6') }}</li>
            <li>{{ $t('selection.declaration.rule7') }}</li>
          </ol>
        </article>
        <template v-if="state.family.phase === 'PRESELECT' || state.family.phase === 'FORMAL'">
          <van-checkbox v-model="state.agreed" shape="square" class="sel-agree" data-testid="declaration-agree">{{ $t('selection.declaration.agree') }}</van-checkbox>
          <p v-if="stage === 'formal'" class="sel-hint sel-hint-warn" role="note"><van-icon name="clock-o" aria-hidden="true" />
            {{ $t('selection.declaration.windowStarts', { m: Math.round(state.family.batch.windowSeconds / 60 * 10) / 10 }) }}</p>
          <div class="gs-actions">
            <van-button v-if="stage === 'pre'" round block type="primary" :disabled="!state.agreed" :loading="state.busy" @click="start"
              data-testid="declaration-start-pre">{{ $t('selection.declaration.startPre') }}</van-button>
            <van-button v-else round block type="primary" :disabled="!state.agreed" :loading="state.busy" @click="start"
              data-testid="declaration-start-formal">{{ $t('selection.declaration.startFormal') }}</van-button>
          </div>
        </template>
        <p v-else class="sel-hint" role="status">{{ $t('selection.declaration.notNow') }}</p>
        <div class="gs-actions">
          <van-button round block plain icon="volume-o" :url="href('broadcast/' + state.family.batch.id)" data-testid="declaration-broadcast">{{ $t('selection.entry.broadcast') }}</van-button>
        </div>
      </section>
    </GsPage>`,
};

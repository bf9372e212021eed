// The way in (JX-2): 公租房申请一件事 (立即办理), the service-authorization agreement (同意授权 /
// 取消授权; revoking a consent given earlier erases the drafts), the region (city, then county,
// 去申请 and a second confirmation), and the flow and notice (现在去申请 opens the application).
import { reactive, computed, onMounted } from 'vue';
import { showConfirmDialog, showToast, showDialog } from 'vant';
import { api, ApiError, session, route, t, local, formatTime, hasTrustLevel, navigate, useProblem, GsProblem, GsPage } from 'guangsha';
import {
  BASE, go, href, requireLogin, requireVerified, loadGuide, loadProvince, nextPageOf, isPhone, words, STATUS_ICONS,
} from './common.js';

const OPEN = ['DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'RETURNED'];

/** The citizen's consent now (`{granted, version, grantedAt, channel}`). */
async function consentNow() {
  return api.get('jiangxi/consent');
}

export const Start = {
  components: { GsPage, GsProblem },
  props: { params: Object },
  setup() {
    const problem = useProblem();
    const state = reactive({ loading: !!session.me, consent: null, open: null, busy: false });
    onMounted(async () => {
      if (!session.me) return;
      try {
        const [consent, list] = await Promise.all([consentNow(), api.get('jiangxi/applications')]);
        state.consent = consent;
        state.open = (list || []).find((a) => OPEN.includes(a.status)) || null;
      } catch (e) {
        problem.set(e);
      } finally {
        state.loading = false;
      }
    });
    /** 立即办理: sign in, verify, consent, region; an open application is continued instead. */
    function start() {
      if (!session.me) {
        navigate('/login', { query: { next: `${BASE}/consent` } });
        return;
      }
      if (state.open) {
        go(nextPageOf(state.open));
        return;
      }
      if (!hasTrustLevel('L2')) {
        navigate('/verify-prompt', { query: { level: 'L2', next: `${BASE}/consent` } });
        return;
      }
      go(state.consent && state.consent.granted ? 'region' : 'consent');
    }
    return { state, problem, start, href, words, session, STATUS_ICONS, local, formatTime };
  },
  template: `
    <GsPage :title="$t('jiangxi.title')">
      <section class="jx-hero" data-testid="jx-start">
        <van-icon name="wap-home-o" class="jx-hero-icon" aria-hidden="true" />
        <h1>{{ $t('jiangxi.start.title') }}</h1>
        <p class="jx-hero-sub">{{ $t('jiangxi.start.slogan') }}</p>
        <p class="jx-hero-text">{{ $t('jiangxi.start.intro') }}</p>
      </section>
      <GsProblem :problem="problem" />
      <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <section v-else-if="state.open" class="jx-card" data-testid="jx-open-application" :data-status="state.open.status">
        <h2 class="jx-card-title">{{ $t('jiangxi.start.openTitle') }}</h2>
        <p><van-icon :name="STATUS_ICONS[state.open.status] || 'info-o'" aria-hidden="true" /> {{ words('status', state.open.status) }}
          <span class="gs-muted"> · {{ local(state.open.regionName) }}</span></p>
      </section>
      <div class="gs-actions">
        <van-button round block type="primary" icon="guide-o" @click="start" data-testid="jx-start-now" :disabled="state.loading">
          {{ state.open ? $t('jiangxi.start.continue') : $t('jiangxi.start.now') }}</van-button>
        <van-button v-if="session.me" round block plain type="primary" icon="todo-list-o" :url="href('applications')" data-testid="jx-my-applications">
          {{ $t('jiangxi.mine.title') }}</van-button>
      </div>
      <van-cell-group inset class="jx-links">
        <van-cell v-if="session.me" :title="$t('jiangxi.consent.manage')" icon="shield-o" is-link :url="href('consent')" data-testid="jx-consent-link"
          :value="state.consent ? (state.consent.granted ? $t('jiangxi.consent.granted') : $t('jiangxi.consent.notGranted')) : ''" />
        <van-cell :title="$t('jiangxi.notice.title')" icon="description" is-link :url="href('notice?read=1')" data-testid="jx-notice-link" />
      </van-cell-group>
      <h2 class="gs-section-title">{{ $t('jiangxi.start.channels') }}</h2>
      <ul class="jx-channels">
        <li><van-icon name="phone-o" aria-hidden="true" /> {{ $t('jiangxi.start.channelMobile') }}</li>
        <li><van-icon name="desktop-o" aria-hidden="true" /> {{ $t('jiangxi.start.channelPc') }}</li>
        <li><van-icon name="shop-o" aria-hidden="true" /> {{ $t('jiangxi.start.channelCounter') }}</li>
      </ul>
    </GsPage>`,
};

/** 政务服务码授权: the agreement; 同意授权 / 取消授权, and revoking a consent given earlier. */
export const Consent = {
  components: { GsPage, GsProblem },
  props: { params: Object },
  setup() {
    const ok = requireLogin();
    const problem = useProblem();
    const state = reactive({ loading: true, guide: null, consent: null, busy: false });
    onMounted(async () => {
      if (!ok) return;
      try {
        const [guide, consent] = await Promise.all([loadGuide(), consentNow()]);
        state.guide = guide;
        state.consent = consent;
      } catch (e) {
        problem.set(e);
      } finally {
        state.loading = false;
      }
    });
    const agreement = computed(() => (state.guide && state.guide.agreement) || null);
    /** 同意授权: stored with the version read (409 agreement-changed: read the new one). */
    async function agree() {
      if (!hasTrustLevel('L2')) {
        navigate('/verify-prompt', { query: { level: 'L2', next: `${BASE}/consent` } });
        return;
      }
      problem.clear();
      state.busy = true;
      try {
        state.consent = await api.post('jiangxi/consent', { version: agreement.value.version });
        go('region');
      } catch (e) {
        problem.set(e);
        if (e instanceof ApiError && e.slug === 'agreement-changed') {
          state.guide = await api.get('jiangxi/guide');
        }
      } finally {
        state.busy = false;
      }
    }
    /** 取消授权 before consenting: leaves; nothing is stored. */
    function decline() {
      showToast({ message: t('jiangxi.consent.declined'), duration: 2500 });
      go('');
    }
    /** 取消授权 of a consent given earlier: refused by the server (409) while an application is open. */
    async function revoke() {
      try {
        await showConfirmDialog({
          title: t('jiangxi.consent.revokeTitle'),
          message: t('jiangxi.consent.revokeText'),
          confirmButtonText: t('jiangxi.consent.revoke'),
          cancelButtonText: t('common.cancel'),
          confirmButtonColor: '#c8161d',
        });
      } catch (e) {
        return;
      }
      problem.clear();
      state.busy = true;
      try {
        await api.del('jiangxi/consent');
        state.consent = { granted: false };
        showDialog({ message: t('jiangxi.consent.revoked'), confirmButtonText: t('common.confirm') });
      } catch (e) {
        problem.set(e);
      } finally {
        state.busy = false;
      }
    }
    return { ok, state, problem, agreement, agree, decline, revoke, local, formatTime, words, go };
  },
  template: `
    <GsPage :title="$t('jiangxi.consent.title')" :back-to="'/m/jiangxi/'">
      <GsProblem :problem="problem" />
      <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <template v-else-if="agreement">
        <article class="jx-agreement" data-testid="consent-agreement" :data-version="agreement.version">
          <h2>{{ local(agreement.title) }}</h2>
          <div class="jx-agreement-text" tabindex="0" :aria-label="local(agreement.title)">{{ local(agreement.text) }}</div>
          <p class="gs-muted jx-small">{{ $t('jiangxi.consent.version', { v: agreement.version }) }}</p>
        </article>
        <template v-if="state.consent && state.consent.granted">
          <p class="jx-hint" data-testid="consent-state" data-granted="true">
            <van-icon name="passed" aria-hidden="true" />
            {{ $t('jiangxi.consent.grantedAt', { at: formatTime(state.consent.grantedAt) }) }}<template v-if="state.consent.channel"> · {{ words('channel', state.consent.channel) }}</template></p>
          <div class="gs-actions">
            <van-button round block type="primary" @click="go('region')" data-testid="consent-go">{{ $t('jiangxi.region.go') }}</van-button>
            <van-button round block plain type="danger" :loading="state.busy" @click="revoke" data-testid="consent-revoke">{{ $t('jiangxi.consent.revoke') }}</van-button>
          </div>
          <p class="gs-muted jx-small jx-pad">{{ $t('jiangxi.consent.revokeHint') }}</p>
        </template>
        <div v-else class="jx-two-buttons">
          <van-button round plain @click="decline" data-testid="consent-decline">{{ $t('jiangxi.consent.decline') }}</van-button>
          <van-button round type="primary" :loading="state.busy" @click="agree" data-testid="consent-agree">{{ $t('jiangxi.consent.agree') }}</van-button>
        </div>
      </template>
    </GsPage>`,
};

/** 选择申请区域: city, then county/district; 去申请 asks to confirm the region once more. */
export const Region = {
  components: { GsPage, GsProblem },
  props: { params: Object },
  setup() {
    const ok = requireVerified();
    const problem = useProblem();
    const state = reactive({ loading: true, cities: [], city: '', county: '', province: null });
    onMounted(async () => {
      if (!ok) return;
      try {
        const consent = await consentNow();
        if (!consent.granted) {
          go('consent', { replace: true });
          return;
        }
        const p = await loadProvince();
        state.cities = p.cities;
        state.province = p.province;
      } catch (e) {
        problem.set(e);
      } finally {
        state.loading = false;
      }
    });
    const counties = computed(() => {
      const c = state.cities.find((x) => x.code === state.city);
      return (c && c.children) || [];
    });
    const cityName = computed(() => {
      const c = state.cities.find((x) => x.code === state.city);
      return c ? local(c.name) : '';
    });
    const countyName = computed(() => {
      const c = counties.value.find((x) => x.code === state.county);
      return c ? local(c.name) : '';
    });
    function pickCity(e) {
      state.city = e.target.value;
      state.county = '';
    }
    /** 去申请, then the second confirmation of the region (继续申请 / 重新选择). */
    async function apply() {
      problem.clear();
      if (!state.county) {
        problem.fieldError('regionCode', state.city ? t('jiangxi.region.countyRequired') : t('jiangxi.region.cityRequired'));
        return;
      }
      try {
        await showConfirmDialog({
          title: t('jiangxi.region.confirmTitle'),
          message: t('jiangxi.region.confirmText', { region: `${local(state.province && state.province.name)} ${cityName.value} ${countyName.value}` }),
          confirmButtonText: t('jiangxi.region.continue'),
          cancelButtonText: t('jiangxi.region.again'),
          className: 'jx-region-dialog',
        });
      } catch (e) {
        return;
      }
      go('notice', { query: { region: state.county } });
    }
    return { ok, state, problem, counties, pickCity, apply, local };
  },
  template: `
    <GsPage :title="$t('jiangxi.region.title')" :back-to="'/m/jiangxi/'">
      <GsProblem :problem="problem" />
      <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <template v-else>
        <p class="jx-pad">{{ $t('jiangxi.region.intro') }}</p>
        <van-cell-group inset>
          <div class="jx-select van-cell van-field">
            <label class="van-cell__title van-field__label van-field__label--required" for="jx-city">{{ $t('jiangxi.region.city') }}</label>
            <div class="van-cell__value van-field__value">
              <select id="jx-city" :value="state.city" @change="pickCity" data-testid="region-city">
                <option value="">{{ $t('jiangxi.region.chooseCity') }}</option>
                <option v-for="c in state.cities" :key="c.code" :value="c.code">{{ local(c.name) }}</option>
              </select>
            </div>
          </div>
          <div class="jx-select van-cell van-field" :class="{ 'van-field--error': !!problem.field('regionCode') }">
            <label class="van-cell__title van-field__label van-field__label--required" for="jx-county">{{ $t('jiangxi.region.county') }}</label>
            <div class="van-cell__value van-field__value">
              <select id="jx-county" v-model="state.county" :disabled="!state.city" data-testid="region-county">
                <option value="">{{ $t('jiangxi.region.chooseCounty') }}</option>
                <option v-for="c in counties" :key="c.code" :value="c.code">{{ local(c.name) }}</option>
              </select>
              <div v-if="problem.field('regionCode')" class="van-field__error-message" role="alert">{{ problem.field('regionCode') }}</div>
            </div>
          </div>
        </van-cell-group>
        <div class="gs-actions">
          <van-button round block type="primary" @click="apply" data-testid="region-apply">{{ $t('jiangxi.region.go') }}</van-button>
        </div>
      </template>
    </GsPage>`,
};

/**
 * 申请流程 and 申请须知; 现在去申请 opens the application in the region chosen (POST, with the
 * region confirmed) and goes on to the face check. Opened with `read=1` it only shows the texts.
 */
export const Notice = {
  components: { GsPage, GsProblem },
  props: { params: Object },
  setup() {
    const problem = useProblem();
    const state = reactive({ loading: true, guide: null, read: false, busy: false, region: '', onlyRead: false, regionName: '' });
    onMounted(async () => {
      state.region = route.query.region || '';
      state.onlyRead = !state.region;
      if (!state.onlyRead && !requireVerified()) return;
      try {
        state.guide = await loadGuide();
        if (state.region) {
          const p = await loadProvince();
          for (const c of p.cities) {
            const x = (c.children || []).find((k) => k.code === state.region);
            if (x) state.regionName = `${local(c.name)} ${local(x.name)}`;
          }
        }
      } catch (e) {
        problem.set(e);
      } finally {
        state.loading = false;
      }
    });
    /** 现在去申请. */
    async function now() {
      if (!state.read) {
        problem.fieldError('read', t('jiangxi.notice.readFirst'));
        return;
      }
      problem.clear();
      state.busy = true;
      try {
        const a = await api.post('jiangxi/applications', { regionCode: state.region, confirmRegion: true, channel: isPhone() ? 'MOBILE' : 'PC' });
        go(`applications/${a.id}/face`, { replace: true });
      } catch (e) {
        if (e instanceof ApiError && e.slug === 'application-exists' && e.problem.applicationId) {
          showToast({ message: t('jiangxi.notice.exists'), duration: 2500 });
          go(`applications/${e.problem.applicationId}`, { replace: true });
          return;
        }
        if (e instanceof ApiError && e.slug === 'consent-required') {
          go('consent', { replace: true });
          return;
        }
        problem.set(e);
      } finally {
        state.busy = false;
      }
    }
    return { state, problem, now, local };
  },
  template: `
    <GsPage :title="state.onlyRead ? $t('jiangxi.notice.title') : $t('jiangxi.notice.flowTitle')" :back-to="'/m/jiangxi/'">
      <GsProblem :problem="problem" />
      <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <template v-else-if="state.guide">
        <p v-if="state.regionName" class="jx-hint" data-testid="notice-region"><van-icon name="location-o" aria-hidden="true" /> {{ $t('jiangxi.notice.region', { region: state.regionName }) }}</p>
        <section class="jx-section" data-testid="notice-flow">
          <h2 class="jx-section-title">{{ $t('jiangxi.notice.flowTitle') }}</h2>
          <van-steps direction="vertical" :active="-1" class="jx-flow">
            <van-step v-for="f in state.guide.flow || []" :key="f.key">
              <strong>{{ local(f.name) }}</strong>
              <p class="gs-muted jx-small">{{ local(f.description) }}</p>
            </van-step>
          </van-steps>
        </section>
        <section class="jx-section" data-testid="notice-text">
          <h2 class="jx-section-title">{{ $t('jiangxi.notice.title') }}</h2>
          <div class="jx-agreement-text" tabindex="0" :aria-label="$t('jiangxi.notice.title')">{{ local(state.guide.notice) }}</div>
        </section>
        <template v-if="!state.onlyRead">
          <div class="jx-pad">
            <van-checkbox v-model="state.read" shape="square" data-testid="notice-read">{{ $t('jiangxi.notice.read') }}</van-checkbox>
            <p v-if="problem.field('read')" class="jx-field-error" role="alert">{{ problem.field('read') }}</p>
          </div>
          <div class="gs-actions">
            <van-button round block type="primary" :loading="state.busy" @click="now" data-testid="notice-apply">{{ $t('jiangxi.notice.now') }}</van-button>
          </div>
        </template>
      </template>
    </GsPage>`,
};

// 我的: profile, verification, reading preferences, the entries to my things, and logging out.
import { reactive, onMounted } from 'vue';
import { showToast, showConfirmDialog, showLoadingToast, closeToast } from 'vant';
import { api, ApiError, session, prefs, logout, navigate, hasTrustLevel, t, GsPage } from 'guangsha';
import { requireLogin, trustWords, roleWords, inbox, refreshUnread } from '../words.js';

const NO_SANDBOX = 'guangsha.sandbox.absent';

export const Me = {
  components: { GsPage },
  setup() {
    const ok = requireLogin();
    const state = reactive({ sandbox: sessionStorage.getItem(NO_SANDBOX) !== 'true', starting: false });

    async function signOut() {
      try {
        await showConfirmDialog({ title: t('me.logoutTitle'), message: t('me.logoutText'), confirmButtonText: t('nav.logout'), cancelButtonText: t('common.cancel') });
      } catch (e) {
        return;
      }
      await logout();
      inbox.unread = 0;
      navigate('/', { replace: true });
    }
    /** The sandbox's demo signing: offered until the server says there is no sandbox (404). */
    async function sandboxSigning() {
      if (state.starting) return;
      state.starting = true;
      showLoadingToast({ message: t('common.loading'), forbidClick: true, duration: 0 });
      try {
        const r = await api.post('sandbox/signing', {});
        closeToast();
        navigate(`/signing/${encodeURIComponent(r.id)}`);
      } catch (e) {
        closeToast();
        if (e instanceof ApiError && (e.status === 404 || e.status === 405)) {
          state.sandbox = false;
          sessionStorage.setItem(NO_SANDBOX, 'true');
          showToast(t('me.noSandbox'));
        } else {
          showToast({ message: (e.problem && (prefs.locale === 'en' ? e.problem.titleEn : e.problem.title)) || e.message, type: 'fail' });
        }
      } finally {
        state.starting = false;
      }
    }
    /** The sandbox's demo payment: a rent order paid on the simulated WeChat Pay page. */
    async function sandboxPayment() {
      if (state.starting) return;
      state.starting = true;
      try {
        const r = await api.post('sandbox/payments', { amountFen: 120000, purpose: t('me.sandboxPaymentPurpose') });
        navigate(`/pay/${encodeURIComponent(r.id || r.orderId)}`);
      } catch (e) {
        showToast({ message: (e.problem && (prefs.locale === 'en' ? e.problem.titleEn : e.problem.title)) || e.message, type: 'fail' });
      } finally {
        state.starting = false;
      }
    }
    const toggleLocale = () => {
      prefs.locale = prefs.locale === 'en' ? 'zh-CN' : 'en';
    };
    if (ok) onMounted(refreshUnread);
    return { toggleLocale, session, prefs, state, inbox, signOut, sandboxSigning, sandboxPayment, trustWords, roleWords, hasTrustLevel };
  },
  template: `
    <GsPage :title="$t('nav.me')" :back-to="false">
      <template v-if="session.me">
        <section class="gs-profile" data-testid="profile" aria-labelledby="gs-profile-name">
          <div class="gs-profile-avatar" aria-hidden="true">{{ (session.me.name || '?').slice(0, 1) }}</div>
          <div class="gs-profile-main">
            <h2 id="gs-profile-name" class="gs-profile-name" data-testid="profile-name">{{ session.me.name }}</h2>
            <p class="gs-profile-level" data-testid="profile-trust-level" :data-level="session.me.trustLevel">
              <van-icon :name="hasTrustLevel('L2') ? 'passed' : 'warning-o'" aria-hidden="true" /> {{ trustWords(session.me.trustLevel) }}
            </p>
          </div>
        </section>
        <van-cell-group inset class="gs-profile-facts">
          <van-cell v-if="session.me.idNumber" :title="$t('me.idNumber')" :value="session.me.idNumber" data-testid="profile-id-number" />
          <van-cell v-if="session.me.creditCode" :title="$t('me.creditCode')" :value="session.me.creditCode" />
          <van-cell v-if="session.me.mobile" :title="$t('me.mobile')" :value="session.me.mobile" data-testid="profile-mobile" />
          <van-cell :title="$t('me.roles')" :value="(session.me.roles || []).map(roleWords).join('、')" />
          <van-cell v-if="!hasTrustLevel('L2') && session.me.kind === 'CITIZEN'" :title="$t('me.upgrade')" :label="$t('me.upgradeHint')"
            icon="shield-o" is-link tag="a" role="link" href="#/verify-prompt?level=L2&next=/me" class="gs-upgrade" data-testid="profile-upgrade" />
        </van-cell-group>

        <h3 class="gs-section-title">{{ $t('me.mine') }}</h3>
        <van-cell-group inset data-testid="me-entries">
          <van-cell :title="$t('me.cases')" icon="todo-list-o" is-link tag="a" role="link" href="#/me/cases" data-testid="me-cases" />
          <van-cell :title="$t('me.documents')" icon="description" is-link tag="a" role="link" href="#/me/documents" data-testid="me-documents" />
          <van-cell :title="$t('me.attachments')" icon="photo-o" is-link tag="a" role="link" href="#/me/attachments" data-testid="me-attachments" />
          <van-cell :title="$t('me.notifications')" icon="bell" is-link tag="a" role="link" href="#/me/notifications" data-testid="me-notifications">
            <template #value>
              <span v-if="inbox.unread" class="gs-unread" data-testid="me-unread">{{ $t('me.unread', { n: inbox.unread }) }}</span>
            </template>
          </van-cell>
          <van-cell :title="$t('me.verifyDocument')" icon="certificate" is-link tag="a" role="link" href="#/verify-document" data-testid="me-verify-document" />
        </van-cell-group>

        <h3 class="gs-section-title">{{ $t('me.settings') }}</h3>
        <van-cell-group inset>
          <van-cell center :title="$t('me.language')" :label="prefs.locale === 'en' ? 'English' : '简体中文'">
            <template #right-icon>
              <van-switch :model-value="prefs.locale === 'en'" @update:model-value="(v) => (prefs.locale = v ? 'en' : 'zh-CN')"
                :aria-label="$t('me.languageSwitch')" data-testid="me-language"
                @keydown.enter.prevent="toggleLocale" @keydown.space.prevent="toggleLocale" />
            </template>
          </van-cell>
          <van-cell center :title="$t('common.elderly')" :label="$t('me.elderlyHint')">
            <template #right-icon>
              <van-switch v-model="prefs.elderly" :aria-label="$t('common.elderly')" data-testid="me-elderly"
                @keydown.enter.prevent="prefs.elderly = !prefs.elderly" @keydown.space.prevent="prefs.elderly = !prefs.elderly" />
            </template>
          </van-cell>
        </van-cell-group>

        <template v-if="state.sandbox">
          <h3 class="gs-section-title">{{ $t('common.sandbox') }}</h3>
          <van-cell-group inset class="gs-sandbox-group">
            <van-cell :title="$t('me.sandboxSigning')" :label="$t('me.sandboxSigningHint')" icon="edit" is-link clickable
              @click="sandboxSigning" @keydown.enter.prevent="sandboxSigning" @keydown.space.prevent="sandboxSigning" data-testid="sandbox-signing" :aria-busy="state.starting ? 'true' : 'false'" />
            <van-cell :title="$t('me.sandboxPayment')" :label="$t('me.sandboxPaymentHint')" icon="paid" is-link clickable
              @click="sandboxPayment" @keydown.enter.prevent="sandboxPayment" @keydown.space.prevent="sandboxPayment" data-testid="sandbox-payment" />
          </van-cell-group>
        </template>

        <div class="gs-actions">
          <van-button round block plain type="primary" icon="revoke" @click="signOut" data-testid="logout">{{ $t('nav.logout') }}</van-button>
        </div>
      </template>
    </GsPage>`,
};

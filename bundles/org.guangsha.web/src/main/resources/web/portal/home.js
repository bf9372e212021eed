// 首页: greeting, quick entries to my things, and the lines installed now (the module list) with
// their menu entries; an entry needing a higher trust level leads to the verification prompt.
import { computed, onMounted } from 'vue';
import { modules, session, local, hasTrustLevel, navigate, t } from 'guangsha';
import { inbox, refreshUnread, trustWords } from './words.js';

const LINE_ICONS = ['home-o', 'hotel-o', 'shop-o', 'gift-o', 'cluster-o', 'balance-o'];

export const Home = {
  setup() {
    const lines = computed(() => modules.list);
    const greeting = computed(() => {
      const h = new Date().getHours();
      return t(h < 6 ? 'home.night' : h < 12 ? 'home.morning' : h < 18 ? 'home.afternoon' : 'home.evening');
    });
    const needsVerification = computed(() => session.me && session.me.kind === 'CITIZEN' && !hasTrustLevel('L2'));
    function open(module, entry) {
      const target = `/m/${module.id}/${entry.path}`;
      if (!session.me) {
        navigate('/login', { query: { next: target } });
        return;
      }
      if (!hasTrustLevel(entry.requiredTrustLevel)) {
        navigate('/verify-prompt', { query: { level: entry.requiredTrustLevel, next: target } });
        return;
      }
      navigate(target);
    }
    function levelWords(level) {
      return level === 'L1' ? t('home.levelL1') : t('home.levelNeeded', { level: trustWords(level) });
    }
    onMounted(() => session.me && refreshUnread());
    return { lines, modules, session, local, open, greeting, needsVerification, inbox, levelWords, LINE_ICONS, hasTrustLevel };
  },
  template: `
    <section class="gs-home-hero" aria-labelledby="gs-hero-title">
      <h1 id="gs-hero-title" class="gs-home-title">{{ $t('app.portal') }}</h1>
      <p v-if="session.me" class="gs-home-greeting" data-testid="home-greeting">{{ greeting }}，{{ session.me.name }}</p>
      <template v-else>
        <p class="gs-home-greeting">{{ $t('home.guest') }}</p>
        <div class="gs-home-auth">
          <van-button round type="default" url="#/login" class="gs-home-login" data-testid="home-login">{{ $t('nav.login') }}</van-button>
          <van-button round plain url="#/register" class="gs-home-register" data-testid="home-register">{{ $t('nav.register') }}</van-button>
        </div>
      </template>
    </section>

    <a v-if="needsVerification" href="#/verify-prompt?level=L2&next=/" class="gs-home-notice" data-testid="home-verify-notice">
      <van-icon name="shield-o" aria-hidden="true" /> <span>{{ $t('home.verifyNotice') }}</span> <van-icon name="arrow" aria-hidden="true" />
    </a>

    <nav class="gs-quick" :aria-label="$t('home.quick')" data-testid="home-quick">
      <a class="gs-quick-item" href="#/me/cases" data-testid="quick-cases"><van-icon name="todo-list-o" aria-hidden="true" /><span>{{ $t('me.cases') }}</span></a>
      <a class="gs-quick-item" href="#/me/documents" data-testid="quick-documents"><van-icon name="description" aria-hidden="true" /><span>{{ $t('me.documents') }}</span></a>
      <a class="gs-quick-item" href="#/me/notifications" data-testid="quick-notifications">
        <van-badge :content="inbox.unread || ''" :show-zero="false" max="99"><van-icon name="bell" aria-hidden="true" /></van-badge>
        <span>{{ $t('me.notifications') }}<span v-if="inbox.unread" class="gs-visually-hidden">（{{ $t('me.unread', { n: inbox.unread }) }}）</span></span>
      </a>
      <a class="gs-quick-item" href="#/verify-document" data-testid="quick-verify-document"><van-icon name="certificate" aria-hidden="true" /><span>{{ $t('me.verifyDocument') }}</span></a>
    </nav>

    <section aria-labelledby="gs-services-title" class="gs-home-services">
      <h2 id="gs-services-title" class="gs-section-title">{{ $t('nav.services') }}</h2>
      <p v-if="!modules.loaded" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <p v-else-if="!lines.length" class="gs-empty gs-muted">{{ $t('home.noLines') }}</p>
      <div class="gs-line-grid">
        <article v-for="(m, i) in lines" :key="m.id" class="gs-line-card" :data-module="m.id" data-testid="home-line">
          <header class="gs-line-head">
            <span class="gs-line-icon" aria-hidden="true"><van-icon :name="LINE_ICONS[i % LINE_ICONS.length]" /></span>
            <div>
              <h3 class="gs-line-name">{{ local(m.name) }}</h3>
              <p class="gs-line-desc gs-muted">{{ local(m.description) }}</p>
            </div>
          </header>
          <ul class="gs-line-menu">
            <li v-for="e in m.menu" :key="e.id">
              <a :href="'#/m/' + m.id + '/' + e.path" class="gs-line-entry" :data-entry="m.id + '/' + e.id" data-testid="home-entry"
                @click.prevent="open(m, e)">
                <span class="gs-line-entry-name">{{ local(e.name) }}</span>
                <span class="gs-line-entry-level gs-muted">
                  <van-icon :name="session.me && hasTrustLevel(e.requiredTrustLevel) ? 'passed' : 'shield-o'" aria-hidden="true" />
                  {{ levelWords(e.requiredTrustLevel) }}
                </span>
                <van-icon name="arrow" aria-hidden="true" />
              </a>
            </li>
          </ul>
        </article>
      </div>
    </section>`,
};

// The citizen portal: mobile first, menu from the installed lines, core pages, lines' pages.
import { computed, watch } from 'vue';
import { createGuangshaApp, session, loadMe, onUnauthorized, navigate, route, prefs, watchModules, RouterView, addMessages } from 'guangsha';
import { messages } from './messages.js';
import { routes, NotFound } from './routes.js';
import { inbox, watchUnread, here } from './words.js';

addMessages(messages);

const Shell = {
  components: { RouterView },
  setup() {
    const tab = computed(() => (route.path.startsWith('/me') ? 'me' : 'home'));
    const toggleLocale = () => {
      prefs.locale = prefs.locale === 'en' ? 'zh-CN' : 'en';
    };
    const toggleElderly = () => {
      prefs.elderly = !prefs.elderly;
    };
    return { routes, NotFound, tab, session, prefs, inbox, toggleLocale, toggleElderly, navigate };
  },
  template: `
    <a class="gs-skip" href="#gs-main" @click.prevent="() => document.getElementById('gs-main').focus()">跳到正文 Skip to content</a>
    <header class="gs-header">
      <a href="#/" class="gs-brand" :aria-label="$t('app.name') + ' ' + $t('app.portal')"><span aria-hidden="true">廈</span> {{ $t('app.name') }}<span class="gs-brand-sub"> · {{ $t('app.portal') }}</span></a>
      <span class="gs-header-tools">
        <button type="button" class="gs-tool" data-testid="language-toggle" @click="toggleLocale" :aria-label="prefs.locale === 'en' ? '切换到中文' : 'Switch to English'">{{ $t('common.language') }}</button>
        <button type="button" class="gs-tool" @click="toggleElderly" :aria-pressed="prefs.elderly ? 'true' : 'false'" data-testid="elderly-toggle">{{ prefs.elderly ? $t('common.elderlyOff') : $t('common.elderly') }}</button>
      </span>
    </header>
    <div id="gs-main" tabindex="-1" class="gs-main"><RouterView :routes="routes" :fallback="NotFound" /></div>
    <van-tabbar :model-value="tab" route-less fixed placeholder safe-area-inset-bottom class="gs-tabbar">
      <van-tabbar-item name="home" icon="wap-home-o" @click="navigate('/')" data-testid="tab-home">{{ $t('nav.home') }}</van-tabbar-item>
      <van-tabbar-item name="me" icon="user-o" @click="navigate('/me')" :badge="inbox.unread || ''"
        data-testid="tab-me">{{ $t('nav.me') }}<span v-if="inbox.unread" class="gs-visually-hidden">（{{ $t('me.unread', { n: inbox.unread }) }}）</span></van-tabbar-item>
    </van-tabbar>`,
};

const PUBLIC = ['/', '/login', '/register', '/password-reset', '/verify-document'];
onUnauthorized(() => {
  if (!PUBLIC.includes(route.path)) navigate('/login', { query: { next: here() }, replace: true });
});

// a new page starts at its top; the unread count follows who is signed in
watch(
  () => route.path,
  () => window.scrollTo(0, 0),
);
watch(
  () => session.me && session.me.id,
  (id) => {
    if (id) watchUnread();
    else inbox.unread = 0;
  },
  { immediate: true },
);

const app = createGuangshaApp(Shell);
app.config.globalProperties.document = document;
loadMe().finally(() => {
  watchModules();
  app.mount('#app');
});

// The citizen portal: mobile first, menu from the installed lines, core pages, lines' pages.
import { computed } from 'vue';
import { createGuangshaApp, session, loadMe, onUnauthorized, navigate, route, prefs, watchModules, RouterView, ModuleHost } from 'guangsha';
import { routes, NotFound } from './routes.js';
import { messages } from './messages.js';
import { addMessages } from 'guangsha';

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
    return { routes, NotFound, tab, session, prefs, toggleLocale, toggleElderly, navigate };
  },
  template: `
    <a class="gs-skip" href="#gs-main" @click.prevent="() => document.getElementById('gs-main').focus()">跳到正文 Skip to content</a>
    <header class="gs-header">
      <a href="#/" class="gs-brand" :aria-label="$t('app.name') + ' ' + $t('app.portal')"><span aria-hidden="true">廈</span> {{ $t('app.name') }} · {{ $t('app.portal') }}</a>
      <span class="gs-header-tools">
        <button type="button" class="gs-tool" @click="toggleLocale" :aria-label="prefs.locale === 'en' ? '切换到中文' : 'Switch to English'">{{ $t('common.language') }}</button>
        <button type="button" class="gs-tool" @click="toggleElderly" :aria-pressed="prefs.elderly ? 'true' : 'false'" data-testid="elderly-toggle">{{ prefs.elderly ? $t('common.elderlyOff') : $t('common.elderly') }}</button>
      </span>
    </header>
    <div id="gs-main" tabindex="-1" class="gs-main"><RouterView :routes="routes" :fallback="NotFound" /></div>
    <van-tabbar :model-value="tab" route-less fixed placeholder safe-area-inset-bottom class="gs-tabbar">
      <van-tabbar-item name="home" icon="wap-home-o" @click="navigate('/')">{{ $t('nav.home') }}</van-tabbar-item>
      <van-tabbar-item name="me" icon="user-o" @click="navigate('/me')">{{ $t('nav.me') }}</van-tabbar-item>
    </van-tabbar>`,
};

onUnauthorized(() => {
  if (!['/login', '/register'].includes(route.path)) navigate('/login', { query: { next: route.path } });
});

const app = createGuangshaApp(Shell);
app.config.globalProperties.document = document;
loadMe().finally(() => {
  watchModules();
  app.mount('#app');
});

// The caseworker and operator console: PC first, usable on a tablet. Staff only: anyone else is
// sent to the console's login page, which says so.
import { computed, watch } from 'vue';
import {
  createGuangshaApp, addMessages, session, loadMe, logout, onUnauthorized, navigate, route, prefs, t, local, RouterView,
  modules, offersPages, watchModules, refreshModules,
} from 'guangsha';
import { routes, NotFound } from './routes.js';
import { messages } from './messages.js';
import { isStaff, isOperator, homePath, roleWord, loadRegions, regionName } from './common.js';

addMessages(messages);

// The console's own styles, next to the shared ones the page already links.
const sheet = document.createElement('link');
sheet.rel = 'stylesheet';
sheet.href = '/web/console/console.css';
document.head.appendChild(sheet);
// No icon file is served: an empty one keeps the browser from asking for /favicon.ico (a 404).
if (!document.querySelector('link[rel~="icon"]')) {
  const icon = document.createElement('link');
  icon.rel = 'icon';
  icon.href = 'data:,';
  document.head.appendChild(icon);
}

const Shell = {
  components: { RouterView },
  setup() {
    const nav = computed(() => {
      const items = [{ path: '/queue', key: 'queue', match: ['/queue', '/cases/'] }];
      // the lines' console pages (BusinessModule.consoleMenu), for the signed-in role
      for (const m of modules.list) {
        if (!offersPages(m, 'console')) continue;
        for (const e of m.consoleMenu) {
          items.push({ path: `/m/${m.id}/${e.path}`, key: `m-${m.id}-${e.id}`, label: local(e.name), line: m.id });
        }
      }
      if (isOperator()) {
        items.push({ path: '/operator/modules', key: 'modules', match: ['/operator/modules'] });
        items.push({ path: '/operator/staff', key: 'staff', match: ['/operator/staff'] });
        items.push({ path: '/operator/audit', key: 'audit', match: ['/operator/audit'] });
      }
      return items;
    });
    /** A line's entry is current when it is the longest one the address starts with. */
    const lineEntry = computed(() => {
      let best = null;
      for (const item of nav.value) {
        if (!item.line) continue;
        const p = item.path.replace(/\/$/, '');
        if ((route.path === p || route.path.startsWith(`${p}/`)) && (!best || p.length > best.path.replace(/\/$/, '').length)) best = item;
      }
      return best;
    });
    const current = (item) =>
      item.line ? lineEntry.value === item : item.match.some((m) => route.path === m || (m.endsWith('/') && route.path.startsWith(m)));
    const region = computed(() => (session.me && session.me.regionCode ? regionName(session.me.regionCode) : ''));
    const who = computed(() => {
      if (!isStaff()) return '';
      const words = { name: session.me.name, role: roleWord(session.me), region: region.value };
      return t(region.value ? 'console.userRegion' : 'console.user', words);
    });
    const toggleLocale = () => {
      prefs.locale = prefs.locale === 'en' ? 'zh-CN' : 'en';
    };
    const toggleElderly = () => {
      prefs.elderly = !prefs.elderly;
    };
    async function signOut() {
      await logout();
      navigate('/login', { replace: true });
    }
    const focusMain = () => document.getElementById('gs-main').focus();
    return {
      routes, route, NotFound, session, prefs, nav, current, region, who, isStaff, roleWord, toggleLocale, toggleElderly, signOut, focusMain,
    };
  },
  template: `
    <a class="gs-skip" href="#gs-main" @click.prevent="focusMain">{{ $t('console.skip') }}</a>
    <header class="gs-header gs-c-header">
      <a href="#/" class="gs-brand" data-testid="console-home"><span aria-hidden="true">廈</span> {{ $t('app.name') }} · {{ $t('app.console') }}</a>
      <div v-if="isStaff()" class="gs-c-user" data-testid="console-user">
        <span class="gs-c-sr">{{ who }}</span>
        <van-icon name="manager-o" aria-hidden="true" />
        <strong data-testid="console-user-name" aria-hidden="true">{{ session.me.name }}</strong>
        <span class="gs-c-user-role" data-testid="console-user-role" aria-hidden="true">{{ roleWord(session.me) }}</span>
        <span v-if="region" class="gs-c-user-region" data-testid="console-user-region" aria-hidden="true">{{ region }}</span>
      </div>
      <span class="gs-header-tools">
        <button type="button" class="gs-tool" @click="toggleLocale" :aria-label="prefs.locale === 'en' ? '切换到中文' : 'Switch to English'" data-testid="locale-toggle">{{ $t('common.language') }}</button>
        <button type="button" class="gs-tool" @click="toggleElderly" :aria-pressed="prefs.elderly ? 'true' : 'false'" data-testid="elderly-toggle">{{ prefs.elderly ? $t('common.elderlyOff') : $t('common.elderly') }}</button>
        <button v-if="session.token" type="button" class="gs-tool" @click="signOut" data-testid="logout">{{ $t('nav.logout') }}</button>
      </span>
    </header>
    <nav v-if="isStaff()" class="gs-c-nav" :aria-label="$t('console.nav.label')">
      <a v-for="item in nav" :key="item.key" :href="'#' + item.path" :aria-current="current(item) ? 'page' : null"
        :class="{ 'gs-c-nav-current': current(item) }" :data-testid="'nav-' + item.key">{{ item.label || $t('console.nav.' + item.key) }}</a>
    </nav>
    <main id="gs-main" tabindex="-1" class="gs-c-main">
      <RouterView v-if="isStaff() || route.path === '/login'" :routes="routes" :fallback="NotFound" />
      <p v-else class="gs-loading" role="status">{{ $t('common.loading') }}</p>
    </main>`,
};

/** Sends the reader where they may be: the login page unless staff, the role's start page at #/. */
function guard() {
  if (route.path === '/login') {
    if (isStaff()) navigate(route.query.next && route.query.next !== '/login' ? route.query.next : homePath(), { replace: true });
    return;
  }
  if (!isStaff()) {
    navigate('/login', { query: route.path === '/' ? {} : { next: route.path }, replace: true });
    return;
  }
  if (route.path === '/') navigate(homePath(), { replace: true });
}

onUnauthorized(() => {
  if (route.path !== '/login') navigate('/login', { query: { next: route.path }, replace: true });
});

loadMe()
  .catch(() => null)
  .finally(() => {
    if (isStaff()) loadRegions();
    watch(() => [route.path, session.me && session.me.id, session.me && session.me.kind], guard, { immediate: true });
    watch(() => isStaff(), (staff) => staff && loadRegions());
    // The lines and their console entries depend on who asks: read them again whenever the
    // signed-in staff member changes, and keep them fresh as lines come and go.
    let watching = false;
    watch(
      () => (isStaff() ? `${session.me.id}/${(session.me.roles || []).join(',')}` : ''),
      (who) => {
        if (!who) {
          modules.list = [];
          return;
        }
        if (watching) refreshModules();
        else {
          watching = true;
          watchModules();
        }
      },
      { immediate: true },
    );
    createGuangshaApp(Shell).mount('#app');
  });

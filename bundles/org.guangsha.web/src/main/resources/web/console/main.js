// The caseworker and operator console: PC first.
import { createGuangshaApp, loadMe, onUnauthorized, navigate, route, session, RouterView } from 'guangsha';
import { routes, NotFound } from './routes.js';

const Shell = {
  components: { RouterView },
  setup() {
    return { routes, NotFound, session };
  },
  template: `
    <header class="gs-header"><a href="#/" class="gs-brand">{{ $t('app.name') }} · {{ $t('app.console') }}</a>
      <span v-if="session.me" class="gs-header-tools">{{ session.me.name }}</span></header>
    <div class="gs-main"><RouterView :routes="routes" :fallback="NotFound" /></div>`,
};

onUnauthorized(() => route.path !== '/login' && navigate('/login', { query: { next: route.path } }));
loadMe().finally(() => createGuangshaApp(Shell).mount('#app'));

// The console's pages, under the hash: #/queue, #/cases/:id, #/operator/...; #/ goes to the start
// page of the signed-in role. A line's console pages (its /ui/<id>/console.js) come in under
// #/m/<module-id>/ through the shared module host.
import { defineComponent, h } from 'vue';
import { ModuleHost } from 'guangsha';
import { Login } from './pages/login.js';
import { Queue } from './pages/queue.js';
import { CaseDetail } from './pages/case.js';
import { Modules } from './pages/modules.js';
import { Staff } from './pages/staff.js';
import { Audit } from './pages/audit.js';

/** Shown for an address no page answers. */
export const NotFound = {
  template: `
    <div class="gs-empty" role="alert" data-testid="not-found">
      <h1>{{ $t('notFound.title') }}</h1><p>{{ $t('notFound.text') }}</p>
      <a href="#/">{{ $t('notFound.home') }}</a>
    </div>`,
};

/** #/: the shell sends the reader on to the start page of their role. */
const Home = { template: `<p class="gs-loading" role="status">{{ $t('common.loading') }}</p>` };

export const routes = [
  { path: '/', component: Home },
  { path: '/login', component: Login },
  { path: '/queue', component: Queue },
  { path: '/cases/:id', component: CaseDetail },
  { path: '/operator/modules', component: Modules },
  { path: '/operator/staff', component: Staff },
  { path: '/operator/audit', component: Audit },
  { path: '/m/:module/*', component: defineComponent({ name: 'GsConsoleModuleHost', setup: () => () => h(ModuleHost, { page: 'console', notFound: NotFound }) }) },
];

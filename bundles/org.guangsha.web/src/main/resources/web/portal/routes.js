// The portal's pages. Lines' pages come in under /m/<module-id>/ through the module host.
import { ModuleHost } from 'guangsha';
import { Home } from './home.js';
import { Login } from './pages/login.js';

/** Shown for an address no page answers. */
export const NotFound = {
  template: `
    <div class="gs-empty" role="alert">
      <h1>{{ $t('notFound.title') }}</h1><p>{{ $t('notFound.text') }}</p>
      <a href="#/">{{ $t('notFound.home') }}</a>
    </div>`,
};

export const routes = [
  { path: '/', component: Home },
  { path: '/login', component: Login },
  { path: '/m/:module/*', component: ModuleHost },
];

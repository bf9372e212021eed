// The console's pages.
import { Login } from '../portal/pages/login.js';

/** Shown for an address no page answers. */
export const NotFound = { template: `<div class="gs-empty" role="alert"><h1>{{ $t('notFound.title') }}</h1><a href="#/">{{ $t('notFound.home') }}</a></div>` };

export const routes = [{ path: '/login', component: Login }];

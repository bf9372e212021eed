// The portal's pages. Lines' pages come in under /m/<module-id>/ through the module host.
import { ModuleHost, navigate, route } from 'guangsha';
import { Home } from './home.js';
import { Login } from './pages/login.js';
import { Register } from './pages/register.js';
import { PasswordReset } from './pages/password-reset.js';
import { VerifyPrompt } from './pages/verify-prompt.js';
import { Face } from './pages/face.js';
import { Me } from './pages/me.js';
import { Cases, CaseDetail } from './pages/cases.js';
import { Documents } from './pages/documents.js';
import { Attachments } from './pages/attachments.js';
import { Notifications } from './pages/notifications.js';
import { Signing } from './pages/signing.js';
import { Pay } from './pages/pay.js';
import { VerifyDocument } from './pages/verify-document.js';

/** Shown for an address no page answers. */
export const NotFound = {
  template: `
    <div class="gs-empty" role="alert">
      <h1>{{ $t('notFound.title') }}</h1><p>{{ $t('notFound.text') }}</p>
      <a href="#/">{{ $t('notFound.home') }}</a>
    </div>`,
};

/** Links in messages name `/cases/<id>`: the case's page in the portal. */
const CaseLink = {
  setup() {
    navigate(`/me/cases/${encodeURIComponent(route.params.id)}`, { replace: true });
    return () => null;
  },
};

export const routes = [
  { path: '/', component: Home },
  { path: '/login', component: Login },
  { path: '/register', component: Register },
  { path: '/password-reset', component: PasswordReset },
  { path: '/verify-prompt', component: VerifyPrompt },
  { path: '/face', component: Face },
  { path: '/me', component: Me },
  { path: '/me/cases', component: Cases },
  { path: '/me/cases/:id', component: CaseDetail },
  { path: '/me/documents', component: Documents },
  { path: '/me/attachments', component: Attachments },
  { path: '/me/notifications', component: Notifications },
  { path: '/cases/:id', component: CaseLink },
  { path: '/signing/:id', component: Signing },
  { path: '/pay/:id', component: Pay },
  { path: '/verify-document', component: VerifyDocument },
  { path: '/m/:module/*', component: ModuleHost },
];

// The pages of the Shenzhen public-rental line, loaded by the portal at #/m/shenzhen-rental/… (the
// portal's module host). Shared pieces come from 'guangsha'; words are in messages.js (Chinese
// first). The personal page (SZ-1) comes with this module; the service pages are loaded when first
// opened. Each service keeps the path the personal page's menu names (ServiceMenu.java).
import { defineAsyncComponent } from 'vue';
import { Home } from './home.js';
import { messages as own } from './messages.js';
import { changeRoutes } from './changes.js';
import { recordRoutes, recordsMessages } from './records.js';
import { renewalMessages, renewalRoutes } from './renewal.js';
import { rentRoutes } from './rent.js';
import { rentMessages } from './rent-messages.js';

/** The words of the parts, one object per language (each part has its own top-level key). */
function merged(...parts) {
  const out = {};
  for (const part of parts) {
    for (const [lang, words] of Object.entries(part)) out[lang] = { ...(out[lang] || {}), ...words };
  }
  return out;
}

// eslint-disable-next-line no-unused-vars -- the service pages' routes use it
const later = (file, name) => defineAsyncComponent(() => import(file).then((m) => m[name]));

export default {
  routes: [
    // SZ-1: the personal page (个人服务页)
    { path: '', component: Home },
    // SZ-4 rent payment (ui/rent*.js): rent (the caller's leases), rent/:leaseId (the bills)
    ...rentRoutes,
    // SZ-6 … SZ-8 records and prints (ui/records*.js)
    ...recordRoutes,
    // SZ-2 lease renewal (ui/renewal.js): renewal, economic-check, signing
    ...renewalRoutes,
    // SZ-3 changes, SZ-5 employer-changes (ui/changes.js)
    ...changeRoutes,
  ],
  messages: merged(own, recordsMessages, rentMessages, renewalMessages),
};

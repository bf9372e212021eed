// The pages of the online selection line, loaded by the portal at #/m/selection/… (the portal's
// module host). Shared pieces come from 'guangsha'; words are in messages.js (Chinese first). The
// selection pages come with this module; the broadcast, the public pages and the signing are
// loaded when first opened.
import { defineAsyncComponent } from 'vue';
import { Start, Declaration } from './start.js';
import { Preselect, PreCart } from './preselect.js';
import { Formal } from './formal.js';
import { Result, Supplement } from './outcome.js';
import { messages } from './messages.js';

const later = (file, name) => defineAsyncComponent(() => import(file).then((m) => m[name]));

export default {
  routes: [
    { path: '', component: Start },
    { path: 'family/:fid/declaration', component: Declaration },
    { path: 'family/:fid/pre', component: Preselect },
    { path: 'family/:fid/pre/cart', component: PreCart },
    { path: 'family/:fid/formal', component: Formal },
    { path: 'family/:fid/result', component: Result },
    { path: 'family/:fid/supplement', component: Supplement },
    { path: 'family/:fid/signing', component: later('./signing.js', 'Signing') },
    { path: 'family/:fid/materials', component: later('./signing.js', 'Materials') },
    // public, no login: the availability broadcast, the published results and assignment runs
    { path: 'broadcast/:bid', component: later('./broadcast.js', 'Broadcast') },
    { path: 'public', component: later('./public.js', 'PublicBatches') },
    { path: 'public/runs/:runId', component: later('./public.js', 'PublicRun') },
    { path: 'public/:bid', component: later('./public.js', 'PublicResults') },
  ],
  messages,
};

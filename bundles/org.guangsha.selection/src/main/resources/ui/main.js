// The pages of the online selection line, loaded by the portal at #/m/selection/… (the portal's
// module host). Shared pieces come from 'guangsha'; words are in messages.js (Chinese first).
import { Start, Declaration } from './start.js';
import { Preselect, PreCart } from './preselect.js';
import { Formal } from './formal.js';
import { Result, Supplement } from './outcome.js';
import { Broadcast } from './broadcast.js';
import { Signing, Materials } from './signing.js';
import { PublicBatches, PublicResults, PublicRun } from './public.js';
import { messages } from './messages.js';

export default {
  routes: [
    { path: '', component: Start },
    { path: 'family/:fid/declaration', component: Declaration },
    { path: 'family/:fid/pre', component: Preselect },
    { path: 'family/:fid/pre/cart', component: PreCart },
    { path: 'family/:fid/formal', component: Formal },
    { path: 'family/:fid/result', component: Result },
    { path: 'family/:fid/supplement', component: Supplement },
    { path: 'family/:fid/signing', component: Signing },
    { path: 'family/:fid/materials', component: Materials },
    // public, no login: the availability broadcast, the published results and assignment runs
    { path: 'broadcast/:bid', component: Broadcast },
    { path: 'public', component: PublicBatches },
    { path: 'public/runs/:runId', component: PublicRun },
    { path: 'public/:bid', component: PublicResults },
  ],
  messages,
};

// The citizen pages of the Jiangxi one-stop public rental application (江西省公租房申请一件事),
// loaded by the portal at #/m/jiangxi/…: the way in (consent, region, notice), the face check,
// the four-step form and 我的申请. The form steps (form/*.js) are also mounted by the console for
// counter filing. Words are in messages.js (Chinese first).
import { Start, Consent, Region, Notice } from './start.js';
import { Face } from './face.js';
import { MyApplications, ApplicationDetail, FormPage } from './applications.js';
import { messages } from './messages.js';

export default {
  routes: [
    { path: '', component: Start },
    { path: 'consent', component: Consent },
    { path: 'region', component: Region },
    { path: 'notice', component: Notice },
    { path: 'applications', component: MyApplications },
    // the portal menu's 我的申请
    { path: 'mine', component: MyApplications },
    { path: 'applications/:id', component: ApplicationDetail },
    { path: 'applications/:id/face', component: Face },
    { path: 'applications/:id/form', component: FormPage },
  ],
  messages,
};

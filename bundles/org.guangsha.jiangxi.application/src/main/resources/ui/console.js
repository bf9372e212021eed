// The Jiangxi line's pages in the staff console (窗口代办, JX-1), loaded at /console/#/m/jiangxi/
// (the platform lists them through JiangxiModule.consoleMenu): at the service-hall counter a
// caseworker finds or registers the citizen and files the application on their behalf with the
// citizen pages' own form steps (ui/form/). The citizen pages are main.js; the county and city
// review the cases in the console's queue.
import { ensureStylesheet } from 'guangsha';
import { CounterHome } from './console/home.js';
import { OpenApplication } from './console/open.js';
import { CounterForm } from './console/form.js';
import { messages } from './console/messages.js';

ensureStylesheet('/ui/jiangxi/console/console.css');

export default {
  routes: [
    { path: '', component: CounterHome },
    { path: 'citizens/:cid/new', component: OpenApplication },
    { path: 'applications/:id', component: CounterForm },
  ],
  messages,
};

// The selection line's pages in the staff console, loaded at /console/#/m/selection/ (the platform
// lists them through SelectionModule.consoleMenu). Caseworkers read; operators import batches,
// close sessions and publish supplementary sessions. The citizen pages are main.js.
import { ensureStylesheet } from 'guangsha';
import { BatchList } from './console/batches.js';
import { ImportBatch } from './console/import.js';
import { BatchDetail } from './console/batch.js';
import { messages } from './console/messages.js';

ensureStylesheet('/ui/selection/console/console.css');

export default {
  routes: [
    { path: '', component: BatchList },
    { path: 'import', component: ImportBatch },
    { path: 'batches/:bid', component: BatchDetail },
  ],
  messages,
};

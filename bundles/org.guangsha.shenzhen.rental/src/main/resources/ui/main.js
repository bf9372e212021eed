// The citizen pages of the Shenzhen public-rental services (住房保障个人服务), loaded by the portal
// at #/m/shenzhen-rental/…. Each service brings its routes and words: rent payment (SZ-4) from
// rent.js and rent-messages.js.
import { rentRoutes } from './rent.js';
import { rentMessages } from './rent-messages.js';

/** Merges the words of each service (`{'zh-CN': {...}, en: {...}}`). */
function merged(...sets) {
  const out = { 'zh-CN': {}, en: {} };
  for (const s of sets) {
    Object.assign(out['zh-CN'], s['zh-CN']);
    Object.assign(out.en, s.en);
  }
  return out;
}

export default {
  routes: [...rentRoutes],
  messages: merged(rentMessages),
};

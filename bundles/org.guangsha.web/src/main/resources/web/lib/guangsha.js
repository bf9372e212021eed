// The shared library of the portal, the console and every line's pages: import { ... } from 'guangsha'.
// Lines never copy these pieces; they import them.
import { createApp } from 'vue';
import Vant from 'vant';
import { i18n } from './i18n.js';

export { api, ApiError, session, setToken, clearToken, loadMe, logout, onUnauthorized, hasTrustLevel, TRUST_LEVELS } from './api.js';
export { prefs } from './prefs.js';
export { i18n, addMessages, t, local } from './i18n.js';
export { route, navigate, back, match, RouterView } from './router.js';
export { modules, refreshModules, watchModules, loadModulePages, offersPages, ModuleHost } from './modules.js';
export { useProblem, GsProblem, GsPage, GsTimeline, GsText, eventText, confirmTwice, formatTime, yuan } from './components.js';
export { maskIdNumber, maskMobile, checkIdNumber, checkMobile } from './checks.js';

/** A Vue application with Vant and the shared words installed. */
export function createGuangshaApp(root) {
  return createApp(root).use(Vant).use(i18n);
}
export { GsUpload, formatBytes } from './upload.js';
export { GsSignaturePad } from './signature.js';
export { GsCountdownReader } from './reader.js';
export { GsQrStatus } from './qr.js';
export { GsFaceCheck, isPhone } from './face.js';
export { GsSteps } from './steps.js';
export { ensureStylesheet } from './styles.js';
export { GsAttachmentViewer } from './viewer.js';
export { apiOperations, hasApi } from './capabilities.js';
export { blobUrl, openFile, downloadFile, printFile, fileAction } from './files.js';
export { followCase } from './cases.js';

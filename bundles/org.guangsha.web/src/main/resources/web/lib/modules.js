// The business lines installed now (GET /api/platform/modules) and the host that loads a line's
// pages from /ui/<module-id>/main.js (portal) or /ui/<module-id>/console.js (console) at run time. Installing or removing a line's feature changes
// the list within seconds; nothing here is rebuilt or restarted.
import { defineComponent, reactive, shallowRef, watch, h } from 'vue';
import { api } from './api.js';
import { addMessages } from './i18n.js';
import { route, match } from './router.js';

/** `list` of modules (as the server describes them), `loaded` once the first answer came. */
export const modules = reactive({ list: [], loaded: false, error: null });

let timer = null;

/** Reads the module list now. */
export async function refreshModules() {
  try {
    modules.list = await api.get('platform/modules');
    modules.error = null;
  } catch (e) {
    modules.error = e;
  }
  modules.loaded = true;
  return modules.list;
}

/** Keeps the list fresh: every `seconds`, and whenever the page comes back into view. */
export function watchModules(seconds = 10) {
  refreshModules();
  if (timer) clearInterval(timer);
  timer = setInterval(() => document.visibilityState === 'visible' && refreshModules(), seconds * 1000);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && refreshModules());
}

const loaded = new Map();

/** The pages a line may serve: `main` for the portal, `console` for the staff console. */
const PAGES = ['main', 'console'];

/** Whether `module` (as the list describes it) offers `page`: every line has `main`; `console` only with console menu entries. */
export function offersPages(module, page = 'main') {
  if (!module) return false;
  return page === 'main' || (page === 'console' && Array.isArray(module.consoleMenu) && module.consoleMenu.length > 0);
}

/**
 * Loads a line's pages. A line's `/ui/<id>/main.js` (the portal's) and `/ui/<id>/console.js` (the
 * console's, only for a line with console menu entries) default-export
 * `{routes: [{path, component}], messages?: {'zh-CN': {...}, en: {...}}}` with paths relative to
 * the line ('' is its start page, 'cases/:id' a case).
 */
export async function loadModulePages(id, page = 'main') {
  if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`bad module id ${id}`);
  if (!PAGES.includes(page)) throw new Error(`bad page ${page}`);
  const key = `${id}/${page}`;
  if (!loaded.has(key)) {
    const promise = import(`/ui/${id}/${page}.js`).then((m) => {
      const pages = m.default || m;
      if (pages.messages) addMessages(pages.messages);
      return pages;
    });
    loaded.set(key, promise);
    promise.catch(() => loaded.delete(key));
  }
  return loaded.get(key);
}

/**
 * Shows the page of a line the address names: `#/m/<module-id>/<path>`. `page` picks the line's
 * script (`main` in the portal, `console` in the console); a script other than `main` is loaded only
 * once the module list says the line offers it, so a line without console pages costs no request.
 */
export const ModuleHost = defineComponent({
  name: 'GsModuleHost',
  props: { notFound: Object, page: { type: String, default: 'main' } },
  setup(props) {
    const state = reactive({ loading: true, failed: false });
    const pages = shallowRef(null);
    let wanted = null;
    async function load(id) {
      wanted = id;
      state.loading = true;
      state.failed = false;
      try {
        const p = await loadModulePages(id, props.page);
        if (wanted === id) pages.value = p;
      } catch (e) {
        if (wanted === id) {
          pages.value = null;
          state.failed = true;
        }
      }
      if (wanted === id) state.loading = false;
    }
    const listed = () => modules.list.find((m) => m.id === route.params.module);
    watch(
      () => {
        const id = route.params.module;
        if (!id) return null;
        if (props.page === 'main') return id;
        // other pages wait for the list, and are only asked for when the line offers them
        if (!modules.loaded) return '';
        return offersPages(listed(), props.page) ? id : '-';
      },
      (id) => {
        if (id === null || id === '') return;
        if (id === '-') {
          wanted = null;
          pages.value = null;
          state.loading = false;
          return;
        }
        if (id !== wanted || !pages.value) load(id);
      },
      { immediate: true },
    );
    return () => {
      if (state.loading) return h('p', { class: 'gs-loading', role: 'status' }, '正在打开… Opening…');
      const installed = offersPages(listed(), props.page);
      if (state.failed || !pages.value || (modules.loaded && !installed)) {
        return h('div', { class: 'gs-empty', role: 'alert', 'data-testid': 'module-unavailable' }, [
          h('p', '该业务未安装或已停用。'),
          h('p', { class: 'gs-muted', lang: 'en' }, 'This service is not installed or was switched off.'),
          h('a', { href: '#/' }, '返回首页 Home'),
        ]);
      }
      const rest = route.params['*'] || '';
      for (const r of pages.value.routes || []) {
        const params = match(`/${r.path}`, `/${rest}`);
        if (params) {
          return h(r.component, { key: `${route.params.module}/${rest}`, params });
        }
      }
      return props.notFound ? h(props.notFound) : null;
    };
  },
});

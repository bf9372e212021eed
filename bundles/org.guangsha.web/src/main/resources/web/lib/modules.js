// The business lines installed now (GET /api/platform/modules) and the host that loads a line's
// pages from /ui/<module-id>/main.js at run time. Installing or removing a line's feature changes
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

/**
 * Loads a line's pages. A line's `/ui/<id>/main.js` default-exports
 * `{routes: [{path, component}], messages?: {'zh-CN': {...}, en: {...}}}` with paths relative to
 * the line ('' is its start page, 'cases/:id' a case).
 */
export async function loadModulePages(id) {
  if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`bad module id ${id}`);
  if (!loaded.has(id)) {
    const promise = import(`/ui/${id}/main.js`).then((m) => {
      const pages = m.default || m;
      if (pages.messages) addMessages(pages.messages);
      return pages;
    });
    loaded.set(id, promise);
    promise.catch(() => loaded.delete(id));
  }
  return loaded.get(id);
}

/** Shows the page of a line the address names: `#/m/<module-id>/<path>`. */
export const ModuleHost = defineComponent({
  name: 'GsModuleHost',
  props: { notFound: Object },
  setup(props) {
    const state = reactive({ loading: true, failed: false });
    const pages = shallowRef(null);
    async function load(id) {
      state.loading = true;
      state.failed = false;
      try {
        pages.value = await loadModulePages(id);
      } catch (e) {
        pages.value = null;
        state.failed = true;
      }
      state.loading = false;
    }
    watch(
      () => route.params.module,
      (id) => id && load(id),
      { immediate: true },
    );
    return () => {
      if (state.loading) return h('p', { class: 'gs-loading', role: 'status' }, '正在打开… Opening…');
      const installed = modules.list.some((m) => m.id === route.params.module);
      if (state.failed || !pages.value || (modules.loaded && !installed)) {
        return h('div', { class: 'gs-empty', role: 'alert' }, [
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

// A small hash router: the pages are static files, so the address after '#' picks the page.
// Patterns: '/me/cases/:id' (a named part), '/m/:module/*' (the rest in params['*']).
import { reactive, defineComponent, h, computed, watchEffect } from 'vue';

/** The current address: `path`, `query` and the `params` of the matched route. */
export const route = reactive({ path: '/', query: {}, params: {} });

function parse() {
  const hash = decodeURI(location.hash.replace(/^#/, '')) || '/';
  const at = hash.indexOf('?');
  route.path = at < 0 ? hash : hash.substring(0, at);
  route.query = Object.fromEntries(new URLSearchParams(at < 0 ? '' : hash.substring(at + 1)));
}
window.addEventListener('hashchange', parse);
parse();

/** Goes to `path` (with an optional query object); `replace` keeps the history entry. */
export function navigate(path, { query, replace } = {}) {
  let target = path;
  if (query) {
    const q = new URLSearchParams(query).toString();
    if (q) target += `?${q}`;
  }
  if (replace) location.replace(`#${target}`);
  else location.hash = target;
}

/** Back in history, or to `fallback` when this page was opened directly. */
export function back(fallback = '/') {
  if (history.length > 1) history.back();
  else navigate(fallback, { replace: true });
}

/** The params when `pattern` matches `path`, else null. */
export function match(pattern, path) {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  const params = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '*') {
      params['*'] = s.slice(i).join('/');
      return params;
    }
    if (i >= s.length) return null;
    if (p[i].startsWith(':')) params[p[i].substring(1)] = decodeURIComponent(s[i]);
    else if (p[i] !== s[i]) return null;
  }
  return p.length === s.length ? params : null;
}

/**
 * Shows the first route of `routes` ([{path, component}]) matching `path` (default: the address),
 * or `fallback`. The matched params land in `route.params`.
 */
export const RouterView = defineComponent({
  name: 'GsRouterView',
  props: { routes: { type: Array, required: true }, path: String, fallback: Object },
  setup(props) {
    const current = computed(() => {
      const path = props.path === undefined ? route.path : props.path;
      for (const r of props.routes) {
        const params = match(r.path, path);
        if (params) return { r, params, path };
      }
      return null;
    });
    watchEffect(
      () => {
        if (current.value) route.params = { ...route.params, ...current.value.params };
      },
      { flush: 'pre' },
    );
    return () => {
      if (!current.value) return props.fallback ? h(props.fallback) : null;
      return h(current.value.r.component, { key: current.value.r.path + '|' + current.value.path });
    };
  },
});

// A core case followed live: read once, then long-polled at `cases/{id}/progress` (the server
// answers when the case changes or after `wait` seconds), so a page shows a caseworker's decision
// without reloading and without asking every few seconds.
import { api } from './api.js';

/**
 * Follows a core case: reads it, then long-polls `/progress` until stopped; `changed(case, live)`
 * with the first read and every newer version (`live` 'on'; 'off' when `once` or unreadable;
 * 'retrying' while the connection is down). Returns a stop function.
 */
export function followCase(id, changed, once = false) {
  let alive = !once;
  let controller = null;
  let version = -1;
  (async () => {
    try {
      const c = await api.get(`cases/${encodeURIComponent(id)}`);
      version = c.version;
      changed(c, once ? 'off' : 'on');
    } catch (e) {
      changed(null, 'off');
      return;
    }
    while (alive) {
      controller = new AbortController();
      try {
        const c = await api.get(`cases/${encodeURIComponent(id)}/progress`, { since: version, wait: 25 }, { signal: controller.signal });
        if (!alive) return;
        if (c && c.version > version) {
          version = c.version;
          changed(c, 'on');
        }
      } catch (e) {
        if (!alive || e.name === 'AbortError') return;
        changed(null, 'retrying');
        await new Promise((r) => setTimeout(r, 5000));
      }
    }
  })();
  return () => {
    alive = false;
    if (controller) controller.abort();
  };
}

// Which REST operations this installation answers right now, read from its OpenAPI description
// (GET /api/openapi.json, built from the resources installed at that moment). Pages ask before
// calling an endpoint a feature may not have installed, instead of provoking a 404.
import { api } from './api.js';

let cached = null;
let readAt = 0;

/** `{'/platform/modules': ['GET'], ...}`: paths without `/api`, as the description names them. */
export function apiOperations({ maxAgeSeconds = 60 } = {}) {
  if (!cached || Date.now() - readAt > maxAgeSeconds * 1000) {
    readAt = Date.now();
    cached = api.get('openapi.json').then((doc) => {
      const ops = {};
      for (const [path, item] of Object.entries((doc && doc.paths) || {})) {
        ops[path] = Object.keys(item).map((m) => m.toUpperCase());
      }
      return ops;
    });
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

/**
 * Whether `method` on `path` exists now, e.g. `hasApi('POST', '/identity/staff/{id}/disable')`
 * (path as a template, with or without `/api`). False when the description cannot be read.
 */
export async function hasApi(method, path) {
  try {
    const ops = await apiOperations();
    const key = path.replace(/^\/api(?=\/)/, '');
    return !!ops[key] && ops[key].includes(method.toUpperCase());
  } catch (e) {
    return false;
  }
}

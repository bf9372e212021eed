// The one HTTP client of every page: bearer token, language, problem+json errors.
import { reactive } from 'vue';

// The console keeps its own login: a caseworker signing in at a shared counter PC must not replace
// (or reuse) a citizen's portal login in the same browser, nor the other way round.
const SCOPE = document.body && document.body.classList.contains('gs-console') ? 'guangsha.console' : 'guangsha';
const TOKEN_KEY = `${SCOPE}.token`;
const EXPIRES_KEY = `${SCOPE}.token.expiresAt`;

/** Who is signed in: the token (kept across reloads in this browser) and the /me answer. */
export const session = reactive({
  token: localStorage.getItem(TOKEN_KEY),
  expiresAt: localStorage.getItem(EXPIRES_KEY),
  me: null,
});

/** An error answer: the status and its problem+json body (RFC 7807 with `errors` per field). */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || { title: `HTTP ${status}`, status, errors: [] };
  }

  /** `{field: {zh, en}}` of the fields the server named. */
  get fields() {
    const out = {};
    for (const e of this.problem.errors || []) {
      if (e.field) out[e.field] = { zh: e.message, en: e.messageEn || e.message };
    }
    return out;
  }

  /** The problem's slug, e.g. `validation` for `urn:guangsha:problem:validation`. */
  get slug() {
    const type = this.problem.type || '';
    return type.startsWith('urn:guangsha:problem:') ? type.substring(21) : type;
  }
}

const unauthorizedHandlers = [];
/** Called when the server says the token is no longer good (401), e.g. to show the login page. */
export function onUnauthorized(handler) {
  unauthorizedHandlers.push(handler);
}

let languageOf = () => 'zh-CN';
/** Lets the i18n part tell the client which language to ask for. */
export function setLanguageSource(source) {
  languageOf = source;
}

function url(path, query) {
  let u = path.startsWith('/') ? path : `/api/${path}`;
  if (query) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      if (v !== undefined && v !== null && v !== '') q.append(k, v);
    }
    const s = q.toString();
    if (s) u += (u.includes('?') ? '&' : '?') + s;
  }
  return u;
}

function headers(extra) {
  const h = { Accept: 'application/json, application/problem+json', 'Accept-Language': languageOf(), ...extra };
  if (session.token) h.Authorization = `Bearer ${session.token}`;
  return h;
}

/** The error of a request that never reached the server. */
function networkError() {
  return new ApiError(0, {
    title: '网络不通，请检查网络后重试',
    titleEn: 'Network unreachable, please check your connection and retry',
    status: 0,
    errors: [],
  });
}

/** A 401 with a token: the token is no longer good; forget it and tell the page. */
function tokenRefused(status) {
  if (status === 401 && session.token) {
    clearToken();
    unauthorizedHandlers.forEach((h) => h());
  }
}

async function fail(response) {
  let problem = null;
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      problem = await response.json();
    } catch (e) {
      problem = null;
    }
  }
  tokenRefused(response.status);
  const retryAfter = response.headers.get('Retry-After');
  const error = new ApiError(response.status, problem);
  if (retryAfter) error.retryAfter = Number(retryAfter);
  throw error;
}

async function request(method, path, { query, body, headers: extra, signal } = {}) {
  const init = { method, headers: headers(extra), signal };
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url(path, query), init);
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw networkError();
  }
  if (!response.ok) await fail(response);
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

/** REST calls; a path without a leading slash is under /api/. */
export const api = {
  get: (path, query, options = {}) => request('GET', path, { ...options, query }),
  post: (path, body = {}, options = {}) => request('POST', path, { ...options, body }),
  put: (path, body = {}, options = {}) => request('PUT', path, { ...options, body }),
  del: (path, options = {}) => request('DELETE', path, options),
  /** Multipart upload with progress (0..1), which fetch cannot report. */
  upload(path, formData, onProgress) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', url(path));
      for (const [k, v] of Object.entries(headers({}))) xhr.setRequestHeader(k, v);
      xhr.upload.onprogress = (e) => onProgress && e.lengthComputable && onProgress(e.loaded / e.total);
      xhr.onerror = () => reject(networkError());
      xhr.onload = () => {
        let json = null;
        try {
          json = JSON.parse(xhr.responseText);
        } catch (e) {
          json = null;
        }
        if (xhr.status >= 200 && xhr.status < 300) resolve(json);
        else {
          tokenRefused(xhr.status);
          reject(new ApiError(xhr.status, json));
        }
      };
      xhr.send(formData);
    });
  },
  /** A file the caller may read (PDF, photo) as a Blob: links cannot carry the bearer token. */
  async blob(path, query) {
    let response;
    try {
      response = await fetch(url(path, query), { headers: headers({ Accept: '*/*' }) });
    } catch (e) {
      throw networkError();
    }
    if (!response.ok) await fail(response);
    return response.blob();
  },
};

/** Keeps a new token (after login) in this browser. */
export function setToken(token, expiresAt) {
  session.token = token;
  session.expiresAt = expiresAt || null;
  localStorage.setItem(TOKEN_KEY, token);
  if (expiresAt) localStorage.setItem(EXPIRES_KEY, expiresAt);
}

/** Forgets the token and the profile. */
export function clearToken() {
  session.token = null;
  session.expiresAt = null;
  session.me = null;
  localStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(EXPIRES_KEY);
}

/** Reads /me into the session (null when nobody is signed in). */
export async function loadMe() {
  if (!session.token) {
    session.me = null;
    return null;
  }
  try {
    session.me = await api.get('identity/me');
  } catch (e) {
    if (e.status === 401) return null;
    throw e;
  }
  return session.me;
}

/** Signs out on the server (the token is revoked) and here. */
export async function logout() {
  try {
    if (session.token) await api.post('identity/logout');
  } catch (e) {
    // The token is forgotten here whatever the server said.
  }
  clearToken();
}

/** Trust levels in order (DOMAIN.md I-4). */
export const TRUST_LEVELS = ['L1', 'L2', 'L3'];

/** Whether the signed-in account reaches `level`. */
export function hasTrustLevel(level) {
  const mine = session.me && session.me.trustLevel;
  return !!mine && TRUST_LEVELS.indexOf(mine) >= TRUST_LEVELS.indexOf(level);
}

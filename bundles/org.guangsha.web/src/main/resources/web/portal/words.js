// Helpers the portal's pages share: sign-in guard, words for levels and states, files as blobs,
// and the unread-message count shown on 我的.
import { reactive } from 'vue';
import { api, session, navigate, route, t, ensureStylesheet } from 'guangsha';

ensureStylesheet('/web/portal/portal.css');

/** The address of the page shown now, with its query, to come back to after signing in. */
export function here() {
  const q = new URLSearchParams(route.query).toString();
  return route.path + (q ? `?${q}` : '');
}

/** Sends a visitor who is not signed in to the login page; true when someone is signed in. */
export function requireLogin() {
  if (session.me) return true;
  navigate('/login', { query: { next: here() }, replace: true });
  return false;
}

/** Only same-app targets (`/me/cases/1`), never another site, after login or verification. */
export function safeNext(next, fallback = '/') {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : fallback;
}

/** Goes to a `next` address that may carry its own query (`/face?purpose=verify`). */
export function go(target, replace = true) {
  const at = target.indexOf('?');
  if (at < 0) navigate(target, { replace });
  else navigate(target.substring(0, at), { query: Object.fromEntries(new URLSearchParams(target.substring(at + 1))), replace });
}

/** `L2 · 已实名认证`. */
export function trustWords(level) {
  if (!level) return '';
  return `${level} · ${t(`trust.${level}`)}`;
}

/** Words for roles the server names. */
export function roleWords(role) {
  const key = `roles.${role}`;
  const words = t(key);
  return words === key ? role : words;
}

/** Whether this looks like a phone (touch first, narrow): the library's, which GsFaceCheck uses too. */
export { isPhone } from 'guangsha';

/** Files of the API as blobs: the library's (lines use them too). */
export { blobUrl, openFile, downloadFile, printFile } from 'guangsha';

/** Where a notification's link leads in the portal (`/cases/42` → `/me/cases/42`). */
export function portalLink(link) {
  if (!link || typeof link !== 'string' || !link.startsWith('/')) return null;
  if (link.startsWith('/cases/')) return `/me${link}`;
  if (link.startsWith('/documents')) return '/me/documents';
  if (link.startsWith('/notifications')) return '/me/notifications';
  return link;
}

/** Unread messages of the signed-in person, for the badge on 我的. */
export const inbox = reactive({ unread: 0 });
let inboxTimer = null;

/** Reads the unread count now (quietly: a failure leaves the old count). */
export async function refreshUnread() {
  if (!session.me) {
    inbox.unread = 0;
    return;
  }
  try {
    const page = await api.get('notifications', { unread: true, size: 1 });
    inbox.unread = page.unreadCount || 0;
  } catch (e) {
    // the badge is a convenience; the messages page shows problems
  }
}

/** Keeps the count fresh every minute while the page is visible. */
export function watchUnread() {
  refreshUnread();
  clearInterval(inboxTimer);
  inboxTimer = setInterval(() => document.visibilityState === 'visible' && refreshUnread(), 60000);
}

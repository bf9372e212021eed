// Chinese first, with English. The shell's words are here; lines add theirs with addMessages().
import { createI18n } from 'vue-i18n';
import { prefs } from './prefs.js';
import { setLanguageSource } from './api.js';
import { watch } from 'vue';
import { messages as shared } from './messages.js';

/** The one vue-i18n instance of the page (composition mode). */
export const i18n = createI18n({
  legacy: false,
  globalInjection: true,
  locale: prefs.locale,
  fallbackLocale: 'zh-CN',
  messages: shared,
  missingWarn: false,
  fallbackWarn: false,
});

watch(
  () => prefs.locale,
  (l) => {
    i18n.global.locale.value = l;
  },
);
setLanguageSource(() => prefs.locale);

/** Adds a line's words: `{'zh-CN': {...}, en: {...}}`, best under the line's module id. */
export function addMessages(messages) {
  for (const [locale, m] of Object.entries(messages)) i18n.global.mergeLocaleMessage(locale, m);
}

/** `t` outside components. */
export const t = (...args) => i18n.global.t(...args);

/** Picks the language of a `{zh, en}` text the server sent. */
export function local(text) {
  if (!text) return '';
  if (typeof text === 'string') return text;
  return prefs.locale === 'en' ? text.en || text.zh : text.zh || text.en;
}

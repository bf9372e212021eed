// Reader preferences kept in this browser: language and the elderly-friendly mode.
import { reactive, watch } from 'vue';

const LOCALE_KEY = 'guangsha.locale';
const ELDERLY_KEY = 'guangsha.elderly';

function initialLocale() {
  const kept = localStorage.getItem(LOCALE_KEY);
  if (kept === 'zh-CN' || kept === 'en') return kept;
  return 'zh-CN'; // Chinese first, whatever the browser says: the service is for Chinese cities.
}

/** `locale` ('zh-CN' or 'en') and `elderly` (large text, high contrast, bigger targets). */
export const prefs = reactive({
  locale: initialLocale(),
  elderly: localStorage.getItem(ELDERLY_KEY) === 'true',
});

function apply() {
  const root = document.documentElement;
  root.lang = prefs.locale;
  root.classList.toggle('gs-elderly', prefs.elderly);
  localStorage.setItem(LOCALE_KEY, prefs.locale);
  localStorage.setItem(ELDERLY_KEY, String(prefs.elderly));
}
apply();
watch(prefs, apply);

// What the console's pages share: who is signed in (role, region), the region tree, status words,
// the timeline as the shared component reads it, and a few small components.
import { reactive, computed } from 'vue';
import { api, session, local, t, route, navigate } from 'guangsha';

/** Whether the signed-in account is staff (caseworker or operator). */
export const isStaff = () => !!session.me && session.me.kind === 'STAFF';

/** Whether the signed-in account is an operator. */
export const isOperator = () => isStaff() && (session.me.roles || []).includes('OPERATOR');

/** The console's start page for the signed-in account. */
export function homePath() {
  return isOperator() ? '/operator/modules' : '/queue';
}

/** The role in words. */
export function roleWord(me) {
  const roles = (me && me.roles) || [];
  if (roles.includes('OPERATOR')) return t('console.role.OPERATOR');
  if (roles.includes('CASEWORKER')) return t('console.role.CASEWORKER');
  return t('console.role.STAFF');
}

/** The region tree (public), read once: `tree`, `byCode` and `loaded`. */
export const regions = reactive({ tree: [], byCode: {}, loaded: false, failed: false });
let regionsPromise = null;

/** Reads the region tree once; pages call it before naming regions. */
export function loadRegions() {
  if (!regionsPromise) {
    regionsPromise = api
      .get('platform/regions')
      .then((tree) => {
        const byCode = {};
        const walk = (list, depth, parent) => {
          for (const r of list || []) {
            byCode[r.code] = { ...r, depth, parent };
            walk(r.children, depth + 1, r.code);
          }
        };
        walk(tree, 0, null);
        regions.tree = tree;
        regions.byCode = byCode;
        regions.loaded = true;
      })
      .catch(() => {
        regions.failed = true;
        regionsPromise = null;
      });
  }
  return regionsPromise;
}

/** A region's name in the reader's language, or its code when unknown. */
export function regionName(code) {
  if (!code) return '';
  const r = regions.byCode[code];
  return r ? local(r.name) : code;
}

/** The regions at and below `code` (all when null), in tree order, each with its depth. */
export function regionsUnder(code) {
  const out = [];
  const walk = (list, depth) => {
    for (const r of list || []) {
      out.push({ code: r.code, level: r.level, depth, name: r.name });
      walk(r.children, depth + 1);
    }
  };
  if (!code) walk(regions.tree, 0);
  else if (regions.byCode[code]) walk([regions.byCode[code]], 0);
  return out;
}

const STATUS_ICON = {
  DRAFT: 'edit', SUBMITTED: 'clock-o', UNDER_REVIEW: 'eye-o', RETURNED: 'revoke',
  APPROVED: 'passed', REJECTED: 'close', WITHDRAWN: 'delete-o',
};

/** A case status in words (never by colour alone): icon, words and a class for the colour. */
export const GsStatus = {
  name: 'GsStatus',
  props: { status: String, text: [Object, String] },
  setup(props) {
    const words = computed(() => {
      const key = `status.${props.status}`;
      const own = t(key);
      return own !== key ? own : local(props.text) || props.status;
    });
    return { words, icon: computed(() => STATUS_ICON[props.status] || 'info-o') };
  },
  template: `<span class="gs-c-status" :class="'gs-c-status-' + (status || '').toLowerCase()"><van-icon :name="icon" aria-hidden="true" /> {{ words }}</span>`,
};

/** A labelled native select (PC forms): `options` as `[{value, label, depth}]`. */
export const GsSelect = {
  name: 'GsSelect',
  props: { modelValue: [String, Number], label: String, options: Array, id: String, testid: String, all: String },
  emits: ['update:modelValue'],
  setup(props, { emit }) {
    const pad = (d) => '\u3000'.repeat(d || 0);
    return { pad, change: (e) => emit('update:modelValue', e.target.value) };
  },
  template: `
    <label class="gs-c-field" :for="id">
      <span class="gs-c-label">{{ label }}</span>
      <select :id="id" :value="modelValue == null ? '' : String(modelValue)" @change="change" :data-testid="testid">
        <option v-if="all !== undefined" value="">{{ all }}</option>
        <option v-for="o in options" :key="o.value" :value="String(o.value)">{{ pad(o.depth) }}{{ o.label }}</option>
      </select>
    </label>`,
};

/** A page's title row with an optional back link and actions on the right. */
export const GsConsolePage = {
  name: 'GsConsolePage',
  props: { title: String, back: String, backText: String },
  template: `
    <section class="gs-c-page" :aria-labelledby="'gs-c-title'">
      <div class="gs-c-page-head">
        <div>
          <a v-if="back" :href="'#' + back" class="gs-c-back"><van-icon name="arrow-left" aria-hidden="true" /> {{ backText }}</a>
          <h1 id="gs-c-title" class="gs-c-title">{{ title }}</h1>
        </div>
        <div class="gs-c-page-actions"><slot name="actions" /></div>
      </div>
      <slot />
    </section>`,
};

/** Shown instead of an operator page to anyone else. */
export const GsOperatorsOnly = {
  name: 'GsOperatorsOnly',
  template: `<div class="gs-empty" role="alert" data-testid="operators-only"><p>{{ $t('console.operatorsOnly') }}</p><a href="#/">{{ $t('notFound.home') }}</a></div>`,
};

/** Replaces the address's query (filters, page) without a new history entry per keystroke. */
export function setQuery(changes, { push = false } = {}) {
  const query = { ...route.query, ...changes };
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') delete query[k];
  }
  navigate(route.path, { query, replace: !push });
}

/** A positive page number from the address (pages count from 1). */
export function pageFrom(value) {
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 1 ? n : 1;
}

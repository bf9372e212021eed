// Where the console finds a case's form data. The platform keeps the case; each line keeps what was
// filled in. A record that carries its form (`record.form`) is shown as it is; otherwise a line
// known here is asked for it. Answers are `[{name, label: {zh, en} | string, value}]`.
import { api, hasApi } from 'guangsha';

const SOURCES = {
  // the sandbox's demo type (沙箱演示): GET /api/sandbox/cases/{id}
  'sandbox-demo': {
    path: '/sandbox/cases/{id}',
    load: async (id) => (await api.get(`sandbox/cases/${encodeURIComponent(id)}`)).fields || [],
    sandbox: true,
  },
  // the selection line's signing review (网上签约审核): GET /api/selection/signing-cases/{id}
  'selection-signing': {
    path: '/selection/signing-cases/{id}',
    load: async (id) =>
      (await api.get(`selection/signing-cases/${encodeURIComponent(id)}`)).fields || [],
  },
  // the Jiangxi public rental application (公租房申请一件事), reviewed by the county then the city:
  // GET /api/jiangxi/cases/{id} (names, ID numbers and mobiles masked for caseworkers)
  'jiangxi-public-rental': {
    path: '/jiangxi/cases/{id}',
    load: async (id) => (await api.get(`jiangxi/cases/${encodeURIComponent(id)}`)).fields || [],
  },
  // the Shenzhen lease renewal (个人租赁合同续签) and its signed contract (个人租赁合同签订), reviewed by the
  // home's district: GET /api/shenzhen/rental/renewal-cases/{caseId} (names and ID numbers masked)
  'shenzhen-lease-renewal': {
    path: '/shenzhen/rental/renewal-cases/{caseId}',
    load: async (id) => (await api.get(`shenzhen/rental/renewal-cases/${encodeURIComponent(id)}`)).fields || [],
  },
  'shenzhen-lease-renewal-contract': {
    path: '/shenzhen/rental/renewal-cases/{caseId}',
    load: async (id) => (await api.get(`shenzhen/rental/renewal-cases/${encodeURIComponent(id)}`)).fields || [],
  },
  // the Shenzhen post-rental and employer housing changes (SZ-3, SZ-5), reviewed by the home's
  // district: GET /api/shenzhen/rental/changes/cases/{caseId} (names, ID numbers, mobiles masked)
  'shenzhen-resident-change': shenzhenChange(),
  'shenzhen-employer-housing-change': shenzhenChange(),
};

function shenzhenChange() {
  return {
    path: '/shenzhen/rental/changes/cases/{caseId}',
    load: async (id) =>
      (await api.get(`shenzhen/rental/changes/cases/${encodeURIComponent(id)}`)).fields || [],
  };
}

function fromRecord(form) {
  if (Array.isArray(form)) return form;
  if (form && typeof form === 'object') {
    return Object.entries(form).map(([name, value]) => ({ name, label: name, value }));
  }
  return null;
}

/**
 * The form of `record` as fields, or `{fields: null, reason}` when the console cannot show it:
 * `unavailable` (no source for this type) or `erased` (the source had nothing).
 */
export async function caseForm(record) {
  const own = fromRecord(record.form || record.formData);
  if (own) return { fields: own, sandbox: false };
  const source = SOURCES[record.typeId];
  if (!source || !(await hasApi('GET', source.path))) return { fields: null, reason: 'unavailable' };
  try {
    return { fields: await source.load(record.id), sandbox: !!source.sandbox };
  } catch (e) {
    if (e.status === 404) return { fields: null, reason: 'erased' };
    throw e;
  }
}

/** Shows a field's value: lists joined, booleans and empty values in words. */
export function fieldValue(value, t) {
  if (value === null || value === undefined || value === '') return t('console.none');
  if (typeof value === 'boolean') return value ? t('console.yes') : t('console.no');
  if (Array.isArray(value)) return value.map((v) => fieldValue(v, t)).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

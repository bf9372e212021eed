// 我的材料: my uploads by kind, each with the shared upload widget (the newest of its kind shown,
// the earlier ones a tap away), so a file uploaded once serves every later application.
import { reactive, computed, onMounted } from 'vue';
import { api, t, useProblem, GsProblem, GsPage, GsUpload } from 'guangsha';
import { requireLogin } from '../words.js';

/** The kinds a citizen uploads by hand; the others (licences, signatures) are made by the platform. */
const UPLOADED = [
  { kind: 'id-card-front', capture: true, accept: 'image/jpeg,image/png' },
  { kind: 'id-card-back', capture: true, accept: 'image/jpeg,image/png' },
  { kind: 'bank-card', capture: true, accept: 'image/jpeg,image/png' },
  { kind: 'certificate', capture: true },
  { kind: 'signed-letter', capture: true },
  { kind: 'other', capture: true },
];
const MADE = ['id-card-licence', 'household-register-licence', 'signature'];

export function kindName(kind) {
  const key = `attachments.kinds.${kind}`;
  const words = t(key);
  return words === key ? kind : words;
}

export const Attachments = {
  components: { GsProblem, GsPage, GsUpload },
  setup() {
    const ok = requireLogin();
    const state = reactive({ loading: true, newest: {}, counts: {} });
    const problem = useProblem();
    const others = computed(() =>
      Object.keys(state.newest).filter((k) => !UPLOADED.some((u) => u.kind === k)).sort((a, b) => MADE.indexOf(b) - MADE.indexOf(a)),
    );
    async function load() {
      problem.clear();
      try {
        const all = await api.get('attachments');
        const newest = {};
        const counts = {};
        for (const a of all) {
          counts[a.kind] = (counts[a.kind] || 0) + 1;
          if (!newest[a.kind]) newest[a.kind] = a;
        }
        state.newest = newest;
        state.counts = counts;
      } catch (e) {
        problem.set(e);
      } finally {
        state.loading = false;
      }
    }
    function changed(kind, record) {
      state.newest = { ...state.newest, [kind]: record };
      if (!record) load();
    }
    if (ok) onMounted(load);
    return { state, problem, others, UPLOADED, kindName, changed, load };
  },
  template: `
    <GsPage :title="$t('me.attachments')" back-to="/me">
      <p class="gs-form-intro gs-muted">{{ $t('attachments.intro') }}</p>
      <GsProblem :problem="problem" />
      <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <div v-else class="gs-attachments" data-testid="attachments">
        <div v-for="u in UPLOADED" :key="u.kind" class="gs-attachment-kind">
          <GsUpload :kind="u.kind" :label="kindName(u.kind)" :capture="u.capture" :accept="u.accept || 'image/jpeg,image/png,application/pdf'"
            :model-value="state.newest[u.kind] || null" @update:model-value="(r) => changed(u.kind, r)" @uploaded="load" />
          <p v-if="state.counts[u.kind] > 1" class="gs-muted gs-attachment-count">{{ $t('attachments.count', { n: state.counts[u.kind] }) }}</p>
        </div>
        <template v-if="others.length">
          <h3 class="gs-section-title">{{ $t('attachments.made') }}</h3>
          <GsUpload v-for="k in others" :key="k" :kind="k" :label="kindName(k)" :model-value="state.newest[k]" disabled :offer-earlier="false" />
        </template>
      </div>
    </GsPage>`,
};

// 我的文书: the documents issued to me; view, download and print the PDF (fetched with the token),
// and the public verification page anyone can open from the document's QR code.
import { reactive, onMounted } from 'vue';
import { api, local, t, useProblem, GsProblem, GsPage } from 'guangsha';
import { requireLogin, openFile, downloadFile, printFile } from '../words.js';

const STATUS_ICON = { VALID: 'passed', EXPIRED: 'underway-o', REVOKED: 'close' };

/** `租赁合同-GS20261123-7KQ4M2XD.pdf`. */
export function documentFileName(d) {
  const name = (local(d.typeName) || t('documents.document')).replace(/[\\/:*?"<>|]/g, '');
  return `${name}-${d.number}.pdf`;
}

export const Documents = {
  components: { GsProblem, GsPage },
  setup() {
    const ok = requireLogin();
    const state = reactive({ loading: true, items: [], busy: '' });
    const problem = useProblem();
    async function load() {
      try {
        state.items = await api.get('documents');
      } catch (e) {
        problem.set(e);
      } finally {
        state.loading = false;
      }
    }
    async function act(d, what) {
      problem.clear();
      state.busy = `${d.id}:${what}`;
      const path = `documents/${encodeURIComponent(d.id)}/pdf`;
      try {
        if (what === 'view') await openFile(path);
        else if (what === 'download') await downloadFile(`${path}?download=true`, documentFileName(d));
        else await printFile(path);
      } catch (e) {
        problem.set(e);
      } finally {
        state.busy = '';
      }
    }
    if (ok) onMounted(load);
    return { state, problem, act, local, STATUS_ICON, encodeURIComponent };
  },
  template: `
    <GsPage :title="$t('me.documents')" back-to="/me">
      <GsProblem :problem="problem" />
      <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <div v-else-if="!state.items.length" class="gs-empty" data-testid="documents-empty">
        <van-icon name="description" class="gs-empty-icon" aria-hidden="true" />
        <p>{{ $t('documents.empty') }}</p>
      </div>
      <ul v-else class="gs-card-list" data-testid="documents-list">
        <li v-for="d in state.items" :key="d.id" class="gs-card" data-testid="document-item" :data-document="d.id" :data-number="d.number">
          <div class="gs-card-head">
            <strong>{{ local(d.typeName) }}</strong>
            <span class="gs-status" :class="'gs-doc-' + d.status" data-testid="document-status" :data-status="d.status">
              <van-icon :name="STATUS_ICON[d.status] || 'info-o'" aria-hidden="true" /> {{ $t('documents.status.' + d.status) }}
            </span>
          </div>
          <dl class="gs-facts">
            <dt>{{ $t('documents.number') }}</dt><dd data-testid="document-number">{{ d.number }}</dd>
            <dt>{{ $t('documents.issuedOn') }}</dt><dd>{{ d.issuedOn }}</dd>
            <dt>{{ $t('documents.validity') }}</dt>
            <dd>{{ d.validUntil ? $t('documents.validUntil', { date: d.validUntil }) : $t('documents.noExpiry') }}</dd>
            <template v-if="d.signed"><dt>{{ $t('documents.seal') }}</dt><dd><van-icon name="certificate" aria-hidden="true" /> {{ $t('documents.signed') }}</dd></template>
            <template v-if="d.status === 'REVOKED'">
              <dt>{{ $t('documents.revoked') }}</dt><dd>{{ d.revokeReason || '—' }}</dd>
            </template>
          </dl>
          <div class="gs-card-actions">
            <van-button size="small" icon="eye-o" :loading="state.busy === d.id + ':view'" @click="act(d, 'view')" data-testid="document-view">{{ $t('common.view') }}</van-button>
            <van-button size="small" icon="down" :loading="state.busy === d.id + ':download'" @click="act(d, 'download')" data-testid="document-download">{{ $t('common.download') }}</van-button>
            <van-button size="small" icon="printer" :loading="state.busy === d.id + ':print'" @click="act(d, 'print')" data-testid="document-print">{{ $t('common.print') }}</van-button>
            <a class="gs-card-link-inline" :href="'/verify/' + encodeURIComponent(d.number)" target="_blank" rel="noopener"
              data-testid="document-verify-link">{{ $t('documents.verifyPage') }}<span class="gs-visually-hidden">（{{ $t('common.newWindow') }}）</span></a>
          </div>
        </li>
      </ul>
      <p class="gs-form-note gs-muted">{{ $t('documents.note') }}</p>
    </GsPage>`,
};

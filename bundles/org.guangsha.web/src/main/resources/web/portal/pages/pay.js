// 缴费: one payment order (rent, deposit, …) paid by scanning its QR code with WeChat on the phone.
// The order's status is followed live; once paid the receipt (a document) can be viewed and printed.
// Lines create the order through the core payments and send the citizen here: #/pay/<order id>.
import { reactive, computed, watch, onMounted, onBeforeUnmount } from 'vue';
import { api, route, t, yuan, formatTime, useProblem, GsProblem, GsPage, GsQrStatus } from 'guangsha';
import { requireLogin, openFile, printFile, isPhone } from '../words.js';

const FINAL = ['PAID', 'CLOSED', 'REFUNDED', 'FAILED'];

export const Pay = {
  components: { GsProblem, GsPage, GsQrStatus },
  setup() {
    const ok = requireLogin();
    const state = reactive({ loading: true, order: null, phone: isPhone(), busy: '' });
    const problem = useProblem();
    const path = computed(() => `payments/orders/${encodeURIComponent(route.params.id)}`);
    async function load() {
      try {
        state.order = await api.get(path.value);
      } catch (e) {
        problem.set(e);
      } finally {
        state.loading = false;
      }
    }
    /** Polled by the QR widget: the order's status. */
    async function poll() {
      const o = await api.get(path.value);
      state.order = o;
      return o.status;
    }
    /**
     * Paid: the receipt is issued just after the payment is recorded (or by the payment sweep when
     * that failed), so look again until it is there. Watched on the order itself: once paid, the QR
     * widget leaves the page and can no longer say so.
     */
    let alive = true;
    let waitingForReceipt = false;
    async function awaitReceipt() {
      if (waitingForReceipt) return;
      waitingForReceipt = true;
      for (let i = 0; i < 60 && alive; i++) {
        await new Promise((r) => setTimeout(r, 2000));
        if (!alive) return;
        await load();
        if (!state.order || state.order.status !== 'PAID' || state.order.receiptDocumentId) break;
      }
      waitingForReceipt = false;
    }
    function finished() {
      load();
    }
    watch(
      () => state.order && state.order.status === 'PAID' && !state.order.receiptDocumentId,
      (missing) => missing && awaitReceipt(),
    );
    onBeforeUnmount(() => {
      alive = false;
    });
    async function receipt(what) {
      problem.clear();
      state.busy = what;
      const pdf = `documents/${encodeURIComponent(state.order.receiptDocumentId)}/pdf`;
      try {
        if (what === 'view') await openFile(pdf);
        else await printFile(pdf);
      } catch (e) {
        problem.set(e);
      } finally {
        state.busy = '';
      }
    }
    const statusText = (s) => t(`pay.status.${s}`);
    if (ok) onMounted(load);
    return { state, problem, poll, finished, receipt, statusText, yuan, formatTime, FINAL };
  },
  template: `
    <GsPage :title="$t('pay.title')" narrow back-to="/me">
      <GsProblem :problem="problem" />
      <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <template v-else-if="state.order">
        <van-cell-group inset data-testid="pay-order">
          <van-cell :title="$t('pay.purpose')" :value="state.order.purpose" />
          <van-cell :title="$t('pay.amount')"><template #value><strong class="gs-pay-amount" data-testid="pay-amount">{{ yuan(state.order.amountFen) }}</strong></template></van-cell>
          <van-cell :title="$t('pay.statusLabel')">
            <template #value><span data-testid="pay-status" :data-status="state.order.status">{{ statusText(state.order.status) }}</span></template>
          </van-cell>
          <van-cell v-if="state.order.expiresAt && state.order.status === 'CREATED'" :title="$t('pay.expiresAt')" :value="formatTime(state.order.expiresAt)" />
          <van-cell v-if="state.order.paidAt" :title="$t('pay.paidAt')" :value="formatTime(state.order.paidAt)" />
        </van-cell-group>
        <section v-if="state.order.status === 'CREATED' && state.order.qrPayload" class="gs-pay-qr">
          <p class="gs-muted">{{ state.phone ? $t('pay.phoneHint') : $t('pay.pcHint') }}</p>
          <GsQrStatus :text="state.order.qrPayload" :poll="poll" :final-statuses="FINAL" :expires-at="state.order.expiresAt"
            :status-text="statusText" :renewable="false" @final="finished" />
        </section>
        <section v-if="state.order.status === 'PAID'" class="gs-actions" data-testid="pay-done">
          <p><van-icon name="passed" aria-hidden="true" /> {{ $t('pay.paidText') }}</p>
          <p v-if="!state.order.receiptDocumentId" class="gs-loading" role="status" data-testid="pay-receipt-pending">{{ $t('pay.receiptPending') }}</p>
          <template v-else>
            <van-button round block type="primary" icon="description" :loading="state.busy === 'view'" @click="receipt('view')" data-testid="pay-receipt-view">{{ $t('pay.receipt') }}</van-button>
            <van-button round block plain type="primary" icon="printer" :loading="state.busy === 'print'" @click="receipt('print')" data-testid="pay-receipt-print">{{ $t('common.print') }}</van-button>
          </template>
        </section>
        <p v-if="state.order.status === 'CLOSED'" class="gs-muted" role="status" data-testid="pay-closed">{{ $t('pay.closedText') }}</p>
      </template>
    </GsPage>`,
};

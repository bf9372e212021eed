// 微信扫码交租 (SZ-4): a lease's bills, arrears first. Only the oldest unpaid month has the 缴纳房租
// button, disabled with the rule and the opening time the server gives while paying is closed
// (23:00–01:00, the month's last days, a bank collection run); the QR code of the core payment order
// is followed until the provider's notification makes it PAID; paid months are the history, each
// with its receipt (a core document) to view, download or print.
import { reactive, computed, onMounted } from 'vue';
import { api, t, session, navigate, route, formatTime, yuan, prefs, useProblem, GsProblem, GsPage, GsQrStatus, fileAction } from 'guangsha';

const BASE = '/m/shenzhen-rental';
const FINAL = ['PAID', 'CLOSED', 'REFUNDED', 'FAILED'];

function requireLogin() {
  if (session.me) return true;
  navigate('/login', { query: { next: route.path }, replace: true });
  return false;
}

/** The server's reason in the reader's language. */
function reasonText(reason) {
  if (!reason) return '';
  return prefs.locale === 'en' ? reason.messageEn || reason.message : reason.message;
}

/** 微信扫码交租 without a lease named: the caller's leases (the personal page's homes). */
export const RentStart = {
  components: { GsProblem, GsPage },
  setup() {
    const ok = requireLogin();
    const state = reactive({ loading: true, homes: [] });
    const problem = useProblem();
    async function load() {
      try {
        const me = await api.get('shenzhen/rental/me');
        state.homes = me.homes || [];
        if (state.homes.length === 1) navigate(`${BASE}/rent/${encodeURIComponent(state.homes[0].leaseId)}`, { replace: true });
      } catch (e) {
        problem.set(e);
      } finally {
        state.loading = false;
      }
    }
    if (ok) onMounted(load);
    const open = (h) => navigate(`${BASE}/rent/${encodeURIComponent(h.leaseId)}`);
    const homeName = (h) => (h.home ? `${h.home.project || ''}${h.home.building || ''}${h.home.room || ''}` : h.leaseNo);
    return { state, problem, open, homeName };
  },
  template: `
    <GsPage :title="$t('szRent.title')" narrow :back-to="'${BASE}/'">
      <GsProblem :problem="problem" />
      <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <template v-else>
        <p v-if="!state.homes.length" class="gs-muted" data-testid="rent-no-lease">{{ $t('szRent.noLease') }}</p>
        <van-cell-group v-else inset :title="$t('szRent.choose')">
          <van-cell v-for="h in state.homes" :key="h.leaseId" :title="homeName(h)" :label="h.leaseNo" is-link @click="open(h)" data-testid="rent-lease" />
        </van-cell-group>
      </template>
    </GsPage>`,
};

/** The bills of one lease, the payment and the history. */
export const RentBills = {
  components: { GsProblem, GsPage, GsQrStatus },
  props: { params: Object },
  setup(props) {
    const ok = requireLogin();
    const state = reactive({ loading: true, data: null, order: null, paying: false, busy: '' });
    const problem = useProblem();
    const leaseId = computed(() => props.params && props.params.leaseId);
    const path = computed(() => `shenzhen/rental/leases/${encodeURIComponent(leaseId.value)}/bills`);
    async function load() {
      try {
        state.data = await api.get(path.value);
      } catch (e) {
        problem.set(e);
      } finally {
        state.loading = false;
      }
    }
    // arrears first: the unpaid months oldest first; the history newest first
    const unpaid = computed(() => (state.data ? state.data.bills.filter((b) => b.status !== 'PAID') : []));
    const paid = computed(() => (state.data ? state.data.bills.filter((b) => b.status === 'PAID').slice().reverse() : []));
    const next = computed(() => state.data && state.data.next);
    const payable = computed(() => state.data && state.data.payable);
    const reason = computed(() => payable.value && payable.value.reason);
    const periodText = (p) => {
      const [y, m] = p.split('-');
      return prefs.locale === 'en' ? p : `${y}年${Number(m)}月`;
    };
    async function pay(bill) {
      problem.clear();
      state.paying = true;
      try {
        state.order = await api.post(`shenzhen/rental/bills/${encodeURIComponent(bill.id)}/payment`, {});
      } catch (e) {
        problem.set(e);
        // the rule may have changed since the page was read (23:00 passed): show it
        await load();
      } finally {
        state.paying = false;
      }
    }
    async function poll() {
      const o = await api.get(`payments/orders/${encodeURIComponent(state.order.orderId)}`);
      return o.status;
    }
    async function finished(status) {
      if (status === 'PAID') state.order = { ...state.order, paid: true };
      else state.order = null;
      await load();
      // the receipt is issued just after the payment is recorded: look once more shortly
      if (status === 'PAID') setTimeout(load, 2000);
    }
    async function receipt(bill, mode) {
      problem.clear();
      state.busy = `${bill.id}:${mode}`;
      try {
        await fileAction(mode, `documents/${encodeURIComponent(bill.receiptDocumentId)}/pdf`, t('szRent.receiptFile', { period: bill.period }));
      } catch (e) {
        problem.set(e);
      } finally {
        state.busy = '';
      }
    }
    const statusText = (s) => t(`szRent.status.${s}`);
    if (ok) onMounted(load);
    return { state, problem, unpaid, paid, next, payable, reason, reasonText, periodText, pay, poll, finished, receipt, statusText, yuan, formatTime, FINAL };
  },
  template: `
    <GsPage :title="$t('szRent.title')" narrow :back-to="'${BASE}/'">
      <GsProblem :problem="problem" />
      <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <template v-else-if="state.data">
        <van-cell-group inset>
          <van-cell :title="$t('szRent.home')" :value="state.data.home" data-testid="rent-home" />
        </van-cell-group>
        <van-notice-bar wrapable :scrollable="false" left-icon="info-o" :text="$t('szRent.rules')" />
        <section v-if="state.order && !state.order.paid" class="gs-pay-qr" style="padding: 8px 16px" data-testid="rent-qr">
          <p class="gs-muted">{{ $t('szRent.scan') }}</p>
          <GsQrStatus :text="state.order.qrPayload" :poll="poll" :final-statuses="FINAL" :expires-at="state.order.expiresAt"
            :status-text="statusText" :renewable="false" @final="finished" />
          <p class="gs-muted">{{ $t('szRent.expiresAt', { at: formatTime(state.order.expiresAt) }) }}</p>
          <van-button round block plain @click="state.order = null">{{ $t('szRent.cancel') }}</van-button>
        </section>
        <p v-if="state.order && state.order.paid" role="status" style="padding: 8px 16px" data-testid="rent-paid"><van-icon name="passed" aria-hidden="true" /> {{ $t('szRent.paidText') }}</p>

        <van-cell-group inset :title="$t('szRent.due')" data-testid="rent-due">
          <van-cell v-if="!unpaid.length" :title="$t('szRent.none')" data-testid="rent-none" />
          <van-cell v-for="b in unpaid" :key="b.id" :data-testid="'rent-bill-' + b.period" :data-status="b.status">
            <template #title>
              <strong>{{ $t('szRent.period', { period: periodText(b.period) }) }}</strong>
              <van-tag v-if="b.overdue" type="danger" plain class="gs-tag" style="margin-left: 6px">{{ $t('szRent.overdue') }}</van-tag>
              <van-tag v-else type="warning" plain class="gs-tag" style="margin-left: 6px">{{ $t('szRent.unpaid') }}</van-tag>
            </template>
            <template #label>{{ $t('szRent.dueDate') }}：{{ b.dueDate }}</template>
            <template #value><strong>{{ yuan(b.amountFen) }}</strong></template>
          </van-cell>
        </van-cell-group>
        <section v-if="next && !(state.order && !state.order.paid)" class="gs-actions" style="padding: 8px 16px">
          <van-button round block type="primary" icon="wechat-pay" :disabled="!payable.open" :loading="state.paying"
            @click="pay({ id: next.billId })" data-testid="rent-pay">
            {{ $t('szRent.pay') }} {{ periodText(next.period) }} {{ yuan(next.amountFen) }}
          </van-button>
          <van-notice-bar v-if="!payable.open && reason" wrapable :scrollable="false" left-icon="clock-o" color="#b34700" background="#fff4e5"
            data-testid="rent-closed" :data-rule="reason.rule" :data-opens-at="reason.opensAt">
            {{ $t('szRent.closed') }}：{{ reasonText(reason) }}
          </van-notice-bar>
          <p v-if="unpaid.length > 1" class="gs-muted">{{ $t('szRent.payFirst', { period: periodText(next.period) }) }}</p>
        </section>

        <van-cell-group inset :title="$t('szRent.history')" data-testid="rent-history">
          <van-cell v-if="!paid.length" :title="$t('szRent.noHistory')" />
          <van-cell v-for="b in paid" :key="b.id" :data-testid="'rent-paid-' + b.period">
            <template #title>
              <strong>{{ $t('szRent.period', { period: periodText(b.period) }) }}</strong>
              <van-tag type="success" plain class="gs-tag" style="margin-left: 6px">{{ $t('szRent.paid') }}</van-tag>
            </template>
            <template #label>
              {{ $t('szRent.paidAt') }}：{{ formatTime(b.paidAt) }}
              <span v-if="b.receiptDocumentId" class="gs-receipt-actions">
                · {{ $t('szRent.receipt') }}
                <van-button size="mini" plain type="primary" :loading="state.busy === b.id + ':view'" @click="receipt(b, 'view')" :data-testid="'rent-receipt-' + b.period">{{ $t('szRent.view') }}</van-button>
                <van-button size="mini" plain :loading="state.busy === b.id + ':download'" @click="receipt(b, 'download')">{{ $t('szRent.download') }}</van-button>
                <van-button size="mini" plain :loading="state.busy === b.id + ':print'" @click="receipt(b, 'print')">{{ $t('szRent.print') }}</van-button>
              </span>
            </template>
            <template #value>{{ yuan(b.amountFen) }}</template>
          </van-cell>
        </van-cell-group>
      </template>
    </GsPage>`,
};

/** The rent pages' routes, for the line's main.js. */
export const rentRoutes = [
  { path: 'rent', component: RentStart },
  { path: 'rent/:leaseId', component: RentBills },
];

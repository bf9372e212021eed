// 网上签约 (S-12) in the guide's order, each step decided by the server (GET …/signing): view the
// home; confirm or change the mobile number (SMS code to the new number); rent collection (租金托收)
// with photos of both sides of the bank card, required before going on; the core's signing
// ceremony (#/signing/:id: face check of the main applicant, read and sign the contract); the
// deposit by a QR code scanned with another device; submit; the review's progress. And 材料管理
// (S-13): the signed contract and the occupancy notice to view, download and print.
import { reactive, computed, ref, nextTick, onMounted, onBeforeUnmount } from 'vue';
import { showToast, showConfirmDialog } from 'vant';
import {
  api, t, local, formatTime, yuan, navigate, useProblem, GsProblem, GsPage, GsUpload, GsQrStatus, checkMobile,
} from 'guangsha';
import { requireCitizen, href, SelUnit, slugOf } from './common.js';

const path = (fid) => `selection/families/${encodeURIComponent(fid)}/signing`;

/** Opens a PDF of the core (view, download or print): links cannot carry the bearer token. */
async function openPdf(pdfPath, mode, fileName) {
  const blob = await api.blob(pdfPath.replace(/^\/api\//, ''));
  const url = URL.createObjectURL(blob);
  if (mode === 'download') {
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName || 'document.pdf';
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
  } else if (mode === 'print') {
    const frame = document.createElement('iframe');
    frame.className = 'gs-print-frame';
    frame.title = t('selection.materials.printFrame');
    frame.setAttribute('aria-hidden', 'true');
    frame.src = url;
    frame.onload = () =>
      setTimeout(() => {
        try {
          frame.contentWindow.focus();
          frame.contentWindow.print();
        } catch (e) {
          window.open(url, '_blank');
        }
      }, 300);
    document.body.appendChild(frame);
    setTimeout(() => frame.remove(), 300000);
  } else if (!window.open(url, '_blank')) {
    location.assign(url);
  }
  setTimeout(() => URL.revokeObjectURL(url), 300000);
}

/**
 * data-testid: `signing` (`data-step` the server's step), `signing-steps`, `signing-home`,
 * `signing-mobile-keep`, `signing-mobile-change`, `signing-mobile-new`, `signing-mobile-code`
 * (send), `signing-mobile-code-input`, `signing-mobile-save`, `signing-bank-form`,
 * `signing-bank-name`, `signing-bank-holder`, `signing-bank-card`, `upload-bank-card-front`,
 * `upload-bank-card-back`, `signing-bank-save`, `signing-ceremony` (开始人脸识别 / 开始签订),
 * `signing-deposit-start`, `signing-deposit-pay-page`, `signing-submit`, `signing-review`
 * (`data-status`), `signing-returned`, `signing-materials`, `signing-contract-view`.
 */
export const Signing = {
  components: { GsPage, GsProblem, GsUpload, GsQrStatus, SelUnit },
  props: { params: Object },
  setup(props) {
    const ok = requireCitizen();
    const fid = props.params.fid;
    const problem = useProblem();
    const state = reactive({
      loading: true, s: null, busy: '', changing: false, mobile: '', code: '', codeSentTo: '', cooldown: 0,
      bank: { bankName: '', accountName: '', cardNumber: '' }, front: null, back: null, editBank: false,
      returned: null,
    });
    let timer = null;
    let cooldownTimer = null;

    const step = computed(() => (state.s ? state.s.step : ''));
    const home = computed(() => {
      const h = state.s && state.s.home;
      return h ? { ...h, id: h.unitId } : null;
    });
    const showBankForm = computed(() => step.value === 'BANK' || (state.editBank && !['REVIEW', 'APPROVED', 'REJECTED'].includes(step.value)));
    const depositOrder = computed(() => {
      const d = state.s && state.s.deposit;
      return d && d.status === 'CREATED' && d.qrPayload ? d : null;
    });

    async function attachment(id) {
      if (!id) return null;
      try {
        return await api.get(`attachments/${encodeURIComponent(id)}`);
      } catch (e) {
        return null;
      }
    }
    /** A returned case's reason and remarks per field (the caseworker's), from the core's case. */
    async function loadReturn() {
      try {
        const c = await api.get(`cases/${encodeURIComponent(state.s.caseId)}`);
        const events = (c.timeline || []).filter((e) => String(e.type).toLowerCase() === 'returned');
        const last = events[events.length - 1];
        state.returned = last ? { remark: last.remark || '', fields: last.fieldRemarks || {} } : null;
      } catch (e) {
        state.returned = null;
      }
    }
    /** A field's message: the server's refusal, else the caseworker's remark on a returned case. */
    const fieldMessage = (name) => problem.field(name) || (step.value === 'RETURNED' && state.returned && state.returned.fields[name]) || '';
    async function load() {
      try {
        state.s = await api.get(path(fid));
        problem.clear();
        if (state.s.step === 'RETURNED' && state.s.caseId) {
          await loadReturn();
          state.editBank = true;
        }
        const b = state.s.bank;
        if (b && !state.bank.bankName) {
          state.bank = { bankName: b.bankName || '', accountName: b.accountName || '', cardNumber: '' };
          [state.front, state.back] = await Promise.all([attachment(b.frontAttachmentId), attachment(b.backAttachmentId)]);
        } else if (!b && !state.bank.accountName && state.s.applicant) {
          state.bank.accountName = state.s.applicant.name || '';
        }
      } catch (e) {
        problem.set(e);
      } finally {
        state.loading = false;
      }
    }
    async function act(what, call, after) {
      problem.clear();
      state.busy = what;
      try {
        const answer = await call();
        if (answer && answer.step) state.s = answer;
        if (after) await after(answer);
        return answer;
      } catch (e) {
        problem.set(e);
        if (slugOf(e)) load();
        return null;
      } finally {
        state.busy = '';
      }
    }

    // 确认手机号码 / 修改手机号码 (an SMS code goes to the new number)
    const keepMobile = () => act('keep', () => api.post(`${path(fid)}/mobile/keep`, {}));
    function tickCooldown() {
      state.cooldown = Math.max(0, state.cooldown - 1);
      if (!state.cooldown) clearInterval(cooldownTimer);
    }
    async function sendCode() {
      problem.clear();
      if (checkMobile(state.mobile)) {
        problem.fieldError('mobile', t('selection.signing.mobileFormat'));
        return;
      }
      await act('code', () => api.post('identity/mobile/code', { mobile: state.mobile.trim() }), () => {
        state.codeSentTo = state.mobile.trim();
        state.cooldown = 60;
        clearInterval(cooldownTimer);
        cooldownTimer = setInterval(tickCooldown, 1000);
        showToast(t('selection.signing.codeSent'));
      });
    }
    async function changeMobile() {
      const done = await act('change', () => api.post('identity/mobile', { mobile: state.codeSentTo || state.mobile.trim(), code: state.code.trim() }));
      if (!done) return;
      state.changing = false;
      state.code = '';
      showToast(t('selection.signing.mobileChanged'));
      await keepMobile();
    }

    // 租金托收
    async function saveBank() {
      problem.clear();
      const body = {
        bankName: state.bank.bankName, accountName: state.bank.accountName, cardNumber: state.bank.cardNumber,
        frontAttachmentId: state.front ? state.front.id : null, backAttachmentId: state.back ? state.back.id : null,
      };
      const done = await act('bank', () => api.post(`${path(fid)}/bank`, body));
      if (done) {
        state.editBank = false;
        state.bank.cardNumber = '';
      }
    }

    // 人脸识别 and 签订合同: the core's ceremony on its own page
    async function ceremony() {
      const answer = await act('ceremony', () => api.post(`${path(fid)}/ceremony`, {}));
      const c = answer && answer.ceremony;
      if (c && c.id) navigate(`/signing/${encodeURIComponent(c.id)}`);
    }

    // 租赁保证金: an order whose QR code another device scans
    // answers the order alone: the signing is read again to show it, and the code brought into view
    const depositBox = ref(null);
    const startDeposit = () =>
      act('deposit', () => api.post(`${path(fid)}/deposit`, {}), async () => {
        await load();
        await nextTick();
        if (depositBox.value) depositBox.value.scrollIntoView({ block: 'start' });
      });
    async function pollDeposit() {
      const order = await api.get(`payments/orders/${encodeURIComponent(depositOrder.value.orderId)}`);
      return order.status;
    }
    const depositWords = (s) => t(`selection.signing.depositStatus.${s}`);

    // 提交
    async function submit() {
      try {
        await showConfirmDialog({
          title: t('selection.signing.submitTitle'), message: t('selection.signing.submitText'),
          confirmButtonText: t('common.submit'), cancelButtonText: t('common.cancel'),
        });
      } catch (e) {
        return;
      }
      await act('submit', () => api.post(`${path(fid)}/submit`, {}));
    }
    async function viewContract() {
      problem.clear();
      try {
        await openPdf(`documents/${encodeURIComponent(state.s.contract.documentId)}/pdf`, 'view');
      } catch (e) {
        problem.set(e);
      }
    }

    if (ok) {
      onMounted(() => {
        load();
        // the review, the deposit and a ceremony finished on another device move on by themselves
        timer = setInterval(() => document.visibilityState === 'visible' && !state.busy && load(), 15000);
        document.addEventListener('visibilitychange', load);
      });
    }
    onBeforeUnmount(() => {
      clearInterval(timer);
      clearInterval(cooldownTimer);
      document.removeEventListener('visibilitychange', load);
    });
    return {
      fid, state, problem, step, home, fieldMessage, depositBox, showBankForm, depositOrder, local, formatTime, yuan, href, keepMobile, sendCode,
      changeMobile, saveBank, ceremony, startDeposit, pollDeposit, depositWords, submit, viewContract, load,
    };
  },
  template: `
    <GsPage :title="$t('selection.entry.signing')" :back-to="'/m/selection/'">
      <GsProblem :problem="problem" :placed="['mobile', 'code', 'bankName', 'accountName', 'cardNumber', 'frontAttachmentId', 'backAttachmentId']" />
      <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <div v-else-if="state.s" class="sel-signing" data-testid="signing" :data-step="step">
        <ol class="sel-steps" data-testid="signing-steps" :aria-label="$t('selection.signing.progress')">
          <li v-for="(s, i) in state.s.steps" :key="s.step" :class="{ 'sel-step-done': s.done, 'sel-step-now': s.step === step }"
            :aria-current="s.step === step ? 'step' : null">
            <span class="sel-step-mark" aria-hidden="true"><van-icon v-if="s.done" name="success" /><template v-else>{{ i + 1 }}</template></span>
            <span>{{ local(s.name) }}</span>
            <span class="gs-visually-hidden">{{ s.done ? $t('selection.signing.done') : s.step === step ? $t('selection.signing.now') : '' }}</span>
          </li>
        </ol>

        <section v-if="home" class="sel-signing-section" data-testid="signing-home">
          <h2 class="sel-subtitle">{{ $t('selection.signing.home') }}</h2>
          <SelUnit :unit="home" />
        </section>

        <section v-if="step === 'MOBILE'" class="sel-signing-section">
          <h2 class="sel-subtitle">{{ $t('selection.signing.mobileTitle') }}</h2>
          <dl class="sel-facts sel-facts-box">
            <dt>{{ $t('selection.family.applicant') }}</dt><dd>{{ state.s.applicant.name }}</dd>
            <dt>{{ $t('selection.signing.idNumber') }}</dt><dd>{{ state.s.applicant.idNumber }}</dd>
            <dt>{{ $t('selection.signing.mobile') }}</dt><dd data-testid="signing-mobile">{{ state.s.applicant.mobile }}</dd>
          </dl>
          <template v-if="state.changing">
            <van-cell-group inset>
              <van-field v-model="state.mobile" type="tel" name="mobile" maxlength="11" :label="$t('selection.signing.newMobile')"
                :error-message="problem.field('mobile')" autocomplete="tel" data-testid="signing-mobile-new">
                <template #button>
                  <van-button size="small" type="primary" plain :disabled="state.cooldown > 0" :loading="state.busy === 'code'" @click="sendCode"
                    data-testid="signing-mobile-code">{{ state.cooldown ? $t('selection.signing.resendIn', { s: state.cooldown }) : $t('selection.signing.sendCode') }}</van-button>
                </template>
              </van-field>
              <van-field v-model="state.code" name="code" inputmode="numeric" maxlength="6" :label="$t('selection.signing.code')"
                :error-message="problem.field('code')" autocomplete="one-time-code" data-testid="signing-mobile-code-input" />
            </van-cell-group>
            <div class="gs-actions">
              <van-button round block type="primary" :disabled="!state.codeSentTo || !state.code" :loading="state.busy === 'change'" @click="changeMobile"
                data-testid="signing-mobile-save">{{ $t('selection.signing.changeMobile') }}</van-button>
              <van-button round block plain @click="state.changing = false">{{ $t('common.cancel') }}</van-button>
            </div>
          </template>
          <div v-else class="gs-actions">
            <van-button round block type="primary" :loading="state.busy === 'keep'" @click="keepMobile" data-testid="signing-mobile-keep">{{ $t('selection.signing.keepMobile') }}</van-button>
            <van-button round block plain type="primary" @click="state.changing = true" data-testid="signing-mobile-change">{{ $t('selection.signing.changeMobileStart') }}</van-button>
          </div>
        </section>

        <section v-if="showBankForm" class="sel-signing-section" data-testid="signing-bank-form">
          <h2 class="sel-subtitle">{{ $t('selection.signing.bankTitle') }}</h2>
          <p class="sel-hint sel-hint-warn" role="note"><van-icon name="info-o" aria-hidden="true" /> {{ $t('selection.signing.bankHint') }}</p>
          <van-cell-group inset>
            <van-field v-model="state.bank.bankName" name="bankName" :label="$t('selection.signing.bankName')" :placeholder="$t('selection.signing.bankNameHint')"
              :error-message="fieldMessage('bankName')" data-testid="signing-bank-name" />
            <van-field v-model="state.bank.accountName" name="accountName" :label="$t('selection.signing.accountName')"
              :error-message="fieldMessage('accountName')" data-testid="signing-bank-holder" />
            <van-field v-model="state.bank.cardNumber" name="cardNumber" type="tel" inputmode="numeric" maxlength="23" :label="$t('selection.signing.cardNumber')"
              :placeholder="state.s.bank ? state.s.bank.cardNumber : ''" :error-message="fieldMessage('cardNumber')" autocomplete="cc-number" data-testid="signing-bank-card" />
          </van-cell-group>
          <div class="sel-uploads">
            <GsUpload v-model="state.front" kind="bank-card-front" :label="$t('selection.signing.cardFront')" accept="image/jpeg,image/png" capture />
            <p v-if="fieldMessage('frontAttachmentId')" class="sel-field-error" role="alert">{{ fieldMessage('frontAttachmentId') }}</p>
            <GsUpload v-model="state.back" kind="bank-card-back" :label="$t('selection.signing.cardBack')" accept="image/jpeg,image/png" capture />
            <p v-if="fieldMessage('backAttachmentId')" class="sel-field-error" role="alert">{{ fieldMessage('backAttachmentId') }}</p>
          </div>
          <div class="gs-actions">
            <van-button round block type="primary" :disabled="!state.front || !state.back" :loading="state.busy === 'bank'" @click="saveBank"
              data-testid="signing-bank-save">{{ $t('selection.signing.saveBank') }}</van-button>
            <p v-if="!state.front || !state.back" class="gs-muted sel-small">{{ $t('selection.signing.photosFirst') }}</p>
          </div>
        </section>
        <div v-else-if="state.s.bank && ['FACE', 'CONTRACT', 'DEPOSIT', 'SUBMIT', 'RETURNED'].includes(step)" class="sel-facts-box sel-bank-saved">
          <p><van-icon name="passed" aria-hidden="true" /> {{ $t('selection.signing.bankSaved', { bank: state.s.bank.bankName, last4: state.s.bank.cardLast4 }) }}</p>
          <van-button size="small" round plain @click="state.editBank = true" data-testid="signing-bank-edit">{{ $t('selection.signing.bankEdit') }}</van-button>
        </div>

        <section v-if="step === 'FACE' || step === 'CONTRACT'" class="sel-signing-section">
          <h2 class="sel-subtitle">{{ step === 'FACE' ? $t('selection.signing.faceTitle') : $t('selection.signing.contractTitle') }}</h2>
          <p>{{ step === 'FACE' ? $t('selection.signing.faceText') : $t('selection.signing.contractText') }}</p>
          <div class="gs-actions">
            <van-button round block type="primary" :icon="step === 'FACE' ? 'smile-o' : 'edit'" :loading="state.busy === 'ceremony'" @click="ceremony"
              data-testid="signing-ceremony">{{ step === 'FACE' ? $t('selection.signing.startFace') : $t('selection.signing.startContract') }}</van-button>
          </div>
        </section>

        <section v-if="step === 'DEPOSIT'" ref="depositBox" class="sel-signing-section">
          <h2 class="sel-subtitle">{{ $t('selection.signing.depositTitle') }}</h2>
          <dl class="sel-facts sel-facts-box">
            <dt>{{ $t('selection.signing.depositAmount') }}</dt><dd><strong>{{ yuan(state.s.deposit.amountFen) }}</strong></dd>
            <dt>{{ $t('selection.signing.depositMonths') }}</dt><dd>{{ $t('selection.signing.months', { n: state.s.deposit.months }) }}</dd>
          </dl>
          <p class="sel-hint sel-hint-warn" role="note"><van-icon name="phone-o" aria-hidden="true" /> {{ $t('selection.signing.otherDevice') }}</p>
          <template v-if="depositOrder">
            <GsQrStatus :key="depositOrder.orderId" :text="depositOrder.qrPayload" :poll="pollDeposit" :final-statuses="['PAID', 'CLOSED', 'REFUNDED']"
              :expires-at="depositOrder.expiresAt" :status-text="depositWords" :renewable="false" @final="load" />
            <div class="gs-actions">
              <van-button round block plain icon="balance-o" :url="'#/pay/' + depositOrder.orderId" data-testid="signing-deposit-pay-page">{{ $t('selection.signing.payPage') }}</van-button>
            </div>
          </template>
          <div v-else class="gs-actions">
            <van-button round block type="primary" icon="qr" :loading="state.busy === 'deposit'" @click="startDeposit" data-testid="signing-deposit-start">
              {{ state.s.deposit && state.s.deposit.status === 'CLOSED' ? $t('selection.signing.depositAgain') : $t('selection.signing.depositStart') }}</van-button>
          </div>
        </section>

        <section v-if="step === 'SUBMIT' || step === 'RETURNED'" class="sel-signing-section">
          <h2 class="sel-subtitle">{{ $t('selection.signing.submitTitle') }}</h2>
          <div v-if="step === 'RETURNED'" class="sel-hint sel-hint-warn" role="alert" data-testid="signing-returned">
            <p>{{ $t('selection.signing.returned') }}</p>
            <p v-if="state.returned && state.returned.remark"><strong>{{ $t('selection.signing.reason') }}</strong>{{ state.returned.remark }}</p>
          </div>
          <p v-else>{{ $t('selection.signing.submitIntro') }}</p>
          <div class="gs-actions">
            <van-button round block type="primary" icon="passed" :loading="state.busy === 'submit'" @click="submit" data-testid="signing-submit">
              {{ step === 'RETURNED' ? $t('selection.signing.resubmit') : $t('common.submit') }}</van-button>
          </div>
        </section>

        <section v-if="state.s.review" class="sel-notice" data-testid="signing-review" :data-status="state.s.review.status" role="status">
          <van-icon :name="step === 'APPROVED' ? 'passed' : step === 'REJECTED' ? 'close' : 'underway-o'" class="sel-notice-icon" aria-hidden="true" />
          <h2>{{ $t('selection.signing.review.' + step) }}</h2>
          <p class="gs-muted">{{ $t('selection.signing.caseNumber', { n: state.s.review.number }) }} · {{ formatTime(state.s.review.submittedAt) }}</p>
          <p v-if="step === 'REVIEW'">{{ $t('selection.signing.reviewText') }}</p>
          <van-button v-if="step === 'APPROVED'" round type="primary" icon="description" :url="href('family/' + fid + '/materials')" data-testid="signing-materials">{{ $t('selection.entry.materials') }}</van-button>
        </section>

        <div v-if="state.s.contract" class="gs-actions">
          <van-button round block plain icon="description" @click="viewContract" data-testid="signing-contract-view">{{ $t('selection.signing.viewContract') }}</van-button>
        </div>
      </div>
    </GsPage>`,
};

/** data-testid: `materials` (`data-approved`), `material` (`data-kind`), `material-view`, `material-download`, `material-print`. */
export const Materials = {
  components: { GsPage, GsProblem },
  props: { params: Object },
  setup(props) {
    const ok = requireCitizen();
    const fid = props.params.fid;
    const problem = useProblem();
    const state = reactive({ loading: true, m: null, busy: '' });
    async function open(item, mode) {
      problem.clear();
      state.busy = `${item.documentId}:${mode}`;
      try {
        await openPdf(mode === 'download' ? item.download || item.pdf : item.pdf, mode, `${local(item.name)}-${item.number || item.documentId}.pdf`);
      } catch (e) {
        problem.set(e);
      } finally {
        state.busy = '';
      }
    }
    if (ok) {
      onMounted(async () => {
        try {
          state.m = await api.get(`selection/families/${encodeURIComponent(fid)}/materials`);
        } catch (e) {
          problem.set(e);
        } finally {
          state.loading = false;
        }
      });
    }
    return { state, problem, open, local, formatTime };
  },
  template: `
    <GsPage :title="$t('selection.entry.materials')" :back-to="'/m/selection/'">
      <GsProblem :problem="problem" />
      <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <section v-else-if="state.m" data-testid="materials" :data-approved="state.m.approved">
        <p v-if="!state.m.approved" class="sel-hint" role="note"><van-icon name="info-o" aria-hidden="true" /> {{ $t('selection.materials.notYet') }}</p>
        <p class="sel-hint" role="note"><van-icon name="desktop-o" aria-hidden="true" /> {{ $t('selection.materials.pcHint') }}</p>
        <van-empty v-if="!state.m.items.length" :description="$t('selection.materials.none')" />
        <ul class="sel-list">
          <li v-for="i in state.m.items" :key="i.documentId" class="sel-unit" data-testid="material" :data-kind="i.kind">
            <h3 class="sel-unit-name">{{ local(i.name) }}</h3>
            <dl class="sel-facts">
              <template v-if="i.number"><dt>{{ $t('selection.materials.number') }}</dt><dd>{{ i.number }}</dd></template>
              <template v-if="i.issuedOn"><dt>{{ $t('selection.materials.issuedOn') }}</dt><dd>{{ i.issuedOn }}</dd></template>
              <template v-if="i.validUntil"><dt>{{ $t('selection.materials.validUntil') }}</dt><dd>{{ i.validUntil }}</dd></template>
              <template v-if="i.signed"><dt>{{ $t('selection.materials.signed') }}</dt><dd><van-icon name="passed" aria-hidden="true" /> {{ $t('common.yes') }}</dd></template>
            </dl>
            <div class="sel-unit-actions">
              <van-button size="small" round type="primary" icon="eye-o" :loading="state.busy === i.documentId + ':view'" @click="open(i, 'view')" data-testid="material-view">{{ $t('common.view') }}</van-button>
              <van-button size="small" round plain icon="down" :loading="state.busy === i.documentId + ':download'" @click="open(i, 'download')" data-testid="material-download">{{ $t('common.download') }}</van-button>
              <van-button size="small" round plain icon="printer" :loading="state.busy === i.documentId + ':print'" @click="open(i, 'print')" data-testid="material-print">{{ $t('common.print') }}</van-button>
            </div>
          </li>
        </ul>
      </section>
    </GsPage>`,
};

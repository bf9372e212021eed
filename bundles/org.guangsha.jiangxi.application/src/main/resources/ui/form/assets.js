// 家庭资产 (JX-7): vehicles, real estate and business registration (是/否, with details when 是),
// bank deposits and securities typed in 元 (sent in fen), and the 授权承诺书: signed by hand on the
// screen (signature pad → the core issues the letter as a PDF) or downloaded, printed, signed,
// photographed and uploaded. Both ways are offered everywhere; the screen decides the first.
import { reactive, computed, onBeforeUnmount } from 'vue';
import { showToast } from 'vant';
import { api, t, formatTime, GsProblem, GsSignaturePad, GsUpload, useProblem } from 'guangsha';
import { toFen, fromFen, isPhone } from '../common.js';
import { useStep, STEP_PROPS, invalid, pathOf, JxYesNo } from './shared.js';

const ROWS = {
  vehicles: () => ({ ownerName: '', plateNumber: '', model: '', value: '' }),
  realEstates: () => ({ ownerName: '', address: '', areaM2: '', certificateNumber: '' }),
  businesses: () => ({ ownerName: '', name: '', creditCode: '' }),
};

function fromAssets(a) {
  const s = (a && a.assets) || {};
  const yn = (v) => (v === true || v === false ? v : null);
  return {
    hasVehicle: yn(s.hasVehicle),
    vehicles: (s.vehicles || []).map((v) => ({ ownerName: v.ownerName || '', plateNumber: v.plateNumber || '', model: v.model || '', value: fromFen(v.valueFen) })),
    hasRealEstate: yn(s.hasRealEstate),
    realEstates: (s.realEstates || []).map((r) => ({
      ownerName: r.ownerName || '', address: r.address || '', areaM2: r.areaM2 === null || r.areaM2 === undefined ? '' : String(r.areaM2),
      certificateNumber: r.certificateNumber || '',
    })),
    hasBusiness: yn(s.hasBusiness),
    businesses: (s.businesses || []).map((b) => ({ ownerName: b.ownerName || '', name: b.name || '', creditCode: b.creditCode || '' })),
    deposits: fromFen(s.depositsFen),
    securities: fromFen(s.securitiesFen),
  };
}

const blank = (v) => (typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v);
const fen = (v) => {
  const f = toFen(v);
  return Number.isNaN(f) ? v : f;
};

function toBody(m) {
  return {
    hasVehicle: m.hasVehicle,
    vehicles: m.hasVehicle ? m.vehicles.map((v) => ({ ownerName: blank(v.ownerName), plateNumber: blank(v.plateNumber), model: blank(v.model), valueFen: fen(v.value) })) : [],
    hasRealEstate: m.hasRealEstate,
    realEstates: m.hasRealEstate
      ? m.realEstates.map((r) => ({ ownerName: blank(r.ownerName), address: blank(r.address), areaM2: r.areaM2 === '' ? null : Number(r.areaM2), certificateNumber: blank(r.certificateNumber) }))
      : [],
    hasBusiness: m.hasBusiness,
    businesses: m.hasBusiness ? m.businesses.map((b) => ({ ownerName: blank(b.ownerName), name: blank(b.name), creditCode: blank(b.creditCode) })) : [],
    depositsFen: fen(m.deposits),
    securitiesFen: fen(m.securities),
  };
}

function checkAssets(m) {
  const errors = [];
  // the fields the server asks of each row
  const needed = { vehicles: ['ownerName', 'plateNumber'], realEstates: ['ownerName', 'address', 'areaM2'], businesses: ['ownerName', 'name'] };
  for (const [flag, list] of [['hasVehicle', 'vehicles'], ['hasRealEstate', 'realEstates'], ['hasBusiness', 'businesses']]) {
    if (m[flag] === null) errors.push([flag, 'jiangxi.assets.answer']);
    else if (m[flag] && !m[list].length) errors.push([list, 'jiangxi.assets.rowsNeeded']);
    else if (m[flag]) {
      m[list].forEach((row, i) => needed[list].forEach((f) => !String(row[f] || '').trim() && errors.push([`${list}[${i}].${f}`, 'jiangxi.assets.rowField'])));
    }
  }
  for (const [field, value] of [['depositsFen', m.deposits], ['securitiesFen', m.securities]]) {
    const fen = toFen(value);
    if (fen === null) errors.push([field, 'jiangxi.assets.amountRequired']);
    else if (Number.isNaN(fen)) errors.push([field, 'jiangxi.form.amountError']);
  }
  m.vehicles.forEach((v, i) => Number.isNaN(toFen(v.value)) && errors.push([`vehicles[${i}].valueFen`, 'jiangxi.form.amountError']));
  if (errors.length) throw invalid(errors);
}

export const AssetsStep = {
  name: 'JxAssetsStep',
  components: { GsProblem, GsSignaturePad, GsUpload, JxYesNo },
  props: STEP_PROPS,
  emits: ['saved'],
  setup(props, { emit, expose }) {
    const step = useStep(props, emit, { step: 'assets', fromApplication: fromAssets, body: toBody, check: checkAssets });
    const letter = useProblem();
    const sign = reactive({
      mode: isPhone() || props.counter ? 'SIGN' : 'UPLOAD', image: null, busy: false, pdfUrl: '', upload: null, showPdf: false,
    });
    const commitment = computed(() => {
      const a = step.state.application;
      return (a && a.assets && a.assets.commitment) || null;
    });
    const done = computed(() => !!(commitment.value && commitment.value.mode));

    function add(list) {
      step.model.value[list].push(ROWS[list]());
    }
    function removeRow(list, i) {
      step.model.value[list].splice(i, 1);
    }
    function answered(flag, list, value) {
      const m = step.model.value;
      m[flag] = value;
      if (value && !m[list].length) m[list].push(ROWS[list]());
    }

    function changed(a) {
      step.state.application = a;
      emit('saved', a);
    }
    /** 确认签名: the core issues the letter with the signature (a new one replaces the old). */
    async function submitSignature() {
      if (!sign.image) {
        letter.set(invalid([['commitment', 'jiangxi.assets.signFirst']]));
        return;
      }
      letter.clear();
      sign.busy = true;
      try {
        changed(await api.post(pathOf(props.applicationId, '/commitment/signature'), { image: sign.image }));
        showToast({ message: t('jiangxi.assets.signed'), type: 'success' });
      } catch (e) {
        letter.set(e);
      } finally {
        sign.busy = false;
      }
    }
    /** 下载授权承诺书: the letter filled with the family, to print and sign by hand. */
    async function download() {
      letter.clear();
      try {
        const blob = await api.blob(pathOf(props.applicationId, '/commitment/pdf'), { download: true });
        const url = URL.createObjectURL(blob);
        const a = document.createElement('a');
        a.href = url;
        a.download = t('jiangxi.assets.letterFile');
        a.rel = 'noopener';
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60000);
      } catch (e) {
        letter.set(e);
      }
    }
    /** The photo of the signed letter, once uploaded, is filed as the letter. */
    async function uploaded(record) {
      if (!record) return;
      letter.clear();
      try {
        changed(await api.post(pathOf(props.applicationId, '/commitment/upload'), { attachmentId: record.id }));
        showToast({ message: t('jiangxi.assets.uploadedLetter'), type: 'success' });
      } catch (e) {
        letter.set(e);
      }
    }
    /** The letter as issued (signed on screen): the core's document, or the unsigned one. */
    async function view() {
      letter.clear();
      try {
        const c = commitment.value;
        const path = c && c.documentId ? `documents/${encodeURIComponent(c.documentId)}/pdf` : pathOf(props.applicationId, '/commitment/pdf');
        const blob = await api.blob(path);
        if (sign.pdfUrl) URL.revokeObjectURL(sign.pdfUrl);
        sign.pdfUrl = URL.createObjectURL(blob);
        sign.showPdf = true;
      } catch (e) {
        letter.set(e);
      }
    }
    onBeforeUnmount(() => sign.pdfUrl && URL.revokeObjectURL(sign.pdfUrl));

    expose({ save: step.save });
    return { ...step, letter, sign, commitment, done, add, removeRow, answered, submitSignature, download, uploaded, view, formatTime };
  },
  template: `
    <div class="jx-step jx-step-assets" data-testid="jx-step-assets">
      <GsProblem v-if="!$props.problem" :problem="own" />
      <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <template v-else-if="model">
        <section class="jx-section" data-testid="assets-vehicles">
          <JxYesNo :model-value="model.hasVehicle" @update:model-value="answered('hasVehicle', 'vehicles', $event)"
            :label="$t('jiangxi.assets.vehicleQ')" testid="has-vehicle" :error="err('hasVehicle') || err('vehicles')" />
          <template v-if="model.hasVehicle">
            <van-cell-group v-for="(v, i) in model.vehicles" :key="i" inset class="jx-row" data-testid="vehicle-row">
              <van-field v-model="v.ownerName" :label="$t('jiangxi.assets.ownerName')" :error-message="err('vehicles[' + i + '].ownerName')" data-testid="vehicle-owner" required />
              <van-field v-model="v.plateNumber" :label="$t('jiangxi.assets.plateNumber')" required :error-message="err('vehicles[' + i + '].plateNumber')" data-testid="vehicle-plate" />
              <van-field v-model="v.model" :label="$t('jiangxi.assets.model')" :error-message="err('vehicles[' + i + '].model')" data-testid="vehicle-model" />
              <van-field v-model="v.value" :label="$t('jiangxi.assets.value')" type="number" inputmode="decimal" :error-message="err('vehicles[' + i + '].valueFen')" data-testid="vehicle-value">
                <template #extra><span class="jx-unit" aria-hidden="true">{{ $t('jiangxi.form.yuan') }}</span></template>
              </van-field>
              <div class="jx-row-actions"><van-button size="small" plain icon="delete-o" native-type="button" @click="removeRow('vehicles', i)" data-testid="row-remove">{{ $t('jiangxi.assets.removeRow') }}</van-button></div>
            </van-cell-group>
            <div class="jx-add"><van-button size="small" icon="plus" plain type="primary" native-type="button" @click="add('vehicles')" data-testid="vehicle-add">{{ $t('jiangxi.assets.addVehicle') }}</van-button></div>
          </template>
        </section>
        <section class="jx-section" data-testid="assets-real-estate">
          <JxYesNo :model-value="model.hasRealEstate" @update:model-value="answered('hasRealEstate', 'realEstates', $event)"
            :label="$t('jiangxi.assets.realEstateQ')" testid="has-real-estate" :error="err('hasRealEstate') || err('realEstates')" />
          <template v-if="model.hasRealEstate">
            <van-cell-group v-for="(r, i) in model.realEstates" :key="i" inset class="jx-row" data-testid="real-estate-row">
              <van-field v-model="r.ownerName" :label="$t('jiangxi.assets.ownerName')" :error-message="err('realEstates[' + i + '].ownerName')" data-testid="estate-owner" required />
              <van-field v-model="r.address" :label="$t('jiangxi.assets.address')" required :error-message="err('realEstates[' + i + '].address')" data-testid="estate-address" />
              <van-field v-model="r.areaM2" :label="$t('jiangxi.assets.area')" type="number" inputmode="decimal" :error-message="err('realEstates[' + i + '].areaM2')" data-testid="estate-area" required>
                <template #extra><span class="jx-unit" aria-hidden="true">m²</span></template>
              </van-field>
              <van-field v-model="r.certificateNumber" :label="$t('jiangxi.assets.certificate')" :error-message="err('realEstates[' + i + '].certificateNumber')" data-testid="estate-certificate" />
              <div class="jx-row-actions"><van-button size="small" plain icon="delete-o" native-type="button" @click="removeRow('realEstates', i)" data-testid="row-remove">{{ $t('jiangxi.assets.removeRow') }}</van-button></div>
            </van-cell-group>
            <div class="jx-add"><van-button size="small" icon="plus" plain type="primary" native-type="button" @click="add('realEstates')" data-testid="estate-add">{{ $t('jiangxi.assets.addRealEstate') }}</van-button></div>
          </template>
        </section>
        <section class="jx-section" data-testid="assets-business">
          <JxYesNo :model-value="model.hasBusiness" @update:model-value="answered('hasBusiness', 'businesses', $event)"
            :label="$t('jiangxi.assets.businessQ')" testid="has-business" :error="err('hasBusiness') || err('businesses')" />
          <template v-if="model.hasBusiness">
            <van-cell-group v-for="(b, i) in model.businesses" :key="i" inset class="jx-row" data-testid="business-row">
              <van-field v-model="b.ownerName" :label="$t('jiangxi.assets.ownerName')" :error-message="err('businesses[' + i + '].ownerName')" data-testid="business-owner" required />
              <van-field v-model="b.name" :label="$t('jiangxi.assets.businessName')" required :error-message="err('businesses[' + i + '].name')" data-testid="business-name" />
              <van-field v-model="b.creditCode" :label="$t('jiangxi.assets.creditCode')" :error-message="err('businesses[' + i + '].creditCode')" data-testid="business-code" />
              <div class="jx-row-actions"><van-button size="small" plain icon="delete-o" native-type="button" @click="removeRow('businesses', i)" data-testid="row-remove">{{ $t('jiangxi.assets.removeRow') }}</van-button></div>
            </van-cell-group>
            <div class="jx-add"><van-button size="small" icon="plus" plain type="primary" native-type="button" @click="add('businesses')" data-testid="business-add">{{ $t('jiangxi.assets.addBusiness') }}</van-button></div>
          </template>
        </section>
        <section class="jx-section">
          <h3 class="jx-question">{{ $t('jiangxi.assets.moneyQ') }}</h3>
          <van-cell-group inset>
            <van-field v-model="model.deposits" :label="$t('jiangxi.assets.deposits')" required type="number" inputmode="decimal" :placeholder="$t('jiangxi.form.yuanPlaceholder')"
              :error-message="err('depositsFen')" data-testid="assets-deposits">
              <template #extra><span class="jx-unit" aria-hidden="true">{{ $t('jiangxi.form.yuan') }}</span></template>
            </van-field>
            <van-field v-model="model.securities" :label="$t('jiangxi.assets.securities')" required type="number" inputmode="decimal" :placeholder="$t('jiangxi.form.yuanPlaceholder')"
              :error-message="err('securitiesFen')" data-testid="assets-securities">
              <template #extra><span class="jx-unit" aria-hidden="true">{{ $t('jiangxi.form.yuan') }}</span></template>
            </van-field>
          </van-cell-group>
        </section>

        <section v-if="!counter" class="jx-section jx-letter" data-testid="commitment" :data-done="done ? 'true' : 'false'">
          <h3 class="jx-question">{{ $t('jiangxi.assets.letterTitle') }} <span class="jx-required">*</span></h3>
          <p class="gs-muted jx-small">{{ $t('jiangxi.assets.letterHint') }}</p>
          <p v-if="done" class="jx-state jx-state-ok" data-testid="commitment-state" role="status">
            <van-icon name="passed" aria-hidden="true" />
            {{ commitment.mode === 'UPLOADED' ? $t('jiangxi.assets.doneUploaded') : $t('jiangxi.assets.doneSigned') }}
            <span v-if="commitment.at" class="gs-muted"> · {{ formatTime(commitment.at) }}</span>
          </p>
          <p v-else class="jx-state" data-testid="commitment-state" role="status"><van-icon name="info-o" aria-hidden="true" /> {{ $t('jiangxi.assets.notDone') }}</p>
          <p v-if="err('commitment')" class="jx-field-error" role="alert">{{ err('commitment') }}</p>
          <GsProblem :problem="letter" />
          <van-button v-if="done" size="small" icon="eye-o" plain native-type="button" @click="view" data-testid="commitment-view">{{ $t('jiangxi.assets.viewLetter') }}</van-button>
          <van-tabs v-model:active="sign.mode" class="jx-letter-tabs" shrink>
            <van-tab :title="$t('jiangxi.assets.modeSign')" name="SIGN" :title-attrs="{ 'data-testid': 'commitment-mode-sign' }">
              <p class="jx-small">{{ $t('jiangxi.assets.signHint') }}</p>
              <GsSignaturePad v-model="sign.image" :height="180" />
              <div class="gs-actions">
                <van-button round block type="primary" icon="edit" native-type="button" :loading="sign.busy" :disabled="!sign.image"
                  @click="submitSignature" data-testid="commitment-sign">{{ done ? $t('jiangxi.assets.signAgain') : $t('jiangxi.assets.sign') }}</van-button>
              </div>
            </van-tab>
            <van-tab :title="$t('jiangxi.assets.modeUpload')" name="UPLOAD" :title-attrs="{ 'data-testid': 'commitment-mode-upload' }">
              <ol class="jx-small jx-letter-steps"><li>{{ $t('jiangxi.assets.upload1') }}</li><li>{{ $t('jiangxi.assets.upload2') }}</li><li>{{ $t('jiangxi.assets.upload3') }}</li></ol>
              <div class="jx-add">
                <van-button size="small" icon="down" plain type="primary" native-type="button" @click="download" data-testid="commitment-download">{{ $t('jiangxi.assets.download') }}</van-button>
              </div>
              <GsUpload v-if="!counter" v-model="sign.upload" kind="signed-letter" :label="$t('jiangxi.assets.signedPhoto')" capture accept="image/jpeg,image/png,application/pdf"
                @update:model-value="uploaded" />
              <p v-else class="gs-muted jx-small">{{ $t('jiangxi.assets.counterUpload') }}</p>
            </van-tab>
          </van-tabs>
        </section>
        <van-popup v-model:show="sign.showPdf" position="bottom" round closeable :style="{ height: '90%' }" :aria-label="$t('jiangxi.assets.letterTitle')">
          <div class="jx-pdf-box">
            <h3>{{ $t('jiangxi.assets.letterTitle') }}</h3>
            <iframe v-if="sign.pdfUrl" :src="sign.pdfUrl" :title="$t('jiangxi.assets.letterTitle')" class="jx-pdf" data-testid="commitment-pdf"></iframe>
          </div>
        </van-popup>
      </template>
    </div>`,
};

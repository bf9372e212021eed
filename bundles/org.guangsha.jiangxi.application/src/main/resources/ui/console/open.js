// 新建窗口申请 (JX-1, JX-2): for the citizen at the counter, the caseworker chooses the county or
// district (under their own region) and confirms it a second time, records that the citizen read
// and signed the service-authorization agreement on paper (its text from GET /api/jiangxi/guide,
// to read here or print) and that the ID card was checked in person, then opens the application
// (POST /api/jiangxi/counter/applications): channel COUNTER, filed by the caseworker.
import { reactive, computed, onMounted } from 'vue';
import { showConfirmDialog } from 'vant';
import { api, session, local, t, navigate, useProblem, GsProblem } from 'guangsha';
import { GsConsolePage, isStaff, loadRegions, regionName } from 'guangsha/console';
import { counterHref, counterPath, currentCitizen, countiesUnder } from './shared.js';

export const OpenApplication = {
  components: { GsProblem, GsConsolePage },
  props: { params: { type: Object, default: () => ({}) } },
  setup(props) {
    const problem = useProblem();
    const form = reactive({ regionCode: '', confirmRegion: false, consentSigned: false, identityChecked: false, touched: false });
    const state = reactive({ busy: false, guide: null, guideProblem: '', showAgreement: false, existing: '' });
    const citizenId = computed(() => props.params.cid);
    const citizen = computed(() => currentCitizen(citizenId.value));
    const counties = countiesUnder(session.me && session.me.regionCode);

    onMounted(async () => {
      await loadRegions();
      // a caseworker of one district files there; one of a city chooses among its districts
      if (counties.value.length === 1) form.regionCode = counties.value[0].code;
      try {
        state.guide = await api.get('jiangxi/guide');
      } catch (e) {
        problem.set(e);
      }
    });

    const agreement = computed(() => (state.guide && state.guide.agreement) || null);
    const agreementText = computed(() => (agreement.value ? local(agreement.value.text) : ''));
    const agreementTitle = computed(() => (agreement.value ? local(agreement.value.title) : t('jiangxiCounter.consentTitle')));
    const chosenName = computed(() => (form.regionCode ? regionName(form.regionCode) : ''));

    const errors = computed(() => ({
      regionCode: problem.field('regionCode') || (form.touched && !form.regionCode ? t('jiangxiCounter.regionRequired') : ''),
      confirmRegion: problem.field('confirmRegion') || (form.touched && form.regionCode && !form.confirmRegion ? t('jiangxiCounter.regionConfirmRequired') : ''),
      consentSigned: problem.field('consentSigned') || (form.touched && !form.consentSigned ? t('jiangxiCounter.consentRequired') : ''),
      identityChecked: problem.field('identityChecked') || (form.touched && !form.identityChecked ? t('jiangxiCounter.identityRequired') : ''),
    }));

    function pickRegion(e) {
      form.regionCode = e.target.value;
      // another region must be confirmed again
      form.confirmRegion = false;
    }

    function printAgreement() {
      state.showAgreement = true;
      document.body.classList.add('jxc-printing');
      const done = () => {
        document.body.classList.remove('jxc-printing');
        window.removeEventListener('afterprint', done);
      };
      window.addEventListener('afterprint', done);
      // the agreement must be on the page before the print dialog copies it
      setTimeout(() => {
        window.print();
        setTimeout(done, 1000);
      }, 50);
    }

    async function open() {
      problem.clear();
      state.existing = '';
      form.touched = true;
      if (Object.values(errors.value).some(Boolean)) return;
      const who = citizen.value ? citizen.value.name : '';
      try {
        await showConfirmDialog({
          title: t('jiangxiCounter.confirmOpenTitle'),
          message: t('jiangxiCounter.confirmOpen', { name: who, region: chosenName.value }),
          confirmButtonText: t('jiangxiCounter.open'),
          cancelButtonText: t('jiangxiCounter.cancel'),
        });
      } catch (e) {
        return;
      }
      state.busy = true;
      try {
        const a = await api.post('jiangxi/counter/applications', {
          citizenId: citizenId.value,
          regionCode: form.regionCode,
          confirmRegion: form.confirmRegion,
          consentSigned: form.consentSigned,
          identityChecked: form.identityChecked,
        });
        navigate(counterPath(`applications/${encodeURIComponent(a.id)}`));
      } catch (e) {
        problem.set(e);
        if (e.status === 409 && e.slug === 'application-exists' && e.problem.detail) state.existing = String(e.problem.detail);
      } finally {
        state.busy = false;
      }
    }

    return {
      problem, form, state, citizen, citizenId, counties, agreement, agreementText, agreementTitle, chosenName, errors,
      pickRegion, printAgreement, open, isStaff, local, counterHref,
    };
  },
  template: `
    <GsConsolePage :title="$t('jiangxiCounter.openTitle')" :back="'/m/jiangxi/?citizen=' + encodeURIComponent(citizenId || '')" :back-text="$t('jiangxiCounter.back')">
      <p v-if="!isStaff()" class="gs-empty" role="alert">{{ $t('jiangxiCounter.staffOnly') }}</p>
      <template v-else>
        <p class="gs-c-note" role="note"><van-icon name="info-o" aria-hidden="true" /> {{ $t('jiangxiCounter.openIntro') }}</p>
        <section v-if="citizen" class="gs-c-card jxc-citizen" data-testid="jxc-open-citizen">
          <dl class="gs-c-dl jxc-dl">
            <dt>{{ $t('jiangxiCounter.citizen') }}</dt><dd>{{ citizen.name }}</dd>
            <dt>{{ $t('jiangxiCounter.idNumber') }}</dt><dd>{{ citizen.idNumber }}</dd>
          </dl>
        </section>
        <form class="jxc-open" @submit.prevent="open" novalidate data-testid="jxc-open">
          <fieldset class="gs-c-card gs-c-fieldset" :aria-describedby="'jxc-region-hint'">
            <legend>{{ $t('jiangxiCounter.regionTitle') }} <span class="gs-c-required">*</span></legend>
            <p id="jxc-region-hint" class="gs-c-hint">{{ $t('jiangxiCounter.regionHint') }}</p>
            <label class="gs-c-field jxc-wide" for="jxc-region">
              <span class="gs-c-label">{{ $t('jiangxiCounter.region') }}</span>
              <select id="jxc-region" :value="form.regionCode" @change="pickRegion" :aria-invalid="errors.regionCode ? 'true' : 'false'" data-testid="jxc-open-region">
                <option value="">{{ $t('jiangxiCounter.regionChoose') }}</option>
                <option v-for="r in counties" :key="r.code" :value="r.code">{{ r.parentName ? local(r.parentName) + ' · ' : '' }}{{ local(r.name) }}</option>
              </select>
              <span v-if="errors.regionCode" class="gs-c-error" role="alert">{{ errors.regionCode }}</span>
            </label>
            <label v-if="form.regionCode" class="gs-c-check jxc-check" for="jxc-region-confirm">
              <input id="jxc-region-confirm" type="checkbox" v-model="form.confirmRegion" data-testid="jxc-open-region-confirm" />
              <span>{{ $t('jiangxiCounter.regionConfirm', { region: chosenName }) }}</span>
            </label>
            <span v-if="errors.confirmRegion" class="gs-c-error" role="alert">{{ errors.confirmRegion }}</span>
          </fieldset>

          <fieldset class="gs-c-card gs-c-fieldset">
            <legend>{{ agreementTitle }} <span class="gs-c-required">*</span></legend>
            <p class="gs-c-hint">{{ $t('jiangxiCounter.consentHint') }}</p>
            <div class="jxc-row-actions">
              <van-button size="small" plain icon="description" @click="state.showAgreement = !state.showAgreement" :disabled="!agreement"
                :aria-expanded="state.showAgreement ? 'true' : 'false'" aria-controls="jxc-agreement" data-testid="jxc-open-agreement">
                {{ state.showAgreement ? $t('jiangxiCounter.consentHide') : $t('jiangxiCounter.consentRead') }}</van-button>
              <van-button size="small" plain icon="printer" @click="printAgreement" :disabled="!agreement" data-testid="jxc-open-agreement-print">{{ $t('jiangxiCounter.consentPrint') }}</van-button>
            </div>
            <article v-show="state.showAgreement && agreement" id="jxc-agreement" class="jxc-agreement jxc-print-target" tabindex="-1" data-testid="jxc-agreement">
              <h3>{{ agreementTitle }}</h3>
              <p class="gs-c-hint" v-if="agreement">{{ agreement.version }}</p>
              <div class="jxc-agreement-text">{{ agreementText }}</div>
            </article>
            <label class="gs-c-check jxc-check" for="jxc-consent">
              <input id="jxc-consent" type="checkbox" v-model="form.consentSigned" :disabled="!agreement" data-testid="jxc-open-consent" />
              <span>{{ $t('jiangxiCounter.consentSigned', { title: agreementTitle, version: agreement ? agreement.version : '' }) }}</span>
            </label>
            <span v-if="errors.consentSigned" class="gs-c-error" role="alert">{{ errors.consentSigned }}</span>
          </fieldset>

          <fieldset class="gs-c-card gs-c-fieldset">
            <legend>{{ $t('jiangxiCounter.identityTitle') }} <span class="gs-c-required">*</span></legend>
            <label class="gs-c-check jxc-check" for="jxc-identity">
              <input id="jxc-identity" type="checkbox" v-model="form.identityChecked" data-testid="jxc-open-identity" />
              <span>{{ $t('jiangxiCounter.identityChecked') }}</span>
            </label>
            <span v-if="errors.identityChecked" class="gs-c-error" role="alert">{{ errors.identityChecked }}</span>
          </fieldset>

          <GsProblem :problem="problem" :placed="['regionCode', 'confirmRegion', 'consentSigned', 'identityChecked']" />
          <p v-if="state.existing" class="gs-c-note" data-testid="jxc-open-existing">{{ $t('jiangxiCounter.exists') }}
            <a :href="counterHref('applications/' + encodeURIComponent(state.existing))">{{ $t('jiangxiCounter.openExisting') }}</a></p>
          <div class="jxc-row-actions">
            <van-button native-type="submit" type="primary" icon="add-o" :loading="state.busy" :loading-text="$t('jiangxiCounter.opening')" data-testid="jxc-open-submit">{{ $t('jiangxiCounter.open') }}</van-button>
          </div>
        </form>
      </template>
    </GsConsolePage>`,
};

// 窗口代办 (JX-1): the caseworker at the service-hall counter finds the citizen by the ID card
// (GET /api/identity/citizens?idNumber=, masked answer) or registers them (POST
// /api/identity/citizens), sees their Jiangxi applications in the caseworker's region (GET
// /api/jiangxi/counter/applications?citizenId=) and opens a new one or continues a draft.
import { reactive, computed, onMounted, watch } from 'vue';
import { api, session, local, t, route, navigate, useProblem, GsProblem } from 'guangsha';
import { GsConsolePage, GsStatus, isStaff, loadRegions, regionName } from 'guangsha/console';
import {
  counterHref, counterPath, currentCitizen, serve, idNumberError, mobileError, word, stepsDone, formatTime,
} from './shared.js';

export const CounterHome = {
  components: { GsProblem, GsConsolePage, GsStatus },
  setup() {
    const problem = useProblem();
    const regProblem = useProblem();
    const listProblem = useProblem();
    const find = reactive({ idNumber: '', busy: false, notFound: false, touched: false });
    const reg = reactive({ open: false, name: '', idNumber: '', mobile: '', busy: false, done: false, touched: false });
    const list = reactive({ items: [], loading: false, loaded: false });

    const citizen = computed(() => currentCitizen(route.query.citizen));

    const findError = computed(() => problem.field('idNumber') || idNumberError(find.idNumber, { complete: find.touched }));
    const regErrors = computed(() => ({
      name: regProblem.field('name') || (reg.touched && !reg.name.trim() ? t('jiangxiCounter.checks.name') : ''),
      idNumber: regProblem.field('idNumber') || idNumberError(reg.idNumber, { complete: reg.touched }),
      mobile: regProblem.field('mobile') || mobileError(reg.mobile, { complete: reg.touched }),
    }));

    async function loadApplications() {
      const c = citizen.value;
      list.items = [];
      list.loaded = false;
      listProblem.clear();
      if (!c) return;
      list.loading = true;
      try {
        const answer = await api.get('jiangxi/counter/applications', { citizenId: c.id });
        list.items = Array.isArray(answer) ? answer : (answer && answer.items) || [];
      } catch (e) {
        listProblem.set(e);
      } finally {
        list.loading = false;
        list.loaded = true;
      }
    }

    function choose(c) {
      serve(c);
      find.idNumber = '';
      find.touched = false;
      find.notFound = false;
      reg.open = false;
      navigate(counterPath(''), { query: { citizen: c.id } });
    }

    async function search() {
      problem.clear();
      find.touched = true;
      find.notFound = false;
      if (findError.value) return;
      find.busy = true;
      try {
        const c = await api.get('identity/citizens', { idNumber: find.idNumber.trim().toUpperCase() });
        choose(c);
      } catch (e) {
        if (e.status === 404) {
          find.notFound = true;
          reg.idNumber = find.idNumber.trim().toUpperCase();
        } else {
          problem.set(e);
        }
      } finally {
        find.busy = false;
      }
    }

    function openRegister() {
      regProblem.clear();
      reg.open = true;
      reg.done = false;
      reg.touched = false;
      if (!reg.idNumber) reg.idNumber = find.idNumber.trim().toUpperCase();
    }

    async function register() {
      regProblem.clear();
      reg.touched = true;
      if (Object.values(regErrors.value).some(Boolean)) return;
      reg.busy = true;
      try {
        const c = await api.post('identity/citizens', {
          name: reg.name.trim(), idNumber: reg.idNumber.trim().toUpperCase(), mobile: reg.mobile.trim(),
        });
        reg.done = true;
        reg.name = '';
        reg.idNumber = '';
        reg.mobile = '';
        choose(c);
      } catch (e) {
        regProblem.set(e);
      } finally {
        reg.busy = false;
      }
    }

    function another() {
      serve(null);
      list.items = [];
      navigate(counterPath(''));
    }

    watch(() => citizen.value && citizen.value.id, loadApplications);
    onMounted(() => {
      loadRegions();
      loadApplications();
    });

    const myRegion = computed(() => (session.me && session.me.regionCode ? regionName(session.me.regionCode) : ''));
    const openable = computed(() => !list.items.some((a) => ['DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'RETURNED'].includes(a.status)));

    return {
      problem, regProblem, listProblem, find, reg, list, citizen, findError, regErrors, myRegion, openable,
      search, openRegister, register, another, loadApplications, isStaff, local, word, stepsDone, formatTime, regionName, counterHref,
    };
  },
  template: `
    <GsConsolePage :title="$t('jiangxiCounter.title')">
      <template #actions>
        <van-button v-if="citizen" size="small" icon="replay" @click="loadApplications" :loading="list.loading" data-testid="jxc-refresh">{{ $t('jiangxiCounter.refresh') }}</van-button>
      </template>
      <p class="gs-c-note" role="note"><van-icon name="info-o" aria-hidden="true" /> {{ $t('jiangxiCounter.subtitle') }}
        <span v-if="myRegion" data-testid="jxc-my-region"> {{ $t('jiangxiCounter.yourRegion', { region: myRegion }) }}</span></p>
      <p v-if="!isStaff()" class="gs-empty" role="alert">{{ $t('jiangxiCounter.staffOnly') }}</p>

      <template v-else-if="!citizen">
        <section class="gs-c-card jxc-find" aria-labelledby="jxc-find-title" data-testid="jxc-find">
          <h2 id="jxc-find-title">{{ $t('jiangxiCounter.findTitle') }}</h2>
          <p class="gs-c-hint">{{ $t('jiangxiCounter.findHint') }}</p>
          <form class="jxc-row" @submit.prevent="search" novalidate>
            <label class="gs-c-field jxc-wide" for="jxc-find-id">
              <span class="gs-c-label">{{ $t('jiangxiCounter.idNumber') }}</span>
              <input id="jxc-find-id" v-model="find.idNumber" maxlength="18" autocomplete="off" spellcheck="false" inputmode="text"
                :placeholder="$t('jiangxiCounter.idNumberPlaceholder')" :aria-invalid="findError ? 'true' : 'false'"
                aria-describedby="jxc-find-error" @blur="find.touched = !!find.idNumber" data-testid="jxc-find-id" />
              <span id="jxc-find-error" class="gs-c-error" v-if="findError" role="alert" data-testid="jxc-find-error">{{ findError }}</span>
            </label>
            <div class="jxc-row-actions">
              <van-button native-type="submit" type="primary" size="small" icon="search" :loading="find.busy" :loading-text="$t('jiangxiCounter.finding')"
                data-testid="jxc-find-submit">{{ $t('jiangxiCounter.find') }}</van-button>
            </div>
          </form>
          <GsProblem :problem="problem" :placed="['idNumber']" />
          <div v-if="find.notFound" class="gs-c-note jxc-not-found" role="status" data-testid="jxc-not-found">
            <van-icon name="warning-o" aria-hidden="true" /> {{ $t('jiangxiCounter.notFound') }}
            <van-button size="small" plain type="primary" icon="add-o" @click="openRegister" data-testid="jxc-register-open">{{ $t('jiangxiCounter.registerOpen') }}</van-button>
          </div>
          <p v-else-if="!reg.open" class="jxc-register-link">
            <van-button size="small" plain icon="add-o" @click="openRegister" data-testid="jxc-register-open-any">{{ $t('jiangxiCounter.registerOpen') }}</van-button>
          </p>
        </section>

        <section v-if="reg.open" class="gs-c-card jxc-register" aria-labelledby="jxc-register-title" data-testid="jxc-register">
          <h2 id="jxc-register-title">{{ $t('jiangxiCounter.registerTitle') }}</h2>
          <p class="gs-c-hint">{{ $t('jiangxiCounter.registerHint') }}</p>
          <form class="jxc-grid" @submit.prevent="register" novalidate>
            <label class="gs-c-field" for="jxc-reg-name">
              <span class="gs-c-label">{{ $t('jiangxiCounter.name') }} <span class="gs-c-required">*</span></span>
              <input id="jxc-reg-name" v-model="reg.name" maxlength="50" autocomplete="off" :aria-invalid="regErrors.name ? 'true' : 'false'" data-testid="jxc-reg-name" />
              <span class="gs-c-error" v-if="regErrors.name" role="alert">{{ regErrors.name }}</span>
            </label>
            <label class="gs-c-field" for="jxc-reg-id">
              <span class="gs-c-label">{{ $t('jiangxiCounter.idNumber') }} <span class="gs-c-required">*</span></span>
              <input id="jxc-reg-id" v-model="reg.idNumber" maxlength="18" autocomplete="off" spellcheck="false" :aria-invalid="regErrors.idNumber ? 'true' : 'false'" data-testid="jxc-reg-id" />
              <span class="gs-c-error" v-if="regErrors.idNumber" role="alert" data-testid="jxc-reg-id-error">{{ regErrors.idNumber }}</span>
            </label>
            <label class="gs-c-field" for="jxc-reg-mobile">
              <span class="gs-c-label">{{ $t('jiangxiCounter.mobile') }} <span class="gs-c-required">*</span></span>
              <input id="jxc-reg-mobile" v-model="reg.mobile" maxlength="11" inputmode="numeric" autocomplete="off" :aria-invalid="regErrors.mobile ? 'true' : 'false'" data-testid="jxc-reg-mobile" />
              <span class="gs-c-error" v-if="regErrors.mobile" role="alert" data-testid="jxc-reg-mobile-error">{{ regErrors.mobile }}</span>
            </label>
            <div class="jxc-row-actions">
              <van-button native-type="submit" type="primary" size="small" icon="success" :loading="reg.busy" data-testid="jxc-reg-submit">{{ $t('jiangxiCounter.register') }}</van-button>
              <van-button size="small" @click="reg.open = false">{{ $t('jiangxiCounter.cancel') }}</van-button>
            </div>
          </form>
          <GsProblem :problem="regProblem" :placed="['name', 'idNumber', 'mobile']" />
        </section>
      </template>

      <template v-else>
        <section class="gs-c-card jxc-citizen" aria-labelledby="jxc-citizen-title" data-testid="jxc-citizen" :data-citizen-id="citizen.id">
          <div class="gs-c-card-head">
            <h2 id="jxc-citizen-title">{{ $t('jiangxiCounter.citizenTitle') }}</h2>
            <van-button size="small" plain icon="exchange" @click="another" data-testid="jxc-other-citizen">{{ $t('jiangxiCounter.otherCitizen') }}</van-button>
          </div>
          <dl class="gs-c-dl jxc-dl">
            <dt>{{ $t('jiangxiCounter.name') }}</dt><dd data-testid="jxc-citizen-name">{{ citizen.name }}</dd>
            <dt>{{ $t('jiangxiCounter.idNumber') }}</dt><dd data-testid="jxc-citizen-id">{{ citizen.idNumber }}</dd>
            <dt>{{ $t('jiangxiCounter.mobile') }}</dt><dd>{{ citizen.mobile || $t('jiangxiCounter.none') }}</dd>
            <dt>{{ $t('jiangxiCounter.trustLevel') }}</dt><dd>{{ word('trust', citizen.trustLevel) || $t('jiangxiCounter.none') }}</dd>
          </dl>
        </section>

        <section class="gs-c-card" aria-labelledby="jxc-apps-title">
          <div class="gs-c-card-head">
            <h2 id="jxc-apps-title">{{ $t('jiangxiCounter.applicationsTitle') }}</h2>
            <van-button v-if="openable && list.loaded" size="small" type="primary" icon="add-o"
              :url="counterHref('citizens/' + encodeURIComponent(citizen.id) + '/new')" data-testid="jxc-new">{{ $t('jiangxiCounter.newApplication') }}</van-button>
          </div>
          <GsProblem :problem="listProblem" />
          <div class="gs-c-table-wrap">
            <table class="gs-c-table" data-testid="jxc-applications" :aria-busy="list.loading ? 'true' : 'false'">
              <caption class="gs-c-sr">{{ $t('jiangxiCounter.applicationsCaption') }}</caption>
              <thead><tr>
                <th scope="col">{{ $t('jiangxiCounter.number') }}</th><th scope="col">{{ $t('jiangxiCounter.status') }}</th>
                <th scope="col">{{ $t('jiangxiCounter.region') }}</th><th scope="col">{{ $t('jiangxiCounter.channel') }}</th>
                <th scope="col">{{ $t('jiangxiCounter.category') }}</th><th scope="col">{{ $t('jiangxiCounter.progress') }}</th>
                <th scope="col">{{ $t('jiangxiCounter.updatedAt') }}</th><th scope="col">{{ $t('jiangxiCounter.actions') }}</th>
              </tr></thead>
              <tbody>
                <tr v-for="a in list.items" :key="a.id" data-testid="jxc-application-row" :data-application-id="a.id" :data-status="a.status" :data-channel="a.channel">
                  <td class="gs-c-nowrap"><code>{{ a.number || a.id }}</code></td>
                  <td><GsStatus :status="a.status" /></td>
                  <td>{{ local(a.regionName) || regionName(a.regionCode) }}</td>
                  <td class="gs-c-nowrap" data-testid="jxc-application-channel">{{ word('channels', a.channel) }}<template v-if="a.filedBy"> · {{ a.filedBy }}</template></td>
                  <td>{{ local(a.categoryName) || a.categoryName || $t('jiangxiCounter.none') }}</td>
                  <td class="gs-c-nowrap">{{ $t('jiangxiCounter.stepsDone', { done: stepsDone(a) }) }}</td>
                  <td class="gs-c-nowrap"><time :datetime="a.updatedAt || a.createdAt">{{ formatTime(a.updatedAt || a.createdAt) }}</time></td>
                  <td class="gs-c-row-actions">
                    <a v-if="a.channel === 'COUNTER'" :href="counterHref('applications/' + encodeURIComponent(a.id))" data-testid="jxc-application-open">{{ a.status === 'DRAFT' ? $t('jiangxiCounter.continue') : $t('jiangxiCounter.view') }}</a>
                    <a v-else :href="'#/cases/' + encodeURIComponent(a.id)">{{ $t('jiangxiCounter.view') }}</a>
                  </td>
                </tr>
                <tr v-if="!list.items.length && list.loaded && !list.loading">
                  <td colspan="8" class="gs-c-empty-cell" data-testid="jxc-applications-empty">{{ $t('jiangxiCounter.noApplications') }}</td>
                </tr>
              </tbody>
            </table>
          </div>
        </section>
      </template>
    </GsConsolePage>`,
};

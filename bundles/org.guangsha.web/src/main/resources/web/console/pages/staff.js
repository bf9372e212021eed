// 审核人员 (operators): the staff of a region and below (GET /api/identity/staff?region=), a new
// caseworker or operator account (POST /api/identity/staff), and disabling or enabling an account
// where the platform offers it (POST /api/identity/staff/{id}/disable|enable).
import { reactive, computed, onMounted } from 'vue';
import { showConfirmDialog } from 'vant';
import { api, hasApi, local, t, maskMobile, useProblem, GsProblem } from 'guangsha';
import { GsConsolePage, GsOperatorsOnly, GsSelect, isOperator, regions, loadRegions, regionName, regionsUnder, roleWord } from '../common.js';

export const Staff = {
  components: { GsProblem, GsConsolePage, GsOperatorsOnly, GsSelect },
  setup() {
    const problem = useProblem();
    const createProblem = useProblem();
    const state = reactive({ region: '', loading: false, items: [], toggle: null, done: '', toggleNote: '' });
    const form = reactive({ username: '', name: '', password: '', role: 'CASEWORKER', regionCode: '' });
    const creating = reactive({ busy: false, done: '' });

    const regionOptions = computed(() =>
      regionsUnder(null).map((r) => ({ value: r.code, label: local(r.name), depth: r.depth })));

    async function load() {
      if (!isOperator()) return;
      problem.clear();
      state.loading = true;
      try {
        await loadRegions();
        // "all regions": every top-level region, merged
        const codes = state.region ? [state.region] : regions.tree.map((r) => r.code);
        const lists = await Promise.all(codes.map((code) => api.get('identity/staff', { region: code })));
        const seen = new Map();
        for (const list of lists) for (const s of list || []) seen.set(s.id, s);
        state.items = [...seen.values()].sort((a, b) => (a.username || '').localeCompare(b.username || ''));
      } catch (e) {
        state.items = [];
        problem.set(e);
      } finally {
        state.loading = false;
      }
    }

    async function checkToggle() {
      const [disable, enable] = await Promise.all([
        hasApi('POST', '/identity/staff/{id}/disable'),
        hasApi('POST', '/identity/staff/{id}/enable'),
      ]);
      state.toggle = disable || enable ? { disable, enable } : false;
    }

    onMounted(() => {
      load();
      checkToggle();
    });

    const setRegion = (code) => {
      state.region = code;
      load();
    };

    /** Whether an account is disabled, from whichever field the server gives. */
    const disabledOf = (s) => {
      if (typeof s.enabled === 'boolean') return !s.enabled;
      if (typeof s.disabled === 'boolean') return s.disabled;
      if (typeof s.status === 'string') return s.status.toUpperCase() === 'DISABLED';
      return null;
    };
    const phoneOf = (s) => maskMobile(s.mobile || s.phone || '');

    async function toggle(s, action) {
      state.done = '';
      state.toggleNote = '';
      problem.clear();
      try {
        await showConfirmDialog({
          title: t(`ops.${action}`),
          message: t(action === 'disable' ? 'ops.confirmDisable' : 'ops.confirmEnable', { username: s.username }),
          confirmButtonText: t('common.confirm'),
          cancelButtonText: t('common.cancel'),
        });
      } catch (e) {
        return;
      }
      try {
        await api.post(`identity/staff/${encodeURIComponent(s.id)}/${action}`, {});
        state.done = t('ops.toggled', { username: s.username });
        load();
      } catch (e) {
        if (e.status === 404 || e.status === 405) {
          state.toggle = false;
          state.toggleNote = t('ops.toggleUnavailable');
        } else {
          problem.set(e);
        }
      }
    }

    async function create() {
      createProblem.clear();
      creating.done = '';
      creating.busy = true;
      try {
        const s = await api.post('identity/staff', {
          username: form.username.trim(),
          name: form.name.trim(),
          password: form.password,
          role: form.role,
          regionCode: form.role === 'CASEWORKER' ? form.regionCode || null : null,
        });
        creating.done = t('ops.created', { username: s.username });
        Object.assign(form, { username: '', name: '', password: '' });
        load();
      } catch (e) {
        createProblem.set(e);
      } finally {
        creating.busy = false;
      }
    }

    return {
      state, problem, createProblem, form, creating, regionOptions, isOperator, setRegion, disabledOf, phoneOf,
      toggle, create, load, regionName, roleWord: (s) => roleWord({ roles: (s.role || '').split(',') }),
    };
  },
  template: `
    <GsOperatorsOnly v-if="!isOperator()" />
    <GsConsolePage v-else :title="$t('ops.staffTitle')">
      <GsProblem :problem="problem" />
      <p v-if="state.done" class="gs-c-done" role="status" data-testid="staff-toggle-result"><van-icon name="passed" aria-hidden="true" /> {{ state.done }}</p>
      <div class="gs-c-two">
        <section class="gs-c-card" aria-labelledby="s-list">
          <div class="gs-c-card-head">
            <h2 id="s-list">{{ $t('ops.staffList') }}</h2>
            <div class="gs-c-filters gs-c-filters-inline">
              <GsSelect id="s-region" :label="$t('ops.region')" :all="$t('console.allRegions')" :model-value="state.region"
                :options="regionOptions" @update:model-value="setRegion" testid="staff-region" />
              <van-button size="small" icon="replay" @click="load" :loading="state.loading" data-testid="staff-refresh">{{ $t('ops.refresh') }}</van-button>
            </div>
          </div>
          <p v-if="state.toggle === false" class="gs-c-note" role="note" data-testid="staff-toggle-unavailable">
            <van-icon name="info-o" aria-hidden="true" /> {{ state.toggleNote || $t('ops.toggleUnavailable') }}</p>
          <div class="gs-c-table-wrap">
            <table class="gs-c-table" data-testid="staff-table">
              <caption class="gs-c-sr">{{ $t('ops.staffCaption') }}</caption>
              <thead><tr>
                <th scope="col">{{ $t('ops.username') }}</th><th scope="col">{{ $t('ops.staffName') }}</th>
                <th scope="col">{{ $t('ops.role') }}</th><th scope="col">{{ $t('ops.region') }}</th>
                <th scope="col">{{ $t('ops.phone') }}</th><th scope="col">{{ $t('ops.accountStatus') }}</th>
                <th scope="col">{{ $t('ops.actions') }}</th>
              </tr></thead>
              <tbody>
                <tr v-for="s in state.items" :key="s.id" data-testid="staff-row" :data-username="s.username">
                  <td><code>{{ s.username }}</code></td>
                  <td>{{ s.name }}</td>
                  <td>{{ roleWord(s) }}</td>
                  <td>{{ regionName(s.regionCode) || '—' }}</td>
                  <td>{{ phoneOf(s) || '—' }}</td>
                  <td>
                    <span v-if="disabledOf(s) === true" class="gs-c-status gs-c-status-rejected"><van-icon name="stop-circle-o" aria-hidden="true" /> {{ $t('ops.disabled') }}</span>
                    <span v-else-if="disabledOf(s) === false" class="gs-c-status gs-c-status-approved"><van-icon name="passed" aria-hidden="true" /> {{ $t('ops.enabled') }}</span>
                    <span v-else class="gs-muted">{{ $t('ops.unknown') }}</span>
                  </td>
                  <td class="gs-c-row-actions">
                    <van-button size="mini" type="danger" plain :disabled="!state.toggle || !state.toggle.disable || disabledOf(s) === true"
                      @click="toggle(s, 'disable')" data-testid="staff-disable" :aria-label="$t('ops.disable') + ' ' + s.username">{{ $t('ops.disable') }}</van-button>
                    <van-button size="mini" type="primary" plain :disabled="!state.toggle || !state.toggle.enable || disabledOf(s) === false"
                      @click="toggle(s, 'enable')" data-testid="staff-enable" :aria-label="$t('ops.enable') + ' ' + s.username">{{ $t('ops.enable') }}</van-button>
                  </td>
                </tr>
                <tr v-if="!state.items.length && !state.loading"><td colspan="7" class="gs-c-empty-cell">{{ $t('ops.noStaff') }}</td></tr>
              </tbody>
            </table>
          </div>
        </section>
        <section class="gs-c-card gs-c-create" aria-labelledby="s-create">
          <h2 id="s-create">{{ $t('ops.create') }}</h2>
          <GsProblem :problem="createProblem" :placed="['username', 'name', 'password', 'role', 'regionCode']" />
          <p v-if="creating.done" class="gs-c-done" role="status" data-testid="staff-created"><van-icon name="passed" aria-hidden="true" /> {{ creating.done }}</p>
          <form @submit.prevent="create" novalidate data-testid="staff-create-form">
            <label class="gs-c-field gs-c-block" for="n-username"><span class="gs-c-label">{{ $t('ops.username') }} *</span>
              <input id="n-username" v-model="form.username" autocomplete="off" spellcheck="false" data-testid="staff-username"
                :aria-invalid="createProblem.field('username') ? 'true' : 'false'" />
              <span v-if="createProblem.field('username')" class="gs-c-error" role="alert">{{ createProblem.field('username') }}</span></label>
            <label class="gs-c-field gs-c-block" for="n-name"><span class="gs-c-label">{{ $t('ops.staffName') }} *</span>
              <input id="n-name" v-model="form.name" autocomplete="off" data-testid="staff-name"
                :aria-invalid="createProblem.field('name') ? 'true' : 'false'" />
              <span v-if="createProblem.field('name')" class="gs-c-error" role="alert">{{ createProblem.field('name') }}</span></label>
            <label class="gs-c-field gs-c-block" for="n-password"><span class="gs-c-label">{{ $t('ops.password') }} *</span>
              <input id="n-password" v-model="form.password" type="password" autocomplete="new-password" data-testid="staff-password"
                aria-describedby="n-password-hint" :aria-invalid="createProblem.field('password') ? 'true' : 'false'" />
              <small id="n-password-hint" class="gs-muted">{{ $t('ops.passwordHint') }}</small>
              <span v-if="createProblem.field('password')" class="gs-c-error" role="alert">{{ createProblem.field('password') }}</span></label>
            <fieldset class="gs-c-fieldset">
              <legend>{{ $t('ops.role') }} *</legend>
              <label class="gs-c-check"><input type="radio" value="CASEWORKER" v-model="form.role" name="role" data-testid="staff-role-caseworker" /> {{ $t('console.role.CASEWORKER') }}</label>
              <label class="gs-c-check"><input type="radio" value="OPERATOR" v-model="form.role" name="role" data-testid="staff-role-operator" /> {{ $t('console.role.OPERATOR') }}</label>
              <span v-if="createProblem.field('role')" class="gs-c-error" role="alert">{{ createProblem.field('role') }}</span>
            </fieldset>
            <template v-if="form.role === 'CASEWORKER'">
              <GsSelect id="n-region" :label="$t('ops.regionFor')" :all="$t('ops.chooseRegion')" v-model="form.regionCode"
                :options="regionOptions" testid="staff-region-pick" />
              <span v-if="createProblem.field('regionCode')" class="gs-c-error" role="alert">{{ createProblem.field('regionCode') }}</span>
            </template>
            <van-button type="primary" block native-type="submit" :loading="creating.busy" data-testid="staff-create-submit">{{ $t('ops.createSubmit') }}</van-button>
          </form>
        </section>
      </div>
    </GsConsolePage>`,
};

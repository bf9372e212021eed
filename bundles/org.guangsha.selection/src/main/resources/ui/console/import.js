// 导入批次 (operators, S-1): a batch's details and its three CSV files (units, ranked families,
// sessions) sent as one multipart request to POST /api/selection/admin/batches/import. The server
// checks everything and stores all or nothing: a 400 `batch-rejected` lists every problem by
// file, row and column, shown here as a table so the lists can be corrected at once.
import { reactive, computed, onMounted } from 'vue';
import { api, i18n, local, navigate, t, formatBytes, useProblem, GsProblem } from 'guangsha';
import { GsConsolePage, GsOperatorsOnly, GsSelect, isOperator, regions, loadRegions, regionsUnder } from 'guangsha/console';
import { instantOf, localInput } from './shared.js';

/** The three CSV files, in the order the form asks for them. */
export const FILES = ['units', 'families', 'sessions'];

/** The server takes each file up to 20 MB; larger ones are refused here before sending. */
const MAX_BYTES = 20 * 1024 * 1024;

/** The batch's own fields (section `batch` of a rejection). */
const BATCH_FIELDS = ['code', 'name', 'regionCode', 'preselectStartsAt', 'cartSize', 'windowSeconds'];

function tomorrowNine() {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  d.setHours(9, 0, 0, 0);
  return localInput(d);
}

/** The column's words for a field the server names (JSON name or CSV header), else the name. */
export function columnWord(section, field) {
  if (!field) return '—';
  for (const key of [`selectionConsole.columns.${section}.${field}`, `selectionConsole.columns.${field}`]) {
    if (i18n.global.te(key)) return t(key);
  }
  return field;
}

export const ImportBatch = {
  components: { GsProblem, GsConsolePage, GsOperatorsOnly, GsSelect },
  setup() {
    const problem = useProblem();
    const form = reactive({
      code: '', name: '', regionCode: '', preselectStartsAt: tomorrowNine(), cartSize: '', windowSeconds: '',
    });
    const files = reactive({ units: null, families: null, sessions: null });
    const state = reactive({ busy: false, progress: 0, rejected: [], fileErrors: {} });

    const regionOptions = computed(() => regionsUnder(null).map((r) => ({ value: r.code, label: local(r.name), depth: r.depth })));
    onMounted(loadRegions);

    const pick = (name) => (event) => {
      const file = event.target.files && event.target.files[0];
      // Emptied at once (the chosen file is kept here and named beside the button): choosing the
      // same file again after correcting it must fire another change, and send the new content.
      event.target.value = '';
      state.fileErrors = { ...state.fileErrors, [name]: '' };
      if (!file) return;
      if (file.size === 0) state.fileErrors[name] = t('selectionConsole.fileEmpty');
      else if (file.size > MAX_BYTES) state.fileErrors[name] = t('selectionConsole.fileTooLarge', { max: formatBytes(MAX_BYTES) });
      files[name] = file;
    };

    /** Errors of the batch's own fields, shown at the field too. */
    const batchError = (field) => {
      const own = problem.field(field);
      if (own) return own;
      const e = state.rejected.find((r) => r.section === 'batch' && r.column === field);
      return e ? local({ zh: e.message, en: e.messageEn }) : '';
    };

    function checkHere() {
      let ok = true;
      for (const name of FILES) {
        if (!files[name]) {
          state.fileErrors = { ...state.fileErrors, [name]: t('selectionConsole.fileMissing') };
          ok = false;
        } else if (state.fileErrors[name]) ok = false;
      }
      for (const f of ['code', 'name']) {
        if (!form[f].trim()) {
          problem.fieldError(f, t('selectionConsole.required'));
          ok = false;
        }
      }
      if (!form.regionCode) {
        problem.fieldError('regionCode', t('selectionConsole.chooseRegion'));
        ok = false;
      }
      if (!instantOf(form.preselectStartsAt)) {
        problem.fieldError('preselectStartsAt', t('selectionConsole.required'));
        ok = false;
      }
      return ok;
    }

    async function submit() {
      problem.clear();
      state.rejected = [];
      if (!checkHere()) {
        problem.message = t('selectionConsole.fixMarked');
        return;
      }
      const batch = {
        code: form.code.trim(),
        name: form.name.trim(),
        regionCode: form.regionCode,
        preselectStartsAt: instantOf(form.preselectStartsAt),
      };
      // empty: the city's configured default
      if (form.cartSize !== '') batch.cartSize = Number(form.cartSize);
      if (form.windowSeconds !== '') batch.windowSeconds = Number(form.windowSeconds);
      const body = new FormData();
      body.append('batch', JSON.stringify(batch));
      for (const name of FILES) body.append(name, files[name], files[name].name);
      state.busy = true;
      state.progress = 0;
      try {
        const created = await api.upload('selection/admin/batches/import', body, (p) => {
          state.progress = Math.round(p * 100);
        });
        navigate(`/m/selection/batches/${encodeURIComponent(created.id)}`, { query: { imported: '1' } });
      } catch (e) {
        problem.set(e);
        // Chrome refuses to send a file changed on disk after it was chosen (no status at all)
        if (e.status === 0) problem.message = `${problem.message}${t('selectionConsole.chooseChanged')}`;
        if (e.slug === 'batch-rejected') {
          state.rejected = (e.problem.errors || []).map((r) => ({ ...r, column: r.column !== undefined ? r.column : r.field }));
          // the table says it row by row; the fields above show only the batch's own
          problem.fields = {};
        }
      } finally {
        state.busy = false;
      }
    }

    const sectionWord = (s) => t(`selectionConsole.sections.${['batch', ...FILES].includes(s) ? s : 'other'}`, { name: s });
    return {
      form, files, state, problem, regionOptions, regions, FILES, BATCH_FIELDS, isOperator, pick, submit, batchError,
      sectionWord, columnWord, local, formatBytes,
    };
  },
  template: `
    <GsOperatorsOnly v-if="!isOperator()" />
    <GsConsolePage v-else :title="$t('selectionConsole.importTitle')" back="/m/selection/" :back-text="$t('selectionConsole.batchesTitle')">
      <p class="gs-c-note" role="note"><van-icon name="info-o" aria-hidden="true" /> {{ $t('selectionConsole.importIntro') }}</p>
      <form class="gs-c-card selc-import" @submit.prevent="submit" novalidate data-testid="sel-import-form" :aria-busy="state.busy ? 'true' : 'false'">
        <h2>{{ $t('selectionConsole.batchDetails') }}</h2>
        <div class="selc-grid">
          <label class="gs-c-field" for="sel-code"><span class="gs-c-label">{{ $t('selectionConsole.code') }} <span class="gs-c-required">*</span></span>
            <input id="sel-code" v-model="form.code" autocomplete="off" spellcheck="false" maxlength="40" data-testid="sel-import-code"
              aria-describedby="sel-code-hint" :aria-invalid="batchError('code') ? 'true' : 'false'" />
            <small id="sel-code-hint" class="gs-c-hint">{{ $t('selectionConsole.codeHint') }}</small>
            <span v-if="batchError('code')" class="gs-c-error" role="alert">{{ batchError('code') }}</span></label>
          <label class="gs-c-field" for="sel-name"><span class="gs-c-label">{{ $t('selectionConsole.name') }} <span class="gs-c-required">*</span></span>
            <input id="sel-name" v-model="form.name" autocomplete="off" maxlength="100" data-testid="sel-import-name"
              :aria-invalid="batchError('name') ? 'true' : 'false'" />
            <span v-if="batchError('name')" class="gs-c-error" role="alert">{{ batchError('name') }}</span></label>
          <div class="gs-c-field">
            <GsSelect id="sel-region" :label="$t('selectionConsole.region') + ' *'" :all="$t('selectionConsole.chooseRegion')" v-model="form.regionCode"
              :options="regionOptions" testid="sel-import-region" />
            <span v-if="regions.failed" class="gs-c-error" role="alert">{{ $t('selectionConsole.regionsFailed') }}</span>
            <span v-if="batchError('regionCode')" class="gs-c-error" role="alert">{{ batchError('regionCode') }}</span>
          </div>
          <label class="gs-c-field" for="sel-start"><span class="gs-c-label">{{ $t('selectionConsole.preselectStartsAt') }} <span class="gs-c-required">*</span></span>
            <input id="sel-start" type="datetime-local" v-model="form.preselectStartsAt" data-testid="sel-import-start"
              :aria-invalid="batchError('preselectStartsAt') ? 'true' : 'false'" />
            <span v-if="batchError('preselectStartsAt')" class="gs-c-error" role="alert">{{ batchError('preselectStartsAt') }}</span></label>
          <label class="gs-c-field" for="sel-cart"><span class="gs-c-label">{{ $t('selectionConsole.cartSize') }}</span>
            <input id="sel-cart" type="number" min="1" max="20" step="1" v-model="form.cartSize" :placeholder="$t('selectionConsole.cartDefault')"
              aria-describedby="sel-cart-hint" data-testid="sel-import-cart" :aria-invalid="batchError('cartSize') ? 'true' : 'false'" />
            <small id="sel-cart-hint" class="gs-c-hint">{{ $t('selectionConsole.cartHint') }}</small>
            <span v-if="batchError('cartSize')" class="gs-c-error" role="alert">{{ batchError('cartSize') }}</span></label>
          <label class="gs-c-field" for="sel-window"><span class="gs-c-label">{{ $t('selectionConsole.windowSeconds') }}</span>
            <input id="sel-window" type="number" min="30" max="3600" step="1" v-model="form.windowSeconds" :placeholder="$t('selectionConsole.windowDefault')"
              aria-describedby="sel-window-hint" data-testid="sel-import-window" :aria-invalid="batchError('windowSeconds') ? 'true' : 'false'" />
            <small id="sel-window-hint" class="gs-c-hint">{{ $t('selectionConsole.windowHint') }}</small>
            <span v-if="batchError('windowSeconds')" class="gs-c-error" role="alert">{{ batchError('windowSeconds') }}</span></label>
        </div>
        <h2>{{ $t('selectionConsole.files') }}</h2>
        <p class="gs-c-hint">{{ $t('selectionConsole.filesHint') }}</p>
        <ul class="selc-files gs-c-plain">
          <li v-for="name in FILES" :key="name" class="selc-file">
            <div class="gs-c-field">
              <span class="gs-c-label" :id="'sel-file-' + name + '-label'">{{ $t('selectionConsole.fileLabels.' + name) }} <span class="gs-c-required">*</span></span>
              <label class="selc-pick" :for="'sel-file-' + name">
                <!-- the browser's own file button speaks the browser's language; this one speaks the page's -->
                <input :id="'sel-file-' + name" type="file" accept=".csv,text/csv" class="selc-pick-input" @change="pick(name)($event)" :data-testid="'sel-import-file-' + name"
                  :aria-labelledby="'sel-file-' + name + '-label'" :aria-describedby="'sel-file-' + name + '-hint sel-file-' + name + '-chosen'"
                  :aria-invalid="state.fileErrors[name] ? 'true' : 'false'" />
                <span class="selc-pick-button" aria-hidden="true"><van-icon name="description" /> {{ files[name] ? $t('selectionConsole.chooseAgain') : $t('selectionConsole.chooseFile') }}</span>
                <span :id="'sel-file-' + name + '-chosen'" class="selc-pick-name" :data-testid="'sel-import-chosen-' + name">{{ files[name] ? files[name].name + ' · ' + formatBytes(files[name].size) : $t('selectionConsole.noFile') }}</span>
              </label>
              <small :id="'sel-file-' + name + '-hint'" class="gs-c-hint">{{ $t('selectionConsole.fileHints.' + name) }}</small>
              <span v-if="state.fileErrors[name]" class="gs-c-error" role="alert">{{ state.fileErrors[name] }}</span>
            </div>
            <a :href="'/ui/selection/templates/' + name + '.csv'" :download="name + '.csv'" class="selc-template" :data-testid="'sel-template-' + name">
              <van-icon name="down" aria-hidden="true" /> {{ $t('selectionConsole.template', { file: name + '.csv' }) }}</a>
          </li>
        </ul>
        <GsProblem v-if="!state.rejected.length" :problem="problem" :placed="BATCH_FIELDS" />
        <div v-else class="gs-problem" role="alert" data-testid="sel-import-rejected">
          <van-icon name="warning-o" aria-hidden="true" /> <span>{{ problem.message }}</span>
          <p class="selc-nothing-stored">{{ $t('selectionConsole.nothingStored', { n: state.rejected.length }) }}</p>
        </div>
        <div class="selc-submit">
          <van-button type="primary" native-type="submit" :loading="state.busy" :loading-text="$t('selectionConsole.importing', { p: state.progress })"
            icon="upgrade" data-testid="sel-import-submit">{{ $t('selectionConsole.importSubmit') }}</van-button>
        </div>
      </form>
      <section v-if="state.rejected.length" class="gs-c-card" aria-labelledby="sel-errors-title">
        <h2 id="sel-errors-title">{{ $t('selectionConsole.rowErrors') }}</h2>
        <div class="gs-c-table-wrap">
          <table class="gs-c-table" data-testid="sel-import-errors">
            <caption class="gs-c-sr">{{ $t('selectionConsole.rowErrorsCaption') }}</caption>
            <thead><tr>
              <th scope="col">{{ $t('selectionConsole.section') }}</th><th scope="col">{{ $t('selectionConsole.row') }}</th>
              <th scope="col">{{ $t('selectionConsole.field') }}</th><th scope="col">{{ $t('selectionConsole.message') }}</th>
            </tr></thead>
            <tbody>
              <tr v-for="(e, i) in state.rejected" :key="i" data-testid="sel-import-error" :data-section="e.section" :data-row="e.row" :data-column="e.column">
                <td class="gs-c-nowrap">{{ sectionWord(e.section) }}</td>
                <td>{{ e.row > 0 ? $t('selectionConsole.rowN', { n: e.row }) : '—' }}</td>
                <td>{{ columnWord(e.section, e.column) }}<span v-if="e.column && columnWord(e.section, e.column) !== e.column" class="gs-muted"> ({{ e.column }})</span></td>
                <td>{{ local({ zh: e.message, en: e.messageEn }) }}</td>
              </tr>
            </tbody>
          </table>
        </div>
      </section>
    </GsConsolePage>`,
};

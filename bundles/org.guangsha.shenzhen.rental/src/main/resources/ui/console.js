// The Shenzhen rental line's pages in the staff console (/console/#/m/shenzhen-rental/), listed by
// ShenzhenRentalModule.consoleMenu. For now the operators' CSV import (导入住房数据): any of
// homes.csv, leases.csv, residents.csv, waiting.csv sent as one multipart request to
// POST /api/shenzhen/rental/admin/imports; all or nothing, a 400 `import-rejected` shown as a
// table of every problem (file, row, column, message) so the files are corrected at once.
import { reactive } from 'vue';
import { api, local, t, formatBytes, useProblem, GsProblem } from 'guangsha';
import { GsConsolePage, GsOperatorsOnly, isOperator } from 'guangsha/console';

const FILES = ['homes', 'leases', 'residents', 'waiting'];
const MAX_BYTES = 30 * 1024 * 1024;

const ImportData = {
  components: { GsProblem, GsConsolePage, GsOperatorsOnly },
  setup() {
    const problem = useProblem();
    const files = reactive({ homes: null, leases: null, residents: null, waiting: null });
    const state = reactive({ busy: false, progress: 0, rejected: [], stored: null, fileErrors: {} });
    const pick = (name) => (event) => {
      const file = event.target.files && event.target.files[0];
      event.target.value = '';
      state.fileErrors = { ...state.fileErrors, [name]: '' };
      if (!file) return;
      if (file.size > MAX_BYTES) state.fileErrors[name] = t('szrConsole.tooLarge', { max: formatBytes(MAX_BYTES) });
      files[name] = file;
    };
    async function submit() {
      if (state.busy) return;
      problem.clear();
      state.rejected = [];
      state.stored = null;
      const chosen = FILES.filter((n) => files[n]);
      if (!chosen.length) {
        problem.message = t('szrConsole.chooseOne');
        return;
      }
      const body = new FormData();
      for (const n of chosen) body.append(n, files[n], `${n}.csv`);
      state.busy = true;
      try {
        state.stored = await api.upload('shenzhen/rental/admin/imports', body, (p) => {
          state.progress = Math.round(p * 100);
        });
        for (const n of FILES) files[n] = null;
      } catch (e) {
        problem.set(e);
        if (e.slug === 'import-rejected') state.rejected = e.problem.errors || [];
      } finally {
        state.busy = false;
      }
    }
    return { FILES, files, state, problem, pick, submit, isOperator, local, formatBytes };
  },
  template: `
    <GsOperatorsOnly v-if="!isOperator()" />
    <GsConsolePage v-else :title="$t('szrConsole.title')">
      <p class="gs-c-note" role="note">{{ $t('szrConsole.intro') }}</p>
      <form class="gs-c-card" @submit.prevent="submit" novalidate data-testid="szr-import-form" :aria-busy="state.busy ? 'true' : 'false'">
        <ul class="gs-c-plain">
          <li v-for="name in FILES" :key="name" class="gs-c-field">
            <label :for="'szr-file-' + name" class="gs-c-label">{{ $t('szrConsole.files.' + name) }} ({{ name }}.csv)</label>
            <input :id="'szr-file-' + name" type="file" accept=".csv,text/csv" @change="pick(name)($event)" :data-testid="'szr-import-file-' + name" />
            <span class="gs-c-hint">{{ files[name] ? files[name].name + ' · ' + formatBytes(files[name].size) : $t('szrConsole.noFile') }}</span>
            <a :href="'/ui/shenzhen-rental/templates/' + name + '.csv'" :download="name + '.csv'" :data-testid="'szr-template-' + name">{{ $t('szrConsole.template') }}</a>
            <span v-if="state.fileErrors[name]" class="gs-c-error" role="alert">{{ state.fileErrors[name] }}</span>
          </li>
        </ul>
        <GsProblem :problem="problem" />
        <p v-if="state.stored" class="gs-c-note" role="status" data-testid="szr-import-stored">{{ $t('szrConsole.stored', state.stored) }}</p>
        <van-button type="primary" native-type="submit" :loading="state.busy" :loading-text="state.progress + '%'" data-testid="szr-import-submit">{{ $t('szrConsole.submit') }}</van-button>
      </form>
      <section v-if="state.rejected.length" class="gs-c-card">
        <h2>{{ $t('szrConsole.problems', { n: state.rejected.length }) }}</h2>
        <div class="gs-c-table-wrap">
          <table class="gs-c-table" data-testid="szr-import-errors">
            <thead><tr><th scope="col">{{ $t('szrConsole.file') }}</th><th scope="col">{{ $t('szrConsole.row') }}</th><th scope="col">{{ $t('szrConsole.column') }}</th><th scope="col">{{ $t('szrConsole.message') }}</th></tr></thead>
            <tbody>
              <tr v-for="(e, i) in state.rejected" :key="i" data-testid="szr-import-error" :data-file="e.file" :data-row="e.row" :data-field="e.field">
                <td>{{ e.file || '—' }}</td><td>{{ e.row > 0 ? e.row : '—' }}</td><td>{{ e.column || '—' }}</td>
                <td>{{ local({ zh: e.message, en: e.messageEn }) }}</td>
              </tr>
            </tbody>
          </table>
        </div>
      </section>
    </GsConsolePage>`,
};

const messages = {
  'zh-CN': {
    szrConsole: {
      title: '导入住房数据', intro: '上传一个或多个CSV文件（UTF-8）。系统先检查全部数据：有任何问题则不保存任何数据，并逐行列出全部问题；全部正确才一次保存。',
      files: { homes: '房屋', leases: '租赁合同', residents: '同住人与入住人', waiting: '轮候排名' },
      noFile: '未选择文件', template: '下载模板', chooseOne: '请至少选择一个文件', tooLarge: '文件不能超过 {max}',
      submit: '开始导入', stored: '已导入：房屋 {homes} 套，合同 {leases} 份，人员 {residents} 人，轮候记录 {waitingRanks} 条',
      problems: '共 {n} 处问题，未保存任何数据', file: '文件', row: '行', column: '列', message: '问题',
    },
  },
  en: {
    szrConsole: {
      title: 'Import housing data', intro: 'Upload one or more CSV files (UTF-8). Everything is checked first: with any problem nothing is stored and every problem is listed by row; only a clean import is stored, at once.',
      files: { homes: 'Homes', leases: 'Leases', residents: 'Co-residents and occupants', waiting: 'Waiting-list ranks' },
      noFile: 'No file chosen', template: 'Download the template', chooseOne: 'Choose at least one file', tooLarge: 'At most {max} a file',
      submit: 'Import', stored: 'Imported: {homes} homes, {leases} leases, {residents} people, {waitingRanks} waiting-list rows',
      problems: '{n} problem(s); nothing was stored', file: 'File', row: 'Row', column: 'Column', message: 'Problem',
    },
  },
};

export default {
  routes: [{ path: '', component: ImportData }, { path: 'import', component: ImportData }],
  messages,
};

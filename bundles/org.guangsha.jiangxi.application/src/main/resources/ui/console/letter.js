// 授权承诺书 at the counter (JX-7): the letter filled with the family is printed (GET
// …/commitment/pdf), signed on paper by the applicant and co-applicants, and its scan uploaded as
// the citizen's `signed-letter` file: multipart to POST …/commitment/upload, so that the file is
// the applicant's own (an upload to /api/attachments would be the caseworker's).
import { reactive, computed, ref } from 'vue';
import { api, t, formatTime, formatBytes, useProblem, GsProblem } from 'guangsha';
import { word } from './shared.js';

const ACCEPT = ['image/jpeg', 'image/png', 'application/pdf'];
const MAX_BYTES = 2 * 1024 * 1024;

export const CounterLetter = {
  name: 'JxcCounterLetter',
  components: { GsProblem },
  props: { application: { type: Object, required: true }, editable: Boolean },
  emits: ['saved'],
  setup(props, { emit }) {
    const problem = useProblem();
    const input = ref(null);
    const state = reactive({ printing: false, uploading: false, percent: 0 });
    const commitment = computed(() => (props.application.assets && props.application.assets.commitment) || {});
    const signed = computed(() => !!commitment.value.mode);
    const path = (rest) => `jiangxi/applications/${encodeURIComponent(props.application.id)}/commitment/${rest}`;

    async function print() {
      problem.clear();
      state.printing = true;
      try {
        const blob = await api.blob(path('pdf'));
        const url = URL.createObjectURL(blob);
        window.open(url, '_blank', 'noopener');
        setTimeout(() => URL.revokeObjectURL(url), 120000);
      } catch (e) {
        problem.set(e);
      } finally {
        state.printing = false;
      }
    }

    function choose() {
      problem.clear();
      if (input.value) {
        input.value.value = '';
        input.value.click();
      }
    }

    async function chosen(event) {
      const file = event.target.files && event.target.files[0];
      if (!file) return;
      if (!ACCEPT.includes(file.type)) {
        problem.set(new Error(t('upload.badTypeNamed', { name: file.name, types: 'JPG、PNG、PDF' })));
        return;
      }
      if (file.size > MAX_BYTES || file.size === 0) {
        problem.set(new Error(t('upload.tooLargeNamed', { max: formatBytes(MAX_BYTES), size: formatBytes(file.size) })));
        return;
      }
      const form = new FormData();
      form.append('file', file, file.name);
      state.uploading = true;
      state.percent = 0;
      try {
        const a = await api.upload(path('upload'), form, (p) => {
          state.percent = Math.round(p * 100);
        });
        emit('saved', a);
      } catch (e) {
        problem.set(e);
      } finally {
        state.uploading = false;
      }
    }

    return { problem, input, state, commitment, signed, print, choose, chosen, word, formatTime, accept: ACCEPT.join(',') };
  },
  template: `
    <section class="jxc-letter gs-c-fieldset" aria-labelledby="jxc-letter-title" data-testid="jxc-letter" :data-mode="commitment.mode || ''">
      <h3 id="jxc-letter-title">{{ $t('jiangxiCounter.letterTitle') }}</h3>
      <p class="gs-c-hint">{{ $t('jiangxiCounter.letterHint') }}</p>
      <p class="jxc-letter-state" role="status" data-testid="jxc-letter-state">
        <van-icon :name="signed ? 'passed' : 'info-o'" aria-hidden="true" />
        <template v-if="signed">{{ $t('jiangxiCounter.letterSigned', { mode: word('letterModes', commitment.mode) }) }}<template v-if="commitment.at"> · {{ formatTime(commitment.at) }}</template></template>
        <template v-else>{{ $t('jiangxiCounter.letterMissing') }}</template>
      </p>
      <div class="jxc-row-actions">
        <van-button size="small" plain icon="printer" :loading="state.printing" @click="print" data-testid="jxc-letter-print">{{ $t('jiangxiCounter.letterPrint') }}</van-button>
        <van-button v-if="editable" size="small" plain type="primary" icon="upgrade" :loading="state.uploading"
          :loading-text="$t('jiangxiCounter.letterUploading') + ' ' + state.percent + '%'" @click="choose" data-testid="jxc-letter-upload">{{ $t('jiangxiCounter.letterScan') }}</van-button>
      </div>
      <input ref="input" type="file" class="gs-visually-hidden" :accept="accept" tabindex="-1" aria-hidden="true" @change="chosen" data-testid="jxc-letter-file" />
      <GsProblem :problem="problem" />
    </section>`,
};

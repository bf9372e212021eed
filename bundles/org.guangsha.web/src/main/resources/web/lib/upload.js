// GsUpload: one attachment of one kind (身份证正面, 户口簿 …), uploaded to /api/attachments.
import { defineComponent, reactive, ref, computed, watch, onBeforeUnmount } from 'vue';
import { showConfirmDialog, showImagePreview } from 'vant';
import { api, ApiError } from './api.js';
import { t } from './i18n.js';
import { useProblem, GsProblem, formatTime } from './components.js';
import { ensureStylesheet } from './styles.js';

ensureStylesheet('/web/lib/widgets.css');

const NAMES = { 'image/jpeg': 'JPG', 'image/png': 'PNG', 'application/pdf': 'PDF' };
const BY_EXTENSION = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', pdf: 'application/pdf' };

/** `850 KB`, `1 MB`, `2.4 MB`. */
export function formatBytes(bytes) {
  if (bytes === null || bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** The media type of a chosen file: what the browser says, else from its name. */
function mediaTypeOf(file) {
  if (file.type) return file.type === 'image/jpg' ? 'image/jpeg' : file.type;
  const ext = (file.name || '').split('.').pop().toLowerCase();
  return BY_EXTENSION[ext] || '';
}

/** A problem found here before sending, shaped like the server's. */
function localProblem(zh, en) {
  return new ApiError(400, { title: zh, titleEn: en, status: 400, errors: [] });
}

/**
 * Draws a photo smaller (longest side `side`, JPEG `quality`) so that a phone's 4 MB picture fits
 * the city's limit; the orientation the camera noted is applied while drawing.
 */
async function shrink(file, side, quality) {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close && bitmap.close();
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
  const name = (file.name || 'photo').replace(/\.[^.]*$/, '') + '.jpg';
  return new File([blob], name, { type: 'image/jpeg' });
}

/**
 * Upload widget for one attachment kind.
 *
 * Props:
 * - `kind` (String, required): the attachment kind sent with the file (`id-card-front` …).
 * - `label` (String): what the file is, shown as the widget's title (default: the kind).
 * - `accept` (String or Array): media types allowed, default `image/jpeg,image/png,application/pdf`.
 * - `maxBytes` (Number): largest file, default 1 MB (the city's default); checked before sending.
 * - `capture` (Boolean): also offer 拍照 (`<input accept="image/*" capture="environment">`) on
 *   touch devices (pointer: coarse); desktops get the file chooser only.
 * - `compress` (Boolean, default true): a photo over `maxBytes` is drawn smaller (JPEG) first.
 * - `offerEarlier` (Boolean, default true): offer "choose an earlier upload of this kind".
 * - `disabled` (Boolean): read only (the file can still be viewed).
 * - `modelValue` (Object|null): the attachment record `{id, kind, fileName, mediaType, size,
 *   createdAt, frozen, …}` as the server answers it (v-model).
 *
 * A file not frozen yet is replaced in place (PUT); once a submitted case froze it, a new file of
 * the kind is uploaded instead (the frozen one stays with its case).
 *
 * Emits: `update:modelValue` (the new record, or null once deleted), `uploaded` (record),
 * `removed` (id), `error` (ApiError; the widget shows it too).
 *
 * data-testid: `upload-<kind>` (root), `upload-state`, `upload-choose`, `upload-camera`,
 * `upload-earlier`, `upload-view`, `upload-remove`, `upload-progress`, `upload-earlier-item`.
 */
export const GsUpload = defineComponent({
  name: 'GsUpload',
  components: { GsProblem },
  props: {
    kind: { type: String, required: true },
    label: String,
    accept: { type: [String, Array], default: 'image/jpeg,image/png,application/pdf' },
    maxBytes: { type: Number, default: 1024 * 1024 },
    capture: Boolean,
    compress: { type: Boolean, default: true },
    offerEarlier: { type: Boolean, default: true },
    disabled: Boolean,
    modelValue: { type: Object, default: null },
  },
  emits: ['update:modelValue', 'uploaded', 'removed', 'error'],
  setup(props, { emit }) {
    const problem = useProblem();
    const fileInput = ref(null);
    const cameraInput = ref(null);
    const state = reactive({ busy: false, percent: 0, thumb: '', earlierOpen: false, earlier: [], earlierLoading: false });
    const uid = `gs-upload-${Math.random().toString(36).slice(2, 9)}`;
    // the camera button only where there is a camera to point (phones, tablets)
    const touch = !!(window.matchMedia && window.matchMedia('(pointer: coarse)').matches);

    const acceptList = computed(() =>
      (Array.isArray(props.accept) ? props.accept : props.accept.split(',')).map((s) => s.trim()).filter(Boolean),
    );
    const typesText = computed(() => acceptList.value.map((m) => NAMES[m] || m).join(t('upload.separator')));
    const maxText = computed(() => formatBytes(props.maxBytes));
    const record = computed(() => props.modelValue);
    const isImage = computed(() => !!record.value && /^image\//.test(record.value.mediaType || ''));
    const stateText = computed(() => {
      if (state.busy) return t('upload.uploading', { p: state.percent });
      if (!record.value) return t('upload.empty');
      return record.value.frozen ? t('upload.frozenShort') : t('upload.done');
    });

    function revokeThumb() {
      if (state.thumb) URL.revokeObjectURL(state.thumb);
      state.thumb = '';
    }
    async function loadThumb() {
      revokeThumb();
      if (!record.value || !isImage.value) return;
      const id = record.value.id;
      try {
        const blob = await api.blob(`attachments/${encodeURIComponent(id)}/content`);
        if (record.value && record.value.id === id) state.thumb = URL.createObjectURL(blob);
      } catch (e) {
        state.thumb = '';
      }
    }
    watch(() => record.value && record.value.id, loadThumb, { immediate: true });
    onBeforeUnmount(revokeThumb);

    function pick(camera) {
      problem.clear();
      const input = camera ? cameraInput.value : fileInput.value;
      if (input) {
        input.value = '';
        input.click();
      }
    }

    async function checked(file) {
      const type = mediaTypeOf(file);
      const allowed = acceptList.value.includes(type) || (type.startsWith('image/') && acceptList.value.includes('image/*'));
      if (!allowed) {
        throw localProblem(
          t('upload.badTypeNamed', { name: file.name, types: typesText.value }, { locale: 'zh-CN' }),
          t('upload.badTypeNamed', { name: file.name, types: typesText.value }, { locale: 'en' }),
        );
      }
      let out = file;
      if (out.size > props.maxBytes && props.compress && /^image\/(jpeg|png)$/.test(type) && acceptList.value.includes('image/jpeg')) {
        for (const [side, quality] of [[2400, 0.85], [1800, 0.8], [1400, 0.75]]) {
          try {
            out = await shrink(file, side, quality);
          } catch (e) {
            out = file;
            break;
          }
          if (out.size <= props.maxBytes) break;
        }
      }
      if (out.size > props.maxBytes) {
        const args = { max: maxText.value, size: formatBytes(file.size) };
        throw localProblem(t('upload.tooLargeNamed', args, { locale: 'zh-CN' }), t('upload.tooLargeNamed', args, { locale: 'en' }));
      }
      if (out.size === 0) throw localProblem('文件是空的', 'The file is empty');
      return out;
    }

    async function chosen(event) {
      const file = event.target.files && event.target.files[0];
      if (!file) return;
      problem.clear();
      state.busy = true;
      state.percent = 0;
      try {
        const ok = await checked(file);
        const form = new FormData();
        form.append('file', ok, ok.name);
        let answer;
        if (record.value && !record.value.frozen) {
          // replace keeps the record (and its filings in draft cases); fetch cannot report progress
          state.percent = 50;
          answer = await api.put(`attachments/${encodeURIComponent(record.value.id)}`, form);
        } else {
          form.append('kind', props.kind);
          answer = await api.upload('attachments', form, (p) => {
            state.percent = Math.round(p * 100);
          });
        }
        state.percent = 100;
        emit('update:modelValue', answer);
        emit('uploaded', answer);
        if (record.value && answer && record.value.id === answer.id) loadThumb();
      } catch (e) {
        problem.set(e);
        emit('error', e);
      } finally {
        state.busy = false;
      }
    }

    async function view() {
      if (!record.value) return;
      try {
        if (isImage.value && state.thumb) {
          showImagePreview({ images: [state.thumb], closeable: true });
          return;
        }
        const blob = await api.blob(`attachments/${encodeURIComponent(record.value.id)}/content`);
        const url = URL.createObjectURL(blob);
        window.open(url, '_blank', 'noopener');
        setTimeout(() => URL.revokeObjectURL(url), 60000);
      } catch (e) {
        problem.set(e);
      }
    }

    async function remove() {
      if (!record.value) return;
      try {
        await showConfirmDialog({
          title: t('upload.removeTitle'),
          message: t('upload.removeText', { name: record.value.fileName }),
          confirmButtonText: t('upload.remove'),
          cancelButtonText: t('common.cancel'),
        });
      } catch (e) {
        return;
      }
      const id = record.value.id;
      problem.clear();
      state.busy = true;
      try {
        await api.del(`attachments/${encodeURIComponent(id)}`);
        emit('update:modelValue', null);
        emit('removed', id);
      } catch (e) {
        // 409 once a submitted case froze the file: the server's words say so
        problem.set(e);
        emit('error', e);
      } finally {
        state.busy = false;
      }
    }

    async function openEarlier() {
      problem.clear();
      state.earlierOpen = true;
      state.earlierLoading = true;
      try {
        const list = await api.get('attachments', { kind: props.kind });
        state.earlier = (list || []).filter((a) => !record.value || a.id !== record.value.id);
      } catch (e) {
        state.earlierOpen = false;
        problem.set(e);
      } finally {
        state.earlierLoading = false;
      }
    }
    function useEarlier(a) {
      state.earlierOpen = false;
      emit('update:modelValue', a);
    }

    return {
      problem, state, uid, touch, fileInput, cameraInput, record, isImage, stateText, typesText, maxText,
      acceptAttr: computed(() => acceptList.value.join(',')),
      pick, chosen, view, remove, openEarlier, useEarlier, formatBytes, formatTime,
    };
  },
  template: `
    <section class="gs-upload" :class="{ 'gs-upload-filled': record, 'gs-upload-locked': record && record.frozen }" :data-testid="'upload-' + kind" :data-kind="kind"
      :aria-labelledby="uid + '-label'">
      <div class="gs-upload-head">
        <span :id="uid + '-label'" class="gs-upload-label">{{ label || kind }}</span>
        <span class="gs-upload-state" data-testid="upload-state" role="status">
          <van-icon :name="state.busy ? 'clock-o' : record ? (record.frozen ? 'lock' : 'passed') : 'info-o'" aria-hidden="true" />
          {{ stateText }}
        </span>
      </div>
      <p v-if="!disabled" class="gs-upload-rule gs-muted">{{ $t('upload.rule', { types: typesText, max: maxText }) }}</p>
      <div v-if="record" class="gs-upload-file">
        <button v-if="isImage && state.thumb" type="button" class="gs-upload-thumb" @click="view"
          :aria-label="$t('upload.viewNamed', { name: record.fileName })">
          <img :src="state.thumb" :alt="record.fileName" />
        </button>
        <span v-else class="gs-upload-icon" aria-hidden="true"><van-icon :name="isImage ? 'photo-o' : 'description'" /></span>
        <div class="gs-upload-meta">
          <strong class="gs-upload-name">{{ record.fileName }}</strong>
          <span class="gs-muted">{{ formatBytes(record.size) }}<template v-if="record.createdAt"> · {{ formatTime(record.createdAt) }}</template></span>
          <span v-if="record.frozen" class="gs-upload-frozen"><van-icon name="lock" aria-hidden="true" /> {{ $t('upload.frozen') }}</span>
        </div>
      </div>
      <div v-if="state.busy" class="gs-upload-progress" data-testid="upload-progress">
        <van-progress :percentage="state.percent" :show-pivot="false" stroke-width="6" aria-hidden="true" />
        <span class="gs-muted">{{ $t('upload.uploading', { p: state.percent }) }}</span>
      </div>
      <GsProblem :problem="problem" />
      <div v-if="!disabled || record" class="gs-upload-actions">
        <template v-if="!disabled">
        <van-button size="small" icon="upgrade" plain type="primary" :disabled="state.busy" @click="pick(false)" data-testid="upload-choose">
          {{ !record ? $t('upload.choose') : record.frozen ? $t('upload.uploadNew') : $t('upload.replace') }}</van-button>
        <van-button v-if="capture && touch" size="small" icon="photograph" plain type="primary" :disabled="state.busy"
          @click="pick(true)" data-testid="upload-camera">{{ $t('upload.camera') }}</van-button>
        <van-button v-if="offerEarlier" size="small" icon="records-o" :disabled="state.busy" @click="openEarlier"
          data-testid="upload-earlier">{{ $t('upload.earlier') }}</van-button>
        </template>
        <van-button v-if="record" size="small" icon="eye-o" @click="view" data-testid="upload-view">{{ $t('common.view') }}</van-button>
        <van-button v-if="record && !record.frozen && !disabled" size="small" icon="delete-o" :disabled="state.busy" @click="remove"
          data-testid="upload-remove">{{ $t('upload.remove') }}</van-button>
      </div>
      <input ref="fileInput" type="file" class="gs-visually-hidden" :accept="acceptAttr" tabindex="-1" aria-hidden="true" @change="chosen" />
      <input v-if="capture" ref="cameraInput" type="file" class="gs-visually-hidden" accept="image/*" capture="environment"
        tabindex="-1" aria-hidden="true" @change="chosen" />
      <van-popup v-model:show="state.earlierOpen" position="bottom" round closeable :close-icon-position="'top-right'"
        class="gs-upload-earlier" :aria-label="$t('upload.earlierTitle')">
        <h3 class="gs-upload-earlier-title">{{ $t('upload.earlierTitle') }}</h3>
        <p v-if="state.earlierLoading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
        <p v-else-if="!state.earlier.length" class="gs-empty gs-muted">{{ $t('upload.earlierNone') }}</p>
        <van-cell-group v-else>
          <van-cell v-for="a in state.earlier" :key="a.id" :title="a.fileName" is-link clickable
            :label="formatBytes(a.size) + ' · ' + formatTime(a.createdAt) + (a.frozen ? ' · ' + $t('upload.frozenShort') : '')"
            @click="useEarlier(a)" @keydown.enter.prevent="useEarlier(a)" @keydown.space.prevent="useEarlier(a)" data-testid="upload-earlier-item" />
        </van-cell-group>
        <div class="gs-upload-earlier-close">
          <van-button round block plain @click="state.earlierOpen = false" data-testid="upload-earlier-close">{{ $t('common.close') }}</van-button>
        </div>
      </van-popup>
    </section>`,
});

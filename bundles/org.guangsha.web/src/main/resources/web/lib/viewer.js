// Attachment viewer: the files of a case, images inline (zoom, rotate) and PDFs in a frame. Files
// need the bearer token, so they are fetched with api.blob() and shown through object URLs, which
// are revoked when another file is opened or the viewer goes away.
import { defineComponent, reactive, computed, watch, onBeforeUnmount, ref } from 'vue';
import { api } from './api.js';
import { addMessages } from './i18n.js';

addMessages({
  'zh-CN': {
    viewer: {
      title: '申请材料', none: '未提交材料', choose: '请选择要查看的材料', loading: '正在打开材料…',
      failed: '材料打开失败', retry: '重新打开', tools: '查看工具', zoomIn: '放大', zoomOut: '缩小', fit: '适合宽度',
      rotateLeft: '向左旋转', rotateRight: '向右旋转', download: '下载', zoom: '缩放 {p}%', rotation: '旋转 {d}°',
      image: '图片', pdf: 'PDF 文件', other: '文件', noPreview: '该类型的文件无法在此预览，请下载查看。',
      licence: '电子证照', upload: '本人上传', size: '{kb} KB', pdfHint: '若文件未显示，请下载后查看。',
    },
  },
  en: {
    viewer: {
      title: 'Materials', none: 'No materials filed', choose: 'Choose a file to view', loading: 'Opening the file…',
      failed: 'The file could not be opened', retry: 'Try again', tools: 'Viewer tools', zoomIn: 'Zoom in', zoomOut: 'Zoom out',
      fit: 'Fit to width', rotateLeft: 'Rotate left', rotateRight: 'Rotate right', download: 'Download', zoom: 'Zoom {p}%',
      rotation: 'Rotated {d}°', image: 'Image', pdf: 'PDF file', other: 'File',
      noPreview: 'This kind of file cannot be previewed here; please download it.', licence: 'Electronic licence',
      upload: 'Uploaded', size: '{kb} KB', pdfHint: 'If the file does not show, download it.',
    },
  },
});

const STYLE = `
.gs-viewer { display: grid; grid-template-columns: minmax(12rem, 16rem) 1fr; gap: 0.75rem; }
.gs-viewer-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 0.4rem; }
.gs-viewer-item { width: 100%; text-align: left; padding: 0.5rem 0.6rem; border: 1px solid #c9ced6; border-radius: 6px;
  background: #fff; color: inherit; font: inherit; cursor: pointer; line-height: 1.4; }
.gs-viewer-item[aria-pressed="true"] { border-color: #1a56c2; box-shadow: inset 4px 0 0 #1a56c2; background: #f0f5ff; }
.gs-viewer-item small { display: block; color: var(--gs-muted); }
.gs-viewer-stage { min-width: 0; border: 1px solid #dfe3e8; border-radius: 6px; background: #fafbfc; display: flex; flex-direction: column; }
.gs-viewer-toolbar { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; padding: 0.5rem; border-bottom: 1px solid #dfe3e8; }
.gs-viewer-toolbar button, .gs-viewer-toolbar a { min-height: 2.25rem; padding: 0.2rem 0.7rem; border: 1px solid #9aa3ae; border-radius: 4px;
  background: #fff; color: #1f2329; font: inherit; font-size: 0.9rem; cursor: pointer; text-decoration: none; display: inline-flex; align-items: center; gap: 0.25rem; }
.gs-viewer-toolbar .gs-viewer-state { color: var(--gs-muted); font-size: 0.85rem; }
.gs-viewer-canvas { overflow: auto; height: min(60vh, 32rem); display: flex; align-items: flex-start; padding: 1rem; }
.gs-viewer-box { position: relative; flex: none; margin: 0 auto; }
.gs-viewer-box img { position: absolute; left: 50%; top: 50%; max-width: none; transition: transform 0.15s; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.2); }
.gs-viewer-pdf { width: 100%; height: min(75vh, 48rem); border: 0; background: #fff; }
.gs-viewer-message { padding: 1.5rem; text-align: center; }
.gs-viewer .gs-flip { display: inline-block; transform: scaleX(-1); }
@media (max-width: 900px) { .gs-viewer { grid-template-columns: 1fr; } }
`;

function installStyle() {
  if (document.getElementById('gs-viewer-style')) return;
  const style = document.createElement('style');
  style.id = 'gs-viewer-style';
  style.textContent = STYLE;
  document.head.appendChild(style);
}

const isImage = (a) => !!a && /^image\//.test(a.mediaType || '');
const isPdf = (a) => !!a && a.mediaType === 'application/pdf';

/**
 * `<GsAttachmentViewer :attachments="list" />` with attachments as the server describes them
 * (`{id, kind, fileName, mediaType, size, source, subjectName}`); `path(id)` names the bytes
 * (default `/api/attachments/{id}/content`) and `kindName(kind)` words a kind.
 */
export const GsAttachmentViewer = defineComponent({
  name: 'GsAttachmentViewer',
  props: {
    attachments: { type: Array, default: () => [] },
    path: { type: Function, default: (id) => `/api/attachments/${encodeURIComponent(id)}/content` },
    kindName: { type: Function, default: (kind) => kind },
  },
  setup(props) {
    installStyle();
    const state = reactive({ id: null, url: '', loading: false, failed: false, zoom: 1, rotate: 0, nw: 0, nh: 0, room: 0 });
    const canvas = ref(null);
    const current = computed(() => props.attachments.find((a) => a.id === state.id) || null);
    let token = 0;

    function release() {
      if (state.url) URL.revokeObjectURL(state.url);
      state.url = '';
    }

    async function open(a) {
      if (!a) return;
      const mine = ++token;
      release();
      Object.assign(state, { id: a.id, loading: true, failed: false, zoom: 1, rotate: 0, nw: 0, nh: 0 });
      try {
        const blob = await api.blob(props.path(a.id));
        if (mine !== token) return;
        // the type the server checked from the bytes, so the frame shows a PDF as a PDF
        const typed = a.mediaType && blob.type !== a.mediaType ? new Blob([blob], { type: a.mediaType }) : blob;
        state.url = URL.createObjectURL(typed);
      } catch (e) {
        if (mine === token) state.failed = true;
      } finally {
        if (mine === token) state.loading = false;
      }
    }

    function loaded(event) {
      const img = event.target;
      state.nw = img.naturalWidth;
      state.nh = img.naturalHeight;
      state.room = canvas.value ? canvas.value.clientWidth - 32 : img.naturalWidth;
    }

    // the image turned in a box as large as what it covers turned, so scrolling reaches all of it
    const geometry = computed(() => {
      if (!state.nw) return null;
      const turned = state.rotate % 180 !== 0;
      const across = turned ? state.nh : state.nw;
      const fit = state.room > 0 && across > state.room ? state.room / across : 1;
      const w = Math.round(state.nw * fit * state.zoom);
      const h = Math.round(state.nh * fit * state.zoom);
      return { w, h, boxW: turned ? h : w, boxH: turned ? w : h };
    });
    const boxStyle = computed(() => (geometry.value
      ? { width: `${geometry.value.boxW}px`, height: `${geometry.value.boxH}px` }
      : {}));
    const imageStyle = computed(() => (geometry.value
      ? { width: `${geometry.value.w}px`, height: `${geometry.value.h}px`, transform: `translate(-50%, -50%) rotate(${state.rotate}deg)` }
      : { position: 'static', maxWidth: '100%' }));
    const zoomIn = () => { state.zoom = Math.min(8, +(state.zoom * 1.25).toFixed(3)); };
    const zoomOut = () => { state.zoom = Math.max(0.2, +(state.zoom / 1.25).toFixed(3)); };
    const reset = () => { state.zoom = 1; state.rotate = 0; };
    const rotate = (d) => { state.rotate = (state.rotate + d + 360) % 360; };

    watch(
      () => props.attachments.map((a) => a.id).join(','),
      () => {
        if (!current.value && props.attachments.length) open(props.attachments[0]);
        if (!props.attachments.length) {
          release();
          state.id = null;
        }
      },
      { immediate: true },
    );
    onBeforeUnmount(() => {
      token++;
      release();
    });
    const sizeKb = (a) => Math.max(1, Math.round((a.size || 0) / 1024));
    return { state, current, canvas, open, loaded, boxStyle, imageStyle, zoomIn, zoomOut, reset, rotate, isImage, isPdf, sizeKb };
  },
  template: `
    <div class="gs-viewer-wrap">
      <p v-if="!attachments.length" class="gs-muted" data-testid="attachments-empty">{{ $t('viewer.none') }}</p>
      <div v-else class="gs-viewer">
        <ul class="gs-viewer-list" :aria-label="$t('viewer.title')">
          <li v-for="a in attachments" :key="a.id">
            <button type="button" class="gs-viewer-item" :aria-pressed="a.id === state.id ? 'true' : 'false'"
              data-testid="attachment-item" :data-attachment-id="a.id" @click="open(a)">
              <van-icon :name="isPdf(a) ? 'description' : isImage(a) ? 'photo-o' : 'paperclip'" aria-hidden="true" />
              <strong> {{ kindName(a.kind) }}</strong>
              <small>{{ a.fileName }}</small>
              <small>{{ isPdf(a) ? $t('viewer.pdf') : isImage(a) ? $t('viewer.image') : $t('viewer.other') }} ·
                {{ $t('viewer.size', { kb: sizeKb(a) }) }} ·
                {{ a.source && a.source.startsWith('licence:') ? $t('viewer.licence') : $t('viewer.upload') }}</small>
            </button>
          </li>
        </ul>
        <section class="gs-viewer-stage" :aria-label="current ? current.fileName : $t('viewer.choose')">
          <div v-if="current" class="gs-viewer-toolbar" role="toolbar" :aria-label="$t('viewer.tools')">
            <template v-if="isImage(current)">
              <button type="button" @click="zoomOut" :aria-label="$t('viewer.zoomOut')" data-testid="viewer-zoom-out"><van-icon name="minus" aria-hidden="true" />{{ $t('viewer.zoomOut') }}</button>
              <button type="button" @click="zoomIn" :aria-label="$t('viewer.zoomIn')" data-testid="viewer-zoom-in"><van-icon name="plus" aria-hidden="true" />{{ $t('viewer.zoomIn') }}</button>
              <button type="button" @click="rotate(-90)" :aria-label="$t('viewer.rotateLeft')" data-testid="viewer-rotate-left"><van-icon name="replay" class="gs-flip" aria-hidden="true" />{{ $t('viewer.rotateLeft') }}</button>
              <button type="button" @click="rotate(90)" :aria-label="$t('viewer.rotateRight')" data-testid="viewer-rotate-right"><van-icon name="replay" aria-hidden="true" />{{ $t('viewer.rotateRight') }}</button>
              <button type="button" @click="reset" data-testid="viewer-fit">{{ $t('viewer.fit') }}</button>
              <span class="gs-viewer-state" aria-live="polite">{{ $t('viewer.zoom', { p: Math.round(state.zoom * 100) }) }} · {{ $t('viewer.rotation', { d: state.rotate }) }}</span>
            </template>
            <span v-else-if="isPdf(current)" class="gs-viewer-state">{{ $t('viewer.pdfHint') }}</span>
            <a v-if="state.url" :href="state.url" :download="current.fileName" data-testid="attachment-download">
              <van-icon name="down" aria-hidden="true" />{{ $t('viewer.download') }}</a>
          </div>
          <p v-if="!current" class="gs-viewer-message gs-muted">{{ $t('viewer.choose') }}</p>
          <p v-else-if="state.loading" class="gs-viewer-message gs-muted" role="status">{{ $t('viewer.loading') }}</p>
          <div v-else-if="state.failed" class="gs-viewer-message" role="alert">
            <p>{{ $t('viewer.failed') }}</p>
            <button type="button" class="gs-viewer-item" style="width:auto" @click="open(current)">{{ $t('viewer.retry') }}</button>
          </div>
          <div v-else-if="isImage(current) && state.url" ref="canvas" class="gs-viewer-canvas">
            <div class="gs-viewer-box" :style="boxStyle">
              <img :src="state.url" :alt="kindName(current.kind) + ' ' + current.fileName" :style="imageStyle" @load="loaded" data-testid="attachment-image" />
            </div>
          </div>
          <iframe v-else-if="isPdf(current) && state.url" :src="state.url" :title="kindName(current.kind) + ' ' + current.fileName"
            class="gs-viewer-pdf" data-testid="attachment-pdf"></iframe>
          <p v-else-if="state.url" class="gs-viewer-message">{{ $t('viewer.noPreview') }}</p>
        </section>
      </div>
    </div>`,
});

// GsSignaturePad: a handwritten signature on a canvas, finger, pen or mouse (pointer events).
import { defineComponent, ref, reactive, onMounted, onBeforeUnmount } from 'vue';
import { ensureStylesheet } from './styles.js';

ensureStylesheet('/web/lib/widgets.css');

/**
 * Canvas signature pad.
 *
 * Props:
 * - `modelValue` (String|null): the signature as `data:image/png;base64,…` (v-model).
 * - `height` (Number): the pad's height in CSS pixels at the normal text size (default 200; the
 *   elderly mode makes it taller with the text).
 * - `lineWidth` (Number): stroke width in CSS pixels (default 3).
 * - `disabled` (Boolean): no drawing.
 *
 * Emits: `update:modelValue` with the PNG data URL after each stroke once there is ink, and null
 * when cleared; `change` (`{inked: Boolean}`).
 *
 * The canvas is drawn at the screen's pixel density (at most 2×, so the PNG stays small) and the
 * strokes are kept, so a rotated phone redraws them. The PNG is transparent with dark ink, as
 * the contract's signature box expects. Keyboard and screen-reader users get a text saying that a
 * handwritten signature needs a finger, pen or mouse, and where else to sign.
 *
 * data-testid: `signature-pad` (root), `signature-canvas`, `signature-clear`, `signature-state`.
 */
export const GsSignaturePad = defineComponent({
  name: 'GsSignaturePad',
  props: {
    modelValue: { type: String, default: null },
    height: { type: Number, default: 200 },
    lineWidth: { type: Number, default: 3 },
    disabled: Boolean,
  },
  emits: ['update:modelValue', 'change'],
  setup(props, { emit }) {
    const canvas = ref(null);
    const box = ref(null);
    const state = reactive({ inked: false });
    const uid = `gs-sig-${Math.random().toString(36).slice(2, 9)}`;
    const strokes = [];
    let current = null;
    let ratio = 1;
    let observer = null;

    function context() {
      const g = canvas.value.getContext('2d');
      g.lineCap = 'round';
      g.lineJoin = 'round';
      g.strokeStyle = '#111';
      g.fillStyle = '#111';
      g.lineWidth = props.lineWidth;
      return g;
    }

    function drawStroke(g, points) {
      if (points.length === 1) {
        g.beginPath();
        g.arc(points[0].x, points[0].y, props.lineWidth / 2, 0, Math.PI * 2);
        g.fill();
        return;
      }
      g.beginPath();
      g.moveTo(points[0].x, points[0].y);
      for (let i = 1; i < points.length - 1; i++) {
        const mx = (points[i].x + points[i + 1].x) / 2;
        const my = (points[i].y + points[i + 1].y) / 2;
        g.quadraticCurveTo(points[i].x, points[i].y, mx, my);
      }
      const last = points[points.length - 1];
      g.lineTo(last.x, last.y);
      g.stroke();
    }

    function resize() {
      const c = canvas.value;
      if (!c) return;
      const rect = c.getBoundingClientRect();
      ratio = Math.min(2, window.devicePixelRatio || 1);
      c.width = Math.max(1, Math.round(rect.width * ratio));
      c.height = Math.max(1, Math.round(rect.height * ratio));
      const g = context();
      g.setTransform(ratio, 0, 0, ratio, 0, 0);
      g.clearRect(0, 0, rect.width, rect.height);
      strokes.forEach((s) => drawStroke(g, s));
    }

    function point(e) {
      const rect = canvas.value.getBoundingClientRect();
      return { x: e.clientX - rect.left, y: e.clientY - rect.top };
    }

    function down(e) {
      if (props.disabled || (e.pointerType === 'mouse' && e.button !== 0)) return;
      e.preventDefault();
      canvas.value.setPointerCapture && canvas.value.setPointerCapture(e.pointerId);
      current = [point(e)];
      strokes.push(current);
      const g = context();
      g.setTransform(ratio, 0, 0, ratio, 0, 0);
      drawStroke(g, current);
    }

    function move(e) {
      if (!current) return;
      e.preventDefault();
      const events = e.getCoalescedEvents ? e.getCoalescedEvents() : [e];
      const g = context();
      g.setTransform(ratio, 0, 0, ratio, 0, 0);
      for (const ev of events.length ? events : [e]) {
        const p = point(ev);
        const last = current[current.length - 1];
        if (Math.abs(p.x - last.x) + Math.abs(p.y - last.y) < 1) continue;
        current.push(p);
        g.beginPath();
        g.moveTo(last.x, last.y);
        g.lineTo(p.x, p.y);
        g.stroke();
      }
    }

    /** Ink is there once the strokes together run longer than a few pixels (not a stray tap). */
    function hasInk() {
      let length = 0;
      for (const s of strokes) {
        for (let i = 1; i < s.length; i++) length += Math.hypot(s[i].x - s[i - 1].x, s[i].y - s[i - 1].y);
      }
      return length >= 12;
    }

    function up() {
      if (!current) return;
      current = null;
      state.inked = hasInk();
      if (state.inked) emit('update:modelValue', canvas.value.toDataURL('image/png'));
      emit('change', { inked: state.inked });
    }

    function clear() {
      strokes.length = 0;
      current = null;
      resize();
      const had = state.inked || props.modelValue;
      state.inked = false;
      if (had) emit('update:modelValue', null);
      emit('change', { inked: false });
    }

    onMounted(() => {
      resize();
      if (window.ResizeObserver) {
        observer = new ResizeObserver(() => resize());
        observer.observe(box.value);
      } else {
        window.addEventListener('resize', resize);
      }
    });
    onBeforeUnmount(() => {
      if (observer) observer.disconnect();
      else window.removeEventListener('resize', resize);
    });

    return { canvas, box, state, uid, down, move, up, clear };
  },
  template: `
    <div class="gs-signature" data-testid="signature-pad" :class="{ 'gs-signature-disabled': disabled }">
      <p :id="uid + '-hint'" class="gs-signature-hint">{{ $t('signature.hint') }}</p>
      <div ref="box" class="gs-signature-box" :style="{ height: (height / 16) + 'rem' }">
        <canvas ref="canvas" class="gs-signature-canvas" role="img" tabindex="0" data-testid="signature-canvas"
          :aria-label="$t('signature.canvasLabel')" :aria-describedby="uid + '-hint ' + uid + '-a11y'"
          @pointerdown="down" @pointermove="move" @pointerup="up" @pointercancel="up" @lostpointercapture="up"></canvas>
        <span v-if="!state.inked" class="gs-signature-placeholder" aria-hidden="true">{{ $t('signature.placeholder') }}</span>
      </div>
      <p :id="uid + '-a11y'" class="gs-signature-a11y gs-muted">{{ $t('signature.keyboard') }}</p>
      <div class="gs-signature-bar">
        <span class="gs-signature-state" role="status" data-testid="signature-state">
          <van-icon :name="state.inked ? 'passed' : 'edit'" aria-hidden="true" />
          {{ state.inked ? $t('signature.inked') : $t('signature.empty') }}
        </span>
        <van-button size="small" icon="replay" :disabled="disabled" @click="clear" data-testid="signature-clear">{{ $t('signature.clear') }}</van-button>
      </div>
    </div>`,
});

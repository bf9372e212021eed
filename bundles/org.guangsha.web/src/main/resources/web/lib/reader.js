// GsCountdownReader: a text (or a preview) that must stay open N seconds before "I have read it".
import { defineComponent, reactive, watch, onBeforeUnmount } from 'vue';
import { ApiError } from './api.js';
import { useProblem, GsProblem } from './components.js';
import { ensureStylesheet } from './styles.js';

ensureStylesheet('/web/lib/widgets.css');

/**
 * Countdown reader. The server keeps the time; the page only shows it.
 *
 * Props:
 * - `secondsLeft` (Number, required): the seconds the server says are left (`secondsLeft` of
 *   `GET /api/signing/{id}`); a new value restarts the count.
 * - `text` (String): the text to read, shown in a scrollable box; or put the content (a PDF
 *   preview, …) in the default slot.
 * - `title` (String): a heading above the text.
 * - `done` (Function, required): async, called by "I have read it" once the count is 0; it calls
 *   the server. When it throws an ApiError 409 `countdown-running`, the count goes on for the
 *   `Retry-After` seconds (the browser's clock is never trusted alone); other errors are shown.
 * - `doneText` (String): the button's words (default 我已阅读 / I have read it).
 *
 * Emits: `done` (what `done()` returned), `ready` (the count reached 0).
 *
 * data-testid: `reader` (root), `reader-text`, `reader-countdown` (the words with the seconds
 * left, `data-seconds` the number), `reader-done` (the button).
 */
export const GsCountdownReader = defineComponent({
  name: 'GsCountdownReader',
  components: { GsProblem },
  props: {
    secondsLeft: { type: Number, required: true },
    text: String,
    title: String,
    done: { type: Function, required: true },
    doneText: String,
  },
  emits: ['done', 'ready'],
  setup(props, { emit }) {
    const problem = useProblem();
    const state = reactive({ left: 0, busy: false, announce: '' });
    let deadline = 0;
    let timer = null;

    function tick() {
      state.left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      if (state.left === 0) {
        clearInterval(timer);
        timer = null;
        state.announce = 'ready';
        emit('ready');
      }
    }
    function start(seconds) {
      clearInterval(timer);
      timer = null;
      deadline = Date.now() + Math.max(0, seconds) * 1000;
      state.announce = '';
      tick();
      if (state.left > 0) timer = setInterval(tick, 250);
    }
    watch(() => props.secondsLeft, (s) => start(Number(s) || 0), { immediate: true });
    onBeforeUnmount(() => clearInterval(timer));

    async function confirm() {
      if (state.left > 0 || state.busy) return;
      problem.clear();
      state.busy = true;
      try {
        const result = await props.done();
        emit('done', result);
      } catch (e) {
        if (e instanceof ApiError && e.status === 409 && e.slug === 'countdown-running') {
          start(e.retryAfter && e.retryAfter > 0 ? e.retryAfter : 1);
        } else {
          problem.set(e);
        }
      } finally {
        state.busy = false;
      }
    }

    return { state, problem, confirm };
  },
  template: `
    <section class="gs-reader" data-testid="reader">
      <h3 v-if="title" class="gs-reader-title">{{ title }}</h3>
      <div class="gs-reader-body">
        <slot>
          <div class="gs-reader-text" tabindex="0" role="document" :aria-label="title || $t('reader.textLabel')" data-testid="reader-text">{{ text }}</div>
        </slot>
      </div>
      <p class="gs-reader-countdown" role="timer" aria-live="off" data-testid="reader-countdown" :data-seconds="state.left">
        <van-icon :name="state.left > 0 ? 'clock-o' : 'passed'" aria-hidden="true" />
        <span v-if="state.left > 0">{{ $t('reader.wait', { s: state.left }) }}</span>
        <span v-else>{{ $t('reader.ready') }}</span>
      </p>
      <p class="gs-visually-hidden" aria-live="polite">{{ state.announce === 'ready' ? $t('reader.ready') : '' }}</p>
      <GsProblem :problem="problem" />
      <van-button block round type="primary" :disabled="state.left > 0" :loading="state.busy" @click="confirm"
        data-testid="reader-done">
        {{ state.left > 0 ? $t('reader.doneIn', { s: state.left }) : (doneText || $t('reader.done')) }}
      </van-button>
    </section>`,
});

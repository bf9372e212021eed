// 消息通知: my messages, newest first; open one (marks it read and follows its link), or mark all read.
import { reactive, onMounted } from 'vue';
import { showToast } from 'vant';
import { api, local, t, formatTime, navigate, useProblem, GsProblem, GsPage } from 'guangsha';
import { requireLogin, portalLink, inbox } from '../words.js';

const SIZE = 20;

export const Notifications = {
  components: { GsProblem, GsPage },
  setup() {
    const ok = requireLogin();
    const state = reactive({ loading: true, items: [], total: 0, page: 1, more: false, unread: 0, busy: false, onlyUnread: false });
    const problem = useProblem();

    async function load(page = 1) {
      problem.clear();
      state.busy = true;
      try {
        const r = await api.get('notifications', { page, size: SIZE, unread: state.onlyUnread ? true : undefined });
        state.items = page === 1 ? r.items : state.items.concat(r.items);
        state.total = r.total;
        state.page = page;
        state.unread = r.unreadCount || 0;
        inbox.unread = state.unread;
        state.more = state.items.length < r.total;
      } catch (e) {
        problem.set(e);
      } finally {
        state.loading = false;
        state.busy = false;
      }
    }
    async function open(m) {
      problem.clear();
      if (!m.read) {
        try {
          const r = await api.post(`notifications/${encodeURIComponent(m.id)}/read`);
          Object.assign(m, r || { read: true });
          m.read = true;
          state.unread = Math.max(0, state.unread - 1);
          inbox.unread = state.unread;
        } catch (e) {
          problem.set(e);
          return;
        }
      }
      const target = portalLink(m.link);
      if (target) navigate(target);
    }
    async function readAll() {
      problem.clear();
      state.busy = true;
      try {
        const r = await api.post('notifications/read-all');
        showToast(t('notifications.markedAll', { n: (r && r.marked) || 0 }));
        await load(1);
      } catch (e) {
        problem.set(e);
      } finally {
        state.busy = false;
      }
    }
    function toggleUnread(v) {
      state.onlyUnread = v;
      load(1);
    }
    if (ok) onMounted(() => load(1));
    return { state, problem, load, open, readAll, toggleUnread, local, formatTime, portalLink };
  },
  template: `
    <GsPage :title="$t('me.notifications')" back-to="/me">
      <GsProblem :problem="problem" />
      <div class="gs-toolbar">
        <span class="gs-muted" data-testid="notifications-unread" role="status">{{ $t('notifications.unreadCount', { n: state.unread }) }}</span>
        <span class="gs-toolbar-tools">
          <label class="gs-inline-switch"><van-switch :model-value="state.onlyUnread" @update:model-value="toggleUnread" size="1.1rem"
            :aria-label="$t('notifications.onlyUnread')" data-testid="notifications-only-unread"
            @keydown.enter.prevent="toggleUnread(!state.onlyUnread)" @keydown.space.prevent="toggleUnread(!state.onlyUnread)" /> {{ $t('notifications.onlyUnread') }}</label>
          <van-button size="small" icon="passed" :disabled="!state.unread || state.busy" @click="readAll" data-testid="notifications-read-all">{{ $t('notifications.readAll') }}</van-button>
        </span>
      </div>
      <p v-if="state.loading" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <div v-else-if="!state.items.length" class="gs-empty" data-testid="notifications-empty">
        <van-icon name="bell" class="gs-empty-icon" aria-hidden="true" />
        <p>{{ $t('notifications.empty') }}</p>
      </div>
      <ul v-else class="gs-card-list" data-testid="notifications-list">
        <li v-for="m in state.items" :key="m.id" class="gs-card gs-message" :class="{ 'gs-message-unread': !m.read }" data-testid="notification-item" :data-read="m.read">
          <button type="button" class="gs-message-button" @click="open(m)" data-testid="notification-open">
            <span class="gs-card-head">
              <strong>{{ local(m.title) }}</strong>
              <span class="gs-status" :class="m.read ? 'gs-read' : 'gs-unread-tag'">
                <van-icon :name="m.read ? 'passed' : 'envelop-o'" aria-hidden="true" /> {{ m.read ? $t('notifications.read') : $t('notifications.unread') }}
              </span>
            </span>
            <span class="gs-message-body">{{ local(m.body) }}</span>
            <span class="gs-card-meta gs-muted"><time :datetime="m.createdAt">{{ formatTime(m.createdAt) }}</time>
              <span v-if="portalLink(m.link)"> · {{ $t('notifications.open') }} <van-icon name="arrow" aria-hidden="true" /></span></span>
          </button>
        </li>
      </ul>
      <div v-if="state.more" class="gs-actions">
        <van-button round block plain :loading="state.busy" @click="load(state.page + 1)" data-testid="notifications-more">{{ $t('common.more') }}</van-button>
      </div>
    </GsPage>`,
};

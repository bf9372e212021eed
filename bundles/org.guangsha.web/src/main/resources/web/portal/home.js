// 首页: the lines installed now, as the module list says, each with its menu entries.
import { computed } from 'vue';
import { modules, session, local, hasTrustLevel, navigate } from 'guangsha';

export const Home = {
  setup() {
    const lines = computed(() => modules.list);
    function open(module, entry) {
      if (!session.me) {
        navigate('/login', { query: { next: `/m/${module.id}/${entry.path}` } });
        return;
      }
      if (!hasTrustLevel(entry.requiredTrustLevel)) {
        navigate('/verify-prompt', { query: { level: entry.requiredTrustLevel, next: `/m/${module.id}/${entry.path}` } });
        return;
      }
      navigate(`/m/${module.id}/${entry.path}`);
    }
    return { lines, modules, session, local, open };
  },
  template: `
    <section class="gs-hero" aria-labelledby="gs-hero-title">
      <h1 id="gs-hero-title">{{ $t('app.portal') }}</h1>
      <p v-if="session.me" class="gs-muted">{{ session.me.name }}</p>
      <p v-else><a href="#/login" class="gs-link-strong">{{ $t('nav.login') }}</a> · <a href="#/register">{{ $t('nav.register') }}</a></p>
    </section>
    <section aria-labelledby="gs-services-title">
      <h2 id="gs-services-title" class="gs-section-title">{{ $t('nav.services') }}</h2>
      <p v-if="!modules.loaded" class="gs-loading" role="status">{{ $t('common.loading') }}</p>
      <p v-else-if="!lines.length" class="gs-muted">{{ $t('common.empty') }}</p>
      <van-cell-group v-for="m in lines" :key="m.id" inset class="gs-module" :data-module="m.id">
        <van-cell :title="local(m.name)" :label="local(m.description)" class="gs-module-title" />
        <van-cell v-for="e in m.menu" :key="e.id" :title="local(e.name)" is-link
          :data-entry="m.id + '/' + e.id" @click="open(m, e)" role="link" tabindex="0" @keydown.enter="open(m, e)">
          <template #value><span class="gs-muted">{{ e.requiredTrustLevel }}</span></template>
        </van-cell>
      </van-cell-group>
    </section>`,
};

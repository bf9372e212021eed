// The pages of the online selection line, loaded by the portal at #/m/selection/. For now the
// start page only; the selection itself arrives with its issue. Shared pieces come from 'guangsha'.
import { GsPage } from 'guangsha';

const Start = {
  components: { GsPage },
  template: `
    <GsPage :title="$t('selection.title')">
      <van-empty :description="$t('selection.soon')" />
    </GsPage>`,
};

export default {
  routes: [{ path: '', component: Start }],
  messages: {
    'zh-CN': { selection: { title: '在线选房签约', soon: '选房批次公布后，可在此预选与正式选房。' } },
    en: { selection: { title: 'Online selection & signing', soon: 'Once a batch is published, pre-select and choose here.' } },
  },
};

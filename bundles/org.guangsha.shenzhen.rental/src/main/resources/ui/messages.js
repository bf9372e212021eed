// The Shenzhen rental line's words, Chinese first (the guide's words: 住房保障个人服务, 轮候排名,
// 个人租赁合同续签 …). Pages of other parts add their own top-level keys under `szr` (e.g.
// `szr.rent`, `szr.records`) in their own files and merge them here.
export const messages = {
  'zh-CN': {
    szr: {
      title: '住房保障个人服务',
      home: {
        myHomes: '我的住房', none: '您目前没有承租的公共租赁住房。', unitHomes: '本单位承租的住房（{n} 套）',
        intro: '查看当前住房、轮候排名并办理住房保障业务。请使用本人账号登录并完成实名认证（L2）。',
        login: '登录后办理', verify: '完成实名认证后办理',
        project: '项目', building: '栋', room: '房号', address: '地址', area: '面积', layout: '户型',
        leaseNo: '合同编号', policy: '适用政策', term: '租期', rent: '月租金', residents: '同住人', occupants: '入住人',
        areaM2: '{n} ㎡', termRange: '{from} 至 {to}',
        waiting: '轮候排名', notOnList: '未在轮候册中', asOf: '截至 {date}', rankNo: '第 {n} 名',
        up: '较上次前进 {n} 名', down: '较上次后退 {n} 名', same: '与上次相同', history: '排名变化',
        services: '业务办理', unavailable: '暂不可办理', role: { CO_RESIDENT: '同住人', OCCUPANT: '入住人' },
      },
    },
  },
  en: {
    szr: {
      title: 'My public housing',
      home: {
        myHomes: 'My home', none: 'You rent no public housing at the moment.', unitHomes: 'Homes rented by your organization ({n})',
        intro: 'See your home and waiting-list ranks and use the housing services. Log in with your own account, verified (L2).',
        login: 'Log in to continue', verify: 'Verify your identity to continue',
        project: 'Project', building: 'Building', room: 'Room', address: 'Address', area: 'Area', layout: 'Layout',
        leaseNo: 'Lease no.', policy: 'Policy', term: 'Term', rent: 'Monthly rent', residents: 'Co-residents', occupants: 'Occupants',
        areaM2: '{n} m²', termRange: '{from} to {to}',
        waiting: 'Waiting-list rank', notOnList: 'Not on this list', asOf: 'as of {date}', rankNo: 'No. {n}',
        up: 'up {n} since last time', down: 'down {n} since last time', same: 'unchanged', history: 'How the rank moved',
        services: 'Services', unavailable: 'Not available now', role: { CO_RESIDENT: 'Co-resident', OCCUPANT: 'Occupant' },
      },
    },
  },
};

// The shared words of the shell and its components; pages keep their own beside them.
export const messages = {
  'zh-CN': {
    app: { name: '广厦', portal: '公共住房服务', console: '业务审核台' },
    common: {
      back: '返回', next: '下一步', previous: '上一步', submit: '提交', save: '保存', cancel: '取消',
      confirm: '确定', retry: '重试', loading: '正在加载…', empty: '暂无内容', close: '关闭',
      saved: '已保存', refresh: '刷新', more: '更多', download: '下载', print: '打印', view: '查看',
      required: '必填', yes: '是', no: '否', search: '查询', reset: '重置', all: '全部',
      page: '第 {page} 页，共 {total} 条', language: 'English', elderly: '长辈模式', elderlyOff: '标准模式',
      sandbox: '沙箱',
    },
    nav: { home: '首页', services: '服务', me: '我的', login: '登录', logout: '退出登录', register: '注册' },
    problem: { fieldsHint: '请按提示修改标出的内容', fieldsHintLead: '请按提示修改', network: '网络不通，请检查网络后重试' },
    confirmTwice: { again: '请再次确认', typeToConfirm: '请输入“{word}”以确认', mismatch: '输入不一致' },
    upload: {
      choose: '选择文件', camera: '拍照', uploading: '正在上传 {p}%', tooLarge: '文件不能超过 {max}',
      badType: '只能上传 {types}', done: '已上传', replace: '重新上传', remove: '删除', empty: '尚未上传',
      rule: '支持 {types}，单个文件不超过 {max}', separator: '、', uploadNew: '上传新文件',
      tooLargeNamed: '文件不能超过 {max}（所选文件 {size}），请压缩或换一个文件', badTypeNamed: '“{name}”的格式不支持，只能上传 {types}',
      frozen: '已用于提交的申请或签约，不能修改或删除', frozenShort: '已锁定', earlier: '选用以前上传的', earlierTitle: '选用以前上传的同类材料',
      earlierNone: '没有以前上传的同类材料', viewNamed: '查看 {name}', removeTitle: '删除材料', removeText: '确定删除“{name}”吗？删除后不能恢复。',
    },
    signature: {
      hint: '请在框内用手指或鼠标签名', clear: '重写', empty: '尚未签名', done: '确认签名', inked: '已签名，可重写',
      placeholder: '签名区', canvasLabel: '手写签名板',
      keyboard: '手写签名需要用手指、触控笔或鼠标在框内书写。无法手写的，可用手机打开本页签名，或到服务窗口办理。',
    },
    reader: {
      wait: '请阅读，{s} 秒后可继续', done: '我已阅读', scroll: '请读完全文', ready: '阅读时间已到，可以继续',
      doneIn: '请阅读（{s} 秒）', textLabel: '需要阅读的内容',
    },
    qr: {
      scan: '请用手机扫描二维码', expired: '二维码已过期', renew: '刷新二维码', status: '状态：{s}',
      statuses: { PENDING: '等待手机扫码完成', PASSED: '已通过', FAILED: '未通过', EXPIRED: '已过期', CREATED: '等待支付', PAID: '已支付', CLOSED: '已关闭' },
      validFor: '二维码 {m} 分 {s} 秒后失效', linkLabel: '扫不了码？在手机上打开这个地址：', copy: '复制地址', copied: '已复制',
      copyFailed: '无法复制，请长按地址手动复制', noImage: '二维码图片暂不可用，请使用下方地址', imageAlt: '二维码',
    },
    faceCheck: {
      intro: '请用手机完成刷脸核验。', pcStep: '用手机扫描下方二维码', phoneStep: '点击“在本机打开人脸识别”',
      step2: '按手机上的提示完成刷脸，请正对屏幕，保持光线充足', step3: '完成后本页会自动继续，无需刷新',
      openHere: '在本机打开人脸识别', start: '开始人脸核验', retry: '重新核验', failed: '人脸核验未通过，请重试',
      expired: '二维码已过期，请重新核验', consuming: '核验通过，正在确认结果…',
      privacy: '人脸信息由身份认证服务核验，仅用于本次核验，不会另作他用。',
      statuses: { PENDING: '等待手机完成刷脸', PASSED: '刷脸通过', FAILED: '刷脸未通过', EXPIRED: '已过期' },
    },
    steps: {
      draftSaved: '草稿已保存 {time}', saving: '正在保存…', resume: '已恢复上次填写的内容', position: '第 {n} 步 / 共 {total} 步',
    },
    timeline: {
      empty: '暂无进度', level: '第{level}级',
      events: {
        created: '已创建', saved: '已暂存', submitted: '已提交', claimed: '审核人员已受理', approved: '审核通过',
        rejected: '审核不通过', returned: '退回补正', levelPassed: '本级审核通过，转上级审核', resubmitted: '补正后重新提交',
        withdrawn: '已放弃申请', payment: '缴费', document: '已出具文书',
      },
    },
    notFound: { title: '页面不存在', text: '您要找的页面不存在或已被移除。', home: '返回首页' },
    module: { missing: '该业务未安装或已停用', loading: '正在打开业务…' },
  },
  en: {
    app: { name: 'Guangsha', portal: 'Public housing services', console: 'Review console' },
    common: {
      back: 'Back', next: 'Next', previous: 'Previous', submit: 'Submit', save: 'Save', cancel: 'Cancel',
      confirm: 'OK', retry: 'Retry', loading: 'Loading…', empty: 'Nothing here yet', close: 'Close',
      saved: 'Saved', refresh: 'Refresh', more: 'More', download: 'Download', print: 'Print', view: 'View',
      required: 'Required', yes: 'Yes', no: 'No', search: 'Search', reset: 'Reset', all: 'All',
      page: 'Page {page}, {total} in all', language: '中文', elderly: 'Large text', elderlyOff: 'Standard',
      sandbox: 'Sandbox',
    },
    nav: { home: 'Home', services: 'Services', me: 'Me', login: 'Log in', logout: 'Log out', register: 'Register' },
    problem: { fieldsHint: 'Please correct the marked fields', fieldsHintLead: 'correct', network: 'Network unreachable, please retry' },
    confirmTwice: { again: 'Please confirm once more', typeToConfirm: 'Type “{word}” to confirm', mismatch: 'That does not match' },
    upload: {
      choose: 'Choose a file', camera: 'Take a photo', uploading: 'Uploading {p}%', tooLarge: 'At most {max}',
      badType: 'Only {types}', done: 'Uploaded', replace: 'Upload again', remove: 'Delete', empty: 'Not uploaded yet',
      rule: '{types}, at most {max} each', separator: ', ', uploadNew: 'Upload a new file',
      tooLargeNamed: 'Files may be at most {max} (this one is {size}); please shrink it or choose another', badTypeNamed: '“{name}” is not accepted; only {types}',
      frozen: 'Used by a submitted application or a signing: it can no longer change', frozenShort: 'Locked', earlier: 'Use an earlier upload', earlierTitle: 'Earlier uploads of this kind',
      earlierNone: 'No earlier uploads of this kind', viewNamed: 'View {name}', removeTitle: 'Delete the file', removeText: 'Delete “{name}”? This cannot be undone.',
    },
    signature: {
      hint: 'Sign inside the box with a finger or the mouse', clear: 'Clear', empty: 'Not signed yet', done: 'Use this signature', inked: 'Signed; you may clear and sign again',
      placeholder: 'Sign here', canvasLabel: 'Handwritten signature pad',
      keyboard: 'A handwritten signature is drawn in the box with a finger, pen or mouse. If you cannot, open this page on a phone or sign at a service counter.',
    },
    reader: {
      wait: 'Please read; you can go on in {s} s', done: 'I have read it', scroll: 'Please read to the end', ready: 'Reading time is over; you may go on',
      doneIn: 'Please read ({s} s)', textLabel: 'Text to read',
    },
    qr: {
      scan: 'Scan the QR code with your phone', expired: 'The QR code expired', renew: 'New QR code', status: 'Status: {s}',
      statuses: { PENDING: 'Waiting for the phone', PASSED: 'Passed', FAILED: 'Failed', EXPIRED: 'Expired', CREATED: 'Waiting for payment', PAID: 'Paid', CLOSED: 'Closed' },
      validFor: 'The code lapses in {m} min {s} s', linkLabel: 'Cannot scan? Open this address on the phone:', copy: 'Copy address', copied: 'Copied',
      copyFailed: 'Could not copy; select the address by hand', noImage: 'The QR image is not available; use the address below', imageAlt: 'QR code',
    },
    faceCheck: {
      intro: 'Complete the face check on your phone.', pcStep: 'Scan the QR code below with your phone', phoneStep: 'Tap “Open the face check here”',
      step2: 'Follow the phone’s instructions; face the screen in good light', step3: 'This page goes on by itself when done',
      openHere: 'Open the face check here', start: 'Start the face check', retry: 'Try again', failed: 'The face check did not pass; please try again',
      expired: 'The QR code expired; please try again', consuming: 'Passed; confirming the result…',
      privacy: 'Your face is checked by the identity service, for this check only, and used for nothing else.',
      statuses: { PENDING: 'Waiting for the phone', PASSED: 'Face check passed', FAILED: 'Face check failed', EXPIRED: 'Expired' },
    },
    steps: {
      draftSaved: 'Draft saved {time}', saving: 'Saving…', resume: 'Your earlier answers are back', position: 'Step {n} of {total}',
    },
    timeline: {
      empty: 'No progress yet', level: 'level {level}',
      events: {
        created: 'Created', saved: 'Saved', submitted: 'Submitted', claimed: 'Taken up by a caseworker', approved: 'Approved',
        rejected: 'Rejected', returned: 'Returned for correction', levelPassed: 'Passed this level; on to the next',
        resubmitted: 'Corrected and resubmitted', withdrawn: 'Withdrawn', payment: 'Payment', document: 'Document issued',
      },
    },
    notFound: { title: 'Page not found', text: 'The page does not exist or was removed.', home: 'Home' },
    module: { missing: 'This service is not installed or was switched off', loading: 'Opening…' },
  },
};

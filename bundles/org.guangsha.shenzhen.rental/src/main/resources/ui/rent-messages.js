// The words of the rent payment pages (微信扫码交租, SZ-4), Chinese first: the guide's own words on
// the button (缴纳房租) and its four rules.
const zh = {
  title: '微信扫码交租',
  rules: '操作说明：1）必须先缴清历史租金，才能缴纳当前月份房租；2）每天23:00至次日01:00不能缴纳房租；3）每月最后2天不能缴纳房租；4）银行托收期间不能缴纳房租。',
  choose: '请选择要交租的住房', noLease: '您名下暂无公租房租赁合同', home: '住房',
  due: '待缴账单', history: '缴费记录', none: '暂无待缴账单，租金已全部缴清', noHistory: '暂无缴费记录',
  period: '{period} 租金', amount: '金额', dueDate: '缴费截止日', overdue: '已欠缴', unpaid: '待缴', paid: '已缴',
  paidAt: '缴费时间', pay: '缴纳房租', payFirst: '请先缴清 {period} 的租金', closed: '暂不能缴纳房租',
  opensAt: '{at} 起可以缴纳', scan: '请用手机微信扫描二维码完成支付', scanPhone: '请使用微信扫码支付，或在另一台设备上打开本页扫码',
  expiresAt: '二维码有效期至 {at}', paidText: '支付成功，租金已缴清', receipt: '缴费凭证', view: '查看', download: '下载', print: '打印',
  cancel: '稍后支付', status: { CREATED: '待支付', PAID: '已支付', CLOSED: '已过期', REFUNDED: '已退款', FAILED: '支付失败', PENDING: '等待支付' },
  receiptFile: '缴费凭证-{period}.pdf',
};
const en = {
  title: 'Pay rent by WeChat QR code',
  rules: 'How it works: 1) pay earlier months first; 2) no payment from 23:00 to 01:00; 3) no payment in the last 2 days of a month; 4) no payment while the bank collection runs.',
  choose: 'Choose the home to pay rent for', noLease: 'You hold no public rental lease', home: 'Home',
  due: 'Bills to pay', history: 'Payment history', none: 'Nothing to pay: all rent is paid', noHistory: 'No payments yet',
  period: 'Rent {period}', amount: 'Amount', dueDate: 'Due', overdue: 'Overdue', unpaid: 'Unpaid', paid: 'Paid',
  paidAt: 'Paid at', pay: 'Pay rent', payFirst: 'Pay the rent of {period} first', closed: 'Rent cannot be paid now',
  opensAt: 'Payment opens at {at}', scan: 'Scan the QR code with WeChat on your phone to pay', scanPhone: 'Pay with WeChat, or open this page on another device and scan',
  expiresAt: 'The code is valid until {at}', paidText: 'Paid: the rent is settled', receipt: 'Receipt', view: 'View', download: 'Download', print: 'Print',
  cancel: 'Pay later', status: { CREATED: 'Waiting for payment', PAID: 'Paid', CLOSED: 'Expired', REFUNDED: 'Refunded', FAILED: 'Failed', PENDING: 'Waiting for payment' },
  receiptFile: 'receipt-{period}.pdf',
};

export const rentMessages = { 'zh-CN': { szRent: zh }, en: { szRent: en } };

// The words of the certificate pages (SZ-6 … SZ-8), Chinese first, in their own block
// `shenzhen.records` so they never collide with the rest of the line's words.
const zh = {
  guide: '操作说明',
  apply: '提交申请', applying: '提交中…', applied: '申请已提交', status: '办理状态', none: '暂无申请记录',
  month: '申请月份', caseNo: '业务编号', created: '申请时间', nextAt: '下次可申请时间：{at}',
  view: '查看', print: '打印', download: '下载', issuedOn: '出具日期', validUntil: '有效期至', longTerm: '长期有效', number: '文书编号',
  docStatus: { VALID: '有效', EXPIRED: '已过期', REVOKED: '已撤销' },
  progress: '查看审核进度', myDocuments: '我的文书',
  record: {
    title: '政策性住房信息查询', purpose: '查询用途', purposeHint: '如：办理人才住房申请（选填）',
    withRecord: '有政策性住房购买记录，审核通过后可打印', noRecord: '无购买记录，已直接出具',
  },
  share: {
    title: '安居房产权份额打印', held: '产权份额信息', owner: '购房人份额', government: '政府份额', printNew: '打印产权份额证明',
    applyTitle: '安居房产权份额信息申请', project: '项目名称', address: '房屋坐落', district: '所在区', certificateNo: '不动产权证号',
    contractNo: '购房合同编号', area: '建筑面积（平方米）', ownerShare: '购房人产权份额（%）', fromPurchase: '按购房记录填写',
    applications: '申请记录', validHint: '产权份额证明有效期为一个月，过期后可重新打印。',
  },
  poa: {
    title: '授权委托书打印', current: '有效的授权委托书', agentName: '受托人姓名', agentIdNumber: '受托人身份证号', agentPhone: '受托人手机号',
    agentRelation: '与委托人关系', registrationType: '委托办理的登记类型', reason: '委托原因', matters: '委托事项（选填）',
    propertyAddress: '房屋坐落', certificateNo: '不动产权证号（选填）', district: '房屋所在区', principalAddress: '委托人通讯地址',
    poaDoc: '授权委托书', formDoc: '深圳市不动产登记申请表', applications: '申请记录', validHint: '授权委托书有效期为三个月，请分别打印“授权委托书”和“深圳市不动产登记申请表”。',
  },
  districts: { 440303: '罗湖区', 440304: '福田区', 440305: '南山区', 440306: '宝安区', 440307: '龙岗区', 440308: '盐田区', 440309: '龙华区', 440310: '坪山区', 440311: '光明区' },
};
const en = {
  guide: 'How it works',
  apply: 'Apply', applying: 'Sending…', applied: 'Application sent', status: 'Status', none: 'No application yet',
  month: 'Month', caseNo: 'Case no.', created: 'Applied', nextAt: 'Next application possible from {at}',
  view: 'View', print: 'Print', download: 'Download', issuedOn: 'Issued', validUntil: 'Valid until', longTerm: 'No expiry', number: 'Number',
  docStatus: { VALID: 'Valid', EXPIRED: 'Expired', REVOKED: 'Revoked' },
  progress: 'Review progress', myDocuments: 'My documents',
  record: {
    title: 'Policy-housing record', purpose: 'Purpose', purposeHint: 'e.g. talent-housing application (optional)',
    withRecord: 'A purchase is on record: printable once approved', noRecord: 'No purchase on record: issued at once',
  },
  share: {
    title: 'Property-share certificate', held: 'Property share', owner: 'Owner', government: 'Government', printNew: 'Print the certificate',
    applyTitle: 'Apply for property-share information', project: 'Project', address: 'Address', district: 'District', certificateNo: 'Title certificate no.',
    contractNo: 'Purchase contract no.', area: 'Floor area (m²)', ownerShare: "Owner's share (%)", fromPurchase: 'Fill in from the purchase record',
    applications: 'Applications', validHint: 'The certificate is valid for one month; print again after it expires.',
  },
  poa: {
    title: 'Power of attorney', current: 'Valid power of attorney', agentName: "Agent's name", agentIdNumber: "Agent's ID number", agentPhone: "Agent's mobile",
    agentRelation: 'Relation to you', registrationType: 'Registration entrusted', reason: 'Why you cannot come', matters: 'Matters (optional)',
    propertyAddress: 'Address of the home', certificateNo: 'Title certificate no. (optional)', district: 'District of the home', principalAddress: 'Your postal address',
    poaDoc: 'Power of attorney', formDoc: 'Shenzhen real-estate registration form', applications: 'Applications', validHint: 'Valid for three months; print both documents.',
  },
  districts: { 440303: 'Luohu', 440304: 'Futian', 440305: 'Nanshan', 440306: "Bao'an", 440307: 'Longgang', 440308: 'Yantian', 440309: 'Longhua', 440310: 'Pingshan', 440311: 'Guangming' },
};

export const recordsMessages = { 'zh-CN': { shenzhen: { records: zh } }, en: { shenzhen: { records: en } } };

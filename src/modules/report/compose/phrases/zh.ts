// The report's words in Chinese, in the style of the Chinese versions of the Secretary-General's reports:
// full-width punctuation, no spaces between words, a measure word after every count.
import type { Phrases } from './types.ts';

const isCount = (s: string) => /^\d/.test(s);

export const zh: Phrases = {
  title: '促进和保护人权的区域安排',
  subtitle: '秘书长的报告',
  headings: {
    introduction: '导言',
    developments: '各区域的发展情况',
    cooperation: '与联合国人权事务高级专员办事处的合作',
    exchanges: '联合国机构与区域机构之间的信息交流',
    obstacles: '批准方面的障碍和克服障碍的战略',
    implementation: '决议的执行情况',
    conclusions: '结论和建议',
    annex: '数字的来源',
  },
  noData: '无数据',

  summary: (x) =>
    `本报告说明${x.start}至${x.end}期间${x.regions}个区域促进和保护人权的区域安排的情况。报告涉及${x.organizations}个区域组织、${x.instruments}项区域文书和${x.mechanisms}个区域机制；据记录，在此期间国家成为某项文书缔约方的情况共有${x.newParties}例。报告介绍了与联合国人权事务高级专员办事处的合作、信息交流、批准方面的障碍和决议的执行情况，最后根据数据提出建议。每个数字均根据编写本报告时掌握的数据反映截至${x.end}的情况，并注明了来源。`,

  mandateLead: (x) => `本报告是依照大会${x.adopted ?? ''}关于促进和保护人权的区域安排的${x.symbol ? `第${x.symbol}号` : ''}决议第${x.paragraph}段提交的。大会在该决议中：`,
  mandateMissing: (why) => `无法引述要求提交本报告的决议案文：${why}。`,
  period: (x) => `本报告所述期间为${x.start}至${x.end}，报告中的所有数字均按截至该日的情况计算。`,
  method:
    '数字取自Accord平台所存的保存人、区域组织、法院和委员会以及高级专员办事处的记录；每个数字均以附件所列来源为依据。日期仅部分已知的事实，或依据三手来源或没有任何来源的事实，作为不确定事实单独计算；仅依据二手来源的事实予以计算，并注明这一点。记录中没有相关信息时，报告予以说明：没有记录并不证明未采取任何行动。',
  regionsCovered: (x) => `区域采用联合国《供统计使用的标准国家或地区代码》（M49）的划分：${x.regions}。`,

  regionStates: (x) => (isCount(x.states) ? `据记录，${x.region}区域共有${x.states}个国家。` : `据记录，${x.region}区域的国家数目：${x.states}。`),
  organizations: (x) => `有${x.count}个区域组织的成员国位于该区域：${x.list}。`,
  noOrganization: (x) => `截至${x.date}，记录中没有任何区域组织有成员国位于该区域。`,
  organization: (x) => `${x.name}（${isCount(x.members) ? `${x.members}个成员` : `成员数：${x.members}`}，其中${x.inRegion}个在该区域${x.unverified ? `；${x.unverified}个成员资格未经核实` : ''}）`,
  instruments: (x) => `截至所述期间结束时，这些组织通过的人权文书如下：${x.list}。`,
  noInstrument: (x) => `记录中没有这些组织截至${x.date}通过的任何区域人权文书。`,
  instrument: (x) => `${x.title}${x.adopted ? `（通过日期：${x.adopted}；${x.inForce ? `生效日期：${x.inForce}` : x.notYetInForce ? '在该日尚未生效' : '生效日期未予记录'}）` : ''}`,
  mechanisms: (x) => `这些组织的${x.count}个促进和保护人权机制：${x.list}。`,
  noMechanism: (x) => `记录中没有这些组织截至${x.date}设立的任何区域人权机制。`,
  mechanism: (x) => `${x.name}${x.established ? `（设立日期：${x.established}${x.complaints ? '；受理个人申诉' : ''}）` : x.complaints ? '（受理个人申诉）' : ''}`,
  ratificationCaption: (x) => `截至${x.date}${x.region}区域的缔约国`,
  ratificationColumns: {
    instrument: '文书',
    parties: '缔约国',
    uncertain: '不确定',
    atVienna: '《维也纳宣言和行动纲领》通过之日（1993年6月25日）',
    beforePeriod: '所述期间之前',
    newInPeriod: '所述期间新增',
    newSinceVienna: '1993年以来新增',
  },
  ratificationNote: (x) =>
    `“缔约国”一栏计算其行为日期精确到日并依据官方来源或二手来源的缔约方；“不确定”一栏计算其日期仅部分已知或来源为三手来源或缺失的缔约方。“所述期间之前”：指${x.start}的前一日。“无数据”：记录中没有关于该文书参加方的任何来源。“—”：该文书在1993年6月25日尚未通过。相同数字见：${x.api}。`,
  newParties: (x) => `${x.start}至${x.end}期间，该区域有${x.count}个国家成为文书缔约国：${x.list}。`,
  noNewParty: (x) => `记录显示，${x.start}至${x.end}期间，该区域没有任何国家成为这些文书的缔约国。`,
  newParty: (x) => `${x.state}（${x.instruments}）`,
  uncertainMark: '不确定',
  chartCaption: (x) => `${x.region}区域联合国核心人权文书的缔约国`,
  chartSeries: { atVienna: '1993年6月25日', atDate: (date) => date },
  chartMax: (x) => `该区域国家数：${x.states}`,
  chartAlt: (x) => `条形图：联合国各项核心人权文书在1993年6月25日和${x.date}的${x.region}区域缔约国数目。`,

  requests: (x) => `截至${x.date}，据记录，高级专员办事处共收到${x.total}项技术合作请求（${x.byStatus}）。当日有${x.unanswered}项请求尚待答复，其中${x.overdue}项已过答复期限。`,
  noRequest: (x) => `记录中没有截至${x.date}收到的任何技术合作请求；这并不表明从未有人提出请求。`,
  projects: (x) =>
    `记录中共有${x.total}个技术合作项目，其中${x.running}个在${x.start}至${x.end}期间实施。${x.budget ? `这些项目的预算共计${x.budget}${x.disbursed ? `，截至${x.end}已支付${x.disbursed}` : ''}。` : ''}`,
  noProject: (x) => `记录中没有截至${x.date}的任何技术合作项目；这并不表明从未开展任何项目。`,
  events: (x) =>
    `${x.start}至${x.end}期间，共举办了${x.total}次培训班、讲习班和其他活动，${x.counted === 0 ? '记录中没有参与者人数' : x.counted === x.total ? `参与者共计${x.participants}人` : `其中${x.counted}次活动记录的参与者共计${x.participants}人`}。`,
  noEvent: (x) => `记录中没有${x.start}至${x.end}期间举办的任何培训班、讲习班或其他活动。`,
  eventCaption: (x) => `${x.start}至${x.end}期间举办的活动`,
  eventColumns: { title: '活动', kind: '类型', dates: '日期', country: '国家', participants: '参与人数' },
  presences: (x) => `截至${x.date}，高级专员办事处有${x.open}个外地存在在运作（${x.list}），覆盖${x.covered}个国家${x.uncertain ? `，其中${x.uncertain}个国家的覆盖起始日期仅部分已知` : ''}。`,
  noPresence: (x) => `记录中没有截至${x.date}仍在运作的高级专员办事处外地存在。`,

  exchanges: (x) => `${x.start}至${x.end}期间，记录中有${x.total}次联合国机构与区域机构之间的信息交流（${x.byKind}）。`,
  noExchange: (x) => `记录中没有${x.start}至${x.end}期间联合国机构与区域机构之间的任何信息交流；这并不表明没有进行过交流。`,
  exchangeCaption: (x) => `${x.start}至${x.end}期间联合国机构与区域机构之间的交流`,
  exchangeColumns: { title: '交流', kind: '类型', dates: '日期', parties: '参与方' },

  obstacles: (x) => `截至${x.date}，已查明${x.total}个批准方面的障碍（${x.byCategory}），并已着手实施${x.strategies}项克服障碍的战略。`,
  noObstacle: (x) => `记录中没有截至${x.date}查明的任何批准方面的障碍；这并不表明不存在障碍。`,
  obstacleExample: (x) => `${x.state}，${x.instruments}（${x.category}；查明日期：${x.identified}）：${x.description}${x.strategies ? `战略：${x.strategies}。` : '未记录任何战略。'}`,

  implementation: (x) => `决议提出了${x.total}项请求或邀请，记录对其执行情况进行跟踪。截至${x.date}：${x.byStatus}；已过期限：${x.overdue}项。`,
  implementationMissing: (why) => `无法逐段报告决议的执行情况：${why}。`,
  implementationCaption: (x) => `截至${x.date}决议的逐段执行情况`,
  implementationColumns: { paragraph: '段落', request: '请求', status: '状态', due: '到期', answeredBy: '回应记录' },
  noAnswer: '未记录',
  noDue: '未定期限',

  conclusionsLead: (x) => `截至${x.date}的数据表明以下情况。`,
  uncovered: (x) => `截至${x.date}，所述区域有${x.count}个国家不受任何区域人权机制覆盖：${x.list}。`,
  noneUncovered: (x) => `截至${x.date}，所述区域的每个国家均至少受一个区域人权机制覆盖。`,
  uncoveredRecommendation: (x) => `尚未建立人权领域区域安排的地区的国家不妨考虑缔结协定，以期建立适当的区域机制${x.paragraph ? `，大会在决议第${x.paragraph}段中已邀请这些国家这样做` : ''}。`,
  coverageIncomplete: (x) => `以下机制的覆盖范围可能被低估，因为其覆盖范围取决于记录中没有的条约数据：${x.list}。`,
  leastRatified: (x) => `在${x.region}区域，缔约国最少的文书是：${x.list}。`,
  leastRatifiedItem: (x) => `${x.instrument}（${x.states}个国家中的${x.parties}个）`,
  leastRatifiedRecommendation: '尚未批准这些文书的国家不妨考虑予以批准；在已查明批准障碍的情况下，可借助高级专员办事处和区域组织提供的技术援助。',
  unanswered: (x) => `截至${x.date}，有${x.count}项技术合作请求尚待答复，其中${x.overdue}项已过答复期限。`,
  unansweredRecommendation: '高级专员办事处不妨优先答复这些请求。',
  dataRecommendation: '鼓励区域组织、国家和国家人权机构与高级专员办事处分享其注明日期的记录，以便确定本报告中标为不确定或缺失的数字。',
  mapCaption: (x) => `截至${x.date}受区域人权机制覆盖的国家`,
  mapAlt: (x) => `世界地图：${x.date}，有${x.covered}个国家至少受一个区域人权机制覆盖，${x.uncovered}个国家不受任何机制覆盖。`,
  mapLegend: { covered: '受区域机制覆盖', uncovered: '不受任何机制覆盖' },

  annexLabel: '附件',
  sourcesCaption: '数字的来源',
  sourcesColumns: { number: '编号', source: '来源', kind: '类型', address: '网址' },
  sourceKinds: { official: '官方来源', secondary: '二手来源', tertiary: '三手来源', unknown: '未知来源' },
  seeSources: (x) => `来源：附件，第${x.numbers}号。`,
  apiNote: (x) => `相同数字见：${x.api}。`,
};

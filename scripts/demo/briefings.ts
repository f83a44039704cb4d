/**
 * Demo policy briefings and public disclosures for `npm start` (the cloud tests publish their own), stored as
 * `publish` stores them (cloudfunctions/briefings/document.ts).
 */
import { DEMO_GROUP_LEADERS } from './identities';
import { newBriefing, type WrittenBriefing } from '../../cloudfunctions/briefings/document';

interface DemoBriefing extends Omit<WrittenBriefing, 'attachments' | 'disclosure'> {
  id: string;
  disclosure?: { startsAt: Date; endsAt: Date };
  /** Days after 2026-10-01. */
  day: number;
}

const BASE = Date.UTC(2026, 9, 1, 2, 0, 0); // 2026-10-01 10:00 in 迤那
const at = (day: number) => new Date(BASE + day * 86_400_000);

const DEMO: DemoBriefing[] = [
  {
    id: 'b_demo_gengdi',
    title: '2026年耕地地力保护补贴发放说明',
    summary: '补贴按确权承包地面积发放，十二月二十日前打卡到“一卡通”，请各户核对面积。',
    body: [
      '## 补贴对象',
      '',
      '拥有**承包耕地**并用于农业生产的农户，按确权面积发放。撂荒地、已改变用途的耕地不发。',
      '',
      '## 发放时间',
      '',
      '1. 十一月底前，各村公示补贴面积和金额（在“公示”里可以看到）',
      '2. 公示无异议后，十二月二十日前打卡发放到“一卡通”',
      '',
      '## 有疑问怎么办',
      '',
      '> 面积不对的，请在公示期内带上承包合同到村委会核对。',
      '',
      '也可以问本村政策解读组的组长，或到新时代农民讲习所咨询。',
    ].join('\n'),
    categoryId: 'huinong',
    scope: 'town',
    scopeLabel: '全镇',
    day: 40,
  },
  {
    id: 'b_demo_yanglao',
    title: '城乡居民基本养老保险认证提醒',
    summary: '年满六十周岁的参保村民每年要做一次待遇资格认证，可在村便民服务站办理。',
    body: [
      '已经领取养老金的老人，**每年要做一次资格认证**，否则会暂停发放。',
      '',
      '- 到村便民服务站，由工作人员帮助刷脸认证',
      '- 行动不便的，可以请家人在手机上帮忙认证，或请网格员上门',
      '',
      '认证不收任何费用。有人上门收钱的，请拨打村委会电话核实。',
    ].join('\n'),
    categoryId: 'yiliao',
    scope: 'town',
    scopeLabel: '全镇',
    day: 45,
  },
  {
    id: 'b_demo_malingshu',
    title: '马铃薯冬季窖藏技术要点',
    summary: '入窖前晾晒、挑拣和消毒，窖温保持在二到四度，防止冻害和腐烂。',
    body: [
      '## 入窖前',
      '',
      '晾晒两三天，挑出破皮、带病的薯块，窖内用石灰消毒。',
      '',
      '## 窖藏中',
      '',
      '窖温保持在 **2～4℃**，湿度八成五左右；大寒前后注意封口保温，防止冻害。',
      '',
      '讲习所每月组织一次实用技术培训，欢迎报名。',
    ].join('\n'),
    categoryId: 'jishu',
    scope: 'town',
    scopeLabel: '全镇',
    day: 48,
  },
  {
    id: 'b_demo_fangzha',
    title: '防范电信诈骗，守好养老钱',
    summary: '凡是让你转账、交“保证金”、下载陌生软件的，都是诈骗。',
    body: [
      '常见的骗局：',
      '',
      '1. 冒充公检法，说你“涉案”要转账到“安全账户”',
      '2. 冒充子女，说出了事急需用钱',
      '3. 以办补贴、办养老保险为名，要你交手续费',
      '',
      '**记住：政府发补贴从来不收费。** 拿不准的，先问村委会或拨打 110。',
    ].join('\n'),
    categoryId: 'fazhi',
    scope: 'town',
    scopeLabel: '全镇',
    day: 50,
  },
  {
    id: 'b_demo_zhonghai_gongshi',
    title: '中海村2026年惠农政策落实公示',
    summary: '本村耕地地力保护补贴、种粮补贴的发放户数和金额，公示期内欢迎监督。',
    body: [
      '根据“六公示”制度，现将本村惠农政策落实情况公示如下：',
      '',
      '| 项目 | 户数 | 金额（元） |',
      '| --- | --- | --- |',
      '| 耕地地力保护补贴 | 412 | 186,540.00 |',
      '| 实际种粮农民一次性补贴 | 398 | 39,800.00 |',
      '',
      '公示期内对名单有异议的，请向村务监督委员会反映。',
    ].join('\n'),
    categoryId: 'huinong',
    scope: 'zhonghai',
    scopeLabel: '中海村',
    disclosure: { startsAt: at(50), endsAt: at(50 + 365) },
    day: 50,
  },
];

/** `authorName`: the name of the town's 政策解读组 组长 in the demo seed, shown as the author. */
export function demoBriefings(authorName: string): {
  briefings: Record<string, unknown>[];
  briefingVersions: Record<string, unknown>[];
} {
  const author = { openid: DEMO_GROUP_LEADERS.policy, name: authorName };
  const made = DEMO.map(({ id, day, disclosure, ...written }) =>
    newBriefing(id, { ...written, attachments: [], disclosure: disclosure ?? null }, author, at(day)),
  );
  return {
    briefings: made.map((m) => ({ ...m.doc })),
    briefingVersions: made.map((m) => ({ ...m.version })),
  };
}

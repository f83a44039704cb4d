import type { LocalCloud } from '../../local-cloud';
import type { BriefingsInput, BriefingsOutput } from '../../core/briefings';
import { DEMO_GROUP_LEADERS, demoResidentOpenid } from '../../scripts/demo/identities';
import { data, typedCaller } from './app-cloud';

/** The demo identities the briefing tests act as. */
export const POLICY_LEADER = DEMO_GROUP_LEADERS.policy;
export const TOWN_ADMIN = 'demo-town-admin';
/** Admin of 中海村. */
export const VILLAGE_ADMIN = 'demo-village-admin';
export const CONSULT_LEADER = DEMO_GROUP_LEADERS.consult;
/** Residents of 中海村. */
export const RESIDENT = demoResidentOpenid(1);
/** A resident of 五星村. */
export const OUTSIDER = demoResidentOpenid(201);
export const UNBOUND = 'wx-not-bound';

/** Calls `briefings` as a WeChat user (or with no identity at all), typed by action. */
export const briefingsAs = typedCaller<BriefingsInput, BriefingsOutput>('briefings');

export const BRIEFING = {
  title: '2026年耕地地力保护补贴发放说明',
  summary: '今年耕地地力保护补贴标准和发放时间，请各户核对承包地面积。',
  body: [
    '## 补贴对象',
    '',
    '拥有**承包耕地**的农户，按确权面积发放。',
    '',
    '## 发放时间',
    '',
    '1. 十一月底前公示名单',
    '2. 十二月二十日前打卡发放到“一卡通”',
    '',
    '有疑问请联系村委会或[县农业农村局](https://www.example.gov.cn/nyj)。',
  ].join('\n'),
  categoryId: 'huinong',
  scope: { kind: 'town' as const },
};

/** Publishes a briefing as `openid` with `overrides`; returns its id. */
export async function published(
  cloud: LocalCloud,
  openid = POLICY_LEADER,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  return data(await briefingsAs(cloud, openid)('publish', { ...BRIEFING, ...overrides })).briefingId;
}

import type { GroupCode } from '../../core/groups';

/**
 * The demo town and the fixed demo identities (README documents them). Shared by the seed script and the
 * H5 build's 切换身份 page; real deployments load their own town and villages.
 */
export const DEMO_TOWN = { id: 'yina', name: '迤那镇' } as const;

/** 中海村 is real (seed 000); the other names are invented. */
export const DEMO_VILLAGES: { id: string; name: string; kind: 'village' | 'community' }[] = [
  { id: 'zhonghai', name: '中海村', kind: 'village' },
  { id: 'wuxing', name: '五星村', kind: 'village' },
  { id: 'hexin', name: '合心村', kind: 'village' },
  { id: 'xinying', name: '新营村', kind: 'village' },
  { id: 'anle', name: '安乐村', kind: 'village' },
  { id: 'zhongying', name: '中营村', kind: 'village' },
  { id: 'sanjia', name: '三家村', kind: 'village' },
  { id: 'shuanglong', name: '双龙村', kind: 'village' },
  { id: 'banpo', name: '半坡村', kind: 'village' },
  { id: 'yunfeng', name: '云峰村', kind: 'village' },
  { id: 'shiying', name: '石营村', kind: 'village' },
  { id: 'yinashequ', name: '迤那社区', kind: 'community' },
  { id: 'longchang', name: '龙场社区', kind: 'community' },
  { id: 'tuanjie', name: '团结社区', kind: 'community' },
  { id: 'xinhua', name: '新华社区', kind: 'community' },
  { id: 'yangguang', name: '阳光社区', kind: 'community' },
];

/** A plain member of 中海村's 公益服务组 (no leadership), so that every role has a demo identity. */
export const DEMO_GROUP_MEMBER = 'demo-group-member';

export const DEMO_GROUP_LEADERS: Record<GroupCode, string> = {
  consult: 'demo-leader-consult',
  policy: 'demo-leader-policy',
  crowdfund: 'demo-leader-crowdfund',
  mediate: 'demo-leader-mediate',
  service: 'demo-leader-service',
};

export interface DemoIdentity {
  openid: string;
  label: string;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export const DEMO_REP_COUNT = 15;
export const DEMO_RESIDENT_COUNT = 300;
/** Residents 001–200 live in 中海村. */
export const DEMO_ZHONGHAI_RESIDENTS = 200;

export const demoRepOpenid = (i: number) => `demo-rep-${pad(i, 2)}`;
export const demoResidentOpenid = (i: number) => `demo-resident-${pad(i, 3)}`;

/** The identities the 切换身份 page offers first; any `demo-resident-NNN` or a new made-up openid also works. */
export const DEMO_IDENTITIES: DemoIdentity[] = [
  { openid: 'demo-town-admin', label: '镇管理员（迤那镇）' },
  { openid: 'demo-village-admin', label: '村管理员（中海村）' },
  { openid: DEMO_GROUP_LEADERS.consult, label: '协商议事组组长' },
  { openid: DEMO_GROUP_LEADERS.policy, label: '政策解读组组长' },
  { openid: DEMO_GROUP_LEADERS.crowdfund, label: '产业众筹组组长' },
  { openid: DEMO_GROUP_LEADERS.mediate, label: '矛盾调解组组长' },
  { openid: DEMO_GROUP_LEADERS.service, label: '公益服务组组长' },
  { openid: DEMO_GROUP_MEMBER, label: '公益服务组成员（中海村）' },
  { openid: demoRepOpenid(1), label: '村民代表（中海村）' },
  { openid: demoResidentOpenid(1), label: '村民（中海村）' },
  { openid: demoResidentOpenid(201), label: '村民（五星村）' },
  { openid: 'demo-unbound', label: '未绑定的微信用户' },
];

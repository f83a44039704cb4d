/**
 * The five functional groups of a township's united-front alliance, as Yina town set them up
 * (seed 000: 协商议事组、政策解读组、产业众筹组、矛盾调解组、公益服务组), each led by a 组长 and 副组长
 * at town and at village level.
 */
export const GROUP_CODES = ['consult', 'policy', 'crowdfund', 'mediate', 'service'] as const;
export type GroupCode = (typeof GROUP_CODES)[number];

export const GROUP_LEVELS = ['town', 'village'] as const;
export type GroupLevel = (typeof GROUP_LEVELS)[number];

export const GROUP_POSITIONS = ['member', 'deputy', 'leader'] as const;
export type GroupPosition = (typeof GROUP_POSITIONS)[number];

export interface GroupInfo {
  code: GroupCode;
  name: string;
  /** What the group does, in the words a resident would use. */
  duty: string;
}

export const GROUPS: Record<GroupCode, GroupInfo> = {
  consult: { code: 'consult', name: '协商议事组', duty: '组织党群圆桌会，收集群众提事，推动民主协商' },
  policy: { code: 'policy', name: '政策解读组', duty: '在讲习所和“迤那之窗”宣讲解读惠民政策' },
  crowdfund: { code: 'crowdfund', name: '产业众筹组', duty: '带头众筹合作社与特色产业，带动群众增收' },
  mediate: { code: 'mediate', name: '矛盾调解组', duty: '化解邻里和土地纠纷，维护和谐稳定' },
  service: { code: 'service', name: '公益服务组', duty: '组织志愿服务，关爱留守老人和儿童' },
};

export const LEVEL_LABELS: Record<GroupLevel, string> = { town: '镇级', village: '村级' };
export const POSITION_LABELS: Record<GroupPosition, string> = {
  member: '成员',
  deputy: '副组长',
  leader: '组长',
};

export function isGroupCode(value: unknown): value is GroupCode {
  return typeof value === 'string' && (GROUP_CODES as readonly string[]).includes(value);
}

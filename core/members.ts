import * as z from 'zod/mini';
import {
  GROUP_CODES,
  GROUP_LEVELS,
  GROUP_POSITIONS,
  type GroupInfo,
  type GroupLevel,
  type GroupPosition,
} from './groups';
import { MOBILE_PATTERN } from './phone';
import type { Roles } from './roles';
import { idSchema, pageSchema } from './validation';

/**
 * The `members` function's contract: identity, binding of a WeChat user to a resident record, roles and the
 * alliance groups. Inputs are zod/mini schemas (validated on both sides); outputs are plain types.
 */

export const MEMBER_FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  villageId: '村（社区）',
  household: '户号',
  phone: '手机号码',
  code: '认领码',
  requestId: '申请编号',
  residentId: '村民编号',
  reason: '原因',
  roles: '身份',
  keyword: '搜索词',
  cursor: '分页参数',
  limit: '每页条数',
};

const personName = z
  .string()
  .check(
    z.trim(),
    z.minLength(2, '请填写真实姓名（至少两个字）'),
    z.maxLength(20, '姓名最多 20 个字'),
    z.regex(/^[\u4e00-\u9fa5A-Za-z·• ]+$/, '姓名只能包含汉字、字母或间隔号'),
  );
const household = z
  .string()
  .check(z.trim(), z.minLength(1, '请填写户号或门牌号'), z.maxLength(30, '户号最多 30 个字'));
const phone = z.string().check(z.trim(), z.regex(MOBILE_PATTERN, '请填写 11 位手机号码'));

export const rolesSchema = z.object({
  rep: z.boolean(),
  villageAdmin: z.boolean(),
  townAdmin: z.boolean(),
  groups: z
    .array(
      z.object({
        group: z.enum(GROUP_CODES),
        level: z.enum(GROUP_LEVELS),
        position: z.enum(GROUP_POSITIONS),
      }),
    )
    .check(z.maxLength(10, '联盟小组身份最多 10 项')),
});

export const membersInput = {
  me: z.object({}),
  listVillages: z.object({}),
  listGroups: z.object({}),
  requestBinding: z.object({ name: personName, villageId: idSchema, household, phone }),
  claimWithCode: z.object({ code: z.string().check(z.maxLength(20, '认领码是 8 位数字')) }),
  listPending: z.object({ villageId: z.optional(idSchema), ...pageSchema }),
  approveBinding: z.object({ requestId: idSchema }),
  rejectBinding: z.object({
    requestId: idSchema,
    reason: z
      .string()
      .check(z.trim(), z.minLength(2, '请写明不通过的原因'), z.maxLength(100, '原因最多 100 个字')),
  }),
  issueClaimCode: z.union([
    z.object({ residentId: idSchema }),
    z.object({ name: personName, villageId: idSchema, household, phone: z.optional(phone) }),
  ]),
  listResidents: z.object({
    villageId: idSchema,
    keyword: z.optional(z.string().check(z.trim(), z.maxLength(20, '搜索词最多 20 个字'))),
    ...pageSchema,
  }),
  getResident: z.object({ residentId: idSchema }),
  setRoles: z.object({ residentId: idSchema, roles: rolesSchema }),
} as const;

export type MembersInput = { [A in keyof typeof membersInput]: z.input<(typeof membersInput)[A]> };

// ------------------------------------------------------------------------------------------------ outputs

export interface VillageView {
  id: string;
  name: string;
  kind: 'village' | 'community';
}

export interface MemberView {
  residentId: string;
  name: string;
  villageId: string;
  villageName: string;
  household: string;
  phoneMasked: string | null;
  roles: Roles;
  roleLabels: string[];
  boundAt: number;
}

export interface BindingRequestView {
  requestId: string;
  name: string;
  villageId: string;
  villageName: string;
  household: string;
  phoneMasked: string;
  createdAt: number;
  /** `review`: the content check asked a person to look (the admin is that person). */
  contentCheck: 'pass' | 'review';
  /** A resident with the same name and household already exists in this village. */
  possibleDuplicate: boolean;
}

export type MeData =
  | { status: 'unbound' }
  | { status: 'pending'; request: BindingRequestView }
  | { status: 'rejected'; request: BindingRequestView; reason: string; decidedAt: number }
  | { status: 'bound'; member: MemberView };

export interface ResidentView {
  residentId: string;
  name: string;
  household: string;
  phoneMasked: string | null;
  bound: boolean;
  roles: Roles;
  roleLabels: string[];
}

export interface LeaderView {
  residentId: string;
  name: string;
  level: GroupLevel;
  position: GroupPosition;
  villageName: string;
}

export interface GroupView extends GroupInfo {
  leaders: LeaderView[];
  memberCount: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface MembersOutput {
  me: MeData;
  listVillages: { townName: string; villages: VillageView[] };
  listGroups: { groups: GroupView[] };
  requestBinding: { request: BindingRequestView };
  claimWithCode: { member: MemberView };
  listPending: Page<BindingRequestView>;
  approveBinding: { residentId: string };
  rejectBinding: { requestId: string };
  issueClaimCode: { residentId: string; code: string; expiresAt: number };
  listResidents: Page<ResidentView>;
  getResident: { resident: ResidentView; villageId: string; villageName: string };
  setRoles: { residentId: string; roles: Roles; roleLabels: string[] };
}

/** Binding requests a WeChat user may send per day (each is checked by msgSecCheck and reviewed by a person). */
export const BINDING_REQUESTS_PER_DAY = 5;

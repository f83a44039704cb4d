import * as z from 'zod/mini';
import { inputSchemas, returns, type ActionMap, type InputsOf, type OutputsOf } from '../action';
import { ANYONE, ADMINS, OWN_VILLAGE } from '../roles';
import {
  GROUP_CODES,
  GROUP_LEVELS,
  GROUP_POSITIONS,
  type GroupInfo,
  type GroupLevel,
  type GroupPosition,
} from '../groups';
import { MOBILE_PATTERN } from './phone';
import type { Roles } from '../roles';
import { fileIdSchema, idSchema, pageSchema, trimmedText } from '../validation';
import { type ClaimSheetPage, type CloudFileLink, type RosterCheck, type RosterImportView } from './imports';

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
  fileID: '文件',
  filename: '文件名',
  importId: '导入编号',
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

/**
 * Every action of the `members` function, named once: its input schema (shared by the client's forms and the
 * router), its result type, who may call it (the authorization matrix, core/access.ts) and the finer rule.
 */
export const membersActions = {
  me: {
    input: z.object({}),
    output: returns<MeData>(),
    allow: ANYONE,
  },
  listVillages: {
    input: z.object({}),
    output: returns<{ townName: string; villages: VillageView[] }>(),
    allow: ANYONE,
  },
  listGroups: {
    input: z.object({}),
    output: returns<{ groups: GroupView[] }>(),
    allow: ANYONE,
  },
  requestBinding: {
    input: z.object({ name: personName, villageId: idSchema, household, phone }),
    output: returns<{ request: BindingRequestView }>(),
    allow: ANYONE,
    rule: 'a WeChat user not yet bound',
  },
  claimWithCode: {
    input: z.object({ code: z.string().check(z.maxLength(20, '认领码是 8 位数字')) }),
    output: returns<{ member: MemberView }>(),
    allow: ANYONE,
    rule: 'a WeChat user not yet bound, with the code an admin issued',
  },
  claimSetup: {
    input: z.object({
      code: z.string().check(z.maxLength(30, '开通码是 12 位字母和数字')),
      name: personName,
      villageId: idSchema,
    }),
    output: returns<{ member: MemberView }>(),
    allow: ANYONE,
    rule: 'a WeChat user not yet bound, with the one-time code bootstrap printed: becomes the town admin',
  },
  listPending: {
    input: z.object({ villageId: z.optional(idSchema), ...pageSchema }),
    output: returns<Page<BindingRequestView>>(),
    allow: ADMINS,
    rule: OWN_VILLAGE,
  },
  approveBinding: {
    input: z.object({ requestId: idSchema }),
    output: returns<{ residentId: string }>(),
    allow: ADMINS,
    rule: OWN_VILLAGE,
  },
  rejectBinding: {
    input: z.object({
      requestId: idSchema,
      reason: z
        .string()
        .check(z.trim(), z.minLength(2, '请写明不通过的原因'), z.maxLength(100, '原因最多 100 个字')),
    }),
    output: returns<{ requestId: string }>(),
    allow: ADMINS,
    rule: OWN_VILLAGE,
  },
  issueClaimCode: {
    input: z.union([
      z.object({ residentId: idSchema }),
      z.object({ name: personName, villageId: idSchema, household, phone: z.optional(phone) }),
    ]),
    output: returns<{ residentId: string; code: string; expiresAt: number }>(),
    allow: ADMINS,
    rule: OWN_VILLAGE,
  },
  listResidents: {
    input: z.object({
      villageId: idSchema,
      keyword: z.optional(z.string().check(z.trim(), z.maxLength(20, '搜索词最多 20 个字'))),
      ...pageSchema,
    }),
    output: returns<Page<ResidentView>>(),
    allow: ADMINS,
    rule: OWN_VILLAGE,
  },
  getResident: {
    input: z.object({ residentId: idSchema }),
    output: returns<{ resident: ResidentView; villageId: string; villageName: string }>(),
    allow: ADMINS,
    rule: OWN_VILLAGE,
  },
  setRoles: {
    input: z.object({ residentId: idSchema, roles: rolesSchema }),
    output: returns<{ residentId: string; roles: Roles; roleLabels: string[] }>(),
    allow: ADMINS,
    rule: 'town admins any role; village admins 村民代表 and village-level group roles in their village',
  },
  startRosterImport: {
    input: z.object({ fileID: fileIdSchema, filename: trimmedText('文件名', 1, '缺少文件名', 120) }),
    output: returns<RosterCheck>(),
    allow: ADMINS,
    rule: 'town admins any village; village admins rows of their own village only',
  },
  continueRosterImport: {
    input: z.object({ importId: idSchema }),
    output: returns<{ import: RosterImportView }>(),
    allow: ADMINS,
    rule: 'an admin of every village in the import, or a town admin',
  },
  getRosterImport: {
    input: z.object({ importId: z.optional(idSchema) }),
    output: returns<{ import: RosterImportView | null }>(),
    allow: ADMINS,
    rule: 'without an id: the caller’s latest import',
  },
  claimSheet: {
    input: z.object({
      villageId: idSchema,
      cursor: z.optional(z.string().check(z.maxLength(12, '分页参数无效'))),
    }),
    output: returns<ClaimSheetPage>(),
    allow: ADMINS,
    rule: OWN_VILLAGE,
  },
  exportClaimSheet: {
    input: z.object({ villageId: idSchema }),
    output: returns<CloudFileLink>(),
    allow: ADMINS,
    rule: OWN_VILLAGE,
  },
} satisfies ActionMap;

/** The input schemas by action (for forms that validate as the function does). */
export const membersInput = inputSchemas(membersActions);
export type MembersInput = InputsOf<typeof membersActions>;
export type MembersOutput = OutputsOf<typeof membersActions>;

/** Binding requests a WeChat user may send per day (each is checked by msgSecCheck and reviewed by a person). */
export const BINDING_REQUESTS_PER_DAY = 5;

import * as z from 'zod/mini';
import { inputSchemas, returns, type ActionMap, type InputsOf, type OutputsOf } from '../action';
import { RESIDENT, LEADERS_AND_ADMINS } from '../roles';
import { GROUP_CODES, type GroupCode } from '../groups';
import { idSchema, pageSchema, trimmedText } from '../validation';

/**
 * 通知: notices pushed by the alliance's groups and the village and town admins (seeds 000, 004) — policy
 * explanations, meeting calls, mediation sessions, volunteer calls — to a group's members, a village or the
 * whole town. Every resident sees the notices addressed to them in the app; those who accepted a one-time
 * subscription also get a WeChat subscribe message. The sender sees which households have not read, so the
 * grid workers (网格员) can follow up in person. This file: the vocabulary, the actions' inputs and results;
 * the pure rules are in rules.ts, who may send and oversee in policy.ts. No I/O here.
 */

/**
 * The fields of the subscribe-message template 通知提醒 (订阅消息 → 我的模板 in the mini-program console): thing1
 * 标题 (≤ 20 characters), thing2 发布单位, time3 发布时间, phrase4 紧急程度 (≤ 5 characters). Its id is the
 * account's, so it is configuration, not code: TARO_APP_NOTICE_TEMPLATE_ID in `.env` / `.env.local` for the
 * mini-program, NOTICE_TEMPLATE_ID in the notices function's environment (set by `npm run deploy`).
 */
export const NOTICE_TEMPLATE_FIELDS = {
  thing1: 'thing',
  thing2: 'thing',
  time3: 'time',
  phrase4: 'phrase',
} as const;

/** The title is the subscribe message's `thing` field, which WeChat caps at 20 characters. */
export const NOTICE_TITLE_MAX = 20;
export const NOTICE_BODY_MAX = 2000;
/** Pushes per sender per day (China time does not matter: a rolling fixed window of 24 hours). */
export const NOTICES_PER_DAY = 10;
/** The unread count covers the newest notices addressed to the member, at most this many. */
export const UNREAD_WINDOW = 100;
/** A newly bound member also sees the notices of the month before they joined. */
export const BACKLOG_MS = 30 * 86_400_000;

export const NOTICE_KINDS = ['policy', 'meeting', 'mediation', 'volunteer', 'other'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  policy: '政策解读',
  meeting: '会议通知',
  mediation: '调解安排',
  volunteer: '志愿召集',
  other: '其他',
};

export const URGENCIES = ['normal', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_LABELS: Record<Urgency, string> = { normal: '一般', urgent: '紧急' };

// ------------------------------------------------------------------------------------------------ audiences

/**
 * Who a notice is for: the whole town, one village, or one group's members — town-wide (every member of the
 * group, at any level) or in one village (the village's residents holding any role in the group).
 */
export type Audience =
  | { kind: 'town' }
  | { kind: 'village'; villageId: string }
  | { kind: 'group'; group: GroupCode; villageId: string | null };

// ------------------------------------------------------------------------------------------------ delivery

/**
 * What happened to each recipient's subscribe message, one character per recipient in a chunk:
 * `.` not yet tried, `S` sent, `R` refused by WeChat (43101: no consent left), `F` failed (any other error,
 * or a send that was in flight when its processor died — never retried, so nobody gets it twice),
 * `N` no grant recorded (nothing sent), `U` no WeChat account bound to the resident (nothing sent).
 */
export const DELIVERY_CODES = { sent: 'S', refused: 'R', failed: 'F', noGrant: 'N', unbound: 'U' } as const;
export type DeliveryOutcome = keyof typeof DELIVERY_CODES;
export const DELIVERY_OUTCOMES = Object.keys(DELIVERY_CODES) as DeliveryOutcome[];
export const PENDING_CODE = '.';
export const DELIVERY_LABELS: Record<DeliveryOutcome | 'pending', string> = {
  sent: '已推送',
  refused: '被拒收',
  failed: '推送失败',
  noGrant: '未订阅提醒',
  unbound: '未绑定微信',
  pending: '推送中',
};

export type DeliveryCounts = Record<DeliveryOutcome | 'pending', number>;

// ------------------------------------------------------------------------------------------------ input

const audience = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('town') }),
  z.object({ kind: z.literal('village'), villageId: idSchema }),
  z.object({ kind: z.literal('group'), group: z.enum(GROUP_CODES), villageId: z.nullable(idSchema) }),
]);

export const LINK_KINDS = ['briefing', 'agenda', 'honor'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
export const LINK_LABELS: Record<LinkKind, string> = {
  briefing: '查看政策宣讲',
  agenda: '查看议题',
  honor: '查看红黑榜',
};

const link = z.object({ kind: z.enum(LINK_KINDS), id: idSchema });
export type PushInput = NoticesInput['push'];

export const NOTICE_FIELD_LABELS: Record<string, string> = {
  title: '标题',
  body: '内容',
  kind: '通知类别',
  urgency: '紧急程度',
  audience: '发送范围',
  villageId: '村（社区）',
  group: '联盟小组',
  link: '关联内容',
  noticeId: '通知编号',
  requestId: '请求编号',
  results: '订阅结果',
};

// ------------------------------------------------------------------------------------------------ output

export interface NoticeSummary {
  noticeId: string;
  title: string;
  kind: NoticeKind;
  urgency: Urgency;
  audienceLabel: string;
  senderLabel: string;
  createdAt: number;
  read: boolean;
}

export interface NoticeView extends NoticeSummary {
  body: string;
  link: { kind: LinkKind; id: string } | null;
  canOversee: boolean;
}

export type SendStatus = 'planning' | 'sending' | 'sent';
export const SEND_STATUS_LABELS: Record<SendStatus, string> = {
  planning: '准备中',
  sending: '推送中',
  sent: '已推送',
};

export interface SentSummary {
  noticeId: string;
  title: string;
  urgency: Urgency;
  audienceLabel: string;
  senderLabel: string;
  createdAt: number;
  status: SendStatus;
  households: number;
  readHouseholds: number;
}

export interface VillageCoverage {
  villageId: string;
  villageName: string;
  households: number;
  readHouseholds: number;
}

export interface CoverageView {
  notice: SentSummary;
  recipients: number;
  delivery: DeliveryCounts;
  villages: VillageCoverage[];
}

export interface UnreadHousehold {
  household: string;
  members: { name: string; bound: boolean; delivery: DeliveryOutcome | 'pending' }[];
}

export interface ComposeOption {
  audience: Audience;
  label: string;
}

/**
 * Every action of the `notices` function, named once: its input schema (shared by the client's forms and the
 * router), its result type, who may call it (the authorization matrix, core/access.ts) and the finer rule.
 */
export const noticesActions = {
  composeOptions: {
    input: z.object({}),
    output: returns<{ options: ComposeOption[]; sentToday: number; perDay: number }>(),
    allow: LEADERS_AND_ADMINS,
    rule: 'the audiences core/notices/policy.ts canNotify allows',
  },
  push: {
    input: z.object({
      /** Chosen by the client once per compose screen, so a retry on a weak signal never sends twice. */
      requestId: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号无效')),
      title: trimmedText('标题', 4, '标题至少 4 个字', NOTICE_TITLE_MAX),
      body: trimmedText('内容', 10, '内容至少 10 个字', NOTICE_BODY_MAX),
      kind: z.enum(NOTICE_KINDS),
      urgency: z.enum(URGENCIES),
      audience,
      link: z.optional(z.nullable(link)),
    }),
    output: returns<{ noticeId: string; status: SendStatus; recipients: number; households: number }>(),
    allow: LEADERS_AND_ADMINS,
    rule: 'town admins anywhere; village admins and group leaders to their village and their group (canNotify)',
  },
  drain: {
    input: z.object({}),
    output: returns<{ chunks: number; done: boolean }>(),
    allow: LEADERS_AND_ADMINS,
    rule: 'senders; the timer trigger runs without a user',
  },
  sent: {
    input: z.object({ ...pageSchema }),
    output: returns<{ notices: SentSummary[]; nextCursor: string | null }>(),
    allow: LEADERS_AND_ADMINS,
    rule: 'their own notices',
  },
  inbox: {
    input: z.object({ ...pageSchema }),
    output: returns<{
      notices: NoticeSummary[];
      nextCursor: string | null;
      /** First page only: the unread count and the subscriptions left for the notice template. */
      unread?: number;
      grantsLeft?: number;
      canSend?: boolean;
    }>(),
    allow: RESIDENT,
    rule: 'notices to the resident’s village, groups and town',
  },
  unread: {
    input: z.object({}),
    output: returns<{ unread: number }>(),
    allow: RESIDENT,
    rule: 'as inbox',
  },
  open: {
    input: z.object({ noticeId: idSchema }),
    output: returns<NoticeView>(),
    allow: RESIDENT,
    rule: 'a notice in the resident’s audience',
  },
  subscribe: {
    input: z.object({
      /** What `wx.requestSubscribeMessage` answered per template id. */
      results: z.record(
        z.string().check(z.maxLength(64, '模板编号无效')),
        z.enum(['accept', 'reject', 'ban', 'filter']),
      ),
    }),
    output: returns<{ grantsLeft: number }>(),
    allow: RESIDENT,
  },
  coverage: {
    input: z.object({ noticeId: idSchema }),
    output: returns<CoverageView>(),
    allow: RESIDENT,
    rule: 'the sender, town admins and the village’s admins (canOversee)',
  },
  unreadHouseholds: {
    input: z.object({ noticeId: idSchema, villageId: idSchema }),
    output: returns<{ villageName: string; households: UnreadHousehold[] }>(),
    allow: RESIDENT,
    rule: 'as coverage',
  },
  exportUnread: {
    input: z.object({ noticeId: idSchema }),
    output: returns<{ filename: string; csv: string; rows: number }>(),
    allow: RESIDENT,
    rule: 'as coverage',
  },
} satisfies ActionMap;

/** The input schemas by action (for forms that validate as the function does). */
export const noticesInput = inputSchemas(noticesActions);
export type NoticesInput = InputsOf<typeof noticesActions>;
export type NoticesOutput = OutputsOf<typeof noticesActions>;

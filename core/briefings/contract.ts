import * as z from 'zod/mini';
import { inputSchemas, returns, type ActionMap, type InputsOf, type OutputsOf } from '../action';
import { ANYONE, RESIDENT, LEADERS_AND_ADMINS } from '../roles';
import { BODY_MAX, type RichNode } from './rich-nodes';
import { idSchema, pageSchema, trimmedText } from '../validation';

/**
 * Policy briefings (政策宣讲) and public disclosures (公示): the 政策解读组 and the admins publish, every resident
 * finds, reads, hears and marks a briefing as learned (seeds 000 and 001). Categories are data (the
 * `briefingCategories` collection), not code: a town adds its own.
 */

export const BRIEFING_TITLE_MAX = 40;
export const BRIEFING_SUMMARY_MAX = 120;
/** Markdown characters of a body (core/rich-text.ts renders it into safe nodes). */
export const BRIEFING_BODY_MAX = BODY_MAX;
export const ATTACHMENTS_MAX = 9;
export const WITHDRAW_REASON_MAX = 100;
/** Words of a search query, and characters of each. */
export const SEARCH_TERMS_MAX = 5;
export const SEARCH_TERM_MAX = 20;
/** Characters of the excerpt shown under a search result. */
export const SNIPPET_CHARS = 60;

/** The six categories seeded for a new town (seed 000 and 001); a town admin may add, rename and hide. */
export const DEFAULT_CATEGORIES: { id: string; name: string }[] = [
  { id: 'huinong', name: '惠农政策' },
  { id: 'chanye', name: '产业扶贫' },
  { id: 'yiliao', name: '医疗养老' },
  { id: 'jiaoyu', name: '教育' },
  { id: 'fazhi', name: '法治宣传' },
  { id: 'jishu', name: '技术培训' },
];

/** Who a briefing is for: the whole town, or one village's residents. */
export type BriefingScope = { kind: 'town' } | { kind: 'village'; villageId: string };

/** A public disclosure's period (公示期) and where today falls in it. */
export type DisclosureState = 'upcoming' | 'open' | 'ended';

export const DISCLOSURE_LABELS: Record<DisclosureState, string> = {
  upcoming: '公示未开始',
  open: '公示中',
  ended: '公示已结束',
};

// ------------------------------------------------------------------------------------------------ inputs

const text = trimmedText;
const time = z
  .int()
  .check(z.minimum(1_600_000_000_000, '时间无效'), z.maximum(4_102_444_800_000, '时间无效'));

/** A WeChat cloud storage file: `cloud://<env>.<bucket>/<path>`, with the name residents see. */
const attachment = z.object({
  fileId: z
    .string()
    .check(z.maxLength(500, '附件无效'), z.regex(/^cloud:\/\/[A-Za-z0-9._-]+\/\S+$/, '附件必须是云存储文件')),
  name: text('附件名称', 1, '请填写附件名称', 60),
});

const scope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('town') }),
  z.object({ kind: z.literal('village'), villageId: idSchema }),
]);

const disclosure = z.object({ startsAt: time, endsAt: time }).check(
  z.refine((d) => d.endsAt > d.startsAt, { message: '公示结束时间要晚于开始时间', path: ['endsAt'] }),
  z.refine((d) => d.endsAt - d.startsAt <= 366 * 86_400_000, {
    message: '公示期最长一年',
    path: ['endsAt'],
  }),
);

const content = {
  title: text('标题', 4, '标题至少 4 个字', BRIEFING_TITLE_MAX),
  summary: text('摘要', 10, '请写一句摘要（至少 10 个字）', BRIEFING_SUMMARY_MAX),
  body: text('正文', 10, '正文至少 10 个字', BRIEFING_BODY_MAX),
  categoryId: idSchema,
  scope,
  attachments: z.optional(
    z.array(attachment).check(z.maxLength(ATTACHMENTS_MAX, `附件最多 ${ATTACHMENTS_MAX} 个`)),
  ),
  disclosure: z.optional(z.nullable(disclosure)),
};

export const BRIEFINGS_FIELD_LABELS: Record<string, string> = {
  title: '标题',
  summary: '摘要',
  body: '正文',
  categoryId: '分类',
  scope: '发布范围',
  villageId: '村',
  attachments: '附件',
  fileId: '附件',
  name: '名称',
  disclosure: '公示期',
  startsAt: '公示开始时间',
  endsAt: '公示结束时间',
  briefingId: '宣讲编号',
  version: '版本',
  reason: '撤回原因',
  query: '搜索词',
  order: '排序',
  hidden: '是否隐藏',
  disclosures: '只看公示',
};

// ------------------------------------------------------------------------------------------------ outputs

export interface CategoryView {
  categoryId: string;
  name: string;
  order: number;
  hidden: boolean;
}

export interface ScopeView {
  kind: 'town' | 'village';
  villageId: string | null;
  /** 全镇 or the village's name. */
  label: string;
}

export interface DisclosureView {
  startsAt: number;
  endsAt: number;
  state: DisclosureState;
}

export interface BriefingSummary {
  briefingId: string;
  title: string;
  summary: string;
  categoryId: string;
  categoryName: string;
  scope: ScopeView;
  status: 'published' | 'withdrawn';
  publishedAt: number;
  updatedAt: number;
  version: number;
  learnedCount: number;
  disclosure: DisclosureView | null;
  attachmentCount: number;
}

export interface BriefingDetail extends BriefingSummary {
  /** Safe rich-text nodes (null when withdrawn and the caller does not manage it). */
  nodes: RichNode[] | null;
  /** The body as plain text, for 朗读 (text-to-speech). */
  speech: string | null;
  /** The Markdown source, for an editor only. */
  body: string | null;
  attachments: { fileId: string; name: string }[];
  authorName: string;
  withdrawReason: string | null;
  withdrawnAt: number | null;
  /** Whether the caller marked it 已学习 (false for a visitor who is not bound). */
  learned: boolean;
  /** Whether the caller may edit, withdraw and see the counts by village. */
  canManage: boolean;
  /** Whether the caller can mark it learned (a bound resident). */
  canLearn: boolean;
}

export interface SearchHit extends BriefingSummary {
  /** Where the words were found, with … around it. */
  snippet: string;
}

export interface VersionView {
  version: number;
  title: string;
  summary: string;
  editedAt: number;
  editorName: string;
}

/**
 * Every action of the `briefings` function, named once: its input schema (shared by the client's forms and the
 * router), its result type, who may call it (the authorization matrix, core/access.ts) and the finer rule.
 */
export const briefingsActions = {
  listCategories: {
    input: z.object({}),
    output: returns<{ categories: CategoryView[] }>(),
    allow: ANYONE,
  },
  /** `categories` on the first page only (null on later pages). */
  list: {
    input: z.object({
      categoryId: z.optional(idSchema),
      /** Only public disclosures (公示). */
      disclosures: z.optional(z.boolean()),
      ...pageSchema,
    }),
    output: returns<{
      items: BriefingSummary[];
      nextCursor: string | null;
      categories: CategoryView[] | null;
    }>(),
    allow: ANYONE,
    rule: 'published briefings of the town and the reader’s village',
  },
  search: {
    input: z.object({
      query: z.string().check(z.trim(), z.minLength(1, '请输入要搜索的字词'), z.maxLength(60, '搜索词太长')),
      ...pageSchema,
    }),
    output: returns<{ items: SearchHit[]; nextCursor: string | null }>(),
    allow: ANYONE,
    rule: 'published briefings of the town and the reader’s village',
  },
  get: {
    input: z.object({ briefingId: idSchema }),
    output: returns<BriefingDetail>(),
    allow: ANYONE,
    rule: 'the town’s and the reader’s village’s; a withdrawn one in full only to its publishers',
  },
  listVersions: {
    input: z.object({ briefingId: idSchema }),
    output: returns<{ versions: VersionView[] }>(),
    allow: ANYONE,
    rule: 'as get',
  },
  getVersion: {
    input: z.object({ briefingId: idSchema, version: z.int().check(z.minimum(1, '版本无效')) }),
    output: returns<VersionView & { nodes: RichNode[] }>(),
    allow: ANYONE,
    rule: 'as get',
  },
  markLearned: {
    input: z.object({ briefingId: idSchema }),
    output: returns<{ learnedCount: number; counted: boolean }>(),
    allow: RESIDENT,
    rule: 'a briefing the resident may read',
  },
  readStats: {
    input: z.object({ briefingId: idSchema }),
    output: returns<{
      total: number;
      villages: { villageId: string; villageName: string; learned: number }[];
    }>(),
    allow: LEADERS_AND_ADMINS,
    rule: 'the briefing’s publishers',
  },
  publish: {
    input: z.object(content),
    output: returns<{ briefingId: string; version: number }>(),
    allow: LEADERS_AND_ADMINS,
    rule: 'town: town admins and the town’s 政策解读组 组长/副组长; a village: also its admins and the village’s 政策解读组 leaders',
  },
  edit: {
    input: z.object({
      briefingId: idSchema,
      /** The version the editor started from: an edit over someone else's newer edit is refused. */
      version: z.int().check(z.minimum(1, '版本无效')),
      ...content,
    }),
    output: returns<{ version: number }>(),
    allow: LEADERS_AND_ADMINS,
    rule: 'as publish, for the briefing’s scope',
  },
  withdraw: {
    input: z.object({
      briefingId: idSchema,
      reason: text('撤回原因', 2, '请填写撤回原因', WITHDRAW_REASON_MAX),
    }),
    output: returns<{ status: 'withdrawn' }>(),
    allow: LEADERS_AND_ADMINS,
    rule: 'as publish, for the briefing’s scope',
  },
  saveCategory: {
    input: z.object({
      categoryId: idSchema,
      name: text('分类名称', 2, '请填写分类名称', 10),
      order: z.int().check(z.minimum(0, '排序无效'), z.maximum(999, '排序无效')),
      hidden: z.boolean(),
    }),
    output: returns<{ category: CategoryView }>(),
    allow: ['townAdmin'],
  },
} satisfies ActionMap;

/** The input schemas by action (for forms that validate as the function does). */
export const briefingsInput = inputSchemas(briefingsActions);
export type BriefingsInput = InputsOf<typeof briefingsActions>;
export type BriefingsOutput = OutputsOf<typeof briefingsActions>;

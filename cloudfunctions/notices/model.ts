import type { MemberDoc, VillageDoc } from '../_shared/documents';
import { envInt, envText } from '../_shared/runtime';
import {
  audienceKey,
  audienceLabel,
  audienceVillage,
  senderLabelOf,
  type Audience,
  type LinkKind,
  type NoticeKind,
  type PushInput,
  type SendStatus,
  type Urgency,
} from '../../core/notices';
import { derivedId } from '../_shared/ids';

export interface NoticeDoc {
  _id: string;
  audience: Audience;
  audienceKey: string;
  /** The village the audience lies in (null: the town or a town-wide group), for the admins' lists. */
  villageId: string | null;
  audienceLabel: string;
  title: string;
  body: string;
  kind: NoticeKind;
  urgency: Urgency;
  link: { kind: LinkKind; id: string } | null;
  sender: { openid: string; residentId: string; name: string; label: string };
  createdAt: Date;
  /** planning (the queue is being written) → sending (chunks being processed) → sent (every chunk done). */
  status: SendStatus;
  /** While planning: who plans and until when; a later drain re-plans a notice whose planner died. */
  planLease: { owner: string; until: Date } | null;
  chunkCount: number;
  recipients: number;
  households: number;
  villages: { villageId: string; villageName: string; households: number }[];
  sentAt: Date | null;
}

/** A recipient in a chunk: resident, name, household and the bound WeChat user (null if none). */
export interface ChunkItem {
  r: string;
  n: string;
  h: string;
  o: string | null;
}

export interface ChunkDoc {
  _id: string;
  noticeId: string;
  seq: number;
  villageId: string;
  items: ChunkItem[];
  /** One character per item (core/notices DELIVERY_CODES; `.` not yet tried). */
  outcomes: string;
  state: 'pending' | 'working' | 'done';
  /** Who processes the chunk and until when; a chunk whose lease ran out is taken over. */
  lease: { owner: string; until: Date } | null;
  /** Items whose subscribe messages may be on their way: recorded before sending, cleared after. */
  inFlight: { from: number; to: number } | null;
  doneAt: Date | null;
}

export const chunkId = (noticeId: string, seq: number) => `${noticeId}_${String(seq).padStart(5, '0')}`;
export const readId = (noticeId: string, openid: string) => `${noticeId}_${openid}`;
export const householdReadId = (noticeId: string, villageId: string, household: string) =>
  derivedId('notice-household-read', noticeId, villageId, household);
/** A push's id comes from its sender and the compose screen's request id: a retry finds the same notice. */
export const noticeIdOf = (openid: string, requestId: string) =>
  `n${derivedId('notice', openid, requestId).slice(0, 23)}`;

/**
 * Delivery tuning. The defaults suit WeChat cloud (60 s timeout in config.json); tests shrink them through
 * the function's environment to exercise chunking and resumption with a small town.
 */
export const tuning = () => ({
  chunkSize: envInt('NOTICES_CHUNK_SIZE', 500),
  batchSize: envInt('NOTICES_SEND_BATCH', 100),
  sendConcurrency: envInt('NOTICES_SEND_CONCURRENCY', 20),
  /** How long `push` keeps sending before it answers the sender (the rest continues in `drain`). */
  pushBudgetMs: envInt('NOTICES_PUSH_BUDGET_MS', 4_000),
  /** How long one `drain` run keeps working: a third of the 60 s timeout. */
  drainBudgetMs: envInt('NOTICES_DRAIN_BUDGET_MS', 20_000),
  /** Longer than the function timeout, so an expired lease means its holder is gone. */
  leaseMs: envInt('NOTICES_LEASE_MS', 70_000),
  /** `miniprogramState` of subscribe messages: formal, trial or developer. */
  miniprogramState: envText('NOTICES_MINIPROGRAM_STATE', 'formal'),
});

/**
 * The id of the subscribe-message template 通知提醒 on this account: the function's NOTICE_TEMPLATE_ID (config.json
 * declares it; `npm run deploy` sets it from FN_NOTICE_TEMPLATE_ID, `npm start` from its offline configuration).
 * Empty when not configured: reminders are then refused and none is sent.
 */
export const noticeTemplateId = () => envText('NOTICE_TEMPLATE_ID', '').trim();

/** The rate-limit bucket of pushes (NOTICES_PER_DAY per sender). */
export const PUSH_BUCKET = 'noticePush';

/** Notices per page of the inbox and of the sent list. */
export const PAGE_SIZE = 20;

/** A new notice, `planning` under the pusher's lease: its queue is written next (planning.ts). */
export function newNotice(
  noticeId: string,
  input: PushInput,
  member: MemberDoc,
  village: VillageDoc | null,
  now: number,
  planLease: NoticeDoc['planLease'],
): NoticeDoc {
  return {
    _id: noticeId,
    audience: input.audience,
    audienceKey: audienceKey(input.audience),
    villageId: audienceVillage(input.audience),
    audienceLabel: audienceLabel(input.audience, village?.name ?? null),
    title: input.title,
    body: input.body,
    kind: input.kind,
    urgency: input.urgency,
    link: input.link ?? null,
    sender: {
      openid: member._id,
      residentId: member.residentId,
      name: member.name,
      label: senderLabelOf(member, input.audience, village),
    },
    createdAt: new Date(now),
    status: 'planning',
    planLease,
    chunkCount: 0,
    recipients: 0,
    households: 0,
    villages: [],
    sentAt: null,
  };
}

import { randomBytes } from 'node:crypto';
import type { LocalCloud } from '../../local-cloud';
import { demoResidentOpenid } from '../../scripts/demo/identities';
import {
  addOutcomes,
  emptyCounts,
  type DeliveryCounts,
  type NoticesInput,
  type NoticesOutput,
} from '../../core/notices';
import { data, NOTICE_TEMPLATE, startAppCloud, typedCaller } from './app-cloud';

export const TOWN_ADMIN = 'demo-town-admin';
/** Admin of 中海村. */
export const ADMIN = 'demo-village-admin';
/** 协商议事组 town-level 组长, living in 中海村. */
export const CONSULT_LEADER = 'demo-leader-consult';
/** Residents of 中海村 and one of 五星村. */
export const RESIDENT = demoResidentOpenid(1);
export const NEIGHBOUR = demoResidentOpenid(2);
export const OUTSIDER = demoResidentOpenid(201);
export const TEMPLATE = NOTICE_TEMPLATE;

/**
 * The app's cloud with small delivery chunks, so the demo town's 322 residents make many chunks and
 * batches; `push` sends nothing itself unless `pushBudgetMs` says so (the drain does the work).
 */
export function startNoticesCloud(env: Record<string, string> = {}): Promise<LocalCloud> {
  return startAppCloud({
    envVariables: {
      NOTICES_CHUNK_SIZE: '40',
      NOTICES_SEND_BATCH: '15',
      NOTICES_MINIPROGRAM_STATE: 'developer',
      ...env,
    },
  });
}

export const noticesAs = typedCaller<NoticesInput, NoticesOutput>('notices');

export const requestId = () => randomBytes(8).toString('hex');

/** A valid push for `audience`; `extra` overrides any field. */
export function pushInput(
  audience: NoticesInput['push']['audience'],
  extra: Partial<NoticesInput['push']> = {},
): NoticesInput['push'] {
  return {
    requestId: requestId(),
    title: '周六召开党群圆桌会',
    body: '本周六上午九点在村委会议室召开党群圆桌会，商议村道硬化事宜，请各户派代表参加。',
    kind: 'meeting',
    urgency: 'normal',
    audience,
    ...extra,
  };
}

/** Pushes and runs the queue to the end (as the timer trigger would), returning the notice id. */
export async function pushAndDrain(
  cloud: LocalCloud,
  openid: string,
  input: NoticesInput['push'],
): Promise<string> {
  const { noticeId } = data(await noticesAs(cloud, openid)('push', input));
  for (let i = 0; i < 50; i++) {
    if (notice(cloud, noticeId).status === 'sent') return noticeId;
    data(await noticesAs(cloud, openid)('drain', {}));
  }
  throw new Error(`notice ${noticeId} did not finish`);
}

export const notice = (cloud: LocalCloud, noticeId: string) =>
  cloud.dump('notices').find((n) => n._id === noticeId)! as unknown as Record<string, unknown> & {
    status: string;
    recipients: number;
    households: number;
  };

export const chunks = (cloud: LocalCloud, noticeId: string) =>
  cloud
    .dump('noticeChunks')
    .filter((c) => c.noticeId === noticeId)
    .sort((a, b) => (a.seq as number) - (b.seq as number)) as unknown as {
    _id: string;
    villageId: string;
    state: string;
    outcomes: string;
    items: { r: string; n: string; h: string; o: string | null }[];
    inFlight: { from: number; to: number } | null;
    lease: { owner: string; until: Date } | null;
  }[];

/** Every recipient's outcome: openid (or residentId when unbound) → code. */
export function outcomes(cloud: LocalCloud, noticeId: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of chunks(cloud, noticeId)) {
    c.items.forEach((item, i) => out.set(item.o ?? item.r, c.outcomes[i]!));
  }
  return out;
}

export function counts(cloud: LocalCloud, noticeId: string): DeliveryCounts {
  return chunks(cloud, noticeId).reduce((c, ch) => addOutcomes(c, ch.outcomes), emptyCounts());
}

/** Subscribe messages of a notice in WeChat's outbox (the local cloud's record of what WeChat delivered). */
export const messagesOf = (cloud: LocalCloud, noticeId: string) =>
  cloud.outbox({}).filter((m) => m.page?.endsWith(`id=${noticeId}`));

/** The member accepted `count` one-time subscriptions: WeChat's ledger and the app's record both know. */
export async function subscribeFully(cloud: LocalCloud, openid: string, count = 1): Promise<void> {
  for (let i = 0; i < count; i++) {
    await cloud.grantSubscription(openid, TEMPLATE);
    data(await noticesAs(cloud, openid)('subscribe', { results: { [TEMPLATE]: 'accept' } }));
  }
}

export const appGrants = (cloud: LocalCloud, openid: string) =>
  Number(
    ((cloud.dump('subscriptions').find((s) => s._id === openid)?.grants ?? {}) as Record<string, number>)[
      TEMPLATE
    ] ?? 0,
  );

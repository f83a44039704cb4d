import { randomBytes } from 'node:crypto';
import type { LocalCloud, LocalCloudOptions } from '../../local-cloud';
import { receiptFromBytes, type AgendaInput, type AgendaOutput, type Step } from '../../core/agenda';
import { DEMO_GROUP_LEADERS, demoRepOpenid, demoResidentOpenid } from '../../scripts/demo/identities';
import { data, startAppCloud, typedCaller } from './app-cloud';

/** The demo identities the agenda tests act as (all of 中海村 unless named otherwise). */
export const ADMIN = 'demo-village-admin';
export const TOWN_ADMIN = 'demo-town-admin';
export const CONSULT_LEADER = DEMO_GROUP_LEADERS.consult;
export const RESIDENT = demoResidentOpenid(1);
export const NEIGHBOUR = demoResidentOpenid(2);
/** A resident of 五星村. */
export const OUTSIDER = demoResidentOpenid(201);
export const UNBOUND = 'wx-not-bound';
export const REPS = Array.from({ length: 15 }, (_v, i) => demoRepOpenid(i + 1));
export const LEADER_IDS = ['r_leader_consult', 'r_leader_mediate'];

/** The app's cloud with the result of a closed poll frozen at once (no grace wait), unless a test sets one. */
export function startAgendaCloud(options: Partial<LocalCloudOptions> = {}): Promise<LocalCloud> {
  return startAppCloud({ envVariables: { FINALIZE_GRACE_MS: '0' }, ...options });
}

/** Calls `agenda` as a WeChat user, typed by action. */
export const agendaAs = typedCaller<AgendaInput, AgendaOutput>('agenda');

export const newReceipt = () => receiptFromBytes(randomBytes(10));

export const ITEM = {
  title: '修缮村口老水井',
  body: '村口的老水井井壁开裂，雨季水质浑浊，请村里组织修缮并加盖。',
};

export const inAnHour = () => Date.now() + 3_600_000;

export const APPROVAL_POLL = {
  question: '是否同意用村集体资金修缮水井',
  kind: 'approval',
  eligibility: { kind: 'reps' },
  quorumPct: 50,
  thresholdPct: 50,
  thresholdBase: 'cast',
  visibility: 'afterClose',
} as const;

export interface Driven {
  itemId: string;
  pollId: string | null;
  taskId: string | null;
}

const ORDER: Step[] = ['raised', 'consulting', 'roundtable', 'deciding', 'doing', 'supervising', 'closed'];

/**
 * Takes a fresh matter to `step` the way people do: a resident raises it (3 a day each: pass another author
 * when a test needs more), the village admin moves it on, the representatives pass the poll (8 of 15 yes), the one task is done. Each step is asserted ok.
 */
export async function driveTo(
  cloud: LocalCloud,
  step: Step,
  { poll = {}, author = RESIDENT }: { poll?: Record<string, unknown>; author?: string } = {},
): Promise<Driven> {
  const resident = agendaAs(cloud, author);
  const admin = agendaAs(cloud, ADMIN);
  const reached = (s: Step) => ORDER.indexOf(step) >= ORDER.indexOf(s);
  const { item } = data(await resident('raise', ITEM));
  const out: Driven = { itemId: item.itemId, pollId: null, taskId: null };
  if (!reached('consulting')) return out;
  data(await admin('advance', { itemId: out.itemId }));
  if (!reached('roundtable')) return out;
  data(
    await admin('scheduleRoundtable', {
      itemId: out.itemId,
      at: inAnHour(),
      place: '村委会议室',
      participantIds: LEADER_IDS,
    }),
  );
  if (!reached('deciding')) return out;
  out.pollId = data(
    await admin('createPoll', { itemId: out.itemId, closesAt: inAnHour(), ...APPROVAL_POLL, ...poll }),
  ).pollId;
  data(await admin('openPoll', { pollId: out.pollId }));
  if (!reached('doing')) return out;
  for (const rep of REPS.slice(0, 8)) {
    data(await agendaAs(cloud, rep)('vote', { pollId: out.pollId, choices: ['yes'], receipt: newReceipt() }));
  }
  data(await admin('closePoll', { pollId: out.pollId }));
  data(await admin('advance', { itemId: out.itemId }));
  out.taskId = data(
    await admin('addTask', {
      itemId: out.itemId,
      title: '请施工队修缮井壁',
      ownerId: 'r_resident_002',
      dueAt: inAnHour(),
    }),
  ).taskId;
  if (!reached('supervising')) return out;
  data(
    await agendaAs(cloud, NEIGHBOUR)('updateTask', {
      taskId: out.taskId,
      progress: 100,
      note: '井壁已修好并加盖',
    }),
  );
  data(await admin('advance', { itemId: out.itemId }));
  if (!reached('closed')) return out;
  data(await admin('advance', { itemId: out.itemId }));
  return out;
}

/**
 * The agenda figures of `npm run bench`, through the local HTTP gateway (`POST /api/agenda` with `X-Openid`, as
 * the H5 build calls it) against the built functions, the real manifest and fsync on:
 *
 * - ballots/s: 2000 bound residents of one village vote at once, each as themselves, in a poll over the
 *   village's residents; then nothing may be lost: every answer ok, and the poll's `cast`, its ballots and its
 *   "voted" markers all equal 2000;
 * - tally read latency: `getPoll` of a live poll with 100 ballots (cast through the function), then of one with
 *   43,464 ballots (the town's population), median and p95 of sequential reads, and their ratio. Every read
 *   of the large poll must say cast = 43,464.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIGEST_BLOCK, digestBlockText, type AgendaOutput, type PollView } from '../../core/agenda';
import { ROOT } from '../tools/build-cloud';
import type { Result } from '../../core/result';
import type { LocalCloud } from '../../local-cloud';
import { callOk, fmtMs, startBenchCloud } from './cloud';
import { coresUsed, cpuMark } from './cpu';
import { Gateway, type GatewayAnswer } from './gateway';
import {
  benchSeed,
  castBallots,
  LEADER_IDS,
  newReceipt,
  peopleDocs,
  randomApprovalChoice,
  TALLY_SHARDS,
  TOWN_VILLAGE,
  villagers,
  VOTING_VILLAGE,
  type Voter,
} from './seed';
import { figure, median, p95, type Figure } from './stats';

const VOTERS = Number(process.env.BENCH_VOTERS ?? 2000);
/** 迤那镇's population: the largest roll a poll of the town could have. */
const POPULATION = 43_464;
const SMALL_BALLOTS = 100;
const READS = Number(process.env.BENCH_TALLY_READS ?? 200);
/** Reads before the timed ones: the instance is warm, and the collector is done with the setup writes. */
const READ_WARMUP = 100;
/** Connections of the voters' keep-alive pool: by default one per voter, as 2000 phones would have. */
const SOCKETS = Number(process.env.BENCH_SOCKETS ?? VOTERS);
/** Readers that warm the instances up: more than the runner's instances per function (default 8). */
const WARM_READERS = 64;
const BALLOTS_PER_S_GOAL = 300;
/** The row index.ts compares with the SDK's single-document writes of the same run. */
export const BALLOTS_ROW = 'agenda: ballots/s';
const RATIO_GOAL = 1.5;
const INSERT_BATCH = 5000;

type Action = keyof AgendaOutput;
export type Answer<A extends Action> = GatewayAnswer<Result<AgendaOutput[A], string>>;

/** Posts an action of `agenda` as `openid` through the gateway; answers what the gateway got. */
export const post = <A extends Action>(
  gw: Gateway,
  openid: string,
  action: A,
  input: Record<string, unknown>,
) => gw.post<Result<AgendaOutput[A], string>>('agenda', openid, { action, ...input }) as Promise<Answer<A>>;

/** Calls an action as `openid` and returns its data, or throws with what the gateway answered. */
export const agenda = <A extends Action>(
  gw: Gateway,
  openid: string,
  action: A,
  input: Record<string, unknown>,
) => callOk<AgendaOutput[A]>(gw, 'agenda', openid, action, input);

/**
 * Takes a new matter to the round table the way people do (test/support/agenda.ts driveTo): a resident raises
 * it, the village admin moves it to discussion, schedules the round table with two alliance leaders and sets
 * up a live 赞成/反对/弃权 poll over the village's residents (a draft until opened).
 */
async function draftVillagePoll(
  gw: Gateway,
  admin: string,
  author: string,
): Promise<{ itemId: string; pollId: string }> {
  const { item } = await agenda(gw, author, 'raise', {
    title: '修缮村口老水井',
    body: '村口的老水井井壁开裂，雨季水质浑浊，请村里组织修缮并加盖。',
  });
  await agenda(gw, admin, 'advance', { itemId: item.itemId });
  const inAnHour = Date.now() + 3_600_000;
  await agenda(gw, admin, 'scheduleRoundtable', {
    itemId: item.itemId,
    at: inAnHour,
    place: '村委会议室',
    participantIds: LEADER_IDS,
  });
  const { pollId } = await agenda(gw, admin, 'createPoll', {
    itemId: item.itemId,
    question: '是否同意用村集体资金修缮水井',
    kind: 'approval',
    eligibility: { kind: 'residents' },
    closesAt: inAnHour,
    quorumPct: 50,
    thresholdPct: 50,
    thresholdBase: 'cast',
    visibility: 'live',
  });
  return { itemId: item.itemId, pollId };
}

/** A village poll opened by its admin (openPoll freezes the roll): the poll and its eligible count. */
async function openVillagePoll(
  gw: Gateway,
  admin: string,
  author: string,
): Promise<{ pollId: string; eligibleCount: number }> {
  const { pollId } = await draftVillagePoll(gw, admin, author);
  const { eligibleCount } = await agenda(gw, admin, 'openPoll', { pollId });
  return { pollId, eligibleCount };
}

/**
 * The town's poll opened through the function as the admin's page does it (src/packages/agenda/open-poll.ts):
 * openPoll again while it answers `opening`, each call writing roll pages of 1000 members for its budget. Each
 * call is timed; the database requests are the request log's.
 */
async function openTownPoll(
  cloud: LocalCloud,
  gw: Gateway,
  town: Voter[],
): Promise<{ pollId: string; calls: number[]; ops: number }> {
  const admin = town[0]!.openid;
  const { pollId } = await draftVillagePoll(gw, admin, town[1]!.openid);
  const since = lastSeq(cloud);
  const calls: number[] = [];
  for (;;) {
    const answer = await post(gw, admin, 'openPoll', { pollId });
    if (answer.status !== 200 || !answer.body.ok) {
      throw new Error(`bench: openPoll answered HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    calls.push(answer.ms);
    if (answer.body.data.status === 'open') {
      if (answer.body.data.eligibleCount !== town.length) {
        throw new Error(
          `bench: the roll has ${answer.body.data.eligibleCount} voters, expected ${town.length}`,
        );
      }
      break;
    }
    if (calls.length > 500) throw new Error('bench: openPoll never finished the roll');
  }
  const ops = cloud.requests({ functionName: 'agenda', sinceSeq: since }).length;
  return { pollId, calls, ops };
}

const lastSeq = (cloud: LocalCloud) => cloud.requests().at(-1)?.seq ?? 0;

/** The agenda function's limit (config.json), against which a town-size call is judged. */
const AGENDA_TIMEOUT_MS =
  (
    JSON.parse(readFileSync(path.join(ROOT, 'cloudfunctions', 'agenda', 'config.json'), 'utf8')) as {
      timeout: number;
    }
  ).timeout * 1000;

/**
 * The first read after the town's poll closes freezes its result from the counters (freeze.ts finalizeIfDue,
 * O(1) reads); the next read is the frozen result. Then the timer checks and digests the 43,464 ballots a block
 * of 1000 at a time (each run one budget): every run timed, and the digest compared with one computed here.
 */
async function freezeTownPoll(
  cloud: LocalCloud,
  gw: Gateway,
  admin: string,
  reader: string,
  pollId: string,
  ballots: Record<string, unknown>[],
): Promise<{
  firstMs: number;
  firstOps: number;
  firstCast: number;
  nextMs: number;
  nextOps: number;
  runs: number[];
  auditOps: number;
  digestRight: boolean;
}> {
  await agenda(gw, admin, 'closePoll', { pollId });
  let since = lastSeq(cloud);
  const first = await post(gw, reader, 'getPoll', { pollId });
  if (first.status !== 200 || !first.body.ok) {
    throw new Error(`bench: getPoll after close answered HTTP ${first.status} ${JSON.stringify(first.body)}`);
  }
  const firstOps = cloud.requests({ functionName: 'agenda', sinceSeq: since }).length;
  since = lastSeq(cloud);
  const next = await post(gw, reader, 'getPoll', { pollId });
  const nextOps = cloud.requests({ functionName: 'agenda', sinceSeq: since }).length;
  since = lastSeq(cloud);
  const runs: number[] = [];
  const digestOf = async () => (await agenda(gw, reader, 'getPoll', { pollId })).digest;
  while ((await digestOf()) === null) {
    if (runs.length > 500) throw new Error('bench: the timer never finished the digest');
    const started = performance.now();
    await cloud.trigger('agenda');
    runs.push(performance.now() - started);
  }
  const auditOps = cloud.requests({ functionName: 'agenda', sinceSeq: since }).length - runs.length - 1;
  const sorted = ballots
    .map((b) => ({ receiptHash: b._id as string, choices: b.choices as string[] }))
    .sort((a, b) => (a.receiptHash < b.receiptHash ? -1 : 1));
  let chain: string | null = null;
  for (let i = 0; i < sorted.length; i += DIGEST_BLOCK) {
    chain = sha256(digestBlockText(chain, sorted.slice(i, i + DIGEST_BLOCK)));
  }
  return {
    firstMs: first.ms,
    firstOps,
    firstCast: first.body.data.cast,
    nextMs: next.ms,
    nextOps,
    runs,
    auditOps,
    digestRight: (await digestOf()) === chain,
  };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Starts the function's instances a few at a time, with reads only (a voter opens the poll's page before
 * voting). Eight cold starts at once on a busy 2-core machine can pass the runner's 10 s load budget; a
 * failed cold start is not what is measured, so the ramp retries it. The last round must all succeed.
 */
async function warmUp(gw: Gateway, readers: string[], pollId: string): Promise<void> {
  for (let k = 1; k < readers.length; k *= 2) {
    await Promise.all(readers.slice(0, k).map((r) => post(gw, r, 'getPoll', { pollId })));
  }
  for (let round = 0; round < 2; round++) {
    await Promise.all(readers.map((r) => agenda(gw, r, 'getPoll', { pollId })));
  }
}

/** Documents of a collection that belong to a poll. */
const countFor = (cloud: LocalCloud, collection: string, pollId: string) =>
  cloud.dump(collection).filter((d) => d.pollId === pollId).length;

/** `count` sequential getPoll reads as `reader` after a warm-up: their latencies and the casts they read. */
async function timeReads(
  gw: Gateway,
  reader: string,
  pollId: string,
  count: number,
): Promise<{ ms: number[]; views: PollView[] }> {
  for (let i = 0; i < READ_WARMUP; i++) await agenda(gw, reader, 'getPoll', { pollId });
  const ms: number[] = [];
  const views: PollView[] = [];
  for (let i = 0; i < count; i++) {
    const answer = await post(gw, reader, 'getPoll', { pollId });
    if (answer.status !== 200 || !answer.body.ok) {
      throw new Error(`bench: getPoll answered HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    ms.push(answer.ms);
    views.push(answer.body.data);
  }
  return { ms, views };
}

/** 2000 votes at once over HTTP: ballots/s, and that none was lost. */
async function ballotsPerSecond(cloud: LocalCloud, gw: Gateway, voters: Voter[]): Promise<Figure[]> {
  const admin = voters[0]!.openid;
  const { pollId, eligibleCount } = await openVillagePoll(gw, admin, voters[1]!.openid);
  if (eligibleCount !== voters.length) {
    throw new Error(`bench: the roll has ${eligibleCount} voters, expected ${voters.length}`);
  }
  // Warm every instance (cold starts are not measured) and the roll buckets each caches. Nothing here votes.
  await warmUp(
    gw,
    voters.slice(0, WARM_READERS).map((v) => v.openid),
    pollId,
  );
  const seqBefore = cloud.invocations.lastSeq;
  const ballots = voters.map((v) => ({
    openid: v.openid,
    input: { pollId, choices: [randomApprovalChoice()], receipt: newReceipt() },
  }));
  const resentBefore = gw.resent;
  const cpuBefore = cpuMark();
  const started = performance.now();
  const answers = await Promise.all(
    ballots.map((b) =>
      post(gw, b.openid, 'vote', b.input).catch((e: unknown): Answer<'vote'> => ({
        status: 0,
        body: { ok: false, error: { code: 'NETWORK', message: (e as Error).message } },
        ms: 0,
      })),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const cores = coresUsed(cpuBefore, cpuMark());
  const resent = gw.resent - resentBefore;
  const okAnswers = answers.filter((a) => a.status === 200 && a.body.ok).length;
  const failures = new Map<string, number>();
  for (const a of answers) {
    if (a.status === 200 && a.body.ok) continue;
    const code = a.body.ok ? `HTTP ${a.status}` : a.body.error.code;
    failures.set(code, (failures.get(code) ?? 0) + 1);
  }
  const burstRequests = cloud.requests({ sinceSeq: seqBefore });
  const conflicts = burstRequests.filter((r) => r.error === 'DATABASE_TRANSACTION_CONFLICT').length;

  const cast = (await agenda(gw, admin, 'getPoll', { pollId })).cast;
  const stored = countFor(cloud, 'ballots', pollId);
  const markers = countFor(cloud, 'pollVotes', pollId);
  const n = voters.length;
  const lost = n - Math.min(okAnswers, cast, stored, markers);
  const extra = Math.max(cast, stored, markers) - n;
  const rate = n / seconds;
  const okMs = answers.filter((a) => a.status === 200 && a.body.ok).map((a) => a.ms);
  // What a ballot costs: database requests from the function (the request log), and CPU of every thread.
  const cpuMsPerBallot = (cores.self * seconds * 1000) / n;
  return [
    figure({
      name: `${BALLOTS_ROW}, ${n} voters at once via POST /api/agenda`,
      value: rate.toFixed(0),
      unit: 'ballots/s',
      goal: `≥ ${BALLOTS_PER_S_GOAL}/s`,
      met: rate >= BALLOTS_PER_S_GOAL,
      note: `${SOCKETS === n ? 'a connection each' : `${SOCKETS} connections`}, fsync on`,
    }),
    figure({
      name: '  votes lost',
      value: String(lost + Math.max(0, extra)),
      unit: '',
      goal: '0',
      met: lost === 0 && extra <= 0,
      note:
        `ok answers/cast/ballots/voted markers ${okAnswers}/${cast}/${stored}/${markers}` +
        (failures.size ? `; failed: ${[...failures].map(([c, k]) => `${c}×${k}`).join(', ')}` : ''),
    }),
    figure({
      name: '  vote answer from send, median (p95)',
      value: okMs.length ? `${median(okMs).toFixed(0)} (${p95(okMs).toFixed(0)})` : '—',
      unit: 'ms',
      goal: '—',
      met: null,
      note:
        `${conflicts} tally-shard conflicts retried` +
        (resent ? `, ${resent} resent (closed keep-alive)` : ''),
    }),
    figure({
      name: '  cores busy in the burst: functions, backend and voters',
      value: cores.self.toFixed(2),
      unit: `of ${cores.total}`,
      goal: '—',
      met: null,
      note: cores.others === null ? undefined : `other processes: ${cores.others.toFixed(2)} cores`,
    }),
    figure({
      name: '  database requests per ballot (request log)',
      value: (burstRequests.length / n).toFixed(2),
      unit: '',
      goal: '—',
      met: null,
    }),
    figure({
      name: '  CPU per ballot, all threads',
      value: cpuMsPerBallot.toFixed(1),
      unit: 'ms',
      goal: '—',
      met: null,
    }),
  ];
}

/** getPoll latency of a live poll at 100 ballots, then at the town's population, and their ratio. */
async function tallyLatency(cloud: LocalCloud, gw: Gateway, voters: Voter[]): Promise<Figure[]> {
  // 100 ballots, cast through the function.
  const small = await openVillagePoll(gw, voters[0]!.openid, voters[2]!.openid);
  for (let i = 0; i < SMALL_BALLOTS; i += 10) {
    await Promise.all(
      voters.slice(i, Math.min(i + 10, SMALL_BALLOTS)).map((v) =>
        agenda(gw, v.openid, 'vote', {
          pollId: small.pollId,
          choices: [randomApprovalChoice()],
          receipt: newReceipt(),
        }),
      ),
    );
  }
  const smallReads = await timeReads(gw, voters[1]!.openid, small.pollId, READS);
  const smallRight = smallReads.views.every((v) => v.cast === SMALL_BALLOTS && v.mine.voted);

  // 43,464 bound residents, one roll (frozen by openPoll), and as many ballots. The ballots are written
  // directly, as 43,464 vote transactions would leave them (casting them through the function would take
  // minutes): the "voted" markers, the ballots, and the counters of the tally shards.
  const town = villagers(TOWN_VILLAGE, 't', POPULATION);
  for (let i = 0; i < town.length; i += INSERT_BATCH) {
    await cloud.insert(peopleDocs(town.slice(i, i + INSERT_BATCH)));
  }
  const large = await openTownPoll(cloud, gw, town);
  const zeroed = countFor(cloud, 'pollTallies', large.pollId);
  if (zeroed !== TALLY_SHARDS) {
    throw new Error(`bench: openPoll made ${zeroed} tally shards, the bench mirrors ${TALLY_SHARDS}`);
  }
  const day = new Date().toISOString().slice(0, 10);
  const cast = castBallots(large.pollId, town, TALLY_SHARDS, day);
  for (let i = 0; i < town.length; i += INSERT_BATCH) {
    await cloud.insert({
      pollVotes: cast.pollVotes.slice(i, i + INSERT_BATCH),
      ballots: cast.ballots.slice(i, i + INSERT_BATCH),
    });
  }
  await Promise.all(
    cast.tallies.map(({ _id, ...counters }) =>
      cloud.db.collection('pollTallies').doc(_id).set({ data: counters }),
    ),
  );
  const reader = town[1]!.openid;
  const receipt = await agenda(gw, reader, 'checkReceipt', {
    pollId: large.pollId,
    receipt: cast.receipts.get(reader)!,
  });
  if (!receipt.counted) throw new Error('bench: the function does not find a ballot the bench wrote');
  const largeReads = await timeReads(gw, reader, large.pollId, READS);
  const wrong = largeReads.views.filter((v) => v.cast !== POPULATION || !v.mine.voted).length;
  const stored = countFor(cloud, 'ballots', large.pollId);
  const markers = countFor(cloud, 'pollVotes', large.pollId);

  const frozen = await freezeTownPoll(cloud, gw, town[0]!.openid, reader, large.pollId, cast.ballots);
  const openMax = Math.max(...large.calls);
  const auditMax = Math.max(...frozen.runs);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const ratio = median(largeReads.ms) / median(smallReads.ms);
  const third = AGENDA_TIMEOUT_MS / 3;
  const population = POPULATION.toLocaleString('en');
  return [
    figure({
      name: `agenda: tally read (getPoll), ${SMALL_BALLOTS} ballots, median (p95)`,
      value: fmtMs(smallReads.ms),
      unit: 'ms',
      goal: '—',
      met: smallRight ? null : false,
      note:
        `a live poll, ${READS} sequential reads via POST /api/agenda` +
        (smallRight ? '' : '; a read was wrong'),
    }),
    figure({
      name: `  the same with ${population} ballots (the town's population)`,
      value: fmtMs(largeReads.ms),
      unit: 'ms',
      goal: '—',
      met: null,
    }),
    figure({
      name: `  reads that said cast = ${population}`,
      value: `${READS - wrong}/${READS}`,
      unit: '',
      goal: 'all',
      met: wrong === 0 && stored === POPULATION && markers === POPULATION,
      note: `ballots ${stored}, voted markers ${markers}`,
    }),
    figure({
      name: `  ratio ${population} / ${SMALL_BALLOTS} ballots (medians)`,
      value: ratio.toFixed(2),
      unit: '',
      goal: `≤ ${RATIO_GOAL}`,
      met: ratio <= RATIO_GOAL,
    }),
    figure({
      name: `  openPoll writing a roll of ${population}, slowest call`,
      value: openMax.toFixed(0),
      unit: 'ms',
      goal: `≤ ${third.toFixed(0)} ms`,
      met: openMax <= third,
      note:
        `⅓ of the function timeout ${AGENDA_TIMEOUT_MS} ms; ${large.calls.length} calls, ` +
        `${sum(large.calls).toFixed(0)} ms in all, ${large.ops} database requests`,
    }),
    figure({
      name: `  first getPoll after close, freezing ${population} ballots from the counters`,
      value: String(frozen.firstOps),
      unit: 'requests',
      goal: `≤ 6, ≤ ${third.toFixed(0)} ms`,
      met: frozen.firstOps <= 6 && frozen.firstMs <= third && frozen.firstCast === POPULATION,
      note: `${frozen.firstMs.toFixed(0)} ms, cast ${frozen.firstCast}`,
    }),
    figure({
      name: `  timer checking and digesting ${population} ballots, slowest run`,
      value: auditMax.toFixed(0),
      unit: 'ms',
      goal: `≤ ${third.toFixed(0)} ms, digest right`,
      met: auditMax <= third && frozen.digestRight,
      note:
        `${frozen.runs.length} runs, ${sum(frozen.runs).toFixed(0)} ms in all, ${frozen.auditOps} database ` +
        `requests; digest ${frozen.digestRight ? 'matches' : 'DIFFERS from'} the one computed here`,
    }),
    figure({
      name: '  the next getPoll (result frozen), database requests',
      value: String(frozen.nextOps),
      unit: '',
      goal: '≤ 3',
      met: frozen.nextOps <= 3,
      note: `${frozen.nextMs.toFixed(1)} ms`,
    }),
  ];
}

/** Builds the functions, starts a local cloud with the bench's town, and measures. */
export async function agendaBench(): Promise<Figure[]> {
  const voters = villagers(VOTING_VILLAGE, 's', VOTERS);
  const cloud = await startBenchCloud({
    seed: benchSeed(voters),
    // A closed poll freezes on the next read instead of 15 s later: the freeze is what is measured.
    envVariables: { FINALIZE_GRACE_MS: '0' },
    ...(process.env.BENCH_INSTANCES ? { maxInstancesPerFunction: Number(process.env.BENCH_INSTANCES) } : {}),
  });
  const gw = new Gateway(cloud.url, SOCKETS);
  try {
    return [...(await ballotsPerSecond(cloud, gw, voters)), ...(await tallyLatency(cloud, gw, voters))];
  } finally {
    gw.close();
    await cloud.stop();
  }
}

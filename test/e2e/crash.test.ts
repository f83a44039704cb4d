import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { APPROVAL_OPTIONS, tallyDigestText, type PollView } from '../../core/agenda';
import { connectDatabase } from '../../local-cloud';
import { agenda, post } from '../../scripts/bench/agenda';
import { Gateway } from '../../scripts/bench/gateway';
import {
  benchSeed,
  LEADER_IDS,
  newReceipt,
  randomApprovalChoice,
  receiptHash,
  villagers,
  VOTING_VILLAGE,
  type Voter,
} from '../../scripts/bench/seed';
import { APPROVAL_POLL, inAnHour, ITEM } from '../support/agenda';
import { pool } from '../support/pool';
import { killAllStarted, npmStart, pgidOf, type NpmStart } from './npm-start';

/**
 * Crash safety end to end (issue 9 e): `npm start` is SIGKILLed (the whole process tree, the node process
 * that holds the data included) in the middle of a 2,000-voter poll, then started again on the same data
 * folder. It recovers from its write-ahead log (no snapshot is written on SIGKILL), does not load the demo
 * data again, and no acknowledged ballot is lost.
 *
 * What "acknowledged" means: the voter's phone got `{ok: true}`. The server answers only after the vote's
 * transaction is fsynced, so every acknowledged ballot must survive. A call still in flight at the kill got no
 * answer (nor does one the gateway fails with a 502): it may or may not have been committed (killed after the
 * fsync, before the answer), and the tally may count it. So, right after the restart, the strongest honest claim is
 *     tally = acknowledged + the unanswered ballots that were committed,
 * each committed one whole (ballot, "voted" marker and counter together) and each acknowledged one present
 * with the choices cast. Then every unanswered voter's phone does what it does after a lost answer — it sends
 * the same ballot again with the same receipt — which `vote` answers ok without counting twice. Once every
 * voter who was sent has an answer, the tally equals the number of acknowledged ballots exactly, and the
 * published receipts (the digest frozen at close) are exactly the acknowledged ones, with their choices.
 */
const VOTERS = 2000;
/** Votes in flight at once (phones on the village's network). */
const IN_FLIGHT = 64;
/** The kill comes with the 800th acknowledgement: 40% of the poll, with IN_FLIGHT - 1 calls awaiting answers. */
const KILL_AT_ACKS = 800;
/** The frozen result at once after close (no 15 s grace). */
const ENV = { FN_FINALIZE_GRACE_MS: '0' };

interface Ballot {
  openid: string;
  choices: string[];
  receipt: string;
}

/** Seconds since the last call (the first: since it was made), one decimal. */
function stopwatch(): () => string {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const s = ((now - last) / 1000).toFixed(1);
    last = now;
    return s;
  };
}

/**
 * Starts the function's instances a few at a time, with reads (a voter opens the poll's page first), as the
 * agenda bench does: eight cold starts at once on a busy 2-core machine can pass the runner's load budget, and
 * a failed cold start is not what this test is about. The answers do not matter here.
 */
async function warmUp(gw: Gateway, voters: Voter[], pollId: string): Promise<void> {
  for (let k = 1; k <= 8; k *= 2) {
    await Promise.all(
      voters.slice(0, k).map((v) => post(gw, v.openid, 'getPoll', { pollId }).catch(() => null)),
    );
  }
}

/** Per option, how many of `ballots` chose it (every approval option, zeros included, as outcomes show them). */
function countsOf(ballots: Ballot[]): Record<string, number> {
  const counts = Object.fromEntries(APPROVAL_OPTIONS.map((o) => [o.id, 0]));
  for (const b of ballots) for (const c of b.choices) counts[c]! += 1;
  return counts;
}

let dataDir: string;
let server: NpmStart;
let gw: Gateway | null = null;

beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'tongxin-crash-'));
});
afterAll(async () => {
  gw?.close();
  await killAllStarted();
  rmSync(dataDir, { recursive: true, force: true });
});

test('SIGKILL mid-poll: after restart every acknowledged ballot is counted once and its receipt checks out', async () => {
  // ---------------------------------------------------------------- the environment: demo data + 2,000 voters
  // `npm start` on an empty folder loads the demo data; the agenda bench's village (`bench_zhonghai`: 2,000
  // bound residents, the first also its admin, and two alliance leaders) goes in through the running server,
  // as an administrator's database client (what the LOCK file is for).
  const seconds = stopwatch();
  server = await npmStart(dataDir, ENV);
  const voters = villagers(VOTING_VILLAGE, 's', VOTERS);
  const lock = server.lock();
  // The process that holds the data is in the group that is killed (npm → sh → tsx → node).
  expect(pgidOf(lock.pid)).toBe(server.pgid);
  const db = connectDatabase(lock);
  for (const [collection, docs] of Object.entries(benchSeed(voters))) {
    await db.collection(collection).add({ data: docs });
  }
  const residents = (await db.collection('residents').count()).total;

  // ---------------------------------------------------------------- the poll, opened as a real admin would
  gw = new Gateway(server.url, IN_FLIGHT);
  const admin = voters[0]!.openid;
  const { item } = await agenda(gw, voters[1]!.openid, 'raise', ITEM);
  await agenda(gw, admin, 'advance', { itemId: item.itemId });
  await agenda(gw, admin, 'scheduleRoundtable', {
    itemId: item.itemId,
    at: inAnHour(),
    place: '村委会议室',
    participantIds: LEADER_IDS,
  });
  const { pollId } = await agenda(gw, admin, 'createPoll', {
    ...APPROVAL_POLL,
    itemId: item.itemId,
    closesAt: inAnHour(),
    eligibility: { kind: 'residents' },
    visibility: 'live',
  });
  expect(await agenda(gw, admin, 'openPoll', { pollId })).toEqual({ status: 'open', eligibleCount: VOTERS });
  await warmUp(gw, voters, pollId);
  const setUp = seconds();

  // ---------------------------------------------------------------- 2,000 voters, SIGKILL at the 800th answer
  const ballots: Ballot[] = voters.map((v) => ({
    openid: v.openid,
    choices: [randomApprovalChoice()],
    receipt: newReceipt(),
  }));
  const acked: Ballot[] = [];
  /** No ok answer: the connection broke (the kill) or the gateway answered 502 (a function timeout). */
  const unanswered: Ballot[] = [];
  let failedCalls = 0;
  /** The function itself said no (e.g. ALREADY_VOTED): never right here. */
  const refused: string[] = [];
  let sent = 0;
  let settled = 0;
  let inFlightAtKill = -1;
  const voteOf = (b: Ballot) =>
    post(gw!, b.openid, 'vote', { pollId, choices: b.choices, receipt: b.receipt });
  const voter = async () => {
    while (inFlightAtKill < 0 && sent < ballots.length) {
      const b = ballots[sent++]!;
      const answer = await voteOf(b).catch(() => null);
      settled += 1;
      if (answer?.status !== 200) {
        // What the phone sees as a failed call: the ballot may or may not have been committed.
        unanswered.push(b);
        if (answer) failedCalls += 1;
      } else if (answer.body.ok) {
        expect(answer.body.data.receiptHash).toBe(receiptHash(pollId, b.receipt));
        acked.push(b);
        if (inFlightAtKill < 0 && acked.length === KILL_AT_ACKS) {
          inFlightAtKill = sent - settled;
          server.signal('SIGKILL');
        }
      } else refused.push(`${b.openid}: ${JSON.stringify(answer.body)}`);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, voter));
  // Answers already on their way when the kill came are acknowledged too.
  const acknowledged = acked.length;
  gw.close();
  await server.gone();
  const voting = seconds();
  // No vote was refused; the kill came mid-poll with a call awaiting its answer on every other connection.
  expect(refused).toEqual([]);
  expect(inFlightAtKill).toBe(IN_FLIGHT - 1);
  expect(acked.length + unanswered.length).toBe(sent);
  expect(sent).toBeLessThan(VOTERS);
  // A SIGKILL writes no snapshot: what the restart finds is the write-ahead log.
  expect(existsSync(path.join(dataDir, lock.envId, 'snapshot.ejson'))).toBe(false);

  // ---------------------------------------------------------------- restart on the same data folder
  server = await npmStart(dataDir, ENV);
  expect(server.lock().pid).not.toBe(lock.pid);
  // The demo data was not loaded again over the recovered environment (nor anything lost from it).
  expect((await connectDatabase(server.lock()).collection('residents').count()).total).toBe(residents);
  gw = new Gateway(server.url, IN_FLIGHT);
  await warmUp(gw, voters, pollId);
  const restart = seconds();
  const check = (b: Ballot) =>
    agenda(gw!, b.openid, 'checkReceipt', { pollId, receipt: b.receipt.toLowerCase() });
  const cast = async () => (await agenda(gw!, admin, 'getPoll', { pollId })).cast;

  // Every acknowledged voter's receipt checks out (typed as people copy it), with the choices cast.
  const ackedChecks = await pool(acked, IN_FLIGHT, check);
  const lost = acked.filter((b, i) => !ackedChecks[i]!.counted).map((b) => b.openid);
  expect(lost).toEqual([]);
  expect(ackedChecks).toEqual(acked.map((b) => ({ counted: true, choices: b.choices })));

  // An unanswered ballot is committed whole or not at all: its receipt and its voter's "voted" mark agree.
  const unansweredChecks = await pool(unanswered, IN_FLIGHT, async (b) => ({
    ...(await check(b)),
    voted: (await agenda(gw!, b.openid, 'getPoll', { pollId })).mine.voted,
  }));
  const committed = unanswered.filter((_b, i) => unansweredChecks[i]!.counted);
  expect(unansweredChecks).toEqual(
    unansweredChecks.map((c, i) =>
      c.counted
        ? { counted: true, choices: unanswered[i]!.choices, voted: true }
        : { counted: false, choices: null, voted: false },
    ),
  );
  // The tally: the acknowledged ballots and the committed unanswered ones, each once, per option too.
  const afterRestart: PollView = await agenda(gw, admin, 'getPoll', { pollId });
  expect(afterRestart.cast).toBe(acked.length + committed.length);
  expect(afterRestart.outcome!.counts).toEqual(countsOf([...acked, ...committed]));

  // ---------------------------------------------------------------- the phones that got no answer send again
  const retries = await pool(unanswered, IN_FLIGHT, (b) =>
    agenda(gw!, b.openid, 'vote', { pollId, choices: b.choices, receipt: b.receipt }),
  );
  expect(retries).toEqual(unanswered.map((b) => ({ receiptHash: receiptHash(pollId, b.receipt) })));
  acked.push(...unanswered);
  expect(await cast()).toBe(acked.length);

  // A double vote by an acknowledged voter: the same ballot again is the same answer, another is refused.
  const first = acked[0]!;
  expect(
    await agenda(gw, first.openid, 'vote', { pollId, choices: first.choices, receipt: first.receipt }),
  ).toEqual({ receiptHash: receiptHash(pollId, first.receipt) });
  const other = APPROVAL_OPTIONS.find((o) => o.id !== first.choices[0])!.id;
  const again = await post(gw, first.openid, 'vote', { pollId, choices: [other], receipt: newReceipt() });
  expect(again.body).toMatchObject({ ok: false, error: { code: 'ALREADY_VOTED' } });
  expect(await cast()).toBe(acked.length);

  // ---------------------------------------------------------------- close: the frozen result and its digest
  await agenda(gw, admin, 'closePoll', { pollId });
  const closed = await agenda(gw, admin, 'getPoll', { pollId });
  expect(closed.status).toBe('closed');
  expect(closed.cast).toBe(acked.length);
  expect(closed.outcome!.counts).toEqual(countsOf(acked));
  // The digest is over every ballot stored (receipt hash and choices): exactly the acknowledged ones.
  const published = acked.map((b) => ({ receiptHash: receiptHash(pollId, b.receipt), choices: b.choices }));
  expect(closed.digest).toBe(createHash('sha256').update(tallyDigestText(published)).digest('hex'));

  console.log(
    `crash: ${sent} votes sent, SIGKILL at ${KILL_AT_ACKS} acknowledged with ${inFlightAtKill} in flight; ` +
      `${acknowledged} acknowledged, ${unanswered.length} unanswered ` +
      `(${failedCalls} answered 502; ${committed.length} committed); tally after restart ${afterRestart.cast}, ` +
      `after the retries ${closed.cast}. Seconds: start, seed and open ${setUp}, vote and kill ${voting}, ` +
      `restart ${restart}, checks ${seconds()}`,
  );
}, 240_000);

import { EJSON } from 'bson';
import { demoResidentOpenid } from '../../../scripts/demo/identities';
import { data, useAppCloud } from '../../support/app-cloud';
import {
  ADMIN,
  agendaAs,
  CONSULT_LEADER,
  driveTo,
  newReceipt,
  NEIGHBOUR,
  OUTSIDER,
  REPS,
  startAgendaCloud,
  TOWN_ADMIN,
} from '../../support/agenda';
import { residentIdOf } from './fixtures';

/**
 * Ballot secrecy: after people vote, nothing stored and nothing any caller is told ties a voter to a choice.
 * Who voted is kept (pollVotes) and what was chosen is kept (ballots, pollTallies), never together.
 */
const cloud = useAppCloud(startAgendaCloud);
const ballots: {
  openid: string;
  residentId: string;
  receipt: string;
  receiptHash: string;
  choices: string[];
}[] = [];
let closed: { itemId: string; pollId: string };
let open: { itemId: string; pollId: string };

/** Voters: eight representatives on the closed poll; twelve residents (not authors, owners or participants) on the open one. */
const REP_VOTERS = REPS.slice(0, 8);
const RESIDENT_VOTERS = Array.from({ length: 12 }, (_v, i) => demoResidentOpenid(150 + i));

beforeAll(async () => {
  const a = await driveTo(cloud, 'deciding', { author: demoResidentOpenid(100) });
  closed = { itemId: a.itemId, pollId: a.pollId! };
  const b = await driveTo(cloud, 'deciding', {
    author: demoResidentOpenid(101),
    poll: {
      eligibility: { kind: 'residents' },
      kind: 'multiple',
      options: ['加盖', '护栏', '水泵'],
      minChoices: 1,
      maxChoices: 2,
      visibility: 'live',
    },
  });
  open = { itemId: b.itemId, pollId: b.pollId! };
  const cast = async (openid: string, pollId: string, choices: string[]) => {
    const receipt = newReceipt();
    const { receiptHash } = data(await agendaAs(cloud, openid)('vote', { pollId, choices, receipt }));
    ballots.push({ openid, residentId: residentIdOf(openid), receipt, receiptHash, choices });
    // A retry of the same ballot, and a second ballot that is refused: neither may leave a trace either.
    data(await agendaAs(cloud, openid)('vote', { pollId, choices, receipt }));
    const again = await agendaAs(cloud, openid)('vote', { pollId, choices, receipt: newReceipt() });
    expect(again).toMatchObject({ error: { code: 'ALREADY_VOTED' } });
  };
  for (const [i, rep] of REP_VOTERS.entries())
    await cast(rep, closed.pollId, [['yes', 'no', 'abstain'][i % 3]!]);
  for (const [i, resident] of RESIDENT_VOTERS.entries()) {
    await cast(resident, open.pollId, i % 2 ? ['o1'] : ['o2', 'o3']);
  }
  data(await agendaAs(cloud, ADMIN)('closePoll', { pollId: closed.pollId }));
});

const json = (value: unknown) => EJSON.stringify(value, { relaxed: false });
const voterIds = () => ballots.flatMap((b) => [b.openid, b.residentId]);
const names = (value: unknown) => voterIds().filter((id) => json(value).includes(id));
const collections = () => cloud.store.engine.collectionNames().filter((n) => !n.startsWith('$'));

test('pollVotes say who voted, and nothing about how', () => {
  const votes = cloud.dump('pollVotes');
  expect(votes).toHaveLength(ballots.length);
  // They do name the voters (which is what makes the checks below mean something).
  expect(names(votes).sort()).toEqual(ballots.map((b) => b.residentId).sort());
  for (const vote of votes) {
    expect(Object.keys(vote).sort()).toEqual(['_id', 'day', 'pollId']);
    expect(vote.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const text = json(vote);
    for (const b of ballots) {
      expect(text).not.toContain(b.receiptHash);
      expect(text).not.toContain(b.receipt);
    }
  }
});

test('ballots say what was chosen, and nothing about who or when', () => {
  const stored = cloud.dump('ballots');
  expect(stored).toHaveLength(ballots.length);
  for (const ballot of stored) {
    expect(Object.keys(ballot).sort()).toEqual(['_id', 'choices', 'pollId']);
    expect(names(ballot)).toEqual([]);
  }
  expect(stored.map((b) => b._id).sort()).toEqual(ballots.map((b) => b.receiptHash).sort());
});

test('no document of any collection holds both a voter and a choice, and no receipt is stored anywhere', () => {
  const receipts = ballots.map((b) => b.receipt);
  const hashes = ballots.map((b) => b.receiptHash);
  const linking: string[] = [];
  for (const name of collections()) {
    for (const doc of cloud.dump(name)) {
      const text = json(doc);
      for (const receipt of receipts) expect(text).not.toContain(receipt);
      const choiceBearing = /"(choices|counts|result)"/.test(text) || hashes.some((h) => text.includes(h));
      if (choiceBearing && names(doc).length > 0) linking.push(`${name}/${String(doc._id)}`);
    }
  }
  expect(linking).toEqual([]);
});

test('the tally shards count, and name nobody', () => {
  const shards = cloud.dump('pollTallies').filter((t) => t.pollId === open.pollId);
  const cast = shards.reduce((n, s) => n + (s.cast as number), 0);
  expect(cast).toBe(RESIDENT_VOTERS.length);
  for (const shard of shards) expect(names(shard)).toEqual([]);
});

describe('no answer to anyone names a voter', () => {
  const CALLERS = [
    ADMIN,
    TOWN_ADMIN,
    CONSULT_LEADER,
    NEIGHBOUR,
    OUTSIDER,
    REP_VOTERS[0]!,
    RESIDENT_VOTERS[0]!,
  ];

  test.each(CALLERS)('%s: getPoll, getItem, listItems, listReceipts, checkReceipt', async (openid) => {
    const as = agendaAs(cloud, openid);
    const answers: unknown[] = [];
    for (const { itemId, pollId } of [closed, open]) {
      answers.push(await as('getPoll', { pollId }), await as('getItem', { itemId }));
      answers.push(await as('listReceipts', { pollId }));
      for (const b of ballots) answers.push(await as('checkReceipt', { pollId, receipt: b.receipt }));
    }
    answers.push(await as('listItems', { villageId: 'zhonghai', limit: 50 }));
    expect(answers.filter((a) => !(a as { ok: boolean }).ok).length).toBeLessThanOrEqual(
      // listReceipts of the open poll is refused; other villages' residents may not list 中海村.
      openid === OUTSIDER ? 2 : 1,
    );
    for (const answer of answers) expect(names(answer)).toEqual([]);
  });

  test('the published receipts of the closed poll are every ballot, with no voter', async () => {
    const published = data(await agendaAs(cloud, ADMIN)('listReceipts', { pollId: closed.pollId }));
    const expected = ballots
      .filter((b) => REP_VOTERS.includes(b.openid))
      .map((b) => ({ receiptHash: b.receiptHash, choices: b.choices }))
      .sort((x, y) => (x.receiptHash < y.receiptHash ? -1 : 1));
    expect(published.items).toEqual(expected);
    expect(names(published)).toEqual([]);
  });

  test('a voter learns only that they voted, not how anyone else did', async () => {
    const mine = data(await agendaAs(cloud, RESIDENT_VOTERS[0]!)('getPoll', { pollId: open.pollId }));
    expect(mine.mine).toEqual({ eligible: true, voted: true });
    const other = data(await agendaAs(cloud, demoResidentOpenid(199))('getPoll', { pollId: open.pollId }));
    expect(other.mine).toEqual({ eligible: true, voted: false });
    expect(other.outcome?.counts).toEqual({ o1: 6, o2: 6, o3: 6 });
  });
});

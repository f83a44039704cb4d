import {
  DEMO_RESIDENT_COUNT,
  DEMO_ZHONGHAI_RESIDENTS,
  demoResidentOpenid,
} from '../../../scripts/demo/identities';
import { data, useAppCloud } from '../../support/app-cloud';
import {
  ADMIN,
  agendaAs,
  APPROVAL_POLL,
  driveTo,
  inAnHour,
  newReceipt,
  REPS,
  RESIDENT,
  startAgendaCloud,
  TOWN_ADMIN,
} from '../../support/agenda';

const cloud = useAppCloud(startAgendaCloud);

const RUNS = 10;
const voters = Array.from({ length: DEMO_RESIDENT_COUNT }, (_v, i) => demoResidentOpenid(i + 1));
/** Every fifth demo resident sends a second, different ballot at the same moment as the first. */
const doubles = voters.filter((_v, i) => i % 5 === 0);
/** Residents 001–200 live in 中海村 and may vote; 201–300 live elsewhere and may not. */
const eligible = new Set(voters.slice(0, DEMO_ZHONGHAI_RESIDENTS));

describe('300 demo residents vote at once, 60 of them twice', () => {
  test.each(Array.from({ length: RUNS }, (_v, i) => i + 1))(
    'run %i: the tally is exactly the distinct eligible voters, every refusal says why',
    async (run) => {
      const { pollId } = await driveTo(cloud, 'deciding', {
        author: demoResidentOpenid(180 + run),
        poll: {
          eligibility: { kind: 'residents' },
          kind: 'single',
          options: ['同意修缮', '暂不修缮'],
        },
      });
      const attempts = [
        ...voters.map((v, i) => [v, i % 2 ? 'o1' : 'o2'] as const),
        ...doubles.map((v) => [v, 'o1'] as const),
      ];
      expect(attempts).toHaveLength(360);
      const results = await Promise.all(
        attempts.map(([openid, choice]) =>
          agendaAs(cloud, openid)('vote', { pollId: pollId!, choices: [choice], receipt: newReceipt() }),
        ),
      );

      const okBy = new Map<string, number>();
      const refused: Record<string, number> = {};
      results.forEach((r, i) => {
        const openid = attempts[i]![0];
        if (r.ok) okBy.set(openid, (okBy.get(openid) ?? 0) + 1);
        else refused[r.error.code] = (refused[r.error.code] ?? 0) + 1;
      });
      // One ballot per eligible voter, none for anyone else.
      expect([...okBy.keys()].sort()).toEqual([...eligible].sort());
      expect([...okBy.values()].every((n) => n === 1)).toBe(true);
      const eligibleDoubles = doubles.filter((v) => eligible.has(v)).length;
      expect(refused).toEqual({
        ALREADY_VOTED: eligibleDoubles,
        NOT_ELIGIBLE: DEMO_RESIDENT_COUNT - DEMO_ZHONGHAI_RESIDENTS + (doubles.length - eligibleDoubles),
      });

      // The counters, the ballots and the "voted" markers agree.
      const poll = data(await agendaAs(cloud, RESIDENT)('getPoll', { pollId: pollId! }));
      expect(poll.cast).toBe(eligible.size);
      expect(cloud.dump('ballots').filter((b) => b.pollId === pollId)).toHaveLength(eligible.size);
      expect(cloud.dump('pollVotes').filter((b) => b.pollId === pollId)).toHaveLength(eligible.size);
      data(await agendaAs(cloud, ADMIN)('closePoll', { pollId: pollId! }));
      const closed = data(await agendaAs(cloud, RESIDENT)('getPoll', { pollId: pollId! }));
      expect(closed.status).toBe('closed');
      const counts = closed.outcome!.counts;
      expect(counts.o1! + counts.o2!).toBe(eligible.size);
    },
  );
});

test('two admins open the same poll at the same moment: it opens once (the other is told, or helped it along); votes then count', async () => {
  const { itemId } = await driveTo(cloud, 'roundtable', { author: demoResidentOpenid(170) });
  const { pollId } = data(
    await agendaAs(cloud, ADMIN)('createPoll', { itemId, closesAt: inAnHour(), ...APPROVAL_POLL }),
  );
  const opened = await Promise.all([
    agendaAs(cloud, ADMIN)('openPoll', { pollId }),
    agendaAs(cloud, TOWN_ADMIN)('openPoll', { pollId }),
  ]);
  expect(opened.some((r) => r.ok)).toBe(true);
  for (const r of opened) if (!r.ok) expect(r.error.code).toBe('CONFLICT');
  const votes = await Promise.all(
    REPS.slice(0, 5).map((rep) =>
      agendaAs(cloud, rep)('vote', { pollId, choices: ['yes'], receipt: newReceipt() }),
    ),
  );
  expect(votes.every((v) => v.ok)).toBe(true);
  expect(data(await agendaAs(cloud, RESIDENT)('getPoll', { pollId })).cast).toBe(5);
  const timeline = data(await agendaAs(cloud, RESIDENT)('getItem', { itemId })).timeline;
  expect(timeline.filter((e) => e.what.startsWith('开始表决')).length).toBe(1);
});

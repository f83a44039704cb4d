import { createHash } from 'node:crypto';
import { SIX_STEPS, tallyDigestText } from '../../../core/agenda';
import { data, useAppCloud } from '../../support/app-cloud';
import { ADMIN, agendaAs, driveTo, NEIGHBOUR, RESIDENT, startAgendaCloud } from '../../support/agenda';

const cloud = useAppCloud(startAgendaCloud);

describe('a matter from 群众提事 to 办结', () => {
  test('goes through the six steps and closes with a public timeline of who did what, when', async () => {
    const { itemId, pollId } = await driveTo(cloud, 'supervising');
    data(await agendaAs(cloud, NEIGHBOUR)('giveVerdict', { itemId, verdict: 'confirm' }));
    data(await agendaAs(cloud, ADMIN)('advance', { itemId }));

    const item = data(await agendaAs(cloud, RESIDENT)('getItem', { itemId }));
    expect(item.step).toBe('closed');
    const steps = new Set(item.timeline.map((e) => e.step));
    for (const step of SIX_STEPS) expect(steps).toContain(step);
    expect(item.timeline[0]).toMatchObject({ step: 'raised', what: '提出事项', actorRole: '村民' });
    expect(item.timeline.at(-1)).toMatchObject({
      step: 'closed',
      what: '办结（1 人确认，0 人有异议）',
      actorRole: '村管理员',
    });
    expect(item.timeline.find((e) => e.step === 'doing')?.what).toMatch(
      /^表决通过（赞成 8 · 反对 0 · 弃权 0，投票 8\/15 人）/,
    );
    const times = item.timeline.map((e) => e.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(item.verdicts).toEqual({ confirm: 1, dispute: 0 });

    // The frozen result and its digest, recomputable from the published receipts.
    const poll = data(await agendaAs(cloud, RESIDENT)('getPoll', { pollId: pollId! }));
    expect(poll).toMatchObject({ status: 'closed', cast: 8, eligibleCount: 15 });
    expect(poll.outcome).toMatchObject({
      counts: { yes: 8, no: 0, abstain: 0 },
      quorumMet: true,
      passed: true,
    });
    const receipts = data(await agendaAs(cloud, RESIDENT)('listReceipts', { pollId: pollId! }));
    expect(receipts.items).toHaveLength(8);
    const recomputed = createHash('sha256').update(tallyDigestText(receipts.items)).digest('hex');
    expect(recomputed).toBe(poll.digest);
  });
});

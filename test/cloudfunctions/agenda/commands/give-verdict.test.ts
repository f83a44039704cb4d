import { demoResidentOpenid } from '../../../../scripts/demo/identities';
import { data, useAppCloud } from '../../../support/app-cloud';
import {
  ADMIN,
  agendaAs,
  driveTo,
  NEIGHBOUR,
  OUTSIDER,
  RESIDENT,
  startAgendaCloud,
} from '../../../support/agenda';
import { authors, nameOf, refuses, residentIdOf } from '../fixtures';

const cloud = useAppCloud(startAgendaCloud);

const nextAuthor = authors();
const as = (openid: string) => agendaAs(cloud, openid);
const supervising = async () => (await driveTo(cloud, 'supervising', { author: nextAuthor() })).itemId;
const verdictsOf = (itemId: string) => cloud.dump('agendaVerdicts').filter((v) => v.itemId === itemId);
const getItem = async (itemId: string, openid = NEIGHBOUR) => data(await as(openid)('getItem', { itemId }));

describe('giveVerdict (制度监事)', () => {
  test('a resident confirms the work: counted, and theirs; a confirmation is not on the timeline', async () => {
    const itemId = await supervising();
    const before = (await getItem(itemId)).timeline.length;
    expect(data(await as(RESIDENT)('giveVerdict', { itemId, verdict: 'confirm' }))).toEqual({
      confirm: 1,
      dispute: 0,
    });
    const item = await getItem(itemId, RESIDENT);
    expect(item.verdicts).toEqual({ confirm: 1, dispute: 0 });
    expect(item.mine.verdict).toBe('confirm');
    expect(item.timeline).toHaveLength(before);
    expect(verdictsOf(itemId)).toEqual([
      expect.objectContaining({
        _id: `${itemId}_${residentIdOf(RESIDENT)}`,
        verdict: 'confirm',
        reason: null,
      }),
    ]);
  });

  test('a resident disputes it with a reason: counted, and shown on the public timeline', async () => {
    const itemId = await supervising();
    expect(
      data(await as(RESIDENT)('giveVerdict', { itemId, verdict: 'dispute', reason: '井盖没有盖严' })),
    ).toEqual({
      confirm: 0,
      dispute: 1,
    });
    const item = await getItem(itemId);
    expect(item.verdicts).toEqual({ confirm: 0, dispute: 1 });
    expect(item.timeline.at(-1)).toMatchObject({
      step: 'supervising',
      what: '提出异议：井盖没有盖严',
      actorName: nameOf(cloud, RESIDENT),
      actorRole: '村民',
    });
  });

  test('a town-level group member of another village may give a verdict', async () => {
    const itemId = await supervising();
    data(await as('demo-leader-mediate')('giveVerdict', { itemId, verdict: 'confirm' }));
    expect((await getItem(itemId)).verdicts.confirm).toBe(1);
  });

  test('a dispute needs a reason', async () => {
    const itemId = await supervising();
    await refuses(
      cloud,
      () => as(RESIDENT)('giveVerdict', { itemId, verdict: 'dispute' }),
      'INVALID_INPUT',
      '提出异议时请写明理由',
    );
    await refuses(
      cloud,
      () => as(RESIDENT)('giveVerdict', { itemId, verdict: 'dispute', reason: ' ' }),
      'INVALID_INPUT',
      '请填写理由',
    );
    await refuses(
      cloud,
      () => as(RESIDENT)('giveVerdict', { itemId, verdict: 'maybe' }),
      'INVALID_INPUT',
      '评议格式不正确',
    );
  });

  test('one verdict per resident: a second one, either way, is a CONFLICT and counts nothing', async () => {
    const itemId = await supervising();
    data(await as(RESIDENT)('giveVerdict', { itemId, verdict: 'confirm' }));
    await refuses(
      cloud,
      () => as(RESIDENT)('giveVerdict', { itemId, verdict: 'confirm' }),
      'CONFLICT',
      '您已经评议过了',
    );
    await refuses(
      cloud,
      () => as(RESIDENT)('giveVerdict', { itemId, verdict: 'dispute', reason: '改变主意了' }),
      'CONFLICT',
      '您已经评议过了',
    );
    expect((await getItem(itemId)).verdicts).toEqual({ confirm: 1, dispute: 0 });
  });

  test('forty residents at once, twenty of them twice: the counts are exact', async () => {
    const itemId = await supervising();
    const people = Array.from({ length: 40 }, (_v, i) => demoResidentOpenid(20 + i));
    const calls = [...people, ...people.slice(0, 20)].map((openid, i) =>
      as(openid)(
        'giveVerdict',
        i % 3 === 0
          ? { itemId, verdict: 'dispute', reason: `第 ${i} 条异议` }
          : { itemId, verdict: 'confirm' },
      ),
    );
    const results = await Promise.all(calls);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(20);
    expect(refused.every((r) => !r.ok && r.error.code === 'CONFLICT')).toBe(true);
    const stored = verdictsOf(itemId);
    expect(stored).toHaveLength(40);
    const disputes = stored.filter((v) => v.verdict === 'dispute').length;
    const item = await getItem(itemId);
    expect(item.verdicts).toEqual({ confirm: 40 - disputes, dispute: disputes });
    expect(item.timeline.filter((e) => e.what.startsWith('提出异议'))).toHaveLength(disputes);
  });

  test.each(['doing', 'closed'] as const)('at %s it is WRONG_STEP', async (step) => {
    const { itemId } = await driveTo(cloud, step, { author: nextAuthor() });
    await refuses(cloud, () => as(RESIDENT)('giveVerdict', { itemId, verdict: 'confirm' }), 'WRONG_STEP');
  });

  test('a resident of another village is FORBIDDEN', async () => {
    const itemId = await supervising();
    await refuses(
      cloud,
      () => as(OUTSIDER)('giveVerdict', { itemId, verdict: 'dispute', reason: '不满意' }),
      'FORBIDDEN',
      '只能评议本村的事项',
    );
  });

  test('an unknown matter is NOT_FOUND', async () => {
    await refuses(
      cloud,
      () => as(RESIDENT)('giveVerdict', { itemId: 'i_none', verdict: 'confirm' }),
      'NOT_FOUND',
    );
  });

  test('the admin closes the matter with the counts and, after disputes, an answer', async () => {
    const itemId = await supervising();
    data(await as(RESIDENT)('giveVerdict', { itemId, verdict: 'confirm' }));
    data(await as(NEIGHBOUR)('giveVerdict', { itemId, verdict: 'dispute', reason: '护栏太矮' }));
    expect(await as(ADMIN)('advance', { itemId })).toMatchObject({
      error: { code: 'INVALID_INPUT', message: '有 1 条异议，请在说明中回应后再办结' },
    });
    data(await as(ADMIN)('advance', { itemId, note: '护栏已加高到一米二' }));
    const item = await getItem(itemId);
    expect(item.step).toBe('closed');
    expect(item.timeline.at(-1)?.what).toBe('办结（1 人确认，1 人有异议）：护栏已加高到一米二');
  });
});

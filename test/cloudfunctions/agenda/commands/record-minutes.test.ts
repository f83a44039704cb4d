import { data } from '../../../support/app-cloud';
import { ADMIN, driveTo, NEIGHBOUR, TOWN_ADMIN } from '../../../support/agenda';
import { refuses, WUXING_ADMIN } from '../fixtures';
import { useRoundtableScene } from '../scenes/roundtable';

const { cloud, nextAuthor, as } = useRoundtableScene();

describe('recordMinutes', () => {
  const MINUTES = '经协商，同意用村集体资金修缮水井，下周提交村民代表表决。';

  test('the village admin records the minutes: on the round table and on the timeline', async () => {
    const { itemId } = await driveTo(cloud, 'roundtable', { author: nextAuthor() });
    expect(data(await as(ADMIN)('recordMinutes', { itemId, minutes: MINUTES }))).toEqual({ itemId });
    const item = data(await as(NEIGHBOUR)('getItem', { itemId }));
    expect(item.roundtable).toMatchObject({ place: '村委会议室', minutes: MINUTES });
    expect(item.roundtable!.participants).toHaveLength(2);
    expect(item.step).toBe('roundtable');
    expect(item.timeline.at(-1)).toMatchObject({
      step: 'roundtable',
      what: '记录会议纪要',
      actorRole: '村管理员',
    });
  });

  test('recording again replaces the minutes', async () => {
    const { itemId } = await driveTo(cloud, 'roundtable', { author: nextAuthor() });
    data(await as(ADMIN)('recordMinutes', { itemId, minutes: '初稿' }));
    data(await as(TOWN_ADMIN)('recordMinutes', { itemId, minutes: MINUTES }));
    expect(data(await as(NEIGHBOUR)('getItem', { itemId })).roundtable?.minutes).toBe(MINUTES);
  });

  test.each(['consulting', 'deciding'] as const)('at %s it is WRONG_STEP', async (step) => {
    const { itemId } = await driveTo(cloud, step, { author: nextAuthor() });
    await refuses(cloud, () => as(ADMIN)('recordMinutes', { itemId, minutes: MINUTES }), 'WRONG_STEP');
  });

  test("a resident and another village's admin are FORBIDDEN", async () => {
    const { itemId } = await driveTo(cloud, 'roundtable', { author: nextAuthor() });
    await refuses(cloud, () => as(NEIGHBOUR)('recordMinutes', { itemId, minutes: MINUTES }), 'FORBIDDEN');
    await refuses(
      cloud,
      () => as(WUXING_ADMIN)('recordMinutes', { itemId, minutes: MINUTES }),
      'FORBIDDEN',
      '只有本村管理员可以办理这一步',
    );
  });

  test.each([
    ['empty minutes', '', '请填写会议纪要'],
    ['minutes of 2001 characters', '记'.repeat(2001), '会议纪要最多 2000 个字'],
  ])('%s are INVALID_INPUT', async (_what, minutes, message) => {
    const { itemId } = await driveTo(cloud, 'roundtable', { author: nextAuthor() });
    await refuses(cloud, () => as(ADMIN)('recordMinutes', { itemId, minutes }), 'INVALID_INPUT', message);
  });
});

import { data, refuses } from '../../../support/app-cloud';
import { BRIEFING, OUTSIDER, POLICY_LEADER, published, RESIDENT } from '../../../support/briefings';
import { usePublishingScene } from '../scenes/publishing';

const { cloud, as, doc } = usePublishingScene();

describe('withdraw', () => {
  test('hides the briefing with its reason; a second withdraw is a CONFLICT', async () => {
    const id = await published(cloud);
    data(await as(POLICY_LEADER)('withdraw', { briefingId: id, reason: '补贴标准有调整，另行发布' }));
    expect(doc(id)).toMatchObject({ status: 'withdrawn', withdrawReason: '补贴标准有调整，另行发布' });
    const page = data(await as(RESIDENT)('get', { briefingId: id }));
    expect(page).toMatchObject({
      status: 'withdrawn',
      withdrawReason: '补贴标准有调整，另行发布',
      nodes: null,
      speech: null,
    });
    await refuses(
      cloud,
      () => as(POLICY_LEADER)('withdraw', { briefingId: id, reason: '再撤一次' }),
      'CONFLICT',
    );
  });

  test('a withdrawn briefing can no longer be edited', async () => {
    const id = await published(cloud);
    data(await as(POLICY_LEADER)('withdraw', { briefingId: id, reason: '内容过时' }));
    await refuses(
      cloud,
      () => as(POLICY_LEADER)('edit', { ...BRIEFING, briefingId: id, version: 1 }),
      'CONFLICT',
    );
  });

  test.each([
    ['a resident', RESIDENT, 'FORBIDDEN'],
    ['a resident of another village', OUTSIDER, 'FORBIDDEN'],
  ])('refused: %s', async (_who, openid, code) => {
    const id = await published(cloud);
    await refuses(cloud, () => as(openid)('withdraw', { briefingId: id, reason: '不想看到' }), code);
  });

  test('a reason is required', async () => {
    const id = await published(cloud);
    await refuses(
      cloud,
      () => as(POLICY_LEADER)('withdraw', { briefingId: id, reason: '' }),
      'INVALID_INPUT',
      '请填写撤回原因',
    );
  });
});

import { data, refuses } from '../../../support/app-cloud';
import { BRIEFING, POLICY_LEADER, published, RESIDENT, UNBOUND } from '../../../support/briefings';
import { useReadingScene } from '../scenes/reading';

const { cloud, as } = useReadingScene();

describe('get', () => {
  test('the page carries safe nodes, the text to read aloud, and no Markdown for a reader', async () => {
    const id = await published(cloud);
    const page = data(await as(RESIDENT)('get', { briefingId: id }));
    expect(page.nodes?.length).toBeGreaterThan(0);
    expect(page.speech).toContain('拥有承包耕地的农户');
    expect(page.speech).not.toContain('**');
    expect(page.body).toBeNull();
    expect(page).toMatchObject({
      canManage: false,
      canLearn: true,
      learned: false,
      authorName: expect.any(String),
    });
    const mine = data(await as(POLICY_LEADER)('get', { briefingId: id }));
    expect(mine).toMatchObject({ canManage: true, body: BRIEFING.body });
  });

  test('a visitor who is not bound reads a town briefing but cannot mark it learned', async () => {
    const id = await published(cloud);
    expect(data(await as(UNBOUND)('get', { briefingId: id }))).toMatchObject({
      canLearn: false,
      learned: false,
    });
  });

  test('a briefing that does not exist is NOT_FOUND', async () => {
    await refuses(cloud, () => as(RESIDENT)('get', { briefingId: 'b_nothing' }), 'NOT_FOUND');
  });
});

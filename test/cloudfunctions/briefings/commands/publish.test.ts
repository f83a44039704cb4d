import { data, refuses } from '../../../support/app-cloud';
import {
  BRIEFING,
  CONSULT_LEADER,
  POLICY_LEADER,
  published,
  RESIDENT,
  TOWN_ADMIN,
  UNBOUND,
  VILLAGE_ADMIN,
} from '../../../support/briefings';
import { usePublishingScene } from '../scenes/publishing';

const { cloud, as, doc, versionsOf, ZHONGHAI, WUXING, VILLAGE_POLICY_LEADER } = usePublishingScene();

describe('publish: who may publish where', () => {
  test.each([
    ['the town 政策解读组 组长, to the town', POLICY_LEADER, { kind: 'town' }],
    ['the town 政策解读组 组长, to a village', POLICY_LEADER, WUXING],
    ['the town admin, to the town', TOWN_ADMIN, { kind: 'town' }],
    ['a village admin, to their village', VILLAGE_ADMIN, ZHONGHAI],
    ['a village 政策解读组 组长, to their village', VILLAGE_POLICY_LEADER, ZHONGHAI],
  ])('%s', async (_who, openid, scope) => {
    const { briefingId, version } = data(await as(openid)('publish', { ...BRIEFING, scope }));
    expect(version).toBe(1);
    const stored = doc(briefingId);
    expect(stored).toMatchObject({
      title: BRIEFING.title,
      status: 'published',
      version: 1,
      learnedCount: 0,
      scope: scope.kind === 'town' ? 'town' : (scope as typeof ZHONGHAI).villageId,
      authorOpenid: openid,
    });
    expect(versionsOf(briefingId)).toHaveLength(1);
  });

  test.each([
    ['a resident', RESIDENT, { kind: 'town' }, 'FORBIDDEN'],
    ['a visitor who is not bound', UNBOUND, { kind: 'town' }, 'NOT_BOUND'],
    ['another group’s 组长', CONSULT_LEADER, { kind: 'town' }, 'FORBIDDEN'],
    ['a village admin, to the town', VILLAGE_ADMIN, { kind: 'town' }, 'FORBIDDEN'],
    ['a village admin, to another village', VILLAGE_ADMIN, WUXING, 'FORBIDDEN'],
    ['a village 政策解读组 组长, to the town', VILLAGE_POLICY_LEADER, { kind: 'town' }, 'FORBIDDEN'],
  ])('refused: %s', async (_who, openid, scope, code) => {
    await refuses(cloud, () => as(openid)('publish', { ...BRIEFING, scope }), code);
  });

  test('no identity at all is UNAUTHENTICATED', async () => {
    await refuses(cloud, () => as(null)('publish', BRIEFING), 'UNAUTHENTICATED');
  });
});

describe('publish: validation', () => {
  test.each([
    ['a short title', { title: '补贴' }, '标题至少 4 个字'],
    ['a long title', { title: '补'.repeat(41) }, '标题最多 40 个字'],
    ['a summary over 120 characters', { summary: '说'.repeat(121) }, '摘要最多 120 个字'],
    ['a body over 20000 characters', { body: '文'.repeat(20_001) }, '正文最多 20000 个字'],
    ['an unknown category', { categoryId: 'lottery' }, '请选择宣讲分类'],
    ['a village that does not exist', { scope: { kind: 'village', villageId: 'atlantis' } }, '没有这个村'],
    [
      'an attachment that is not a cloud file',
      { attachments: [{ fileId: 'https://evil.example/x.pdf', name: '通知' }] },
      '附件必须是云存储文件',
    ],
    [
      'ten attachments',
      {
        attachments: Array.from({ length: 10 }, (_v, i) => ({
          fileId: `cloud://env.b/f${i}.pdf`,
          name: `附件${i}`,
        })),
      },
      '附件最多 9 个',
    ],
    [
      'a disclosure that ends before it starts',
      { disclosure: { startsAt: Date.UTC(2026, 10, 20), endsAt: Date.UTC(2026, 10, 10) } },
      '公示结束时间要晚于开始时间',
    ],
    ['a scope of the wrong shape', { scope: { kind: 'county' } }, '发布范围格式不正确'],
  ])('refused: %s', async (_what, change, message) => {
    await refuses(
      cloud,
      () => as(POLICY_LEADER)('publish', { ...BRIEFING, ...change }),
      'INVALID_INPUT',
      message,
    );
  });

  test('risky words anywhere in the text are CONTENT_REJECTED and nothing is stored', async () => {
    await refuses(
      cloud,
      () => as(POLICY_LEADER)('publish', { ...BRIEFING, body: `${BRIEFING.body}\n\n欢迎参与六合彩` }),
      'CONTENT_REJECTED',
    );
  });

  test('a risky word far into a long body is still found (the check is made in pieces)', async () => {
    const body = `${'政策宣讲内容。'.repeat(800)}\n\n赌博`;
    await refuses(cloud, () => as(POLICY_LEADER)('publish', { ...BRIEFING, body }), 'CONTENT_REJECTED');
  });

  test('a hidden category takes no new briefings', async () => {
    data(
      await as(TOWN_ADMIN)('saveCategory', {
        categoryId: 'oldnews',
        name: '往期通知',
        order: 90,
        hidden: true,
      }),
    );
    await refuses(
      cloud,
      () => as(POLICY_LEADER)('publish', { ...BRIEFING, categoryId: 'oldnews' }),
      'INVALID_INPUT',
      '请选择宣讲分类',
    );
  });

  test('the body is stored as Markdown and as safe nodes; raw HTML stays text', async () => {
    const id = await published(cloud, POLICY_LEADER, {
      body: '正文第一段<script>alert(1)</script>\n\n[点我](javascript:alert(1))',
    });
    const nodes = JSON.stringify(doc(id).nodes);
    expect(nodes).not.toMatch(/"name":"script"/);
    expect(nodes).not.toMatch(/javascript:/i);
    expect(nodes).toContain('<script>alert(1)</script>');
  });
});

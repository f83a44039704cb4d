import { demoResidentOpenid } from '../../../scripts/demo/identities';
import { NO_ROLES, type Roles } from '../../../core/roles';
import { caller, data, refuses, useAppCloud } from '../../support/app-cloud';
import {
  BRIEFING,
  briefingsAs,
  CONSULT_LEADER,
  OUTSIDER,
  POLICY_LEADER,
  published,
  RESIDENT,
  TOWN_ADMIN,
  UNBOUND,
  VILLAGE_ADMIN,
} from '../../support/briefings';

const cloud = useAppCloud();

const as = (openid: string | null) => briefingsAs(cloud, openid);
const doc = (id: string) => cloud.dump('briefings').find((b) => b._id === id)!;
const versionsOf = (id: string) => cloud.dump('briefingVersions').filter((v) => v.briefingId === id);
const ZHONGHAI = { kind: 'village', villageId: 'zhonghai' };
const WUXING = { kind: 'village', villageId: 'wuxing' };

/** A 中海村 resident made the village's 政策解读组 组长 by the town admin. */
const VILLAGE_POLICY_LEADER = demoResidentOpenid(150);
beforeAll(async () => {
  const roles: Roles = { ...NO_ROLES, groups: [{ group: 'policy', level: 'village', position: 'leader' }] };
  data(await caller(cloud, 'members', TOWN_ADMIN)('setRoles', { residentId: 'r_resident_150', roles }));
});

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

describe('edit keeps a version history', () => {
  test('an edit stores version 2 and keeps version 1 as it was', async () => {
    const id = await published(cloud);
    const res = data(
      await as(POLICY_LEADER)('edit', {
        ...BRIEFING,
        briefingId: id,
        version: 1,
        title: '耕地地力保护补贴发放说明（修订）',
      }),
    );
    expect(res.version).toBe(2);
    expect(doc(id)).toMatchObject({ version: 2, title: '耕地地力保护补贴发放说明（修订）' });
    const versions = versionsOf(id).sort((a, b) => (a.version as number) - (b.version as number));
    expect(versions.map((v) => [v.version, v.title])).toEqual([
      [1, BRIEFING.title],
      [2, '耕地地力保护补贴发放说明（修订）'],
    ]);
    const listed = data(await as(RESIDENT)('listVersions', { briefingId: id })).versions;
    expect(listed.map((v) => v.version)).toEqual([2, 1]);
    const first = data(await as(RESIDENT)('getVersion', { briefingId: id, version: 1 }));
    expect(first.title).toBe(BRIEFING.title);
  });

  test('an edit from a stale version is a CONFLICT and changes nothing', async () => {
    const id = await published(cloud);
    data(
      await as(POLICY_LEADER)('edit', {
        ...BRIEFING,
        briefingId: id,
        version: 1,
        summary: '第一位编辑修改了摘要内容。',
      }),
    );
    await refuses(
      cloud,
      () =>
        as(TOWN_ADMIN)('edit', {
          ...BRIEFING,
          briefingId: id,
          version: 1,
          summary: '第二位编辑基于旧版本修改。',
        }),
      'CONFLICT',
      '这篇宣讲刚被别人修改过，请刷新后再改',
    );
  });

  test('two editors saving from the same version at once: one wins, the other is a CONFLICT', async () => {
    const id = await published(cloud);
    const answers = await Promise.all(
      [POLICY_LEADER, TOWN_ADMIN, POLICY_LEADER, TOWN_ADMIN].map((editor, i) =>
        as(editor)('edit', {
          ...BRIEFING,
          briefingId: id,
          version: 1,
          summary: `第${i + 1}位编辑同时修改了摘要。`,
        }),
      ),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    for (const a of answers.filter((x) => !x.ok)) {
      expect(a).toEqual({
        ok: false,
        error: { code: 'CONFLICT', message: '这篇宣讲刚被别人修改过，请刷新后再改' },
      });
    }
    expect(doc(id).version).toBe(2);
    expect(versionsOf(id)).toHaveLength(2);
  });

  test('removing the disclosure period and the attachments in an edit removes them', async () => {
    const id = await published(cloud, POLICY_LEADER, {
      disclosure: { startsAt: Date.UTC(2026, 10, 1), endsAt: Date.UTC(2026, 10, 8) },
      attachments: [{ fileId: 'cloud://tongxin.b/名单.pdf', name: '补贴名单' }],
    });
    data(
      await as(POLICY_LEADER)('edit', {
        ...BRIEFING,
        briefingId: id,
        version: 1,
        disclosure: null,
        attachments: [],
      }),
    );
    expect(doc(id)).toMatchObject({ disclosure: null, isDisclosure: false, attachments: [] });
  });

  test.each([
    ['a resident', RESIDENT, 'FORBIDDEN'],
    ['a village admin, over a town briefing', VILLAGE_ADMIN, 'FORBIDDEN'],
  ])('refused: %s', async (_who, openid, code) => {
    const id = await published(cloud);
    await refuses(cloud, () => as(openid)('edit', { ...BRIEFING, briefingId: id, version: 1 }), code);
  });

  test('a village admin may not move their village’s briefing to the whole town', async () => {
    const id = await published(cloud, VILLAGE_ADMIN, { scope: ZHONGHAI });
    await refuses(
      cloud,
      () => as(VILLAGE_ADMIN)('edit', { ...BRIEFING, briefingId: id, version: 1, scope: { kind: 'town' } }),
      'FORBIDDEN',
    );
  });

  test('editing a briefing that does not exist is NOT_FOUND', async () => {
    await refuses(
      cloud,
      () => as(POLICY_LEADER)('edit', { ...BRIEFING, briefingId: 'b_missing', version: 1 }),
      'NOT_FOUND',
    );
  });
});

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

describe('categories are data', () => {
  test('the six seeded categories are listed in order', async () => {
    const { categories } = data(await as(UNBOUND)('listCategories'));
    expect(categories.slice(0, 6).map((c) => c.name)).toEqual([
      '惠农政策',
      '产业扶贫',
      '医疗养老',
      '教育',
      '法治宣传',
      '技术培训',
    ]);
  });

  test('a town admin adds one, and it takes briefings at once', async () => {
    data(
      await as(TOWN_ADMIN)('saveCategory', {
        categoryId: 'zhufang',
        name: '住房保障',
        order: 7,
        hidden: false,
      }),
    );
    const id = await published(cloud, POLICY_LEADER, { categoryId: 'zhufang' });
    expect(data(await as(RESIDENT)('get', { briefingId: id })).categoryName).toBe('住房保障');
  });

  test('only a town admin may change categories', async () => {
    await refuses(
      cloud,
      () => as(POLICY_LEADER)('saveCategory', { categoryId: 'x1', name: '其他', order: 8, hidden: false }),
      'FORBIDDEN',
    );
  });
});

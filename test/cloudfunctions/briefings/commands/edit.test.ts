import { data, refuses } from '../../../support/app-cloud';
import {
  BRIEFING,
  POLICY_LEADER,
  published,
  RESIDENT,
  TOWN_ADMIN,
  VILLAGE_ADMIN,
} from '../../../support/briefings';
import { usePublishingScene } from '../scenes/publishing';

const { cloud, as, doc, versionsOf, ZHONGHAI } = usePublishingScene();

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

import { ITEM_BODY_MAX, ITEM_TITLE_MAX, type AgendaOutput, type ItemSummary } from '../../../core/agenda';
import { DAY_MS } from '../../../core/time';
import { data, digest, useAppCloud } from '../../support/app-cloud';
import {
  ADMIN,
  agendaAs,
  CONSULT_LEADER,
  driveTo,
  ITEM,
  NEIGHBOUR,
  OUTSIDER,
  RESIDENT,
  startAgendaCloud,
  TOWN_ADMIN,
  UNBOUND,
} from '../../support/agenda';
import {
  authors,
  awayFromWindowEdge,
  makeWuxingAdmin,
  nameOf,
  refuses,
  residentIdOf,
  voteAndClose,
  WUXING_ADMIN,
} from './fixtures';

const cloud = useAppCloud(startAgendaCloud);
beforeAll(async () => {
  await makeWuxingAdmin(cloud);
});

const nextAuthor = authors();
const as = (openid: string | null) => agendaAs(cloud, openid);
const items = () => cloud.dump('agendaItems');
const itemDoc = (itemId: string) => items().find((i) => i._id === itemId)!;
/** Raises a matter as a fresh author; returns its summary. */
const raised = async (input: { title: string; body: string } = ITEM, author = nextAuthor()) =>
  data(await as(author)('raise', input)).item;
const HELD_BODY = '村口老水井的事情比较复杂，有意见的可以加微信详细说。';

describe('raise (群众提事)', () => {
  test('a resident raises a matter of their own village: open, at 群众提事, with its first timeline entry', async () => {
    const author = nextAuthor();
    const res = data(await as(author)('raise', ITEM));
    expect(res.held).toBe(false);
    expect(res.item).toMatchObject({
      villageId: 'zhonghai',
      villageName: '中海村',
      title: ITEM.title,
      step: 'raised',
      status: 'open',
      authorName: nameOf(cloud, author),
      supportCount: 0,
      commentCount: 0,
    });
    expect(itemDoc(res.item.itemId)).toMatchObject({
      authorResidentId: residentIdOf(author),
      authorOpenid: author,
      body: ITEM.body,
    });
    const item = data(await as(NEIGHBOUR)('getItem', { itemId: res.item.itemId }));
    expect(item.body).toBe(ITEM.body);
    expect(item.timeline).toEqual([
      {
        step: 'raised',
        at: res.item.createdAt,
        actorName: nameOf(cloud, author),
        actorRole: '村民',
        what: '提出事项',
      },
    ]);
  });

  test('title and body are stored trimmed', async () => {
    const item = await raised({ title: `  ${ITEM.title}  `, body: `\n${ITEM.body}\n` });
    expect(itemDoc(item.itemId)).toMatchObject({ title: ITEM.title, body: ITEM.body });
  });

  test('the longest title and body are accepted', async () => {
    const item = await raised({ title: '井'.repeat(ITEM_TITLE_MAX), body: '水'.repeat(ITEM_BODY_MAX) });
    expect(itemDoc(item.itemId).title).toHaveLength(ITEM_TITLE_MAX);
  });

  test.each([
    ['a title of 3 characters', { title: '修水井' }, '标题至少 4 个字'],
    ['a title that is too short once trimmed', { title: '  水井  ' }, '标题至少 4 个字'],
    ['a title of 41 characters', { title: '井'.repeat(ITEM_TITLE_MAX + 1) }, '标题最多 40 个字'],
    ['a body of 9 characters', { body: '井'.repeat(9) }, '请把事情说清楚（至少 10 个字）'],
    ['a body of 1001 characters', { body: '水'.repeat(ITEM_BODY_MAX + 1) }, '内容最多 1000 个字'],
    ['a title that is not text', { title: 42 }, '标题格式不正确'],
    ['no body', { body: undefined }, '内容格式不正确'],
  ])('%s is INVALID_INPUT with the Chinese reason, and nothing is stored', async (_what, change, message) => {
    await refuses(cloud, () => as(nextAuthor())('raise', { ...ITEM, ...change }), 'INVALID_INPUT', message);
  });

  test.each([
    ['title', { title: '村里有人赌博' }],
    ['body', { body: '晚上祠堂里有人聚众赌博，影响很坏，请处理。' }],
  ])('risky words in the %s are CONTENT_REJECTED and no item is stored', async (_where, change) => {
    const before = items().length;
    expect(await as(nextAuthor())('raise', { ...ITEM, ...change })).toEqual({
      ok: false,
      error: { code: 'CONTENT_REJECTED', message: '标题或内容含有不允许的内容，请修改后再提交' },
    });
    expect(items()).toHaveLength(before);
  });

  test('text the check wants a person to see is held: only its author and the admins see it', async () => {
    const author = nextAuthor();
    const res = data(await as(author)('raise', { title: '水井维修', body: HELD_BODY }));
    expect(res).toMatchObject({ held: true, item: { status: 'held' } });
    expect(itemDoc(res.item.itemId).status).toBe('held');
    const listed = async (openid: string) =>
      data(await as(openid)('listItems', { step: 'raised', limit: 50 })).items.map((i) => i.itemId);
    expect(await listed(author)).toContain(res.item.itemId);
    expect(await listed(ADMIN)).toContain(res.item.itemId);
    expect(await listed(NEIGHBOUR)).not.toContain(res.item.itemId);
    expect(data(await as(author)('getItem', { itemId: res.item.itemId })).status).toBe('held');
    expect(data(await as(ADMIN)('getItem', { itemId: res.item.itemId })).status).toBe('held');
    expect(await as(NEIGHBOUR)('getItem', { itemId: res.item.itemId })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '没有找到这件事项' },
    });
    expect(await as(CONSULT_LEADER)('getItem', { itemId: res.item.itemId })).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
  });

  test('the fourth matter of a day is RATE_LIMITED, stores nothing, and other residents may still raise', async () => {
    await awayFromWindowEdge(DAY_MS);
    const author = nextAuthor();
    for (let i = 0; i < 3; i++) data(await as(author)('raise', ITEM));
    const before = items().length;
    expect(await as(author)('raise', ITEM)).toEqual({
      ok: false,
      error: { code: 'RATE_LIMITED', message: '每天最多提 3 件事，请明天再提' },
    });
    expect(items()).toHaveLength(before);
    expect(items().filter((i) => i.authorOpenid === author)).toHaveLength(3);
    data(await as(nextAuthor())('raise', ITEM));
  });

  test('an unbound WeChat user is NOT_BOUND', async () => {
    await refuses(cloud, () => as(UNBOUND)('raise', ITEM), 'NOT_BOUND', '请先在“我的”页面绑定村民身份');
  });

  test('a call without a WeChat identity is UNAUTHENTICATED', async () => {
    await refuses(cloud, () => as(null)('raise', ITEM), 'UNAUTHENTICATED', '请在微信小程序中打开');
  });
});

describe('moderate (审核)', () => {
  const heldItem = async () => {
    const author = nextAuthor();
    const { item } = data(await as(author)('raise', { title: '水井维修', body: HELD_BODY }));
    return { itemId: item.itemId, author };
  };

  test('the village admin releases a held item: everyone sees it, and the timeline says so', async () => {
    const { itemId } = await heldItem();
    expect(data(await as(ADMIN)('moderate', { itemId, approve: true }))).toEqual({ itemId, status: 'open' });
    const item = data(await as(NEIGHBOUR)('getItem', { itemId }));
    expect(item.status).toBe('open');
    expect(item.timeline.at(-1)).toMatchObject({ what: '审核通过，公开事项', actorRole: '村管理员' });
    const listed = data(await as(NEIGHBOUR)('listItems', { step: 'raised', limit: 50 })).items;
    expect(listed.map((i) => i.itemId)).toContain(itemId);
  });

  test('the village admin refuses a held item with a reason: only the author still sees it, with the reason', async () => {
    const { itemId, author } = await heldItem();
    expect(
      data(await as(ADMIN)('moderate', { itemId, approve: false, reason: '含有联系方式，请删除后重新提交' })),
    ).toEqual({ itemId, status: 'rejected' });
    const mine = data(await as(author)('getItem', { itemId }));
    expect(mine.status).toBe('rejected');
    expect(mine.timeline.at(-1)?.what).toBe('不予公开：含有联系方式，请删除后重新提交');
    expect(itemDoc(itemId).moderation).toEqual({ reason: '含有联系方式，请删除后重新提交' });
    expect(await as(NEIGHBOUR)('getItem', { itemId })).toMatchObject({ error: { code: 'NOT_FOUND' } });
    // Refused matters are left out of every list, the author's included.
    for (const openid of [author, ADMIN]) {
      const listed = data(await as(openid)('listItems', { limit: 50 })).items.map((i) => i.itemId);
      expect(listed).not.toContain(itemId);
    }
  });

  test('the town admin may moderate too', async () => {
    const { itemId } = await heldItem();
    expect(data(await as(TOWN_ADMIN)('moderate', { itemId, approve: true })).status).toBe('open');
  });

  test('refusing needs a reason', async () => {
    const { itemId } = await heldItem();
    await refuses(
      cloud,
      () => as(ADMIN)('moderate', { itemId, approve: false }),
      'INVALID_INPUT',
      '请写明不公开的原因',
    );
    await refuses(
      cloud,
      () => as(ADMIN)('moderate', { itemId, approve: false, reason: ' ' }),
      'INVALID_INPUT',
      '请填写原因',
    );
  });

  test('a resident may not moderate (FORBIDDEN), not even the author', async () => {
    const { itemId, author } = await heldItem();
    for (const openid of [author, NEIGHBOUR, CONSULT_LEADER]) {
      await refuses(cloud, () => as(openid)('moderate', { itemId, approve: true }), 'FORBIDDEN');
    }
  });

  test("another village's admin is FORBIDDEN on an open item and does not even find a held one", async () => {
    const open = await raised();
    await refuses(
      cloud,
      () => as(WUXING_ADMIN)('moderate', { itemId: open.itemId, approve: true }),
      'FORBIDDEN',
      '只有本村管理员可以办理这一步',
    );
    const { itemId } = await heldItem();
    await refuses(
      cloud,
      () => as(WUXING_ADMIN)('moderate', { itemId, approve: true }),
      'NOT_FOUND',
      '没有找到这件事项',
    );
  });

  test('an item that is not held is a CONFLICT, also when moderated a second time', async () => {
    const open = await raised();
    await refuses(
      cloud,
      () => as(ADMIN)('moderate', { itemId: open.itemId, approve: true }),
      'CONFLICT',
      '这件事项不需要审核',
    );
    const { itemId } = await heldItem();
    data(await as(ADMIN)('moderate', { itemId, approve: true }));
    await refuses(
      cloud,
      () => as(ADMIN)('moderate', { itemId, approve: false, reason: '改主意了' }),
      'CONFLICT',
      '这件事项不需要审核',
    );
  });
});

describe('merge (合并重复事项)', () => {
  const pair = async () => {
    const from = await raised({ title: '村口水井要修', body: '村口水井井壁开裂，希望尽快修好。' });
    const into = await raised({ title: '修缮村口老水井', body: ITEM.body });
    return { from: from.itemId, into: into.itemId };
  };
  const REASON = '与“修缮村口老水井”是同一件事';

  test('the village admin merges a duplicate: the reason shows on both, the duplicate leaves the list', async () => {
    const { from, into } = await pair();
    expect(data(await as(ADMIN)('merge', { itemId: from, intoItemId: into, reason: REASON }))).toEqual({
      itemId: into,
    });
    const merged = data(await as(NEIGHBOUR)('getItem', { itemId: from }));
    expect(merged.status).toBe('merged');
    expect(merged.mergedInto).toEqual({ itemId: into, title: '修缮村口老水井', reason: REASON });
    expect(merged.timeline.at(-1)).toMatchObject({
      step: 'raised',
      what: `合并到“修缮村口老水井”：${REASON}`,
      actorRole: '村管理员',
    });
    const kept = data(await as(NEIGHBOUR)('getItem', { itemId: into }));
    expect(kept.status).toBe('open');
    expect(kept.mergedFrom).toEqual([{ itemId: from, title: '村口水井要修', reason: REASON }]);
    expect(kept.timeline.at(-1)?.what).toBe(`合并了“村口水井要修”：${REASON}`);
    const listed = data(await as(NEIGHBOUR)('listItems', { limit: 50 })).items.map((i) => i.itemId);
    expect(listed).not.toContain(from);
    expect(listed).toContain(into);
    expect(
      cloud.dump('auditLog').filter((a) => a.action === 'merge' && a.target === `agendaItems/${from}`),
    ).toHaveLength(1);
  });

  test('a leader of the 协商议事组 may merge', async () => {
    const { from, into } = await pair();
    data(await as(CONSULT_LEADER)('merge', { itemId: from, intoItemId: into, reason: REASON }));
    const merged = data(await as(NEIGHBOUR)('getItem', { itemId: from }));
    expect(merged.status).toBe('merged');
    expect(merged.timeline.at(-1)?.actorRole).toBe('协商议事组组长（镇级）');
  });

  test('a plain resident, the author included, is FORBIDDEN', async () => {
    const author = nextAuthor();
    const from = (await raised(ITEM, author)).itemId;
    const into = (await raised()).itemId;
    for (const openid of [author, NEIGHBOUR]) {
      await refuses(
        cloud,
        () => as(openid)('merge', { itemId: from, intoItemId: into, reason: REASON }),
        'FORBIDDEN',
        '只有村管理员或协商议事组组长可以合并事项',
      );
    }
  });

  test("another village's admin is FORBIDDEN", async () => {
    const { from, into } = await pair();
    await refuses(
      cloud,
      () => as(WUXING_ADMIN)('merge', { itemId: from, intoItemId: into, reason: REASON }),
      'FORBIDDEN',
    );
  });

  test('a matter of another village is a CONFLICT', async () => {
    const from = (await raised()).itemId;
    const into = data(await as(OUTSIDER)('raise', ITEM)).item.itemId;
    await refuses(
      cloud,
      () => as(ADMIN)('merge', { itemId: from, intoItemId: into, reason: REASON }),
      'CONFLICT',
      '只能合并同一个村的事项',
    );
  });

  test('merging an item into itself is a CONFLICT', async () => {
    const { itemId } = await raised();
    await refuses(
      cloud,
      () => as(ADMIN)('merge', { itemId, intoItemId: itemId, reason: REASON }),
      'CONFLICT',
      '不能合并到同一件事项',
    );
  });

  test('a duplicate past 征求论事, a target past 会议定事 and an already merged item are WRONG_STEP', async () => {
    const early = await raised();
    const atRoundtable = await driveTo(cloud, 'roundtable', { author: nextAuthor() });
    await refuses(
      cloud,
      () => as(ADMIN)('merge', { itemId: atRoundtable.itemId, intoItemId: early.itemId, reason: REASON }),
      'WRONG_STEP',
      '这件事项现在处于“圆桌议事”，不能进行这个操作',
    );
    const doing = await driveTo(cloud, 'doing', { author: nextAuthor() });
    await refuses(
      cloud,
      () => as(ADMIN)('merge', { itemId: early.itemId, intoItemId: doing.itemId, reason: REASON }),
      'WRONG_STEP',
      '这件事项现在处于“集中办事”，不能进行这个操作',
    );
    const { from, into } = await pair();
    data(await as(ADMIN)('merge', { itemId: from, intoItemId: into, reason: REASON }));
    await refuses(
      cloud,
      () => as(ADMIN)('merge', { itemId: from, intoItemId: early.itemId, reason: REASON }),
      'WRONG_STEP',
      '这件事项已合并到其他事项',
    );
  });

  test('the target may be at 圆桌议事 or 会议定事', async () => {
    const deciding = await driveTo(cloud, 'deciding', { author: nextAuthor() });
    const { itemId } = await raised();
    data(await as(ADMIN)('merge', { itemId, intoItemId: deciding.itemId, reason: REASON }));
    expect(data(await as(ADMIN)('getItem', { itemId: deciding.itemId })).mergedFrom).toHaveLength(1);
  });

  test('a merge needs a reason, and both items must exist', async () => {
    const { from, into } = await pair();
    await refuses(
      cloud,
      () => as(ADMIN)('merge', { itemId: from, intoItemId: into, reason: '' }),
      'INVALID_INPUT',
      '请填写合并原因',
    );
    await refuses(
      cloud,
      () => as(ADMIN)('merge', { itemId: from, intoItemId: 'i_nothing', reason: REASON }),
      'NOT_FOUND',
      '没有找到这件事项',
    );
  });
});

describe('advance (moving a matter on)', () => {
  const admin = () => as(ADMIN);
  const last = async (itemId: string) => data(await as(NEIGHBOUR)('getItem', { itemId })).timeline.at(-1)!;

  test('群众提事 → 征求论事', async () => {
    const { itemId } = await raised();
    expect(data(await admin()('advance', { itemId }))).toEqual({ step: 'consulting' });
    expect(itemDoc(itemId).step).toBe('consulting');
    expect(await last(itemId)).toMatchObject({
      step: 'consulting',
      what: '开始征求意见',
      actorName: nameOf(cloud, ADMIN),
      actorRole: '村管理员',
    });
  });

  test('the town admin may move any village’s matter on', async () => {
    const { itemId } = await raised();
    expect(data(await as(TOWN_ADMIN)('advance', { itemId }))).toEqual({ step: 'consulting' });
    expect((await last(itemId)).actorRole).toBe('镇管理员');
  });

  test('会议定事 does not end while the poll is open', async () => {
    const { itemId } = await driveTo(cloud, 'deciding', { author: nextAuthor() });
    await refuses(
      cloud,
      () => admin()('advance', { itemId }),
      'WRONG_STEP',
      '表决还没有结束，计票完成后才能进入下一步',
    );
  });

  test('会议定事 → 集中办事 once the poll is frozen and passed, with the result on the timeline', async () => {
    const { itemId, pollId } = await driveTo(cloud, 'deciding', { author: nextAuthor() });
    await voteAndClose(cloud, pollId!, 8);
    expect(data(await admin()('advance', { itemId }))).toEqual({ step: 'doing' });
    expect(await last(itemId)).toMatchObject({
      step: 'doing',
      what: '表决通过（赞成 8 · 反对 0 · 弃权 0，投票 8/15 人），进入集中办事',
    });
  });

  test('会议定事 → 办结 when the poll failed', async () => {
    const { itemId, pollId } = await driveTo(cloud, 'deciding', { author: nextAuthor() });
    await voteAndClose(cloud, pollId!, 3, 5);
    expect(data(await admin()('advance', { itemId }))).toEqual({ step: 'closed' });
    expect(await last(itemId)).toMatchObject({
      step: 'closed',
      what: '表决未通过（赞成 3 · 反对 5 · 弃权 0，投票 8/15 人），事项办结',
    });
  });

  test('集中办事 needs tasks, and every task done, before 制度监事', async () => {
    const { itemId, pollId } = await driveTo(cloud, 'deciding', { author: nextAuthor() });
    await voteAndClose(cloud, pollId!, 8);
    data(await admin()('advance', { itemId }));
    await refuses(cloud, () => admin()('advance', { itemId }), 'WRONG_STEP', '请先把决定落实成任务');

    const doing = await driveTo(cloud, 'doing', { author: nextAuthor() });
    await refuses(
      cloud,
      () => admin()('advance', { itemId: doing.itemId }),
      'WRONG_STEP',
      '还有任务没有完成，全部完成后才能进入制度监事',
    );
    data(await as(NEIGHBOUR)('updateTask', { taskId: doing.taskId!, progress: 99, note: '只差加盖了' }));
    await refuses(cloud, () => admin()('advance', { itemId: doing.itemId }), 'WRONG_STEP');
  });

  test('集中办事 → 制度监事 when every task is at 100%', async () => {
    const { itemId, taskId } = await driveTo(cloud, 'doing', { author: nextAuthor() });
    data(await as(NEIGHBOUR)('updateTask', { taskId: taskId!, progress: 100, note: '井壁已修好并加盖' }));
    expect(data(await admin()('advance', { itemId }))).toEqual({ step: 'supervising' });
    expect(await last(itemId)).toMatchObject({ step: 'supervising', what: '任务全部完成，请村民评议' });
  });

  test('制度监事 → 办结, with the verdict counts and the admin’s note', async () => {
    const { itemId } = await driveTo(cloud, 'supervising', { author: nextAuthor() });
    data(await as(NEIGHBOUR)('giveVerdict', { itemId, verdict: 'confirm' }));
    expect(data(await admin()('advance', { itemId, note: '感谢大家监督' }))).toEqual({ step: 'closed' });
    expect(await last(itemId)).toMatchObject({
      step: 'closed',
      what: '办结（1 人确认，0 人有异议）：感谢大家监督',
    });
  });

  test('closing after a dispute needs the admin’s answer in the note', async () => {
    const { itemId } = await driveTo(cloud, 'supervising', { author: nextAuthor() });
    data(await as(RESIDENT)('giveVerdict', { itemId, verdict: 'dispute', reason: '井盖没有盖严' }));
    await refuses(
      cloud,
      () => admin()('advance', { itemId }),
      'INVALID_INPUT',
      '有 1 条异议，请在说明中回应后再办结',
    );
    data(await admin()('advance', { itemId, note: '已重新加固井盖' }));
    expect(await last(itemId)).toMatchObject({
      step: 'closed',
      what: '办结（0 人确认，1 人有异议）：已重新加固井盖',
    });
  });

  test.each([
    ['consulting', '征求论事'],
    ['roundtable', '圆桌议事'],
    ['closed', '已办结'],
  ] as const)('from %s a plain advance is WRONG_STEP', async (step, label) => {
    const { itemId } = await driveTo(cloud, step, { author: nextAuthor() });
    await refuses(
      cloud,
      () => admin()('advance', { itemId }),
      'WRONG_STEP',
      `这件事项现在处于“${label}”，不能进行这个操作`,
    );
  });

  test('a held item does not move', async () => {
    const { item } = data(await as(nextAuthor())('raise', { title: '水井维修', body: HELD_BODY }));
    await refuses(cloud, () => admin()('advance', { itemId: item.itemId }), 'WRONG_STEP', '这件事项还未公开');
  });

  test("a resident and another village's admin are FORBIDDEN", async () => {
    const author = nextAuthor();
    const { itemId } = await raised(ITEM, author);
    for (const openid of [author, CONSULT_LEADER]) {
      await refuses(cloud, () => as(openid)('advance', { itemId }), 'FORBIDDEN', '您没有进行此操作的权限');
    }
    await refuses(
      cloud,
      () => as(WUXING_ADMIN)('advance', { itemId }),
      'FORBIDDEN',
      '只有本村管理员可以办理这一步',
    );
  });

  test('a note must say something, and an unknown item is NOT_FOUND', async () => {
    const { itemId } = await raised();
    await refuses(cloud, () => admin()('advance', { itemId, note: '好' }), 'INVALID_INPUT', '请填写说明');
    await refuses(cloud, () => admin()('advance', { itemId: 'i_missing' }), 'NOT_FOUND');
  });
});

describe('listItems', () => {
  const all = async (openid: string, input: Record<string, unknown> = {}) => {
    const out: ItemSummary[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 100; page++) {
      const res: AgendaOutput['listItems'] = data(
        await as(openid)('listItems', { ...input, limit: 7, ...(cursor ? { cursor } : {}) }),
      );
      out.push(...res.items);
      if (!res.nextCursor) return out;
      cursor = res.nextCursor;
    }
    throw new Error('too many pages');
  };

  test('pages through every visible item of the village exactly once, newest activity first', async () => {
    for (let i = 0; i < 3; i++) await raised();
    const seen = await all(NEIGHBOUR);
    const ids = seen.map((i) => i.itemId);
    const expected = items()
      .filter((i) => i.villageId === 'zhonghai' && i.status === 'open')
      .map((i) => i._id as string);
    expect(expected.length).toBeGreaterThan(14);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...expected].sort());
    const order = seen.map((i) => [i.updatedAt, i.itemId] as const);
    const sorted = [...order].sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? 1 : -1));
    expect(order).toEqual(sorted);
  });

  test('the step filter lists only that step', async () => {
    const { itemId } = await driveTo(cloud, 'consulting', { author: nextAuthor() });
    const listed = data(await as(NEIGHBOUR)('listItems', { step: 'consulting', limit: 50 })).items;
    expect(listed.map((i) => i.itemId)).toContain(itemId);
    expect(listed.every((i) => i.step === 'consulting')).toBe(true);
    const open = items().filter(
      (i) => i.villageId === 'zhonghai' && i.status === 'open' && i.step === 'consulting',
    );
    expect(listed).toHaveLength(open.length);
  });

  test('mine lists only the caller’s items, held ones included', async () => {
    const author = nextAuthor();
    const first = await raised(ITEM, author);
    const held = data(await as(author)('raise', { title: '水井维修', body: HELD_BODY })).item;
    await raised();
    const listed = data(await as(author)('listItems', { mine: true })).items.map((i) => i.itemId);
    expect(listed.sort()).toEqual([first.itemId, held.itemId].sort());
    expect(data(await as(NEIGHBOUR)('listItems', { mine: true })).items).toEqual([]);
  });

  test('a resident of another village sees only their village, and is FORBIDDEN to ask for 中海村', async () => {
    const theirs = data(
      await as(OUTSIDER)('raise', { title: '五星村修路', body: '五星村进村道路坑洼，请修一修。' }),
    ).item;
    const listed = data(await as(OUTSIDER)('listItems', { limit: 50 })).items;
    expect(listed.map((i) => i.itemId)).toContain(theirs.itemId);
    expect(listed.every((i) => i.villageId === 'wuxing')).toBe(true);
    await refuses(
      cloud,
      () => as(OUTSIDER)('listItems', { villageId: 'zhonghai' }),
      'FORBIDDEN',
      '只能查看本村的事项',
    );
    const ours = data(await as(NEIGHBOUR)('listItems', { limit: 50 })).items;
    expect(ours.map((i) => i.itemId)).not.toContain(theirs.itemId);
  });

  test('the town admin and town-level group leaders may pass a villageId; the town admin sees held items', async () => {
    const held = data(await as(nextAuthor())('raise', { title: '水井维修', body: HELD_BODY })).item;
    const byTown = await all(TOWN_ADMIN, { villageId: 'zhonghai' });
    expect(byTown.map((i) => i.itemId)).toContain(held.itemId);
    expect(byTown.every((i) => i.villageId === 'zhonghai')).toBe(true);
    // Without a villageId: their own village (迤那社区), where nothing was raised.
    expect(data(await as(TOWN_ADMIN)('listItems', {})).items).toEqual([]);
    const byLeader = await all('demo-leader-mediate', { villageId: 'zhonghai' });
    expect(byLeader.length).toBeGreaterThan(0);
    expect(byLeader.map((i) => i.itemId)).not.toContain(held.itemId);
  });

  test.each([
    ['a cursor that is not one', { cursor: 'not-a-cursor' }, '分页参数无效，请刷新后重试'],
    [
      'a cursor of the wrong shape',
      { cursor: Buffer.from('{"a":1}').toString('base64url') },
      '分页参数无效，请刷新后重试',
    ],
    ['a page of 51', { limit: 51 }, '每页最多 50 条'],
    ['an unknown step', { step: 'finished' }, '步骤格式不正确'],
  ])('%s is INVALID_INPUT', async (_what, input, message) => {
    await refuses(cloud, () => as(NEIGHBOUR)('listItems', input), 'INVALID_INPUT', message);
  });
});

describe('getItem', () => {
  test('an unknown item is NOT_FOUND, a malformed id INVALID_INPUT', async () => {
    await refuses(
      cloud,
      () => as(NEIGHBOUR)('getItem', { itemId: 'i_unknown' }),
      'NOT_FOUND',
      '没有找到这件事项',
    );
    await refuses(cloud, () => as(NEIGHBOUR)('getItem', { itemId: 'a b' }), 'INVALID_INPUT', '编号无效');
  });

  test('mine says who may manage and merge', async () => {
    const { itemId } = await raised();
    const mine = async (openid: string) => data(await as(openid)('getItem', { itemId })).mine;
    expect(await mine(NEIGHBOUR)).toEqual({
      supported: false,
      verdict: null,
      canManage: false,
      canMerge: false,
    });
    expect(await mine(ADMIN)).toMatchObject({ canManage: true, canMerge: true });
    expect(await mine(TOWN_ADMIN)).toMatchObject({ canManage: true, canMerge: true });
    expect(await mine(CONSULT_LEADER)).toMatchObject({ canManage: false, canMerge: true });
    expect(await mine(WUXING_ADMIN)).toMatchObject({ canManage: false, canMerge: false });
  });

  test('mine.supported follows the caller’s support, and only theirs', async () => {
    const { itemId } = await raised();
    data(await as(NEIGHBOUR)('support', { itemId }));
    expect(data(await as(NEIGHBOUR)('getItem', { itemId })).mine.supported).toBe(true);
    expect(data(await as(RESIDENT)('getItem', { itemId })).mine.supported).toBe(false);
  });

  test('mine.verdict is the caller’s verdict, and only theirs', async () => {
    const { itemId } = await driveTo(cloud, 'supervising', { author: nextAuthor() });
    data(await as(NEIGHBOUR)('giveVerdict', { itemId, verdict: 'confirm' }));
    expect(data(await as(NEIGHBOUR)('getItem', { itemId })).mine.verdict).toBe('confirm');
    expect(data(await as(RESIDENT)('getItem', { itemId })).mine.verdict).toBeNull();
  });

  test('a matter at 集中办事 shows its round table, poll and tasks', async () => {
    const { itemId, pollId, taskId } = await driveTo(cloud, 'doing', { author: nextAuthor() });
    const item = data(await as(NEIGHBOUR)('getItem', { itemId }));
    expect(item.pollId).toBe(pollId);
    expect(item.roundtable?.participants.map((p) => p.residentId)).toEqual(
      expect.arrayContaining(['r_leader_consult', 'r_leader_mediate']),
    );
    expect(item.tasks).toEqual([
      expect.objectContaining({ taskId, ownerId: 'r_resident_002', progress: 0, notes: [] }),
    ]);
  });
});

describe('who may call what', () => {
  const ADMIN_ACTIONS = [
    'moderate',
    'advance',
    'scheduleRoundtable',
    'recordMinutes',
    'createPoll',
    'openPoll',
    'closePoll',
    'addTask',
  ] as const;
  const RESIDENT_ACTIONS = [
    'listItems',
    'getItem',
    'raise',
    'comment',
    'listComments',
    'support',
    'merge',
    'getPoll',
    'checkReceipt',
    'listReceipts',
    'updateTask',
    'giveVerdict',
  ] as const;

  test.each(ADMIN_ACTIONS)(
    '%s: a resident is FORBIDDEN and an unbound user NOT_BOUND, before input is read',
    async (action) => {
      await refuses(cloud, () => as(RESIDENT)(action, {}), 'FORBIDDEN', '您没有进行此操作的权限');
      await refuses(cloud, () => as(UNBOUND)(action, {}), 'NOT_BOUND');
    },
  );

  test.each(RESIDENT_ACTIONS)('%s: an unbound user is NOT_BOUND', async (action) => {
    await refuses(cloud, () => as(UNBOUND)(action, {}), 'NOT_BOUND');
  });

  test.each([...ADMIN_ACTIONS, ...RESIDENT_ACTIONS, 'vote'] as const)(
    '%s: no WeChat identity is UNAUTHENTICATED',
    async (action) => {
      await refuses(cloud, () => as(null)(action, {}), 'UNAUTHENTICATED');
    },
  );

  test('an unknown or missing action is INVALID_INPUT', async () => {
    const before = digest(cloud);
    expect(await cloud.call('agenda', { action: 'deleteEverything' }, { openid: ADMIN })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '不支持的操作' },
    });
    expect(await cloud.call('agenda', {}, { openid: ADMIN })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '缺少操作类型' },
    });
    expect(digest(cloud)).toBe(before);
  });
});

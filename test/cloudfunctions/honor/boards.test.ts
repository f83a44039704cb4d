import { monthOf } from '../../../core/honor';
import { data, refuses, useAppCloud } from '../../support/app-cloud';
import {
  ADMIN,
  honorAs,
  NEIGHBOUR,
  OUTSIDER,
  publishedBoard,
  RESIDENT,
  residentIdOf,
  monthSequence,
  startHonorCloud,
  TOWN_ADMIN,
} from '../../support/honor';

const cloud = useAppCloud(startHonorCloud);

const as = (openid: string) => honorAs(cloud, openid);
const board = (id: string) => cloud.dump('honorBoards').find((b) => b._id === id)!;
const nextMonth = monthSequence();

async function draft(): Promise<string> {
  const { boardId } = data(await as(ADMIN)('createBoard', { month: nextMonth() }));
  data(
    await as(ADMIN)('addEntry', {
      boardId,
      residentId: residentIdOf(RESIDENT),
      list: 'red',
      reasonCode: 'XL-1',
    }),
  );
  return boardId;
}

describe('drafting', () => {
  test('one board per village and month', async () => {
    const month = nextMonth();
    data(await as(ADMIN)('createBoard', { month }));
    await refuses(cloud, () => as(ADMIN)('createBoard', { month }), 'CONFLICT', '这个月的红黑榜已经建好了');
  });

  test('no board for a future month', async () => {
    await refuses(
      cloud,
      () => as(ADMIN)('createBoard', { month: '2099-01' }),
      'INVALID_INPUT',
      '不能为以后的月份建榜',
    );
  });

  test('a household is on a board once', async () => {
    const boardId = await draft();
    await refuses(
      cloud,
      () =>
        as(ADMIN)('addEntry', {
          boardId,
          residentId: residentIdOf(RESIDENT),
          list: 'red',
          reasonCode: 'XL-1',
        }),
      'CONFLICT',
      '这一户已经在本期榜单上',
    );
  });

  test.each([
    [
      'a black-list rule on the red list',
      { list: 'red', reasonCode: 'HJ-2' },
      '请选择本村村规民约中的红榜条目',
    ],
    ['an unknown rule', { list: 'black', reasonCode: 'NOPE' }, '请选择本村村规民约中的黑榜条目'],
    ['a reward on the black list', { list: 'black', reasonCode: 'HJ-2', reward: '一袋米' }, '黑榜没有奖励'],
    ['a resident of another village', { residentId: residentIdOf(OUTSIDER) }, '这位村民不在本村'],
  ])('refused: %s', async (_what, change, message) => {
    const boardId = await draft();
    await refuses(
      cloud,
      () =>
        as(ADMIN)('addEntry', {
          boardId,
          residentId: residentIdOf(NEIGHBOUR),
          list: 'red',
          reasonCode: 'XL-1',
          ...change,
        }),
      'INVALID_INPUT',
      message,
    );
  });

  test('a resident cannot draft; another village’s admin cannot touch this one', async () => {
    await refuses(cloud, () => as(RESIDENT)('createBoard', { month: nextMonth() }), 'FORBIDDEN');
    await refuses(
      cloud,
      () => as(ADMIN)('createBoard', { villageId: 'wuxing', month: nextMonth() }),
      'FORBIDDEN',
    );
  });

  test('an entry can be removed while the board is a draft', async () => {
    const boardId = await draft();
    const entryId = (board(boardId).entries as { entryId: string }[])[0]!.entryId;
    data(await as(ADMIN)('removeEntry', { boardId, entryId }));
    expect(board(boardId).entries).toEqual([]);
  });
});

describe('review and publication', () => {
  test('an empty draft cannot be submitted', async () => {
    const { boardId } = data(await as(ADMIN)('createBoard', { month: nextMonth() }));
    await refuses(cloud, () => as(ADMIN)('submitBoard', { boardId }), 'CONFLICT', '榜单上还没有任何一户');
  });

  test('the admin who drafted it cannot approve it', async () => {
    const boardId = await draft();
    data(await as(ADMIN)('submitBoard', { boardId }));
    await refuses(cloud, () => as(ADMIN)('approveBoard', { boardId }), 'FORBIDDEN');
  });

  test('a draft cannot be approved before it is submitted', async () => {
    const boardId = await draft();
    await refuses(cloud, () => as(TOWN_ADMIN)('approveBoard', { boardId }), 'CONFLICT');
  });

  test('a second admin approves: published, with a 3-month restriction for each black-list household', async () => {
    const { boardId } = await publishedBoard(cloud, nextMonth());
    expect(board(boardId)).toMatchObject({ status: 'published', review: { kind: 'admin' } });
    const restrictions = cloud.dump('honorRestrictions').filter((r) => r.boardId === boardId);
    expect(restrictions).toHaveLength(1);
    const r = restrictions[0]!;
    const months =
      (new Date(r.endsAt as Date).getTime() - new Date(r.startsAt as Date).getTime()) / 86_400_000;
    expect(months).toBeGreaterThanOrEqual(89);
    expect(months).toBeLessThanOrEqual(92);
  });

  test('or the 村民代表大会’s vote is recorded with its date, which publishes it', async () => {
    const boardId = await draft();
    data(await as(ADMIN)('submitBoard', { boardId }));
    const date = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    data(await as(ADMIN)('recordAssembly', { boardId, date }));
    expect(board(boardId)).toMatchObject({ status: 'published', review: { kind: 'assembly', date } });
  });

  test('an assembly date in the future is refused', async () => {
    const boardId = await draft();
    data(await as(ADMIN)('submitBoard', { boardId }));
    await refuses(cloud, () => as(ADMIN)('recordAssembly', { boardId, date: '2099-01-01' }), 'INVALID_INPUT');
  });

  test('the reviewer can send it back to draft with a reason', async () => {
    const boardId = await draft();
    data(await as(ADMIN)('submitBoard', { boardId }));
    data(await as(TOWN_ADMIN)('returnBoard', { boardId, reason: '请补充说明' }));
    expect(board(boardId)).toMatchObject({ status: 'draft', returnedReason: '请补充说明' });
  });

  test('a published board is immutable: no entry added, removed, resubmitted or approved again', async () => {
    const { boardId, blackEntry } = await publishedBoard(cloud, nextMonth());
    await refuses(
      cloud,
      () =>
        as(ADMIN)('addEntry', {
          boardId,
          residentId: residentIdOf('demo-resident-003'),
          list: 'red',
          reasonCode: 'XL-1',
        }),
      'CONFLICT',
      '只有草稿可以修改',
    );
    await refuses(cloud, () => as(ADMIN)('removeEntry', { boardId, entryId: blackEntry }), 'CONFLICT');
    await refuses(cloud, () => as(ADMIN)('submitBoard', { boardId }), 'CONFLICT');
    await refuses(cloud, () => as(TOWN_ADMIN)('approveBoard', { boardId }), 'CONFLICT');
  });

  test('a correction shows beside the original entry, which is kept, and lifts the restriction', async () => {
    const { boardId, blackEntry } = await publishedBoard(cloud, nextMonth());
    data(await as(ADMIN)('addCorrection', { boardId, entryId: blackEntry, reason: '核实后系邻户所为' }));
    const view = data(await as(RESIDENT)('getBoard', { boardId }));
    const entry = view.entries.find((e) => e.entryId === blackEntry)!;
    expect(entry.correction?.reason).toBe('核实后系邻户所为');
    expect(entry.reasonTitle).toBe('乱倒垃圾，屡教不改');
    const r = cloud.dump('honorRestrictions').find((x) => x.boardId === boardId)!;
    expect(r.liftedAt).not.toBeNull();
    await refuses(
      cloud,
      () => as(ADMIN)('addCorrection', { boardId, entryId: blackEntry, reason: '再更正一次' }),
      'CONFLICT',
    );
  });
});

describe('who sees what', () => {
  test('residents see published boards only; drafts are NOT_FOUND to them', async () => {
    const boardId = await draft();
    await refuses(cloud, () => as(RESIDENT)('getBoard', { boardId }), 'NOT_FOUND');
    const listed = data(await as(RESIDENT)('listBoards', {})).boards.map((b) => b.boardId);
    expect(listed).not.toContain(boardId);
    expect(data(await as(ADMIN)('listBoards', {})).boards.map((b) => b.boardId)).toContain(boardId);
  });

  test('another village’s residents do not see the board', async () => {
    const { boardId } = await publishedBoard(cloud, nextMonth());
    await refuses(cloud, () => as(OUTSIDER)('getBoard', { boardId }), 'NOT_FOUND');
  });

  test('black-list names are masked by default, red-list names in full; the household sees its own', async () => {
    const { boardId, blackEntry } = await publishedBoard(cloud, nextMonth());
    const stored = board(boardId).entries as { entryId: string; name: string; list: string }[];
    const blackName = stored.find((e) => e.entryId === blackEntry)!.name;
    const redName = stored.find((e) => e.list === 'red')!.name;
    const seen = data(await as('demo-resident-003')('getBoard', { boardId })).entries;
    expect(seen.find((e) => e.list === 'red')!.name).toBe(redName);
    const masked = seen.find((e) => e.entryId === blackEntry)!.name;
    expect(masked).not.toBe(blackName);
    expect(masked).toMatch(/\*/);
    expect(
      data(await as(NEIGHBOUR)('getBoard', { boardId })).entries.find((e) => e.entryId === blackEntry)!.name,
    ).toBe(blackName);
  });

  test('a village that shows names in full shows them', async () => {
    const { boardId, blackEntry } = await publishedBoard(cloud, nextMonth());
    data(await as(ADMIN)('saveSettings', { maskBlackNames: false }));
    const name = (board(boardId).entries as { entryId: string; name: string }[]).find(
      (e) => e.entryId === blackEntry,
    )!.name;
    expect(
      data(await as('demo-resident-003')('getBoard', { boardId })).entries.find(
        (e) => e.entryId === blackEntry,
      )!.name,
    ).toBe(name);
    data(await as(ADMIN)('saveSettings', { maskBlackNames: true }));
  });

  test('the board of this month exists for drafting now', () => {
    expect(monthOf(Date.now())).toMatch(/^\d{4}-\d{2}$/);
  });
});

import { DAY_MS } from '../../../core/time';
import { data, refuses } from '../../support/app-cloud';
import { ADMIN, NEIGHBOUR, publishedBoard, RESIDENT, TOWN_ADMIN } from '../../support/honor';
import { useAppealsScene } from './scenes/appeals';

const { cloud, as, nextMonth, restrictionOf, ms, clockAt, REASON } = useAppealsScene();

describe('resolving an appeal', () => {
  test('revoked: a correction shows beside the entry, the restriction lifts, the household sees it all', async () => {
    // A household on no other board, so that its standing shows this board's restriction alone.
    const household = 'demo-resident-040';
    const { boardId, blackEntry } = await publishedBoard(cloud, nextMonth(), household);
    const { appealId } = data(await as(household)('appeal', { boardId, entryId: blackEntry, text: REASON }));
    expect(data(await as(household)('myStanding')).restricted).not.toBeNull();
    data(await as(ADMIN)('resolveAppeal', { appealId, outcome: 'revoked', reason: '经核实，邻居作证属实' }));

    const entry = data(await as(RESIDENT)('getBoard', { boardId })).entries.find(
      (e) => e.entryId === blackEntry,
    )!;
    expect(entry.correction?.reason).toBe('申诉成立：经核实，邻居作证属实');
    expect(restrictionOf(boardId).liftedAt).not.toBeNull();
    const standing = data(await as(household)('myStanding'));
    expect(standing.restricted).toBeNull();
    const mine = standing.entries.find((e) => e.boardId === boardId)!;
    expect(mine.appeal).toMatchObject({ status: 'revoked', resolution: { reason: '经核实，邻居作证属实' } });
    expect(mine.restriction?.state).toBe('lifted');
    expect(mine.canAppeal).toBe(false);
  });

  test('upheld: the entry and the restriction stand', async () => {
    const { boardId, blackEntry } = await publishedBoard(cloud, nextMonth());
    const { appealId } = data(await as(NEIGHBOUR)('appeal', { boardId, entryId: blackEntry, text: REASON }));
    data(await as(ADMIN)('resolveAppeal', { appealId, outcome: 'upheld', reason: '有监控记录为证' }));
    expect(restrictionOf(boardId).liftedAt).toBeNull();
    const entry = data(await as(RESIDENT)('getBoard', { boardId })).entries.find(
      (e) => e.entryId === blackEntry,
    )!;
    expect(entry.correction).toBeNull();
    await refuses(
      cloud,
      () => as(TOWN_ADMIN)('resolveAppeal', { appealId, outcome: 'revoked', reason: '改判' }),
      'CONFLICT',
      '这条申诉已经处理过了',
    );
  });

  test('the admins see the open appeals with their entries; a resident may not', async () => {
    const household = 'demo-resident-041';
    const { boardId, blackEntry } = await publishedBoard(cloud, nextMonth(), household);
    const { appealId } = data(await as(household)('appeal', { boardId, entryId: blackEntry, text: REASON }));
    const open = data(await as(ADMIN)('listAppeals', {})).appeals.find((a) => a.appealId === appealId)!;
    expect(open).toMatchObject({ boardId, text: REASON, entry: { entryId: blackEntry, list: 'black' } });
    expect(open.entry.name).not.toMatch(/\*/);
    await refuses(cloud, () => as(RESIDENT)('listAppeals', {}), 'FORBIDDEN');
  });

  test('only an admin of the village resolves', async () => {
    const { boardId, blackEntry } = await publishedBoard(cloud, nextMonth());
    const { appealId } = data(await as(NEIGHBOUR)('appeal', { boardId, entryId: blackEntry, text: REASON }));
    await refuses(
      cloud,
      () => as(RESIDENT)('resolveAppeal', { appealId, outcome: 'revoked', reason: '我说了算' }),
      'FORBIDDEN',
    );
  });
});

describe('the restriction', () => {
  test('lifts by itself at exactly 3 months', async () => {
    const { boardId } = await publishedBoard(cloud, nextMonth());
    const r = restrictionOf(boardId);
    const published = ms(r.startsAt);
    const endsAt = ms(r.endsAt);
    // Three calendar months, China time: between 89 and 92 days.
    expect((endsAt - published) / DAY_MS).toBeGreaterThanOrEqual(89);
    clockAt(endsAt - 2000);
    expect(data(await as(NEIGHBOUR)('myStanding')).restricted?.until).toBe(endsAt);
    clockAt(endsAt + 200);
    const after = data(await as(NEIGHBOUR)('myStanding'));
    expect(after.restricted).toBeNull();
    expect(after.entries.find((e) => e.boardId === boardId)!.restriction?.state).toBe('expired');
  });

  test('a re-assessment can lift it early, or keep it', async () => {
    const { boardId } = await publishedBoard(cloud, nextMonth());
    const restrictionId = restrictionOf(boardId)._id as string;
    expect(
      data(await as(ADMIN)('reassess', { restrictionId, outcome: 'kept', note: '仍有乱倒现象' })).state,
    ).toBe('active');
    expect(restrictionOf(boardId).liftedAt).toBeNull();
    expect(
      data(await as(ADMIN)('reassess', { restrictionId, outcome: 'lifted', note: '已整改，主动清理河道' }))
        .state,
    ).toBe('lifted');
    expect(restrictionOf(boardId).reassessments).toHaveLength(2);
    await refuses(
      cloud,
      () => as(ADMIN)('reassess', { restrictionId, outcome: 'lifted', note: '再解除一次' }),
      'CONFLICT',
      '这条限制已经解除',
    );
  });

  test('a household with no entries is not restricted', async () => {
    const standing = data(await as('demo-resident-150')('myStanding'));
    expect(standing).toMatchObject({ restricted: null, entries: [] });
  });
});

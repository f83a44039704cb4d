import { appealDeadline } from '../../../../core/honor';
import { data, refuses } from '../../../support/app-cloud';
import { NEIGHBOUR, OUTSIDER, publishedBoard, RESIDENT } from '../../../support/honor';
import { useAppealsScene } from '../scenes/appeals';

const { cloud, as, nextMonth, ms, clockAt, REASON } = useAppealsScene();

describe('appeal', () => {
  test('the black-listed household appeals once, within the window', async () => {
    const { boardId, blackEntry } = await publishedBoard(cloud, nextMonth());
    const { appealId } = data(await as(NEIGHBOUR)('appeal', { boardId, entryId: blackEntry, text: REASON }));
    expect(cloud.dump('honorAppeals').find((a) => a._id === appealId)).toMatchObject({
      status: 'open',
      text: REASON,
    });
    await refuses(
      cloud,
      () => as(NEIGHBOUR)('appeal', { boardId, entryId: blackEntry, text: REASON }),
      'CONFLICT',
      '这条记录已经申诉过了',
    );
  });

  test('another household cannot appeal for it', async () => {
    const { boardId, blackEntry } = await publishedBoard(cloud, nextMonth());
    await refuses(
      cloud,
      () => as(RESIDENT)('appeal', { boardId, entryId: blackEntry, text: REASON }),
      'FORBIDDEN',
    );
    await refuses(
      cloud,
      () => as(OUTSIDER)('appeal', { boardId, entryId: blackEntry, text: REASON }),
      'NOT_FOUND',
    );
  });

  test('a red-list entry needs no appeal', async () => {
    const { boardId } = await publishedBoard(cloud, nextMonth());
    const red = data(await as(RESIDENT)('getBoard', { boardId })).entries.find((e) => e.list === 'red')!;
    await refuses(
      cloud,
      () => as(RESIDENT)('appeal', { boardId, entryId: red.entryId, text: REASON }),
      'CONFLICT',
    );
  });

  test('the window closes at the end of the 15th day after publication', async () => {
    const { boardId, blackEntry } = await publishedBoard(cloud, nextMonth());
    const published = ms(cloud.dump('honorBoards').find((b) => b._id === boardId)!.publishedAt);
    clockAt(appealDeadline(published) + 1000);
    await refuses(
      cloud,
      () => as(NEIGHBOUR)('appeal', { boardId, entryId: blackEntry, text: REASON }),
      'CONFLICT',
      '已超过 15 天申诉期',
    );
    clockAt(appealDeadline(published) - 5000);
    data(await as(NEIGHBOUR)('appeal', { boardId, entryId: blackEntry, text: REASON }));
  });
});

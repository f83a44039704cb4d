import { appealDeadline } from '../../../../core/honor';
import { data, refuses, useAppCloud } from '../../../support/app-cloud';
import {
  honorAs,
  NEIGHBOUR,
  OUTSIDER,
  publishedBoard,
  RESIDENT,
  monthSequence,
  startHonorCloud,
} from '../../../support/honor';

const cloud = useAppCloud(startHonorCloud);
afterEach(() => cloud.setClockOffset(0));

const as = (openid: string) => honorAs(cloud, openid);
const nextMonth = monthSequence();
const ms = (d: unknown) => new Date(d as Date).getTime();
/** Moves the functions' clock so that their "now" is `at` (give or take the few ms a call takes). */
const clockAt = (at: number) => cloud.setClockOffset(at - Date.now());

const REASON = '那天我家在外地走亲戚，垃圾不是我家倒的，有邻居可以作证。';

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

import { useAppCloud } from '../../../support/app-cloud';
import { honorAs, monthSequence, startHonorCloud } from '../../../support/honor';

/** The cloud and helpers of the appeal suites; each test's clock offset is undone after it. */
export function useAppealsScene() {
  const cloud = useAppCloud(startHonorCloud);
  afterEach(() => cloud.setClockOffset(0));

  const as = (openid: string) => honorAs(cloud, openid);
  const nextMonth = monthSequence();
  const restrictionOf = (boardId: string) =>
    cloud.dump('honorRestrictions').find((r) => r.boardId === boardId)!;
  const ms = (d: unknown) => new Date(d as Date).getTime();
  /** Moves the functions' clock so that their "now" is `at` (give or take the few ms a call takes). */
  const clockAt = (at: number) => cloud.setClockOffset(at - Date.now());

  const REASON = '那天我家在外地走亲戚，垃圾不是我家倒的，有邻居可以作证。';
  return { cloud, as, nextMonth, restrictionOf, ms, clockAt, REASON };
}

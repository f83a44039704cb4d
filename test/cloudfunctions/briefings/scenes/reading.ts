import { data, useAppCloud } from '../../../support/app-cloud';
import { briefingsAs } from '../../../support/briefings';

/** The cloud and helpers of the reading suites (list, search, get). */
export function useReadingScene() {
  const cloud = useAppCloud();

  const as = (openid: string | null) => briefingsAs(cloud, openid);
  const ZHONGHAI = { kind: 'village', villageId: 'zhonghai' };

  /** Every id a reader finds by paging through `action` to the end. */
  async function allIds(openid: string, action: 'list' | 'search', input: Record<string, unknown>) {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = data(await as(openid)(action, { ...input, ...(cursor ? { cursor } : {}), limit: 3 }));
      ids.push(...page.items.map((i) => i.briefingId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return ids;
  }
  return { cloud, as, ZHONGHAI, allIds };
}

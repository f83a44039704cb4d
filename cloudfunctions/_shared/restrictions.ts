import { restrictionState } from '../../core/honor';
import { RESTRICTIONS } from './collections';
import { db } from './cloud';

/**
 * The one check other features call: whether a household is under a black-list restriction (村规民约: village
 * services and benefits suspended) at `now`, until when, and why. A restriction lifts by itself at its end,
 * or earlier on re-assessment or when its entry is revoked. One read.
 */
export async function restrictionStatus(
  villageId: string,
  household: string,
  now: number,
): Promise<{ restricted: boolean; until: number | null; reasonTitle: string | null }> {
  const { data } = await db
    .collection(RESTRICTIONS)
    .where({ householdKey: `${villageId}:${household}`, liftedAt: null })
    .limit(100)
    .get();
  let until: number | null = null;
  let reasonTitle: string | null = null;
  for (const r of data) {
    const endsAt = new Date(r.endsAt as Date).getTime();
    if (
      restrictionState({ endsAt, liftedAt: null }, now) === 'active' &&
      (until === null || endsAt > until)
    ) {
      until = endsAt;
      reasonTitle = r.reasonTitle as string;
    }
  }
  return { restricted: until !== null, until, reasonTitle };
}

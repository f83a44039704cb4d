import { _, db } from './cloud';
import { isDuplicateKey } from './errors';

export const RATE_LIMITS = 'rateLimits';

/**
 * Counts one use of `bucket` by `subject` in the current fixed window and says whether it is within `limit`.
 * The counter is one document per subject and window (deterministic `_id`), incremented atomically, so
 * concurrent calls cannot slip past the limit together. Two database operations in the common case.
 */
export async function consume(
  bucket: string,
  subject: string,
  limit: number,
  windowMs: number,
  now: number,
): Promise<boolean> {
  const start = Math.floor(now / windowMs) * windowMs;
  const id = `${bucket}:${subject}:${start}`;
  const ref = db.collection(RATE_LIMITS).doc(id);
  const { stats } = await ref.update({ data: { count: _.inc(1) } });
  if (stats.updated === 0) {
    try {
      await db
        .collection(RATE_LIMITS)
        .add({ data: { _id: id, count: 1, expireAt: new Date(start + windowMs) } });
      return 1 <= limit;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      await ref.update({ data: { count: _.inc(1) } });
    }
  }
  const { data } = await ref.get();
  return (data.count as number) <= limit;
}

/** Uses already counted in the current window (does not count this look). */
export async function used(bucket: string, subject: string, windowMs: number, now: number): Promise<number> {
  const start = Math.floor(now / windowMs) * windowMs;
  const { data } = await db
    .collection(RATE_LIMITS)
    .where({ _id: `${bucket}:${subject}:${start}` })
    .get();
  return (data[0]?.count as number | undefined) ?? 0;
}

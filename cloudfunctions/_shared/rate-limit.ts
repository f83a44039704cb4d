import { RATE_LIMITS } from './collections';
import { _, db } from './cloud';
import { isDuplicateKey } from './errors';
import { findById } from './store';

/**
 * Counts one use of `bucket` by `subject` in the current fixed window if it is within `limit`, and says
 * whether it was. The counter is one document per subject and window (deterministic `_id`), raised by a
 * conditional `_.inc` (only while below the limit), so concurrent calls cannot slip past the limit together
 * and a refused use writes nothing: the counter stops at the limit. One database operation in the common case.
 */
export async function consume(
  bucket: string,
  subject: string,
  limit: number,
  windowMs: number,
  now: number,
): Promise<boolean> {
  if (limit < 1) return false;
  const start = Math.floor(now / windowMs) * windowMs;
  const id = `${bucket}:${subject}:${start}`;
  const belowLimit = () =>
    db
      .collection(RATE_LIMITS)
      .where({ _id: id, count: _.lt(limit) })
      .update({ data: { count: _.inc(1) } });
  if ((await belowLimit()).stats.updated === 1) return true;
  try {
    // No counter yet in this window (or it is at the limit: then the insert finds it).
    await db
      .collection(RATE_LIMITS)
      .add({ data: { _id: id, count: 1, expireAt: new Date(start + windowMs) } });
    return true;
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    // Created meanwhile by a concurrent use, or already at the limit.
    return (await belowLimit()).stats.updated === 1;
  }
}

/** Uses already counted in the current window (does not count this look). */
export async function used(bucket: string, subject: string, windowMs: number, now: number): Promise<number> {
  const start = Math.floor(now / windowMs) * windowMs;
  const counter = await findById(RATE_LIMITS, `${bucket}:${subject}:${start}`);
  return (counter?.count as number | undefined) ?? 0;
}

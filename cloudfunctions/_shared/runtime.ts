/**
 * The one place where a function reads its environment. In WeChat cloud none of these is set and every
 * value is its production default; the offline cloud and the tests set them to move the clock or shrink
 * the work, so that chunking, resumption and deadlines can be checked with a small town. `npm start`
 * passes `FN_<NAME>=value` from its own environment to the functions as `<NAME>` (e.g.
 * `FN_FINALIZE_GRACE_MS=1000 npm start`).
 *
 * | variable                      | read by               | what it changes                                      |
 * | ----------------------------- | --------------------- | ---------------------------------------------------- |
 * | `LOCAL_CLOUD_CLOCK_OFFSET_MS` | every command (`now`) | moves the clock (the offline cloud's setClockOffset) |
 * | `FINALIZE_GRACE_MS`           | agenda polls          | the wait after a poll closes before it is frozen     |
 * | `NOTICES_CHUNK_SIZE` …        | notices delivery      | chunk, batch, concurrency, budgets, lease (model.ts) |
 * | `NOTICES_MINIPROGRAM_STATE`   | notices delivery      | subscribe messages' formal / trial / developer       |
 * | `ROSTER_CHUNK_SIZE` …         | 村民名册 import       | chunk size, time budgets (members/model.ts)          |
 * | `CLAIM_SHEET_SECRET`          | claim sheet codes     | the key codes are derived with (else one generated)  |
 */

/** The time a command works with: the real time, moved by the clock offset where one is set. */
export function clockNow(): number {
  const offset = Number(process.env.LOCAL_CLOUD_CLOCK_OFFSET_MS ?? 0);
  return Date.now() + (Number.isFinite(offset) ? offset : 0);
}

/** A positive whole number from the environment, or the fallback. */
export function envInt(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

/** A whole number of milliseconds (0 allowed) from the environment, or the fallback. */
export function envMs(name: string, fallback: number): number {
  const value = process.env[name];
  return value && /^\d+$/.test(value) ? Number(value) : fallback;
}

/** A text setting from the environment, or the fallback. */
export function envText(name: string, fallback: string): string {
  return process.env[name] ?? fallback;
}

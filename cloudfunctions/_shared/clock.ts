/**
 * The time a command works with. In WeChat cloud it is the real time; the local cloud lets tests move it
 * (`LocalCloud.setClockOffset`, which sets LOCAL_CLOUD_CLOCK_OFFSET_MS for each call), so that a rule like
 * "a black-list restriction lifts after 3 months" can be checked at its exact moment.
 */
export function clockNow(): number {
  const offset = Number(process.env.LOCAL_CLOUD_CLOCK_OFFSET_MS ?? 0);
  return Date.now() + (Number.isFinite(offset) ? offset : 0);
}

/**
 * Function timeouts in tests are config.json's times this (TEST_TIMEOUT_SCALE overrides): on a loaded 2-core machine
 * a call may take several times as long, and the limit should catch hangs, not slowness. Budgets the code sets for
 * itself (chunk sizes, time budgets) come from the function environment and stay as configured.
 */
export const TEST_TIMEOUT_SCALE = Number(process.env.TEST_TIMEOUT_SCALE) || 4;

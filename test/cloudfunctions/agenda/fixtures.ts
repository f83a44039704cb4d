import type { LocalCloud } from '../../../local-cloud';
import { demoResidentOpenid } from '../../../scripts/demo/identities';
import { NO_ROLES, type Roles } from '../../../core/roles';
import { caller, data, residentIdOf } from '../../support/app-cloud';
export { refuses } from '../../support/app-cloud';
import { ADMIN, agendaAs, newReceipt, REPS, TOWN_ADMIN } from '../../support/agenda';

/**
 * Shared by the agenda's cloud tests (not a test file itself): fresh authors, a second village's admin,
 * "refused and nothing changed", and the few multi-step moves the support helpers do not make.
 */

/**
 * Residents of 中海村 who have not raised anything yet in this test file (3 matters a day each). Each file
 * starts its own cloud, so the same range may be used by every file.
 */
export function authors(from = 100): () => string {
  let next = from;
  return () => {
    if (next > 200) throw new Error('ran out of 中海村 residents to raise matters');
    return demoResidentOpenid(next++);
  };
}

export { residentIdOf };

/** A resident of 五星村 (like OUTSIDER) whom `makeWuxingAdmin` makes that village's admin. */
export const WUXING_ADMIN = demoResidentOpenid(216);

export const roles = (partial: Partial<Roles>): Roles => ({ ...NO_ROLES, ...partial });

/** Sets roles through the `members` function, as an admin does in the app. */
export async function setRoles(cloud: LocalCloud, actor: string, residentId: string, r: Roles) {
  return data(await caller(cloud, 'members', actor)('setRoles', { residentId, roles: r }));
}

/** The town admin makes WUXING_ADMIN the admin of 五星村: an admin of another village than the matters'. */
export async function makeWuxingAdmin(cloud: LocalCloud): Promise<void> {
  await setRoles(cloud, TOWN_ADMIN, residentIdOf(WUXING_ADMIN), roles({ villageAdmin: true }));
}

/** Casts one ballot with a fresh receipt; returns the receipt and the answer. */
export async function castVote(cloud: LocalCloud, openid: string, pollId: string, choices: string[]) {
  const receipt = newReceipt();
  const res = await agendaAs(cloud, openid)('vote', { pollId, choices, receipt });
  return { receipt, res };
}

/** The first `yes` representatives vote 赞成 (and the next `no` 反对); the admin closes the poll. */
export async function voteAndClose(cloud: LocalCloud, pollId: string, yes: number, no = 0): Promise<void> {
  for (const rep of REPS.slice(0, yes)) data((await castVote(cloud, rep, pollId, ['yes'])).res);
  for (const rep of REPS.slice(yes, yes + no)) data((await castVote(cloud, rep, pollId, ['no'])).res);
  data(await agendaAs(cloud, ADMIN)('closePoll', { pollId }));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Rate limits count in fixed windows (a day, an hour). A test that fills a window waits, if it must, until the
 * window has at least `marginMs` left, so that its calls cannot straddle two windows.
 */
export async function awayFromWindowEdge(windowMs: number, marginMs = 20_000): Promise<void> {
  const left = windowMs - (Date.now() % windowMs);
  if (left < marginMs) await sleep(left + 50);
}

export { sleep };

/** The name the demo seed gave a member (matters and the timeline show it). */
export function nameOf(cloud: LocalCloud, openid: string): string {
  const member = cloud.dump('members').find((m) => m._id === openid);
  if (!member) throw new Error(`no member ${openid}`);
  return member.name as string;
}

/** A poll's frozen roll, openid → residentId, over all its buckets. */
export const rollOf = (cloud: LocalCloud, pollId: string): Record<string, string> =>
  Object.assign(
    {},
    ...cloud
      .dump('pollRolls')
      .filter((r) => r.pollId === pollId)
      .map((r) => r.entries as Record<string, string>),
  );

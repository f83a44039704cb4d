import type { LocalCloud } from '../../local-cloud';
import { demoResidentOpenid } from '../../scripts/demo/identities';
import type { HonorInput, HonorOutput } from '../../core/honor';
import { data, residentIdOf, startAppCloud, typedCaller } from './app-cloud';

/** Admin of 中海村 (drafts) and the town admin (the second admin who approves). */
export const ADMIN = 'demo-village-admin';
export const TOWN_ADMIN = 'demo-town-admin';
/** Residents of 中海村, each their own household in the demo seed. */
export const RESIDENT = demoResidentOpenid(1);
export const NEIGHBOUR = demoResidentOpenid(2);
/** A resident of 五星村. */
export const OUTSIDER = demoResidentOpenid(201);

export const honorAs = typedCaller<HonorInput, HonorOutput>('honor');

export { residentIdOf } from './app-cloud';

/** 中海村's 村规民约 items the tests use: one for the red list, one for the black list. */
export async function seedRules(cloud: LocalCloud): Promise<void> {
  const admin = honorAs(cloud, ADMIN);
  data(
    await admin('saveRule', {
      code: 'XL-1',
      list: 'red',
      title: '孝老爱亲',
      article: '第三条 孝敬父母，赡养老人',
      active: true,
    }),
  );
  data(
    await admin('saveRule', {
      code: 'HJ-2',
      list: 'black',
      title: '乱倒垃圾，屡教不改',
      article: '第八条 爱护环境卫生，不乱倒垃圾',
      active: true,
    }),
  );
}

/**
 * A published board of `month` for 中海村: RESIDENT on the red list, `black` (NEIGHBOUR) on the black list, drafted by
 * the village admin and approved by the town admin. Returns the board and the black entry's id.
 */
export async function publishedBoard(
  cloud: LocalCloud,
  month: string,
  black = NEIGHBOUR,
): Promise<{ boardId: string; blackEntry: string }> {
  const admin = honorAs(cloud, ADMIN);
  const { boardId } = data(await admin('createBoard', { month }));
  data(
    await admin('addEntry', {
      boardId,
      residentId: residentIdOf(RESIDENT),
      list: 'red',
      reasonCode: 'XL-1',
      reward: '洗衣粉一袋',
    }),
  );
  const { entryId } = data(
    await admin('addEntry', {
      boardId,
      residentId: residentIdOf(black),
      list: 'black',
      reasonCode: 'HJ-2',
      note: '多次往河道倒垃圾',
    }),
  );
  data(await admin('submitBoard', { boardId }));
  data(await honorAs(cloud, TOWN_ADMIN)('approveBoard', { boardId }));
  return { boardId, blackEntry: entryId };
}

/** The app's cloud with 中海村's test rules (seedRules). */
export async function startHonorCloud(): Promise<LocalCloud> {
  const cloud = await startAppCloud();
  await seedRules(cloud);
  return cloud;
}

/** Distinct past months (2020-01, 2020-02, …), so that each test has a board of its own. */
export function monthSequence(): () => string {
  let n = 0;
  return () => {
    const month = `${2020 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
    n += 1;
    return month;
  };
}

import { data, useAppCloud } from '../../../support/app-cloud';
import { ADMIN, agendaAs, driveTo, inAnHour, NEIGHBOUR, startAgendaCloud } from '../../../support/agenda';
import { authors, makeWuxingAdmin } from '../fixtures';

/** The cloud and helpers of the task suites (addTask, updateTask). */
export function useTasksScene() {
  const cloud = useAppCloud(startAgendaCloud);
  beforeAll(async () => {
    await makeWuxingAdmin(cloud);
  });

  const nextAuthor = authors();
  const as = (openid: string) => agendaAs(cloud, openid);
  /** A matter at 集中办事 (with driveTo's one task, owned by NEIGHBOUR, at 0%). */
  const doing = () => driveTo(cloud, 'doing', { author: nextAuthor() });
  const OWNER = 'demo-resident-003';
  const TASK = { title: '采购井盖和护栏', ownerId: 'r_resident_003' };
  const add = (itemId: string, change: Record<string, unknown> = {}, openid = ADMIN) =>
    as(openid)('addTask', { itemId, ...TASK, dueAt: inAnHour(), ...change });
  const getItem = async (itemId: string) => data(await as(NEIGHBOUR)('getItem', { itemId }));
  const taskOf = async (itemId: string, taskId: string) =>
    (await getItem(itemId)).tasks.find((t) => t.taskId === taskId)!;
  return { cloud, nextAuthor, as, doing, OWNER, TASK, add, getItem, taskOf };
}

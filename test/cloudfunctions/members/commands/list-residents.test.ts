import type { MembersOutput, ResidentView } from '../../../../core/members';
import { data } from '../../../support/app-cloud';
import { useRolesScene } from '../scenes/roles';

const { as } = useRolesScene();

test('listResidents pages through a village roster and finds by name', async () => {
  const first = data(
    await as('demo-village-admin')<MembersOutput['listResidents']>('listResidents', {
      villageId: 'zhonghai',
    }),
  );
  expect(first.items).toHaveLength(20);
  const next = data(
    await as('demo-village-admin')<MembersOutput['listResidents']>('listResidents', {
      villageId: 'zhonghai',
      cursor: first.nextCursor,
    }),
  );
  expect(next.items[0]!.residentId > first.items.at(-1)!.residentId).toBe(true);
  const someone = first.items[3] as ResidentView;
  const found = data(
    await as('demo-village-admin')<MembersOutput['listResidents']>('listResidents', {
      villageId: 'zhonghai',
      keyword: someone.name,
    }),
  );
  expect(found.items.every((r) => r.name === someone.name)).toBe(true);
  expect(found.items.map((r) => r.residentId)).toContain(someone.residentId);
});

test('a keyword with RegExp characters is matched literally', async () => {
  const res = await as('demo-village-admin')<MembersOutput['listResidents']>('listResidents', {
    villageId: 'zhonghai',
    keyword: '.*',
  });
  expect(data(res).items).toEqual([]);
});

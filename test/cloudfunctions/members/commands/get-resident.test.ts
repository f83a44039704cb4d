import type { MembersOutput } from '../../../../core/members';
import { data } from '../../../support/app-cloud';
import { useRolesScene } from '../scenes/roles';

const { as } = useRolesScene();

test('getResident gives an admin one resident of their village, and refuses others', async () => {
  const found = data(
    await as('demo-village-admin')<MembersOutput['getResident']>('getResident', {
      residentId: 'r_resident_007',
    }),
  );
  expect(found).toMatchObject({
    villageId: 'zhonghai',
    villageName: '中海村',
    resident: { residentId: 'r_resident_007', bound: true },
  });
  expect(await as('demo-village-admin')('getResident', { residentId: 'r_resident_250' })).toMatchObject({
    error: { code: 'FORBIDDEN' },
  });
  expect(await as('demo-village-admin')('getResident', { residentId: 'nobody' })).toMatchObject({
    error: { code: 'NOT_FOUND' },
  });
});

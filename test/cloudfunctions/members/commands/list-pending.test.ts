import type { BindingRequestView, Page } from '../../../../core/members';
import { data } from '../../../support/app-cloud';
import { useBindingScene } from '../scenes/binding';

const { cloud, as, requestAs } = useBindingScene();

describe('listPending', () => {
  test('the village admin sees their village’s requests, oldest first, with duplicate hints', async () => {
    await requestAs('wx-a');
    await requestAs('wx-b', { villageId: 'wuxing' });
    const resident = cloud.dump('residents').find((r) => r._id === 'r_resident_003')!;
    await requestAs('wx-c', { name: resident.name, household: resident.household });
    const page = data(await as('demo-village-admin')<Page<BindingRequestView>>('listPending'));
    expect(page.items.map((r) => [r.villageName, r.possibleDuplicate])).toEqual([
      ['中海村', false],
      ['中海村', true],
    ]);
    expect(page.nextCursor).toBeNull();
  });

  test('a village admin cannot list another village', async () => {
    expect(await as('demo-village-admin')('listPending', { villageId: 'wuxing' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
  });

  test('the town admin sees every village, page by page', async () => {
    for (let i = 0; i < 5; i++) await requestAs(`wx-p${i}`, { villageId: i % 2 ? 'wuxing' : 'zhonghai' });
    const first = data(await as('demo-town-admin')<Page<BindingRequestView>>('listPending', { limit: 2 }));
    const second = data(
      await as('demo-town-admin')<Page<BindingRequestView>>('listPending', {
        limit: 2,
        cursor: first.nextCursor,
      }),
    );
    const third = data(
      await as('demo-town-admin')<Page<BindingRequestView>>('listPending', {
        limit: 2,
        cursor: second.nextCursor,
      }),
    );
    expect([first.items.length, second.items.length, third.items.length, third.nextCursor]).toEqual([
      2,
      2,
      1,
      null,
    ]);
    const names = new Set([...first.items, ...second.items, ...third.items].map((r) => r.requestId));
    expect(names.size).toBe(5);
  });

  test('a resident is FORBIDDEN and an unbound user NOT_BOUND', async () => {
    expect(await as('demo-resident-001')('listPending')).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await as('demo-unbound')('listPending')).toMatchObject({ error: { code: 'NOT_BOUND' } });
  });
});

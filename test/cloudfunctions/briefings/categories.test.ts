import { data, refuses } from '../../support/app-cloud';
import { POLICY_LEADER, published, RESIDENT, TOWN_ADMIN, UNBOUND } from '../../support/briefings';
import { usePublishingScene } from './scenes/publishing';

const { cloud, as } = usePublishingScene();

describe('categories are data', () => {
  test('the six seeded categories are listed in order', async () => {
    const { categories } = data(await as(UNBOUND)('listCategories'));
    expect(categories.slice(0, 6).map((c) => c.name)).toEqual([
      '惠农政策',
      '产业扶贫',
      '医疗养老',
      '教育',
      '法治宣传',
      '技术培训',
    ]);
  });

  test('a town admin adds one, and it takes briefings at once', async () => {
    data(
      await as(TOWN_ADMIN)('saveCategory', {
        categoryId: 'zhufang',
        name: '住房保障',
        order: 7,
        hidden: false,
      }),
    );
    const id = await published(cloud, POLICY_LEADER, { categoryId: 'zhufang' });
    expect(data(await as(RESIDENT)('get', { briefingId: id })).categoryName).toBe('住房保障');
  });

  test('only a town admin may change categories', async () => {
    await refuses(
      cloud,
      () => as(POLICY_LEADER)('saveCategory', { categoryId: 'x1', name: '其他', order: 8, hidden: false }),
      'FORBIDDEN',
    );
  });
});

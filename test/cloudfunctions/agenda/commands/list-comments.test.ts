import { type CommentView } from '../../../../core/agenda';
import { demoResidentOpenid } from '../../../../scripts/demo/identities';
import { data } from '../../../support/app-cloud';
import { NEIGHBOUR } from '../../../support/agenda';
import { refuses } from '../fixtures';
import { useDiscussionScene } from '../scenes/discussion';

const { cloud, as, raised } = useDiscussionScene();

describe('listComments', () => {
  test('pages through every comment once, oldest first', async () => {
    const itemId = await raised();
    const written: string[] = [];
    // 25 comments by 5 residents, one after another.
    for (let i = 0; i < 25; i++) {
      const text = `意见 ${String(i + 1).padStart(2, '0')}`;
      data(await as(demoResidentOpenid(40 + (i % 5)))('comment', { itemId, text }));
      written.push(text);
    }
    const pages: CommentView[][] = [];
    let cursor: string | undefined;
    do {
      const page = data(
        await as(NEIGHBOUR)('listComments', { itemId, limit: 10, ...(cursor ? { cursor } : {}) }),
      );
      pages.push(page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && pages.length < 10);
    expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
    const seen = pages.flat();
    expect(seen.map((c) => c.text)).toEqual(written);
    const times = seen.map((c) => c.createdAt);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  test('20 a page by default', async () => {
    const itemId = await raised();
    for (let i = 0; i < 21; i++) {
      data(await as(demoResidentOpenid(50 + (i % 3)))('comment', { itemId, text: `第 ${i + 1} 条` }));
    }
    const first = data(await as(NEIGHBOUR)('listComments', { itemId }));
    expect(first.items).toHaveLength(20);
    expect(first.nextCursor).not.toBeNull();
    const rest = data(await as(NEIGHBOUR)('listComments', { itemId, cursor: first.nextCursor! }));
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
  });

  test('an unknown item is NOT_FOUND, a malformed cursor INVALID_INPUT', async () => {
    await refuses(cloud, () => as(NEIGHBOUR)('listComments', { itemId: 'i_none' }), 'NOT_FOUND');
    const itemId = await raised();
    await refuses(
      cloud,
      () => as(NEIGHBOUR)('listComments', { itemId, cursor: 'x'.repeat(201) }),
      'INVALID_INPUT',
      '分页参数无效',
    );
  });
});

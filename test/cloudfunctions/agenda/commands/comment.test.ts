import { COMMENT_MAX, COMMENTS_PER_HOUR } from '../../../../core/agenda';
import { data } from '../../../support/app-cloud';
import { ADMIN, driveTo, NEIGHBOUR, OUTSIDER, TOWN_ADMIN } from '../../../support/agenda';
import { awayFromWindowEdge, nameOf, refuses } from '../fixtures';
import { useDiscussionScene } from '../scenes/discussion';

const { cloud, HOUR_MS, nextAuthor, nextCommenter, as, raised, itemDoc, commentsOf, listed } =
  useDiscussionScene();

describe('comment (征求论事)', () => {
  test('a resident comments: the comment is stored and counted, and shows to everyone', async () => {
    const itemId = await raised();
    const commenter = nextCommenter();
    const res = data(await as(commenter)('comment', { itemId, text: '  同意，水井确实该修了  ' }));
    expect(res.held).toBe(false);
    expect(res.comment).toEqual({
      commentId: expect.any(String),
      authorName: nameOf(cloud, commenter),
      text: '同意，水井确实该修了',
      createdAt: expect.any(Number),
    });
    expect(itemDoc(itemId).commentCount).toBe(1);
    expect(data(await as(NEIGHBOUR)('getItem', { itemId })).commentCount).toBe(1);
    expect(await listed(NEIGHBOUR, itemId)).toEqual(['同意，水井确实该修了']);
    expect(commentsOf(itemId)).toEqual([
      expect.objectContaining({ _id: res.comment.commentId, residentId: expect.any(String), held: false }),
    ]);
  });

  test('comments are taken at 征求论事 too, and the count adds up', async () => {
    const { itemId } = await driveTo(cloud, 'consulting', { author: nextAuthor() });
    const commenter = nextCommenter();
    data(await as(commenter)('comment', { itemId, text: '建议加装护栏' }));
    data(await as(NEIGHBOUR)('comment', { itemId, text: '井边的路也要平整' }));
    expect(itemDoc(itemId).commentCount).toBe(2);
  });

  test('the town admin may comment on any village’s matter', async () => {
    const itemId = await raised();
    data(await as(TOWN_ADMIN)('comment', { itemId, text: '镇里支持村里修缮' }));
    expect(itemDoc(itemId).commentCount).toBe(1);
  });

  test('a held comment is not counted and shows only to its author and the village admin', async () => {
    const itemId = await raised();
    const commenter = nextCommenter();
    const res = data(await as(commenter)('comment', { itemId, text: '具体情况私聊我' }));
    expect(res.held).toBe(true);
    expect(itemDoc(itemId).commentCount).toBe(0);
    expect(commentsOf(itemId)).toEqual([expect.objectContaining({ held: true })]);
    expect(await listed(commenter, itemId)).toEqual(['具体情况私聊我']);
    expect(await listed(ADMIN, itemId)).toEqual(['具体情况私聊我']);
    expect(await listed(NEIGHBOUR, itemId)).toEqual([]);
  });

  test('a risky comment is CONTENT_REJECTED and nothing is stored', async () => {
    const itemId = await raised();
    expect(await as(nextCommenter())('comment', { itemId, text: '不如去买六合彩' })).toEqual({
      ok: false,
      error: { code: 'CONTENT_REJECTED', message: '评论含有不允许的内容，请修改后再发' },
    });
    expect(commentsOf(itemId)).toEqual([]);
    expect(itemDoc(itemId).commentCount).toBe(0);
  });

  test.each(['roundtable', 'deciding', 'closed'] as const)('at %s comments are WRONG_STEP', async (step) => {
    const { itemId } = await driveTo(cloud, step, { author: nextAuthor() });
    await refuses(cloud, () => as(NEIGHBOUR)('comment', { itemId, text: '还能说两句吗' }), 'WRONG_STEP');
  });

  test('a merged item takes no more comments', async () => {
    const from = await raised();
    const into = await raised();
    data(await as(ADMIN)('merge', { itemId: from, intoItemId: into, reason: '同一件事' }));
    await refuses(
      cloud,
      () => as(NEIGHBOUR)('comment', { itemId: from, text: '还能说两句吗' }),
      'WRONG_STEP',
      '这件事项已合并到其他事项',
    );
  });

  test('a resident of another village is FORBIDDEN', async () => {
    const itemId = await raised();
    await refuses(
      cloud,
      () => as(OUTSIDER)('comment', { itemId, text: '我们村也有这个问题' }),
      'FORBIDDEN',
      '只能参与本村事项的讨论',
    );
  });

  test('another resident’s held item is NOT_FOUND', async () => {
    const { item } = data(
      await as(nextAuthor())('raise', {
        title: '水井维修',
        body: '水井的事情比较复杂，有意见的可以加微信详细说。',
      }),
    );
    await refuses(
      cloud,
      () => as(NEIGHBOUR)('comment', { itemId: item.itemId, text: '我来说两句' }),
      'NOT_FOUND',
    );
  });

  test(`the ${COMMENTS_PER_HOUR + 1}st comment in an hour is RATE_LIMITED and not stored`, async () => {
    await awayFromWindowEdge(HOUR_MS);
    const itemId = await raised();
    const commenter = nextCommenter();
    for (let i = 1; i <= COMMENTS_PER_HOUR; i++) {
      data(await as(commenter)('comment', { itemId, text: `第 ${i} 条意见` }));
    }
    expect(await as(commenter)('comment', { itemId, text: '再说一句' })).toEqual({
      ok: false,
      error: { code: 'RATE_LIMITED', message: '评论太频繁了，请稍后再写' },
    });
    expect(commentsOf(itemId)).toHaveLength(COMMENTS_PER_HOUR);
    expect(itemDoc(itemId).commentCount).toBe(COMMENTS_PER_HOUR);
    // Another resident is not limited by it.
    data(await as(nextCommenter())('comment', { itemId, text: '我也说一句' }));
  });

  test.each([
    ['empty text', { text: '' }, '请填写评论'],
    ['text of one character after trimming', { text: '  好  ' }, '请填写评论'],
    [`text of ${COMMENT_MAX + 1} characters`, { text: '长'.repeat(COMMENT_MAX + 1) }, '评论最多 300 个字'],
    ['no text', { text: undefined }, '评论格式不正确'],
    ['no item', { itemId: undefined }, '事项编号格式不正确'],
  ])('%s is INVALID_INPUT', async (_what, change, message) => {
    const itemId = await raised();
    await refuses(
      cloud,
      () => as(NEIGHBOUR)('comment', { itemId, text: '同意', ...change }),
      'INVALID_INPUT',
      message,
    );
  });

  test('the longest comment is accepted', async () => {
    const itemId = await raised();
    const res = data(await as(nextCommenter())('comment', { itemId, text: '长'.repeat(COMMENT_MAX) }));
    expect(res.comment.text).toHaveLength(COMMENT_MAX);
  });
});

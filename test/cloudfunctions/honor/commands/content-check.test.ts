import { data, refuses } from '../../../support/app-cloud';
import { ADMIN, NEIGHBOUR, publishedBoard, residentIdOf, TOWN_ADMIN } from '../../../support/honor';
import { useAppealsScene } from '../scenes/appeals';

const { cloud, as, nextMonth, restrictionOf, REASON } = useAppealsScene();

/** Words of local-cloud.config.json's securityWords: one WeChat refuses, one it sends to a person. */
const RISKY = '欢迎来赌博';
const REVIEW = '详情请私聊村干部';

const rejected = (what: string) => `${what}未通过微信内容安全检查，请修改`;

describe('honor text goes through the content check', () => {
  test('a rule of the 村规民约: risky or held words are refused, nothing saved', async () => {
    const rule = {
      code: 'CK-1',
      list: 'black',
      title: '乱倒垃圾',
      article: '第九条 不乱倒垃圾',
      active: true,
    } as const;
    for (const bad of [{ title: RISKY }, { article: REVIEW }]) {
      await refuses(
        cloud,
        () => as(ADMIN)('saveRule', { ...rule, ...bad }),
        'CONTENT_REJECTED',
        rejected('村规民约条目'),
      );
    }
    data(await as(ADMIN)('saveRule', rule));
  });

  test('an entry’s note and reward', async () => {
    const { boardId } = data(await as(ADMIN)('createBoard', { month: nextMonth() }));
    const entry = {
      boardId,
      residentId: residentIdOf(NEIGHBOUR),
      list: 'black',
      reasonCode: 'HJ-2',
    } as const;
    await refuses(
      cloud,
      () => as(ADMIN)('addEntry', { ...entry, note: `多次${RISKY}` }),
      'CONTENT_REJECTED',
      rejected('说明或奖励'),
    );
    await refuses(
      cloud,
      () => as(ADMIN)('addEntry', { ...entry, list: 'red', reasonCode: 'XL-1', reward: RISKY }),
      'CONTENT_REJECTED',
      rejected('说明或奖励'),
    );
    data(await as(ADMIN)('addEntry', { ...entry, note: '多次往河道倒垃圾' }));
  });

  test('the reason a reviewer returns a board with', async () => {
    const { boardId } = data(await as(ADMIN)('createBoard', { month: nextMonth() }));
    data(
      await as(ADMIN)('addEntry', {
        boardId,
        residentId: residentIdOf(NEIGHBOUR),
        list: 'black',
        reasonCode: 'HJ-2',
      }),
    );
    data(await as(ADMIN)('submitBoard', { boardId }));
    await refuses(
      cloud,
      () => as(TOWN_ADMIN)('returnBoard', { boardId, reason: RISKY }),
      'CONTENT_REJECTED',
      rejected('退回原因'),
    );
  });

  test('a correction, an appeal, its resolution and a re-assessment', async () => {
    const { boardId, blackEntry } = await publishedBoard(cloud, nextMonth());
    await refuses(
      cloud,
      () => as(ADMIN)('addCorrection', { boardId, entryId: blackEntry, reason: `更正：${RISKY}` }),
      'CONTENT_REJECTED',
      rejected('更正原因'),
    );
    await refuses(
      cloud,
      () => as(NEIGHBOUR)('appeal', { boardId, entryId: blackEntry, text: `${REASON}${RISKY}` }),
      'CONTENT_REJECTED',
      '申诉理由含有不允许的内容，请修改后再提交',
    );
    // Held words reach the admins, the only readers of an appeal.
    const text = `${REASON}${REVIEW}`;
    const { appealId } = data(await as(NEIGHBOUR)('appeal', { boardId, entryId: blackEntry, text }));
    expect(cloud.dump('honorAppeals').find((a) => a._id === appealId)).toMatchObject({
      text,
      status: 'open',
    });
    await refuses(
      cloud,
      () => as(ADMIN)('resolveAppeal', { appealId, outcome: 'revoked', reason: RISKY }),
      'CONTENT_REJECTED',
      rejected('处理意见'),
    );
    const restrictionId = restrictionOf(boardId)._id as string;
    await refuses(
      cloud,
      () => as(ADMIN)('reassess', { restrictionId, outcome: 'lifted', note: REVIEW }),
      'CONTENT_REJECTED',
      rejected('复评意见'),
    );
  });
});

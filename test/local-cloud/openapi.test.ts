import type { LocalCloud } from '../../local-cloud';
import { capturingWarnings, keptDataDir, startTestCloud } from './support';

const TEMPLATE = 'tmpl-notice';
let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await startTestCloud({
    templates: {
      [TEMPLATE]: { title: '通知提醒', fields: { thing1: 'thing', time2: 'time', phrase3: 'phrase' } },
    },
    securityWords: [
      { word: '赌博', suggest: 'risky', label: 20006 },
      { word: '加微信', suggest: 'review', label: 10001 },
    ],
  });
});
afterAll(() => cloud.stop());

type Outcome = { ok: boolean; errCode?: number; message?: string; res?: Record<string, unknown> };

const message = (touser: string, thing1 = '村民代表大会') => ({
  touser,
  templateId: TEMPLATE,
  page: 'pages/notices/index',
  data: { thing1: { value: thing1 }, time2: { value: '2026年11月23日 09:30' }, phrase3: { value: '待参加' } },
  miniprogramState: 'developer',
});
const send = (touser: string, m = message(touser)) =>
  cloud.call('messenger', { action: 'send', message: m }, { openid: 'o-sender' }) as Promise<Outcome>;

describe('subscribeMessage.send', () => {
  test('fails with 43101 when the user has not accepted a subscription', async () => {
    const out = await send('o-none');
    expect(out).toMatchObject({ ok: false, errCode: 43101 });
    expect(cloud.outbox({ touser: 'o-none' })).toEqual([]);
  });

  test('delivers into the outbox when the user accepted once, and consumes that consent', async () => {
    await cloud.grantSubscription('o-resident', TEMPLATE);
    const first = await send('o-resident');
    expect(first.ok).toBe(true);
    expect(first.res).toMatchObject({ errCode: 0, msgid: expect.any(Number) });
    const [sent] = cloud.outbox({ touser: 'o-resident' });
    expect(sent).toMatchObject({
      touser: 'o-resident',
      templateId: TEMPLATE,
      page: 'pages/notices/index',
      data: message('o-resident').data,
      miniprogramState: 'developer',
      functionName: 'messenger',
    });
    // One consent, one message.
    expect(await send('o-resident')).toMatchObject({ ok: false, errCode: 43101 });
    expect(cloud.outbox({ touser: 'o-resident' })).toHaveLength(1);
  });

  test('each accepted subscription allows one more message', async () => {
    await cloud.grantSubscription('o-many', TEMPLATE, 2);
    expect((await send('o-many')).ok).toBe(true);
    expect((await send('o-many')).ok).toBe(true);
    expect((await send('o-many')).errCode).toBe(43101);
  });

  test('an unknown template fails with 40037', async () => {
    const out = await send('o-x', { ...message('o-x'), templateId: 'nope' });
    expect(out.errCode).toBe(40037);
  });

  test('a thing value over 20 characters fails with 47003 and consumes nothing', async () => {
    await cloud.grantSubscription('o-long', TEMPLATE);
    const out = await send('o-long', message('o-long', '一二三四五六七八九十一二三四五六七八九十一'));
    expect(out).toMatchObject({ ok: false, errCode: 47003 });
    expect(out.message).toMatch(/thing1/);
    expect((await send('o-long')).ok).toBe(true);
  });

  test('a function whose config.json does not list the API is refused with -604101', async () => {
    await cloud.grantSubscription('o-perm', TEMPLATE);
    const out = (await cloud.call('unpermitted', { message: message('o-perm') }, { openid: 'o' })) as Outcome;
    expect(out).toMatchObject({ ok: false, errCode: -604101 });
    expect(cloud.outbox({ touser: 'o-perm' })).toEqual([]);
    expect(cloud.openapi.remainingGrants('o-perm', TEMPLATE)).toBe(1);
  });
});

describe('security.msgSecCheck (v2)', () => {
  const check = (content: string, version?: number) =>
    cloud.call(
      'messenger',
      { action: 'check', content, version },
      { openid: 'o-writer' },
    ) as Promise<Outcome>;

  test('clean text passes', async () => {
    const out = await check('请问村里的自来水什么时候修好？');
    expect(out.res?.result).toEqual({ suggest: 'pass', label: 100 });
  });

  test('a risky word is flagged risky with its label and keyword', async () => {
    const out = await check('有人在村口聚众赌博');
    expect(out.res?.result).toEqual({ suggest: 'risky', label: 20006 });
    expect(out.res?.detail).toEqual([
      expect.objectContaining({ strategy: 'keyword', keyword: '赌博', suggest: 'risky' }),
    ]);
  });

  test('a review word is flagged for review', async () => {
    expect((await check('详情加微信')).res?.result).toEqual({ suggest: 'review', label: 10001 });
  });

  test('the worst match wins', async () => {
    expect((await check('加微信一起赌博')).res?.result).toMatchObject({ suggest: 'risky' });
  });

  test('version 1 is not emulated and says so', async () => {
    const { value: out, warnings } = await capturingWarnings(() => check('你好', 1));
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/version 2 only/);
    expect(warnings).toEqual([expect.stringMatching(/version 2 only/)]);
  });
});

test('any other openapi fails loudly: an error in the function and a warning on the console', async () => {
  const { value: out, warnings } = await capturingWarnings(
    () => cloud.call('messenger', { action: 'qrcode' }, { openid: 'o' }) as Promise<Outcome>,
  );
  expect(out.ok).toBe(false);
  expect(out.message).toMatch(/does not emulate openapi\.wxacode\.getUnlimited/);
  expect(warnings).toEqual([expect.stringMatching(/does not emulate openapi\.wxacode\.getUnlimited/)]);
});

test('grants and the outbox are durable across a restart', async () => {
  const kept = keptDataDir();
  const templates = { [TEMPLATE]: { title: '通知提醒', fields: { thing1: 'thing' as const } } };
  try {
    const first = await startTestCloud({ dataDir: kept.dir, templates });
    await first.grantSubscription('o-keep', TEMPLATE, 2);
    await first.call(
      'messenger',
      {
        action: 'send',
        message: { touser: 'o-keep', templateId: TEMPLATE, data: { thing1: { value: '开会' } } },
      },
      { openid: 'o' },
    );
    await first.stop();
    const again = await startTestCloud({ dataDir: kept.dir, templates });
    try {
      expect(again.outbox().map((m) => m.touser)).toEqual(['o-keep']);
      expect(again.openapi.remainingGrants('o-keep', TEMPLATE)).toBe(1);
    } finally {
      await again.stop();
    }
  } finally {
    kept.cleanup();
  }
});

import { LocalCloudCallError, type LocalCloud } from '../../local-cloud';
import { startTestCloud } from './support';

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await startTestCloud({
    manifest: { collections: [{ name: 'visits' }, { name: 'late' }, { name: 'counters' }] },
    seed: { counters: [{ _id: 'c', n: 0 }] },
  });
});
afterAll(() => cloud.stop());

type Context = { wx: Record<string, unknown>; userInfo: unknown; context: Record<string, unknown> };

describe('identity', () => {
  test('100 concurrent invocations each see their own OPENID, and every request is attributed to its invocation', async () => {
    const openids = Array.from({ length: 100 }, (_v, i) => `o-${i}`);
    const reports = await Promise.all(
      openids.map((openid) => cloud.invoke('whoami', { write: true }, { openid })),
    );

    reports.forEach((report, i) => {
      expect(report.ok).toBe(true);
      expect((report.result as { context: { OPENID: string } }).context.OPENID).toBe(openids[i]);
      // The invocation's own database request carries its identity.
      expect(report.requests.map((r) => [r.action, r.openid, r.invocationId])).toEqual([
        ['database.insertDocument', openids[i], report.requestId],
      ]);
    });
    // Across the whole log: each write came from the invocation whose user it names.
    const byInvocation = new Map(reports.map((r, i) => [r.requestId, openids[i]]));
    const writes = cloud.requests().filter((r) => byInvocation.has(r.invocationId ?? ''));
    expect(writes).toHaveLength(100);
    for (const w of writes) expect(w.openid).toBe(byInvocation.get(w.invocationId!));
    // And what each invocation wrote names its own user.
    expect(
      cloud
        .dump('visits')
        .map((d) => d.openid)
        .sort(),
    ).toEqual([...openids].sort());
  });

  test('getWXContext gives OPENID, APPID, ENV and SOURCE of a mini-program call; the API token stays hidden', async () => {
    const { wx } = (await cloud.call(
      'lab',
      { action: 'context' },
      { openid: 'o-ctx', unionid: 'u-ctx' },
    )) as Context;
    expect(wx).toEqual({
      OPENID: 'o-ctx',
      APPID: cloud.appid,
      UNIONID: 'u-ctx',
      CLIENTIP: '127.0.0.1',
      CLIENTIPV6: '::ffff:127.0.0.1',
      ENV: cloud.envId,
      SOURCE: 'wx_client',
    });
  });

  test('event.userInfo is set by the platform and cannot be forged by the caller', async () => {
    const { userInfo } = (await cloud.call(
      'lab',
      { action: 'context', userInfo: { openId: 'forged', appId: 'x' } },
      { openid: 'o-real' },
    )) as Context;
    expect(userInfo).toEqual({ appId: cloud.appid, openId: 'o-real' });
  });

  test('a warm instance does not keep the previous caller’s identity', async () => {
    await cloud.call('lab', { action: 'context' }, { openid: 'o-first', unionid: 'u-first' });
    const { wx } = (await cloud.call('lab', { action: 'context' })) as Context;
    expect(wx.OPENID).toBeUndefined();
    expect(wx.UNIONID).toBeUndefined();
    expect(wx.SOURCE).toBe('scf');
  });
});

describe('invocation', () => {
  test('the context is SCF-like, with the request id and the timeout from config.json', async () => {
    const report = await cloud.invoke('lab', { action: 'context' }, { openid: 'o1' });
    const { context } = report.result as Context;
    expect(context).toMatchObject({
      request_id: report.requestId,
      function_name: 'lab',
      namespace: cloud.envId,
      time_limit_in_ms: 1000,
      memory_limit_in_mb: 256,
      function_version: '$LATEST',
    });
    expect(context.environ).toEqual(expect.stringContaining('WX_OPENID=o1'));
    expect(context.environ).not.toMatch(/WX_API_TOKEN=/);
  });

  test('event and result travel as JSON', async () => {
    const result = await cloud.call('lab', {
      action: 'roundtrip',
      payload: { when: new Date(Date.UTC(2026, 0, 1)), nothing: undefined, list: [1, 'a'] },
    });
    expect(result).toEqual({
      date: '1970-01-01T00:00:00.000Z',
      echo: { when: '2026-01-01T00:00:00.000Z', list: [1, 'a'] },
    });
  });

  test('envVariables from config.json reach the function', async () => {
    expect(await cloud.call('lab', { action: 'env' })).toMatchObject({ myVar: 'from-config' });
  });

  test('the envVariables option is set over config.json', async () => {
    const other = await startTestCloud({ envVariables: { MY_VAR: 'from-option' } });
    try {
      expect(await other.call('lab', { action: 'env' })).toMatchObject({ myVar: 'from-option' });
    } finally {
      await other.stop();
    }
  });

  test('a thrown error answers -504002 with the message', async () => {
    const error = await cloud.call('lab', { action: 'crash' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LocalCloudCallError);
    expect((error as LocalCloudCallError).errCode).toBe(-504002);
    expect((error as LocalCloudCallError).errMsg).toMatch(/boom: the function failed/);
  });

  test('an unknown function answers -501000', async () => {
    const error = (await cloud.call('nope').catch((e: unknown) => e)) as LocalCloudCallError;
    expect(error.errCode).toBe(-501000);
  });

  test('passing the timeout from config.json answers -504003 and stops the instance', async () => {
    const started = Date.now();
    const error = (await cloud
      .call('lab', { action: 'sleep', ms: 5000 })
      .catch((e: unknown) => e)) as LocalCloudCallError;
    expect(error.errCode).toBe(-504003);
    expect(error.errMsg).toMatch(/timed out after 1 seconds/);
    expect(Date.now() - started).toBeLessThan(2500);
    // The next call still works (on a fresh or another instance).
    expect(await cloud.call('lab', { action: 'sleep', ms: 1 })).toEqual({ slept: 1 });
  });

  test('timeoutScale stretches every function limit (tests on a loaded machine), and says so in the context', async () => {
    const scaled = await startTestCloud({ timeoutScale: 3 });
    try {
      expect(await scaled.call('lab', { action: 'sleep', ms: 1500 })).toEqual({ slept: 1500 });
      const context = (await scaled.call('lab', { action: 'context' })) as {
        context: { time_limit_in_ms: number };
      };
      expect(context.context.time_limit_in_ms).toBe(3000);
      const error = (await scaled
        .call('lab', { action: 'sleep', ms: 10_000 })
        .catch((e: unknown) => e)) as LocalCloudCallError;
      expect(error.errMsg).toMatch(/timed out after 3 seconds/);
    } finally {
      await scaled.stop();
    }
  });

  test('a request made after main returned is refused and writes nothing', async () => {
    const report = await cloud.invoke('lab', { action: 'lateWrite' });
    expect(report.result).toEqual({ returned: true });
    await new Promise((r) => setTimeout(r, 600));
    expect(cloud.dump('late')).toEqual([]);
    const refused = cloud.requests({ invocationId: undefined }).filter((r) => r.collection === 'late');
    expect(refused.map((r) => r.error)).toEqual(['INVALID_REQUEST_SOURCE']);
  });

  test('instances are reused: module state survives between sequential calls', async () => {
    const first = (await cloud.call('lab', { action: 'warm' })) as { warmCalls: number };
    const second = (await cloud.call('lab', { action: 'warm' })) as { warmCalls: number };
    expect(second.warmCalls).toBe(first.warmCalls + 1);
  });

  test('one instance runs one invocation at a time: concurrent calls get separate instances', async () => {
    await Promise.all([1, 2, 3].map(() => cloud.call('lab', { action: 'sleep', ms: 200 })));
    expect(cloud.runner.instanceCounts().lab).toBeGreaterThanOrEqual(3);
  });

  test('1000 concurrent _.inc(1) on one document end at exactly +1000', async () => {
    expect(await cloud.call('counter', { n: 1000 })).toEqual({ done: 1000 });
    expect(cloud.dump('counters')).toEqual([{ _id: 'c', n: 1000 }]);
  });
});

describe('cloud.callFunction between functions', () => {
  test('the callee runs as the same user, with SOURCE showing the chain', async () => {
    const report = await cloud.invoke(
      'caller',
      { target: 'whoami', data: { write: true } },
      { openid: 'o-chain' },
    );
    const result = report.result as {
      mine: Record<string, unknown>;
      callee: { context: Record<string, unknown> };
    };
    expect(result.mine.OPENID).toBe('o-chain');
    expect(result.callee.context).toMatchObject({ OPENID: 'o-chain', SOURCE: 'wx_client,scf' });
    // The callee's write is attributed to the callee's own invocation, not the caller's.
    const calleeWrite = cloud.requests().find((r) => r.functionName === 'whoami' && r.openid === 'o-chain');
    expect(calleeWrite?.invocationId).not.toBe(report.requestId);
    expect(report.requests.map((r) => r.action)).toEqual(['functions.invokeFunction']);
  });

  test('a failing callee surfaces as an error in the caller', async () => {
    const error = (await cloud
      .call('caller', { target: 'lab', data: { action: 'crash' } }, { openid: 'o' })
      .catch((e: unknown) => e)) as LocalCloudCallError;
    expect(error.errCode).toBe(-504002);
    expect(error.errMsg).toMatch(/boom/);
  });
});

describe('timer triggers', () => {
  type Fired = { event: Record<string, unknown>; context: Record<string, unknown>; visits: number };

  test('trigger() runs the function as its timer trigger: the Timer event, no user, SOURCE wx_trigger', async () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const fired = (await cloud.trigger('ticker')) as Fired;
    expect(fired.event).toEqual({
      Type: 'Timer',
      TriggerName: 'monthly',
      Time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      Message: '',
    });
    const time = Date.parse(fired.event.Time as string);
    expect(time).toBeGreaterThanOrEqual(before);
    expect(time).toBeLessThanOrEqual(Date.now());
    expect(fired.context.OPENID).toBeUndefined();
    expect(fired.context.UNIONID).toBeUndefined();
    expect(fired.context.SOURCE).toBe('wx_trigger');
    expect(typeof fired.visits).toBe('number');
    // Like any invocation, its database request is in the request log, made by nobody.
    const [read] = cloud.requests({ functionName: 'ticker' });
    expect(read).toMatchObject({ functionName: 'ticker', openid: null, collection: 'visits' });
  });

  test('trigger() by name; unknown functions and triggers are clear errors', async () => {
    expect(((await cloud.trigger('ticker', 'monthly')) as Fired).event.TriggerName).toBe('monthly');
    await expect(cloud.trigger('ticker', 'hourly')).rejects.toThrow(
      'local-cloud: function "ticker" has no timer trigger "hourly" (config.json declares "monthly")',
    );
    await expect(cloud.trigger('whoami')).rejects.toThrow(
      'local-cloud: function "whoami" has no timer trigger in its config.json',
    );
    await expect(cloud.trigger('nope')).rejects.toThrow(/^local-cloud: no function "nope" in /);
  });

  test('without runTriggers nothing is scheduled', () => {
    expect(cloud.scheduledTriggers()).toEqual([]);
  });
});

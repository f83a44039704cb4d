import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  FunctionConfigError,
  LocalCloudCallError,
  parseFunctionConfig,
  readFunctionConfig,
  type CollectionsManifest,
} from '../../local-cloud';
import { capturingWarnings, keptDataDir, startTestCloud } from './support';

const manifest: CollectionsManifest = {
  collections: [{ name: 'villages', indexes: [{ name: 'name_unique', keys: { name: 1 }, unique: true }] }],
};
const seed = { villages: [{ _id: 'v1', name: '中海村' }] };

test('seed data loads once per environment, not again on restart', async () => {
  const kept = keptDataDir();
  try {
    const first = await startTestCloud({ dataDir: kept.dir, manifest, seed });
    await first.db.collection('villages').add({ data: { _id: 'v2', name: '迤那村' } });
    await first.stop();
    const again = await startTestCloud({ dataDir: kept.dir, manifest, seed });
    try {
      expect(again.dump('villages')).toEqual([
        { _id: 'v1', name: '中海村' },
        { _id: 'v2', name: '迤那村' },
      ]);
    } finally {
      await again.stop();
    }
  } finally {
    kept.cleanup();
  }
});

test('seed data that breaks a unique index loads nothing and stops the start', async () => {
  const kept = keptDataDir();
  try {
    const bad = { villages: [...seed.villages, { _id: 'v9', name: '中海村' }] };
    await expect(startTestCloud({ dataDir: kept.dir, manifest, seed: bad })).rejects.toThrow(/E11000/);
    const after = await startTestCloud({ dataDir: kept.dir, manifest });
    try {
      expect(after.dump('villages')).toEqual([]);
    } finally {
      await after.stop();
    }
  } finally {
    kept.cleanup();
  }
});

test('a seed function gets a real SDK database', async () => {
  const cloud = await startTestCloud({
    manifest,
    seed: async (db) => {
      await db.collection('villages').add({ data: { _id: 'f1', name: '新营村' } });
    },
  });
  try {
    expect(cloud.dump('villages')).toEqual([{ _id: 'f1', name: '新营村' }]);
  } finally {
    await cloud.stop();
  }
});

test('a second local cloud on the same data folder is refused while the first runs', async () => {
  const kept = keptDataDir();
  try {
    const first = await startTestCloud({ dataDir: kept.dir });
    try {
      const lock = path.join(first.envDir, 'LOCK');
      expect(statSync(lock).mode & 0o777).toBe(0o600);
      await expect(startTestCloud({ dataDir: kept.dir })).rejects.toThrow(/in use by process/);
    } finally {
      await first.stop();
    }
    expect(existsSync(path.join(first.envDir, 'LOCK'))).toBe(false);
  } finally {
    kept.cleanup();
  }
});

test('without dataDir the temporary folder is removed by stop()', async () => {
  const cloud = await startTestCloud();
  expect(existsSync(cloud.envDir)).toBe(true);
  await cloud.stop();
  expect(existsSync(cloud.envDir)).toBe(false);
});

test('environments are separate folders: data in one is not in another', async () => {
  const kept = keptDataDir();
  try {
    const a = await startTestCloud({ dataDir: kept.dir, envId: 'env-a', manifest, seed });
    const b = await startTestCloud({ dataDir: kept.dir, envId: 'env-b', manifest });
    try {
      expect(a.dump('villages')).toHaveLength(1);
      expect(b.dump('villages')).toEqual([]);
      expect(a.envDir).not.toBe(b.envDir);
    } finally {
      await a.stop();
      await b.stop();
    }
  } finally {
    kept.cleanup();
  }
});

describe('timer triggers', () => {
  const where = 'function "f"';
  const timer = (config: string, name = 'drain') => ({ name, type: 'timer', config });

  test('config.json triggers: at most one timer trigger, validated strictly', () => {
    expect(parseFunctionConfig({}, where).triggers).toEqual([]);
    expect(parseFunctionConfig({ triggers: [timer('0 * * * * * *')] }, where).triggers).toEqual([
      { name: 'drain', type: 'timer', config: '0 * * * * * *' },
    ]);
    expect(
      parseFunctionConfig({ triggers: [timer('0 0 2 1 * * *', `a${'-'.repeat(59)}`)] }, where).triggers,
    ).toHaveLength(1);
    const bad: [unknown, string][] = [
      [{ a: 1 }, 'function "f": triggers must be an array'],
      [
        [timer('0 * * * * * *'), timer('30 * * * * * *', 'other')],
        'function "f": triggers has 2 entries; WeChat cloud allows at most one trigger per function',
      ],
      [['drain'], 'function "f": triggers[0] must be an object {name, type, config}'],
      [[timer('0 0 2 1 *')], 'function "f": triggers[0].config: cron "0 0 2 1 *": needs 7 fields'],
      [
        [timer('0 0 24 * * * *')],
        'triggers[0].config: cron "0 0 24 * * * *": hour field "24": 24 is outside 0-23',
      ],
      [[{ name: 'drain', type: 'timer', config: 5 }], 'triggers[0].config must be a 7-field cron expression'],
      [[{ name: 'drain', type: 'http', config: '0 * * * * * *' }], 'triggers[0].type must be "timer"'],
      [[timer('0 * * * * * *', '1st')], 'triggers[0].name must be 1 to 60 letters, digits, - or _'],
      [[timer('0 * * * * * *', 'a b')], 'triggers[0].name must be'],
      [[timer('0 * * * * * *', `a${'b'.repeat(60)}`)], 'triggers[0].name must be'],
      [[timer('0 * * * * * *', '')], 'triggers[0].name must be'],
    ];
    for (const [triggers, message] of bad) {
      expect(() => parseFunctionConfig({ triggers }, where)).toThrow(FunctionConfigError);
      expect(() => parseFunctionConfig({ triggers }, where)).toThrow(message);
    }
  });

  /** A function folder without wx-server-sdk that appends what it got to $TICK_LOG. */
  function writeFunction(root: string, name: string, config: object, sleepMs = 0): void {
    mkdirSync(path.join(root, name), { recursive: true });
    writeFileSync(path.join(root, name, 'config.json'), JSON.stringify(config));
    writeFileSync(path.join(root, name, 'package.json'), JSON.stringify({ name, main: 'index.js' }));
    writeFileSync(
      path.join(root, name, 'index.js'),
      `const fs = require('node:fs');
      const log = (what) => fs.appendFileSync(process.env.TICK_LOG, JSON.stringify({ fn: ${JSON.stringify(name)}, ...what }) + '\\n');
      exports.main = async (event) => {
        log({ at: 'start', now: Date.now(), event, source: process.env.TCB_SOURCE, openid: process.env.WX_OPENID ?? null });
        await new Promise((r) => setTimeout(r, ${sleepMs}));
        log({ at: 'end', now: Date.now() });
        return 'goes nowhere';
      };`,
    );
  }

  type Line = {
    fn: string;
    at: 'start' | 'end';
    now: number;
    event?: { Type: string; TriggerName: string; Time: string; Message: string };
    source?: string;
    openid?: string | null;
  };
  const readLog = (file: string): Line[] =>
    existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Line)
      : [];

  test('a function whose config.json has two triggers or a bad cron fails to load with the reason', async () => {
    const kept = keptDataDir();
    try {
      const root = path.join(kept.dir, 'functions');
      writeFunction(root, 'twice', { triggers: [timer('0 * * * * * *'), timer('1 * * * * * *', 'b')] });
      writeFunction(root, 'badcron', { triggers: [timer('0 0 2 1 * *')] });
      expect(() => readFunctionConfig(path.join(root, 'twice'))).toThrow(
        'function "twice": triggers has 2 entries; WeChat cloud allows at most one trigger per function',
      );
      const cloud = await startTestCloud({
        functionsDir: root,
        envVariables: { TICK_LOG: path.join(kept.dir, 'log') },
      });
      try {
        await expect(cloud.trigger('badcron')).rejects.toThrow(
          'function "badcron": triggers[0].config: cron "0 0 2 1 * *": needs 7 fields (second minute hour day month weekday year), got 6',
        );
        const error = (await cloud.call('twice').catch((e: unknown) => e)) as LocalCloudCallError;
        expect(error).toBeInstanceOf(LocalCloudCallError);
        expect(error.errMsg).toContain('triggers has 2 entries');
      } finally {
        await cloud.stop();
      }
    } finally {
      kept.cleanup();
    }
  });

  test('runTriggers fires each timer trigger on its schedule, never overlapping a running firing, until stop()', async () => {
    const kept = keptDataDir();
    const log = path.join(kept.dir, 'ticks.log');
    try {
      const root = path.join(kept.dir, 'functions');
      writeFunction(root, 'tick', { triggers: [timer('* * * * * * *', 'everySecond')] });
      writeFunction(root, 'slow', { timeout: 10, triggers: [timer('* * * * * * *', 'sleepy')] }, 2500);
      writeFunction(root, 'broken', { triggers: [timer('0 0 25 * * * *')] });
      writeFunction(root, 'plain', {});
      const { warnings } = await capturingWarnings(async () => {
        const cloud = await startTestCloud({
          functionsDir: root,
          runTriggers: true,
          envVariables: { TICK_LOG: log },
        });
        try {
          const scheduled = cloud.scheduledTriggers();
          expect(scheduled.map((s) => [s.functionName, s.trigger.name])).toEqual([
            ['slow', 'sleepy'],
            ['tick', 'everySecond'],
          ]);
          for (const s of scheduled) {
            expect(s.nextAt % 1000).toBe(0);
            expect(s.nextAt).toBeGreaterThan(Date.now() - 1000);
          }
          await new Promise((r) => setTimeout(r, 4500));
        } finally {
          await cloud.stop();
        }
      });
      const lines = readLog(log);
      const ticks = lines.filter((l) => l.fn === 'tick' && l.at === 'start');
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      const times = ticks.map((t) => Date.parse(t.event!.Time));
      for (const [i, t] of ticks.entries()) {
        expect(t.event).toEqual({
          Type: 'Timer',
          TriggerName: 'everySecond',
          Time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
          Message: '',
        });
        expect(t).toMatchObject({ source: 'wx_trigger', openid: null });
        expect(t.now).toBeGreaterThanOrEqual(times[i]!);
        if (i > 0) expect(times[i]!).toBeGreaterThan(times[i - 1]!);
      }
      // The slow function's firings never overlap: a firing due while one runs is skipped and logged.
      const slow = lines.filter((l) => l.fn === 'slow');
      expect(slow[0]?.at).toBe('start');
      for (let i = 1; i < slow.length; i++) expect(slow[i]!.at).not.toBe(slow[i - 1]!.at);
      expect(warnings).toContainEqual(
        expect.stringMatching(
          /^\[local-cloud\] timer trigger slow\/sleepy at \S+Z: skipped, the previous firing is still running$/,
        ),
      );
      expect(warnings).toContainEqual(
        expect.stringContaining(
          'function "broken": triggers[0].config: cron "0 0 25 * * * *": hour field "25"',
        ),
      );
      // Stopped: nothing fires any more.
      await new Promise((r) => setTimeout(r, 1500));
      expect(readLog(log)).toHaveLength(lines.length);
    } finally {
      kept.cleanup();
    }
  }, 20_000);
});

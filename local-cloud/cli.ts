#!/usr/bin/env node
/**
 * local-cloud command line (`npm run local-cloud -- <command>`):
 *
 *   serve                         run the backend, the functions (firing their timer triggers) and the
 *                                 dev API/UI until Ctrl-C
 *   call <function>               invoke a function (through a running server if one holds the data folder)
 *        [--openid X] [--data '{"action":"me"}']
 *   dump <collection>             print a collection's documents as EJSON
 *
 * Options (all commands; defaults come from ./local-cloud.config.json when it exists):
 *   --config FILE  --env ID  --data-dir DIR  --functions DIR  --manifest FILE  --port N
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EJSON } from 'bson';
import {
  LocalCloud,
  LocalCloudCallError,
  readLiveLock,
  DEFAULT_ENV_ID,
  type LocalCloudOptions,
} from './src/local-cloud';
import { Store } from './src/store/store';
import type { SecurityWord, SubscribeTemplate } from './src/openapi';

interface FileConfig {
  envId?: string;
  appid?: string;
  functionsDir?: string;
  dataDir?: string;
  manifest?: string;
  port?: number;
  templates?: Record<string, SubscribeTemplate>;
  securityWords?: SecurityWord[];
}

const USAGE = `usage: local-cloud <serve | call <function> [--openid X] [--data JSON] | dump <collection>>
  [--config local-cloud.config.json] [--env ID] [--data-dir DIR] [--functions DIR] [--manifest FILE] [--port N]`;

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      config: { type: 'string' },
      env: { type: 'string' },
      'data-dir': { type: 'string' },
      functions: { type: 'string' },
      manifest: { type: 'string' },
      port: { type: 'string' },
      openid: { type: 'string' },
      data: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, target] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command ? 0 : 2;
  }

  const configPath =
    values.config ?? (existsSync('local-cloud.config.json') ? 'local-cloud.config.json' : undefined);
  const file: FileConfig = configPath ? (JSON.parse(readFileSync(configPath, 'utf8')) as FileConfig) : {};
  const base = configPath ? path.dirname(path.resolve(configPath)) : process.cwd();
  const resolve = (p: string | undefined) => (p ? path.resolve(base, p) : undefined);
  const envId = values.env ?? file.envId ?? DEFAULT_ENV_ID;
  const dataDir = values['data-dir']
    ? path.resolve(values['data-dir'])
    : (resolve(file.dataDir) ?? path.resolve('.data'));
  const options: LocalCloudOptions = {
    envId,
    appid: file.appid,
    dataDir,
    functionsDir: values.functions
      ? path.resolve(values.functions)
      : (resolve(file.functionsDir) ?? path.resolve('functions')),
    manifest: values.manifest ? path.resolve(values.manifest) : resolve(file.manifest),
    templates: file.templates,
    securityWords: file.securityWords,
    port: Number(values.port ?? file.port ?? 3000),
  };
  const live = readLiveLock(path.join(dataDir, envId));

  switch (command) {
    case 'serve': {
      const cloud = await LocalCloud.start({ ...options, logFunctionOutput: true, runTriggers: true });
      const timers = cloud
        .scheduledTriggers()
        .map(
          (s) =>
            `\n             ${s.functionName}/${s.trigger.name} "${s.trigger.config}" (UTC+8), next ${new Date(s.nextAt).toISOString()}`,
        )
        .join('');
      console.log(`local-cloud serving environment "${envId}" from ${cloud.envDir}
  functions  ${options.functionsDir} (${cloud.runner.functionNames().join(', ') || 'none yet'})
  timers     ${timers ? `fired on schedule:${timers}` : 'none'}
  dev API    POST ${cloud.url}/api/<function>  (header X-Openid: <openid>)
  dev UI     ${cloud.url}/_local/
  SDK URL    TCB_CONTEXT_CNFG='{"URL":"${cloud.sdkUrl}"}'`);
      await new Promise<void>((done) => {
        const stop = () => {
          console.log('\nlocal-cloud: stopping (writing a snapshot)…');
          cloud.stop({ compact: true }).then(done, done);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      return 0;
    }
    case 'call': {
      if (!target) return usage('call needs a function name');
      let data: Record<string, unknown>;
      try {
        data = values.data ? (JSON.parse(values.data) as Record<string, unknown>) : {};
      } catch {
        return usage('--data must be JSON');
      }
      if (live) {
        const res = await fetch(`${live.url}/api/${encodeURIComponent(target)}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(values.openid ? { 'x-openid': values.openid } : {}),
          },
          body: JSON.stringify(data),
        });
        console.log(JSON.stringify(await res.json(), null, 2));
        return res.ok ? 0 : 1;
      }
      const cloud = await LocalCloud.start({ ...options, port: 0, logFunctionOutput: true });
      try {
        const result = await cloud.call(target, data, values.openid ? { openid: values.openid } : {});
        console.log(JSON.stringify(result, null, 2));
        return 0;
      } catch (e) {
        if (!(e instanceof LocalCloudCallError)) throw e;
        console.error(JSON.stringify({ errCode: e.errCode, errMsg: e.errMsg }, null, 2));
        return 1;
      } finally {
        await cloud.stop();
      }
    }
    case 'dump': {
      if (!target) return usage('dump needs a collection name');
      if (live) {
        const res = await fetch(`${live.url}/_local/collections/${encodeURIComponent(target)}`);
        const text = await res.text();
        if (!res.ok) {
          console.error(text);
          return 1;
        }
        console.log(EJSON.stringify(EJSON.parse(text, { relaxed: true }), undefined, 2, { relaxed: true }));
        return 0;
      }
      const store = await Store.open(path.join(dataDir, envId), envId);
      try {
        if (!store.engine.hasCollection(target) || target.startsWith('$')) {
          console.error(`no collection ${target} in ${path.join(dataDir, envId)}`);
          return 1;
        }
        console.log(EJSON.stringify(store.engine.find(target), undefined, 2, { relaxed: true }));
        return 0;
      } finally {
        await store.close();
      }
    }
    default:
      return usage(`unknown command ${command}`);
  }
}

function usage(why: string): number {
  console.error(`${why}\n${USAGE}`);
  return 2;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CronError, parseCron } from './cron';

/**
 * A function's `config.json`, as WeChat DevTools deploys it. One strict reader for both the local runner
 * and the deploy script: a mistake in config.json fails loudly in both places instead of quietly defaulting.
 */
export interface FunctionConfig {
  /** Seconds; WeChat's default is 3. */
  timeout: number;
  /** MB; WeChat's default is 256. */
  memorySize: number;
  envVariables: Record<string, string>;
  /** `permissions.openapi`: the cloud-call APIs the function may use. */
  openapi: string[];
  /** A Node.js runtime such as `Nodejs16.13`, when config.json names one (a deploy-time setting). */
  runtime: string | null;
  /** `triggers`: the function's timer trigger (WeChat allows at most one), validated; [] when none. */
  triggers: TimerTrigger[];
}

/** A timer trigger (定时触发器) as config.json declares it; `config` is a 7-field cron expression in UTC+8. */
export interface TimerTrigger {
  name: string;
  type: 'timer';
  config: string;
}

export const DEFAULT_TIMEOUT_S = 3;
export const DEFAULT_MEMORY_MB = 256;

export class FunctionConfigError extends Error {
  override name = 'FunctionConfigError';
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function positiveInt(value: unknown, what: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0 || value > max) {
    throw new FunctionConfigError(
      `${what} must be a whole number from 1 to ${max}, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

const TRIGGER_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

function parseTriggers(raw: unknown, where: string): TimerTrigger[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new FunctionConfigError(`${where}: triggers must be an array`);
  if (raw.length > 1) {
    throw new FunctionConfigError(
      `${where}: triggers has ${raw.length} entries; WeChat cloud allows at most one trigger per function`,
    );
  }
  return raw.map((t: unknown, i) => {
    const at = `${where}: triggers[${i}]`;
    if (!isObject(t)) throw new FunctionConfigError(`${at} must be an object {name, type, config}`);
    const { name, type, config } = t;
    if (typeof name !== 'string' || name.length > 60 || !TRIGGER_NAME.test(name)) {
      throw new FunctionConfigError(
        `${at}.name must be 1 to 60 letters, digits, - or _, starting with a letter, got ${JSON.stringify(name)}`,
      );
    }
    if (type !== 'timer') {
      throw new FunctionConfigError(
        `${at}.type must be "timer" (the only kind), got ${JSON.stringify(type)}`,
      );
    }
    if (typeof config !== 'string') {
      throw new FunctionConfigError(
        `${at}.config must be a 7-field cron expression string, got ${JSON.stringify(config)}`,
      );
    }
    try {
      parseCron(config);
    } catch (e) {
      if (e instanceof CronError) throw new FunctionConfigError(`${at}.config: ${e.message}`);
      throw e;
    }
    return { name, type, config };
  });
}

export function parseFunctionConfig(raw: unknown, where: string): FunctionConfig {
  if (!isObject(raw)) throw new FunctionConfigError(`${where}: config.json must be a JSON object`);
  const envVariables: Record<string, string> = {};
  if (raw.envVariables !== undefined) {
    if (!isObject(raw.envVariables))
      throw new FunctionConfigError(`${where}: envVariables must be an object`);
    for (const [k, v] of Object.entries(raw.envVariables)) {
      if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(k))
        throw new FunctionConfigError(`${where}: env var name "${k}" is invalid`);
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
        throw new FunctionConfigError(`${where}: env var "${k}" must be a string, number or boolean`);
      }
      envVariables[k] = String(v);
    }
  }
  let openapi: string[] = [];
  if (raw.permissions !== undefined) {
    if (!isObject(raw.permissions)) throw new FunctionConfigError(`${where}: permissions must be an object`);
    const list = raw.permissions.openapi;
    if (list !== undefined) {
      if (!Array.isArray(list) || !list.every((s) => typeof s === 'string' && s.length > 0)) {
        throw new FunctionConfigError(`${where}: permissions.openapi must be an array of API names`);
      }
      openapi = [...new Set(list as string[])];
    }
  }
  if (raw.timeoutNote !== undefined && (typeof raw.timeoutNote !== 'string' || !raw.timeoutNote.trim())) {
    throw new FunctionConfigError(
      `${where}: timeoutNote, when present, must say why the timeout is what it is`,
    );
  }
  if (raw.runtime !== undefined && (typeof raw.runtime !== 'string' || !raw.runtime.startsWith('Nodejs'))) {
    throw new FunctionConfigError(`${where}: runtime must be a Node.js runtime such as "Nodejs16.13"`);
  }
  return {
    timeout: positiveInt(raw.timeout, `${where}: timeout`, DEFAULT_TIMEOUT_S, 900),
    memorySize: positiveInt(raw.memorySize, `${where}: memorySize`, DEFAULT_MEMORY_MB, 3072),
    envVariables,
    openapi,
    runtime: (raw.runtime as string | undefined) ?? null,
    triggers: parseTriggers(raw.triggers, where),
  };
}

/** Reads `<dir>/config.json`; a function without one gets WeChat's defaults. */
export function readFunctionConfig(dir: string): FunctionConfig {
  const file = path.join(dir, 'config.json');
  const where = `function "${path.basename(dir)}"`;
  if (!existsSync(file)) return parseFunctionConfig({}, where);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new FunctionConfigError(`${where}: config.json is not valid JSON: ${(e as Error).message}`);
  }
  return parseFunctionConfig(raw, where);
}

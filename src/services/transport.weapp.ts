import Taro from '@tarojs/taro';
import type { CallFunction } from './transport';

/** The cloud environment id comes from `.env` (TARO_APP_CLOUD_ENV); empty means the default environment. */
const ENV = process.env.TARO_APP_CLOUD_ENV;

export function initTransport(): void {
  Taro.cloud.init({ ...(ENV ? { env: ENV } : {}), traceUser: true });
}

export const callFunction: CallFunction = async (name, data) => {
  const res = await Taro.cloud.callFunction({ name, data });
  return res.result;
};

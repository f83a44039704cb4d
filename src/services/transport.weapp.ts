import Taro from '@tarojs/taro';
import { CLOUD_ENV as ENV } from './config';
import type { CallFunction } from './transport';

export function initTransport(): void {
  Taro.cloud.init({ ...(ENV ? { env: ENV } : {}), traceUser: true });
}

export const callFunction: CallFunction = async (name, data) => {
  const res = await Taro.cloud.callFunction({ name, data });
  return res.result;
};

import Taro from '@tarojs/taro';

/** Cryptographically random bytes from WeChat (base library 2.20.2+; older clients get an error to upgrade). */
export async function randomBytes(length: number): Promise<Uint8Array> {
  const res = await Taro.getRandomValues({ length });
  return new Uint8Array(res.randomValues);
}

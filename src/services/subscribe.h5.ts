import Taro from '@tarojs/taro';
import { currentDevOpenid } from './dev-identity';
import type { SubscribeAnswer } from './subscribe';

/**
 * The local H5 build has no WeChat: a confirmation stands in for WeChat's prompt, and an accept is also told to
 * the local cloud's WeChat side (`POST /_local/grants`), as WeChat itself would record the consent.
 */
export async function askForReminders(
  templateIds: string[],
): Promise<Record<string, SubscribeAnswer> | null> {
  const res = await Taro.showModal({
    title: '接收通知提醒',
    content: '（本地演示：代替微信的订阅提示）有新通知时，通过微信提醒您一次。',
    confirmText: '允许',
    cancelText: '拒绝',
  });
  if (res.confirm) {
    for (const templateId of templateIds) {
      const answer = await fetch('/_local/grants', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ openid: currentDevOpenid(), templateId, count: 1 }),
      }).catch(() => null);
      if (!answer?.ok) return null;
    }
  }
  const answer: SubscribeAnswer = res.confirm ? 'accept' : 'reject';
  return Object.fromEntries(templateIds.map((id) => [id, answer]));
}

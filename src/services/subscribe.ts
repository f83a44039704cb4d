/**
 * 开启提醒: asks for one-time subscriptions to subscribe-message templates, at a tap (WeChat requires one).
 * Per-platform files: `subscribe.weapp.ts` shows WeChat's own prompt; `subscribe.h5.ts` stands in for it in the
 * local H5 build; this file serves tests and other platforms with a plain confirmation.
 */
import Taro from '@tarojs/taro';

export type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter';

/** What the user answered per template, or null when the prompt could not be shown. */
export async function askForReminders(
  templateIds: string[],
): Promise<Record<string, SubscribeAnswer> | null> {
  const res = await Taro.showModal({
    title: '接收通知提醒',
    content: '有新通知时，通过微信提醒您一次。',
    confirmText: '允许',
    cancelText: '拒绝',
  });
  const answer: SubscribeAnswer = res.confirm ? 'accept' : 'reject';
  return Object.fromEntries(templateIds.map((id) => [id, answer]));
}

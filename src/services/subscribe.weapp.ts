import Taro from '@tarojs/taro';
import type { SubscribeAnswer } from './subscribe';

/**
 * WeChat's subscription prompt (`wx.requestSubscribeMessage`, from a tap, at most 3 templates). When the user
 * turned reminders off for the mini-program (errCode 20004), every template counts as banned.
 */
export async function askForReminders(
  templateIds: string[],
): Promise<Record<string, SubscribeAnswer> | null> {
  try {
    const res = (await Taro.requestSubscribeMessage({
      tmplIds: templateIds,
      entityIds: [],
    })) as unknown as Record<string, string>;
    return Object.fromEntries(
      templateIds.map((id) => [
        id,
        (['accept', 'reject', 'ban', 'filter'].includes(res[id]!) ? res[id] : 'reject') as SubscribeAnswer,
      ]),
    );
  } catch (e) {
    if ((e as { errCode?: number }).errCode === 20004) {
      return Object.fromEntries(templateIds.map((id) => [id, 'ban' as const]));
    }
    return null;
  }
}

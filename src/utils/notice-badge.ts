import Taro from '@tarojs/taro';
import { call } from '../services/cloud';

/** The 通知 tab's place in app.config.ts `tabBar.list`. */
const NOTICES_TAB = 1;

/**
 * Shows the unread count on the 通知 tab (or clears it). Pass the count when a page already has it; otherwise
 * it is asked from the cloud (three reads). Never throws: a badge is not worth an error message.
 */
export async function showNoticeBadge(known?: number): Promise<void> {
  let unread = known;
  if (unread === undefined) {
    const result = await call('notices', 'unread', {});
    if (!result.ok) return;
    unread = result.data.unread;
  }
  try {
    if (unread > 0)
      await Taro.setTabBarBadge({ index: NOTICES_TAB, text: unread > 99 ? '99+' : String(unread) });
    else await Taro.removeTabBarBadge({ index: NOTICES_TAB });
  } catch {
    /* not on a tab page, or the tab bar is hidden */
  }
}

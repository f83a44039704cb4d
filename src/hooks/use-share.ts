import { useShareAppMessage } from '@tarojs/taro';

/** What a 转发 card carries: the chat sees the title, the receiver opens the path. */
export interface ShareMessage {
  title: string;
  path: string;
}

/**
 * 转发 (share to a chat) from the page's ··· menu. `path` must come from routes.ts and be this very page with
 * its params, so the receiver lands where the sender was; `title` is what the page loaded (null before it
 * arrives), else `fallback`. A receiver who has not bound their identity yet gets the page's usual error.
 * The page config must also set `enableShareAppMessage: true`, or WeChat greys out 转发.
 *
 * No 分享到朋友圈 (useShareTimeline): a timeline opens pages in WeChat's 单页模式, which cannot call cloud
 * functions, and village notices and votes are for the village's chats, not the public timeline.
 */
export function useShare(path: string, title: string | null | undefined, fallback: string): void {
  // Taro keeps the latest callback, so the title follows the data without re-registering.
  useShareAppMessage((): ShareMessage => ({ title: title?.trim() || fallback, path }));
}

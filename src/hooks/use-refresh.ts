import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useShownAgain } from './use-shown-again';

/**
 * A page's data kept fresh: reloaded on pull-down (the spinner stops when it is done) and, with `shownAgain`,
 * each time the page shows again (back from a form or another page).
 */
export function useRefresh(reload: () => Promise<void>, options: { shownAgain?: boolean } = {}): void {
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });
  useShownAgain(() => {
    if (options.shownAgain) void reload();
  });
}

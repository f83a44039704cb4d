import { useRef } from 'react';
import { useDidShow } from '@tarojs/taro';

/**
 * Runs `callback` each time the page shows again — back from a form or another page — but not on its first
 * show, when the page loads its data anyway.
 */
export function useShownAgain(callback: () => void): void {
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (shownOnce.current) callback();
    shownOnce.current = true;
  });
}

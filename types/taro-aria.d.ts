/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars -- merging needs Taro's own type parameters. */
/**
 * WeChat reads `aria-label` and `aria-role` on every component (基础库 2.7.1+, see aria-component), but
 * @tarojs/components 4.2.1 types them only on some (View has both, Button only the label, Text neither). Every
 * tappable view carries them (test/src/a11y.test.ts), so all components accept them here; the build puts them
 * in the templates (config/aria.ts).
 */
import type { BaseTouchEvent, ITouchEvent } from '@tarojs/components/types/common';

declare module '@tarojs/components/types/common' {
  interface StandardProps<T = any, TouchEvent extends BaseTouchEvent<any> = ITouchEvent> {
    /** What the screen reader says for the component. */
    ariaLabel?: string;
    /** Its role for the screen reader, e.g. `button`. */
    ariaRole?: string;
  }
}

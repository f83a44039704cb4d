import { mergeInternalComponents } from '@tarojs/shared';

/**
 * The aria attributes WeChat reads (aria-component), added to the components Taro renders through its
 * templates. Taro 4.2.1's weapp templates carry neither aria-label nor aria-role, so `ariaLabel` and
 * `ariaRole` would never reach WeChat: config/aria.ts adds them to the templates at build time, and this
 * module, imported by the app before anything renders, adds the same to the runtime's component table —
 * both sides derive their attribute short names from that table, so they must list the same (a test checks).
 */
export const ARIA_ATTRIBUTES = { 'aria-label': '', 'aria-role': '' };
export const ARIA_COMPONENTS = { View: ARIA_ATTRIBUTES, Text: ARIA_ATTRIBUTES, Button: ARIA_ATTRIBUTES };

mergeInternalComponents(ARIA_COMPONENTS);

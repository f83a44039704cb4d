import path from 'node:path';
import type { IPluginContext, TaroPlatformBase } from '@tarojs/service';

/**
 * A Taro plugin giving View, Text and Button their aria-label and aria-role in the mini-program (see
 * src/utils/aria.ts, which must list the same attributes: test/src/a11y.test.ts compares them). At the end of
 * the platform's setup it adds the attributes to the templates and makes the app import src/utils/aria.ts
 * after Taro's runtime. H5 has no templates: nothing to do there.
 */
export const ARIA_ATTRIBUTES = { 'aria-label': '', 'aria-role': '' };
export const ARIA_COMPONENTS = { View: ARIA_ATTRIBUTES, Text: ARIA_ATTRIBUTES, Button: ARIA_ATTRIBUTES };
const RUNTIME = path.join(__dirname, '..', 'src', 'utils', 'aria.ts');

export default (ctx: IPluginContext) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform: TaroPlatformBase) {
      if (!platform.template) return;
      platform.template.mergeComponents(ctx, ARIA_COMPONENTS);
      const runtime = platform.runtimePath;
      platform.runtimePath = [...(Array.isArray(runtime) ? runtime : [runtime]), RUNTIME];
    },
  });
};

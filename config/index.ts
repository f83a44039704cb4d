import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

// Taro's CLI sets process.env.TARO_ENV (from --type) before this file is evaluated.
const isH5 = process.env.TARO_ENV === 'h5';
// `npm run bench` builds a bare one-page app with this same config as the baseline of the H5 home's render.
const bare = process.env.BENCH_BARE_H5 === '1';
const CORE = path.join(__dirname, '..', 'core');
// The demo identities (scripts/demo) are read by the H5-only dev identity page.
const DEMO = path.join(__dirname, '..', 'scripts', 'demo');
// Libraries published as ES2015+ that the weapp bundles: babel lowers them to ES5 too (Taro itself compiles only
// src/ and node_modules/*taro*; react, scheduler and dayjs ship ES5). test/weapp/syntax.test.ts checks the result.
// (Folders, not a pattern: Taro's config check accepts only strings here.)
const MODERN_LIBRARIES = ['zod', 'fflate'].map((name) => path.join(__dirname, '..', 'node_modules', name));

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'tongxin',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: bare ? 'scripts/bench/bare-taro' : 'src',
    // `@core/<domain>` in src/ is core/<domain> (tsconfig.json `paths`, jest's moduleNameMapper say the same).
    alias: { '@core': CORE },
    // Each build wipes its outputRoot: H5 gets its own folder so dist/ (miniprogramRoot) stays valid.
    outputRoot: bare ? 'build/bench/bare-h5' : isH5 ? 'dist-h5' : 'dist',
    // aria-label / aria-role in the mini-program's templates (Taro's have none).
    plugins: [path.join(__dirname, 'aria.ts')],
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: {
      // Webpack persistent cache in node_modules/.cache/webpack/<NODE_ENV>-<TARO_ENV>, opt-in with TARO_CACHE=1:
      // warm rebuilds take 3-5 s instead of 7-17 s, but a cold build that writes the cache is 6-12 s slower
      // (so keep it off in CI, which always starts cold).
      enable: process.env.TARO_CACHE === '1',
      // Taro only invalidates on config/index and src/app.config changes: add the other build inputs.
      buildDependencies: {
        config: [
          path.join(__dirname, 'index.ts'),
          path.join(__dirname, 'dev.ts'),
          path.join(__dirname, 'prod.ts'),
          path.join(__dirname, '..', 'babel.config.js'),
          path.join(__dirname, '..', 'package-lock.json'),
        ],
      },
    },
    mini: {
      // core/ (rules shared with the cloud functions) lives beside src/ and must be compiled too, and so must the
      // libraries that are not ES5: old WeChat clients run ES5 (package.json browserslist, project.config.json es6: false).
      compile: { include: [CORE, ...MODERN_LIBRARIES] },
      // Modules used only by subpackages move out of the main package (Taro default is on; explicit here).
      optimizeMainPackage: { enable: true },
      // Page styles are independent; the order they are extracted in does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      compile: { include: [CORE, DEMO] },
      publicPath: './',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // No React Fast Refresh in `taro build --type h5 --watch` (live reload instead): otherwise Taro requires
      // @pmmmwh/react-refresh-webpack-plugin and react-refresh as extra devDependencies. Pairs with `hot: false` in babel.config.js.
      devServer: { hot: false },
      // [contenthash] rather than the template's [hash] (deprecated in webpack 5: DeprecationWarning).
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        // px -> vw instead of px -> rem: Taro then injects no script that rewrites <html> font-size,
        // so 1rem stays the browser's own (user-adjustable) font size, the H5 analogue of rootFontSize="system".
        pxtransform: { enable: true, config: { targetUnit: 'vw' } },
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        // Hides the harmless persistent-cache warning "Skipped not serializable cache item ... NullDependency"
        // (from @tarojs/components/lib/react); build errors and warnings are still reported.
        chain.merge({ infrastructureLogging: { level: 'error' } });
        // React + Taro's H5 runtime make the entry about 300 KB (100 KB gzipped); webpack's default hint is 244 KB.
        chain.merge({ performance: { maxEntrypointSize: 512 * 1024, maxAssetSize: 512 * 1024 } });
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});

// The baseline of the H5 home ratio (scripts/bench/h5.ts): a Taro app with one bare page, built with the
// project's own config (config/index.ts, BENCH_BARE_H5=1) so that only the app differs.
export default defineAppConfig({
  pages: ['pages/index/index'],
  window: { navigationBarTitleText: '同心' },
});

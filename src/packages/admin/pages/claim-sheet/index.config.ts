export default definePageConfig({
  navigationBarTitleText: '认领码清单',
  enablePageMeta: true,
  enablePullDownRefresh: true,
});

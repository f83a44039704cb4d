export default definePageConfig({
  navigationBarTitleText: '我的分红',
  enablePageMeta: true,
  enablePullDownRefresh: true,
});

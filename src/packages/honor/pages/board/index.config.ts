export default definePageConfig({
  navigationBarTitleText: '红黑榜',
  enablePageMeta: true,
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
});

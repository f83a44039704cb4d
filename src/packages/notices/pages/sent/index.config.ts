export default definePageConfig({
  navigationBarTitleText: '已发通知',
  enablePageMeta: true,
  enablePullDownRefresh: true,
});

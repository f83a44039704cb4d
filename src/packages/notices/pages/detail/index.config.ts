export default definePageConfig({
  navigationBarTitleText: '通知',
  enablePageMeta: true,
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
});

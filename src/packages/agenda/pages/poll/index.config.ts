export default definePageConfig({
  navigationBarTitleText: '表决',
  enablePageMeta: true,
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
});

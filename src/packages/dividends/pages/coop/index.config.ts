export default definePageConfig({
  navigationBarTitleText: '合作社',
  enablePageMeta: true,
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
});

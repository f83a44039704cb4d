export default definePageConfig({
  navigationBarTitleText: '合作社公示',
  enablePageMeta: true,
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
});

export default definePageConfig({
  navigationBarTitleText: '政策宣讲',
  enablePageMeta: true,
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
});

export default definePageConfig({
  navigationBarTitleText: '村民名册',
  enablePageMeta: true,
  enablePullDownRefresh: true,
});

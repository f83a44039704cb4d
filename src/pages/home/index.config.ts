export default definePageConfig({
  navigationBarTitleText: '同心',
  enablePageMeta: true,
  enablePullDownRefresh: true,
});
